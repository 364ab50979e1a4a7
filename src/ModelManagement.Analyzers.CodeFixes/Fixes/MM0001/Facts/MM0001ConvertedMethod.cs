using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>An own method on the blocking path that becomes <c>async Task</c>/<c>async Task&lt;T&gt;</c> named <c>NewName</c>.</summary>
internal sealed record MM0001ConvertedMethod(DocumentId Document, MethodDeclarationSyntax Declaration, string NewName);
