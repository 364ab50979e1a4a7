using System;
using System.Threading;

namespace ModelManagement.Patterns.Tests;

/// <summary>
/// A synchronization context that never runs what is posted or sent to it, like a UI thread that is blocked or
/// already gone; it counts the attempts. A helper whose own continuations need the caller's context never completes
/// on it, and shows up in <see cref="Posts"/>.
/// </summary>
internal sealed class NeverRunningSynchronizationContext : SynchronizationContext
{
    private int _posts;

    /// <summary>Gets how many callbacks were posted or sent (and dropped).</summary>
    public int Posts => Volatile.Read(ref _posts);

    public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

    public override void Send(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Calls <paramref name="call"/> with this context current on the calling thread, as code running on it would.</summary>
    public T Invoke<T>(Func<T> call)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return call();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
