using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Internal;

/// <summary>
/// Lets one caller stop waiting for a shared task without cancelling the task itself (Task.WaitAsync, which
/// netstandard2.0 lacks).
/// </summary>
internal static class TaskWaiting
{
    /// <summary>
    /// Returns <paramref name="task"/> itself when it is complete or the token cannot be cancelled (no allocation),
    /// otherwise a task that completes like <paramref name="task"/> or is cancelled when the token is.
    /// </summary>
    public static Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

#if NET8_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        return WaitCoreAsync(task, cancellationToken);
#endif
    }

    /// <summary>The netstandard2.0 implementation; compiled for every target so it is tested on every target.</summary>
    internal static async Task<T> WaitCoreAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (!await CompletesBeforeCancellationAsync(task, cancellationToken).ConfigureAwait(false))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until <paramref name="task"/> completes or the token is cancelled, whichever comes first, without observing
    /// or cancelling the task. <see langword="true"/> when the task completed first.
    /// </summary>
    /// <remarks>Its continuations never need the caller's synchronization context.</remarks>
    public static async Task<bool> CompletesBeforeCancellationAsync(Task task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            return await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) == task;
        }
    }
}
