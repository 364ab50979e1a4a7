using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005 on half-typed code and unusual shapes: no analyzer exception (AD0001), sensible results.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    /// <summary>Compiler errors are not asserted here (the code is broken on purpose); MM0005's diagnostics and the absence of AD0001 are.</summary>
    private static async Task VerifyBrokenAsync(string source)
    {
        var test = new Verify.Test { TestCode = source + Domain, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MissingSemicolonAfterWrite_StillReports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync()
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyBrokenAsync(source);
    }

    [Fact]
    public async Task HalfTypedCondition_DoesNotThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task GetAsync()
                {
                    if (!_initialized &&
                    {
                        await _store.WarmUpAsync();
                        _initialized = true;
                    }
                }
            }
            """;
        await VerifyBrokenAsync(source);
    }

    [Fact]
    public async Task UnresolvedMembersAndTypes_StillReportsTheShape()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private MissingCatalog _catalog;

                public async Task<MissingCatalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await Missing.LoadAsync();
                        _unknown = true;
                    }

                    return [|_catalog|] ??= await Missing.LoadAsync();
                }
            }
            """;
        await VerifyBrokenAsync(source);
    }

    [Fact]
    public async Task MissingClosingBraces_DoesNotThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog is null|])
                    {
                        _catalog = await _store.LoadAsync();
            """;
        await VerifyBrokenAsync(source);
    }

    [Fact]
    public async Task AwaitOutsideAsyncMethod_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Task<Catalog> GetAsync()
                {
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return Task.FromResult(_catalog);
                }
            }
            """;
        await VerifyBrokenAsync(source);
    }

    [Fact]
    public async Task DeeplyNestedAsyncLambdas_ReportsTheInnermost()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Func<Func<Func<Task<Catalog>>>> Factory => () => () => async () =>
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                };
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LoopWithCheckAwaitAndWrite_ReportsOnce()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> PollAsync()
                {
                    while (true)
                    {
                        if ([|_catalog == null|])
                        {
                            await Task.Delay(10);
                            _catalog = await _store.LoadAsync();
                            continue;
                        }

                        return _catalog;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }
}
