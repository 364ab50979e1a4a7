using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>An own method on the blocking path that becomes <c>async Task</c>/<c>async Task&lt;T&gt;</c>.</summary>
internal sealed class MM0001ConvertedMethod
{
    public MM0001ConvertedMethod(DocumentId document, MethodDeclarationSyntax declaration, string newName)
    {
        Document = document;
        Declaration = declaration;
        NewName = newName;
    }

    public DocumentId Document { get; }

    public MethodDeclarationSyntax Declaration { get; }

    public string NewName { get; }
}
