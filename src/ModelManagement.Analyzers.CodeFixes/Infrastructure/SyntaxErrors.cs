using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Half-typed code, which no fix rewrites: a rewrite would build on the parser's guesses.</summary>
internal static class SyntaxErrors
{
    private const int MaxAncestorDepth = 64;

    /// <summary>
    /// Whether the member around <paramref name="node"/> (method, accessor, field initializer, top-level statement — with its
    /// local functions and lambdas) has missing or skipped tokens or other syntax errors (MM0002: a try around
    /// <c>await LogAsync(</c> and a stray brace; MM0004: <c>if (!ok) throw …</c> glued after <c>var ok = Validate(s</c>).
    /// </summary>
    public static bool InEnclosingMember(SyntaxNode node)
    {
        var depth = 0;
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax)
            {
                return ancestor.ContainsDiagnostics;
            }

            if (++depth > MaxAncestorDepth)
            {
                break;
            }
        }

        return node.SyntaxTree.GetRoot().ContainsDiagnostics;
    }
}
