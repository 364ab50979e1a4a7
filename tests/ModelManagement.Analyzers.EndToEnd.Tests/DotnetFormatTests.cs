using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// <c>dotnet format analyzers --diagnostics …</c> applies the packed fixes (the first registered action of each, through
/// its Fix All provider): the files change as the fix promises, the diagnostics are gone on rebuild, and the fixed
/// program survives a failing history store. <c>dotnet format</c> exits 0 even when it skips a fixer, so these tests
/// compare file contents, never the exit code alone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DotnetFormatTests
{
    private const string SideEffectRule = "MM0002";

    private const string LazyInitializationRule = "MM0005";

    private const string ExpectedNarrative = "NARRATIVE: [storyteller-xl] Once upon a time, tell the story of a lighthouse keeper's last night.";

    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public DotnetFormatTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task FormatAnalyzers_GuardsEveryMarkedSideEffect_AndTheFixedProgramRuns()
    {
        var packed = _fixture.Get(_output);
        if (!Repository.RulesWithCodeFixSource().Contains(SideEffectRule))
        {
            // PackageLayoutTests require every fix in the sources to be packed with Fix All; this rule has none yet.
            _output.WriteLine(SideEffectRule + " has no code fix yet: nothing for dotnet format to apply.");
            Assert.DoesNotContain(packed.Rules.Fixes, f => f.FixableIds.Contains(SideEffectRule));
            return;
        }

        var project = ConsumerProject.Create(packed, "format-mm0002");
        var (before, after) = await FormatAsync(packed, project, new[] { SideEffectRule }, statementsStayInPlace: true);

        // Exactly the files with MM0002 markers changed, and each marked statement is now guarded.
        var marked = before.SelectMany(file => ExpectedDiagnostic.FromText(file.Key, file.Value)).Where(e => e.RuleId == SideEffectRule).ToList();
        Assert.NotEmpty(marked);
        Assert.Equal(marked.Select(m => m.FileName).Distinct().OrderBy(f => f, StringComparer.Ordinal), ChangedFiles(before, after));
        foreach (var group in marked.GroupBy(m => m.FileName))
        {
            var originalLines = before[group.Key].Split('\n');
            var fixedRoot = CSharpSyntaxTree.ParseText(after[group.Key], new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            foreach (var marker in group)
            {
                AssertGuarded(fixedRoot, StatementText(originalLines[marker.Line - 1]), marker);
            }
        }

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);

        // The markers moved with their statements (comments survive the fix): the other rules still report on their
        // lines, and the fixed rule nowhere.
        ConsumerBuildTests.AssertReported(project.ExpectedDiagnostics().Where(e => e.RuleId != SideEffectRule), sarif.OurResults);

        await AssertFixedProgramRunsAsync(project);
    }

    [Fact]
    public async Task FormatAnalyzers_ConvertsTheRacyLazyLoad_AndTheFixedProgramFetchesOnce()
    {
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-mm0005");
        var (before, after) = await FormatAsync(packed, project, new[] { LazyInitializationRule }, statementsStayInPlace: false);

        // Exactly the files with MM0005 markers changed, each now single-flight through an AsyncInitializer.
        var marked = before.SelectMany(file => ExpectedDiagnostic.FromText(file.Key, file.Value)).Where(e => e.RuleId == LazyInitializationRule).ToList();
        Assert.NotEmpty(marked);
        Assert.Equal(marked.Select(m => m.FileName).Distinct().OrderBy(f => f, StringComparer.Ordinal), ChangedFiles(before, after));
        foreach (var file in marked.Select(m => m.FileName).Distinct())
        {
            Assert.Contains("new AsyncInitializer(InitializeAsync)", after[file], StringComparison.Ordinal);
            // The consumer's code awaits with ConfigureAwait(false); the check's replacement follows it.
            Assert.Contains("await _initializer.EnsureInitializedAsync().ConfigureAwait(false);", after[file], StringComparison.Ordinal);
        }

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);
        ConsumerBuildTests.AssertReported(project.ExpectedDiagnostics().Where(e => e.RuleId != LazyInitializationRule), sarif.OurResults);

        // Two requests that arrive together now share one fetch (the program still stops at the unguarded history store).
        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.Contains("CATALOGUE FETCHES: 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_EveryPackedFixOnACSharp8Consumer_KeepsTheProgramCompilingAndRunning()
    {
        var packed = _fixture.Get(_output);
        var fixable = packed.Rules.Fixes.SelectMany(f => f.FixableIds).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        var project = ConsumerProject.Create(packed, "format-all-csharp8", langVersion: "8");
        var expectedBefore = project.ExpectedDiagnostics();
        if (fixable.Length == 0)
        {
            _output.WriteLine("The package has no code fix yet: nothing for dotnet format to apply.");
            Assert.Empty(Repository.RulesWithCodeFixSource());
            return;
        }

        var (before, after) = await FormatAsync(packed, project, fixable, statementsStayInPlace: false);
        Assert.NotEmpty(ChangedFiles(before, after));

        // Everything the fixes wrote is C# 8, compiles without new errors and triggers no rule on an unmarked line.
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);
        Assert.DoesNotContain(sarif.Results, r => r.Level == "error");
        var markedNow = new HashSet<string>(project.ExpectedDiagnostics().Select(e => e.ToString()), StringComparer.Ordinal);
        Assert.All(sarif.OurResults, r => Assert.Contains(new ExpectedDiagnostic(r.FileName, r.Line, r.RuleId).ToString(), markedNow));
        Assert.True(sarif.OurResults.Count() < expectedBefore.Count, $"the fixes removed no diagnostic:{Environment.NewLine}{sarif}");
        if (fixable.Contains(SideEffectRule))
        {
            Assert.DoesNotContain(sarif.OurResults, r => r.RuleId == SideEffectRule);
            await AssertFixedProgramRunsAsync(project);
        }
    }

    [Fact]
    public async Task FormatAnalyzers_SpanAndRefLocalsLiveAcrossTheNewAwait_AreLeftAsTheyWere_AndTheProgramBuilds()
    {
        // A crash hunt on C# 13: Span and ref locals are allowed in async methods as long as no await crosses them. The
        // factory's `await Catalog.CreateAsync(..)` in a caller, MM0005's `(await _name).Length` in a reader and MM0004's
        // `return await FallbackAsync()` all put one across a live Span (CS4007) — those fixes are now refused there
        // (MM0004 throws instead, which needs no await).
        const string Program = """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }
            public sealed class Store : IStore { public Task<int> LoadAsync() => Task.FromResult(3); }
            public sealed class Report { public bool IsValid { get; set; } = true; }
            public interface IChecker { Report Validate(string text); }
            public sealed class Checker : IChecker { public Report Validate(string text) => new Report(); }

            public sealed class Catalog
            {
                private readonly int _count;

                public Catalog(IStore store)
                {
                    _count = store.LoadAsync().Result; // expect: MM0001
                }

                public int Count => _count;
            }

            public sealed class Names
            {
                private string? _name;

                private static Task<string> LoadNameAsync() => Task.FromResult("name");

                public async Task<int> LengthAsync()
                {
                    if (_name == null) // expect: MM0005
                    {
                        _name = await LoadNameAsync();
                    }

                    Span<int> buffer = stackalloc int[2];
                    buffer[1] = _name!.Length;
                    return buffer[0] + buffer[1];
                }
            }

            public sealed class Writer
            {
                private readonly IChecker _checker;

                public Writer(IChecker checker) => _checker = checker;

                private static Task<string> FallbackAsync() => Task.FromResult("fallback");

                public async Task<string> WriteAsync(string text)
                {
                    await Task.Yield();
                    Span<char> first = stackalloc char[1];
                    first[0] = text[0];
                    _checker.Validate(text); // expect: MM0004
                    return first[0] + text;
                }
            }

            public static class Program
            {
                public static async Task Main()
                {
                    Span<int> slots = stackalloc int[1];
                    var catalog = new Catalog(new Store());
                    slots[0] = catalog.Count;
                    Console.WriteLine(slots[0] + " " + await new Names().LengthAsync() + " " + await new Writer(new Checker()).WriteAsync("story"));
                }
            }
            """;
        var (project, after) = await FormatProgramAsync("format-span-locals", Program, "MM0001", "MM0004", "MM0005");

        var sarif = (await BuildSucceedsAsync(project)).RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);
        Assert.DoesNotContain(sarif.Results, r => r.Level == "error");
        // The factory and the lazy conversion were refused; MM0004 throws instead of awaiting the fallback (no await).
        Assert.DoesNotContain("CreateAsync", after, StringComparison.Ordinal);
        Assert.DoesNotContain("EnsureInitializedAsync", after, StringComparison.Ordinal);
        Assert.DoesNotContain("FallbackAsync()", after.Replace("private static Task<string> FallbackAsync()", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Validation failed: Validate rejected the content.", after, StringComparison.Ordinal);
        ConsumerBuildTests.AssertReported(project.ExpectedDiagnostics().Where(e => e.RuleId != "MM0004"), sarif.OurResults);
        var run = await project.RunProgramAsync();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("3 4 sstory", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_ValidationInACSharp14ExtensionBlock_ThrowsInsteadOfANameTheBlockCannotUse()
    {
        // A crash hunt on C# 14: in `extension(IValidator v) { … }` the fallback fix wrote `return this.Fallback;`
        // (CS0027) or `return StoryExtensions.extension(string).FallbackText;` (CS0117). The fallback is refused there
        // (FallbackInExtensionBlock), so the fix dotnet format applies throws instead.
        const string Program = """
            using System;

            public sealed class Report { public bool IsValid { get; set; } = true; }
            public interface IValidator { Report Validate(string story); }
            public sealed class Validator : IValidator { public Report Validate(string story) => new Report(); }

            public static class StoryExtensions
            {
                extension(IValidator v)
                {
                    public string Fallback => "fallback";

                    public string Checked(string story)
                    {
                        v.Validate(story); // expect: MM0004
                        return story;
                    }
                }
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine(new Validator().Checked("story"));
            }
            """;
        var (project, after) = await FormatProgramAsync("format-extension-block", Program, "MM0004");
        Assert.Contains("Validation failed: Validate rejected the content.", after, StringComparison.Ordinal);

        await BuildSucceedsAsync(project);
        var run = await project.RunProgramAsync();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("story", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_MM0001_CSharp14PartialConstructor_GetsTheLazyRewrite_ButNoFactory()
    {
        // The s35 shapes round: `public partial PartialHost(IStore store);` (the defining declaration, no body) counted as a
        // second constructor that does not chain to the blocking one, so no fix at all (ConstructorShape). The implementing
        // declaration is the constructor now. The factory, which makes the constructor private, is refused for a partial
        // constructor (FactoryConstructorShape): both declarations would have to change together.
        const string Program = """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<string> LoadAsync(); }
            public sealed class Store : IStore { public Task<string> LoadAsync() => Task.FromResult("template"); }

            public sealed partial class PartialHost
            {
                private string _template = "";

                public partial PartialHost(IStore store);

                public async Task<string> RenderAsync()
                {
                    await Task.Yield();
                    return _template + "!";
                }
            }

            public sealed partial class PartialHost
            {
                public partial PartialHost(IStore store)
                {
                    // load the template once
                    _template = store.LoadAsync().Result; // expect: MM0001
                }
            }

            public sealed partial class SyncReaderHost
            {
                private string _name = "";

                public partial SyncReaderHost(IStore store);

                public string Name => _name;
            }

            public sealed partial class SyncReaderHost
            {
                public partial SyncReaderHost(IStore store)
                {
                    _name = store.LoadAsync().Result; // expect: MM0001
                }
            }

            public static class Program
            {
                public static async Task Main()
                {
                    Console.WriteLine(await new PartialHost(new Store()).RenderAsync());
                    Console.WriteLine(new SyncReaderHost(new Store()).Name);
                }
            }
            """;
        var (project, after) = await FormatProgramAsync("format-partial-constructor", Program, "MM0001");
        Assert.Contains("EnsureInitializedAsync", after, StringComparison.Ordinal);
        Assert.Contains("public partial PartialHost(IStore store);", after, StringComparison.Ordinal);
        Assert.Contains("// load the template once", after, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateAsync", after, StringComparison.Ordinal);
        Assert.Contains("_name = store.LoadAsync().Result;", after, StringComparison.Ordinal);

        var sarif = (await BuildSucceedsAsync(project)).RequireSarif();
        Assert.Single(sarif.OurResults, r => r.RuleId == "MM0001"); // SyncReaderHost: no fix (sync reader, partial constructor)
        var run = await project.RunProgramAsync();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("template!", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_MM0004_FirstSiteWithoutAnyFix_StillReturnsTheFallbackWhereOneFits()
    {
        // An independent consumer (twice): when the first MM0004 site dotnet format looks at has no fix at all (a result
        // without a verdict member), it applies Fix All without an equivalence key — and every other site threw, though
        // a fallback fitted there. Now every key but Throw returns the fallback where it can.
        const string Program = """
            using System;
            using System.Collections.Generic;

            public sealed class Verdict { public bool IsSafe { get; set; } = true; }

            public sealed class Generator
            {
                private static IReadOnlyList<string> ValidatePrompt(string prompt) => Array.Empty<string>();

                private static Verdict Validate(string story) => new Verdict();

                private static string Fallback() => "fallback";

                public string A(string prompt)
                {
                    ValidatePrompt(prompt); // expect: MM0004
                    return prompt;
                }

                public string B(string story)
                {
                    Validate(story); // expect: MM0004
                    return story;
                }
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine(new Generator().B("story"));
            }
            """;
        var (project, after) = await FormatProgramAsync("format-mm0004-first-site-unfixable", Program, "MM0004");
        Assert.Contains("return Fallback();", after, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", after, StringComparison.Ordinal);

        await BuildSucceedsAsync(project);
    }

    [Fact]
    public async Task FormatAnalyzers_OnALibraryProjectAlone_DoesNotPrivatizeAConstructorOtherProjectsCall()
    {
        // dotnet format on LlmTornado's ChromaDB project alone: the factory made `public TornadoChromaDB(uri)` private, and
        // the samples project that creates it — not loaded — stopped compiling (CS1729). A library opened alone keeps
        // its constructor (ConstructorUsedByProjectsNotLoaded).
        const string Library = """
            using System.Threading.Tasks;

            namespace Contoso.Data;

            public class Db
            {
                public string Collection { get; private set; } = "";

                public Db(string uri)
                {
                    Task.Run(async () => await PingAsync(uri)).Wait(); // expect: MM0001
                }

                private async Task PingAsync(string uri)
                {
                    await Task.Delay(1);
                    Collection = "ping " + uri;
                }
            }
            """;
        const string App = """
            using System;
            using System.Threading.Tasks;
            using Contoso.Data;

            public static class Program
            {
                public static async Task Main()
                {
                    var db = new Db("local");
                    await Task.Yield();
                    Console.WriteLine(db.Collection);
                }
            }
            """;
        var packed = _fixture.Get(_output);
        var library = ConsumerProject.Create(packed, "lone-library", sources: new Dictionary<string, string> { ["Db.cs"] = Library }, outputType: "Library");
        var libraryProject = System.IO.File.ReadAllText(library.ProjectPath);
        System.IO.File.WriteAllText(library.ProjectPath, libraryProject.Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <AssemblyName>Contoso.Data</AssemblyName>", StringComparison.Ordinal));
        var app = ConsumerProject.Create(packed, "lone-library-app", sources: new Dictionary<string, string> { ["Program.cs"] = App });
        var appProject = System.IO.File.ReadAllText(app.ProjectPath);
        System.IO.File.WriteAllText(app.ProjectPath, appProject.Replace("</Project>", $"  <ItemGroup><ProjectReference Include=\"{library.ProjectPath}\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));

        var (before, after) = await FormatAsync(packed, library, new[] { "MM0001" }, statementsStayInPlace: false);
        Assert.Equal(before["Db.cs"], after["Db.cs"]);

        var build = await app.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var run = await app.RunProgramAsync();
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("ping local", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Formats a one-file consumer (<c>Program.cs</c>) for <paramref name="rules"/>; returns it and the fixed text.</summary>
    private async Task<(ConsumerProject Project, string Fixed)> FormatProgramAsync(string name, string program, params string[] rules)
    {
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, name, sources: new Dictionary<string, string> { ["Program.cs"] = program });
        var (_, after) = await FormatAsync(packed, project, rules, statementsStayInPlace: false);
        return (project, after["Program.cs"]);
    }

    private async Task<ConsumerBuild> BuildSucceedsAsync(ConsumerProject project)
    {
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        return build;
    }

    /// <summary>
    /// Runs dotnet format for the rules; checks that it succeeded and that no comment was lost or duplicated, and — for
    /// fixes that wrap statements where they are (MM0002) rather than move them (MM0001's lazy initialization) — that
    /// every original line is still there in order.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, string> Before, IReadOnlyDictionary<string, string> After)> FormatAsync(
        PackedSolution packed, ConsumerProject project, IReadOnlyList<string> rules, bool statementsStayInPlace)
    {
        foreach (var rule in rules)
        {
            Assert.Contains(rule, packed.Rules.AnalyzerIds);
            Assert.All(packed.Rules.Fixes.Where(f => f.FixableIds.Contains(rule)), fix => Assert.True(fix.HasFixAll, fix.TypeName + " has no Fix All provider: dotnet format would skip it silently"));
        }

        var before = project.ReadSources();
        var arguments = new List<string> { "--diagnostics" };
        arguments.AddRange(rules);
        arguments.AddRange(new[] { "--severity", "warn", "--verbosity", "detailed" });
        var format = await project.FormatAnalyzersAsync(arguments.ToArray());
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());

        var after = project.ReadSources();
        foreach (var file in ChangedFiles(before, after))
        {
            _output.WriteLine("---- fixed " + file + Environment.NewLine + after[file]);
            if (statementsStayInPlace)
            {
                AssertKeepsEveryOriginalLine(before[file], after[file], file);
            }

            AssertKeepsEveryCommentOnce(before[file], after[file], file);
        }

        return (before, after);
    }

    private async Task AssertFixedProgramRunsAsync(ConsumerProject project)
    {
        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());

        // The history store still fails, but the failure is reported through SideEffect (the consumer's FailureHandler
        // prints it) and the request completes.
        Assert.Contains("SIDE EFFECT FAILED: history database is unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains("TOKEN LIMIT: 8192", run.Output, StringComparison.Ordinal);
        Assert.Contains("CATALOGUE FETCHES: ", run.Output, StringComparison.Ordinal);
        Assert.Contains(ExpectedNarrative, run.Output, StringComparison.Ordinal);
        Assert.Contains("DONE", run.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ChangedFiles(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        Assert.Equal(before.Keys.OrderBy(f => f, StringComparer.Ordinal), after.Keys.OrderBy(f => f, StringComparer.Ordinal));
        return before.Keys.Where(f => before[f] != after[f]).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>The statement on a marked line, without the marker comment.</summary>
    private static string StatementText(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    /// <summary>The statement still exists, unchanged, inside a try block whose catch handles Exception and reports through SideEffect (in its block or filter).</summary>
    private static void AssertGuarded(SyntaxNode fixedRoot, string statementText, ExpectedDiagnostic marker)
    {
        var statement = fixedRoot.DescendantNodes().OfType<ExpressionStatementSyntax>().SingleOrDefault(s => s.WithoutTrivia().ToString() == statementText);
        Assert.True(statement is not null, $"{marker}: the statement '{statementText}' is gone from the fixed file");

        var tryStatement = statement!.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).OfType<TryStatementSyntax>()
            .FirstOrDefault(t => t.Block.Span.Contains(statement.Span));
        Assert.True(tryStatement is not null, $"{marker}: '{statementText}' is not inside a try block");

        var handler = tryStatement!.Catches.FirstOrDefault(c => c.Declaration is null
            || c.Declaration.Type.ToString() is "Exception" or "System.Exception" or "global::System.Exception");
        Assert.True(handler is not null, $"{marker}: the try around '{statementText}' has no catch for Exception:{Environment.NewLine}{tryStatement}");
        // The failure is reported through ModelManagement.Patterns.SideEffect, in the catch block or in its filter.
        Assert.Contains("SideEffect.", handler!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The fix neither loses nor duplicates comments (a wrapped statement's trailing comment must not be copied onto the new block).</summary>
    private static void AssertKeepsEveryCommentOnce(string before, string after, string fileName)
    {
        static List<string> Comments(string text) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot()
            .DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            .Select(t => t.ToFullString().Trim())
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();

        var expected = Comments(before);
        var actual = Comments(after);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{fileName}: the comments changed.{Environment.NewLine}before: {string.Join(" | ", expected)}{Environment.NewLine}after:  {string.Join(" | ", actual)}");
    }

    /// <summary>Every non-blank original line (indentation aside) is still there, in order: nothing the user wrote is lost.</summary>
    private static void AssertKeepsEveryOriginalLine(string before, string after, string fileName)
    {
        var fixedLines = new Queue<string>(after.Split('\n').Select(l => l.Trim()));
        foreach (var line in before.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            while (fixedLines.Count > 0 && fixedLines.Peek() != line)
            {
                fixedLines.Dequeue();
            }

            Assert.True(fixedLines.Count > 0, $"{fileName}: the line '{line}' is missing from the fixed file (or out of order)");
            fixedLines.Dequeue();
        }
    }
}
