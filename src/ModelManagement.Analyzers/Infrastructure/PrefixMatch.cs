namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>How a method name matches MM0002's side-effect prefixes.</summary>
internal enum PrefixMatch
{
    /// <summary>No prefix matches.</summary>
    None,

    /// <summary>A prefix matches and is enough on its own (<c>Log</c>, <c>Audit</c>).</summary>
    Match,

    /// <summary>A receiver-checked prefix matches (<c>Record</c>, <c>Track</c>, <c>Trace</c>): a side-effect word must confirm it.</summary>
    NeedsEvidence,
}
