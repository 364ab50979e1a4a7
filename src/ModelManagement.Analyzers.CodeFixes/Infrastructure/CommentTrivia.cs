using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The comments a rewrite would drop with the tokens it replaces, and how to put them back on one line: shared by the
/// fixes that rebuild an expression or statement around a call they keep (MM0002's helper, MM0004's branch, MM0005's
/// <c>??=</c>).
/// </summary>
internal static class CommentTrivia
{
    public static bool IsComment(SyntaxTrivia trivia)
        => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    /// <summary>
    /// The comments of <paramref name="scope"/>, in order, outside <paramref name="kept"/> (the part the rewrite keeps, with
    /// its own comments) and after the scope's start (its leading trivia stays with it); its trailing trivia only when
    /// <paramref name="withTrailing"/>.
    /// </summary>
    public static List<SyntaxTrivia> Outside(SyntaxNode scope, TextSpan kept, bool withTrailing)
    {
        var comments = new List<SyntaxTrivia>();
        foreach (var trivia in scope.DescendantTrivia())
        {
            if (IsComment(trivia)
                && trivia.SpanStart >= scope.SpanStart
                && (withTrailing || trivia.Span.End <= scope.Span.End)
                && !kept.Contains(trivia.Span))
            {
                comments.Add(trivia);
            }
        }

        return comments;
    }

    /// <summary>
    /// The comments of a <paramref name="statement"/> the rewrite removes, as whole lines for the place it leaves (before the
    /// next token): the lines above it as they stand, up to its own indentation, and every other comment (inside it, at
    /// the end of its line) on a line of its own at that indentation. Empty when it has none.
    /// </summary>
    public static List<SyntaxTrivia> LinesOf(SyntaxNode statement)
    {
        var lines = new List<SyntaxTrivia>();
        var leading = statement.GetLeadingTrivia();
        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        var indentation = end < leading.Count ? leading[leading.Count - 1] : SyntaxFactory.Whitespace(string.Empty);
        var above = false;
        for (var i = 0; i < end; i++)
        {
            above |= IsComment(leading[i]);
        }

        if (above)
        {
            for (var i = 0; i < end; i++)
            {
                lines.Add(leading[i]);
            }
        }

        var newLine = SyntaxFactory.EndOfLine(DocumentationComments.NewLine(statement.SyntaxTree));
        foreach (var comment in Outside(statement, default, withTrailing: true))
        {
            lines.Add(indentation);
            lines.Add(comment);
            lines.Add(newLine);
        }

        return lines;
    }

    /// <summary>
    /// <paramref name="trivia"/> without its comments and the spaces in front of them (<c> // note⏎</c> becomes <c>⏎</c>):
    /// for the place a comment moves away from.
    /// </summary>
    public static SyntaxTriviaList Without(SyntaxTriviaList trivia)
    {
        var kept = new List<SyntaxTrivia>();
        for (var i = 0; i < trivia.Count; i++)
        {
            if (IsComment(trivia[i]))
            {
                while (kept.Count > 0 && kept[kept.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(trivia[i]);
        }

        return SyntaxFactory.TriviaList(kept);
    }

    /// <summary>
    /// <paramref name="comments"/> as trailing trivia: each after a space, a comment after a <c>//</c> comment on a new line
    /// (the <c>//</c> would swallow it), and a final line break after a closing <c>//</c> comment when
    /// <paramref name="codeFollows"/> on the same line.
    /// </summary>
    public static List<SyntaxTrivia> OnOneLine(List<SyntaxTrivia> comments, bool codeFollows)
    {
        var result = new List<SyntaxTrivia>();
        foreach (var comment in comments)
        {
            result.Add(result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia)
                ? SyntaxFactory.ElasticCarriageReturnLineFeed
                : SyntaxFactory.Space);
            result.Add(comment);
        }

        if (codeFollows && result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia))
        {
            result.Add(SyntaxFactory.ElasticCarriageReturnLineFeed);
        }

        return result;
    }
}
