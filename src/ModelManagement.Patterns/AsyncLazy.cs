using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns.Internal;

namespace ModelManagement.Patterns;

/// <summary>
/// A value computed asynchronously on first use, exactly once at a time (single flight): the lazy async
/// initialization pattern that replaces blocking on a task in a constructor (rule MM0001).
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// <list type="bullet">
/// <item><description>Nothing runs at construction; the first <see cref="GetValueAsync"/> (or <c>await lazy</c>) starts the factory.</description></item>
/// <item><description>However many callers arrive concurrently, at most one run of the factory is in flight; all of them share its result.</description></item>
/// <item><description>The factory runs on the thread pool with no caller's token and without the caller's
/// <see cref="SynchronizationContext"/>, so a caller that blocks on a single-threaded context cannot deadlock it.</description></item>
/// <item><description>The factory does not inherit the first caller's <see cref="ExecutionContext"/>: <see cref="AsyncLocal{T}"/>
/// values (logging scopes, <c>Activity.Current</c>, ambient culture) of whichever caller happened to start it do not flow
/// into the shared run.</description></item>
/// <item><description>A caller's <see cref="CancellationToken"/> cancels only that caller's wait, never the shared run.</description></item>
/// <item><description>None of the lazy's own continuations needs the caller's <see cref="SynchronizationContext"/>: the task a
/// caller gets completes even when that context never runs anything again.</description></item>
/// <item><description>A failed or cancelled run is retried by the next caller unless <see cref="AsyncLazyFailureMode.Cache"/> is chosen.</description></item>
/// <item><description>A run's failure is observed by the lazy itself, so a failure no caller waited for (all of them stopped
/// waiting through their tokens) never surfaces as <see cref="TaskScheduler.UnobservedTaskException"/>; callers that
/// wait still receive it.</description></item>
/// <item><description>Once the value exists, <see cref="GetValueAsync"/> returns the same completed task and allocates nothing.</description></item>
/// <item><description>Like <see cref="Lazy{T}"/>, the lazy lets go of its factory (and everything the factory captured) as
/// soon as no run can follow: after a successful run, or after the first run in <see cref="AsyncLazyFailureMode.Cache"/> mode.</description></item>
/// </list>
/// The factory must not wait for its own <see cref="AsyncLazy{T}"/>: it would wait for itself forever.
/// </remarks>
public sealed class AsyncLazy<T>
{
    private readonly object _gate = new();
    private readonly AsyncLazyFailureMode _failureMode;
    private Func<Task<T>>? _factory; // released once no run can follow, as Lazy<T> releases its factory
    private Task<T>? _task;

    /// <summary>Creates a lazy value; <paramref name="factory"/> does not run until the value is first requested.</summary>
    /// <param name="factory">Computes the value. It runs on the thread pool, at most once at a time.</param>
    /// <param name="failureMode">Whether a failed or cancelled run is retried by the next caller (the default) or kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failureMode"/> is not a defined value.</exception>
    public AsyncLazy(Func<Task<T>> factory, AsyncLazyFailureMode failureMode = AsyncLazyFailureMode.Retry)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        if (failureMode is not (AsyncLazyFailureMode.Retry or AsyncLazyFailureMode.Cache))
        {
            throw new ArgumentOutOfRangeException(nameof(failureMode), failureMode, "Unknown failure mode.");
        }

        _failureMode = failureMode;
    }

    /// <summary>Gets whether the factory has completed successfully, so the value is available without waiting.</summary>
    public bool IsValueCreated => Volatile.Read(ref _task) is { Status: TaskStatus.RanToCompletion };

    /// <summary>
    /// Gets the value, starting the factory if no run has completed successfully and none is in flight.
    /// </summary>
    /// <param name="cancellationToken">Cancels this caller's wait only; the shared run continues for other callers.</param>
    /// <returns>
    /// A task with the value. Once the value exists this is the same, already completed task on every call.
    /// It faults with the factory's exception when the run it waits for fails.
    /// </returns>
    public Task<T> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var task = Volatile.Read(ref _task);
        if (task is null || (_failureMode == AsyncLazyFailureMode.Retry && (task.IsFaulted || task.IsCanceled)))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // A caller that has already given up starts nothing.
                return Task.FromCanceled<T>(cancellationToken);
            }

            task = Start(task);
        }

        return TaskWaiting.WaitAsync(task, cancellationToken);
    }

    /// <summary>Makes the lazy value awaitable directly: <c>var models = await lazyModels;</c>.</summary>
    /// <returns>The awaiter of <see cref="GetValueAsync"/> without a cancellation token.</returns>
    public TaskAwaiter<T> GetAwaiter() => GetValueAsync(CancellationToken.None).GetAwaiter();

    private Task<T> Start(Task<T>? observed)
    {
        lock (_gate)
        {
            var current = _task;
            if (ReferenceEquals(current, observed))
            {
                // Task.Run only queues the factory: no user code runs while the lock is held, and the factory starts
                // on the thread pool, away from the caller's synchronization context and task scheduler.
                current = StartWithoutCallersExecutionContext();
                Volatile.Write(ref _task, current);
                _ = current.ContinueWith(
                    static (run, state) => ((AsyncLazy<T>)state!).AfterRun(run),
                    this,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            return current!;
        }
    }

    /// <summary>
    /// Queues the factory with the execution context's flow suppressed: the shared run must not depend on which caller
    /// came first, so it sees none of that caller's <see cref="AsyncLocal{T}"/> values (ambient transaction, logging
    /// scope, <c>Activity.Current</c>, culture set through async locals).
    /// </summary>
    private Task<T> StartWithoutCallersExecutionContext()
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            // The caller suppressed flow already (SuppressFlow would throw): nothing flows, and its Undo stays its own.
            return Task.Run(RunFactory);
        }

        var flow = ExecutionContext.SuppressFlow();
        try
        {
            return Task.Run(RunFactory);
        }
        finally
        {
            // Undo on the thread that suppressed, before the lock is released and before any await.
            flow.Undo();
        }
    }

    /// <summary>
    /// Runs synchronously as a run completes (registered before any caller could register a continuation). It observes a failure, so a run whose callers all
    /// stopped waiting (and that the next caller replaces) never surfaces as <see cref="TaskScheduler.UnobservedTaskException"/>;
    /// callers that wait still receive the exception. Once no run can follow (success, or any outcome in
    /// <see cref="AsyncLazyFailureMode.Cache"/> mode) it releases the factory and everything the factory captured.
    /// </summary>
    private void AfterRun(Task<T> run)
    {
        if (run.IsFaulted)
        {
            _ = run.Exception;
        }

        if (run.Status == TaskStatus.RanToCompletion || _failureMode == AsyncLazyFailureMode.Cache)
        {
            Volatile.Write(ref _factory, null);
        }
    }

    // A run starts only while no run has succeeded and (in Cache mode) none has completed, so the factory is still there.
    private Task<T> RunFactory() => Volatile.Read(ref _factory)!() ?? throw new InvalidOperationException("The AsyncLazy factory returned null instead of a task.");
}
