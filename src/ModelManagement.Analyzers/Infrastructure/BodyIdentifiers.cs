using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The names a member's body writes (identifier tokens, read as the compiler reads them: <c>@checked</c> is
/// <c>checked</c>, <c>\u0065</c> is <c>e</c>), for the gates that decide from syntax whether a callee is worth binding
/// (MM0001's blocking summaries, MM0005's write summaries), and for the names a lambda or local function may write
/// (MM0003's carrier locals).
/// </summary>
internal static class BodyIdentifiers
{
    /// <summary>
    /// Adds the identifiers of <paramref name="declaration"/>'s body to <paramref name="names"/>: a method's, constructor's or
    /// operator's block or expression body (its own name and parameter list are no use of anything), any other declaration
    /// (an accessor, a property's arrow, a local function) whole.
    /// </summary>
    public static void Collect(SyntaxNode declaration, HashSet<string> names)
    {
        if (declaration is BaseMethodDeclarationSyntax method)
        {
            Add(method.Body, names);
            Add(method.ExpressionBody, names);
        }
        else
        {
            Add(declaration, names);
        }
    }

    private static void Add(SyntaxNode? node, HashSet<string> names)
    {
        if (node is null)
        {
            return;
        }

        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names.Add(token.ValueText);
            }
        }
    }
}
