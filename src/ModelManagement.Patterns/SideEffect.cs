using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns.Internal;

namespace ModelManagement.Patterns;

/// <summary>
/// Runs side effects — logging, telemetry, metrics, auditing, history — so that their failure never fails the
/// operation that triggered them (the non-blocking side effects pattern; analyzer rule MM0002).
/// </summary>
/// <remarks>
/// <para>
/// A failure is any exception the side effect throws, synchronously before it returns its task or from the task
/// itself, including its own cancellations and timeouts. Failures are swallowed but never lost: each is counted on
/// the <see cref="FailureCounterName"/> counter of the <see cref="MeterName"/> meter (tag <c>error.type</c>: the
/// exception's full type name; tag <c>side_effect.name</c>: <see cref="SideEffectOptions.Name"/> when set), then handed
/// to <see cref="SideEffectOptions.OnFailure"/> and to <see cref="FailureHandler"/>. A handler that throws is contained.
/// </para>
/// <para>
/// The caller's own cancellation is never swallowed: when <c>cancellationToken</c> is cancelled, the
/// <see cref="OperationCanceledException"/> propagates (and a side effect still running is abandoned).
/// </para>
/// <para>
/// Without <see cref="SideEffectOptions.Timeout"/>, the side effect is called inline, on the caller's thread, with the
/// caller's token. With a timeout it is started on the thread pool (with the caller's <see cref="ExecutionContext"/>, so
/// <see cref="AsyncLocal{T}"/> values flow, but without the caller's <see cref="SynchronizationContext"/>), and the
/// returned task completes about when the timeout elapses at the latest, whatever the side effect does: block before it
/// returns its task, never complete, or wait for a context that never runs it. A side effect that throws on its timed-out
/// token, synchronously or not, is reported as a <see cref="TimeoutException"/>; one that has not started by the time its
/// token is cancelled is not started.
/// </para>
/// <para>
/// An abandoned side effect may keep using its token (check it, register on it, wait on its wait handle): the helper
/// disposes the token's source only once the side effect has completed. The helper's own continuations never need the
/// caller's <see cref="SynchronizationContext"/>, and nothing it abandons leaves an unobserved exception behind.
/// </para>
/// <para>
/// A side effect returning a <see cref="ValueTask"/> is passed as <c>() =&gt; sideEffect().AsTask()</c> or as an async
/// lambda; there are no <c>Func&lt;ValueTask&gt;</c> overloads because they would make every async lambda ambiguous.
/// </para>
/// </remarks>
public static class SideEffect
{
    /// <summary>The name of the <see cref="Meter"/> the failure counter belongs to: <c>ModelManagement.Patterns</c>.</summary>
    public const string MeterName = "ModelManagement.Patterns";

    /// <summary>The name of the <see cref="Counter{T}"/> (of <see cref="long"/>) counting side-effect failures: <c>modelmanagement.side_effect.failures</c>.</summary>
    public const string FailureCounterName = "modelmanagement.side_effect.failures";

    private const string ErrorTypeTag = "error.type";
    private const string NameTag = "side_effect.name";

    private static readonly Counter<long> s_failures = PatternsMeter.Instance.CreateCounter<long>(
        FailureCounterName, unit: "{failure}", description: "Side effects (logging, telemetry, audit) that failed or timed out and were swallowed.");

    private static Action<Exception>? s_failureHandler;

    /// <summary>
    /// Gets or sets the process-wide handler that receives every side-effect failure (for example to write it to a
    /// fallback log). <see langword="null"/> by default. An exception the handler throws is contained.
    /// </summary>
    public static Action<Exception>? FailureHandler
    {
        get => Volatile.Read(ref s_failureHandler);
        set => Volatile.Write(ref s_failureHandler, value);
    }

    /// <summary>Runs an asynchronous side effect and swallows (counts and reports) its failure.</summary>
    /// <param name="sideEffect">Starts the side effect.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the side effect has completed or failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sideEffect"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task TryAsync(Func<Task> sideEffect, CancellationToken cancellationToken = default)
        => TryAsync(sideEffect, options: null, cancellationToken);

    /// <summary>Runs an asynchronous side effect with per-call options and swallows (counts and reports) its failure.</summary>
    /// <param name="sideEffect">Starts the side effect (on the thread pool when a timeout is set).</param>
    /// <param name="options">Timeout, name and failure handler of this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the side effect has completed, failed or timed out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sideEffect"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task TryAsync(Func<Task> sideEffect, SideEffectOptions? options, CancellationToken cancellationToken = default)
    {
        ThrowIfNull(sideEffect, nameof(sideEffect));

        return RunAsync(sideEffect, static (start, _) => start(), options, cancellationToken);
    }

    /// <summary>Runs an asynchronous, cancellable side effect and swallows (counts and reports) its failure.</summary>
    /// <param name="sideEffect">Starts the side effect; it receives a token cancelled when the caller cancels or the timeout elapses.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the side effect has completed or failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sideEffect"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task TryAsync(Func<CancellationToken, Task> sideEffect, CancellationToken cancellationToken = default)
        => TryAsync(sideEffect, options: null, cancellationToken);

    /// <summary>Runs an asynchronous, cancellable side effect with per-call options and swallows (counts and reports) its failure.</summary>
    /// <param name="sideEffect">Starts the side effect (on the thread pool when a timeout is set); it receives a token cancelled when the caller cancels or the timeout elapses.</param>
    /// <param name="options">Timeout, name and failure handler of this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation propagates as <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the side effect has completed, failed or timed out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sideEffect"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task TryAsync(Func<CancellationToken, Task> sideEffect, SideEffectOptions? options, CancellationToken cancellationToken = default)
    {
        ThrowIfNull(sideEffect, nameof(sideEffect));

        return RunAsync(sideEffect, static (start, token) => start(token), options, cancellationToken);
    }

    /// <summary>Runs a synchronous side effect and swallows (counts and reports) its failure.</summary>
    /// <param name="sideEffect">The side effect.</param>
    /// <returns><see langword="true"/> when it completed; <see langword="false"/> when it threw (the failure was reported).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sideEffect"/> is <see langword="null"/>.</exception>
    public static bool Try(Action sideEffect)
    {
        ThrowIfNull(sideEffect, nameof(sideEffect));

        try
        {
            sideEffect();
            return true;
        }
#pragma warning disable CA1031 // Swallowing every failure of the side effect is this method's purpose; it is reported below.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(exception, options: null);
            return false;
        }
    }

    /// <summary>
    /// Counts a side-effect failure caught by hand-written code (such as the catch clause the MM0002 code fix inserts)
    /// and hands it to <see cref="FailureHandler"/>. Never throws for a non-null exception.
    /// </summary>
    /// <param name="exception">The caught exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static void ReportFailure(Exception exception)
    {
        ThrowIfNull(exception, nameof(exception));

        Report(exception, options: null);
    }

    /// <summary>
    /// Reports a side-effect failure exactly like <see cref="ReportFailure"/> and returns <see langword="true"/>, for
    /// use as an exception filter that catches, counts and hands off every failure of a side effect:
    /// <c>catch (Exception ex) when (SideEffect.ReportAndSwallow(ex)) { }</c> (what the MM0002 code fix inserts when
    /// no <see cref="CancellationToken"/> is in scope). Never throws for a non-null exception, so the filter never
    /// turns into <see langword="false"/> and lets the failure escape.
    /// </summary>
    /// <param name="exception">The caught exception.</param>
    /// <returns>Always <see langword="true"/>: the exception is to be caught and swallowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// An exception filter runs before the <c>finally</c> blocks between the throw and the catch; a failure handler
    /// (<see cref="FailureHandler"/>) therefore must not wait for something such a <c>finally</c> block releases.
    /// </remarks>
    public static bool ReportAndSwallow(Exception exception)
    {
        ReportFailure(exception);
        return true;
    }

    private static void ThrowIfNull(object? argument, string parameterName)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(argument, parameterName);
#else
        if (argument is null)
        {
            throw new ArgumentNullException(parameterName);
        }
#endif
    }

    private static async Task RunAsync<TState>(
        TState state,
        Func<TState, CancellationToken, Task> start,
        SideEffectOptions? options,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = options?.Timeout ?? Timeout.InfiniteTimeSpan;

        // Without a timeout the side effect is called inline with the caller's token (no thread hop). With one, it gets
        // a source of its own, cancelled at the timeout or when the caller cancels, and runs on the thread pool: the
        // caller's wait is bounded by the timeout even when the side effect blocks before it returns its task.
        var stop = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource();
        var link = default(CancellationTokenRegistration);
        Task task;
        if (stop is null)
        {
            try
            {
                task = start(state, cancellationToken) ?? Task.CompletedTask;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A synchronous throw before the task exists is a failure of the side effect too.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Report(exception, options);
                return;
            }
        }
        else
        {
            var token = stop.Token;
            link = cancellationToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), stop);
            stop.CancelAfter(timeout);

            task = StartOnThreadPool(state, start, token);
        }

        try
        {
            var watched = stop?.Token ?? cancellationToken;
            if (!task.IsCompleted && watched.CanBeCanceled
                && !await TaskWaiting.CompletesBeforeCancellationAsync(task, watched).ConfigureAwait(false))
            {
                // Abandon the side effect: the operation goes on. Its token stays usable until it completes; its late
                // outcome is observed, never rethrown. The link goes first, so no late cancel hits a disposed source.
                link.Dispose();
                Abandon(task, stop);
                stop = null;
                cancellationToken.ThrowIfCancellationRequested();
                Report(new TimeoutException(TimeoutMessage(options, timeout)), options);
                return;
            }

            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException) when (stop is { IsCancellationRequested: true })
            {
                // The side effect honoured the timeout token (synchronously or not): report it as the timeout it is.
                Report(new TimeoutException(TimeoutMessage(options, timeout)), options);
            }
#pragma warning disable CA1031 // Swallowing every failure of the side effect is this method's purpose; it is reported.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Report(exception, options);
            }
        }
        finally
        {
            link.Dispose();
            stop?.Dispose();
        }
    }

    /// <summary>
    /// Queues the side effect on the thread pool; one that has not started when its token is cancelled is not started at
    /// all. A method of its own so that the inline path does not allocate the lambda's closure.
    /// </summary>
    private static Task StartOnThreadPool<TState>(TState state, Func<TState, CancellationToken, Task> start, CancellationToken token)
        => Task.Run(() => start(state, token) ?? Task.CompletedTask, token);

    private static string TimeoutMessage(SideEffectOptions? options, TimeSpan timeout)
        => options?.Name is { } name
            ? "The side effect '" + name + "' did not complete within " + timeout.ToString() + " and was abandoned."
            : "The side effect did not complete within " + timeout.ToString() + " and was abandoned.";

    /// <summary>
    /// Observes the outcome of a side effect the caller no longer waits for, then disposes its token's source (if the
    /// helper created one): only once the side effect has completed, since it may still use the token until then.
    /// </summary>
    private static void Abandon(Task task, CancellationTokenSource? stop)
        => _ = task.ContinueWith(
            static (t, source) =>
            {
                _ = t.Exception;
                ((CancellationTokenSource?)source)?.Dispose();
            },
            stop,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private static void Report(Exception exception, SideEffectOptions? options)
    {
        try
        {
            var errorType = new KeyValuePair<string, object?>(ErrorTypeTag, exception.GetType().FullName);
            if (options?.Name is { } name)
            {
                s_failures.Add(1, errorType, new KeyValuePair<string, object?>(NameTag, name));
            }
            else
            {
                s_failures.Add(1, errorType);
            }
        }
#pragma warning disable CA1031 // A throwing metrics listener must not turn a contained failure into an escaping one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        Invoke(options?.OnFailure, exception);
        Invoke(FailureHandler, exception);
    }

    private static void Invoke(Action<Exception>? handler, Exception exception)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(exception);
        }
#pragma warning disable CA1031 // A throwing failure handler is contained: reporting must never fail the operation.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
