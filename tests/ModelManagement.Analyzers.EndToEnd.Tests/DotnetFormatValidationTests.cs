using System;
using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// MM0004 through the package: the consumer's writer that ignores its guardrail verdict is reported in SARIF, its unfixed
/// program hands out the unsafe draft, and <c>dotnet format analyzers --diagnostics MM0004</c> applies "Return the fallback
/// when validation fails" (the first registered fix) so that the rebuilt program hands out the fallback instead
/// (the consumer's other rules stay unfixed here; the C# 8 all-fixes run in DotnetFormatTests covers MM0004 with them).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DotnetFormatValidationTests
{
    private const string Rule = "MM0004";
    private const string FileName = "GuardedStoryWriter.cs";

    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public DotnetFormatValidationTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task FormatAnalyzers_ReturnsTheFallback_AndTheFixedProgramNoLongerHandsOutTheUnsafeDraft()
    {
        var packed = _fixture.Get(_output);
        Assert.Contains(Rule, packed.Rules.AnalyzerIds);
        Assert.Contains(packed.Rules.Fixes, fix => fix.FixableIds.Contains(Rule) && fix.HasFixAll);

        var project = ConsumerProject.Create(packed, "format-mm0004");
        var unfixed = await project.BuildAsync();
        _output.WriteLine(unfixed.ToString());
        Assert.True(unfixed.Process.Succeeded, unfixed.ToString());
        var marked = Assert.Single(project.ExpectedDiagnostics(), e => e.RuleId == Rule);
        Assert.Contains(unfixed.RequireSarif().OurResults, r => r.RuleId == Rule && r.FileName == marked.FileName && r.Line == marked.Line);

        var unsafeRun = await project.RunProgramAsync();
        _output.WriteLine(unsafeRun.ToString());
        Assert.Contains("GUARDED STORY: UNSAFE DRAFT: a forbidden spell", unsafeRun.Output, StringComparison.Ordinal);

        var before = project.ReadSource(FileName);
        var format = await project.FormatAnalyzersAsync("--diagnostics", Rule, "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());
        var after = project.ReadSource(FileName);
        _output.WriteLine("---- fixed " + FileName + Environment.NewLine + after);
        Assert.NotEqual(before, after);
        Assert.Contains("var validation = await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false); // expect: MM0004", after, StringComparison.Ordinal);
        Assert.Contains("if (!validation.IsCompliant)", after, StringComparison.Ordinal);
        Assert.Contains("return await FallbackStoryAsync(seed).ConfigureAwait(false);", after, StringComparison.Ordinal);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);
        Assert.DoesNotContain(sarif.OurResults, r => r.RuleId == Rule);

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        // The history store still fails the unfixed MM0002 line later on; the guarded story is printed before that.
        Assert.Contains("GUARDED STORY: SAFE FALLBACK about 17 letters", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSAFE DRAFT", run.Output, StringComparison.Ordinal);
    }
}
