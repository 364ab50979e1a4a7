using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Documentation comments of members a fix writes, moves or replaces, and the line ending new text uses.</summary>
internal static class DocumentationComments
{
    /// <summary>
    /// True when a new member of <paramref name="containingType"/> with <paramref name="accessibility"/> would draw CS1591
    /// (missing XML comment): the project checks documentation comments and the member is visible outside the assembly.
    /// </summary>
    public static bool AreRequired(INamedTypeSymbol containingType, Accessibility accessibility, SyntaxTree tree)
    {
        if (tree.Options.DocumentationMode < DocumentationMode.Diagnose || !IsVisibleOutside(accessibility))
        {
            return false;
        }

        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            if (!IsVisibleOutside(type.DeclaredAccessibility))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Leading trivia <c>/// &lt;summary&gt;text&lt;/summary&gt;</c> on its own line, for a member the formatter indents.</summary>
    public static SyntaxTriviaList Summary(string text, SyntaxTree tree)
        => SyntaxFactory.ParseLeadingTrivia("/// <summary>" + text + "</summary>" + NewLine(tree)).Insert(0, SyntaxFactory.ElasticMarker);

    /// <summary>The documentation comment of <paramref name="node"/> with the indentation before it, or an empty list.</summary>
    public static SyntaxTriviaList Of(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var index = IndexOfDocumentation(leading);
        if (index < 0)
        {
            return SyntaxTriviaList.Empty;
        }

        return index > 0 && leading[index - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[index - 1], leading[index])
            : SyntaxFactory.TriviaList(leading[index]);
    }

    /// <summary><paramref name="node"/> without its documentation comment (and the indentation before it).</summary>
    public static TNode Without<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        var leading = node.GetLeadingTrivia();
        var index = IndexOfDocumentation(leading);
        if (index < 0)
        {
            return node;
        }

        var start = index > 0 && leading[index - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? index - 1 : index;
        var kept = new List<SyntaxTrivia>(leading.Count);
        for (var i = 0; i < leading.Count; i++)
        {
            if (i < start || i > index)
            {
                kept.Add(leading[i]);
            }
        }

        return node.WithLeadingTrivia(kept);
    }

    /// <summary>The line ending <paramref name="tree"/> uses (its first one), <c>\n</c> for a one-line file.</summary>
    public static string NewLine(SyntaxTree tree)
    {
        foreach (var trivia in tree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    private static int IndexOfDocumentation(SyntaxTriviaList trivia)
    {
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia[i].IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsVisibleOutside(Accessibility accessibility)
        => accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
}
