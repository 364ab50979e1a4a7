using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns.Internal;

namespace ModelManagement.Patterns;

/// <summary>
/// Generate → validate → fallback (the post-validation with fallback pattern; analyzer rule MM0004): content reaches the
/// caller only when its validation completed and passed, otherwise the fallback does.
/// </summary>
/// <remarks>
/// <para>
/// <b>Fails closed.</b> A validator that throws, whose verdict cannot be tested (the violation test throws), or that does
/// not finish within <see cref="ValidationOptions.Timeout"/> counts as a violation: the fallback is returned. This is the
/// opposite of reading a verdict with a default, as in <c>verdict.get("compliant", True)</c>, which lets content through
/// exactly when the guardrail is broken (fail open). It also differs from a resilience library's fallback (Polly's
/// <c>FallbackStrategy</c>): there a predicate that throws propagates its exception to the caller, here a broken check
/// is one more reason not to trust the content.
/// </para>
/// <para>
/// Every fallback is counted on the <see cref="FallbackCounterName"/> counter of the <see cref="SideEffect.MeterName"/>
/// meter, tagged <c>reason</c> (<c>violation</c>, <c>validator_failed</c>, <c>timeout</c>) and <c>validation.name</c>
/// (<see cref="ValidationOptions.Name"/>, when set). The exception of a failed or timed-out validator goes to
/// <see cref="ValidationOptions.OnFailure"/> and then <see cref="FailureHandler"/>; handlers that throw are contained.
/// </para>
/// <para>
/// What is never turned into a fallback: the caller's cancellation (an <see cref="OperationCanceledException"/>
/// propagates, whether it happens while generating, validating or before the fallback runs), a failure of the generator
/// (there is no content to judge) and a failure of the fallback itself (there is nothing left to fall back to).
/// </para>
/// <para>
/// When the delegates complete synchronously and no timeout is set, a call allocates nothing beyond the delegates and the
/// tasks they return.
/// </para>
/// </remarks>
public static class Validated
{
    /// <summary>The name of the <see cref="Counter{T}"/> (of <see cref="long"/>) counting fallbacks: <c>modelmanagement.validation.fallbacks</c>.</summary>
    public const string FallbackCounterName = "modelmanagement.validation.fallbacks";

    private const string ReasonTag = "reason";
    private const string NameTag = "validation.name";

    private static readonly Counter<long> s_fallbacks = PatternsMeter.Instance.CreateCounter<long>(
        FallbackCounterName, unit: "{fallback}", description: "Generated content replaced by its fallback because validation found a violation, failed or timed out.");

    private static Action<Exception>? s_failureHandler;

    /// <summary>
    /// Gets or sets the process-wide handler that receives the exception of every validator that failed or timed out.
    /// <see langword="null"/> by default. An exception the handler throws is contained.
    /// </summary>
    public static Action<Exception>? FailureHandler
    {
        get => Volatile.Read(ref s_failureHandler);
        set => Volatile.Write(ref s_failureHandler, value);
    }

    /// <summary>Generates content, validates it, and returns it only when the verdict is not a violation; otherwise the fallback.</summary>
    /// <typeparam name="T">The content.</typeparam>
    /// <typeparam name="TVerdict">The validator's verdict (a validation result, a guardrail report).</typeparam>
    /// <param name="generate">Produces the content. Its exceptions propagate.</param>
    /// <param name="validate">Judges the content. An exception or timeout counts as a violation.</param>
    /// <param name="isViolation">Reads the verdict: <see langword="true"/> rejects the content. An exception counts as a violation.</param>
    /// <param name="fallback">Produces the safe replacement. Its exceptions propagate.</param>
    /// <param name="options">Timeout, name and failure handler of this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation always propagates and never selects the fallback.</param>
    /// <returns>The validated content, or the fallback's.</returns>
    /// <exception cref="ArgumentNullException">A delegate is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ValueTask<T> GenerateAsync<T, TVerdict>(
        Func<CancellationToken, Task<T>> generate,
        Func<T, CancellationToken, Task<TVerdict>> validate,
        Func<TVerdict, bool> isViolation,
        Func<CancellationToken, Task<T>> fallback,
        ValidationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfNull(generate, nameof(generate));
        ThrowIfNull(validate, nameof(validate));
        ThrowIfNull(isViolation, nameof(isViolation));
        ThrowIfNull(fallback, nameof(fallback));
        if (cancellationToken.IsCancellationRequested || options?.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            return RunAsync(generate, validate, isViolation, fallback, options, null, null, cancellationToken);
        }

        // Fast path without an async state machine: delegates that complete synchronously with a passing verdict.
        Task<T> generated;
        try
        {
            generated = generate(cancellationToken);
        }
        catch (Exception exception)
        {
            generated = Task.FromException<T>(exception);
        }

        if (generated.Status != TaskStatus.RanToCompletion)
        {
            return RunAsync(generate, validate, isViolation, fallback, options, generated, null, cancellationToken);
        }

        var content = generated.Result;
        Task<TVerdict> validation;
        try
        {
            validation = validate(content, cancellationToken);
        }
        catch (Exception exception)
        {
            validation = Task.FromException<TVerdict>(exception);
        }

        if (validation.Status != TaskStatus.RanToCompletion)
        {
            return RunAsync(generate, validate, isViolation, fallback, options, generated, validation, cancellationToken);
        }

        try
        {
            if (!isViolation(validation.Result))
            {
                return new ValueTask<T>(content);
            }
        }
        catch (Exception exception)
        {
            return FallBackAsync(ValidationFallbackReason.ValidatorFailed, exception, fallback, options, cancellationToken);
        }

        return FallBackAsync(ValidationFallbackReason.Violation, null, fallback, options, cancellationToken);
    }

    /// <summary>Generates content and returns it only when <paramref name="isValid"/> says so; otherwise the fallback.</summary>
    /// <typeparam name="T">The content.</typeparam>
    /// <param name="generate">Produces the content. Its exceptions propagate.</param>
    /// <param name="isValid">Judges the content: <see langword="false"/>, an exception or a timeout rejects it.</param>
    /// <param name="fallback">Produces the safe replacement. Its exceptions propagate.</param>
    /// <param name="options">Timeout, name and failure handler of this call; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation always propagates and never selects the fallback.</param>
    /// <returns>The validated content, or the fallback's.</returns>
    /// <exception cref="ArgumentNullException">A delegate is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ValueTask<T> GenerateAsync<T>(
        Func<CancellationToken, Task<T>> generate,
        Func<T, CancellationToken, Task<bool>> isValid,
        Func<CancellationToken, Task<T>> fallback,
        ValidationOptions? options = null,
        CancellationToken cancellationToken = default)
        => GenerateAsync(generate, isValid, static valid => !valid, fallback, options, cancellationToken);

    private static async ValueTask<T> RunAsync<T, TVerdict>(
        Func<CancellationToken, Task<T>> generate,
        Func<T, CancellationToken, Task<TVerdict>> validate,
        Func<TVerdict, bool> isViolation,
        Func<CancellationToken, Task<T>> fallback,
        ValidationOptions? options,
        Task<T>? generated,
        Task<TVerdict>? started,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = await (generated ?? generate(cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        ValidationFallbackReason reason;
        Exception? failure = null;
        var timeout = options?.Timeout;
        var timeoutSource = timeout is { } limit && limit != Timeout.InfiniteTimeSpan
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : null;
        try
        {
            timeoutSource?.CancelAfter(timeout!.Value);
            var validatorToken = timeoutSource?.Token ?? cancellationToken;
            Task<TVerdict>? validation = null;
            try
            {
                validation = started ?? validate(content, validatorToken);
                var verdict = await TaskWaiting.WaitAsync(validation, validatorToken).ConfigureAwait(false);
                if (!isViolation(verdict))
                {
                    return content;
                }

                reason = ValidationFallbackReason.Violation;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Observe(validation);
                throw; // the caller's cancellation is never a verdict
            }
            catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true })
            {
                Observe(validation);
                reason = ValidationFallbackReason.Timeout;
                failure = new TimeoutException("The validator did not complete within " + timeout!.Value + ".");
            }
            catch (Exception exception)
            {
                reason = ValidationFallbackReason.ValidatorFailed;
                failure = exception;
            }
        }
        finally
        {
            timeoutSource?.Dispose();
        }

        return await FallBackAsync(reason, failure, fallback, options, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<T> FallBackAsync<T>(
        ValidationFallbackReason reason,
        Exception? failure,
        Func<CancellationToken, Task<T>> fallback,
        ValidationOptions? options,
        CancellationToken cancellationToken)
    {
        Report(reason, failure, options);
        cancellationToken.ThrowIfCancellationRequested();
        return await fallback(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tag value of <paramref name="reason"/> on the fallback counter.</summary>
    internal static string TagValue(ValidationFallbackReason reason) => reason switch
    {
        ValidationFallbackReason.Violation => "violation",
        ValidationFallbackReason.Timeout => "timeout",
        _ => "validator_failed",
    };

    private static void Report(ValidationFallbackReason reason, Exception? failure, ValidationOptions? options)
    {
        var reasonTag = new KeyValuePair<string, object?>(ReasonTag, TagValue(reason));
        if (options?.Name is { } name)
        {
            s_fallbacks.Add(1, reasonTag, new KeyValuePair<string, object?>(NameTag, name));
        }
        else
        {
            s_fallbacks.Add(1, reasonTag);
        }

        if (failure is null)
        {
            return;
        }

        Invoke(options?.OnFailure, failure);
        Invoke(FailureHandler, failure);
    }

    private static void Invoke(Action<Exception>? handler, Exception failure)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(failure);
        }
#pragma warning disable CA1031 // A broken failure handler must not turn a fallback into a failure of the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>An abandoned validation's eventual exception is observed, never unobserved.</summary>
    private static void Observe(Task? task)
    {
        if (task is { IsCompleted: false })
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static void ThrowIfNull(object? argument, string parameterName)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(parameterName);
        }
    }
}
