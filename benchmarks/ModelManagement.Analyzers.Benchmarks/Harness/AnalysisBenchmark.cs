using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>
/// Times compile-only and compile+analyzers for each set on one workload. Every run starts from a fresh clone of
/// the compilation (no cached binding leaks between runs), analysis is sequential (concurrentAnalysis: false,
/// concurrentBuild: false) so wall and CPU time compare, the driver logs per-analyzer execution time, and the
/// sets are interleaved round by round (rotating the order) so drift in machine load spreads evenly over them.
/// </summary>
internal static class AnalysisBenchmark
{
    public static async Task<IReadOnlyList<SetResult>> RunAsync(
        Workload workload,
        IReadOnlyList<AnalyzerSet> sets,
        int warmups,
        int iterations,
        Action<string> log,
        CancellationToken cancellationToken)
    {
        var samples = new List<Sample>[sets.Count];
        for (var i = 0; i < sets.Count; i++)
        {
            samples[i] = new List<Sample>(iterations);
        }

        for (var round = -warmups; round < iterations; round++)
        {
            for (var k = 0; k < sets.Count; k++)
            {
                var index = (k + Math.Max(round, 0)) % sets.Count;
                var sample = await MeasureAsync(workload, sets[index], concurrent: false, cancellationToken).ConfigureAwait(false);
                if (round >= 0)
                {
                    samples[index].Add(sample);
                }

                log(FormattableString.Invariant(
                    $"  {(round < 0 ? "warm-up" : "round " + (round + 1))}: {sets[index].Name,-40} wall {sample.Wall.TotalMilliseconds,9:F0} ms  cpu {sample.Cpu.TotalMilliseconds,9:F0} ms  alloc {sample.AllocatedBytes / 1048576.0,8:F1} MB  diagnostics {sample.AnalyzerDiagnostics}{Telemetry(sample)}"));
                if (sample.AnalyzerExceptions > 0)
                {
                    log($"  warning: {sets[index].Name} threw {sample.AnalyzerExceptions} analyzer exception(s) (AD0001)");
                }
            }
        }

        var results = new SetResult[sets.Count];
        for (var i = 0; i < sets.Count; i++)
        {
            results[i] = new SetResult(sets[i], samples[i]);
        }

        return results;
    }

    /// <summary>One run: a fresh compilation, full binding (emit-free), and the set's analyzers if any.</summary>
    public static async Task<Sample> MeasureAsync(Workload workload, AnalyzerSet set, bool concurrent, CancellationToken cancellationToken)
    {
        var compilation = workload.Fresh();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var exceptions = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessCpu();
        var stopwatch = Stopwatch.StartNew();

        ImmutableArray<Diagnostic> diagnostics;
        CompilationWithAnalyzers? withAnalyzers = null;
        if (set.IsCompileOnly)
        {
            diagnostics = compilation.GetDiagnostics(cancellationToken);
        }
        else
        {
            withAnalyzers = compilation.WithAnalyzers(set.Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
            diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        stopwatch.Stop();
        var cpu = ProcessCpu() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // Per-analyzer execution time: the analysis result's telemetry (what csc /reportanalyzer prints). The
        // result is cached by the full analysis above, so reading it is outside the timed region and cheap.
        var telemetry = ImmutableDictionary.CreateBuilder<DiagnosticAnalyzer, TimeSpan>();
        if (withAnalyzers is not null)
        {
            var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            foreach (var analyzer in set.Analyzers)
            {
                if (result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info))
                {
                    telemetry[analyzer] = info.ExecutionTime;
                }
                else
                {
                    var fallback = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                    telemetry[analyzer] = fallback.ExecutionTime;
                }
            }
        }

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var analyzerDiagnostics = 0;
        var errors = 0;
        var ad0001 = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id.StartsWith("CS", StringComparison.Ordinal))
            {
                errors++;
            }

            if (diagnostic.Id.StartsWith("CS", StringComparison.Ordinal))
            {
                continue;
            }

            if (string.Equals(diagnostic.Id, "AD0001", StringComparison.Ordinal))
            {
                ad0001++;
            }

            analyzerDiagnostics++;
            byId[diagnostic.Id] = byId.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
        }

        return new Sample(stopwatch.Elapsed, cpu, allocated, analyzerDiagnostics, errors, Math.Max(exceptions, ad0001), telemetry.ToImmutable(), byId);
    }

    /// <summary>The diagnostics <paramref name="analyzers"/> report on a fresh compilation of the workload (one unmeasured run).</summary>
    public static async Task<ImmutableArray<Diagnostic>> CollectDiagnosticsAsync(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var withAnalyzers = workload.Fresh().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run's per-analyzer telemetry for the log (ours by type name, the floor and peers summed), so a run can be read as it goes.</summary>
    private static string Telemetry(Sample sample)
    {
        if (sample.Telemetry.IsEmpty)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder("  telemetry ms:");
        var others = 0.0;
        foreach (var pair in sample.Telemetry)
        {
            var name = pair.Key.GetType().Name;
            if (name.StartsWith("MM", StringComparison.Ordinal) && name.Length >= 6)
            {
                text.Append(FormattableString.Invariant($" {name.Substring(0, 6)} {pair.Value.TotalMilliseconds:F0}"));
            }
            else
            {
                others += pair.Value.TotalMilliseconds;
            }
        }

        if (others > 0)
        {
            text.Append(FormattableString.Invariant($" other {others:F0}"));
        }

        return text.ToString();
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
