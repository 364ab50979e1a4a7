using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// An <c>internal</c> helper only single-caller methods await has one caller too (the 2026-12-06 triage: aspire's CLI
/// telemetry makes <c>InitializeAsync</c> internal so its tests can call it, and only its hosted service's
/// <c>StartAsync</c> awaits it). Its calls are looked for in every file of the compilation.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task InternalHelperAwaitedOnlyByAHostedServicesStartAsync_DoesNotReport_ButOneWithAnotherCallerOrAPublicOneDoes()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Threading;
                using System.Threading.Tasks;

                namespace Microsoft.Extensions.Hosting
                {
                    public interface IHostedService
                    {
                        Task StartAsync(CancellationToken cancellationToken);
                        Task StopAsync(CancellationToken cancellationToken);
                    }
                }

                public sealed class CliTelemetry : Microsoft.Extensions.Hosting.IHostedService
                {
                    private readonly ICatalogStore _store;
                    private bool _isInitialized;
                    private Catalog _shared;
                    private Catalog _published;

                    public CliTelemetry(ICatalogStore store) => _store = store;

                    public async Task StartAsync(CancellationToken cancellationToken)
                    {
                        await InitializeAsync().ConfigureAwait(false);
                        await ShareAsync();
                        await PublishAsync();
                    }

                    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                    internal async Task InitializeAsync()
                    {
                        if (_isInitialized)
                        {
                            return;
                        }

                        await _store.WarmUpAsync();
                        _isInitialized = true;
                    }

                    // Also awaited by another class of the compilation, in an ordinary method.
                    internal async Task ShareAsync()
                    {
                        if ({|#0:_shared == null|})
                        {
                            _shared = await _store.LoadAsync();
                        }
                    }

                    // Public: callers outside the compilation may race.
                    public async Task PublishAsync()
                    {
                        if ({|#1:_published == null|})
                        {
                            _published = await _store.LoadAsync();
                        }
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Consumer.cs", """
            using System.Threading.Tasks;

            public sealed class Consumer
            {
                private readonly CliTelemetry _telemetry;
                public Consumer(CliTelemetry telemetry) => _telemetry = telemetry;
                public Task RunAsync() => _telemetry.ShareAsync();
            }
            """));
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_shared"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_published"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
