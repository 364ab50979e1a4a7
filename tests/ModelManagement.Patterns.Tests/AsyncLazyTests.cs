using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

public sealed partial class AsyncLazyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Construction_DoesNotRunFactory()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(() => Task.FromResult(Interlocked.Increment(ref runs)));

        Assert.False(lazy.IsValueCreated);
        Assert.Equal(0, Volatile.Read(ref runs));
    }

    [Fact]
    public void NullFactory_Throws()
        => Assert.Throws<ArgumentNullException>("factory", () => new AsyncLazy<int>(null!));

    [Fact]
    public void UndefinedFailureMode_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>("failureMode", () => new AsyncLazy<int>(() => Task.FromResult(1), (AsyncLazyFailureMode)7));

    [Fact]
    public async Task ManyConcurrentFirstCallers_RunFactoryExactlyOnce()
    {
        const int callers = 128;
        var runs = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lazy = new AsyncLazy<string>(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return "catalogue";
        });

        using var start = new Barrier(callers);
        var waits = Enumerable.Range(0, callers)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(Timeout);
                    return lazy.GetValueAsync();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();

        await WaitUntilAsync(() => Volatile.Read(ref runs) > 0);
        Assert.False(lazy.IsValueCreated);
        release.SetResult(true);
        var values = await Task.WhenAll(waits).WaitAsync(Timeout);

        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.All(values, v => Assert.Equal("catalogue", v));
        Assert.True(lazy.IsValueCreated);
    }

    [Fact]
    public async Task ManyCallersAfterCompletion_NeverRunFactoryAgain()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(() => Task.FromResult(Interlocked.Increment(ref runs)));
        Assert.Equal(1, await lazy);

        var values = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => lazy.GetValueAsync())));

        Assert.All(values, v => Assert.Equal(1, v));
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task FailedRun_IsNotCached_NextCallerRetries()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(async () =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InvalidOperationException("store unreachable");
            }

            return 42;
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());
        Assert.Equal("store unreachable", failure.Message);
        Assert.False(lazy.IsValueCreated);

        Assert.Equal(42, await lazy.GetValueAsync());
        Assert.Equal(2, Volatile.Read(ref runs));
        Assert.True(lazy.IsValueCreated);
    }

    [Fact]
    public async Task CancelledRun_IsNotCached_NextCallerRetries()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(async () =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new OperationCanceledException("timed out inside the factory");
            }

            return 7;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lazy.GetValueAsync());
        Assert.False(lazy.IsValueCreated);

        Assert.Equal(7, await lazy.GetValueAsync());
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task SynchronouslyThrowingFactory_FaultsTheTask_AndIsRetried()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(() => Interlocked.Increment(ref runs) == 1
            ? throw new InvalidOperationException("sync failure")
            : Task.FromResult(5));

        var first = lazy.GetValueAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(5, await lazy.GetValueAsync());
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task FactoryReturningNull_FaultsWithInvalidOperation()
    {
        var lazy = new AsyncLazy<int>(() => null!);

        await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());
        Assert.False(lazy.IsValueCreated);
    }

    [Fact]
    public async Task CallersWaitingForAFailingRun_AllObserveThatFailure_OneRun()
    {
        var runs = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lazy = new AsyncLazy<int>(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            throw new InvalidOperationException("boom");
        });

        var waits = Enumerable.Range(0, 20).Select(_ => lazy.GetValueAsync()).ToArray();
        release.SetResult(true);

        foreach (var wait in waits)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => wait);
        }

        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task CacheMode_FailedRunIsKept_FactoryNeverRunsAgain()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(
            async () =>
            {
                Interlocked.Increment(ref runs);
                await Task.Yield();
                throw new InvalidOperationException("permanent");
            },
            AsyncLazyFailureMode.Cache);

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GetValueAsync());

        Assert.Same(first, second);
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.False(lazy.IsValueCreated);
    }

    [Fact]
    public async Task CacheMode_CancelledRunIsKept()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(
            () =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromCanceled<int>(new CancellationToken(canceled: true));
            },
            AsyncLazyFailureMode.Cache);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lazy.GetValueAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lazy.GetValueAsync());
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task CallerCancellation_CancelsOnlyThatCallersWait()
    {
        var runs = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lazy = new AsyncLazy<int>(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return 99;
        });

        using var impatient = new CancellationTokenSource();
        var cancelledWait = lazy.GetValueAsync(impatient.Token);
        var patientWait = lazy.GetValueAsync();
        impatient.Cancel();

        var cancellation = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWait);
        Assert.Equal(impatient.Token, cancellation.CancellationToken);
        Assert.False(patientWait.IsCompleted);

        release.SetResult(true);
        Assert.Equal(99, await patientWait.WaitAsync(Timeout));
        Assert.Equal(99, await lazy.GetValueAsync(impatient.Token));
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task AlreadyCancelledToken_BeforeInitialization_StartsNothing()
    {
        var runs = 0;
        var lazy = new AsyncLazy<int>(() => Task.FromResult(Interlocked.Increment(ref runs)));

        var wait = lazy.GetValueAsync(new CancellationToken(canceled: true));

        Assert.True(wait.IsCanceled);
        await Task.Delay(50);
        Assert.Equal(0, Volatile.Read(ref runs));
        Assert.Equal(1, await lazy);
    }

    [Fact]
    public async Task AlreadyCancelledToken_AfterInitialization_ReturnsTheValue()
    {
        var lazy = new AsyncLazy<int>(() => Task.FromResult(3));
        await lazy;

        Assert.Equal(3, await lazy.GetValueAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task BlockingOnASingleThreadedContext_DoesNotDeadlock()
    {
        using var context = new SingleThreadSynchronizationContext();
        var lazy = new AsyncLazy<int>(async () =>
        {
            // No ConfigureAwait(false): if the factory captured the caller's context, this continuation would need
            // the context's only thread, which the caller blocks below.
            await Task.Delay(20);
            return 11;
        });

        var value = context.Run(() => lazy.GetValueAsync().GetAwaiter().GetResult());

        Assert.Same(value, await Task.WhenAny(value, Task.Delay(Timeout)));
        Assert.Equal(11, await value);
    }

    [Fact]
    public async Task Factory_RunsWithoutTheCallersSynchronizationContext()
    {
        using var context = new SingleThreadSynchronizationContext();
        SynchronizationContext? seen = context;
        var lazy = new AsyncLazy<int>(() =>
        {
            seen = SynchronizationContext.Current;
            return Task.FromResult(0);
        });

        var observed = await context.Run(() => SynchronizationContext.Current);
        await await context.Run(() => lazy.GetValueAsync());

        Assert.Same(context, observed);
        Assert.Null(seen);
    }

    [Fact]
    public async Task Factory_DoesNotSeeTheFirstCallersAsyncLocals()
    {
        var tenant = new AsyncLocal<string?>();
        string? seenInFactory = "not run";
        string? seenAfterAwaitInFactory = "not run";
        var lazy = new AsyncLazy<int>(async () =>
        {
            seenInFactory = tenant.Value;
            await Task.Yield();
            seenAfterAwaitInFactory = tenant.Value;
            return 1;
        });

        var value = await Task.Run(async () =>
        {
            tenant.Value = "first-caller";
            var result = await lazy.GetValueAsync();
            Assert.Equal("first-caller", tenant.Value); // the caller's own context is left intact
            Assert.False(ExecutionContext.IsFlowSuppressed());
            return result;
        });

        Assert.Equal(1, value);
        Assert.Null(seenInFactory);
        Assert.Null(seenAfterAwaitInFactory);
    }

    [Fact]
    public async Task CallerWithFlowAlreadySuppressed_StartsTheFactory_AndKeepsItsSuppression()
    {
        var lazy = new AsyncLazy<int>(() => Task.FromResult(5));
        Task<int> value;
        var flow = ExecutionContext.SuppressFlow();
        try
        {
            value = lazy.GetValueAsync();
            Assert.True(ExecutionContext.IsFlowSuppressed());
        }
        finally
        {
            flow.Undo();
        }

        Assert.Equal(5, await value.WaitAsync(Timeout));
        Assert.False(ExecutionContext.IsFlowSuppressed());
    }

    [Fact]
    public async Task AwaitingTheLazyDirectly_GivesTheValue()
    {
        var lazy = new AsyncLazy<string>(() => Task.FromResult("narrator-large"));

        string value = await lazy;

        Assert.Equal("narrator-large", value);
    }

    [Fact]
    public async Task IsValueCreated_FollowsTheRun()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lazy = new AsyncLazy<int>(() => release.Task);

        Assert.False(lazy.IsValueCreated);
        var wait = lazy.GetValueAsync();
        Assert.False(lazy.IsValueCreated);
        release.SetResult(1);
        await wait;
        Assert.True(lazy.IsValueCreated);
    }

    [Fact]
    public async Task Initialized_ReturnsTheSameCompletedTaskOnEveryCall()
    {
        var lazy = new AsyncLazy<int>(() => Task.FromResult(8));
        await lazy;
        using var source = new CancellationTokenSource();

        var first = lazy.GetValueAsync();
        var second = lazy.GetValueAsync(source.Token);

        Assert.Same(first, second);
        Assert.True(first.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Initialized_GetValueAsyncAllocatesNothing()
    {
        var lazy = new AsyncLazy<int>(() => Task.FromResult(8));
        await lazy;
        using var source = new CancellationTokenSource();
        var token = source.Token;
        _ = lazy.GetValueAsync(token);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = lazy.GetValueAsync(token);
            _ = lazy.GetValueAsync();
            _ = lazy.IsValueCreated;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(5);
        }
    }
}
