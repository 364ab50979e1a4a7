using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Formatting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Keeps a fixed file's own indentation. The formatting a code action ends with indents by the options in force
/// (<c>.editorconfig</c>'s <c>indent_style</c>/<c>indent_size</c>, four spaces without one): in a file indented otherwise —
/// two spaces in a repository without <c>.editorconfig</c>, tabs under a spaces section — the new lines came out four
/// spaces a level, and so did the untouched lines the formatted spans reach (a constructor's signature, the statement
/// after an edit, a class's closing brace: two independent consumers). A file whose blocks clearly indent one way (a tab,
/// or the same number of spaces, for at least three quarters of the blocks that show it) has the lines the clean-up
/// changed formatted again with that indentation; a file that shows no clear way, or the way the options say, is left as
/// the clean-up wrote it. The same goes for a braced case section's layout (<c>csharp_indent_case_contents_when_block</c>):
/// in a file whose case-section braces sit at the label's column, Roslyn's default (one level in) put the lines the
/// clean-up formatted inside such a section — a fix's new statements and the untouched <c>break;</c> after them — two
/// levels below the braces it did not move (a helper's real-file check).
/// </summary>
internal static class FileIndentation
{
    private const int MaxSamples = 200;

    private static readonly ConditionalWeakTable<SyntaxTree, Layout> Layouts = new();

    /// <summary>One level of indentation: a tab (<paramref name="UseTabs"/>), or <paramref name="Spaces"/> spaces.</summary>
    internal readonly record struct Style(bool UseTabs, int Spaces)
    {
        public string Unit => UseTabs ? "\t" : new string(' ', Spaces);
    }

    /// <summary>
    /// What a file's layout clearly shows: its indentation (<paramref name="Indent"/>) and whether a braced case
    /// section's braces sit one level in from its label (<paramref name="IndentsCaseBlocks"/>); null where it shows no
    /// clear one.
    /// </summary>
    internal sealed record Layout(Style? Indent, bool? IndentsCaseBlocks);

    /// <summary>The indentation the blocks of <paramref name="tree"/> clearly use, or null when they show no clear one.</summary>
    public static Style? Of(SyntaxTree tree, CancellationToken cancellationToken) => LayoutOf(tree, cancellationToken).Indent;

    /// <summary>What the layout of <paramref name="tree"/> clearly shows (cached per tree).</summary>
    public static Layout LayoutOf(SyntaxTree tree, CancellationToken cancellationToken)
        => Layouts.GetValue(tree, t => Detect(t, cancellationToken));

    /// <summary>
    /// The options to format <paramref name="document"/> with in its file's own layout, read from
    /// <paramref name="original"/> (the tree before the fix): the document's options with the indentation and case-block
    /// layout the file clearly shows, or null when it shows none clearly or only what the options already say.
    /// </summary>
    public static async Task<OptionSet?> OptionsAsync(Document document, SyntaxTree original, CancellationToken cancellationToken)
    {
        var layout = LayoutOf(original, cancellationToken);
        if (layout is { Indent: null, IndentsCaseBlocks: null })
        {
            return null;
        }

        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        OptionSet result = options;
        if (layout.Indent is { } style)
        {
            var useTabs = options.GetOption(FormattingOptions.UseTabs);
            var size = options.GetOption(FormattingOptions.IndentationSize);
            if (style.UseTabs != useTabs || (!useTabs && style.Spaces != size))
            {
                result = result
                    .WithChangedOption(FormattingOptions.UseTabs, LanguageNames.CSharp, style.UseTabs)
                    .WithChangedOption(FormattingOptions.IndentationSize, LanguageNames.CSharp, style.UseTabs ? options.GetOption(FormattingOptions.TabSize) : style.Spaces);
            }
        }

        if (layout.IndentsCaseBlocks is { } indents && options.GetOption(CSharpFormattingOptions.IndentSwitchCaseSectionWhenBlock) != indents)
        {
            result = result.WithChangedOption(CSharpFormattingOptions.IndentSwitchCaseSectionWhenBlock, indents);
        }

        return ReferenceEquals(result, options) ? null : result;
    }

    /// <summary>
    /// <paramref name="changed"/> (a fix's result, after its clean-up) with each changed document whose file in
    /// <paramref name="original"/> clearly lays out otherwise than the options say formatted again with the file's
    /// layout (<see cref="OptionsAsync"/>), on the lines that differ from the original (<see cref="SyntaxTree.GetChangedSpans"/>, widened to
    /// whole lines): the lines the fix wrote, and those the clean-up re-indented around them. Lines the clean-up left as
    /// they were are not touched. Such a document's text is set anew, so no later clean-up formats it back.
    /// </summary>
    public static async Task<Solution> RestoreAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var result = changed;
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                if (original.GetDocument(id) is not { } before || result.GetDocument(id) is not { } after
                    || await before.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } oldTree
                    || await after.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } newTree
                    || await OptionsAsync(after, oldTree, cancellationToken).ConfigureAwait(false) is not { } options)
                {
                    continue;
                }

                var text = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var spans = WholeLines(text, newTree.GetChangedSpans(oldTree));
                if (spans.Count == 0)
                {
                    continue;
                }

                var formatted = await Formatter.FormatAsync(after, spans, options, cancellationToken).ConfigureAwait(false);
                result = result.WithDocumentText(id, await formatted.GetTextAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return result;
    }

    /// <summary><paramref name="spans"/> widened to the whole lines they touch, merged where they meet, in order.</summary>
    private static List<TextSpan> WholeLines(SourceText text, IList<TextSpan> spans)
    {
        var lines = new List<TextSpan>(spans.Count);
        foreach (var span in spans.OrderBy(static s => s.Start))
        {
            var start = text.Lines.GetLineFromPosition(span.Start).Start;
            var end = text.Lines.GetLineFromPosition(span.End).End;
            if (lines.Count > 0 && start <= lines[lines.Count - 1].End + 2)
            {
                var last = lines[lines.Count - 1];
                lines[lines.Count - 1] = TextSpan.FromBounds(last.Start, System.Math.Max(last.End, end));
            }
            else
            {
                lines.Add(TextSpan.FromBounds(start, end));
            }
        }

        return lines;
    }

    private static Layout Detect(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!tree.TryGetText(out var text) || !tree.TryGetRoot(out var root))
        {
            text = tree.GetText(cancellationToken);
            root = tree.GetRoot(cancellationToken);
        }

        var tabs = 0;
        var samples = 0;
        var spaces = new int[9]; // spaces[n]: blocks whose first member or statement is n spaces in from the block's line
        var caseBlocksAtLabel = 0;
        var caseBlocksIndented = 0;
        foreach (var node in root.DescendantNodes(static n => n is not (ExpressionSyntax or AttributeListSyntax)))
        {
            if (node is SwitchSectionSyntax { Labels.Count: > 0, Statements: [BlockSyntax { OpenBraceToken.IsMissing: false } caseBlock, ..] } section
                && StartsLine(text, caseBlock.OpenBraceToken) && StartsLine(text, section.Labels[0].GetFirstToken()))
            {
                var label = Indentation(text, section.SpanStart);
                var brace = Indentation(text, caseBlock.OpenBraceToken.SpanStart);
                if (brace == label)
                {
                    caseBlocksAtLabel++;
                }
                else if (brace.Length > label.Length && brace.StartsWith(label, System.StringComparison.Ordinal))
                {
                    caseBlocksIndented++;
                }

                continue;
            }

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
        Style? indent = tabs >= 2 && tabs * 4 >= samples * 3 ? new Style(true, 0)
            : spaces[best] >= 2 && spaces[best] * 4 >= samples * 3 ? new Style(false, best)
            : null;

        // Case-section braces: clear from one section on, when at least three in four of those that show it agree.
        var caseSamples = caseBlocksAtLabel + caseBlocksIndented;
        bool? indentsCaseBlocks = caseBlocksAtLabel * 4 >= caseSamples * 3 && caseBlocksAtLabel > 0 ? false
            : caseBlocksIndented * 4 >= caseSamples * 3 && caseBlocksIndented > 0 ? true
            : null;
        return new Layout(indent, indentsCaseBlocks);
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
