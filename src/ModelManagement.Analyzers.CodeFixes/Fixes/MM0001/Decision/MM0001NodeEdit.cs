using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A node edited in some document, with the CancellationToken in scope to pass along (if any). <c>ReturnsValue</c>: an
/// async member whose expression body becomes <c>return expression;</c>; <c>CreatedType</c>: what a target-typed
/// <c>new(...)</c> creates.
/// </summary>
internal sealed record MM0001NodeEdit<TNode>(DocumentId Document, TNode Node, string? CancellationTokenName, bool ReturnsValue = false, ITypeSymbol? CreatedType = null)
    where TNode : SyntaxNode;
