using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A node edited in some document.</summary>
internal sealed class MM0001NodeEdit<TNode>
    where TNode : SyntaxNode
{
    public MM0001NodeEdit(DocumentId document, TNode node, string? cancellationTokenName, bool returnsValue = false, ITypeSymbol? createdType = null)
    {
        Document = document;
        Node = node;
        CancellationTokenName = cancellationTokenName;
        ReturnsValue = returnsValue;
        CreatedType = createdType;
    }

    /// <summary>An async member whose expression body becomes <c>return expression;</c> (it returns a value).</summary>
    public bool ReturnsValue { get; }

    /// <summary>The type a target-typed <c>new(...)</c> creates.</summary>
    public ITypeSymbol? CreatedType { get; }

    public DocumentId Document { get; }

    public TNode Node { get; }

    /// <summary>The CancellationToken parameter in scope to pass along, if any.</summary>
    public string? CancellationTokenName { get; }
}
