using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005 fix "Convert to single-flight lazy initialization": its output, Fix All, and every refusal.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private static async Task VerifyFixAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable, int iterations = 1)
    {
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
            CodeActionEquivalenceKey = MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>A diagnostic the fix must not touch: the fixed code is the source (the testing library checks no action is offered).</summary>
    private static async Task VerifyNoFixAsync(string source)
    {
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = source + Domain,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_SeedFlagForm_BecomesAsyncInitializer()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<string> CompleteAsync(string prompt)
                {
                    // load the catalogue on first use
                    if ([|!_initialized|])
                    {
                        _data = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _data.Models[0] + prompt;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private readonly AsyncInitializer _initializer;

                public LlmClient(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task<string> CompleteAsync(string prompt)
                {
                    // load the catalogue on first use
                    await _initializer.EnsureInitializedAsync();

                    return _data.Models[0] + prompt;
                }

                private async Task InitializeAsync()
                {
                    _data = await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_NullCheckedValue_BecomesAsyncLazy()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return _catalog.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync()
                {
                    return await _catalog;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return (await _catalog).Models.Length;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CoalesceAssignment_BecomesAsyncLazy()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync() => [|_catalog|] ??= await _store.LoadAsync();
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync() => await _catalog;

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }
}
