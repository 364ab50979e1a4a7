using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>SideEffect under faults: blocking, hanging and context-bound side effects, abandoned tokens, races.</summary>
public sealed partial class SideEffectTests
{
    /// <summary>Far longer than any timeout these tests set: a caller delayed this long was not protected by it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>How long a blocking side effect blocks at most (it is released when its test ends).</summary>
    private static readonly TimeSpan Blocking = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task TryAsync_WithTimeout_SideEffectBlockingBeforeItsFirstAwait_DoesNotDelayTheCaller()
    {
        var release = new ManualResetEventSlim();
        var options = new SideEffectOptions { Timeout = ShortTimeout };
        var clock = Stopwatch.StartNew();
        try
        {
            var call = SideEffect.TryAsync(() =>
            {
                release.Wait(Blocking); // as Thread.Sleep(...) would: blocks whichever thread runs it
                return Task.Delay(1);
            }, options);
            var returnedAfter = clock.Elapsed;
            await AssertCompletesWithinAsync(call, Patience);

            Assert.True(returnedAfter < Patience, "TryAsync returned after " + returnedAfter);
            Assert.IsType<TimeoutException>(Assert.Single(_handled));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task TryAsync_WithTimeout_SideEffectWhoseContinuationsNeedADeadContext_DoesNotDelayTheCaller()
    {
        var context = new NeverRunningSynchronizationContext();
        var options = new SideEffectOptions { Timeout = ShortTimeout };

        // No ConfigureAwait(false): the side effect's continuation goes to whatever context it was started on.
        var call = context.Invoke(() => SideEffect.TryAsync(async () => await Task.Delay(10), options));

        await AssertCompletesWithinAsync(call, Patience);
        Assert.Equal(0, context.Posts); // with a timeout the side effect starts on the thread pool, away from the context
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryAsync_AbandoningAHangingSideEffect_OnAContextThatNeverRunsAnything_CompletesAndPostsNothing(bool byTimeout)
    {
        var context = new NeverRunningSynchronizationContext();
        using var caller = new CancellationTokenSource();
        var never = new TaskCompletionSource<bool>();
        var options = byTimeout ? new SideEffectOptions { Timeout = ShortTimeout } : null;

        var call = context.Invoke(() => SideEffect.TryAsync(() => never.Task, options, caller.Token));
        if (!byTimeout)
        {
            caller.CancelAfter(ShortTimeout);
        }

        var outcome = await Record.ExceptionAsync(() => Task.WhenAny(call, Task.Delay(Patience)).Unwrap());
        Assert.True(call.IsCompleted, "still waiting for the abandoned side effect");
        Assert.Equal(byTimeout, outcome is null);
        Assert.Equal(byTimeout ? 1 : 0, _handled.Count);
        Assert.Equal(0, context.Posts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryAsync_WithoutTimeout_InvokesTheSideEffectInline(bool cancellable)
    {
        using var cancellation = new CancellationTokenSource();
        var token = cancellable ? cancellation.Token : CancellationToken.None;
        var callerThread = Environment.CurrentManagedThreadId;
        var sideEffectThread = -1;

        var call = SideEffect.TryAsync(
            _ =>
            {
                sideEffectThread = Environment.CurrentManagedThreadId;
                return Task.Delay(1);
            },
            new SideEffectOptions { Name = "no timeout" },
            token);

        Assert.Equal(callerThread, sideEffectThread); // ran on the caller's thread before TryAsync returned
        await call;
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task TryAsync_WithTimeout_SideEffectSeesTheCallersAsyncLocals()
    {
        var requestId = new AsyncLocal<string?> { Value = "request-7" };
        string? seen = null;

        await SideEffect.TryAsync(() =>
        {
            seen = requestId.Value;
            return Task.CompletedTask;
        }, new SideEffectOptions { Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal("request-7", seen);
        Assert.Empty(_handled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryAsync_SideEffectReturningNullInsteadOfATask_CountsAsCompleted(bool withTimeout)
    {
        using var caller = new CancellationTokenSource();
        var options = withTimeout ? new SideEffectOptions { Timeout = TimeSpan.FromSeconds(30) } : null;

        await SideEffect.TryAsync(() => null!, options);
        await SideEffect.TryAsync(_ => null!, options, caller.Token);

        Assert.Empty(_handled);
    }

    [Fact]
    public async Task TryAsync_CancellableSideEffectThrowingOnTheTimedOutTokenSynchronously_IsReportedAsATimeout()
    {
        var options = new SideEffectOptions { Timeout = ShortTimeout, Name = "audit.write" };

        await SideEffect.TryAsync(ct =>
        {
            // Synchronous work that checks its token, as a blocking client library does.
            ct.WaitHandle.WaitOne(Blocking);
            ct.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }, options);

        Assert.IsType<TimeoutException>(Assert.Single(_handled));
        Assert.Equal(typeof(TimeoutException).FullName, Assert.Single(_measurements).Tags["error.type"]);
    }

    [Fact]
    public async Task TryAsync_SideEffectAbandonedAtTheTimeout_KeepsAUsableToken()
    {
        var (_, release, outcome) = StartAbandonedSideEffect(out var call, CancellationToken.None);
        await AssertCompletesWithinAsync(call, Patience);
        Assert.IsType<TimeoutException>(Assert.Single(_handled));

        release.SetResult(true);

        Assert.Null(await outcome.WaitAsync(Patience));
    }

    [Fact]
    public async Task TryAsync_SideEffectAbandonedOnTheCallersCancellation_KeepsAUsableToken()
    {
        using var caller = new CancellationTokenSource();
        var (started, release, outcome) = StartAbandonedSideEffect(out var call, caller.Token, timeout: TimeSpan.FromSeconds(30));
        await started.WaitAsync(Patience); // with a timeout it starts on the thread pool; cancelled before, it never would
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        release.SetResult(true);

        Assert.Null(await outcome.WaitAsync(Patience));
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task TryAsync_AbandonedSideEffectFailingLater_LeavesNoUnobservedException()
    {
        using var unobserved = new UnobservedExceptionRecorder();

        await AbandonSideEffectThatFailsLaterAsync(unobserved.Marker);

        Assert.Empty(unobserved.CollectGarbageAndGet());
        Assert.IsType<TimeoutException>(Assert.Single(_handled));
    }

    [Fact]
    public async Task TryAsync_CallersCancellationRacingCompletion_EndsInOneOfTheTwo_AndReportsNothing()
    {
        for (var i = 0; i < 100; i++)
        {
            var done = new TaskCompletionSource<bool>();
            using var caller = new CancellationTokenSource();
            var call = SideEffect.TryAsync(_ => done.Task, caller.Token);

            await RaceAsync(() => done.SetResult(true), caller.Cancel);

            try
            {
                await call.WaitAsync(Patience);
            }
            catch (OperationCanceledException)
            {
                Assert.True(caller.IsCancellationRequested);
            }
        }

        Assert.Empty(_handled);
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task TryAsync_TimeoutRacingCompletion_ReportsAtMostOneTimeoutPerCall()
    {
        for (var i = 0; i < 100; i++)
        {
            var failures = 0;
            var options = new SideEffectOptions
            {
                Timeout = TimeSpan.FromMilliseconds(1),
                OnFailure = e =>
                {
                    Assert.IsType<TimeoutException>(e);
                    Interlocked.Increment(ref failures);
                },
            };

            await SideEffect.TryAsync(() => Task.Delay(1), options).WaitAsync(Patience);

            Assert.InRange(Volatile.Read(ref failures), 0, 1);
        }

        Assert.All(_handled, e => Assert.IsType<TimeoutException>(e));
    }

    public static TheoryData<int, bool, bool> EveryOverload()
    {
        var data = new TheoryData<int, bool, bool>();
        for (var overload = 0; overload < 4; overload++)
        {
            foreach (var cancellable in new[] { false, true })
            {
                data.Add(overload, cancellable, false);
                data.Add(overload, cancellable, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOverload))]
    public async Task TryAsync_OnAContextThatNeverRunsAnything_CompletesAndPostsNothing(int overload, bool cancellable, bool fails)
    {
        var context = new NeverRunningSynchronizationContext();
        using var cancellation = new CancellationTokenSource();
        var token = cancellable ? cancellation.Token : CancellationToken.None;
        var options = new SideEffectOptions { Timeout = TimeSpan.FromSeconds(30) };
        Func<Task> sideEffect = () => CompleteLaterAsync(fails);

        var call = context.Invoke(() => overload switch
        {
            0 => SideEffect.TryAsync(sideEffect, token),
            1 => SideEffect.TryAsync(sideEffect, options, token),
            2 => SideEffect.TryAsync(_ => sideEffect(), token),
            _ => SideEffect.TryAsync(_ => sideEffect(), options, token),
        });

        await AssertCompletesWithinAsync(call, Patience);
        Assert.Equal(0, context.Posts);
        Assert.Equal(fails ? 1 : 0, _handled.Count);

        static async Task CompleteLaterAsync(bool fails)
        {
            await Task.Delay(20).ConfigureAwait(false);
            if (fails)
            {
                throw new InvalidOperationException("telemetry endpoint refused");
            }
        }
    }

    private static (Task Started, TaskCompletionSource<bool> Release, Task<Exception?> Outcome) StartAbandonedSideEffect(
        out Task call, CancellationToken callerToken, TimeSpan? timeout = null)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        call = SideEffect.TryAsync(
            async ct =>
            {
                started.SetResult(true);
                await release.Task.ConfigureAwait(false);
                try
                {
                    // What a late side effect does with its token: check it, wait on it, register on it.
                    Assert.True(ct.IsCancellationRequested);
                    Assert.True(ct.WaitHandle.WaitOne(0));
                    using (ct.Register(static () => { }))
                    {
                    }

                    outcome.SetResult(null);
                }
                catch (Exception exception)
                {
                    outcome.SetResult(exception);
                }
            },
            new SideEffectOptions { Timeout = timeout ?? ShortTimeout },
            callerToken);
        return (started.Task, release, outcome.Task);
    }

    /// <summary>Abandons a side effect at its timeout, then fails it; nothing of it stays reachable afterwards.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task AbandonSideEffectThatFailsLaterAsync(string marker)
    {
        var late = new TaskCompletionSource<bool>();

        await SideEffect.TryAsync(() => late.Task, new SideEffectOptions { Timeout = ShortTimeout });

        late.SetException(new InvalidOperationException(marker));
    }

    private static async Task RaceAsync(Action first, Action second)
    {
        using var start = new Barrier(2);
        var one = Task.Run(() =>
        {
            start.SignalAndWait(Blocking);
            first();
        });
        var two = Task.Run(() =>
        {
            start.SignalAndWait(Blocking);
            second();
        });
        await Task.WhenAll(one, two);
    }

    private static async Task AssertCompletesWithinAsync(Task task, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var winner = await Task.WhenAny(task, Task.Delay(limit));
        Assert.True(ReferenceEquals(winner, task), "still running after " + clock.Elapsed);
        await task;
    }
}
