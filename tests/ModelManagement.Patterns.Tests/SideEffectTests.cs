using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>
/// SideEffect runtime helper. One class (so xunit runs these tests one after another): they share the global
/// <see cref="SideEffect.FailureHandler"/> and the process-wide meter.
/// </summary>
[Collection(nameof(SideEffectTests))]
public sealed partial class SideEffectTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Exception> _handled = new();

    public SideEffectTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SideEffect.MeterName && instrument.Name == SideEffect.FailureCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue((value, copy));
        });
        _listener.Start();
        SideEffect.FailureHandler = _handled.Enqueue;
    }

    public void Dispose()
    {
        SideEffect.FailureHandler = null;
        _listener.Dispose();
    }

    [Fact]
    public async Task TryAsync_FaultedTask_IsSwallowedCountedAndHandled()
    {
        var failure = new InvalidOperationException("history database unavailable");

        await SideEffect.TryAsync(() => Task.FromException(failure));

        Assert.Same(failure, Assert.Single(_handled));
        var measurement = Assert.Single(_measurements);
        Assert.Equal(1, measurement.Value);
        Assert.Equal(typeof(InvalidOperationException).FullName, measurement.Tags["error.type"]);
        Assert.False(measurement.Tags.ContainsKey("side_effect.name"));
    }

    [Fact]
    public async Task TryAsync_SynchronousThrowBeforeTheTask_IsSwallowed()
    {
        await SideEffect.TryAsync(ThrowingSideEffect, CancellationToken.None);
        await SideEffect.TryAsync(_ => ThrowingSideEffect(), new CancellationTokenSource().Token);

        Assert.Equal(2, _handled.Count);
        Assert.All(_handled, e => Assert.IsType<FormatException>(e));

        static Task ThrowingSideEffect() => throw new FormatException("bad log template");
    }

    [Fact]
    public async Task TryAsync_Success_ReportsNothing()
    {
        var ran = false;
        await SideEffect.TryAsync(async () =>
        {
            await Task.Yield();
            ran = true;
        });

        Assert.True(ran);
        Assert.Empty(_handled);
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task TryAsync_CallerCancelledBeforeStart_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var started = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SideEffect.TryAsync(() =>
        {
            started = true;
            return Task.CompletedTask;
        }, cts.Token));

        Assert.False(started);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task TryAsync_CallerCancelsWhileSideEffectRuns_Propagates()
    {
        using var cts = new CancellationTokenSource();
        var task = SideEffect.TryAsync(ct => Task.Delay(Timeout.Infinite, ct), cts.Token);
        cts.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Empty(_handled);
        Assert.Empty(_measurements);
        Assert.True(exception.CancellationToken == cts.Token || exception.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public async Task TryAsync_CallerCancelsWhileUncooperativeSideEffectHangs_StopsWaitingAndPropagates()
    {
        using var cts = new CancellationTokenSource();
        var never = new TaskCompletionSource<bool>();
        var task = SideEffect.TryAsync(() => never.Task, cts.Token);
        cts.CancelAfter(50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task TryAsync_SideEffectsOwnCancellation_IsSwallowed()
    {
        using var callerCts = new CancellationTokenSource();
        using var ownCts = new CancellationTokenSource();
        ownCts.Cancel();

        // An HttpClient timeout looks like this: a TaskCanceledException the caller did not ask for.
        await SideEffect.TryAsync(() => Task.FromCanceled(ownCts.Token), callerCts.Token);
        await SideEffect.TryAsync(() => throw new TaskCanceledException("HttpClient.Timeout elapsed"));

        Assert.Equal(2, _handled.Count);
        Assert.All(_handled, e => Assert.IsAssignableFrom<OperationCanceledException>(e));
        Assert.Equal(2, _measurements.Count);
    }

    [Fact]
    public async Task TryAsync_HangingSideEffect_IsAbandonedAfterTheTimeout()
    {
        var never = new TaskCompletionSource<bool>();
        var options = new SideEffectOptions { Timeout = TimeSpan.FromMilliseconds(50), Name = "history.log_result" };
        var started = DateTime.UtcNow;

        await SideEffect.TryAsync(() => never.Task, options, CancellationToken.None);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.IsType<TimeoutException>(Assert.Single(_handled));
        var measurement = Assert.Single(_measurements);
        Assert.Equal(typeof(TimeoutException).FullName, measurement.Tags["error.type"]);
        Assert.Equal("history.log_result", measurement.Tags["side_effect.name"]);

        // The abandoned side effect failing later is observed, never rethrown.
        never.SetException(new InvalidOperationException("late"));
        Assert.Single(_handled);
    }

    [Fact]
    public async Task TryAsync_CooperativeSideEffect_SeesItsTokenCancelledAtTheTimeout()
    {
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A side effect the thread pool has not started when its token is cancelled is never started (by design), so the
        // timeout leaves a loaded machine time to start it: at 50 ms this test once failed under a parallel build.
        var options = new SideEffectOptions { Timeout = TimeSpan.FromSeconds(2) };

        await SideEffect.TryAsync(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                observed.TrySetResult(true);
                throw;
            }
        }, options);

        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<TimeoutException>(Assert.Single(_handled));
    }

    [Fact]
    public async Task TryAsync_PerCallHandler_RunsBeforeTheGlobalOne()
    {
        var order = new ConcurrentQueue<string>();
        SideEffect.FailureHandler = _ => order.Enqueue("global");
        var options = new SideEffectOptions { OnFailure = _ => order.Enqueue("call") };

        await SideEffect.TryAsync(() => Task.FromException(new InvalidOperationException()), options);

        Assert.Equal(new[] { "call", "global" }, order.ToArray());
    }

    [Fact]
    public async Task ThrowingHandlers_AreContained()
    {
        SideEffect.FailureHandler = _ => throw new InvalidOperationException("handler is broken");
        var options = new SideEffectOptions { OnFailure = _ => throw new InvalidOperationException("so is this one") };

        await SideEffect.TryAsync(() => Task.FromException(new FormatException()), options);
        SideEffect.ReportFailure(new FormatException());
        Assert.True(SideEffect.ReportAndSwallow(new FormatException()));
        Assert.False(SideEffect.Try(() => throw new FormatException()));

        Assert.Equal(4, _measurements.Count);
    }

    [Fact]
    public void Try_SynchronousSideEffect_SwallowsAndReports()
    {
        Assert.True(SideEffect.Try(() => { }));
        Assert.False(SideEffect.Try(() => throw new InvalidOperationException("audit trail full")));

        Assert.IsType<InvalidOperationException>(Assert.Single(_handled));
        Assert.Single(_measurements);
    }

    [Fact]
    public void ReportFailure_CountsAndHandsOff()
    {
        var failure = new InvalidOperationException("x");

        SideEffect.ReportFailure(failure);

        Assert.Same(failure, Assert.Single(_handled));
        Assert.Equal(typeof(InvalidOperationException).FullName, Assert.Single(_measurements).Tags["error.type"]);
    }

    [Fact]
    public void ReportAndSwallow_CountsHandsOffAndReturnsTrue()
    {
        var failure = new InvalidOperationException("x");

        Assert.True(SideEffect.ReportAndSwallow(failure));

        Assert.Same(failure, Assert.Single(_handled));
        Assert.Equal(typeof(InvalidOperationException).FullName, Assert.Single(_measurements).Tags["error.type"]);
    }

    [Fact]
    public void ReportAndSwallow_AsExceptionFilter_CatchesAndReportsOnce()
    {
        var failure = new TimeoutException("audit sink timed out");
        var caught = false;

        try
        {
            throw failure;
        }
        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
        {
            caught = true;
        }

        Assert.True(caught);
        Assert.Same(failure, Assert.Single(_handled));
        Assert.Single(_measurements);
    }

    [Fact]
    public async Task NullArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => SideEffect.TryAsync((Func<Task>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => SideEffect.TryAsync((Func<CancellationToken, Task>)null!));
        Assert.Throws<ArgumentNullException>(() => SideEffect.Try(null!));
        Assert.Throws<ArgumentNullException>(() => SideEffect.ReportFailure(null!));
        Assert.Throws<ArgumentNullException>(() => SideEffect.ReportAndSwallow(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SideEffectOptions { Timeout = TimeSpan.Zero });
    }

    [Fact]
    public async Task ManyConcurrentFailures_AreAllCounted()
    {
        const int Count = 200;
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, Count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await SideEffect.TryAsync(async () =>
            {
                await Task.Yield();
                if (i % 2 == 0)
                {
                    throw new InvalidOperationException("failure " + i);
                }
            }, new SideEffectOptions { Timeout = TimeSpan.FromSeconds(30) });
        })).ToArray();

        start.Set();
        await Task.WhenAll(tasks);

        Assert.Equal(Count / 2, _handled.Count);
        Assert.Equal(Count / 2, _measurements.Sum(m => m.Value));
    }
}
