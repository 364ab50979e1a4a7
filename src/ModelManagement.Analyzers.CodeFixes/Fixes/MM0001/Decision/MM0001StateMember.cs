using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A field (its <c>VariableDeclaratorSyntax</c>) or property the moved code assigns, and what changes so the assignment
/// compiles outside the constructor: <c>readonly</c> removed, a setter added, <c>= null!</c> (<c>= default!</c> for a type
/// parameter) added under nullable warnings, or its blocking initializer moved into the initialization method.
/// </summary>
internal sealed record MM0001StateMember(
    DocumentId Document,
    SyntaxNode Declaration,
    bool RemoveReadOnly,
    bool AddSetter,
    bool AddNullForgivingInitializer,
    bool IsTypeParameter,
    bool MovesInitializer);
