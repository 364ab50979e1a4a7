using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 and <c>bool</c> flags that are states rather than one-time initializations (<c>LazyInitToggles</c>): a flag the
/// same function clears again (elsa's <c>WorkflowReferenceUpdater._isUpdating</c>), a flag whose other half of a switch
/// tests and clears it (jellyfin's <c>TranscodingThrottler._isPaused</c>, elsa's
/// <c>StructuredLogWriteBufferBackgroundTask._started</c>), and a terminal operation's idempotency flag (MassTransit's
/// <c>SystemTransactionContext.Commit</c>). A flag cleared without being read, or cleared in a <c>catch</c>, is still an
/// initialization flag.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task InProgressMarkerClearedByTheSameFunction_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ReferenceUpdater
            {
                private readonly ICatalogStore _store;
                private bool _isUpdating;

                public ReferenceUpdater(ICatalogStore store) => _store = store;

                public async Task<int> UpdateAsync(bool enabled)
                {
                    if (_isUpdating || !enabled)
                        return 0;

                    var catalog = await _store.LoadAsync();
                    _isUpdating = true;
                    await _store.WarmUpAsync();
                    _isUpdating = false;
                    return catalog == null ? 0 : 1;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TwoWaySwitch_PauseAndUnpause_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Throttler
            {
                private readonly ICatalogStore _store;
                private bool _isPaused;

                public Throttler(ICatalogStore store) => _store = store;

                public async Task PauseAsync()
                {
                    if (!_isPaused)
                    {
                        await _store.WarmUpAsync();
                        _isPaused = true;
                    }
                }

                public async Task UnpauseAsync()
                {
                    if (_isPaused)
                    {
                        await _store.WarmUpAsync();
                        this._isPaused = false;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InProgressMarkerClearedThroughAnOwnCall_DoesNotReport_AnUnrelatedClearDoesNot()
    {
        // Discord.Net's DefaultWebSocketClient (`DisconnectInternalAsync` sets `_isDisconnecting` and clears it in its
        // finally), radzen's AI chat (`IsLoading`), ArchiSteamFarm's console loop (`OnUserInputStart(); try { … } finally
        // { OnUserInputEnd(); }`): markers set and cleared around work, not initializations.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Client
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private bool _isDisconnecting;
                private bool _waiting;
                private bool _loaded;
                private Catalog _catalog;

                public Client(ICatalogStore store) => _store = store;

                private async Task DisconnectInternalAsync()
                {
                    _isDisconnecting = true;
                    try
                    {
                        await _store.LoadAsync();
                    }
                    finally
                    {
                        _isDisconnecting = false;
                    }
                }

                public async Task OnClosedAsync()
                {
                    if (_isDisconnecting)
                    {
                        return;
                    }

                    await _lock.WaitAsync();
                    try { await DisconnectInternalAsync(); }
                    finally { _lock.Release(); }
                }

                public async Task PollAsync()
                {
                    while (true)
                    {
                        if (_waiting)
                        {
                            await Task.Delay(100);
                            continue;
                        }

                        OnInputStart();
                        try { await _store.LoadAsync(); }
                        finally { OnInputEnd(); }
                    }
                }

                private void OnInputStart() => _waiting = true;
                private void OnInputEnd() => _waiting = false;

                public async Task<Catalog> GetAsync(bool fresh)
                {
                    if ([|!_loaded|])
                    {
                        _catalog = await _store.LoadAsync();
                        _loaded = true;
                    }

                    if (fresh) Expire(); // a clear outside any finally: the flag stays an initialization flag
                    return _catalog;
                }

                private void Expire() => _loaded = false;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StartFlagDeclaredInABaseClass_ClearedByATestingStop_DoesNotReport()
    {
        // FluentFTP's AsyncFtpMonitor: Start/Stop in the derived class, `Active { get; protected set; }` in its base.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IClient { bool IsConnected { get; } Task Connect(); Task Disconnect(); }

            public abstract class BaseMonitor
            {
                public bool Active { get; protected set; }
            }

            public class Monitor : BaseMonitor
            {
                private readonly IClient _client;
                public Monitor(IClient client) => _client = client;

                public async Task Start()
                {
                    if (!Active)
                    {
                        if (!_client.IsConnected) await _client.Connect();
                        Active = true;
                    }
                }

                public async Task Stop()
                {
                    if (Active)
                    {
                        await _client.Disconnect();
                        Active = false;
                    }
                }
            }

            public class OneWayMonitor : BaseMonitor
            {
                private readonly IClient _client;
                public OneWayMonitor(IClient client) => _client = client;

                public async Task Start()
                {
                    if ([|!Active|])
                    {
                        await _client.Connect();
                        Active = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StartFlagClearedByATestingStop_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public class BufferTask
            {
                private readonly ICatalogStore _store;
                private volatile bool _started;

                public BufferTask(ICatalogStore store) => _store = store;

                public async Task BeginAsync(CancellationToken cancellationToken)
                {
                    if (_started)
                        return;

                    await _store.WarmUpAsync();
                    _started = true;
                }

                public bool IsRunning => _started;

                public void End()
                {
                    if (!_started)
                        return;

                    _started = false;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ResetOfAFlagGuardingALoadOfState_IsAnInvalidation_Reports()
    {
        // An MM0005 round over real code (a cart service): `ResetCache() => _loaded = false;` hid the race of
        // `if (_loaded) return; … _items = …; _loaded = true;` (20 loads for 20 first calls), while the same class with
        // `Invalidate()` was reported. A flag guarding a load of other state is a cache; a Reset… that clears it invalidates
        // it. npgsql's per-use marker, which guards an action only, stays exempt (PerUseFlagClearedByAResetForReuse_DoesNotReport).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class CartService
            {
                private readonly ICatalogStore _store;
                private Catalog _items;
                private bool _loaded;

                public CartService(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    await EnsureLoadedAsync();
                    return _items;
                }

                private async Task EnsureLoadedAsync()
                {
                    if ({|#0:_loaded|}) return;
                    _items = await _store.LoadAsync();
                    _loaded = true;
                }

                public void ResetCache() => _loaded = false;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"));
    }

    [Fact]
    public async Task PerUseFlagClearedByAResetForReuse_DoesNotReport()
    {
        // npgsql's ReplicationValue: `Consume` skips a row's unread bytes once; `Reset()` readies the object for the next row.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ReplicationValue
            {
                private readonly ICatalogStore _store;
                private bool _isConsumed;

                public ReplicationValue(ICatalogStore store) => _store = store;

                internal void Reset() => _isConsumed = false;

                internal async Task Consume(CancellationToken cancellationToken)
                {
                    if (_isConsumed)
                        return;

                    await _store.WarmUpAsync();
                    _isConsumed = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("Commit")]
    [InlineData("CommitAsync")]
    [InlineData("RollbackAsync")]
    [InlineData("AbortAsync")]
    public async Task TerminalOperationIdempotencyFlag_DoesNotReport(string method)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class TransactionContext
            {
                private readonly ICatalogStore _store;
                private bool _completed;

                public TransactionContext(ICatalogStore store) => _store = store;

                public async Task METHOD()
                {
                    if (_completed)
                        return;

                    await _store.WarmUpAsync();
                    _completed = true;
                }
            }
            """.Replace("METHOD", method);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FlagClearedWithoutBeingRead_OrInACatch_OrAReferenceReset_StillReports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class CatalogCache
            {
                private readonly ICatalogStore _store;
                private bool _loaded;
                private bool _warm;
                private Catalog _catalog;

                public CatalogCache(ICatalogStore store) => _store = store;

                public async Task EnsureLoadedAsync()
                {
                    if ({|#0:!_loaded|})
                    {
                        _catalog = await _store.LoadAsync();
                        _loaded = true;
                    }
                }

                public void Invalidate() => _loaded = false;

                public async Task WarmAsync()
                {
                    if ({|#1:!_warm|})
                    {
                        try
                        {
                            await _store.WarmUpAsync();
                            _warm = true;
                        }
                        catch (InvalidOperationException)
                        {
                            _warm = false;
                            throw;
                        }
                    }
                }

                public async Task<Catalog> GetAsync()
                {
                    if ({|#2:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                public void Reset()
                {
                    if (_catalog != null)
                    {
                        _catalog = null;
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_warm"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_catalog"));
    }

    [Fact]
    public async Task LocalOfTheFlagsNameClearedElsewhere_StillReports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class CatalogCache
            {
                private readonly ICatalogStore _store;
                private bool _loaded;

                public CatalogCache(ICatalogStore store) => _store = store;

                public async Task EnsureLoadedAsync()
                {
                    if ({|#0:!_loaded|})
                    {
                        await _store.WarmUpAsync();
                        _loaded = true;
                    }
                }

                public bool Probe()
                {
                    var _loaded = this.IsReady();
                    if (_loaded)
                    {
                        _loaded = false;
                    }

                    return _loaded;
                }

                private bool IsReady() => true;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"));
    }
}
