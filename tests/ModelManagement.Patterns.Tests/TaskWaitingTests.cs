using System;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns.Internal;

namespace ModelManagement.Patterns.Tests;

/// <summary>Tests the netstandard2.0 wait helper directly (net8.0 builds use Task.WaitAsync instead).</summary>
public sealed class TaskWaitingTests
{
    [Fact]
    public async Task WaitCore_CompletesWithTheTasksValue()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var wait = TaskWaiting.WaitCoreAsync(source.Task, cancellation.Token);
        source.SetResult(4);

        Assert.Equal(4, await wait);
    }

    [Fact]
    public async Task WaitCore_Cancelled_CancelsTheWaitButNotTheTask()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var wait = TaskWaiting.WaitCoreAsync(source.Task, cancellation.Token);
        cancellation.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(wait.IsCanceled);
        Assert.False(source.Task.IsCompleted);
    }

    [Fact]
    public async Task WaitCore_PropagatesTheTasksFailure()
    {
        using var cancellation = new CancellationTokenSource();

        var wait = TaskWaiting.WaitCoreAsync(Task.FromException<int>(new InvalidOperationException("x")), cancellation.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => wait);
    }

    [Fact]
    public void Wait_CompletedOrUncancellable_ReturnsTheTaskItself()
    {
        var completed = Task.FromResult(1);
        var pending = new TaskCompletionSource<int>().Task;
        using var cancellation = new CancellationTokenSource();

        Assert.Same(completed, TaskWaiting.WaitAsync(completed, cancellation.Token));
        Assert.Same(pending, TaskWaiting.WaitAsync(pending, CancellationToken.None));
    }

    [Fact]
    public void Wait_AlreadyCancelledToken_ReturnsCancelledTask()
    {
        var pending = new TaskCompletionSource<int>().Task;

        Assert.True(TaskWaiting.WaitAsync(pending, new CancellationToken(canceled: true)).IsCanceled);
    }
}
