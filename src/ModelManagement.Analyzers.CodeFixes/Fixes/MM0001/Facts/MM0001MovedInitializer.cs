using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A blocking field or auto-property initializer that moves into the initialization method as an assignment.
/// <c>Declaration</c> is the <see cref="VariableDeclaratorSyntax"/> or <see cref="PropertyDeclarationSyntax"/>; <c>Facts</c>
/// what the initializer's value does with the type's state.
/// </summary>
internal sealed record MM0001MovedInitializer(DocumentId Document, SyntaxNode Declaration, EqualsValueClauseSyntax Initializer, ISymbol Member, MM0001MemberFacts Facts);
