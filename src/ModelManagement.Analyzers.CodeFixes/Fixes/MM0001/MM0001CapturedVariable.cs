using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A variable the moved code reads from the constructor: a parameter of the initialization method.</summary>
internal sealed class MM0001CapturedVariable
{
    public MM0001CapturedVariable(ISymbol symbol, TypeSyntax? declaredType)
    {
        Symbol = symbol;
        DeclaredType = declaredType;
    }

    public ISymbol Symbol { get; }

    public string Name => Symbol.Name;

    /// <summary>The type as the constructor parameter spells it, or null (a local: written from its symbol).</summary>
    public TypeSyntax? DeclaredType { get; }
}
