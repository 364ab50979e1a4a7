using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A wait MM0001 reports (not suppressed): where it is, what blocks, the diagnostic's <c>Form</c> and <c>Site</c> properties,
/// and the constructor whose body holds it (null for a field or property initializer).
/// </summary>
internal sealed record MM0001Site(MM0001TypePart Part, SyntaxNode Node, IOperation Operation, string Form, string Site, ConstructorDeclarationSyntax? Constructor = null);
