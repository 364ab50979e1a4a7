using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>The analyzer sets one run compares; ours are found by reflection, so new rules join automatically.</summary>
internal sealed class AnalyzerSets
{
    /// <summary>AsyncFixer's blocking-call rule: the cheapest peer analyzer of the same kind as ours.</summary>
    public const string BlockingCallAnalyzerTypeName = "BlockingCallInsideAsyncAnalyzer";

    /// <summary>Name of the set that replays the MM rules' diagnostics next to the floor (<c>--marginal</c>).</summary>
    public const string ReplaySetName = "floor + replay of the MM diagnostics";

    private AnalyzerSets(IReadOnlyList<AnalyzerSet> all, ImmutableArray<DiagnosticAnalyzer> ours, DiagnosticAnalyzer? blockingCallPeer, ReplayAnalyzer? replay)
    {
        All = all;
        Ours = ours;
        BlockingCallPeer = blockingCallPeer;
        Replay = replay;
    }

    public IReadOnlyList<AnalyzerSet> All { get; }

    public ImmutableArray<DiagnosticAnalyzer> Ours { get; }

    public DiagnosticAnalyzer? BlockingCallPeer { get; }

    /// <summary>With <c>--marginal</c>: the analyzer that replays the MM rules' diagnostics (loaded by a pre-pass).</summary>
    public ReplayAnalyzer? Replay { get; }

    public AnalyzerSet CompileOnly => All[0];

    /// <summary>Compile-only and the sets whose name contains one of <paramref name="nameParts"/>; all sets when it is empty.</summary>
    public IReadOnlyList<AnalyzerSet> Select(IReadOnlyList<string> nameParts)
        => nameParts.Count == 0
            ? All
            : All.Where(s => s.IsCompileOnly || nameParts.Any(part => s.Name.Contains(part, StringComparison.Ordinal))).ToList();

    public AnalyzerSet? Find(string group) => All.FirstOrDefault(s => string.Equals(s.Group, group, StringComparison.Ordinal));

    public static string RuleIds(DiagnosticAnalyzer analyzer)
        => string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    public static AnalyzerSets Create(bool peers, bool roslynator, bool perRule, bool marginal, Action<string> log)
    {
        var floor = new DoNothingAnalyzer();
        var sets = new List<AnalyzerSet>
        {
            new("compile only", AnalyzerSet.CompileGroup, ImmutableArray<DiagnosticAnalyzer>.Empty),
            new("do-nothing floor", AnalyzerSet.FloorGroup, ImmutableArray.Create<DiagnosticAnalyzer>(floor)),
        };

        var ours = ProductAssemblies.CreateAnalyzers();
        ReplayAnalyzer? replay = null;
        if (ours.IsEmpty)
        {
            log("note: ModelManagement.Analyzers has no analyzers yet; only the floor and peers are measured.");
        }
        else
        {
            sets.Add(new AnalyzerSet($"MM, all rules ({ours.Length})", AnalyzerSet.OursGroup, ours));
            if (perRule && ours.Length > 1)
            {
                foreach (var analyzer in ours)
                {
                    sets.Add(new AnalyzerSet(RuleIds(analyzer) + " alone", AnalyzerSet.OurRuleGroup, ImmutableArray.Create(analyzer)));
                }
            }

            if (marginal)
            {
                // The same floor instance: its actions are the driver's shared work, what each rule adds is the rest.
                sets.Add(new AnalyzerSet($"floor + MM, all rules ({ours.Length})", AnalyzerSet.MarginalGroup, ours.Insert(0, floor)));
                foreach (var analyzer in ours)
                {
                    sets.Add(new AnalyzerSet("floor + " + RuleIds(analyzer), AnalyzerSet.MarginalGroup, ImmutableArray.Create(floor, analyzer)));
                }

                // What reporting the same diagnostics costs an analyzer that analyzes nothing.
                replay = new ReplayAnalyzer(ours.SelectMany(a => a.SupportedDiagnostics));
                sets.Add(new AnalyzerSet(ReplaySetName, AnalyzerSet.MarginalGroup, ImmutableArray.Create<DiagnosticAnalyzer>(floor, replay)));
            }
        }

        DiagnosticAnalyzer? blocking = null;
        if (peers)
        {
            sets.Add(Peer("VS Threading", PeerAnalyzers.VSThreading, log, out _));
            var asyncFixer = Peer("AsyncFixer", PeerAnalyzers.AsyncFixer, log, out var asyncFixerAnalyzers);
            sets.Add(asyncFixer);
            blocking = PeerAnalyzers.WithTypeName(asyncFixerAnalyzers, BlockingCallAnalyzerTypeName).FirstOrDefault();
            if (blocking is null)
            {
                log($"warning: AsyncFixer has no {BlockingCallAnalyzerTypeName}; the per-analyzer comparison is skipped.");
            }
            else
            {
                sets.Add(new AnalyzerSet("AsyncFixer BlockingCallInsideAsync", AnalyzerSet.PeerGroup, ImmutableArray.Create(blocking)));
            }

            sets.Add(Peer("Meziantou", PeerAnalyzers.Meziantou, log, out _));
            if (roslynator)
            {
                sets.Add(Peer("Roslynator", PeerAnalyzers.Roslynator, log, out _));
            }
        }

        return new AnalyzerSets(sets, ours, blocking, replay);
    }

    private static AnalyzerSet Peer(string label, string packageId, Action<string> log, out ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        analyzers = PeerAnalyzers.Load(packageId, out var folder);
        log($"loaded {label} {BuildInfo.PeerPackageVersion(packageId)}: {analyzers.Length} analyzers from {folder}");
        return new AnalyzerSet($"{label} ({analyzers.Length})", AnalyzerSet.PeerGroup, analyzers);
    }
}
