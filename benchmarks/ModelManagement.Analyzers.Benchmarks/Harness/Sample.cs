using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>One measured run of one analyzer set on a fresh compilation.</summary>
internal sealed record Sample(
    TimeSpan Wall,
    TimeSpan Cpu,
    long AllocatedBytes,
    int AnalyzerDiagnostics,
    int CompilerErrors,
    int AnalyzerExceptions,
    ImmutableDictionary<DiagnosticAnalyzer, TimeSpan> Telemetry,
    IReadOnlyDictionary<string, int> DiagnosticsById);

/// <summary>Medians over the samples of one set.</summary>
internal sealed class SetResult
{
    public SetResult(AnalyzerSet set, IReadOnlyList<Sample> samples)
    {
        Set = set;
        Samples = samples;
        WallMs = Stats.Median(samples, s => s.Wall.TotalMilliseconds);
        CpuMs = Stats.Median(samples, s => s.Cpu.TotalMilliseconds);
        AllocatedMB = Stats.Median(samples, s => s.AllocatedBytes / (1024.0 * 1024.0));
        BestWallMs = Stats.Min(samples, s => s.Wall.TotalMilliseconds);
        BestCpuMs = Stats.Min(samples, s => s.Cpu.TotalMilliseconds);
        BestAllocatedMB = Stats.Min(samples, s => s.AllocatedBytes / (1024.0 * 1024.0));
        WallSpread = Stats.RelativeSpread(samples, s => s.Wall.TotalMilliseconds);
        CpuSpread = Stats.RelativeSpread(samples, s => s.Cpu.TotalMilliseconds);
    }

    public AnalyzerSet Set { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public double WallMs { get; }

    public double CpuMs { get; }

    public double AllocatedMB { get; }

    /// <summary>The fastest run's wall time: noise (other processes, GC of earlier runs) only ever adds time.</summary>
    public double BestWallMs { get; }

    /// <summary>The cheapest run's CPU time (best-of-N).</summary>
    public double BestCpuMs { get; }

    /// <summary>The smallest allocation of the runs (best-of-N).</summary>
    public double BestAllocatedMB { get; }

    /// <summary>(max - min) / median of the wall times: how noisy this row was.</summary>
    public double WallSpread { get; }

    public double CpuSpread { get; }

    public Sample Last => Samples[Samples.Count - 1];

    /// <summary>Median execution time the driver attributes to <paramref name="analyzer"/> (analyzer telemetry).</summary>
    public double TelemetryMs(DiagnosticAnalyzer analyzer)
        => Stats.Median(Samples, s => s.Telemetry.TryGetValue(analyzer, out var t) ? t.TotalMilliseconds : 0);

    /// <summary>Median summed telemetry of all analyzers of the set.</summary>
    public double TotalTelemetryMs()
        => Stats.Median(Samples, s =>
        {
            var total = 0.0;
            foreach (var pair in s.Telemetry)
            {
                total += pair.Value.TotalMilliseconds;
            }

            return total;
        });
}

internal static class Stats
{
    public static double Median<T>(IReadOnlyList<T> items, Func<T, double> selector)
    {
        if (items.Count == 0)
        {
            return double.NaN;
        }

        var values = new double[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = selector(items[i]);
        }

        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    public static double Min<T>(IReadOnlyList<T> items, Func<T, double> selector)
    {
        if (items.Count == 0)
        {
            return double.NaN;
        }

        var min = double.MaxValue;
        foreach (var item in items)
        {
            min = Math.Min(min, selector(item));
        }

        return min;
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        var index = (int)Math.Ceiling(percentile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public static double RelativeSpread<T>(IReadOnlyList<T> items, Func<T, double> selector)
    {
        if (items.Count < 2)
        {
            return 0;
        }

        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var item in items)
        {
            var v = selector(item);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var median = Median(items, selector);
        return median <= 0 ? 0 : (max - min) / median;
    }
}
