using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Keeps a fixed file's line endings. The formatting a code action ends with writes new and re-indented lines with the
/// host's newline when <c>.editorconfig</c> sets no <c>end_of_line</c> (<c>\n</c> for <c>dotnet format</c> on Linux), so a
/// CRLF file came out with mixed endings (an independent consumer). Every action of these fixes (single fixes and Fix
/// All) is wrapped: after the wrapped action's own clean-up, a document whose original text used one line ending
/// throughout gets it back everywhere — also when <c>.editorconfig</c>'s <c>end_of_line</c> names the other one (a real
/// repository's LF files under <c>end_of_line = crlf</c> came out with CRLF new lines and LF reused ones, mixed): a fix
/// changes a few lines, and a file of one kind stays of one kind; <c>dotnet format whitespace</c> converts whole files.
/// A file already mixed is left as the formatter writes it. The same wrapper keeps the file's own indentation
/// (<see cref="FileIndentation"/>).
/// </summary>
internal static class LineEndings
{
    /// <summary>Registers <paramref name="action"/> for <paramref name="diagnostic"/>, keeping line endings.</summary>
    public static void Register(CodeFixContext context, CodeAction action, Diagnostic diagnostic)
        => context.RegisterCodeFix(Preserving(action, context.Document.Project.Solution), diagnostic);

    /// <summary>The action, keeping the line endings of the documents it changes in <paramref name="original"/>.</summary>
    public static CodeAction Preserving(CodeAction action, Solution original) => new PreservingAction(action, original);

    /// <summary>The provider, whose Fix All actions keep line endings as <see cref="Preserving(CodeAction, Solution)"/> does.</summary>
    public static FixAllProvider Preserving(FixAllProvider provider) => new PreservingFixAllProvider(provider);

    /// <summary>
    /// <paramref name="changed"/> with each changed document's line endings made those of its text in
    /// <paramref name="original"/>, when that text used one kind only.
    /// </summary>
    public static async Task<Solution> RestoreAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var result = changed;
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                if (original.GetDocument(id) is not { } before || result.GetDocument(id) is not { } after)
                {
                    continue;
                }

                var newLine = SingleNewLine(await before.GetTextAsync(cancellationToken).ConfigureAwait(false));
                if (newLine is null)
                {
                    continue;
                }

                var text = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var content = text.ToString();
                var normalized = Normalize(content, newLine);
                if (!ReferenceEquals(normalized, content))
                {
                    result = result.WithDocumentText(id, SourceText.From(normalized, text.Encoding, text.ChecksumAlgorithm));
                }
            }
        }

        return result;
    }

    /// <summary><c>"\r\n"</c> or <c>"\n"</c> when every line break of the text is that one; null when mixed, other or none.</summary>
    internal static string? SingleNewLine(SourceText text)
    {
        var content = text.ToString();
        var crlf = 0;
        var lf = 0;
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\n':
                    lf++;
                    break;
                case '\r' when i + 1 < content.Length && content[i + 1] == '\n':
                    crlf++;
                    i++;
                    break;
                case '\r' or '\u2028' or '\u2029' or '\u0085':
                    return null;
            }
        }

        return crlf > 0 && lf == 0 ? "\r\n" : lf > 0 && crlf == 0 ? "\n" : null;
    }

    /// <summary>Every <c>\r\n</c> and lone <c>\n</c> of <paramref name="content"/> made <paramref name="newLine"/> (the same string when nothing changes).</summary>
    internal static string Normalize(string content, string newLine)
    {
        var builder = new System.Text.StringBuilder(content.Length + 16);
        var changed = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
            {
                builder.Append(newLine);
                changed |= newLine != "\r\n";
                i++;
            }
            else if (c == '\n')
            {
                builder.Append(newLine);
                changed |= newLine != "\n";
            }
            else
            {
                builder.Append(c);
            }
        }

        return changed ? builder.ToString() : content;
    }

    private sealed class PreservingAction : CodeAction
    {
        private readonly CodeAction _inner;
        private readonly Solution _original;

        public PreservingAction(CodeAction inner, Solution original)
        {
            _inner = inner;
            _original = original;
        }

        public override string Title => _inner.Title;

        public override string? EquivalenceKey => _inner.EquivalenceKey;

        protected override async Task<IEnumerable<CodeActionOperation>> ComputeOperationsAsync(CancellationToken cancellationToken)
        {
            var operations = await _inner.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var result = new List<CodeActionOperation>(operations.Length);
            foreach (var operation in operations)
            {
                if (operation is ApplyChangesOperation apply)
                {
                    // The file's own indentation first (it formats where the clean-up did), then its line endings.
                    // Last, every target framework's copy of a rewritten file gets its final text (Documents.WithRewriteInLinkedCopiesAsync).
                    var indented = await FileIndentation.RestoreAsync(_original, apply.ChangedSolution, cancellationToken).ConfigureAwait(false);
                    var restored = await RestoreAsync(_original, indented, cancellationToken).ConfigureAwait(false);
                    result.Add(new ApplyChangesOperation(await Documents.WithRewriteInLinkedCopiesAsync(_original, restored, cancellationToken).ConfigureAwait(false)));
                }
                else
                {
                    result.Add(operation);
                }
            }

            return result;
        }

        protected override Task<IEnumerable<CodeActionOperation>> ComputePreviewOperationsAsync(CancellationToken cancellationToken)
            => ComputeOperationsAsync(cancellationToken);

        // Nothing is left to clean up: the wrapped action did (formatting, simplification), and a restored document is parsed
        // from its text again, without the annotations a second clean-up would format with the host's newline.

    }

    private sealed class PreservingFixAllProvider : FixAllProvider
    {
        private readonly FixAllProvider _inner;

        public PreservingFixAllProvider(FixAllProvider inner) => _inner = inner;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            => await _inner.GetFixAsync(fixAllContext).ConfigureAwait(false) is { } action ? Preserving(action, fixAllContext.Solution) : null;
    }
}
