using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A variable the moved code reads from the constructor: a parameter of the initialization method. <c>DeclaredType</c> is
/// the type as the constructor parameter spells it, or null (a local: written from its symbol).
/// </summary>
internal sealed record MM0001CapturedVariable(ISymbol Symbol, TypeSyntax? DeclaredType)
{
    public string Name => Symbol.Name;
}
