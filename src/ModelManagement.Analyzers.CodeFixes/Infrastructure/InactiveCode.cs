using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Code the compiler skips in this compilation: the branches of <c>#if</c>/<c>#elif</c>/<c>#else</c> whose condition is
/// false here (another configuration's <c>#if DEBUG</c>, another target framework's <c>#if NET8_0_OR_GREATER</c>). A fix
/// sees no symbols there, so a rewrite that renames or retypes a member, makes a constructor private or must add an await
/// to every reader would leave that code behind — and the other configuration would fail to compile, or run without the
/// await. Fixes refuse when such text names what they change.
/// </summary>
internal static class InactiveCode
{
    /// <summary>Whether skipped text inside <paramref name="node"/> contains one of <paramref name="names"/> as a whole word.</summary>
    public static bool MentionsAny(SyntaxNode node, IEnumerable<string> names)
    {
        if (!node.ContainsDirectives)
        {
            return false; // skipped text always follows a directive
        }

        foreach (var trivia in node.DescendantTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                continue;
            }

            var text = trivia.ToString();
            foreach (var name in names)
            {
                if (ContainsWord(text, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether skipped text in any declaration of <paramref name="type"/> contains one of <paramref name="names"/>.</summary>
    public static bool MentionsAny(INamedTypeSymbol type, IEnumerable<string> names, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (MentionsAny(reference.GetSyntax(cancellationToken), names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> with no identifier character on either side.</summary>
    internal static bool ContainsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(word, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, System.StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !SyntaxFacts.IsIdentifierPartCharacter(text[at - 1]))
                && (end == text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
