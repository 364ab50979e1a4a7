using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Fixes MM0002 (unguarded awaited side effect): "Guard side effect with try/catch" (registered first, so
/// <c>dotnet format analyzers</c> applies it) and "Run side effect through SideEffect helper". A site only the helper can
/// guard (a task of <c>Task.WhenAll</c>) offers the helper under the try/catch key: that key is the rule's default fix,
/// try/catch where possible and the helper elsewhere, whichever site a Fix All or <c>dotnet format</c> starts from.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MM0002SideEffectAwaitNotGuardedCodeFixProvider)), Shared]
public sealed class MM0002SideEffectAwaitNotGuardedCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Guard side effect with try/catch".</summary>
    public const string WrapInTryCatchKey = "MM0002.WrapInTryCatch";

    /// <summary>Equivalence key of "Run side effect through SideEffect helper".</summary>
    public const string UseSideEffectHelperKey = "MM0002.UseSideEffectHelper";

    internal const string WrapInTryCatchTitle = "Guard side effect with try/catch";
    internal const string UseSideEffectHelperTitle = "Run side effect through SideEffect helper";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SideEffectAwaitNotGuarded);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => LineEndings.Preserving(MM0002FixAllProvider.Instance);

    /// <summary>
    /// The compilation's processors (<c>[CentralizedBy]</c> and the project's CentralizedSymbols files), collected on the
    /// first question and only then.
    /// </summary>
    private static System.Func<CentralizationOwners> Owners(Project project, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        CentralizationOwners? collected = null;
        return () =>
        {
            if (collected is null)
            {
                var files = ImmutableArray.CreateBuilder<CentralizedSymbolsFile>();
                foreach (var file in project.AnalyzerOptions.AdditionalFiles)
                {
                    if (CentralizedSymbolsFile.IsCentralizedSymbolsFile(file.Path))
                    {
                        files.Add(CentralizedSymbolsFile.Parse(file, cancellationToken));
                    }
                }

                collected = CentralizationOwners.Collect(compilation, files.ToImmutable(), cancellationToken);
            }

            return collected;
        };
    }

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await Documents.GetRootAndModelAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return;
        }

        var owners = Owners(context.Document.Project, model.Compilation, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            var site = MM0002SiteAnalysis.Analyze(root, model, diagnostic, owners, context.CancellationToken);
            if (site is null)
            {
                continue;
            }

            var document = context.Document;
            if (site.CanWrap)
            {
                LineEndings.Register(context, 
                    CodeAction.Create(
                        WrapInTryCatchTitle,
                        ct => ApplyAsync(document, new[] { site }, WrapInTryCatchKey, ct),
                        WrapInTryCatchKey),
                    diagnostic);
            }

            if (site.CanUseHelper)
            {
                // Where no try statement can guard the site (a task of Task.WhenAll, or the try/catch fix is refused) the
                // helper is the rule's default fix and carries its key, so a Fix All (or `dotnet format`, which fixes with
                // the first diagnostic's first action) started on any site guards every site the same way: try/catch where
                // it can, the helper elsewhere (a shapes round: a first site taking only the helper turned every plain
                // await of the run into the helper).
                var key = site.TakesHelperAsDefault ? WrapInTryCatchKey : UseSideEffectHelperKey;
                LineEndings.Register(context, 
                    CodeAction.Create(
                        UseSideEffectHelperTitle,
                        ct => ApplyAsync(document, new[] { site }, key, ct),
                        key),
                    diagnostic);
            }
        }
    }

    internal static async Task<Document> ApplyAsync(Document document, IReadOnlyList<MM0002Site> sites, string key, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || sites.Count == 0)
        {
            return document;
        }

        SyntaxNode newRoot;
        if (key == WrapInTryCatchKey)
        {
            newRoot = MM0002TryCatchBuilder.WrapInTryCatch(root, sites);
        }
        else
        {
            // The helper key is only offered where try/catch is too: a site taking the helper as its default fix keeps its
            // diagnostic for the default key, so a Fix All and the fixes one by one agree.
            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            MM0002HelperCallBuilder.UseHelper(editor, sites.Where(s => !s.TakesHelperAsDefault).ToList());
            newRoot = editor.GetChangedRoot();
        }

        var changed = await SafeImportAdder.AddImportsAsync(document.WithSyntaxRoot(newRoot), document, cancellationToken).ConfigureAwait(false);
        return await KeptLayout.FormatAsync(changed, document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fix All for both keys: the same edits as one fix per diagnostic (each side effect guarded on its own), made
    /// in one pass over the document so that nested sites (a reported await inside a lambda argument of another)
    /// compose instead of conflicting as text changes of a batch fixer would.
    /// </summary>
    private sealed class MM0002FixAllProvider : DocumentBasedFixAllProvider
    {
        public static readonly MM0002FixAllProvider Instance = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext)
            => fixAllContext.CodeActionEquivalenceKey == UseSideEffectHelperKey ? UseSideEffectHelperTitle : WrapInTryCatchTitle;

        protected override Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var key = fixAllContext.CodeActionEquivalenceKey ?? WrapInTryCatchKey;
            return Documents.FixCanonicalCopyAsync(fixAllContext, document, diagnostics, (copy, copyDiagnostics, cancellationToken) => FixDocumentAsync(copy, copyDiagnostics, key, cancellationToken));
        }

        private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
        {
            if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var root, var model))
            {
                return document;
            }

            var sites = new List<MM0002Site>(diagnostics.Length);
            var owners = Owners(document.Project, model.Compilation, cancellationToken);
            foreach (var diagnostic in DiagnosticOrder.InSourceOrder(diagnostics))
            {
                if (MM0002SiteAnalysis.Analyze(root, model, diagnostic, owners, cancellationToken) is { } site)
                {
                    sites.Add(site);
                }
            }

            return await ApplyAsync(document, sites, key, cancellationToken).ConfigureAwait(false);
        }
    }
}
