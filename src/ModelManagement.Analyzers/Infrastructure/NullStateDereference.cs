using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>A dereference of an optional value that may be null where it happens.</summary>
internal readonly struct NullStateDereference
{
    public NullStateDereference(SyntaxNode receiver, string name, ISymbol? symbol, IMethodSymbol? enclosingLambda)
    {
        Receiver = receiver;
        Name = name;
        Symbol = symbol;
        EnclosingLambda = enclosingLambda;
    }

    /// <summary>The dereferenced expression (e.g. <c>_registry</c> in <c>_registry.ListAsync()</c>).</summary>
    public SyntaxNode Receiver { get; }

    /// <summary>The member, parameter or local name as declared.</summary>
    public string Name { get; }

    /// <summary>The member, parameter or local dereferenced (a copy made by the compiler names its source); uses of one symbol share a diagnostic.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>The lambda or local function whose body holds the dereference; null in the member's own body.</summary>
    public IMethodSymbol? EnclosingLambda { get; }
}
