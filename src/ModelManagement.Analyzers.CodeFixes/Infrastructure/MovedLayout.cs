using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Keeps the layout of statements a fix moves verbatim into a new member that the formatter then formats whole: the
/// formatter places each moved statement's first line, and the statement's other lines keep their own layout relative to
/// it, as the author wrote them. Left to the formatter, a multi-line collection expression moved into a new
/// <c>InitializeAsync</c> had its brackets and first element re-indented but not the others (a real repository's
/// <c>List&lt;Task&gt; tasks = [ … ];</c>). Usage: <see cref="Mark"/> each moved node while building the new member, format,
/// then <see cref="Restore"/> the formatted root.
/// </summary>
internal sealed class MovedLayout
{
    private const string AnnotationKind = "ModelManagement.MovedLayout";

    private readonly List<(SyntaxAnnotation Annotation, SyntaxNode Original)> _moved = new();

    /// <summary><paramref name="node"/>, marked so that <see cref="Restore"/> finds it and its layout before formatting.</summary>
    public TNode Mark<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        var annotation = new SyntaxAnnotation(AnnotationKind);
        var marked = node.WithAdditionalAnnotations(annotation);
        _moved.Add((annotation, marked));
        return marked;
    }

    /// <summary>
    /// <paramref name="formattedRoot"/> with each marked node as it was marked, its lines after the first shifted by
    /// what the formatter changed in the first line's indentation, between the trivia the formatter gave it (the first
    /// line's indentation, comments above it, its line end). A node whose first line does not start a line, or whose
    /// lines are not indented from the first one's indentation, keeps the formatter's layout.
    /// </summary>
    public SyntaxNode Restore(SyntaxNode formattedRoot)
    {
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var (annotation, original) in _moved)
        {
            foreach (var formatted in formattedRoot.GetAnnotatedNodes(annotation))
            {
                if (Shifted(original, formatted) is { } restored)
                {
                    replacements[formatted] = restored;
                }
            }
        }

        return replacements.Count == 0 ? formattedRoot : formattedRoot.ReplaceNodes(replacements.Keys, (node, _) => replacements[node]);
    }

    /// <summary>
    /// <paramref name="original"/> placed where the formatter placed <paramref name="formatted"/> (the same node after
    /// formatting): its lines after the first shifted by what the formatter changed in the first line's indentation,
    /// between the trivia the formatter gave it; null when either first line does not start a line. Shared with
    /// <see cref="KeptLayout"/>.
    /// </summary>
    public static SyntaxNode? Shifted(SyntaxNode original, SyntaxNode formatted)
        => IndentationOf(original.GetFirstToken()) is { } before && IndentationOf(formatted.GetFirstToken()) is { } after
            ? Statements.WithLinesAfterTheFirstShifted(original, before, after)
                .WithLeadingTrivia(WithCommentsShifted(original.GetLeadingTrivia(), formatted.GetLeadingTrivia()))
                .WithTrailingTrivia(formatted.GetTrailingTrivia())
            : null;

    /// <summary>
    /// <paramref name="formatted"/> (the moved node's leading trivia after formatting) with each multi-line <c>/* */</c>
    /// comment as it was in <paramref name="original"/>, its lines after the first shifted by what the formatter changed
    /// in the comment's own indentation: the formatter moves those lines by how far it believes the comment moved,
    /// measured in the new member before formatting, so a comment moved into it lost most of its second line's indentation.
    /// </summary>
    private static SyntaxTriviaList WithCommentsShifted(SyntaxTriviaList original, SyntaxTriviaList formatted)
    {
        var originals = MultiLineComments(original);
        var placed = MultiLineComments(formatted);
        if (originals.Count == 0 || originals.Count != placed.Count)
        {
            return formatted;
        }

        var result = formatted;
        for (var i = placed.Count - 1; i >= 0; i--)
        {
            var (comment, indentation) = originals[i];
            var (index, newIndentation) = placed[i];
            if (indentation is null || newIndentation is null)
            {
                continue;
            }

            var text = ShiftLinesAfterTheFirst(original[comment].ToString(), indentation, newIndentation);
            if (text != result[index].ToString())
            {
                result = result.Replace(result[index], SyntaxFactory.Comment(text));
            }
        }

        return result;
    }

    /// <summary>The index of each multi-line comment in <paramref name="trivia"/> that spans lines, with the whitespace before it when it starts its line.</summary>
    private static List<(int Index, string? Indentation)> MultiLineComments(SyntaxTriviaList trivia)
    {
        var comments = new List<(int, string?)>();
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.MultiLineCommentTrivia) && trivia[i].ToString().IndexOf('\n') >= 0)
            {
                var indentation = i > 0 && trivia[i - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? trivia[i - 1].ToString() : string.Empty;
                var start = indentation.Length > 0 ? i - 1 : i;
                comments.Add((i, start == 0 || trivia[start - 1].IsKind(SyntaxKind.EndOfLineTrivia) ? indentation : null));
            }
        }

        return comments;
    }

    /// <summary><paramref name="text"/> with each line after the first that begins with <paramref name="before"/> beginning with <paramref name="after"/> instead.</summary>
    private static string ShiftLinesAfterTheFirst(string text, string before, string after)
    {
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(before, System.StringComparison.Ordinal))
            {
                lines[i] = after + lines[i].Substring(before.Length);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The whitespace before <paramref name="token"/> when it starts its line (empty at the margin); else null.</summary>
    public static string? IndentationOf(SyntaxToken token)
    {
        var leading = token.LeadingTrivia;
        var index = leading.Count - 1;
        var indentation = string.Empty;
        if (index >= 0 && leading[index].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            indentation = leading[index].ToString();
            index--;
        }

        if (index >= 0)
        {
            return leading[index].IsKind(SyntaxKind.EndOfLineTrivia) || leading[index].IsDirective ? indentation : null;
        }

        // Nothing but indentation before it: it starts a line when the token before it ends one (or it starts the file).
        var previous = token.GetPreviousToken(includeZeroWidth: true);
        return previous.RawKind == 0 || (previous.TrailingTrivia.Count > 0 && previous.TrailingTrivia[previous.TrailingTrivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            ? indentation
            : null;
    }
}
