using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A call of an own method or accessor.</summary>
internal readonly struct MM0001Call
{
    public MM0001Call(IMethodSymbol target, MM0001Receiver receiver, bool inDeferredCode)
    {
        Target = target;
        Receiver = receiver;
        InDeferredCode = inDeferredCode;
    }

    public IMethodSymbol Target { get; }

    public MM0001Receiver Receiver { get; }

    public bool InDeferredCode { get; }
}
