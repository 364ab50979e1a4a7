namespace ModelManagement.Patterns;

/// <summary>Why <see cref="Validated"/> returned the fallback instead of the generated content.</summary>
internal enum ValidationFallbackReason
{
    /// <summary>The validator completed and its verdict was a violation (tag value <c>violation</c>).</summary>
    Violation,

    /// <summary>The validator, or the violation test of its verdict, threw (tag value <c>validator_failed</c>).</summary>
    ValidatorFailed,

    /// <summary>The validator did not complete within <see cref="ValidationOptions.Timeout"/> (tag value <c>timeout</c>).</summary>
    Timeout,
}
