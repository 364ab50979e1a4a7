using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 after a busy claim the function makes through an own method: Dotmim.Sync's <c>SyncAgent.SynchronizeAsync</c>
/// calls <c>LockSync()</c> — <c>lock (balanceLock) { if (syncInProgress) throw new AlreadyInProgressException();
/// syncInProgress = true; }</c> — before <c>if (!checkUpgradeDone) { await …; checkUpgradeDone = true; }</c>: a second
/// caller throws before the check, so one caller at a time runs it.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task CheckAfterAnOwnBusyClaimThatThrows_DoesNotReport_AClaimThatOnlyReturnsOrNoClaimDoes()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IOrchestrator { Task<bool> NeedsUpgradeAsync(); Task UpgradeAsync(); }

            public sealed class SyncAgent
            {
                private readonly object _balanceLock = new object();
                private readonly IOrchestrator _orchestrator;
                private bool _syncInProgress;
                private bool _checkUpgradeDone;
                private bool _warmedUp;
                private bool _primed;

                public SyncAgent(IOrchestrator orchestrator) => _orchestrator = orchestrator;

                public async Task SynchronizeAsync()
                {
                    // Lock sync to prevent multi call to sync at the same time
                    this.LockSync();
                    try
                    {
                        if (!_checkUpgradeDone)
                        {
                            if (await _orchestrator.NeedsUpgradeAsync().ConfigureAwait(false))
                                await _orchestrator.UpgradeAsync().ConfigureAwait(false);

                            _checkUpgradeDone = true;
                        }
                    }
                    finally
                    {
                        UnlockSync();
                    }
                }

                public async Task WarmUpAsync()
                {
                    TryLock(); // returns without throwing: the second caller goes on
                    if ({|#0:!_warmedUp|})
                    {
                        await _orchestrator.UpgradeAsync();
                        _warmedUp = true;
                    }
                }

                public async Task PrimeAsync()
                {
                    Touch();
                    if ({|#1:!_primed|})
                    {
                        await _orchestrator.UpgradeAsync();
                        _primed = true;
                    }
                }

                private void LockSync()
                {
                    lock (_balanceLock)
                    {
                        if (_syncInProgress)
                            throw new InvalidOperationException("already in progress");

                        _syncInProgress = true;
                    }
                }

                private void TryLock()
                {
                    if (_syncInProgress)
                        return;

                    _syncInProgress = true;
                }

                private void Touch() => Console.WriteLine("touch");

                private void UnlockSync()
                {
                    lock (_balanceLock)
                    {
                        _syncInProgress = false;
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_warmedUp"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_primed"));
    }
}
