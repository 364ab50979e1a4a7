using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005 fix beyond the block form: the early-return form, private auto-properties, static state in a type with a primary constructor.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string EarlyReturnSource = /* lang=c#-test */ """
        using System.Threading.Tasks;

        public sealed class LlmClient
        {
            private readonly ICatalogStore _store;
            private Catalog _catalog;

            public LlmClient(ICatalogStore store) => _store = store;

            public async Task<Catalog> GetAsync()
            {
                if ([|_catalog != null|]) return _catalog;
                // one load for everybody
                _catalog = await _store.LoadAsync(); // the slow part
                return _catalog;
            }

            public async Task<int> CountAsync()
            {
                await Task.Yield();
                return _catalog.Models.Length;
            }
        }
        """;

    private const string EarlyReturnFixed = /* lang=c#-test */ """
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

            public async Task<Catalog> GetAsync()
            {
                return await _catalog;
            }

            public async Task<int> CountAsync()
            {
                await Task.Yield();
                return (await _catalog).Models.Length;
            }

            private async Task<Catalog> LoadCatalogAsync()
            {
                // one load for everybody
                return await _store.LoadAsync(); // the slow part
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task Fix_EarlyReturnValue_BecomesAsyncLazy_AndKeepsComments(LanguageVersion version)
        => await VerifyFixAsync(EarlyReturnSource, EarlyReturnFixed, version);

    [Fact]
    public async Task Fix_CommentsOnTheCheck_GoToTheNextStatement_NoSpareAwait()
    {
        // Found by an independent consumer check: a trailing comment on a one-line early return was dropped, and a comment
        // on a value check kept a spare `await _x;` although the function reads the value right after.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class RegionCatalog
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private Catalog _backup;

                public RegionCatalog(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    // cached after the first call
                    if ([|_catalog != null|]) return _catalog; // racy on purpose
                    _catalog = await _store.LoadAsync();
                    return _catalog;
                }

                public async Task<int> CountAsync()
                {
                    if ([|_backup == null|]) // load on first use
                    {
                        _backup = await _store.LoadAsync();
                    }

                    return _backup.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class RegionCatalog
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;
                private readonly AsyncLazy<Catalog> _backup;

                public RegionCatalog(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _backup = new AsyncLazy<Catalog>(LoadBackupAsync);
                    _store = store;
                }

                public async Task<Catalog> GetAsync()
                {
                    // cached after the first call
                    return await _catalog; // racy on purpose
                }

                public async Task<int> CountAsync()
                {
                    return (await _backup).Models.Length; // load on first use
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }

                private async Task<Catalog> LoadBackupAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, iterations: 2);
    }

    [Fact]
    public async Task Fix_CommentsOnTheWriteInTheBlock_MoveWithItIntoTheLoadMethod()
    {
        // The write becomes the new method's `return`: its comments go there, not onto the line after the removed check.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    if ([|_catalog == null|])
                    {
                        var started = System.DateTime.UtcNow;
                        // the slow part
                        _catalog = /* shared */ await _store.LoadAsync(); // once
                    }

                    return _catalog.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public Warmer(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<int> CountAsync()
                {
                    return (await _catalog).Models.Length;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    var started = System.DateTime.UtcNow;
                    // the slow part
                    return await _store.LoadAsync(); /* shared */ // once
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CheckAndWriteOnOneLine_TheTrailingCommentMovesOnceWithTheWrite()
    {
        // The s35 shapes round: `if (s_prompt == null) s_prompt = await …; // trailing note` — the comment ends the write,
        // which becomes the load method's `return`; it also ended the next statement's line (twice in all).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private Catalog _backup;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    if ([|_catalog == null|]) _catalog = await _store.LoadAsync(); // trailing note
                    return _catalog.Models.Length;
                }

                public async Task WarmAsync()
                {
                    if ([|_backup == null|]) _backup = await _store.LoadAsync(); // warm note
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;
                private readonly AsyncLazy<Catalog> _backup;

                public Warmer(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _backup = new AsyncLazy<Catalog>(LoadBackupAsync);
                    _store = store;
                }

                public async Task<int> CountAsync()
                {
                    return (await _catalog).Models.Length;
                }

                public async Task WarmAsync()
                {
                    await _backup;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync(); // trailing note
                }

                private async Task<Catalog> LoadBackupAsync()
                {
                    return await _store.LoadAsync(); // warm note
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, iterations: 2);
    }

    [Fact]
    public async Task Fix_CommentAboveACheckEndingItsBlock_StaysOnTheAwaitLeftThere()
    {
        // No statement follows the check in its block, so the comment above it stays on the `await _x;` left in its place.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync(bool warm)
                {
                    if (warm)
                    {
                        // warm once
                        if ([|_catalog == null|])
                        {
                            _catalog = await _store.LoadAsync();
                        }
                    }

                    return _catalog.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public Warmer(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<int> CountAsync(bool warm)
                {
                    if (warm)
                    {
                        // warm once
                        await _catalog;
                    }

                    return (await _catalog).Models.Length;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_ImplicitGlobalUsings_AddNoRedundantUsing()
    {
        // A project with <ImplicitUsings>: System.Threading.Tasks and System.Collections.Generic are global usings, so the
        // fix adds only ModelManagement.Patterns (an independent consumer check saw IDE0005 on added usings).
        const string globalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Threading.Tasks;\n";
        var source = /* lang=c#-test */ """
            using System.Text;

            namespace NarrativeHub.LazyInit;

            public sealed class PromptLibrary
            {
                private readonly ICatalogStore _store;
                private Dictionary<string, string> _templates;

                public PromptLibrary(ICatalogStore store) => _store = store;

                public async Task<string> GetAsync(string name)
                {
                    if ([|_templates == null|])
                    {
                        _templates = new Dictionary<string, string> { ["intro"] = (await _store.LoadAsync()).Models[0] };
                    }

                    return _templates.TryGetValue(name, out var template) ? template : "";
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Text;
            using ModelManagement.Patterns;

            namespace NarrativeHub.LazyInit;

            public sealed class PromptLibrary
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Dictionary<string, string>> _templates;

                public PromptLibrary(ICatalogStore store)
                {
                    _templates = new AsyncLazy<Dictionary<string, string>>(LoadTemplatesAsync);
                    _store = store;
                }

                public async Task<string> GetAsync(string name)
                {
                    return (await _templates).TryGetValue(name, out var template) ? template : "";
                }

                private async Task<Dictionary<string, string>> LoadTemplatesAsync()
                {
                    return new Dictionary<string, string> { ["intro"] = (await _store.LoadAsync()).Models[0] };
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, otherFile: ("GlobalUsings.cs", globalUsings));
    }

    [Fact]
    public async Task Fix_EarlyReturnWithBracesAndStatementsBeforeTheWrite_MovesThemIntoTheLoader()
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
                    if ([|_catalog != null|])
                    {
                        return _catalog;
                    }

                    await _store.WarmUpAsync();
                    _catalog = await _store.LoadAsync();
                    return _catalog;
                }
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

                public async Task<Catalog> GetAsync()
                {
                    return await _catalog;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    await _store.WarmUpAsync();
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_EarlyReturnFlagAtTheEndOfTheMethod_BecomesAsyncInitializer()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    if ([|_initialized|]) return;
                    _data = await _store.LoadAsync();
                    _initialized = true;
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await WarmAsync(cancellationToken);
                    return _data.Models.Length;
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
                private Catalog _data;
                private readonly AsyncInitializer _initializer;

                public LlmClient(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await WarmAsync(cancellationToken);
                    return _data.Models.Length;
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
    public async Task Fix_MovedMultiLineCollectionExpression_KeepsItsLayout()
    {
        // dapr/dotnet-sdk's test environment: the moved statement's collection expression kept its first element's
        // indentation change but not the second's (the elements no longer lined up).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _started;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task StartAsync(CancellationToken cancellationToken = default)
                {
                    if ([|_started|]) return;

                    List<Task> tasks =
                    [
                        _store.WarmUpAsync(),
                        _store.LoadAsync()
                    ];

                    await Task.WhenAll(tasks);

                    _started = true;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public LlmClient(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task StartAsync(CancellationToken cancellationToken = default)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                }

                private async Task InitializeAsync()
                {
                    List<Task> tasks =
                    [
                        _store.WarmUpAsync(),
                        _store.LoadAsync()
                    ];

                    await Task.WhenAll(tasks);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_StatementsMovedOutOfTheCheck_KeepTheirLayoutOneLevelOut()
    {
        // The loader's statements come out of the `if` block, one level shallower: every line of a multi-line statement
        // moves out with its first line (the collection expression, the argument aligned under its call, the comment line).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
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
                        List<Task> warmUps =
                        [
                            _store.WarmUpAsync(),
                            // the second warm-up
                            _store.WarmUpAsync()
                        ];
                        await Task.WhenAll(warmUps[0],
                                           warmUps[1]);
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
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

                public async Task<Catalog> GetAsync()
                {
                    return await _catalog;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    List<Task> warmUps =
                    [
                        _store.WarmUpAsync(),
                        // the second warm-up
                        _store.WarmUpAsync()
                    ];
                    await Task.WhenAll(warmUps[0],
                                       warmUps[1]);
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_PrivateAutoProperty_BecomesGetOnlyLazyProperty()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;

                public LlmClient(ICatalogStore store) => _store = store;

                private Catalog Loaded { get; set; }

                public async Task<Catalog> GetAsync()
                {
                    if ([|Loaded == null|])
                    {
                        Loaded = await _store.LoadAsync();
                    }

                    return Loaded;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;

                public LlmClient(ICatalogStore store)
                {
                    Loaded = new AsyncLazy<Catalog>(LoadLoadedAsync);
                    _store = store;
                }

                private AsyncLazy<Catalog> Loaded { get; }

                public async Task<Catalog> GetAsync()
                {
                    return await Loaded;
                }

                private async Task<Catalog> LoadLoadedAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_StaticEarlyReturnInTypeWithPrimaryConstructor_CreatedInTheInitializer()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Reporter(ICatalogStore store)
            {
                private static Catalog s_known;

                private static async Task<Catalog> KnownAsync()
                {
                    if ([|s_known != null|])
                    {
                        return s_known;
                    }

                    s_known = await Task.FromResult(new Catalog());
                    return s_known;
                }

                public async Task<int> ReportAsync()
                {
                    var known = await KnownAsync();
                    await store.WarmUpAsync();
                    return known.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Reporter(ICatalogStore store)
            {
                private static readonly AsyncLazy<Catalog> s_known = new AsyncLazy<Catalog>(LoadKnownAsync);

                private static async Task<Catalog> KnownAsync()
                {
                    return await s_known;
                }

                public async Task<int> ReportAsync()
                {
                    var known = await KnownAsync();
                    await store.WarmUpAsync();
                    return known.Models.Length;
                }

                private static async Task<Catalog> LoadKnownAsync()
                {
                    return await Task.FromResult(new Catalog());
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_StaticStateLoadedThroughAPrimaryConstructorParameter_UsesLocalState()
    {
        // An independent consumer: `private static Dictionary<string, int>? s_windows` loaded through `registry` of
        // `WindowCache(IRegistry registry)` became a static `LoadWindowsAsync` reading `registry` (CS9105).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Reporter(ICatalogStore store)
            {
                private static Catalog s_known;

                public async Task<int> ReportAsync()
                {
                    if ([|s_known == null|])
                    {
                        s_known = await store.LoadAsync();
                    }

                    return s_known.Models.Length;
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_EarlyReturnFollowedByMoreWork_EarlyReturnSkipsMore()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private int _loads;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog != null|]) return _catalog;
                    _catalog = await _store.LoadAsync();
                    _loads++;
                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.EarlyReturnSkipsMore);
    }

    [Fact]
    public async Task NoFix_EarlyReturnThenTheWriteInsideTheReturn_EarlyReturnSkipsMore()
    {
        // An MM0005 round over real code (Autobarn's API client): `return makes = await GetAllPagesAsync(…);` writes the state
        // inside the return, which no statement of the early-return form holds. Refused as EarlyReturnSkipsMore; written
        // `_x = await …; return _x;` it is converted (Fix_EarlyReturnValue_BecomesAsyncLazy_AndKeepsComments).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog != null|]) return _catalog;
                    return _catalog = await _store.LoadAsync();
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.EarlyReturnSkipsMore);
    }

    [Fact]
    public async Task NoFix_EarlyReturnOfAnotherValue_EarlyReturnSkipsMore()
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
                    if ([|_catalog != null|]) return _catalog;
                    var loaded = await _store.LoadAsync();
                    _catalog = loaded;
                    return loaded;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.EarlyReturnSkipsMore);
    }

    [Fact]
    public async Task NoFix_PrivateAutoPropertyWithInitialValue_NotPrivateField()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;

                public LlmClient(ICatalogStore store) => _store = store;

                private Catalog Loaded { get; set; } = LoadPlaceholder();

                public async Task<Catalog> GetAsync()
                {
                    if ([|Loaded == null|])
                    {
                        Loaded = await _store.LoadAsync();
                    }

                    return Loaded;
                }

                private static Catalog LoadPlaceholder() => null;
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.NotPrivateField);
    }

    [Fact]
    public async Task Fix_InstanceValueInTypeWithPrimaryConstructor_CreatedOnFirstUseByAnAccessor()
    {
        // A C# 12 service keeps its dependencies as primary-constructor parameters: there is no constructor body to create
        // the helper in, so a private accessor creates it on first use (LazyInitializer publishes one instance to all). Its
        // name, `Catalog`, is the state's type here: `LazyCatalog`.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public sealed class CatalogCache(ICatalogStore store)
            {
                // the catalogue, loaded on first use
                private Catalog? _catalog;

                public async Task<int> CountAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await store.LoadAsync();
                    }

                    return _catalog.Models.Length;
                }

                public async Task<string> FirstAsync() => (await Task.FromResult(this._catalog!)).Models[0];
            }
            #nullable restore
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable enable
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class CatalogCache(ICatalogStore store)
            {
                // the catalogue, loaded on first use
                private AsyncLazy<Catalog>? _catalog;

                private AsyncLazy<Catalog> LazyCatalog => LazyInitializer.EnsureInitialized(ref _catalog, () => new AsyncLazy<Catalog>(LoadCatalogAsync));

                public async Task<int> CountAsync()
                {
                    return (await LazyCatalog).Models.Length;
                }

                public async Task<string> FirstAsync() => (await Task.FromResult(await this.LazyCatalog)).Models[0];

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await store.LoadAsync();
                }
            }
            #nullable restore
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_InstanceFlagInTypeWithPrimaryConstructor_NullableOff_CreatedOnFirstUseByAnAccessor()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Warmer(ICatalogStore store)
            {
                private bool _warm; // set once the store is warm

                public async Task<int> RunAsync(CancellationToken cancellationToken)
                {
                    if ([|!_warm|])
                    {
                        await store.WarmUpAsync();
                        _warm = true;
                    }

                    return 1;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Warmer(ICatalogStore store)
            {
                private AsyncInitializer _initializer; // set once the store is warm

                private AsyncInitializer Initializer => LazyInitializer.EnsureInitialized(ref _initializer, () => new AsyncInitializer(InitializeAsync));

                public async Task<int> RunAsync(CancellationToken cancellationToken)
                {
                    await Initializer.EnsureInitializedAsync(cancellationToken);

                    return 1;
                }

                private async Task InitializeAsync()
                {
                    await store.WarmUpAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_InstanceAutoPropertyInTypeWithPrimaryConstructor_UnsupportedType()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class CatalogCache(ICatalogStore store)
            {
                private Catalog Loaded { get; set; }

                public async Task<int> CountAsync()
                {
                    if ([|Loaded == null|])
                    {
                        Loaded = await store.LoadAsync();
                    }

                    return Loaded.Models.Length;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedType);
    }

    [Fact]
    public async Task FixAll_TwoInstanceValuesInTypeWithPrimaryConstructor_EachGetsItsAccessor()
    {
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public sealed class Catalogs(ICatalogStore store)
            {
                private Catalog? _main;
                private string[]? _names;

                public async Task<int> CountAsync()
                {
                    if ([|_main == null|])
                    {
                        _main = await store.LoadAsync();
                    }

                    return _main.Models.Length;
                }

                public async Task<string> FirstAsync()
                {
                    [|_names|] ??= (await store.LoadAsync()).Models;
                    return _names[0];
                }
            }
            #nullable restore
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable enable
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Catalogs(ICatalogStore store)
            {
                private AsyncLazy<Catalog>? _main;

                private AsyncLazy<Catalog> Main => LazyInitializer.EnsureInitialized(ref _main, () => new AsyncLazy<Catalog>(LoadMainAsync));

                private AsyncLazy<string[]>? _names;

                private AsyncLazy<string[]> Names => LazyInitializer.EnsureInitialized(ref _names, () => new AsyncLazy<string[]>(LoadNamesAsync));

                public async Task<int> CountAsync()
                {
                    return (await Main).Models.Length;
                }

                public async Task<string> FirstAsync()
                {
                    return (await Names)[0];
                }

                private async Task<Catalog> LoadMainAsync()
                {
                    return await store.LoadAsync();
                }

                private async Task<string[]> LoadNamesAsync()
                {
                    return (await store.LoadAsync()).Models;
                }
            }
            #nullable restore
            """;
        await VerifyFixAsync(source, fixedSource, iterations: 2);
    }

    [Fact]
    public async Task NoFix_ViewModelWhoseMovedCodeFillsItsCollection_UiThreadAffinity_ALoadAloneIsConverted()
    {
        // A consumer round (a CommunityToolkit-style view model): the flag's block `foreach (…) Items.Add(…)` moved into the
        // initializer's callback, which runs on the thread pool — off the thread the view binds on. A value whose load is
        // only the awaited call is still converted (the readers await it where they were).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading.Tasks;

            public sealed class CatalogViewModel : INotifyPropertyChanged
            {
                private readonly ICatalogStore _store;
                private bool _loaded;

                public CatalogViewModel(ICatalogStore store) => _store = store;

                public event PropertyChangedEventHandler PropertyChanged;

                public List<string> Items { get; } = new List<string>();

                public async Task LoadAsync()
                {
                    if ([|!_loaded|])
                    {
                        foreach (var model in (await _store.LoadAsync()).Models)
                        {
                            Items.Add(model);
                        }

                        _loaded = true;
                    }
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UiThreadAffinity);

        var valueOnly = source
            .Replace("private bool _loaded;", "private Catalog _catalog;", System.StringComparison.Ordinal)
            .Replace("""
                    if ([|!_loaded|])
                    {
                        foreach (var model in (await _store.LoadAsync()).Models)
                        {
                            Items.Add(model);
                        }

                        _loaded = true;
                    }
            """, """
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    Items.AddRange(_catalog.Models);
            """, System.StringComparison.Ordinal);
        var result = await PlanAsync(valueOnly);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public async Task Fix_ExpressionBodiedMethodsPreferred_TheOneStatementLoadMethodGetsAnArrow()
    {
        // A consumer round (DuendeSoftware/foss's .editorconfig): the one-statement `Load…Async` was written with a block,
        // which IDE0022 flags — an error under EnforceCodeStyleInBuild with warnings as errors. Shared with MM0001 (MethodBodyStyle).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog.Models.Length;
                }
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

                public async Task<int> CountAsync()
                {
                    return (await _catalog).Models.Length;
                }

                private async Task<Catalog> LoadCatalogAsync() => await _store.LoadAsync();
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            CodeActionEquivalenceKey = MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ncsharp_style_expression_bodied_methods = true:warning\n"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
