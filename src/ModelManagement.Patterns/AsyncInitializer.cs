using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns;

/// <summary>
/// One-time asynchronous initialization run on first use, exactly once at a time (single flight): what a type
/// awaits at the start of its async members instead of blocking in its constructor (rule MM0001).
/// </summary>
/// <remarks>
/// <para>Typical use, as the MM0001 code fix writes it:</para>
/// <code>
/// private readonly AsyncInitializer _initializer;
/// public LlmClient(IModelStore store) => _initializer = new AsyncInitializer(() => InitializeAsync(store));
/// private async Task InitializeAsync(IModelStore store) => _models = await store.LoadModelsAsync().ConfigureAwait(false);
/// public async Task&lt;string&gt; CompleteAsync(string prompt, CancellationToken cancellationToken)
/// {
///     await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
///     ...
/// }
/// </code>
/// <para>It gives the guarantees of <see cref="AsyncLazy{T}"/>: nothing runs at construction; one run in flight however
/// many callers arrive; the initialization runs on the thread pool without the caller's synchronization context, token or
/// execution context (no AsyncLocal values of whichever caller came first);
/// a caller's token cancels only its own wait; none of its own continuations needs the caller's synchronization
/// context; failures are retried by the next caller unless <see cref="AsyncLazyFailureMode.Cache"/> is chosen, and a
/// failure nobody waited for never surfaces as <see cref="TaskScheduler.UnobservedTaskException"/>; once initialized,
/// no allocation, and the <c>initialize</c> delegate (with everything it captured) is released.</para>
/// </remarks>
public sealed class AsyncInitializer
{
    private readonly AsyncLazy<bool> _lazy;

    /// <summary>Creates the initializer; <paramref name="initialize"/> does not run until the first <see cref="EnsureInitializedAsync"/>.</summary>
    /// <param name="initialize">The one-time initialization. It runs on the thread pool, at most once at a time.</param>
    /// <param name="failureMode">Whether a failed or cancelled initialization is retried by the next caller (the default) or kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initialize"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failureMode"/> is not a defined value.</exception>
    public AsyncInitializer(Func<Task> initialize, AsyncLazyFailureMode failureMode = AsyncLazyFailureMode.Retry)
    {
        var run = initialize ?? throw new ArgumentNullException(nameof(initialize));
        _lazy = new AsyncLazy<bool>(() => RunAsync(run), failureMode);
    }

    /// <summary>Gets whether the initialization has completed successfully.</summary>
    public bool IsInitialized => _lazy.IsValueCreated;

    /// <summary>Runs the initialization unless it has completed successfully or is already in flight, and waits for it.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait only; the shared initialization continues.</param>
    /// <returns>
    /// A task that completes when the initialization has. Once initialized, this is the same already completed task
    /// on every call. It faults with the initialization's exception when the run it waits for fails.
    /// </returns>
    public Task EnsureInitializedAsync(CancellationToken cancellationToken = default) => _lazy.GetValueAsync(cancellationToken);

    private static async Task<bool> RunAsync(Func<Task> initialize)
    {
        await (initialize() ?? throw new InvalidOperationException("The AsyncInitializer delegate returned null instead of a task.")).ConfigureAwait(false);
        return true;
    }
}
