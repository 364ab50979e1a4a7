using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A variable the moved code reads from the constructor: a parameter of the initialization method. <c>DeclaredType</c> is
/// the type as the constructor parameter spells it, or null (a local: written from <c>LocalType</c>, the local's type
/// with the nullability its value has where the moved code reads it — a <c>var</c> local is declared <c>T?</c>, but
/// <c>var a = store.LoadAsync();</c> holds a non-null task, and a <c>Task&lt;T&gt;?</c> parameter would warn CS8604).
/// </summary>
internal sealed record MM0001CapturedVariable(ISymbol Symbol, TypeSyntax? DeclaredType, ITypeSymbol? LocalType = null)
{
    public string Name => Symbol.Name;
}
