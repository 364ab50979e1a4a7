using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>AsyncInitializer under faults: failures nobody waits for, the delegate's lifetime, dead contexts.</summary>
public sealed partial class AsyncInitializerTests
{
    [Fact]
    public async Task Initialized_ReleasesTheDelegateAndWhatItCaptured()
    {
        var (initializer, captured) = InitializerCapturingAStore();

        await initializer.EnsureInitializedAsync().WaitAsync(Timeout);

        Assert.False(AsyncLazyTests.IsAliveAfterCollections(captured), "the initialization delegate's captures outlived the initialization");
        Assert.True(initializer.IsInitialized);
    }

    [Fact]
    public async Task FailureAfterTheOnlyWaiterGaveUp_IsRetriedWithoutLeavingAnUnobservedException()
    {
        using var unobserved = new UnobservedExceptionRecorder();
        var initializer = FailAfterTheOnlyWaiterGaveUp(unobserved.Marker);

        await initializer.EnsureInitializedAsync().WaitAsync(Timeout);

        Assert.Empty(unobserved.CollectGarbageAndGet());
        Assert.True(initializer.IsInitialized);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task EnsureInitializedAsync_OnAContextThatNeverRunsAnything_CompletesAndPostsNothing(bool cancellable, bool fails)
    {
        var context = new NeverRunningSynchronizationContext();
        using var cancellation = new CancellationTokenSource();
        var token = cancellable ? cancellation.Token : CancellationToken.None;
        var initializer = new AsyncInitializer(async () =>
        {
            await Task.Delay(20);
            if (fails)
            {
                throw new TimeoutException("catalogue load timed out");
            }
        });

        var first = context.Invoke(() => initializer.EnsureInitializedAsync(token));

        Assert.Same(first, await Task.WhenAny(first, Task.Delay(Timeout)));
        if (fails)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => first);
        }
        else
        {
            await first;
            await context.Invoke(() => initializer.EnsureInitializedAsync(token));
        }

        Assert.Equal(0, context.Posts);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (AsyncInitializer Initializer, WeakReference Captured) InitializerCapturingAStore()
    {
        var store = new byte[1024];
        var initializer = new AsyncInitializer(() => store.Length > 0 ? Task.CompletedTask : Task.Delay(1));
        return (initializer, new WeakReference(store));
    }

    /// <summary>As AsyncLazyTests.FailAfterTheOnlyWaiterGaveUp: keeps no reference to the failed run.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AsyncInitializer FailAfterTheOnlyWaiterGaveUp(string marker)
    {
        var runs = 0;
        var firstRun = new TaskCompletionSource<bool>();
        var initializer = new AsyncInitializer(() => Interlocked.Increment(ref runs) == 1 ? firstRun.Task : Task.CompletedTask);
        using var gaveUp = new CancellationTokenSource();
        var wait = initializer.EnsureInitializedAsync(gaveUp.Token);
        var run = initializer.EnsureInitializedAsync(); // without a token: the shared run itself, never awaited
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) == 1, Timeout));

        gaveUp.Cancel();
        AsyncLazyTests.WaitUntilCompleted(wait);
        firstRun.SetException(new InvalidOperationException(marker));
        AsyncLazyTests.WaitUntilCompleted(run);
        Assert.True(run.IsFaulted);

        return initializer;
    }
}
