using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Fields and properties the moved code assigns: they lose <c>readonly</c> (or gain a setter) and may need <c>= null!</c>.</summary>
internal sealed class MM0001StateMember
{
    public MM0001StateMember(DocumentId document, SyntaxNode declaration, bool removeReadOnly, bool addSetter, bool addNullForgivingInitializer, bool isTypeParameter, bool movesInitializer)
    {
        MovesInitializer = movesInitializer;
        Document = document;
        Declaration = declaration;
        RemoveReadOnly = removeReadOnly;
        AddSetter = addSetter;
        AddNullForgivingInitializer = addNullForgivingInitializer;
        IsTypeParameter = isTypeParameter;
    }

    public DocumentId Document { get; }

    /// <summary>The <see cref="VariableDeclaratorSyntax"/> of a field or the <see cref="PropertyDeclarationSyntax"/>.</summary>
    public SyntaxNode Declaration { get; }

    public bool RemoveReadOnly { get; }

    /// <summary>The member's initializer blocks and moves into the initialization method.</summary>
    public bool MovesInitializer { get; }

    public bool AddSetter { get; }

    public bool AddNullForgivingInitializer { get; }

    /// <summary>The member's type is a type parameter: <c>= default!</c> rather than <c>= null!</c>.</summary>
    public bool IsTypeParameter { get; }
}
