using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MM0004 fixes: "Return the fallback when validation fails" (registered first whenever it is offered: it is the fix
/// <c>dotnet format analyzers</c> applies) and "Throw when validation fails". Where no fallback fits, the throw is the
/// only fix and carries the fallback's equivalence key: Fix All with that key returns the fallback where one fits and
/// throws elsewhere, whichever site it starts from. Both branch on the verdict right where the
/// result is produced (or right after the statement storing it); Fix All applies them one by one per document, so the
/// new locals get distinct names.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MM0004ValidationResultIgnoredCodeFixProvider)), Shared]
public sealed class MM0004ValidationResultIgnoredCodeFixProvider : CodeFixProvider
{
    /// <summary>
    /// Equivalence key of "Return the fallback when validation fails" — and of "Throw when validation fails" where no
    /// fallback fits (that site's only fix): Fix All returns the fallback where it can and throws elsewhere.
    /// </summary>
    public const string ReturnFallbackKey = "MM0004.ReturnFallback";

    /// <summary>Equivalence key of "Throw when validation fails".</summary>
    public const string ThrowKey = "MM0004.Throw";

    private const string ReturnFallbackTitle = "Return the fallback when validation fails";
    private const string ThrowTitle = "Throw when validation fails";

    /// <summary>Where no caller could observe a throw (an <c>async void</c> or event handler): skip the rest instead.</summary>
    private const string ReturnTitle = "Return when validation fails";

    /// <summary>In a <c>foreach</c> body validating the loop's item: skip that item instead.</summary>
    private const string SkipTitle = "Skip the item when validation fails";

    /// <summary>In a function returning the verdict's own type (a validator itself): return the failed verdict.</summary>
    private const string ReturnVerdictTitle = "Return the failed validation result";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ValidationResultIgnored);

    /// <inheritdoc/>
    /// <remarks>
    /// Two fixes in one member may both declare <c>validation</c>: each document's fixes are applied in turn. Every key
    /// but <see cref="ThrowKey"/> — also none, which <c>dotnet format</c> passes when the first site it looks at has no
    /// fix at all — returns the fallback where one fits.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => LineEndings.Preserving(FixAllProvider.Create(
        static (context, document, diagnostics) => Documents.FixCanonicalCopyAsync(
            context,
            document,
            diagnostics,
            async (copy, copyDiagnostics, cancellationToken) => await FixAllAsync(
                copy, copyDiagnostics, context.CodeActionEquivalenceKey != ThrowKey, cancellationToken).ConfigureAwait(false))));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await Documents.GetRootAndModelAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MM0004FixPlanner.Plan(root, model, diagnostic, context.CancellationToken).Plan is not { } plan)
            {
                continue;
            }

            if (plan.Fallback is not null)
            {
                LineEndings.Register(context, 
                    CodeAction.Create(ReturnFallbackTitle, ct => FixOneAsync(context.Document, diagnostic, fallback: true, ct), ReturnFallbackKey),
                    diagnostic);
                LineEndings.Register(context, 
                    CodeAction.Create(ThrowTitle, ct => FixOneAsync(context.Document, diagnostic, fallback: false, ct), ThrowKey),
                    diagnostic);
            }
            else
            {
                // No fallback fits here: the throw is this site's first fix, and it carries the fallback's key, so that a
                // Fix All started here (and `dotnet format`, which takes the first site's first fix) still returns the
                // fallback wherever one fits, instead of throwing everywhere.
                LineEndings.Register(context, 
                    CodeAction.Create(plan.ReturnsTheVerdict ? ReturnVerdictTitle : plan.SkipsTheItem ? SkipTitle : plan.ReturnsInsteadOfThrowing ? ReturnTitle : ThrowTitle, ct => FixOneAsync(context.Document, diagnostic, fallback: false, ct), ReturnFallbackKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool fallback, CancellationToken cancellationToken)
    {
        // In source order, as one fix after another would go: each call is marked first and found again after each edit,
        // so every new local's name sees the ones written before it.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var ordered = DiagnosticOrder.InSourceOrder(diagnostics);
        var marks = new SyntaxAnnotation[ordered.Length];
        var nodes = new System.Collections.Generic.Dictionary<SyntaxNode, SyntaxAnnotation>();
        for (var i = 0; i < ordered.Length; i++)
        {
            marks[i] = new SyntaxAnnotation();
            var node = root.FindNode(ordered[i].Location.SourceSpan, getInnermostNodeForTie: true);
            if (!nodes.ContainsKey(node))
            {
                nodes.Add(node, marks[i]);
            }
        }

        var current = document.WithSyntaxRoot(root.ReplaceNodes(nodes.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original])));
        for (var i = 0; i < ordered.Length; i++)
        {
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot?.GetAnnotatedNodes(marks[i]) is not { } found)
            {
                continue;
            }

            foreach (var node in found)
            {
                var moved = Diagnostic.Create(ordered[i].Descriptor, Location.Create(currentRoot.SyntaxTree, node.Span), ordered[i].Properties);
                current = await FixOneAsync(current, moved, fallback, cancellationToken).ConfigureAwait(false);
                break;
            }
        }

        return current;
    }

    private static async Task<Document> FixOneAsync(Document document, Diagnostic diagnostic, bool fallback, CancellationToken cancellationToken)
    {
        if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var root, var model) || MM0004FixPlanner.Plan(root, model, diagnostic, cancellationToken).Plan is not { } plan)
        {
            return document;
        }

        // "Return the fallback" throws where no fallback fits (see RegisterCodeFixesAsync).
        var changed = document.WithSyntaxRoot(MM0004Rewriter.Apply(document, root, model, plan, fallback ? plan.Fallback : null, cancellationToken));
        return await SafeImportAdder.AddImportsAsync(changed, document, cancellationToken).ConfigureAwait(false);
    }
}
