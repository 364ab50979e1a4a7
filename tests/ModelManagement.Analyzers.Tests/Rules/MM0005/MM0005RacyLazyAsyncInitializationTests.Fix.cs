using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005 fix "Convert to single-flight lazy initialization": its output, Fix All, and every refusal.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private static async Task VerifyFixAsync(
        string source,
        string fixedSource,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        int iterations = 1,
        (string Name, string Text)? otherFile = null)
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
        if (otherFile is { } file)
        {
            test.TestState.Sources.Add((file.Name, file.Text));
            test.FixedState.Sources.Add((file.Name, file.Text));
        }

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

    /// <summary>The planner's typed refusal for the only MM0005 diagnostic of <paramref name="markedSource"/>.</summary>
    private static async Task AssertRefusalAsync(string markedSource, MM0005FixRefusal expected, bool referencePatterns = true)
    {
        var result = await PlanAsync(markedSource, referencePatterns);

        Assert.Null(result.Plan);
        Assert.Equal(expected, result.Refusal);
        Assert.NotNull(result.Node);
    }

    /// <summary>Runs the analyzer over <paramref name="markedSource"/> (markup removed) and the planner on its only diagnostic.</summary>
    private static async Task<FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>> PlanAsync(string markedSource, bool referencePatterns = true, bool halfTyped = false)
    {
        var source = markedSource.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal) + Domain;
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (referencePatterns)
        {
            references = references.Add(TestEnvironment.PatternsReference);
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Refusal", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        if (!halfTyped)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MM0005RacyLazyAsyncInitializationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var diagnostic = Assert.Single(diagnostics);
        return MM0005LazyPlanner.Plan(await tree.GetRootAsync(), compilation.GetSemanticModel(tree), diagnostic, CancellationToken.None);
    }

    [Fact]
    public async Task NoFix_WithoutModelManagementPatterns_PatternsUnavailable()
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
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.PatternsUnavailable, referencePatterns: false);
    }

    [Theory]
    [InlineData("_initialized", "_initializer")]
    [InlineData("initialized", "initializer")]
    [InlineData("m_initialized", "m_initializer")] // was `initializer` next to `m_initialized`
    [InlineData("m_bInit", "m_initializer")] // a fix-shapes round: was `m_bInitializer`/`InitializeBAsync`, the Hungarian `b` read as what is loaded
    public async Task Plan_SeedForm_IsOffered_NamingTheFieldLikeTheFlag(string flag, string field)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (!_initialized)
                    {
                        _data = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _data;
                }
            }
            """.Replace("_initialized", flag, System.StringComparison.Ordinal);
        var result = await PlanAsync(source);

        Assert.Equal(MM0005FixRefusal.None, result.Refusal);
        Assert.NotNull(result.Plan);
        Assert.True(result.Plan!.IsFlag);
        Assert.Equal(field, result.Plan.NewFieldName);
        Assert.Equal("InitializeAsync", result.Plan.MethodName);
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

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "")] // the author's order already breaks the rule: no field is moved
    [InlineData(true, "dotnet_diagnostic.SA1214.severity = none")]
    public async Task Fix_ProjectWithStyleCop_InitializerFieldGoesBeforeTheMutableFields_SA1214(bool authorKeepsTheOrder, string editorConfig)
    {
        // A consumer round on a StyleCop repository (warnings as errors): the readonly initializer written where the flag
        // stood, after `_data`, broke SA1214 ("readonly fields should appear before non-readonly fields"). With StyleCop's
        // analyzers in the project, the field moves up before the mutable fields of its group — keeping the flag's comment;
        // the blank line that opened the group stays first.
        var storeField = authorKeepsTheOrder ? "private readonly ICatalogStore _store;" : "private ICatalogStore _other;\n    private readonly ICatalogStore _store;";
        var source = "using System.Threading.Tasks;\n\npublic sealed class LlmClient\n{\n    " + storeField + "\n\n    private Catalog _data;\n"
            + "    // set once the catalogue is in\n    private bool _initialized;\n    private int _calls;\n\n"
            + "    public LlmClient(ICatalogStore store) => _store = store;\n\n"
            + "    public async Task<string> CompleteAsync(string prompt)\n    {\n        _calls++;\n        if ([|!_initialized|])\n        {\n"
            + "            _data = await _store.LoadAsync();\n            _initialized = true;\n        }\n\n        return _data.Models[0] + prompt;\n    }\n}\n";
        var moved = authorKeepsTheOrder && editorConfig.Length == 0;
        var fields = moved
            ? "\n\n    // set once the catalogue is in\n    private readonly AsyncInitializer _initializer;\n    private Catalog _data;\n    private int _calls;\n\n"
            : "\n\n    private Catalog _data;\n    // set once the catalogue is in\n    private readonly AsyncInitializer _initializer;\n    private int _calls;\n\n";
        var fixedSource = "using System.Threading.Tasks;\nusing ModelManagement.Patterns;\n\npublic sealed class LlmClient\n{\n    " + storeField + fields
            + "    public LlmClient(ICatalogStore store)\n    {\n        _initializer = new AsyncInitializer(InitializeAsync);\n        _store = store;\n    }\n\n"
            + "    public async Task<string> CompleteAsync(string prompt)\n    {\n        _calls++;\n        await _initializer.EnsureInitializedAsync();\n\n        return _data.Models[0] + prompt;\n    }\n\n"
            + "    private async Task InitializeAsync()\n    {\n        _data = await _store.LoadAsync();\n    }\n}\n";
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            CodeActionEquivalenceKey = MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
        };
        test.SolutionTransforms.Add(TestEnvironment.WithStyleCopAnalyzers);
        if (editorConfig.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_FlagCheckBehindAParameter_KeepsTheParameterAsTheGuard_AValueBehindOneIsRefused()
    {
        // A triage (ChatGPT_API_dotnet's ChatGPTFactory.Create): `if (ensureStorageCreated && !_ensureStorageCreatedCalled)`
        // was refused as a combined condition, though only the flag reads state: the parameter still decides whether this
        // caller waits for the one-time initialization.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ChatFactory
            {
                private readonly ICatalogStore _store;
                private volatile bool _storageCreated;

                public ChatFactory(ICatalogStore store) => _store = store;

                public async Task<string> CreateAsync(string user, bool ensureStorage = true)
                {
                    if ([|ensureStorage && !_storageCreated|])
                    {
                        // creates the tables
                        await _store.WarmUpAsync();
                        _storageCreated = true;
                    }

                    return user;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class ChatFactory
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _storageInitializer;

                public ChatFactory(ICatalogStore store)
                {
                    _storageInitializer = new AsyncInitializer(InitializeStorageAsync);
                    _store = store;
                }

                public async Task<string> CreateAsync(string user, bool ensureStorage = true)
                {
                    if (ensureStorage)
                    {
                        await _storageInitializer.EnsureInitializedAsync();
                    }

                    return user;
                }

                private async Task InitializeStorageAsync()
                {
                    // creates the tables
                    await _store.WarmUpAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);

        var value = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ChatFactory
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public ChatFactory(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync(bool refresh)
                {
                    if (refresh && _catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        var result = await PlanAsync(value);
        Assert.Equal(MM0005FixRefusal.UnsupportedShape, result.Refusal);
    }

    [Fact]
    public async Task Fix_ConstructorOfSeveralLines_KeepsTheAuthorsLayout_OnlyTheNewStatementIsFormatted()
    {
        // `dotnet format` on confluent-kafka-dotnet's JsonSchemaResolver: the constructor that got the creation was
        // formatted whole — its `= null){` brace moved to a line of its own and the whitespace-only line after it emptied.
        var source = "using System.Threading.Tasks;\n\npublic sealed class LlmClient\n{\n    private readonly ICatalogStore _store;\n    private Catalog _catalog;\n\n"
            + "    public LlmClient(ICatalogStore store,\n        string unused = null){\n        _store = store;\n    }\n        \n"
            + "    public async Task<Catalog> GetCatalogAsync(){\n        return [|_catalog|] ??= await _store.LoadAsync();\n    }\n}\n";
        var fixedSource = "using System.Threading.Tasks;\nusing ModelManagement.Patterns;\n\npublic sealed class LlmClient\n{\n    private readonly ICatalogStore _store;\n    private readonly AsyncLazy<Catalog> _catalog;\n\n"
            + "    public LlmClient(ICatalogStore store,\n        string unused = null){\n        _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);\n        _store = store;\n    }\n        \n"
            + "    public async Task<Catalog> GetCatalogAsync(){\n        return await _catalog;\n    }\n\n"
            + "    private async Task<Catalog> LoadCatalogAsync()\n    {\n        return await _store.LoadAsync();\n    }\n}\n";
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_ExpressionBodiedConstructor_KeepsItsComments()
    {
        // Crash hunt: the comment after `=>` of the constructor that gets the helper's creation was dropped.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => /* the only store */ _store = store; // injected

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
                    /* the only store */
                    _store = store; // injected
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

    [Fact]
    public async Task Fix_ReaderWithNullForgiving_LosesTheNeedlessBang()
    {
        // Quick consumer check: `_catalog!.Models` became `(await _catalog)!.Models`; the awaited value is non-null.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog? _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog is null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _catalog!.Models.Length;
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

                public async Task<Catalog> GetCatalogAsync()
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
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, nullable: NullableContextOptions.Enable);
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

                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
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
    public async Task Fix_TypeWithItsPrivateMethodsLast_LoadMethodGoesAfterThem()
    {
        // Applied to real code (puppeteer-sharp builds StyleCop's SA1202 as an error): the load method went right after the
        // public method holding the check, above the other public ones.
        var source = /* lang=c#-test */ """
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

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return Count(_catalog);
                }

                private static int Count(Catalog catalog) => catalog.Models.Length;
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

                public async Task<Catalog> GetCatalogAsync()
                {
                    return await _catalog;
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return Count(await _catalog);
                }

                private static int Count(Catalog catalog) => catalog.Models.Length;

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
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

    [Fact]
    public async Task FixAll_TwoMembersInOneType_ConvertsBoth()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _warm;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog is null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                public async Task WarmAsync()
                {
                    if ([|!_warm|])
                    {
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
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
                private readonly AsyncInitializer _initializer;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync()
                {
                    return await _catalog;
                }

                public async Task WarmAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }

                private async Task InitializeAsync()
                {
                    await _store.WarmUpAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, iterations: 2);
    }

    /// <summary>Static state: created in the field initializer; also the static case of the qualification tests.</summary>
    private const string StaticValueSource = /* lang=c#-test */ """
        using System.Threading.Tasks;

        public static class SharedCatalog
        {
            private static Catalog s_catalog;

            public static async Task<int> CountAsync()
            {
                if ([|s_catalog == null|])
                {
                    s_catalog = await Task.FromResult(new Catalog { Models = new[] { "narrator" } });
                }

                return s_catalog.Models.Length;
            }
        }
        """;

    private const string StaticValueFixed = /* lang=c#-test */ """
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public static class SharedCatalog
        {
            private static readonly AsyncLazy<Catalog> s_catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);

            public static async Task<int> CountAsync()
            {
                return (await s_catalog).Models.Length;
            }

            private static async Task<Catalog> LoadCatalogAsync()
            {
                return await Task.FromResult(new Catalog { Models = new[] { "narrator" } });
            }
        }
        """;

    [Fact]
    public Task Fix_StaticValue_CreatedInFieldInitializer()
        => VerifyFixAsync(StaticValueSource, StaticValueFixed);

    [Fact]
    public async Task Fix_NoConstructor_AddsOneAndPassesTheToken()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public class Warmer
            {
                private static readonly ICatalogStore Store = null;
                private bool _done;

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    if ([|!_done|])
                    {
                        await Store.WarmUpAsync();
                        _done = true;
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public class Warmer
            {
                private static readonly ICatalogStore Store = null;
                private readonly AsyncInitializer _initializer;

                public Warmer()
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                }

                private async Task InitializeAsync()
                {
                    await Store.WarmUpAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_EnsureMethodWithoutOtherReader_KeepsAnAwaitAtTheCheck()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) { _store = store; }

                public LlmClient() : this(null) { }

                public async Task EnsureLoadedAsync()
                {
                    if ([|_catalog == null|])
                    {
                        var loaded = await _store.LoadAsync();
                        _catalog = loaded;
                    }
                }

                public async Task<string> FirstAsync() => (_catalog).Models[0];
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

                public LlmClient() : this(null) { }

                public async Task EnsureLoadedAsync()
                {
                    await _catalog;
                }

                public async Task<string> FirstAsync() => (await _catalog).Models[0];

                private async Task<Catalog> LoadCatalogAsync()
                {
                    var loaded = await _store.LoadAsync();
                    return loaded;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CSharp73_FlagForm()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) { _store = store; }

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        _data = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _data;
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

                public async Task<Catalog> GetAsync()
                {
                    await _initializer.EnsureInitializedAsync();

                    return _data;
                }

                private async Task InitializeAsync()
                {
                    _data = await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task Fix_NullableEnabled_LazyHoldsTheNonNullType()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog? _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog is null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

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
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, nullable: NullableContextOptions.Enable);
    }

    [Fact]
    public async Task NoFix_PropertyState_NotPrivateField()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;

                public LlmClient(ICatalogStore store) => _store = store;

                public Catalog Catalog { get; private set; }

                public async Task<Catalog> GetAsync()
                {
                    if ([|Catalog == null|])
                    {
                        Catalog = await _store.LoadAsync();
                    }

                    return Catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.NotPrivateField);
    }

    [Theory]
    [InlineData("return [|_primary|] ??= await _store.FindAsync(\"USD\");")]
    [InlineData("if ([|_primary == null|]) { _primary = await _store.FindAsync(\"USD\"); } return _primary;")]
    public async Task NoFix_LoadDeclaredMaybeNull_LoadMayReturnNull(string body)
    {
        // grandnode's CurrencyService: `_primaryCurrency ??= await GetCurrencyById(id)` looks up again after a null
        // result; AsyncLazy<T> would keep the null for good.
        var source = /* lang=c#-test */ $$"""
            #nullable enable
            using System.Threading.Tasks;

            public interface ICurrencyStore
            {
                Task<Catalog?> FindAsync(string code);
            }

            public sealed class CurrencyService
            {
                private readonly ICurrencyStore _store;
                private Catalog? _primary;

                public CurrencyService(ICurrencyStore store) => _store = store;

                public async Task<Catalog?> GetPrimaryAsync()
                {
                    {{body}}
                }
            }
            #nullable restore
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.LoadMayReturnNull);
    }

    [Theory]
    [InlineData("return _prompt ?? \"(none yet)\";", true)]
    [InlineData("return _prompt == null ? \"(none yet)\" : _prompt;", true)]
    [InlineData("return _prompt.Trim();", false)]
    public async Task NullableOff_AUseAfterTheLoadTestsForNull_LoadMayReturnNull(string use, bool refused)
    {
        // A fix-shapes round (C# 7.3, annotations off): the finder returned null on its first call, the check looked again on
        // the next call, and the converted AsyncLazy<string> kept the null for good. A use after the load that tests for null
        // says the load may return it; without such a test, the fix is offered (documented: a null result is then kept).
        var source = /* lang=c#-test */ $$"""
            #nullable disable
            using System.Threading.Tasks;

            public interface IPromptStore
            {
                Task<string> FindAsync();
            }

            public sealed class PromptFinder
            {
                private readonly IPromptStore _store;
                private string _prompt;

                public PromptFinder(IPromptStore store) { _store = store; }

                public async Task<string> GetAsync()
                {
                    if ([|_prompt == null|])
                    {
                        _prompt = await _store.FindAsync();
                    }

                    {{use}}
                }
            }
            """;
        if (refused)
        {
            await VerifyNoFixAsync(source);
            await AssertRefusalAsync(source, MM0005FixRefusal.LoadMayReturnNull);
        }
        else
        {
            var result = await PlanAsync(source);
            Assert.NotNull(result.Plan);
            Assert.Equal(MM0005FixRefusal.None, result.Refusal);
        }
    }

    [Fact]
    public async Task Fix_NullableValueTypeReadThroughValue_SaysTheValueIsThere()
    {
        // A fix-shapes round: `_quota.Value` after `if (!_quota.HasValue) _quota = await …;` became `(await _quota).Value`,
        // and the awaited `int?` warned CS8629 (an error under TreatWarningsAsErrors); the check had told the compiler the
        // value was there.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public interface IQuotaStore { Task<int> LoadQuotaAsync(); }

            public sealed class QuotaCache
            {
                private readonly IQuotaStore _store;
                private int? _quota;

                public QuotaCache(IQuotaStore store) => _store = store;

                public async Task<int> GetQuotaAsync()
                {
                    if ([|!_quota.HasValue|])
                    {
                        _quota = await _store.LoadQuotaAsync();
                    }

                    return _quota.Value + 1;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IQuotaStore { Task<int> LoadQuotaAsync(); }

            public sealed class QuotaCache
            {
                private readonly IQuotaStore _store;
                private readonly AsyncLazy<int?> _quota;

                public QuotaCache(IQuotaStore store)
                {
                    _quota = new AsyncLazy<int?>(LoadQuotaAsync);
                    _store = store;
                }

                public async Task<int> GetQuotaAsync()
                {
                    return (await _quota)!.Value + 1;
                }

                private async Task<int?> LoadQuotaAsync()
                {
                    return await _store.LoadQuotaAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_ProtectedField_NotPrivateField()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class LlmClient
            {
                private readonly ICatalogStore _store;
                protected Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.NotPrivateField);
    }

    [Fact]
    public async Task NoFix_WrittenElsewhere()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public void Reset() => _catalog = null;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.WrittenElsewhere);
    }

    [Fact]
    public async Task Fix_CallersFastPathsInFrontOfTheCheckingMethod_BecomeItsAwait_TheMovedCodeIsItsCore()
    {
        // An MM0005 round over real code: four of nineteen reported sites were a public idempotent `InitializeAsync`
        // (`if (_isInitialized) return; …; _isInitialized = true;`) whose callers first check the flag themselves, all refused
        // as FlagReadElsewhere. The callers' checks only skip a call that checks again: each becomes the await alone, and the
        // moved code is named InitializeCoreAsync (InitializeAsync is taken) instead of InitializeAsync1.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class SessionService
            {
                private readonly ICatalogStore _store;
                private Catalog _session;
                private bool _isInitialized;

                public SessionService(ICatalogStore store) => _store = store;

                public async Task InitializeAsync()
                {
                    if ([|_isInitialized|]) return;
                    _session = await _store.LoadAsync();
                    _isInitialized = true;
                }

                public async Task<Catalog> UseAsync()
                {
                    // the caller's own fast path
                    if (!_isInitialized) await InitializeAsync();
                    return _session;
                }

                public async Task<int> CountAsync()
                {
                    if (_isInitialized == false)
                    {
                        await this.InitializeAsync().ConfigureAwait(false); // first use
                    }

                    return _session.Models.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class SessionService
            {
                private readonly ICatalogStore _store;
                private Catalog _session;
                private readonly AsyncInitializer _initializer;

                public SessionService(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeCoreAsync);
                    _store = store;
                }

                public async Task InitializeAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                }

                public async Task<Catalog> UseAsync()
                {
                    // the caller's own fast path
                    await InitializeAsync();
                    return _session;
                }

                public async Task<int> CountAsync()
                {
                    await this.InitializeAsync().ConfigureAwait(false); // first use

                    return _session.Models.Length;
                }

                private async Task InitializeCoreAsync()
                {
                    _session = await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_FlagReadElsewhere_AFastPathDoingMoreOrCallingAnotherMethodIsARead()
    {
        // Not a fast path: the `if` does more than await the checking method, calls another method, or reads the flag
        // without negating it (the opposite of a fast path).
        foreach (var caller in new[]
        {
            "if (!_isInitialized) { await InitializeAsync(); _count++; }",
            "if (!_isInitialized) await WarmAsync();",
            "if (_isInitialized) await InitializeAsync();",
            "if (!_isInitialized) await InitializeAsync(); else _count++;",
        })
        {
            var source = /* lang=c#-test */ $$"""
                using System.Threading.Tasks;

                public sealed class SessionService
                {
                    private readonly ICatalogStore _store;
                    private Catalog _session;
                    private bool _isInitialized;
                    private int _count;

                    public SessionService(ICatalogStore store) => _store = store;

                    public async Task InitializeAsync()
                    {
                        if ([|_isInitialized|]) return;
                        _session = await _store.LoadAsync();
                        _isInitialized = true;
                    }

                    public Task WarmAsync() => _store.WarmUpAsync();

                    public async Task<Catalog> UseAsync()
                    {
                        {{caller}}
                        return _session;
                    }
                }
                """;
            await AssertRefusalAsync(source, MM0005FixRefusal.FlagReadElsewhere);
        }
    }

    [Fact]
    public async Task NoFix_FlagReadElsewhere()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public bool IsReady => _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        _data = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _data;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.FlagReadElsewhere);
    }

    [Fact]
    public async Task NoFix_SynchronousReader_ReaderNotAsync()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public int Count => _catalog == null ? 0 : _catalog.Models.Length;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.ReaderNotAsync);
    }

    [Fact]
    public async Task NoFix_InitializationUsesParameter_UsesLocalState()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync(ICatalogStore fallback)
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await (fallback ?? _store).LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_CombinedCondition_UnsupportedShape()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized || _catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedShape);
    }

    [Fact]
    public async Task NoFix_CSharp73CoalesceWithAssignment_UnsupportedShape()
    {
        // The C# 7.3 spelling of `??=` (an independent consumer's LangVersion 7.3 library): reported, not converted.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    return [|_catalog|] ?? (_catalog = await _store.LoadAsync());
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedShape);
    }

    private const string PartialWithLoggerMessage = /* lang=c#-test */ """
        using System.Threading.Tasks;

        internal sealed partial class GatewayManager
        {
            private readonly ICatalogStore _store;
            private bool _initialized;

            public GatewayManager(ICatalogStore store) => _store = store;

            public async Task<int> StartAsync()
            {
                if ([|!_initialized|])
                {
                    await _store.WarmUpAsync();
                    _initialized = true;
                }

                return (await _store.LoadAsync()).Models.Length;
            }

            private static partial void LogCount(int count);
        }
        """;

    private const string GeneratedLoggerPart = /* lang=c#-test */ """
        // <auto-generated/>
        internal sealed partial class GatewayManager
        {
            private static partial void LogCount(int count) => System.Console.WriteLine(count);
        }
        """;

    [Fact]
    public async Task Fix_PartialTypeWhoseOtherPartIsGenerated_IsConverted()
    {
        // orleans' GatewayManager: `partial` for its [LoggerMessage] methods, whose part a source generator writes.
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            internal sealed partial class GatewayManager
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public GatewayManager(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task<int> StartAsync()
                {
                    await _initializer.EnsureInitializedAsync();

                    return (await _store.LoadAsync()).Models.Length;
                }

                private static partial void LogCount(int count);

                private async Task InitializeAsync()
                {
                    await _store.WarmUpAsync();
                }
            }
            """;
        await VerifyFixAsync(PartialWithLoggerMessage, fixedSource, otherFile: ("/0/GatewayManager.g.cs", GeneratedLoggerPart));
    }

    [Fact]
    public async Task NoFix_PartialTypeWithAHandWrittenPartOrAGeneratedPartNamingTheState_UnsupportedType()
    {
        var handWritten = GeneratedLoggerPart.Replace("// <auto-generated/>", "// written by hand", StringComparison.Ordinal);
        var namingTheState = GeneratedLoggerPart.Replace("System.Console.WriteLine(count)", "System.Console.WriteLine(count + (new GatewayManager(null)._initialized ? 1 : 0))", StringComparison.Ordinal);
        foreach (var other in new[] { ("/0/GatewayManager.Logging.cs", handWritten), ("/0/GatewayManager.g.cs", namingTheState) })
        {
            var test = new FixVerify.Test
            {
                TestCode = PartialWithLoggerMessage + Domain,
                FixedCode = PartialWithLoggerMessage + Domain,
            };
            test.TestState.Sources.Add(other);
            test.FixedState.Sources.Add(other);
            await test.RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task NoFix_StructState_UnsupportedType()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public struct CatalogHandle
            {
                private Catalog _catalog;

                public async Task<Catalog> GetAsync(ICatalogStore store)
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await Task.FromResult(new Catalog());
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedType);
    }

    [Fact]
    public async Task Fix_CommentsOnTheCheck_AreKept()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|]) // first caller loads
                    {
                        // the slow part
                        _data = await _store.LoadAsync();
                        _initialized = true; // done
                    }

                    return _data;
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

                public async Task<Catalog> GetAsync()
                {
                    await _initializer.EnsureInitializedAsync(); // first caller loads // done

                    return _data;
                }

                private async Task InitializeAsync()
                {
                    // the slow part
                    _data = await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_AMultiLineCommentMovedIntoTheLoadMethod_KeepsItsLinesLayout()
    {
        // The formatter moved a moved `/* */` comment's second line by how far it believed the comment moved, measured in
        // the new method before formatting: 19 spaces became 6 (a helper's check, every indentation style).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_data == null|])
                    {
                        /* load it
                           once */
                        _data = await _store.LoadAsync();
                    }

                    return _data;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _data;

                public LlmClient(ICatalogStore store)
                {
                    _data = new AsyncLazy<Catalog>(LoadDataAsync);
                    _store = store;
                }

                public async Task<Catalog> GetAsync()
                {
                    return await _data;
                }

                private async Task<Catalog> LoadDataAsync()
                {
                    /* load it
                       once */
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_WorkBetweenTheCheckAndTheFirstRead_KeepsTheLoadAtTheCheck()
    {
        // An independent consumer's LlmClient: with the check gone, the load waited for the first read, so the billed call
        // between them ran first — also when the load then failed. The check stays as an await; the read awaits too.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<string> CompleteAsync(string prompt)
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync(); // throws while the store is offline
                    }

                    await _store.WarmUpAsync(); // billed: must not run without a catalogue
                    return _catalog.Models[0] + prompt;
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

                public async Task<string> CompleteAsync(string prompt)
                {
                    await _catalog;

                    await _store.WarmUpAsync(); // billed: must not run without a catalogue
                    return (await _catalog).Models[0] + prompt;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync(); // throws while the store is offline
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("return flag ? _catalog.Models[0] : \"none\";", "return flag ? (await _catalog).Models[0] : \"none\";")] // read on one branch only
    [InlineData("return Describe(await _store.CountAsync(), _catalog);", "return Describe(await _store.CountAsync(), await _catalog);")] // an await before the read
    [InlineData("if (flag) { return _catalog.Models[0]; }", "if (flag) { return (await _catalog).Models[0]; }")] // read inside a branch
    public async Task Fix_NextStatementDoesNotReadFirstOrAlways_KeepsTheLoadAtTheCheck(string next, string fixedNext)
    {
        var source = $$"""
            using System.Threading.Tasks;

            public interface IStore { Task<Catalog> LoadAsync(); Task<int> CountAsync(); }

            public sealed class LlmClient
            {
                private readonly IStore _store;
                private Catalog _catalog;

                public LlmClient(IStore store) => _store = store;

                public async Task<string> FindAsync(bool flag)
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    {{next}}
                    return "none";
                }

                private static string Describe(int count, Catalog catalog) => count + catalog.Models[0];
            }
            """;
        var fixedSource = $$"""
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IStore { Task<Catalog> LoadAsync(); Task<int> CountAsync(); }

            public sealed class LlmClient
            {
                private readonly IStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(IStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<string> FindAsync(bool flag)
                {
                    await _catalog;

                    {{fixedNext}}
                    return "none";
                }

                private static string Describe(int count, Catalog catalog) => count + catalog.Models[0];

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("return \"loads=\" + _loads + \" first=\" + _catalog.Models[0];", "return \"loads=\" + _loads + \" first=\" + (await _catalog).Models[0];")] // a field the load writes
    [InlineData("return Status + _catalog.Models[0];", "return Status + (await _catalog).Models[0];")] // a property
    public async Task Fix_NextStatementReadsOtherStateFirst_KeepsTheLoadAtTheCheck(string next, string fixedNext)
    {
        // A fix-shapes round: the guarded block also counted the load, and the statement after it read the count before the
        // value — with the check gone the load ran behind that read, and the first call printed `loads=0`.
        var source = $$"""
            using System.Threading.Tasks;

            public interface IStore { Task<Catalog> LoadAsync(); }

            public sealed class LlmClient
            {
                private readonly IStore _store;
                private Catalog _catalog;
                private int _loads;

                public LlmClient(IStore store) => _store = store;

                public string Status => _loads > 0 ? "warm:" : "cold:";

                public async Task<string> FindAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _loads++;
                        _catalog = await _store.LoadAsync();
                    }

                    {{next}}
                }
            }
            """;
        var fixedSource = $$"""
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IStore { Task<Catalog> LoadAsync(); }

            public sealed class LlmClient
            {
                private readonly IStore _store;
                private readonly AsyncLazy<Catalog> _catalog;
                private int _loads;

                public LlmClient(IStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public string Status => _loads > 0 ? "warm:" : "cold:";

                public async Task<string> FindAsync()
                {
                    await _catalog;

                    {{fixedNext}}
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    _loads++;
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CoalesceAssignmentStatement_WorkBeforeTheFirstRead_KeepsTheLoadThere()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<string> CompleteAsync(string prompt)
                {
                    [|_catalog|] ??= await _store.LoadAsync();
                    await _store.WarmUpAsync();
                    return _catalog.Models[0] + prompt;
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

                public async Task<string> CompleteAsync(string prompt)
                {
                    await _catalog;
                    await _store.WarmUpAsync();
                    return (await _catalog).Models[0] + prompt;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }
}
