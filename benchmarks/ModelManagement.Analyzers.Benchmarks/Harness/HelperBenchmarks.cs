using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>
/// Runtime-helper micro-benchmarks (a careful manual loop rather than BenchmarkDotNet, so the whole benchmark is
/// one process and one command): per-call time and allocated bytes of the helpers' initialized / success paths
/// against the plain code they replace. Each figure is the median of several runs of N calls after warm-up runs
/// that let tiered JIT settle; allocations are per-thread allocated bytes divided by N.
/// </summary>
internal static class HelperBenchmarks
{
    private const int Runs = 7;

    public static void Run(Report report, int calls, Action<string> log)
    {
        var holder = new Holder();
        var lazy = new AsyncLazy<int>(static () => Task.FromResult(42));
        var initializer = new AsyncInitializer(static () => Task.CompletedTask);
        lazy.GetValueAsync().GetAwaiter().GetResult();
        initializer.EnsureInitializedAsync().GetAwaiter().GetResult();
        var sink = new Sink();
        using var cancellation = new CancellationTokenSource();
        var token = cancellation.Token;

        var rows = new List<IReadOnlyList<string>>();
        var fieldRead = Measure("plain field read through a non-inlined getter (baseline)", calls, n => LoopFieldAsync(holder, n));
        var plainAwait = Measure("plain await of a completed task (baseline)", calls, n => LoopPlainAwaitAsync(sink, n));
        var measurements = new[]
        {
            (fieldRead, (Measurement?)null),
            (Measure("AsyncLazy<int>.GetValueAsync() awaited, initialized", calls, n => LoopLazyAsync(lazy, n)), fieldRead),
            (Measure("await AsyncLazy<int> (GetAwaiter), initialized", calls, n => LoopLazyAwaiterAsync(lazy, n)), fieldRead),
            (Measure("AsyncInitializer.EnsureInitializedAsync(token), initialized", calls, n => LoopInitializerAsync(initializer, token, n)), fieldRead),
            (plainAwait, null),
            (Measure("SideEffect.TryAsync(static lambda)", calls, n => LoopTryStaticAsync(n)), plainAwait),
            (Measure("SideEffect.TryAsync(static lambda, cancelable token)", calls, n => LoopTryStaticAsync(n, token)), plainAwait),
            (Measure("SideEffect.TryAsync(capturing lambda)", calls, n => LoopTryCapturingAsync(sink, CancellationToken.None, n)), plainAwait),
            (Measure("SideEffect.TryAsync(capturing lambda, cancelable token)", calls, n => LoopTryCapturingAsync(sink, token, n)), plainAwait),
        };

        foreach (var (m, baseline) in measurements)
        {
            log(FormattableString.Invariant($"helpers: {m.Name}: {m.NanosecondsPerCall:F2} ns/call, {m.BytesPerCall:F2} B/call"));
            rows.Add(new[]
            {
                m.Name,
                m.NanosecondsPerCall.ToString("0.00", CultureInfo.InvariantCulture),
                baseline is null ? "—" : (m.NanosecondsPerCall - baseline.NanosecondsPerCall).ToString("+0.00;-0.00", CultureInfo.InvariantCulture),
                m.BytesPerCall.ToString("0.00", CultureInfo.InvariantCulture),
            });
        }

        report.Heading(FormattableString.Invariant($"## Runtime helpers (median of {Runs} runs × {calls:N0} calls, after warm-up)"));
        report.Table(new[] { "Operation", "ns/call", "vs baseline ns", "Allocated bytes/call" }, rows);
        report.Line("The initialized paths of AsyncLazy<T> and AsyncInitializer return a cached completed task: 0 bytes per call is required. "
            + "A capturing lambda passed to SideEffect.TryAsync allocates its closure and delegate at the call site (C# semantics, not the helper); "
            + "the rows with a cancelable token show what the helper itself adds to observe the caller's token.");
    }

    private static Measurement Measure(string name, int calls, Func<int, Task<long>> loop)
    {
        // Warm-up: let tiered compilation promote the loop and the helper.
        for (var i = 0; i < 3; i++)
        {
            loop(Math.Min(calls, 200_000)).GetAwaiter().GetResult();
        }

        var nanoseconds = new List<double>(Runs);
        var bytes = new List<double>(Runs);
        for (var run = 0; run < Runs; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            var task = loop(calls);
            stopwatch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (!task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException(name + " did not complete synchronously: the initialized path must not yield.");
            }

            GC.KeepAlive(task.Result);
            nanoseconds.Add(stopwatch.Elapsed.TotalMilliseconds * 1_000_000 / calls);
            bytes.Add((double)allocated / calls);
        }

        return new Measurement(name, Stats.Median(nanoseconds, x => x), Stats.Median(bytes, x => x));
    }

    private static async Task<long> LoopFieldAsync(Holder holder, int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += holder.Read();
        }

        await Task.CompletedTask.ConfigureAwait(false);
        return sum;
    }

    private static async Task<long> LoopPlainAwaitAsync(Sink sink, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await sink.WriteAsync(i).ConfigureAwait(false);
        }

        return sink.Count;
    }

    private static async Task<long> LoopLazyAsync(AsyncLazy<int> lazy, int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += await lazy.GetValueAsync().ConfigureAwait(false);
        }

        return sum;
    }

    private static async Task<long> LoopLazyAwaiterAsync(AsyncLazy<int> lazy, int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += await lazy;
        }

        return sum;
    }

    private static async Task<long> LoopInitializerAsync(AsyncInitializer initializer, CancellationToken token, int n)
    {
        for (var i = 0; i < n; i++)
        {
            await initializer.EnsureInitializedAsync(token).ConfigureAwait(false);
        }

        return n;
    }

    private static async Task<long> LoopTryStaticAsync(int n, CancellationToken token = default)
    {
        for (var i = 0; i < n; i++)
        {
            await SideEffect.TryAsync(static () => Task.CompletedTask, token).ConfigureAwait(false);
        }

        return n;
    }

    private static async Task<long> LoopTryCapturingAsync(Sink sink, CancellationToken token, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var entry = i;
            await SideEffect.TryAsync(() => sink.WriteAsync(entry), token).ConfigureAwait(false);
        }

        return sink.Count;
    }

    private sealed record Measurement(string Name, double NanosecondsPerCall, double BytesPerCall);

    private sealed class Holder
    {
        private int _value = 42;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public int Read() => _value;

        public void Set(int value) => _value = value;
    }

    private sealed class Sink
    {
        public long Count { get; private set; }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public Task WriteAsync(int entry)
        {
            Count += entry & 1;
            return Task.CompletedTask;
        }
    }
}
