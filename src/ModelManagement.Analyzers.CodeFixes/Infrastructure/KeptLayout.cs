using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Keeps the author's layout inside statements a fix wraps (the try of MM0002, the if of MM0003). The wrapper is formatted
/// as a whole by the code action's clean-up, which also re-spaced the statements inside it (<c>LogAsync("a","b")</c>
/// became <c>LogAsync("a", "b")</c>, an aligned argument list lost its alignment). <see cref="Mark"/> records a statement's
/// own text in an annotation before it is wrapped; the fix then formats its result itself (<see cref="FormatAsync"/>, as
/// MM0005's does), and a marked statement the formatter left the same but for whitespace gets its written layout back
/// where the formatter placed it (<see cref="MovedLayout.Shifted"/>). A statement that changed, or
/// that holds a directive or an edit not yet formatted (a Fix All's earlier one), keeps the formatter's layout.
/// </summary>
internal static class KeptLayout
{
    private const string AnnotationKind = "ModelManagement.KeptLayout";

    /// <summary>
    /// <paramref name="statement"/> (in its tree, before it is wrapped) annotated with its indentation and text, when it
    /// starts its line and holds neither directives nor annotations (an earlier edit of a Fix All, not yet formatted).
    /// </summary>
    public static TNode Mark<TNode>(TNode statement)
        where TNode : StatementSyntax
    {
        if (statement.Parent is null || statement.ContainsDirectives || HoldsEdits(statement)
            || MovedLayout.IndentationOf(statement.GetFirstToken()) is not { } indentation)
        {
            return statement;
        }

        return statement.WithAdditionalAnnotations(new SyntaxAnnotation(AnnotationKind, indentation + statement.ToString()));
    }

    /// <summary>
    /// Whether <paramref name="statement"/> holds an edit not yet formatted (a node or token to format, elastic trivia) or an
    /// earlier mark: its text is not the author's layout. (Tracking annotations, as a Fix All's, do not count.)
    /// </summary>
    private static bool HoldsEdits(StatementSyntax statement)
    {
        if (!statement.ContainsAnnotations)
        {
            return false;
        }

        foreach (var _ in statement.GetAnnotatedNodesAndTokens(Formatter.Annotation))
        {
            return true;
        }

        foreach (var _ in statement.GetAnnotatedNodes(AnnotationKind))
        {
            return true;
        }

        foreach (var trivia in statement.DescendantTrivia())
        {
            if (trivia.HasAnnotation(SyntaxAnnotation.ElasticAnnotation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="changed"/> (a fix's result, <paramref name="original"/> before it) formatted now where it carries the
    /// formatter annotation, in the file's own indentation (<see cref="FileIndentation.OptionsAsync"/>), with its marked
    /// statements laid out as written and the formatter annotations taken off — so neither the code action's clean-up nor a
    /// Fix All's (which turns each fixed document into text) formats them again. Unchanged without marks.
    /// </summary>
    public static async Task<Document> FormatAsync(Document changed, Document original, CancellationToken cancellationToken)
    {
        if (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root || !HasMarks(root)
            || await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } originalTree)
        {
            return changed;
        }

        var options = await FileIndentation.OptionsAsync(changed, originalTree, cancellationToken).ConfigureAwait(false);
        var formatted = await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
        if (await formatted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } formattedRoot)
        {
            return formatted;
        }

        var restored = Restore(formattedRoot) ?? formattedRoot;
        return formatted.WithSyntaxRoot(restored.ReplaceSyntax(
            restored.GetAnnotatedNodes(Formatter.Annotation), static (_, node) => node.WithoutAnnotations(Formatter.Annotation),
            GetAnnotatedTokens(restored), static (_, token) => token.WithoutAnnotations(Formatter.Annotation),
            System.Array.Empty<SyntaxTrivia>(), static (_, trivia) => trivia));
    }

    private static bool HasMarks(SyntaxNode root)
    {
        if (root.ContainsAnnotations)
        {
            foreach (var _ in root.GetAnnotatedNodes(AnnotationKind))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<SyntaxToken> GetAnnotatedTokens(SyntaxNode root)
    {
        foreach (var item in root.GetAnnotatedNodesAndTokens(Formatter.Annotation))
        {
            if (item.IsToken)
            {
                yield return item.AsToken();
            }
        }
    }

    /// <summary><paramref name="root"/> with its marked statements laid out as written; null when none changes.</summary>
    public static SyntaxNode? Restore(SyntaxNode root)
    {
        var options = root.SyntaxTree.Options as CSharpParseOptions;
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var formatted in root.GetAnnotatedNodes(AnnotationKind))
        {
            foreach (var annotation in formatted.GetAnnotations(AnnotationKind))
            {
                if (annotation.Data is not { } text)
                {
                    continue;
                }

                var written = SyntaxFactory.ParseStatement(text, 0, options, consumeFullText: true);
                if (!written.ContainsDiagnostics && SyntaxFactory.AreEquivalent(written, formatted, topLevel: false)
                    && MovedLayout.Shifted(written, formatted) is { } restored && restored.ToFullString() != formatted.ToFullString())
                {
                    replacements[formatted] = restored;
                }
            }
        }

        return replacements.Count == 0 ? null : root.ReplaceNodes(replacements.Keys, (node, _) => replacements[node]);
    }
}
