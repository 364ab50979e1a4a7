using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>One declaration of the (possibly partial) type, with the semantic model of its document.</summary>
internal sealed record MM0001TypePart(Document Document, TypeDeclarationSyntax Declaration, SemanticModel Model);
