using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>Turns the per-set medians into the analysis, target and per-analyzer tables.</summary>
internal static class AnalysisReport
{
    public static void Write(Report report, AnalyzerSets sets, IReadOnlyList<SetResult> results)
    {
        var compile = results.First(r => r.Set.IsCompileOnly);
        var floor = Find(results, AnalyzerSet.FloorGroup);
        var ours = Find(results, AnalyzerSet.OursGroup);
        double OverheadWall(SetResult r) => r.WallMs - compile.WallMs;
        double OverheadCpu(SetResult r) => r.CpuMs - compile.CpuMs;
        double OverheadAlloc(SetResult r) => r.AllocatedMB - compile.AllocatedMB;

        // Best-of-N: noise (other processes, GC debt of earlier runs) only ever adds time, so the minimum of each
        // set's runs, less the minimum of compile-only, is the least noisy estimate of what the set itself costs.
        double BestWall(SetResult r) => r.BestWallMs - compile.BestWallMs;
        double BestCpu(SetResult r) => r.BestCpuMs - compile.BestCpuMs;
        double BestAlloc(SetResult r) => r.BestAllocatedMB - compile.BestAllocatedMB;

        report.Heading("## Analysis cost (overhead = time(compile + analyzers) − time(compile only); medians, and best-of-N = min − min)");
        report.Table(
            new[] { "Set", "Wall ms", "CPU ms", "Alloc MB", "Overhead wall ms", "Overhead CPU ms", "Best-of-N overhead wall / CPU ms", "÷ floor (wall / CPU)", "÷ floor, best-of-N (wall / CPU)", "Wall spread", "Diagnostics" },
            results.Select(r => (IReadOnlyList<string>)new[]
            {
                r.Set.Name,
                Report.F0(r.WallMs),
                Report.F0(r.CpuMs),
                Report.F0(r.AllocatedMB),
                r.Set.IsCompileOnly ? "—" : Report.F0(OverheadWall(r)),
                r.Set.IsCompileOnly ? "—" : Report.F0(OverheadCpu(r)),
                r.Set.IsCompileOnly ? "—" : Report.F0(BestWall(r)) + " / " + Report.F0(BestCpu(r)),
                r.Set.IsCompileOnly || floor is null ? "—" : Report.F2(Report.Ratio(OverheadWall(r), OverheadWall(floor))) + " / " + Report.F2(Report.Ratio(OverheadCpu(r), OverheadCpu(floor))),
                r.Set.IsCompileOnly || floor is null ? "—" : Report.F2(Report.Ratio(BestWall(r), BestWall(floor))) + " / " + Report.F2(Report.Ratio(BestCpu(r), BestCpu(floor))),
                Report.Percent(r.WallSpread),
                r.Set.IsCompileOnly ? Errors(r) : Diagnostics(r),
            }));

        if (ours is null)
        {
            report.Line("No MM analyzers exist yet: the target rows need them.");
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        void Target(string name, double wall, double cpu, double limit, bool lowerIsBetter = true)
            => rows.Add(new[]
            {
                name,
                Report.F2(wall),
                Report.F2(cpu),
                double.IsNaN(limit) ? "—" : (lowerIsBetter ? "≤ " : "≥ ") + Report.F2(limit),
                double.IsNaN(limit) ? "(info)" : Verdict(wall, cpu, limit),
            });

        Target("all MM rules overhead ÷ compile-only time", Report.Ratio(OverheadWall(ours), compile.WallMs), Report.Ratio(OverheadCpu(ours), compile.CpuMs), double.NaN);
        if (floor is not null)
        {
            Target("do-nothing floor overhead ÷ compile-only time", Report.Ratio(OverheadWall(floor), compile.WallMs), Report.Ratio(OverheadCpu(floor), compile.CpuMs), double.NaN);
            Target("all MM rules overhead ÷ floor overhead (medians)", Report.Ratio(OverheadWall(ours), OverheadWall(floor)), Report.Ratio(OverheadCpu(ours), OverheadCpu(floor)), 1.2);
            Target("all MM rules overhead ÷ floor overhead (best-of-N)", Report.Ratio(BestWall(ours), BestWall(floor)), Report.Ratio(BestCpu(ours), BestCpu(floor)), 1.2);

            // The rules' own time, as the driver attributes it, against what the driver costs by itself.
            Target("sum of MM telemetry ÷ floor wall overhead (medians; wall column only)", Report.Ratio(ours.TotalTelemetryMs(), OverheadWall(floor)), double.NaN, 0.2);
            Target("sum of MM telemetry ÷ floor wall overhead (best-of-N; wall column only)", Report.Ratio(ours.TotalTelemetryMs(), BestWall(floor)), double.NaN, 0.2);
            Target("all MM rules allocation over compile ÷ floor's (medians; wall column only)", Report.Ratio(OverheadAlloc(ours), OverheadAlloc(floor)), double.NaN, 1.1);
            Target("all MM rules allocation over compile ÷ floor's (best-of-N; wall column only)", Report.Ratio(BestAlloc(ours), BestAlloc(floor)), double.NaN, 1.1);

            // Next to the floor that reports the same diagnostics (--marginal): what the rules allocate to find them,
            // without what the driver spends on any reported diagnostic.
            if (results.FirstOrDefault(r => r.Set.Name == AnalyzerSets.ReplaySetName) is { } replay)
            {
                Target("all MM rules allocation over compile ÷ (floor + replay of the same diagnostics)'s (medians)", Report.Ratio(OverheadAlloc(ours), OverheadAlloc(replay)), double.NaN, 1.1);
                Target("all MM rules allocation over compile ÷ (floor + replay of the same diagnostics)'s (best-of-N)", Report.Ratio(BestAlloc(ours), BestAlloc(replay)), double.NaN, 1.1);
            }
        }

        foreach (var peer in results.Where(r => r.Set.Group == AnalyzerSet.PeerGroup))
        {
            var limit = peer.Set.Name.StartsWith("VS Threading", StringComparison.Ordinal) ? 1.0 / 3 : double.NaN;
            Target($"all MM rules overhead ÷ {peer.Set.Name} overhead (medians)", Report.Ratio(OverheadWall(ours), OverheadWall(peer)), Report.Ratio(OverheadCpu(ours), OverheadCpu(peer)), limit);
            Target($"all MM rules overhead ÷ {peer.Set.Name} overhead (best-of-N)", Report.Ratio(BestWall(ours), BestWall(peer)), Report.Ratio(BestCpu(ours), BestCpu(peer)), limit);
        }

        report.Heading("## Ratios and targets (wall and CPU; sequential analysis)");
        report.Table(new[] { "Ratio", "Wall", "CPU", "Target", "Met" }, rows);

        // Per-analyzer execution time from the driver's telemetry.
        var blockingSet = sets.BlockingCallPeer is null ? null : results.FirstOrDefault(r => r.Set.Analyzers.Length == 1 && ReferenceEquals(r.Set.Analyzers[0], sets.BlockingCallPeer));
        var blockingMs = blockingSet is null ? double.NaN : blockingSet.TelemetryMs(sets.BlockingCallPeer!);
        var perAnalyzer = new List<IReadOnlyList<string>>();
        foreach (var analyzer in sets.Ours)
        {
            var alone = results.FirstOrDefault(r => r.Set.Group == AnalyzerSet.OurRuleGroup && r.Set.Analyzers.Length == 1 && ReferenceEquals(r.Set.Analyzers[0], analyzer));
            var inAll = ours.TelemetryMs(analyzer);
            var aloneMs = alone?.TelemetryMs(analyzer) ?? inAll;
            var ratio = Report.Ratio(Math.Max(inAll, aloneMs), blockingMs);
            perAnalyzer.Add(new[]
            {
                analyzer.GetType().Name,
                AnalyzerSets.RuleIds(analyzer),
                Report.F0(inAll),
                Report.F0(aloneMs),
                Report.F2(ratio),
                double.IsNaN(ratio) ? "n/a" : ratio < 1 ? "yes" : "**no**",
                alone is null ? "—" : Report.F1(alone.AllocatedMB - compile.AllocatedMB),
                Count(ours, AnalyzerSets.RuleIds(analyzer)),
            });
        }

        if (blockingSet is not null)
        {
            perAnalyzer.Add(new[]
            {
                "AsyncFixer " + AnalyzerSets.BlockingCallAnalyzerTypeName, AnalyzerSets.RuleIds(sets.BlockingCallPeer!), "—", Report.F0(blockingMs), "1.00", "(reference)",
                Report.F1(blockingSet.AllocatedMB - compile.AllocatedMB), Diagnostics(blockingSet),
            });
        }

        report.Heading("## Per-analyzer execution time (driver telemetry, median ms)");
        report.Table(
            new[] { "Analyzer", "Rules", "In all-MM run", "Alone", "÷ AsyncFixer blocking-call", "Below it", "Alloc over compile MB (alone)", "Diagnostics" },
            perAnalyzer);

        WriteMarginal(report, sets, results, floor);
    }

    /// <summary>
    /// With <c>--marginal</c>: what each MM analyzer adds next to the do-nothing floor. The floor already pays for the
    /// driver's shared work (operation trees, the walk over them), so these rows are the analyzer's own allocation and
    /// time; allocation is deterministic, so this is the figure to compare across runs on a loaded machine.
    /// </summary>
    private static void WriteMarginal(Report report, AnalyzerSets sets, IReadOnlyList<SetResult> results, SetResult? floor)
    {
        var marginal = results.Where(r => r.Set.Group == AnalyzerSet.MarginalGroup).ToList();
        if (floor is null || marginal.Count == 0)
        {
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var result in marginal)
        {
            var telemetry = 0.0;
            foreach (var analyzer in result.Set.Analyzers)
            {
                if (sets.Ours.Contains(analyzer))
                {
                    telemetry += result.TelemetryMs(analyzer);
                }
            }

            rows.Add(new[]
            {
                result.Set.Name,
                Report.F1(result.AllocatedMB - floor.AllocatedMB),
                Report.F1(result.BestAllocatedMB - floor.BestAllocatedMB),
                Report.F0(result.CpuMs - floor.CpuMs),
                Report.F0(telemetry),
                Diagnostics(result),
            });
        }

        report.Heading("## Over the floor (each set runs next to the do-nothing floor; medians, allocation also best-of-N)");
        report.Table(new[] { "Set", "Alloc over floor MB", "Best-of-N alloc over floor MB", "CPU over floor ms", "MM telemetry ms", "Diagnostics" }, rows);
    }

    private static SetResult? Find(IReadOnlyList<SetResult> results, string group)
        => results.FirstOrDefault(r => string.Equals(r.Set.Group, group, StringComparison.Ordinal));

    private static string Verdict(double wall, double cpu, double limit)
    {
        if (double.IsNaN(cpu))
        {
            // A ratio with one column (telemetry, allocation).
            return !double.IsNaN(wall) && wall <= limit ? "yes" : "**no**";
        }

        var wallOk = !double.IsNaN(wall) && wall <= limit;
        var cpuOk = !double.IsNaN(cpu) && cpu <= limit;
        return wallOk && cpuOk ? "yes" : wallOk || cpuOk ? "**partly** (" + (wallOk ? "CPU" : "wall") + " missed)" : "**no**";
    }

    private static string Errors(SetResult r) => r.Last.CompilerErrors == 0 ? "0 errors" : r.Last.CompilerErrors + " compiler errors";

    private static string Diagnostics(SetResult r)
    {
        var parts = r.Last.DiagnosticsById.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(4).Select(p => p.Key + "×" + p.Value);
        var text = string.Join(", ", parts);
        return r.Last.DiagnosticsById.Count > 4 ? r.Last.AnalyzerDiagnostics + " (" + text + ", …)" : r.Last.AnalyzerDiagnostics + (text.Length > 0 ? " (" + text + ")" : string.Empty);
    }

    private static string Count(SetResult r, string ids)
    {
        var total = 0;
        foreach (var id in ids.Split('+'))
        {
            total += r.Last.DiagnosticsById.TryGetValue(id, out var n) ? n : 0;
        }

        return total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
