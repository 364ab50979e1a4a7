namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>How a validation result reaches the local that <see cref="ValidationResultFlow"/> follows (MM0004).</summary>
internal enum ValidationStore
{
    /// <summary><c>var r = Validate(x);</c> or <c>r = Validate(x);</c>: stored by the statement holding the call.</summary>
    Value,

    /// <summary>
    /// <c>Validate(x) is var r</c>, <c>is { } r</c>, <c>is T r</c>, a <c>switch</c> case or arm designation: stored where the
    /// pattern matches, and only on the branch where it matched.
    /// </summary>
    Pattern,

    /// <summary><c>Validate(x, out var report)</c>: stored by the call; a read later in the same statement counts.</summary>
    OutArgument,
}
