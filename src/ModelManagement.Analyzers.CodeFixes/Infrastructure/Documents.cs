using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>What every fix reads first: a document's syntax root and semantic model, together; and which copy of a linked file to edit.</summary>
internal static class Documents
{
    /// <summary>The root and semantic model of <paramref name="document"/>, or null when it lacks either (no syntax tree or no compilation).</summary>
    public static async Task<(SyntaxNode Root, SemanticModel Model)?> GetRootAndModelAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : (root, model);
    }

    /// <summary>
    /// The copy of <paramref name="document"/> to edit when its file is linked into several projects (a multi-targeted
    /// project has one document per target framework, with the same text): the copy in <paramref name="project"/>, else the
    /// copy in the solution's first such project, so that every linked copy maps to one document.
    /// </summary>
    public static Document LinkedCopyIn(Document document, ProjectId project)
    {
        var linked = document.GetLinkedDocumentIds();
        if (document.Project.Id == project || linked.IsEmpty)
        {
            return document;
        }

        foreach (var id in linked)
        {
            if (id.ProjectId == project)
            {
                return document.Project.Solution.GetDocument(id) ?? document;
            }
        }

        return CanonicalCopy(document);
    }

    /// <summary>
    /// The copy of a linked file (one document per target framework of a multi-targeted project) that a Fix All plans on:
    /// the copy in the project that comes first in the solution; the document itself when its file is not linked. Every copy
    /// of a file then gets the same rewrite — two copies rewritten apart (<c>string? region</c> where one framework annotates
    /// the result, <c>string region</c> where the other does not) would be merged into the file with conflict markers.
    /// </summary>
    public static Document CanonicalCopy(Document document)
    {
        var linked = document.GetLinkedDocumentIds();
        if (linked.IsEmpty)
        {
            return document;
        }

        var solution = document.Project.Solution;
        var chosen = document.Id;
        var chosenOrder = IndexOf(solution.ProjectIds, chosen.ProjectId);
        foreach (var id in linked)
        {
            var order = IndexOf(solution.ProjectIds, id.ProjectId);
            if (order >= 0 && (chosenOrder < 0 || order < chosenOrder))
            {
                chosen = id;
                chosenOrder = order;
            }
        }

        return solution.GetDocument(chosen) ?? document;
    }

    /// <summary>
    /// <paramref name="document"/> in a solution where every linked copy of its file has its text too: a fix that rewrites
    /// a document step by step and checks each step against the other copies' compilations (MM0005) reads them as edited,
    /// not as they were before its first step.
    /// </summary>
    public static async Task<Document> WithTextInLinkedCopiesAsync(Document document, CancellationToken cancellationToken)
    {
        var linked = document.GetLinkedDocumentIds();
        if (linked.IsEmpty)
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var solution = document.Project.Solution;
        foreach (var id in linked)
        {
            if (solution.ContainsDocument(id))
            {
                solution = solution.WithDocumentText(id, text, PreservationMode.PreserveIdentity);
            }
        }

        return solution.GetDocument(document.Id) ?? document;
    }

    /// <summary>
    /// <paramref name="changed"/> where every linked copy of a file that the change left as it was in <paramref name="original"/>
    /// gets the text of the copy that was rewritten, when all rewritten copies of that file agree. MM0001 rewrites a type in the
    /// copy the solution lists first; the other target frameworks' copies kept the old text, and <c>dotnet format analyzers</c>
    /// hands that solution to the next rule: its diagnostics and plans then read copies of one file with different texts (an
    /// MM0005 fix of another class in the file was refused because its span lay outside the stale copy, in the runs where
    /// MM0001 came first — the order of rules is a hash order, new in every process). Copies rewritten differently are left
    /// to the workspace's merge, as before. Every copy the change rewrote is parsed again from its text with its own project's
    /// options: a root planned in one copy and given to another keeps the first copy's parse (its disabled <c>#if</c> branches),
    /// which the next rule would read in place of the other framework's code.
    /// </summary>
    public static async Task<Solution> WithRewriteInLinkedCopiesAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var result = changed;
        var done = new HashSet<DocumentId>();
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                if (done.Contains(id) || changed.GetDocument(id) is not { } document)
                {
                    continue;
                }

                var linked = document.GetLinkedDocumentIds();
                if (linked.IsEmpty)
                {
                    continue;
                }

                var copies = linked.Add(id);
                foreach (var copy in copies)
                {
                    done.Add(copy);
                }

                // The copies the change rewrote (text unlike the original's) and the ones it left alone.
                SourceText? rewrite = null;
                var agree = true;
                var stale = new List<DocumentId>();
                foreach (var copy in copies)
                {
                    if (changed.GetDocument(copy) is not { } after)
                    {
                        continue;
                    }

                    var text = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    var before = original.GetDocument(copy) is { } old ? await old.GetTextAsync(cancellationToken).ConfigureAwait(false) : null;
                    if (before is not null && before.ContentEquals(text))
                    {
                        stale.Add(copy);
                    }
                    else if (rewrite is null)
                    {
                        rewrite = text;
                    }
                    else if (!rewrite.ContentEquals(text))
                    {
                        agree = false;
                    }
                }

                // Every rewritten copy is parsed again from its own text, with its own project's options. A Fix All that
                // plans on one copy gives the others that copy's fixed root (FixCanonicalCopyAsync: the annotations the
                // clean-up reads are on its nodes), and Document.WithSyntaxRoot keeps a root as it is: the net8.0 copy then
                // held the netstandard2.0 parse, with `#if NET8_0_OR_GREATER` branches as disabled text (and the other way
                // round). Its text was right, but the next rule of a `dotnet format` run found no diagnostic in those
                // branches, which stayed unfixed in the runs where that rule came later (consume7 F2).
                foreach (var copy in copies)
                {
                    if (!stale.Contains(copy) && result.GetDocument(copy) is { } rewritten)
                    {
                        result = result.WithDocumentText(copy, await ReparsedTextAsync(rewritten, cancellationToken).ConfigureAwait(false), PreservationMode.PreserveIdentity);
                    }
                }

                if (rewrite is null || !agree)
                {
                    continue;
                }

                foreach (var copy in stale)
                {
                    result = result.WithDocumentText(copy, rewrite, PreservationMode.PreserveIdentity);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The text of <paramref name="document"/> as a new <see cref="SourceText"/> instance: <see cref="Solution.WithDocumentText(DocumentId, SourceText, PreservationMode)"/>
    /// keeps a document whose text is the same instance as it is, tree included; a new instance makes the workspace parse it
    /// with the document's own parse options.
    /// </summary>
    private static async Task<SourceText> ReparsedTextAsync(Document document, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return SourceText.From(text.ToString(), text.Encoding, text.ChecksumAlgorithm);
    }

    /// <summary>
    /// A document-based Fix All step that gives every linked copy of a file the text its <see cref="CanonicalCopy"/> gets
    /// from <paramref name="fix"/>, with that copy's own diagnostics: identical changes to linked copies merge cleanly, and a
    /// copy fixed alone (Fix All in one document of one target framework) carries the rewrite to the others. The canonical
    /// copy's result (its syntax root, annotations included) is computed once per Fix All.
    /// </summary>
    public static Task<Document?> FixCanonicalCopyAsync(
        FixAllContext context,
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document?>> fix)
    {
        var canonical = CanonicalCopy(document);
        if (canonical.Id == document.Id && document.GetLinkedDocumentIds().IsEmpty)
        {
            return fix(document, diagnostics, context.CancellationToken);
        }

        var results = CanonicalResults.GetValue(context, static _ => new ConcurrentDictionary<DocumentId, Lazy<Task<SyntaxNode?>>>());
        var result = results.GetOrAdd(
            canonical.Id,
            _ => new Lazy<Task<SyntaxNode?>>(() => FixCopyAsync(context, canonical, fix)));
        return WithRootAsync(document, result.Value);
    }

    private static readonly ConditionalWeakTable<FixAllContext, ConcurrentDictionary<DocumentId, Lazy<Task<SyntaxNode?>>>> CanonicalResults = new();

    /// <summary>
    /// Fixes one copy of the file, with its own diagnostics: among the copies compiled with the lowest C# version (a
    /// <c>netstandard2.0;net8.0</c> project without <c>&lt;LangVersion&gt;</c> compiles C# 7.3 and C# 12), the one with the
    /// most diagnostics — the code it writes into the shared lines must compile for every framework (a consumer round: the
    /// net8.0 copy's <c>is not</c> broke the netstandard2.0 build, CS8370). Only when none of those copies has a diagnostic,
    /// the copy with the most: code under <c>#if NET8_0_OR_GREATER</c> has them in the net8.0 copy only, which the first
    /// copy sees as disabled text — planned there, the Fix All changed nothing while <c>dotnet format</c> said it had
    /// (statsig's dotnet-sdk); what it writes there only that framework compiles. Ties go to the first the solution lists.
    /// </summary>
    private static async Task<SyntaxNode?> FixCopyAsync(
        FixAllContext context, Document canonical, Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document?>> fix)
    {
        var solution = canonical.Project.Solution;
        var order = solution.ProjectIds;
        var copies = new List<(Document Copy, ImmutableArray<Diagnostic> Diagnostics, LanguageVersion Version, int Order)>();
        foreach (var id in canonical.GetLinkedDocumentIds().Add(canonical.Id))
        {
            if (solution.GetDocument(id) is { } copy)
            {
                var version = (copy.Project.ParseOptions as CSharpParseOptions)?.LanguageVersion.MapSpecifiedToEffectiveVersion() ?? LanguageVersion.Default;
                copies.Add((copy, await context.GetDocumentDiagnosticsAsync(copy).ConfigureAwait(false), version, IndexOf(order, id.ProjectId)));
            }
        }

        var lowest = copies.Min(static c => c.Version);
        var chosen = Best(copies.Where(c => c.Version == lowest));
        if (chosen.Diagnostics.IsEmpty)
        {
            chosen = Best(copies);
        }

        if (chosen.Diagnostics.IsEmpty)
        {
            return null;
        }

        var fixedCopy = await fix(chosen.Copy, chosen.Diagnostics, context.CancellationToken).ConfigureAwait(false);
        if (fixedCopy is null
            || (await fixedCopy.GetTextAsync(context.CancellationToken).ConfigureAwait(false)).ContentEquals(await chosen.Copy.GetTextAsync(context.CancellationToken).ConfigureAwait(false)))
        {
            // A plan that changed nothing (every site of the chosen copy refused) gives the other copies nothing: its root
            // would write this copy's text over theirs, undoing an edit only they held (a fix-shapes round: MM0003 planned
            // on the netstandard2.0 copy, whose one site gets no fix, and MM0002's try/catch under `#if NET8_0_OR_GREATER`
            // was lost in 6 runs of 7).
            return null;
        }

        return await fixedCopy.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);

        static (Document Copy, ImmutableArray<Diagnostic> Diagnostics, LanguageVersion Version, int Order) Best(
            IEnumerable<(Document Copy, ImmutableArray<Diagnostic> Diagnostics, LanguageVersion Version, int Order)> candidates)
            => candidates.OrderByDescending(static c => c.Diagnostics.Length).ThenBy(static c => c.Order < 0 ? int.MaxValue : c.Order).First();
    }

    // The fixed root itself, not its text: the formatter, simplifier and import annotations the clean-up of a code action
    // reads are on its nodes (as text, `await` and an elastic space would print as `awaitthis`).
    private static async Task<Document?> WithRootAsync(Document document, Task<SyntaxNode?> root)
        => await root.ConfigureAwait(false) is { } fixedRoot ? document.WithSyntaxRoot(fixedRoot) : document;

    private static int IndexOf(System.Collections.Generic.IReadOnlyList<ProjectId> projects, ProjectId project)
    {
        for (var i = 0; i < projects.Count; i++)
        {
            if (projects[i] == project)
            {
                return i;
            }
        }

        return -1;
    }
}
