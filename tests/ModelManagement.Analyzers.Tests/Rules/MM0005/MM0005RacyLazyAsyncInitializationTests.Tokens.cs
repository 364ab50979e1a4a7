using System;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The caller's <c>CancellationToken</c> inside the guarded block of a flag (semantic-kernel's FunctionStore and
/// ContextualFunctionProvider): the shared load gets <c>CancellationToken.None</c>, the caller's token cancels its wait.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task Fix_FlagBlockPassesTheCallersToken_LoadGetsNone_WaitGetsTheToken()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class FunctionStore
            {
                private readonly ICatalogStore _store;
                private bool _isCollectionExistenceAsserted = false;

                public FunctionStore(ICatalogStore store) => _store = store;

                public async Task SearchAsync(string query, CancellationToken cancellationToken = default)
                {
                    if ([|!_isCollectionExistenceAsserted|])
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        if ((await _store.LoadAsync().ConfigureAwait(false)).Models.Length == 0)
                        {
                            throw new InvalidOperationException("Collection does not exist.");
                        }

                        _isCollectionExistenceAsserted = true;
                    }

                    await Task.Delay(1, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class FunctionStore
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public FunctionStore(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task SearchAsync(string query, CancellationToken cancellationToken = default)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

                    await Task.Delay(1, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                private async Task InitializeAsync()
                {
                    await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
                    if ((await _store.LoadAsync().ConfigureAwait(false)).Models.Length == 0)
                    {
                        throw new InvalidOperationException("Collection does not exist.");
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_TokenUsedOtherThanAsAnArgument_UsesLocalState()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    if ([|!_warm|])
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_TokenLocalNotTheCallersParameter_UsesLocalState()
    {
        // A token made in the method (here with a timeout) carries meaning the shared load would lose.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    var token = timeout.Token;
                    if ([|!_warm|])
                    {
                        await Task.Delay(1, token);
                        _warm = true;
                    }
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task Fix_ValueLoadedWithTheCallersToken_LoadGetsNone_ReadersWithThatTokenWaitWithIt()
    {
        // The load passed the caller's token: it gets CancellationToken.None (one caller's cancellation must not fail the
        // shared load), and the readers that see the same parameter, in the function and in its lambda, wait with it.
        // Another method's reader keeps awaiting without a token, as it read the field without one (configured like its
        // other awaits: `await _models` itself could not be). The check stays as an await: the statement after it is no read.
        var source = /* lang=c#-test */ """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore
            {
                Task<string[]> ListAsync(CancellationToken cancellationToken);
            }

            public sealed class ModelCatalog
            {
                private readonly IModelStore _store;
                private string[] _models;

                public ModelCatalog(IModelStore store) => _store = store;

                public async Task<string> FindAsync(string prefix, CancellationToken cancellationToken)
                {
                    if ([|_models == null|])
                    {
                        // one round trip for the whole list
                        _models = await _store.ListAsync(cancellationToken).ConfigureAwait(false); // slow
                    }

                    Func<Task<int>> count = async () => _models.Length;
                    await count().ConfigureAwait(false);
                    return _models.FirstOrDefault(m => m.StartsWith(prefix, StringComparison.Ordinal));
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    return _models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore
            {
                Task<string[]> ListAsync(CancellationToken cancellationToken);
            }

            public sealed class ModelCatalog
            {
                private readonly IModelStore _store;
                private readonly AsyncLazy<string[]> _models;

                public ModelCatalog(IModelStore store)
                {
                    _models = new AsyncLazy<string[]>(LoadModelsAsync);
                    _store = store;
                }

                public async Task<string> FindAsync(string prefix, CancellationToken cancellationToken)
                {
                    await _models.GetValueAsync(cancellationToken).ConfigureAwait(false);

                    Func<Task<int>> count = async () => (await _models.GetValueAsync(cancellationToken).ConfigureAwait(false)).Length;
                    await count().ConfigureAwait(false);
                    return (await _models.GetValueAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.StartsWith(prefix, StringComparison.Ordinal));
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    return (await _models.GetValueAsync().ConfigureAwait(false)).Length;
                }

                private async Task<string[]> LoadModelsAsync()
                {
                    // one round trip for the whole list
                    return await _store.ListAsync(CancellationToken.None).ConfigureAwait(false); // slow
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CoalesceLoadedWithTheCallersToken_AwaitsTheValueWithIt()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore
            {
                Task<string[]> ListAsync(CancellationToken cancellationToken);
            }

            public sealed class ModelCatalog
            {
                private readonly IModelStore _store;
                private string[] _models;

                public ModelCatalog(IModelStore store) => _store = store;

                public async Task<string[]> ListAsync(CancellationToken ct = default)
                    => [|_models|] ??= await _store.ListAsync(cancellationToken: ct);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore
            {
                Task<string[]> ListAsync(CancellationToken cancellationToken);
            }

            public sealed class ModelCatalog
            {
                private readonly IModelStore _store;
                private readonly AsyncLazy<string[]> _models;

                public ModelCatalog(IModelStore store)
                {
                    _models = new AsyncLazy<string[]>(LoadModelsAsync);
                    _store = store;
                }

                public async Task<string[]> ListAsync(CancellationToken ct = default)
                    => await _models.GetValueAsync(ct);

                private async Task<string[]> LoadModelsAsync()
                {
                    return await _store.ListAsync(cancellationToken: CancellationToken.None);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_ValueLoadWithTheTokenUsedOtherThanAsAnArgument_UsesLocalState()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync(CancellationToken cancellationToken)
                {
                    if ([|_catalog == null|])
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_NamesDataFlowDoesNotCount_UsesLocalState()
    {
        // Crash hunt: `nameof(ct)` became `nameof(CancellationToken.None)` (the string "None"), and `nameof(region)` or a
        // local function call moved into the load method, where the name does not exist (CS0103).
        foreach (var load in new[] { "_store.LoadAsync(nameof(ct), ct)", "_store.LoadAsync(nameof(region), ct)", "_store.LoadAsync(Pick(), ct)" })
        {
            var source = """
                using System.Threading;
                using System.Threading.Tasks;

                public interface IKeyedStore { Task<string> LoadAsync(string key, CancellationToken ct); }

                public sealed class KeyedCatalog
                {
                    private readonly IKeyedStore _store;
                    private string _v;

                    public KeyedCatalog(IKeyedStore store) => _store = store;

                    public async Task<string> GetAsync(string region, CancellationToken ct)
                    {
                        string Pick() => region;
                        [|_v|] ??= await LOAD;
                        return _v;
                    }
                }
                """.Replace("LOAD", load, System.StringComparison.Ordinal);
            await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
        }
    }

    [Fact]
    public async Task NoFix_ReaderInACatchFilter_ReaderNotAsync_AndAPeekingReader_ReaderTestsForNull()
    {
        // No await may stand in a catch filter (CS7094); `_models != null` elsewhere asks whether the value is there, and
        // awaiting it would start the load.
        var template = """
            using System;
            using System.Threading.Tasks;

            public sealed class Readers
            {
                private readonly ICatalogStore _store;
                private Catalog _models;

                public Readers(ICatalogStore store) => _store = store;

                public async Task<int> GetAsync()
                {
                    if ([|_models == null|])
                    {
                        _models = await _store.LoadAsync();
                    }

                    return _models.Models.Length;
                }

                public async Task<int> OtherAsync()
                {
                    await Task.Yield();
                    READ
                }
            }
            """;
        await AssertRefusalAsync(template.Replace("READ", "try { return 1; } catch (Exception) when (_models.Models.Length > 0) { return 0; }", StringComparison.Ordinal), MM0005FixRefusal.ReaderNotAsync);
        foreach (var peek in new[] { "return _models != null ? 1 : 0;", "return (_models ?? new Catalog()).Models.Length;", "return _models?.Models.Length ?? 0;", "return _models is null ? 0 : 1;" })
        {
            await AssertRefusalAsync(template.Replace("READ", peek, StringComparison.Ordinal), MM0005FixRefusal.ReaderTestsForNull);
        }
    }

    [Theory]
    [InlineData("Trace += _models == null ? \"cold;\" : \"warm;\";")]
    [InlineData("Trace += _models?.Models.Length.ToString() ?? \"cold;\";")]
    public async Task NoFix_APeekBeforeTheCheckInTheCheckingFunction_ReaderTestsForNull(string peek)
    {
        // A fix-shapes round: the peek became `await _models.GetValueAsync() == null`, which started the load and was always
        // false (two calls printed `warm;warm;` instead of `cold;warm;`).
        await AssertRefusalAsync($$"""
            using System.Threading.Tasks;

            public sealed class Readers
            {
                private readonly ICatalogStore _store;
                private Catalog _models;

                public Readers(ICatalogStore store) => _store = store;

                public string Trace { get; private set; } = "";

                public async Task<int> CountAsync()
                {
                    {{peek}}
                    if ([|_models == null|])
                    {
                        _models = await _store.LoadAsync();
                    }

                    return _models.Models.Length;
                }
            }
            """, MM0005FixRefusal.ReaderTestsForNull);
    }

    [Fact]
    public async Task FixAll_SameFieldNameInTwoClasses_ConvertsTheOneThatCanBe()
    {
        // Crash hunt: Fix All found each diagnostic again by field name only; A (refused: a synchronous reader) shadowed B.
        var source = """
            using System.Threading.Tasks;

            public sealed class A
            {
                private readonly ICatalogStore _store;
                private Catalog _v;

                public A(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync() => [|_v|] ??= await _store.LoadAsync();

                public int Length() => _v.Models.Length;
            }

            public sealed class B
            {
                private readonly ICatalogStore _store;
                private Catalog _v;

                public B(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync() => [|_v|] ??= await _store.LoadAsync();
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class A
            {
                private readonly ICatalogStore _store;
                private Catalog _v;

                public A(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync() => [|_v|] ??= await _store.LoadAsync();

                public int Length() => _v.Models.Length;
            }

            public sealed class B
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _v;

                public B(ICatalogStore store)
                {
                    _v = new AsyncLazy<Catalog>(LoadVAsync);
                    _store = store;
                }

                public async Task<Catalog> GetAsync() => await _v;

                private async Task<Catalog> LoadVAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            CodeActionEquivalenceKey = MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
