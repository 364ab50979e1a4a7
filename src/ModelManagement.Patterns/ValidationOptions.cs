using System;

namespace ModelManagement.Patterns;

/// <summary>Per-call settings of <see cref="Validated"/>.</summary>
public sealed class ValidationOptions
{
    private TimeSpan? _timeout;

    /// <summary>
    /// Gets or sets how long the validator may take. When it elapses the validator is abandoned (its token is cancelled and
    /// its eventual outcome observed and ignored), a <see cref="TimeoutException"/> is reported as the failure, and the
    /// fallback is returned. <see langword="null"/> (the default) waits without a limit.
    /// </summary>
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
    /// Gets or sets a short name of the validation (for example <c>"story.guardrail"</c>). It becomes the
    /// <c>validation.name</c> tag of the fallback counter; <see langword="null"/> adds no tag.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets a handler called with the exception of a validator that failed or timed out (a
    /// <see cref="TimeoutException"/>), before <see cref="Validated.FailureHandler"/>. An exception it throws is contained.
    /// </summary>
    public Action<Exception>? OnFailure { get; set; }
}
