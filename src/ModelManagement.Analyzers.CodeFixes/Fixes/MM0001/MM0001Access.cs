using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A reference to an own field, property or event.</summary>
internal readonly struct MM0001Access
{
    public MM0001Access(ISymbol member, MM0001Receiver receiver, bool inDeferredCode)
    {
        Member = member;
        Receiver = receiver;
        InDeferredCode = inDeferredCode;
    }

    public ISymbol Member { get; }

    public MM0001Receiver Receiver { get; }

    /// <summary>Inside a lambda, anonymous method or local function.</summary>
    public bool InDeferredCode { get; }
}
