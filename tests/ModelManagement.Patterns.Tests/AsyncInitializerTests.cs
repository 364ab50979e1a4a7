using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

public sealed partial class AsyncInitializerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Construction_RunsNothing()
    {
        var runs = 0;
        var initializer = new AsyncInitializer(() =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        Assert.False(initializer.IsInitialized);
        Assert.Equal(0, Volatile.Read(ref runs));
    }

    [Fact]
    public void NullDelegate_Throws()
        => Assert.Throws<ArgumentNullException>("initialize", () => new AsyncInitializer(null!));

    [Fact]
    public async Task ManyConcurrentFirstCallers_InitializeExactlyOnce()
    {
        const int callers = 150;
        var runs = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var initializer = new AsyncInitializer(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });

        using var start = new Barrier(callers);
        var waits = Enumerable.Range(0, callers)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(Timeout);
                    return initializer.EnsureInitializedAsync();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();

        var deadline = DateTime.UtcNow + Timeout;
        while (Volatile.Read(ref runs) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(5);
        }

        release.SetResult(true);
        await Task.WhenAll(waits).WaitAsync(Timeout);

        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.True(initializer.IsInitialized);
    }

    [Fact]
    public async Task FailedInitialization_IsRetriedByTheNextCaller()
    {
        var runs = 0;
        var initializer = new AsyncInitializer(async () =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new TimeoutException("catalogue load timed out");
            }
        });

        await Assert.ThrowsAsync<TimeoutException>(() => initializer.EnsureInitializedAsync());
        Assert.False(initializer.IsInitialized);

        await initializer.EnsureInitializedAsync();
        Assert.True(initializer.IsInitialized);
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task CancelledInitialization_IsRetriedByTheNextCaller()
    {
        var runs = 0;
        var initializer = new AsyncInitializer(() => Interlocked.Increment(ref runs) == 1
            ? Task.FromCanceled(new CancellationToken(canceled: true))
            : Task.CompletedTask);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => initializer.EnsureInitializedAsync());
        await initializer.EnsureInitializedAsync();

        Assert.Equal(2, Volatile.Read(ref runs));
        Assert.True(initializer.IsInitialized);
    }

    [Fact]
    public async Task CacheMode_FailureIsKept()
    {
        var runs = 0;
        var initializer = new AsyncInitializer(
            () =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromException(new InvalidOperationException("bad configuration"));
            },
            AsyncLazyFailureMode.Cache);

        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.EnsureInitializedAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.EnsureInitializedAsync());
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.False(initializer.IsInitialized);
    }

    [Fact]
    public async Task DelegateReturningNull_FaultsWithInvalidOperation()
    {
        var initializer = new AsyncInitializer(() => null!);

        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.EnsureInitializedAsync());
    }

    [Fact]
    public async Task CallerCancellation_CancelsOnlyThatCallersWait()
    {
        var runs = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var initializer = new AsyncInitializer(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });

        using var impatient = new CancellationTokenSource();
        var cancelledWait = initializer.EnsureInitializedAsync(impatient.Token);
        var patientWait = initializer.EnsureInitializedAsync();
        impatient.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWait);
        Assert.False(patientWait.IsCompleted);
        Assert.False(initializer.IsInitialized);

        release.SetResult(true);
        await patientWait.WaitAsync(Timeout);
        Assert.True(initializer.IsInitialized);
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task BlockingOnASingleThreadedContext_DoesNotDeadlock()
    {
        using var context = new SingleThreadSynchronizationContext();
        var initializer = new AsyncInitializer(async () => await Task.Delay(20));

        var done = context.Run(() =>
        {
            initializer.EnsureInitializedAsync().GetAwaiter().GetResult();
            return true;
        });

        Assert.Same(done, await Task.WhenAny(done, Task.Delay(Timeout)));
        Assert.True(initializer.IsInitialized);
    }

    [Fact]
    public async Task Initialized_ReturnsTheSameCompletedTask_AndAllocatesNothing()
    {
        var initializer = new AsyncInitializer(() => Task.CompletedTask);
        await initializer.EnsureInitializedAsync();
        using var source = new CancellationTokenSource();
        var token = source.Token;

        var first = initializer.EnsureInitializedAsync();
        Assert.Same(first, initializer.EnsureInitializedAsync(token));
        Assert.True(first.IsCompletedSuccessfully);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = initializer.EnsureInitializedAsync(token);
            _ = initializer.IsInitialized;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Initialization_DoesNotDependOnWhichCallerCameFirst()
    {
        var requestId = new AsyncLocal<string?>();
        string? seen = "not run";
        var initializer = new AsyncInitializer(() =>
        {
            seen = requestId.Value;
            return Task.CompletedTask;
        });

        await Task.Run(async () =>
        {
            requestId.Value = "request-42";
            await initializer.EnsureInitializedAsync();
        });

        Assert.True(initializer.IsInitialized);
        Assert.Null(seen);
    }

}
