using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>Compile-only, floor and all-MM cost at several corpus sizes: the cost per line should stay flat.</summary>
internal static class Linearity
{
    public static async Task RunAsync(Report report, AnalyzerSets sets, BenchmarkOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var chosen = sets.All.Where(s => s.Group is AnalyzerSet.CompileGroup or AnalyzerSet.FloorGroup or AnalyzerSet.OursGroup).ToList();
        var rows = new List<IReadOnlyList<string>>();
        double? firstPerLine = null;
        foreach (var size in options.Sizes)
        {
            var workload = Workload.FromGenerated(size, options.Seed);
            log($"linearity: {workload.Lines:N0} lines…");
            var results = await AnalysisBenchmark.RunAsync(workload, chosen, Math.Min(options.Warmups, 1), options.Iterations, log, cancellationToken).ConfigureAwait(false);
            var compile = results[0];
            var floor = results.FirstOrDefault(r => r.Set.Group == AnalyzerSet.FloorGroup);
            var ours = results.FirstOrDefault(r => r.Set.Group == AnalyzerSet.OursGroup);
            var oursCpu = ours is null ? double.NaN : ours.CpuMs - compile.CpuMs;
            var perTenK = oursCpu / workload.Lines * 10_000;
            firstPerLine ??= perTenK;
            rows.Add(new[]
            {
                workload.Lines.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Report.F0(compile.WallMs),
                Report.F0(compile.CpuMs),
                floor is null ? "n/a" : Report.F0(floor.CpuMs - compile.CpuMs),
                ours is null ? "n/a" : Report.F0(ours.WallMs - compile.WallMs),
                Report.F0(oursCpu),
                Report.F1(perTenK),
                Report.F1(compile.CpuMs / workload.Lines * 10_000),
                ours is null ? "n/a" : Report.F2(sets.Ours.Sum(a => ours.TelemetryMs(a)) / workload.Lines * 10_000),
                Report.F2(perTenK / firstPerLine.Value),
            });
        }

        report.Heading("## Linearity (medians; CPU overhead per 10k lines should stay flat)");
        report.Table(
            new[] { "Lines", "Compile wall ms", "Compile CPU ms", "Floor CPU overhead ms", "MM wall overhead ms", "MM CPU overhead ms", "MM CPU ms / 10k lines", "Compile CPU ms / 10k lines", "MM telemetry ms / 10k lines", "Per-line cost vs first size" },
            rows);
    }
}
