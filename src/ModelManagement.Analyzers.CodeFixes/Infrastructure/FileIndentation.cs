using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Keeps a fixed file's own indentation. The formatting a code action ends with indents by the options in force
/// (<c>.editorconfig</c>'s <c>indent_style</c>/<c>indent_size</c>, four spaces without one): in a file indented otherwise —
/// two spaces in a repository without <c>.editorconfig</c>, tabs under a spaces section — the new lines came out four
/// spaces a level, and so did the untouched lines the formatted spans reach (a constructor's signature, the statement
/// after an edit, a class's closing brace: two independent consumers). A file whose blocks clearly indent one way (a tab,
/// or the same number of spaces, for at least three quarters of the blocks that show it) is cleaned up by the fix itself
/// with that indentation, before the code action's own clean-up (<see cref="FormatAsync(Document, Document, CancellationToken)"/>);
/// a file that shows no clear way, or the way the options say, is left to that clean-up.
/// </summary>
internal static class FileIndentation
{
    private const int MaxSamples = 200;

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<Style?>> Styles = new();

    /// <summary>One level of indentation: a tab (<paramref name="UseTabs"/>), or <paramref name="Spaces"/> spaces.</summary>
    internal readonly record struct Style(bool UseTabs, int Spaces)
    {
        public string Unit => UseTabs ? "\t" : new string(' ', Spaces);
    }

    /// <summary>The indentation the blocks of <paramref name="tree"/> clearly use, or null when they show no clear one.</summary>
    public static Style? Of(SyntaxTree tree, CancellationToken cancellationToken)
        => Styles.GetValue(tree, t => new StrongBox<Style?>(Detect(t, cancellationToken))).Value;

    /// <summary>One level of the indentation of <paramref name="tree"/>: its own when clear, else four spaces.</summary>
    public static string Unit(SyntaxTree tree, CancellationToken cancellationToken = default)
        => Of(tree, cancellationToken)?.Unit ?? "    ";

    /// <summary>
    /// The options to format <paramref name="document"/> with in its file's own indentation, read from
    /// <paramref name="original"/> (the tree before the fix): the document's options with that indentation, or null when
    /// the file shows no clear one or the one the options already say.
    /// </summary>
    public static async Task<OptionSet?> OptionsAsync(Document document, SyntaxTree original, CancellationToken cancellationToken)
    {
        if (Of(original, cancellationToken) is not { } style)
        {
            return null;
        }

        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        var useTabs = options.GetOption(FormattingOptions.UseTabs);
        var size = options.GetOption(FormattingOptions.IndentationSize);
        if (style.UseTabs == useTabs && (useTabs || style.Spaces == size))
        {
            return null;
        }

        return options
            .WithChangedOption(FormattingOptions.UseTabs, style.UseTabs)
            .WithChangedOption(FormattingOptions.IndentationSize, style.UseTabs ? options.GetOption(FormattingOptions.TabSize) : style.Spaces);
    }

    /// <summary>
    /// <paramref name="fix"/>, whose document then keeps the indentation of <paramref name="original"/>'s file
    /// (<see cref="FormatAsync(Document, Document, CancellationToken)"/>): what a single fix's code action runs.
    /// </summary>
    public static Func<CancellationToken, Task<Document>> Keeping(Document original, Func<CancellationToken, Task<Document>> fix)
        => async cancellationToken => await FormatAsync(original, await fix(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <paramref name="changed"/> (a fix's result, before the code action's clean-up) cleaned up as that clean-up would —
    /// simplified, then formatted where the fix asked for it (the formatter's annotation, elastic trivia) — but with the
    /// indentation of <paramref name="original"/>'s file, when it clearly has one the options do not say; its text is
    /// then set anew, without annotations, so the clean-up that follows finds nothing left to format. Otherwise
    /// <paramref name="changed"/> itself, for the clean-up to format by the options. Formatting once with the file's step
    /// (not by the options, then again by the file's) keeps the lines the formatter moves by their anchor's shift — a
    /// multi-line comment's inner lines, an argument after an <c>#if</c> — where they belong (a helper's real 2-space files).
    /// </summary>
    public static async Task<Document> FormatAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        if (changed == original
            || await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } tree
            || await OptionsAsync(changed, tree, cancellationToken).ConfigureAwait(false) is not { } options)
        {
            return changed;
        }

        var document = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, SyntaxAnnotation.ElasticAnnotation, options, cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(SourceText.From(text.ToString(), text.Encoding, text.ChecksumAlgorithm));
    }

    /// <summary><see cref="FormatAsync(Document, Document, CancellationToken)"/> for each document of <paramref name="changed"/> the fix changed.</summary>
    public static async Task<Solution> FormatAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var result = changed;
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments())
            {
                if (original.GetDocument(id) is { } before && result.GetDocument(id) is { } after)
                {
                    var formatted = await FormatAsync(before, after, cancellationToken).ConfigureAwait(false);
                    if (formatted != after)
                    {
                        result = result.WithDocumentText(id, await formatted.GetTextAsync(cancellationToken).ConfigureAwait(false));
                    }
                }
            }
        }

        return result;
    }

    private static Style? Detect(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!tree.TryGetText(out var text) || !tree.TryGetRoot(out var root))
        {
            text = tree.GetText(cancellationToken);
            root = tree.GetRoot(cancellationToken);
        }

        var tabs = 0;
        var samples = 0;
        var spaces = new int[9]; // spaces[n]: blocks whose first member or statement is n spaces in from the block's line
        foreach (var node in root.DescendantNodes(static n => n is not (ExpressionSyntax or AttributeListSyntax)))
        {
            // A block and its first member or statement.
            var (open, first) = node switch
            {
                BlockSyntax { Statements.Count: > 0 } block => (block.OpenBraceToken, (SyntaxNode?)block.Statements[0]),
                TypeDeclarationSyntax { Members.Count: > 0 } type => (type.OpenBraceToken, type.Members[0]),
                NamespaceDeclarationSyntax { Members.Count: > 0 } declaration => (declaration.OpenBraceToken, declaration.Members[0]),
                EnumDeclarationSyntax { Members.Count: > 0 } enumeration => (enumeration.OpenBraceToken, enumeration.Members[0]),
                _ => (default, null),
            };
            if (first is null)
            {
                continue;
            }

            if (open.IsMissing || !StartsLine(text, first.GetFirstToken()))
            {
                continue;
            }

            var outer = Indentation(text, open.SpanStart);
            var inner = Indentation(text, first.GetFirstToken().SpanStart);
            if (inner.Length <= outer.Length || !inner.StartsWith(outer, System.StringComparison.Ordinal)
                || text.Lines.GetLineFromPosition(open.SpanStart).LineNumber == text.Lines.GetLineFromPosition(first.SpanStart).LineNumber)
            {
                continue;
            }

            var step = inner.Substring(outer.Length);
            if (step == "\t")
            {
                tabs++;
            }
            else if (step.Length < spaces.Length && step.Trim(' ').Length == 0)
            {
                spaces[step.Length]++;
            }

            if (++samples >= MaxSamples)
            {
                break;
            }
        }

        var best = 1;
        for (var n = 2; n < spaces.Length; n++)
        {
            if (spaces[n] > spaces[best])
            {
                best = n;
            }
        }

        // Clear: at least two blocks show it, and at least three in four of the blocks that show any step.
        return tabs >= 2 && tabs * 4 >= samples * 3 ? new Style(true, 0)
            : spaces[best] >= 2 && spaces[best] * 4 >= samples * 3 ? new Style(false, best)
            : null;
    }

    private static bool StartsLine(SourceText text, SyntaxToken token)
    {
        var line = text.Lines.GetLineFromPosition(token.SpanStart);
        for (var i = line.Start; i < token.SpanStart; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The white space that starts the line holding <paramref name="position"/>.</summary>
    private static string Indentation(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }
}
