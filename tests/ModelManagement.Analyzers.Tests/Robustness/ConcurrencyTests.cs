using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>Analyzers run concurrently in every host; the result must not depend on it.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void EveryAnalyzer_EnablesConcurrentExecution_AndExcludesGeneratedCode()
    {
        foreach (var analyzer in RobustnessHarness.Analyzers)
        {
            var context = new RecordingAnalysisContext();

            analyzer.Initialize(context);

            Assert.True(context.ConcurrentExecutionEnabled, analyzer.GetType().Name + " does not enable concurrent execution");
            Assert.True(context.GeneratedCodeFlags is { } flags && (flags & GeneratedCodeAnalysisFlags.Analyze) == 0, analyzer.GetType().Name + " analyzes generated code (" + context.GeneratedCodeFlags + ")");
            Assert.True(context.Registrations > 0, analyzer.GetType().Name + " registers nothing");
        }
    }

    [Fact]
    public async Task ConcurrentAndSequentialAnalysis_OfCorpusSample_GiveIdenticalDiagnostics()
    {
        var files = RobustnessHarness.CorpusSample(2_500);
        var trees = files.Select(f => RobustnessHarness.Parse(f.Text, f.Path)).ToArray();
        var compilation = await RobustnessHarness.CompileAsync(trees);

        var sequential = await RobustnessHarness.AnalyzeAsync(compilation.Clone(), concurrent: false, additionalFiles: RobustnessHarness.RuleFiles);
        var expected = Describe(sequential.Diagnostics);
        RobustnessHarness.AssertNoAnalyzerException(sequential, "the corpus sample (sequential)");
        RobustnessHarness.AssertEveryRuleReported(sequential.Diagnostics, "the corpus sample");

        // Several concurrent runs on fresh clones: a race shows up as a differing run.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var concurrent = await RobustnessHarness.AnalyzeAsync(compilation.Clone(), concurrent: true, additionalFiles: RobustnessHarness.RuleFiles);

            RobustnessHarness.AssertNoAnalyzerException(concurrent, "the corpus sample (concurrent)");
            Assert.Equal(expected, Describe(concurrent.Diagnostics));
        }
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}{d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} {string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
}
