using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MM0003 fix "Guard with null check": one diagnostic covers every unguarded use of a dependency in a member body (its
/// additional locations); the fix guards each use that can be guarded, in the shape the analyzer recorded for it. It wraps
/// the statement(s) using the optional dependency in
/// <c>if (x is not null) { … }</c> (<c>x != null</c> before C# 9), or turns a lone discarded call into <c>x?.M(…)</c>.
/// Consecutive statements that dereference the same dependency share one guard, in a single fix and in Fix All; Fix All
/// adds no guard inside a statement it already guards (the analyzer reports every use, so such uses are reported too).
/// No fix where the value flows on (declarations, returns, arguments, conditions), unless from a chain already
/// null-conditional after the dependency (<c>_accessor.HttpContext?.User</c> becomes <c>_accessor?.HttpContext?.User</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MM0003OptionalDependencyWithoutNullCheckCodeFixProvider)), Shared]
public sealed class MM0003OptionalDependencyWithoutNullCheckCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Guard with null check".</summary>
    public const string GuardWithNullCheckKey = "MM0003.GuardWithNullCheck";

    private const string Title = "Guard with null check";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.OptionalDependencyWithoutNullCheck);

    /// <inheritdoc/>
    /// <remarks>Guards of neighbouring statements merge, so fixes in one document are computed together.</remarks>
    public override FixAllProvider GetFixAllProvider() => LineEndings.Preserving(FixAllProvider.Create(
        static (context, document, diagnostics) => Documents.FixCanonicalCopyAsync(
            context, document, diagnostics, static async (copy, copyDiagnostics, cancellationToken) => await GuardAsync(copy, copyDiagnostics, cancellationToken).ConfigureAwait(false))));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await Documents.GetRootAndModelAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MM0003GuardPlanner.PlanUses(root, model, diagnostic, context.CancellationToken).Count == 0)
            {
                continue; // every use covered by the diagnostic lets its value flow on: no guard keeps the code meaningful
            }

            LineEndings.Register(context, 
                CodeAction.Create(
                    Title,
                    cancellationToken => GuardAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    GuardWithNullCheckKey),
                diagnostic);
        }
    }

    private static async Task<Document> GuardAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return document;
        }

        var plans = new List<MM0003GuardPlan>();
        foreach (var diagnostic in DiagnosticOrder.InSourceOrder(diagnostics))
        {
            MM0003GuardPlanner.AddPlans(plans, root, model, diagnostic, cancellationToken);
        }

        plans = MM0003GuardPlanner.Merge(plans, model, cancellationToken);
        if (plans.Count == 0)
        {
            return document;
        }

        var tracked = new List<SyntaxNode>();
        foreach (var plan in plans)
        {
            tracked.AddRange(plan.Statements);
            if (plan.ChainTop is not null)
            {
                tracked.Add(plan.ChainTop);
            }
        }

        var newRoot = root.TrackNodes(tracked);
        foreach (var plan in plans)
        {
            newRoot = plan.IsConditional
                ? MM0003GuardRewriter.ApplyConditionalAccess(newRoot, plan)
                : MM0003GuardRewriter.ApplyIfGuard(newRoot, plan, root.SyntaxTree);
        }

        return await KeptLayout.FormatAsync(document.WithSyntaxRoot(newRoot), document, cancellationToken).ConfigureAwait(false);
    }
}
