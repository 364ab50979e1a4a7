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
/// <c>dotnet format analyzers --diagnostics MM0002</c> applies the packed "Guard side effect with try/catch" fix (the
/// first registered action, through its Fix All provider): the files change as the fix promises, the diagnostic is gone
/// on rebuild, and the fixed program survives a failing history store. <c>dotnet format</c> exits 0 even when it skips
/// a fixer, so these tests compare file contents, never the exit code alone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DotnetFormatTests
{
    private const string RuleId = "MM0002";

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
        var project = await FormatAsync("format-mm0002", langVersion: null);
        if (project is null)
        {
            return;
        }


        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);

        // The markers moved with their statements (comments survive the fix): the other rules still report on their
        // lines, and the fixed rule nowhere.
        ConsumerBuildTests.AssertReported(project.ExpectedDiagnostics().Where(e => e.RuleId != RuleId), sarif.OurResults);

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());

        // The history store still fails, but the failure is reported through SideEffect (the consumer's FailureHandler
        // prints it) and the request completes.
        Assert.Contains("SIDE EFFECT FAILED: history database is unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains("NARRATIVE: [storyteller-xl] Once upon a time, tell the story of a lighthouse keeper's last night.", run.Output, StringComparison.Ordinal);
        Assert.Contains("DONE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_OnACSharp8Consumer_WritesCodeThatCSharp8Compiles()
    {
        var project = await FormatAsync("format-mm0002-csharp8", langVersion: "8");
        if (project is null)
        {
            return;
        }


        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        Assert.DoesNotContain(sarif.Results, r => r.Level == "error");
        Assert.DoesNotContain(sarif.OurResults, r => r.RuleId == RuleId);
    }

    /// <summary>Creates a consumer, runs dotnet format for the rule and checks the rewritten files; null while the rule has no fix.</summary>
    private async Task<ConsumerProject?> FormatAsync(string name, string? langVersion)
    {
        var packed = _fixture.Get(_output);
        if (!Repository.RulesWithCodeFixSource().Contains(RuleId))
        {
            // PackageLayoutTests require every fix in the sources to be packed with Fix All; this rule has none yet.
            _output.WriteLine(RuleId + " has no code fix yet: nothing for dotnet format to apply.");
            Assert.DoesNotContain(packed.Rules.Fixes, f => f.FixableIds.Contains(RuleId));
            return null;
        }

        Assert.Contains(RuleId, packed.Rules.AnalyzerIds);
        var fixer = Assert.Single(packed.Rules.Fixes, f => f.FixableIds.Contains(RuleId));
        Assert.True(fixer.HasFixAll, fixer.TypeName + " has no Fix All provider: dotnet format would skip it silently");

        var project = ConsumerProject.Create(packed, name, langVersion: langVersion);
        var marked = project.ExpectedDiagnostics().Where(e => e.RuleId == RuleId).ToList();
        Assert.NotEmpty(marked);
        var before = project.ReadSources();

        var format = await project.FormatAnalyzersAsync("--diagnostics", RuleId, "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());

        var after = project.ReadSources();
        var changed = before.Keys.Where(f => before[f] != after[f]).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var file in changed)
        {
            _output.WriteLine("---- fixed " + file + Environment.NewLine + after[file]);
        }

        Assert.Equal(marked.Select(m => m.FileName).Distinct().OrderBy(f => f, StringComparer.Ordinal), changed);
        foreach (var group in marked.GroupBy(m => m.FileName))
        {
            var originalLines = before[group.Key].Split('\n');
            var fixedRoot = CSharpSyntaxTree.ParseText(after[group.Key], new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            foreach (var marker in group)
            {
                AssertGuarded(fixedRoot, StatementText(originalLines[marker.Line - 1]), marker);
            }

            AssertKeepsEveryOriginalLine(before[group.Key], after[group.Key], group.Key);
            AssertKeepsEveryCommentOnce(before[group.Key], after[group.Key], group.Key);
        }

        return project;
    }

    /// <summary>The statement on a marked line, without the marker comment.</summary>
    private static string StatementText(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }

    /// <summary>The statement still exists, unchanged, inside a try block whose catch handles Exception and reports through SideEffect.</summary>
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
        Assert.Contains("SideEffect.", handler!.Block.ToString(), StringComparison.Ordinal);
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
