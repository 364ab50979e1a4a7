using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>AsyncLazy under faults: failures nobody waits for, the factory's lifetime, races, dead contexts.</summary>
public sealed partial class AsyncLazyTests
{
    [Fact]
    public async Task RetryMode_RunFailingAfterItsOnlyWaiterGaveUp_IsReplacedWithoutLeavingAnUnobservedException()
    {
        using var unobserved = new UnobservedExceptionRecorder();
        var lazy = FailAfterTheOnlyWaiterGaveUp(unobserved.Marker, AsyncLazyFailureMode.Retry);

        // The next caller starts a new run in place of the failed one nobody waited for.
        Assert.Equal(2, await lazy.GetValueAsync().WaitAsync(Timeout));

        Assert.Empty(unobserved.CollectGarbageAndGet());
        GC.KeepAlive(lazy);
    }

    [Theory]
    [InlineData(AsyncLazyFailureMode.Retry)]
    [InlineData(AsyncLazyFailureMode.Cache)]
    public void LazyDroppedAfterAFailureNobodyWaitedFor_LeavesNoUnobservedException(AsyncLazyFailureMode mode)
    {
        using var unobserved = new UnobservedExceptionRecorder();
        FailAndDrop(unobserved.Marker, mode);

        Assert.Empty(unobserved.CollectGarbageAndGet());

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void FailAndDrop(string marker, AsyncLazyFailureMode mode) => _ = FailAfterTheOnlyWaiterGaveUp(marker, mode);
    }

    [Fact]
    public async Task SuccessfulRun_ReleasesTheFactoryAndWhatItCaptured()
    {
        var (lazy, captured) = LazyCapturingACatalogue(AsyncLazyFailureMode.Retry, fails: false);

        Assert.Equal(1024, await lazy.GetValueAsync().WaitAsync(Timeout));

        Assert.False(IsAliveAfterCollections(captured), "the factory's captures outlived its successful run");
        Assert.Equal(1024, await lazy);
    }

    [Fact]
    public async Task CacheMode_FailedRun_ReleasesTheFactory()
    {
        var (lazy, captured) = LazyCapturingACatalogue(AsyncLazyFailureMode.Cache, fails: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());

        Assert.False(IsAliveAfterCollections(captured), "a cached failure kept the factory that can never run again");
        GC.KeepAlive(lazy);
    }

    [Fact]
    public async Task RetryMode_FailedRun_KeepsTheFactoryForTheRetry()
    {
        var (lazy, captured) = LazyCapturingACatalogue(AsyncLazyFailureMode.Retry, fails: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());

        Assert.True(IsAliveAfterCollections(captured));
        GC.KeepAlive(lazy);
    }

    [Fact]
    public async Task TwoCallersRetryingTheSameFailedRunConcurrently_StartOneNewRun()
    {
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var runs = 0;
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var lazy = new AsyncLazy<int>(async () =>
            {
                var run = Interlocked.Increment(ref runs);
                if (run == 1)
                {
                    throw new InvalidOperationException("store unreachable");
                }

                await release.Task;
                return run;
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());

            using var start = new Barrier(2);
            var retries = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(() =>
                {
                    start.SignalAndWait(Timeout);
                    return lazy.GetValueAsync();
                }))
                .ToArray();
            await WaitUntilAsync(() => Volatile.Read(ref runs) >= 2);
            release.SetResult(true);

            Assert.Equal(new[] { 2, 2 }, await Task.WhenAll(retries).WaitAsync(Timeout));
            Assert.Equal(2, Volatile.Read(ref runs));
        }
    }

    [Fact]
    public async Task CallersCancellationRacingCompletion_EndsTheWaitWithTheValueOrThatCancellation()
    {
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var runs = 0;
            var completion = new TaskCompletionSource<int>();
            var lazy = new AsyncLazy<int>(() =>
            {
                Interlocked.Increment(ref runs);
                return completion.Task;
            });
            using var caller = new CancellationTokenSource();
            var wait = lazy.GetValueAsync(caller.Token);

            using var start = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() =>
                {
                    start.SignalAndWait(Timeout);
                    completion.SetResult(iteration);
                }),
                Task.Run(() =>
                {
                    start.SignalAndWait(Timeout);
                    caller.Cancel();
                }));

            try
            {
                Assert.Equal(iteration, await wait.WaitAsync(Timeout));
            }
            catch (OperationCanceledException cancellation)
            {
                Assert.Equal(caller.Token, cancellation.CancellationToken);
            }

            Assert.Equal(iteration, await lazy.GetValueAsync().WaitAsync(Timeout)); // the shared run went on
            Assert.Equal(1, Volatile.Read(ref runs));
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task EveryAsyncMember_OnAContextThatNeverRunsAnything_CompletesAndPostsNothing(bool cancellable, bool fails)
    {
        var context = new NeverRunningSynchronizationContext();
        using var cancellation = new CancellationTokenSource();
        var token = cancellable ? cancellation.Token : CancellationToken.None;
        var lazy = new AsyncLazy<int>(async () =>
        {
            await Task.Delay(20);
            return fails ? throw new InvalidOperationException("store unreachable") : 6;
        });

        var first = context.Invoke(() => lazy.GetValueAsync(token));
        var awaiter = context.Invoke(lazy.GetAwaiter);

        Assert.Same(first, await Task.WhenAny(first, Task.Delay(Timeout)));
        await WaitUntilAsync(() => awaiter.IsCompleted);
        if (fails)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => first);
            Assert.Throws<InvalidOperationException>(() => awaiter.GetResult());
        }
        else
        {
            Assert.Equal(6, await first);
#pragma warning disable xUnit1031 // The awaiter has completed (waited for above): GetResult returns at once, it does not block.
            Assert.Equal(6, awaiter.GetResult());
#pragma warning restore xUnit1031
            Assert.Equal(6, await context.Invoke(() => lazy.GetValueAsync(token))); // initialized: completed at once
        }

        Assert.Equal(0, context.Posts);
    }

    /// <summary>
    /// Starts a run, lets its only waiting caller give up, then fails the run: an exception nobody awaited. Returns the
    /// lazy and keeps no reference to that run: a separate, not inlined method, so no local outlives it, and the tasks
    /// are waited for through <see cref="WaitUntilCompleted"/>, so no closure the factory shares holds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AsyncLazy<int> FailAfterTheOnlyWaiterGaveUp(string marker, AsyncLazyFailureMode mode)
    {
        var runs = 0;
        var firstRun = new TaskCompletionSource<int>();
        var lazy = new AsyncLazy<int>(
            () => Interlocked.Increment(ref runs) == 1 ? firstRun.Task : Task.FromResult(2),
            mode);
        using var gaveUp = new CancellationTokenSource();
        var wait = lazy.GetValueAsync(gaveUp.Token);
        var run = lazy.GetValueAsync(); // without a token: the shared run itself, watched here but never awaited
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) == 1, Timeout));

        gaveUp.Cancel();
        WaitUntilCompleted(wait);
        Assert.True(wait.IsCanceled);
        firstRun.SetException(new InvalidOperationException(marker));
        WaitUntilCompleted(run);
        Assert.True(run.IsFaulted);

        return lazy;
    }

    /// <summary>Blocks until <paramref name="task"/> completes, without observing its exception.</summary>
    internal static void WaitUntilCompleted(Task task)
        => Assert.True(SpinWait.SpinUntil(() => task.IsCompleted, Timeout), "the task did not complete in time");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (AsyncLazy<int> Lazy, WeakReference Captured) LazyCapturingACatalogue(AsyncLazyFailureMode mode, bool fails)
    {
        var catalogue = new byte[1024];
        var lazy = new AsyncLazy<int>(
            () => fails
                ? Task.FromException<int>(new InvalidOperationException("catalogue corrupt, " + catalogue.Length + " bytes"))
                : Task.FromResult(catalogue.Length),
            mode);
        return (lazy, new WeakReference(catalogue));
    }

    /// <summary>Collects a few times (a helper's own continuation may still be finishing) and reports whether the object survived.</summary>
    internal static bool IsAliveAfterCollections(WeakReference reference)
    {
        for (var attempt = 0; attempt < 20 && reference.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (reference.IsAlive)
            {
                Thread.Sleep(10);
            }
        }

        return reference.IsAlive;
    }
}
