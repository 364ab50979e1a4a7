using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>
/// Records <see cref="TaskScheduler.UnobservedTaskException"/> events for exceptions whose message is this recorder's
/// <see cref="Marker"/> (other tests running in parallel may leave their own behind). The event is raised when a
/// faulted task nobody observed is finalized, hence <see cref="CollectGarbageAndGet"/>.
/// </summary>
internal sealed class UnobservedExceptionRecorder : IDisposable
{
    private readonly ConcurrentQueue<Exception> _unobserved = new();

    public UnobservedExceptionRecorder() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    /// <summary>Gets the message to give the exceptions a test expects to be observed.</summary>
    public string Marker { get; } = "unobserved-probe-" + Guid.NewGuid().ToString("N");

    /// <summary>Forces full collections and finalizers, then returns the marked exceptions nobody observed.</summary>
    public IReadOnlyCollection<Exception> CollectGarbageAndGet()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return _unobserved.ToArray();
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        foreach (var exception in e.Exception.Flatten().InnerExceptions)
        {
            if (exception.Message == Marker)
            {
                _unobserved.Enqueue(exception);
            }
        }
    }
}
