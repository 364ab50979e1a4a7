using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>One declaration of the (possibly partial) type, with the semantic model of its document.</summary>
internal sealed record MM0001TypePart(Document Document, TypeDeclarationSyntax Declaration, SemanticModel Model)
{
    /// <summary>The declaration among <paramref name="parts"/> that holds <paramref name="node"/>, or null.</summary>
    public static MM0001TypePart? Find(ImmutableArray<MM0001TypePart> parts, SyntaxNode node)
    {
        foreach (var part in parts)
        {
            if (part.Declaration.SyntaxTree == node.SyntaxTree && part.Declaration.Span.Contains(node.Span))
            {
                return part;
            }
        }

        return null;
    }
}
