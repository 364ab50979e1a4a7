namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>How a member reference reaches its object.</summary>
internal enum MM0001Receiver
{
    /// <summary>Through <c>this</c> (implicit or explicit).</summary>
    This,

    /// <summary>A static member: no instance.</summary>
    Static,

    /// <summary>Through another instance.</summary>
    Other,
}
