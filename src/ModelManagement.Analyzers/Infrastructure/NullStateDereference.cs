using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>A dereference of an optional value that may be null where it happens.</summary>
internal readonly struct NullStateDereference
{
    public NullStateDereference(SyntaxNode receiver, string name, IMethodSymbol? enclosingLambda)
    {
        Receiver = receiver;
        Name = name;
        EnclosingLambda = enclosingLambda;
    }

    /// <summary>The dereferenced expression (e.g. <c>_registry</c> in <c>_registry.ListAsync()</c>).</summary>
    public SyntaxNode Receiver { get; }

    /// <summary>The member, parameter or local name as declared.</summary>
    public string Name { get; }

    /// <summary>The lambda or local function whose body holds the dereference; null in the member's own body.</summary>
    public IMethodSymbol? EnclosingLambda { get; }
}
