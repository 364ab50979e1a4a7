using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Benchmarks.Corpus;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>The inputs of the robustness checks and the benchmark are sound: they compile and exercise every rule.</summary>
public sealed class CorpusTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(CorpusGenerator.DefaultSeed)]
    [InlineData(4242)]
    public async Task GeneratedCorpus_CompilesWithoutErrors(int seed)
    {
        var files = CorpusGenerator.Generate(2_500, seed);
        var compilation = await RobustnessHarness.CompileAsync(files.Select(f => RobustnessHarness.Parse(f.Text, f.Path)));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(10).ToArray();

        Assert.Empty(errors);
    }

    [Fact]
    public void GeneratedCorpus_SameSeed_IsIdentical()
    {
        var first = CorpusGenerator.Generate(3_000, seed: 17);
        var second = CorpusGenerator.Generate(3_000, seed: 17);
        var other = CorpusGenerator.Generate(3_000, seed: 18);

        Assert.Equal(first.Select(f => f.Path + f.Text), second.Select(f => f.Path + f.Text));
        Assert.NotEqual(first.Select(f => f.Text), other.Select(f => f.Text));
    }

    [Theory]
    [InlineData(2_000, 600)]
    [InlineData(10_000, 600)]
    [InlineData(3_500, 3_000)]
    public void GeneratedCorpus_ReachesRequestedSize_WithoutOvershootingMuch(int lines, int linesPerFile)
    {
        var files = CorpusGenerator.Generate(lines, options: new CorpusOptions { LinesPerFile = linesPerFile });
        var total = files.Sum(f => f.LineCount);

        Assert.InRange(total, lines, lines + 500); // at most one service unit too many (360 to 440 lines each)
        Assert.All(files, f => Assert.Equal(CorpusGenerator.CountLines(f.Text), f.LineCount));
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task GeneratedCorpus_ReportsEveryShippedRule()
    {
        var files = RobustnessHarness.CorpusSample(3_000);

        var run = await RobustnessHarness.AnalyzeAsync(files.Select(f => RobustnessHarness.Parse(f.Text, f.Path)), additionalFiles: RobustnessHarness.RuleFiles);

        RobustnessHarness.AssertNoAnalyzerException(run, "the corpus sample");
        RobustnessHarness.AssertEveryRuleReported(run.Diagnostics, "the corpus sample");
    }

    [Fact]
    public async Task GeneratedCorpus_CleanVariant_HasNoViolationsOfItsOwnMaking()
    {
        // With no violations generated, the corpus is clean code: a diagnostic here is a false positive (or a generator bug).
        var files = CorpusGenerator.Generate(3_000, options: new CorpusOptions { ViolationRate = 0 });

        var run = await RobustnessHarness.AnalyzeAsync(files.Select(f => RobustnessHarness.Parse(f.Text, f.Path)));

        RobustnessHarness.AssertNoAnalyzerException(run, "the clean corpus");
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("MM", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public async Task Snippets_CompileWithoutErrors()
    {
        foreach (var (name, source) in Snippets.Small.Concat(Snippets.Large))
        {
            var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(Snippets.Domain + source, name + ".cs") });

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => name + ": " + d).ToArray();

            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Snippets_ReportEveryShippedRule()
    {
        var trees = Snippets.Small.Concat(Snippets.Large)
            .Select((s, i) => RobustnessHarness.Parse((i == 0 ? Snippets.Domain : "#nullable enable\nusing System; using System.Collections.Generic; using System.Diagnostics; using System.Diagnostics.CodeAnalysis; using System.Linq; using System.Threading; using System.Threading.Tasks; using ModelManagement.Patterns;\n") + s.Source, s.Name + ".cs"));

        var run = await RobustnessHarness.AnalyzeAsync(trees, additionalFiles: RobustnessHarness.RuleFiles);

        RobustnessHarness.AssertNoAnalyzerException(run, "the snippets");
        RobustnessHarness.AssertEveryRuleReported(run.Diagnostics, "the snippets");
    }
}
