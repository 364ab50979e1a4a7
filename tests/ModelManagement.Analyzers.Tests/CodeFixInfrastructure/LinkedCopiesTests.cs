using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>
/// Fix All on a multi-targeted project, as <c>dotnet format analyzers</c> runs it: the file is one linked document per target
/// framework (here two projects with the same file path, the second compiled with <c>NET8_0_OR_GREATER</c>), every copy has
/// its diagnostics, and the solution-wide Fix All must give every copy one text (else the workspace merges them with
/// conflict markers), plan each type once, and refuse a rewrite the frameworks decide differently (an independent consumer's
/// netstandard2.0;net8.0 libraries).
/// </summary>
public sealed class LinkedCopiesTests
{
    private const string Store = """
        using System.Threading.Tasks;

        namespace Lib
        {
            public interface IStore
            {
                Task<string> LoadAsync(string key);
            }
        }
        """;

    private static readonly (string Name, string Text) RegionDirectory = ("RegionDirectory.cs", """
            namespace Lib
            {
                public sealed class RegionDirectory
                {
                    private readonly string _region;

                    public RegionDirectory(IStore store)
                    {
                        _region = store.LoadAsync("eu").Result;
                    }

                    public int Count => _region.Length;
                }
            }
            """);

    private const string RegionDirectoryApp = """
            using System.Threading.Tasks;

            public static class Program
            {
                public static async Task<int> RunAsync(Lib.IStore store)
                {
                    await Task.Yield();
                    var directory = new Lib.RegionDirectory(store);
                    return directory.Count;
                }
            }
            """;

    [Fact]
    public async Task MM0005_FixAll_TwoRacyFieldsOfALinkedFile_BothConvertedOnce_SameTextInEveryCopy()
    {
        var solution = await CreateAsync(("Catalog.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public sealed class Catalog
                {
                    private readonly IStore _store;
                    private string _first;
                    private string _second;

                    public Catalog(IStore store) => _store = store;

                    public async Task<string> FirstAsync()
                    {
                        if (_first == null)
                        {
                            _first = await _store.LoadAsync("first");
                        }

                        return _first;
                    }

                    public async Task<string> SecondAsync()
                    {
                        if (_second == null)
                        {
                            _second = await _store.LoadAsync("second");
                        }

                        return _second;
                    }
                }
            }
            """));

        var changed = await FixAllAsync(solution, new MM0005RacyLazyAsyncInitializationAnalyzer(), new MM0005RacyLazyAsyncInitializationCodeFixProvider(), 4);

        var texts = await TextsAsync(changed, "Catalog.cs");
        Assert.Equal(2, texts.Count);
        Assert.Equal(texts[0], texts[1]);
        Assert.Equal(2, Count(texts[0], "new AsyncLazy<string>("));
        Assert.DoesNotContain("<<<<<<<", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("return await _first", texts[0], System.StringComparison.Ordinal); // formatted and simplified, not `awaitthis._first`
        await AssertCompilesAsync(changed);
    }

    [Fact]
    public async Task MM0002_FixAll_DiagnosticOnlyInTheSecondFrameworksCopy_IsFixedThere_NoConflict()
    {
        // A consumer round (statsig's dotnet-sdk, `netstandard2.0;net6.0`): the awaited flush under `#if` is disabled text in
        // the first copy, which had no diagnostic, so planning there changed nothing while `dotnet format` said it had.
        var solution = await CreateAsync(("Shutdown.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public interface ITelemetry
                {
                    Task TrackEventAsync(string name);
                }

                public sealed class Shutdown
                {
                    private readonly ITelemetry _telemetry;

                    public Shutdown(ITelemetry telemetry) => _telemetry = telemetry;

                    public async Task<int> StopAsync()
                    {
                        await Task.Yield();
            #if NET8_0_OR_GREATER
                        await _telemetry.TrackEventAsync("stopped");
            #endif
                        return 1;
                    }
                }
            }
            """));

        var changed = await FixAllAsync(solution, new MM0002SideEffectAwaitNotGuardedAnalyzer(), new MM0002SideEffectAwaitNotGuardedCodeFixProvider(), 1);

        // The copy with the diagnostic is rewritten, the other left to the workspace, which writes the one file.
        var text = await OneRewriteAsync(solution, changed, "Shutdown.cs");
        Assert.Contains("TrackEventAsync(\"stopped\")", text, System.StringComparison.Ordinal);
        Assert.Contains("ModelManagement.Patterns", text, System.StringComparison.Ordinal); // the helper's namespace
        Assert.Contains("#if NET8_0_OR_GREATER", text, System.StringComparison.Ordinal);
        await AssertCompilesAsync(WithTextInEveryCopy(changed, "Shutdown.cs", text));
    }

    [Fact]
    public async Task MM0002_FixAll_FrameworksOfDifferentLanguageVersions_SharedCodeIsWrittenForTheLowest()
    {
        // A consumer round: `netstandard2.0;net8.0` without <LangVersion> compiles C# 7.3 and C# 12. With a site only the
        // net8.0 copy sees, the Fix All planned on that copy and wrote `ex is not OperationCanceledException` into the
        // shared lines too, which broke the netstandard2.0 build (CS8370). The copy with the lowest version plans the
        // shared sites; the net8.0-only site is left for a second run (README).
        var solution = await CreateAsync(("Shutdown.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            namespace Lib
            {
                public interface ITelemetry
                {
                    Task TrackEventAsync(string name, CancellationToken cancellationToken);
                }

                public sealed class Shutdown
                {
                    private readonly ITelemetry _telemetry;

                    public Shutdown(ITelemetry telemetry) => _telemetry = telemetry;

                    public async Task<int> StopAsync(CancellationToken cancellationToken)
                    {
                        await _telemetry.TrackEventAsync("stopping", cancellationToken);
            #if NET8_0_OR_GREATER
                        await _telemetry.TrackEventAsync("stopped", cancellationToken);
            #endif
                        return 1;
                    }
                }
            }
            """), netstandardVersion: LanguageVersion.CSharp7_3);

        var changed = await FixAllAsync(solution, new MM0002SideEffectAwaitNotGuardedAnalyzer(), new MM0002SideEffectAwaitNotGuardedCodeFixProvider(), 3);

        var texts = await TextsAsync(changed, "Shutdown.cs");
        Assert.Equal(2, texts.Count);
        Assert.Equal(texts[0], texts[1]);
        Assert.DoesNotContain(" is not ", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("TrackEventAsync(\"stopping\"", texts[0], System.StringComparison.Ordinal);
        Assert.NotEqual((await TextsAsync(solution, "Shutdown.cs"))[0], texts[0]); // the shared site was fixed
        await AssertCompilesAsync(WithTextInEveryCopy(changed, "Shutdown.cs", texts[0]));
    }

    [Fact]
    public async Task MM0001_FixAll_FactoryForATypeOfALinkedFile_CreatedInAnotherProject_IsAppliedOnce()
    {
        var solution = await CreateAsync(RegionDirectory, app: RegionDirectoryApp);

        var changed = await FixAllAsync(solution, new MM0001BlockingWaitInConstructorAnalyzer(), new MM0001BlockingWaitInConstructorCodeFixProvider(), 2);

        var text = await OneRewriteAsync(solution, changed, "RegionDirectory.cs");
        Assert.Equal(1, Count(text, "public static async Task<RegionDirectory> CreateAsync("));
        var app = (await changed.Projects.Single(p => p.Name == "App").Documents.Single().GetTextAsync()).ToString();
        Assert.Equal(1, Count(app, "await Lib.RegionDirectory.CreateAsync(store)"));
        await AssertCompilesAsync(WithTextInEveryCopy(changed, "RegionDirectory.cs", text));
    }

    [Fact]
    public async Task MM0001ThenMM0005_OneFixAllAfterTheOther_BothRewritesLand_OneTextForEveryCopy()
    {
        // `dotnet format analyzers` fixes one rule after the other on the solution the previous rule left, in a hash order that
        // changes from run to run (fmtdet). With MM0001 first, its rewrite of DocsIndex reached one target framework's copy only,
        // and MM0005's check of the other copy refused the Catalog conversion: the output depended on the run.
        var solution = await CreateAsync(("Mixed.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public sealed class DocsIndex
                {
                    private readonly string _index;

                    public DocsIndex(IStore store)
                    {
                        _index = store.LoadAsync("index").Result;
                    }

                    public async Task<bool> ContainsAsync(string word)
                    {
                        await Task.Yield();
                        return _index.Contains(word);
                    }
                }

                public sealed class Catalog
                {
                    private readonly IStore _store;
                    private string _data;

                    public Catalog(IStore store) => _store = store;

                    public async Task<string> GetAsync()
                    {
                        if (_data == null)
                        {
                            _data = await _store.LoadAsync("catalog");
                        }

                        return _data;
                    }
                }
            }
            """));

        var afterMM0001 = await FixAllAsync(solution, new MM0001BlockingWaitInConstructorAnalyzer(), new MM0001BlockingWaitInConstructorCodeFixProvider(), 2);
        var texts = await TextsAsync(afterMM0001, "Mixed.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.DoesNotContain(".Result", texts[0], System.StringComparison.Ordinal);

        var afterMM0005 = await FixAllAsync(afterMM0001, new MM0005RacyLazyAsyncInitializationAnalyzer(), new MM0005RacyLazyAsyncInitializationCodeFixProvider(), 2);
        texts = await TextsAsync(afterMM0005, "Mixed.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.DoesNotContain("if (_data == null)", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("new AsyncLazy<string>(", texts[0], System.StringComparison.Ordinal);
        await AssertCompilesAsync(afterMM0005);
    }

    [Fact]
    public async Task MM0001_EditsOfPlansThatDoNotCompose_KeepEveryPlanThatDoes_InsteadOfNone()
    {
        // The consumer's lost run: one plan per framework, both rewriting App's `new RegionDirectory(store)`, made the syntax
        // editor throw and cost every other type its fix. Whatever plans the edits get, a plan whose edits do not compose
        // with the earlier ones is dropped, not the whole run.
        var solution = await CreateAsync(RegionDirectory, app: RegionDirectoryApp);
        var plans = new List<MM0001Plan>();
        foreach (var project in solution.Projects.Where(p => p.Name.StartsWith("Lib", System.StringComparison.Ordinal)))
        {
            var type = (await project.GetCompilationAsync())!.GetTypeByMetadataName("Lib.RegionDirectory")!;
            var plan = (await MM0001Pipeline.DecideAsync(solution, project, type, planFactory: true, CancellationToken.None)).Plan;
            Assert.NotNull(plan?.Factory);
            plans.Add(plan!);
        }

        var changed = await MM0001Edits.ApplyAsync(solution, plans, CancellationToken.None);

        // The edits before a code action's clean-up (no formatting yet): whitespace aside.
        var app = (await changed.Projects.Single(p => p.Name == "App").Documents.Single().GetTextAsync()).ToString();
        Assert.Equal(1, Count(app, "Lib.RegionDirectory.CreateAsync(store)"));
        Assert.DoesNotContain("new Lib.RegionDirectory(", app, System.StringComparison.Ordinal);
        var text = await OneRewriteAsync(solution, changed, "RegionDirectory.cs", everyCopy: false);
        Assert.Equal(1, Count(text, "CreateAsync("));
    }

    [Fact]
    public async Task MM0001_FixAll_LocalTypedApartByTheFrameworks_OneTextForEveryCopy()
    {
        // `Environment.GetEnvironmentVariable` returns `string?` where one framework annotates it: the moved local is
        // written once, from the first copy, instead of `string? region` and `string region` merged with conflict markers.
        var solution = await CreateAsync(("EnvClient.cs", """
            using System;
            using System.Threading.Tasks;

            namespace Lib
            {
                internal sealed class EnvClient
                {
                    private readonly string _model;

                    public EnvClient(IStore store)
                    {
                        var region = Environment.GetEnvironmentVariable("REGION");
                        _model = store.LoadAsync(region ?? "eu").Result;
                    }

                    public async Task<string> GetAsync()
                    {
                        await Task.Yield();
                        return _model;
                    }
                }
            }
            """));

        var changed = await FixAllAsync(solution, new MM0001BlockingWaitInConstructorAnalyzer(), new MM0001BlockingWaitInConstructorCodeFixProvider(), 2);

        var text = await OneRewriteAsync(solution, changed, "EnvClient.cs");
        Assert.Contains("new AsyncInitializer(", text, System.StringComparison.Ordinal);
        await AssertCompilesAsync(WithTextInEveryCopy(changed, "EnvClient.cs", text));
    }

    [Fact]
    public async Task MM0001_HelpersReferencedByOneFrameworkOnly_IsRefusedWithTargetFrameworksDisagree()
    {
        // ModelManagement.Patterns referenced for net8.0 only (a conditional PackageReference): net8.0 allows the lazy
        // rewrite, netstandard2.0 cannot (PatternsNotReferenced) and plans the factory — one file, two decisions, so
        // neither is applied (before, the copies merged into conflict markers).
        var solution = await CreateAsync(("IfReader.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public sealed class IfReader
                {
                    private readonly string _text;

                    public IfReader(IStore store)
                    {
                        _text = store.LoadAsync("text").Result;
                    }

                    public async Task<string> TextAsync()
                    {
                        await Task.Yield();
                        return _text;
                    }
                }
            }
            """), patternsOnlyInNet8: true);

        var net8 = solution.Projects.Single(project => project.Name == "Lib(net8.0)");
        var type = (await net8.GetCompilationAsync())!.GetTypeByMetadataName("Lib.IfReader")!;
        var decision = await MM0001Pipeline.DecideAsync(solution, net8, type, planFactory: true, CancellationToken.None);
        Assert.Null(decision.Plan);
        Assert.Equal(MM0001RefusalReason.TargetFrameworksDisagree, decision.Refusal?.Reason);

        var diagnostics = await DiagnosticsAsync(solution, new MM0001BlockingWaitInConstructorAnalyzer());
        Assert.Equal(2, diagnostics.Length);
        var fixer = new MM0001BlockingWaitInConstructorCodeFixProvider();
        var document = net8.Documents.Single(d => d.Name == "IfReader.cs");
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, null, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        Assert.Null(await fixer.GetFixAllProvider().GetFixAsync(context));
    }

    [Fact]
    public async Task MM0001_SynchronousReaderOnlyOneFrameworkCompiles_BothChooseTheFactory()
    {
        // netstandard2.0 skips `Length` (a reader there would get no await: StateInInactiveCode), net8.0 compiles it (a
        // synchronous reader): both refuse the lazy rewrite and plan the factory, which neither reader needs.
        var solution = await CreateAsync(("IfReader.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public sealed class IfReader
                {
                    private readonly string _text;

                    public IfReader(IStore store)
                    {
                        _text = store.LoadAsync("text").Result;
                    }

                    public async Task<string> TextAsync()
                    {
                        await Task.Yield();
                        return _text;
                    }

            #if NET8_0_OR_GREATER
                    public int Length => _text.Length;
            #endif
                }

                public static class Opener
                {
                    public static async Task<string> OpenAsync(IStore store) => await new IfReader(store).TextAsync();
                }
            }
            """));

        foreach (var project in solution.Projects)
        {
            var type = (await project.GetCompilationAsync())!.GetTypeByMetadataName("Lib.IfReader")!;
            var decision = await MM0001Pipeline.DecideAsync(solution, project, type, planFactory: true, CancellationToken.None);
            Assert.Null(decision.Plan?.Lazy);
            Assert.NotNull(decision.Plan?.Factory);
            Assert.Equal(
                project.Name == "Lib(netstandard2.0)" ? MM0001RefusalReason.StateInInactiveCode : MM0001RefusalReason.SynchronousReader,
                decision.LazyRefusal?.Reason);
        }

        var diagnostics = await DiagnosticsAsync(solution, new MM0001BlockingWaitInConstructorAnalyzer());
        Assert.Equal(2, diagnostics.Length);
        var fixer = new MM0001BlockingWaitInConstructorCodeFixProvider();
        var document = solution.Projects.First().Documents.Single(d => d.Name == "IfReader.cs");
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString(); // the workspace writes the file once, for every copy
        Assert.Contains("CreateAsync(", text, System.StringComparison.Ordinal);
        Assert.Contains("public int Length => _text.Length;", text, System.StringComparison.Ordinal);
    }

    private static readonly (string Name, string Text) Publisher = ("Publisher.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public interface ITelemetry
                {
                    Task TrackEventAsync(string name);
                }

                public static class PayloadValidator
                {
                    public static bool Validate(string payload) => payload.Length > 0;
                }

                public sealed class Publisher
                {
                    private readonly ITelemetry _telemetry;

                    public Publisher(ITelemetry telemetry) => _telemetry = telemetry;

                    public async Task PublishAsync(string payload)
                    {
                        PayloadValidator.Validate(payload);
                        await Task.Yield();
            #if NET8_0_OR_GREATER
                        await _telemetry.TrackEventAsync("published");
            #endif
                    }
                }
            }
            """);

    [Fact]
    public async Task RootPlannedInTheFirstCopy_GivenToEveryCopy_EachCopyIsParsedWithItsOwnSymbols_TheNextRuleSeesTheBranch()
    {
        // consume7 F2 (cloudevents, `netstandard2.0;net8.0`): MM0004's Fix All plans on the netstandard2.0 copy, where the
        // `#if NET8_0_OR_GREATER` branch is disabled text, and gives its fixed root to every copy (FixCanonicalCopyAsync).
        // The Roslyn of `dotnet format` (4.9 and later) cleans those documents up and keeps their roots
        // (Solution.WithDocumentSyntaxRoots), and a root is kept as it was parsed: the net8.0 copy's text was right, but its
        // tree held the branch as disabled text, so MM0002 and MM0003, when dotnet format ran them after MM0004, found
        // nothing there and the branch stayed unfixed. (The Roslyn 4.8 these tests run on parses the cleaned text again,
        // which hid it; the solution below is what the newer host hands to our action's last step.)
        var solution = await CreateAsync(Publisher);
        var copies = solution.Projects.Select(p => p.Documents.Single(d => d.Name == "Publisher.cs")).ToList();
        var first = copies.Single(d => d.Project.Name == "Lib(netstandard2.0)");
        var root = (await first.GetSyntaxRootAsync())!;
        var call = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax>().Single(s => s.ToString().StartsWith("PayloadValidator", System.StringComparison.Ordinal));
        var fixedRoot = root.ReplaceNode(call, SyntaxFactory.ParseStatement("if (!PayloadValidator.Validate(payload)) throw new System.InvalidOperationException();").WithTriviaFrom(call));
        var changed = solution;
        foreach (var copy in copies)
        {
            changed = changed.WithDocumentSyntaxRoot(copy.Id, fixedRoot);
        }

        var result = await ModelManagement.Analyzers.CodeFixes.Infrastructure.Documents.WithRewriteInLinkedCopiesAsync(solution, changed, CancellationToken.None);

        var texts = await TextsAsync(result, "Publisher.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.Contains("if (!PayloadValidator.Validate(payload))", texts[0], System.StringComparison.Ordinal);

        // The next rule sees the net8.0-only site and fixes it.
        var afterMM0002 = await FixAllAsync(result, new MM0002SideEffectAwaitNotGuardedAnalyzer(), new MM0002SideEffectAwaitNotGuardedCodeFixProvider(), 1);
        texts = await TextsAsync(afterMM0002, "Publisher.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.Contains("if (!PayloadValidator.Validate(payload))", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("catch", texts[0], System.StringComparison.Ordinal);
        await AssertCompilesAsync(afterMM0002);

        // Each copy's tree is its own framework's parse of the text (the netstandard2.0 copy keeps the branch as disabled text).
        foreach (var project in result.Projects)
        {
            var document = project.Documents.Single(d => d.Name == "Publisher.cs");
            var reparsed = SyntaxFactory.ParseSyntaxTree(await document.GetTextAsync(), (CSharpParseOptions)project.ParseOptions!);
            Assert.True((await document.GetSyntaxRootAsync())!.IsEquivalentTo(await reparsed.GetRootAsync()), project.Name + ": the tree is not this framework's parse of its text");
        }
    }

    [Fact]
    public async Task MM0004ThenMM0002_SiteUnderIfOfTheSecondFramework_StillSeenByThatFramework_AndFixed()
    {
        // The same two rules through their Fix Alls, one after the other as dotnet format runs them.
        var solution = await CreateAsync(Publisher);

        var afterMM0004 = await FixAllAsync(solution, new MM0004ValidationResultIgnoredAnalyzer(), new MM0004ValidationResultIgnoredCodeFixProvider(), 2);
        var texts = await TextsAsync(afterMM0004, "Publisher.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.Contains("if (!PayloadValidator.Validate(payload))", texts[0], System.StringComparison.Ordinal);

        var afterMM0002 = await FixAllAsync(afterMM0004, new MM0002SideEffectAwaitNotGuardedAnalyzer(), new MM0002SideEffectAwaitNotGuardedCodeFixProvider(), 1);
        texts = await TextsAsync(afterMM0002, "Publisher.cs");
        Assert.Equal(texts[0], texts[1]);
        Assert.Contains("if (!PayloadValidator.Validate(payload))", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("catch", texts[0], System.StringComparison.Ordinal);
        Assert.Contains("#if NET8_0_OR_GREATER", texts[0], System.StringComparison.Ordinal);
        await AssertCompilesAsync(afterMM0002);
    }

    private static readonly (string Name, string Text) Renderer = ("Renderer.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public interface IRenderStore
                {
                    string[] Tags { get; }
                    Task SyncAsync(string what);
                }

                public sealed class Renderer
                {
                    private readonly IRenderStore _store;

                    public Renderer(IRenderStore store = null) => _store = store;

                    public async Task<int> RenderAsync()
                    {
                        await Task.Yield();
            #if NET8_0_OR_GREATER
                        await _store.SyncAsync("render");
                        return 0;
            #else
                        return _store.Tags.Length;
            #endif
                    }
                }
            }
            """);

    [Fact]
    public async Task CopyWhosePlanChangesNothing_WritesNothingOverTheOtherCopies()
    {
        // A fix-shapes round (shapes9 F3): MM0003's Fix All planned on the netstandard2.0 copy, whose only site (the
        // `#else` branch's returned value) gets no fix, and gave every copy that copy's unchanged text — which undid an
        // edit the net8.0 copy held (an MM0002 try/catch under `#if NET8_0_OR_GREATER`, lost in 6 runs of 7). The copies
        // are made to differ here by a comment standing for that edit.
        var solution = await CreateAsync(Renderer, netstandardVersion: LanguageVersion.CSharp7_3);
        var net8 = solution.Projects.Single(p => p.Name == "Lib(net8.0)").Documents.Single(d => d.Name == "Renderer.cs");
        var edited = (await net8.GetTextAsync()).ToString().Replace("await _store.SyncAsync(\"render\");", "await _store.SyncAsync(\"render\"); // edited by another rule");
        solution = solution.WithDocumentText(net8.Id, SourceText.From(edited));

        var result = await FixAllAsync(solution, new MM0003OptionalDependencyWithoutNullCheckAnalyzer(), new MM0003OptionalDependencyWithoutNullCheckCodeFixProvider(), 2);

        var texts = await TextsAsync(result, "Renderer.cs");
        Assert.Contains("// edited by another rule", texts[1], System.StringComparison.Ordinal);
    }

    /// <summary>Lib (netstandard2.0) and Lib (net8.0) sharing the files by path; App, referencing the first, when given.</summary>
    private static async Task<Solution> CreateAsync((string Name, string Text) file, string? app = null, bool patternsOnlyInNet8 = false, LanguageVersion netstandardVersion = LanguageVersion.CSharp9)
    {
        var platform = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var references = platform.Add(TestEnvironment.PatternsReference);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var solution = new AdhocWorkspace().CurrentSolution;
        var libraries = new List<ProjectId>();
        foreach (var (name, symbols) in new[] { ("Lib(netstandard2.0)", new[] { "NETSTANDARD2_0" }), ("Lib(net8.0)", new[] { "NET8_0", "NET8_0_OR_GREATER" }) })
        {
            var id = ProjectId.CreateNewId();
            libraries.Add(id);
            solution = solution
                .AddProject(ProjectInfo.Create(id, VersionStamp.Create(), name, "Lib", LanguageNames.CSharp,
                    compilationOptions: name == "Lib(netstandard2.0)" && netstandardVersion < LanguageVersion.CSharp8 ? options.WithNullableContextOptions(NullableContextOptions.Disable) : options,
                    parseOptions: new CSharpParseOptions(name == "Lib(netstandard2.0)" ? netstandardVersion : LanguageVersion.CSharp9, preprocessorSymbols: symbols),
                    metadataReferences: patternsOnlyInNet8 && name == "Lib(netstandard2.0)" ? platform : references))
                .AddDocument(DocumentId.CreateNewId(id), "IStore.cs", SourceText.From(Store), filePath: "/Lib/IStore.cs")
                .AddDocument(DocumentId.CreateNewId(id), file.Name, SourceText.From(file.Text), filePath: "/Lib/" + file.Name);
        }

        if (app is not null)
        {
            var id = ProjectId.CreateNewId();
            solution = solution
                .AddProject(ProjectInfo.Create(id, VersionStamp.Create(), "App", "App", LanguageNames.CSharp,
                    compilationOptions: options, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp9),
                    metadataReferences: references, projectReferences: new[] { new ProjectReference(libraries[0]) }))
                .AddDocument(DocumentId.CreateNewId(id), "Program.cs", SourceText.From(app), filePath: "/App/Program.cs");
        }

        await AssertCompilesAsync(solution);
        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Solution solution, DiagnosticAnalyzer analyzer)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            all.AddRange(await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None));
        }

        return all.ToImmutable();
    }

    private static async Task<Solution> FixAllAsync(Solution solution, DiagnosticAnalyzer analyzer, CodeFixProvider fixer, int expectedDiagnostics)
    {
        var diagnostics = await DiagnosticsAsync(solution, analyzer);
        Assert.Equal(expectedDiagnostics, diagnostics.Length);
        var first = diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath).First();
        var document = solution.GetDocument(first.Location.SourceTree)!;
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, null, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        return (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task<List<string>> TextsAsync(Solution solution, string name)
    {
        var texts = new List<string>();
        foreach (var project in solution.Projects)
        {
            foreach (var document in project.Documents.Where(d => d.Name == name))
            {
                texts.Add((await document.GetTextAsync()).ToString());
            }
        }

        return texts;
    }

    /// <summary>
    /// The rewritten text, which every copy has: MM0001 plans and edits the file in the copy the solution lists first, and the
    /// action gives the other copies that text (a second, different edit of another copy is what conflict markers come from;
    /// a copy left stale is what the next rule of a <c>dotnet format</c> run read apart).
    /// </summary>
    /// <remarks>With <paramref name="everyCopy"/> false, the edits themselves (<see cref="MM0001Edits.ApplyAsync"/>, before the
    /// action hands the text to the other copies): exactly one copy is rewritten.</remarks>
    private static async Task<string> OneRewriteAsync(Solution before, Solution after, string name, bool everyCopy = true)
    {
        var original = (await TextsAsync(before, name))[0];
        var texts = await TextsAsync(after, name);
        if (!everyCopy)
        {
            var rewritten = texts.Where(text => text != original).ToList();
            Assert.Single(rewritten);
            Assert.DoesNotContain("<<<<<<<", rewritten[0], System.StringComparison.Ordinal);
            return rewritten[0];
        }

        Assert.All(texts, text => Assert.Equal(texts[0], text));
        Assert.NotEqual(original, texts[0]);
        Assert.DoesNotContain("<<<<<<<", texts[0], System.StringComparison.Ordinal);
        return texts[0];
    }

    /// <summary>The solution as the workspace leaves it on disk: every copy of the file with <paramref name="text"/>.</summary>
    private static Solution WithTextInEveryCopy(Solution solution, string name, string text)
    {
        foreach (var project in solution.Projects.ToList())
        {
            foreach (var document in project.Documents.Where(d => d.Name == name).ToList())
            {
                solution = solution.WithDocumentText(document.Id, SourceText.From(text));
            }
        }

        return solution;
    }

    private static async Task AssertCompilesAsync(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, project.Name + ": " + string.Join("\n", errors));
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
