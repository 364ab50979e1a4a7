using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A field or auto-property initializer that moves into the initialization method as an assignment.</summary>
internal sealed class MM0001MovedInitializer
{
    public MM0001MovedInitializer(DocumentId document, SyntaxNode declaration, EqualsValueClauseSyntax initializer, ISymbol member)
    {
        Document = document;
        Declaration = declaration;
        Initializer = initializer;
        Member = member;
    }

    public DocumentId Document { get; }

    /// <summary>The <see cref="VariableDeclaratorSyntax"/> or <see cref="PropertyDeclarationSyntax"/>.</summary>
    public SyntaxNode Declaration { get; }

    public EqualsValueClauseSyntax Initializer { get; }

    public ISymbol Member { get; }
}
