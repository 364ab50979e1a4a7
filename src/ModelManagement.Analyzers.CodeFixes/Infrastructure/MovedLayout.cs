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

    private static SyntaxNode? Shifted(SyntaxNode original, SyntaxNode formatted)
        => IndentationOf(original.GetFirstToken()) is { } before && IndentationOf(formatted.GetFirstToken()) is { } after
            ? Statements.WithLinesAfterTheFirstShifted(original, before, after)
                .WithLeadingTrivia(formatted.GetLeadingTrivia())
                .WithTrailingTrivia(formatted.GetTrailingTrivia())
            : null;

    /// <summary>The whitespace before <paramref name="token"/> when it starts its line (empty at the margin); else null.</summary>
    private static string? IndentationOf(SyntaxToken token)
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
