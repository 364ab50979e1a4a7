using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Benchmarks;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// The benchmark's reporting floor (<see cref="ReplayAnalyzer"/>) must report exactly what the MM rules report, or its
/// row would not measure what reporting those diagnostics costs.
/// </summary>
public sealed class BenchmarkReplayTests
{
    [Fact]
    public async Task Replay_OfCorpusSample_ReportsTheRulesDiagnosticsExactly()
    {
        var files = RobustnessHarness.CorpusSample(2_500);
        var compilation = await RobustnessHarness.CompileAsync(files.Select(f => RobustnessHarness.Parse(f.Text, f.Path)));
        var rules = await RobustnessHarness.AnalyzeAsync(compilation.Clone());
        Assert.NotEmpty(rules.Diagnostics);

        var replay = new ReplayAnalyzer(RobustnessHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics));
        replay.Load(rules.Diagnostics);
        var replayed = await compilation.Clone()
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(replay))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(rules.Diagnostics.Length, replay.Count);
        Assert.Equal(Describe(rules.Diagnostics), Describe(replayed));
    }

    [Fact]
    public async Task Replay_NothingLoaded_ReportsNothing()
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse("class C { void M() { } }") });
        var replay = new ReplayAnalyzer(RobustnessHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics));

        var replayed = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(replay)).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(replayed);
        Assert.Equal(0, replay.Count);
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} +{d.AdditionalLocations.Count} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
}
