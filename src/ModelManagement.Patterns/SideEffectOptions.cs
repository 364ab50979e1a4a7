using System;

namespace ModelManagement.Patterns;

/// <summary>Per-call settings of <see cref="SideEffect.TryAsync(Func{System.Threading.CancellationToken, System.Threading.Tasks.Task}, SideEffectOptions?, System.Threading.CancellationToken)"/>.</summary>
public sealed class SideEffectOptions
{
    /// <summary>
    /// Gets or sets how long the operation waits for the side effect. When it elapses the side effect is abandoned
    /// (its token is cancelled, its eventual outcome is observed and ignored), the operation goes on, and a
    /// <see cref="TimeoutException"/> is reported as the failure. <see langword="null"/> (the default) waits without a limit.
    /// </summary>
    /// <remarks>
    /// With a timeout the side effect is started on the thread pool, so even one that blocks before it returns its task
    /// delays the operation by no more than about the timeout; without one it is called inline on the caller's thread.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } timeout && timeout != System.Threading.Timeout.InfiniteTimeSpan
                && (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(value), timeout, "The timeout must be positive (or infinite).");
            }

            _timeout = value;
        }
    }

    /// <summary>
    /// Gets or sets a short name of the side effect (for example <c>"history.log_result"</c>). It becomes the
    /// <c>side_effect.name</c> tag of the failure counter; <see langword="null"/> adds no tag.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets a handler called with each failure of this call, after the counter and before
    /// <see cref="SideEffect.FailureHandler"/>. An exception it throws is contained.
    /// </summary>
    public Action<Exception>? OnFailure { get; set; }

    private TimeSpan? _timeout;
}
