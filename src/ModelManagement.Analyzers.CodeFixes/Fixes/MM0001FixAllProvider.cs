using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Fix All for MM0001: one rewrite per type with all of its diagnostics (one initialization method, one initializer), because
/// the rewrite edits several members of the type and the stock batch fixer would drop overlapping edits.
/// </summary>
internal sealed class MM0001FixAllProvider : FixAllProvider
{
    public static readonly MM0001FixAllProvider Instance = new();

    private static readonly ImmutableArray<FixAllScope> Scopes =
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    private MM0001FixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var key = fixAllContext.CodeActionEquivalenceKey;
        bool lazy;
        switch (key)
        {
            case MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey:
                lazy = true;
                break;
            case MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey:
                lazy = false;
                break;
            default:
                return Task.FromResult<CodeAction?>(null);
        }

        var title = lazy ? MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyTitle : MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryTitle;
        return Task.FromResult<CodeAction?>(CodeAction.Create(title, cancellationToken => FixAllAsync(fixAllContext, lazy, cancellationToken), key));
    }

    private static async Task<Solution> FixAllAsync(FixAllContext context, bool lazy, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var documents = new List<Document>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                documents.Add(context.Document);
                break;
            case FixAllScope.Project:
                documents.AddRange(context.Project.Documents);
                break;
            case FixAllScope.Solution:
                foreach (var project in solution.Projects)
                {
                    documents.AddRange(project.Documents);
                }

                break;
        }

        var plans = new List<MM0001Plan>();
        var seen = new HashSet<(ProjectId, INamedTypeSymbol)>();
        foreach (var document in documents)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = await MM0001Planner.FindTypeAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                if (type is null || !seen.Add((document.Project.Id, type)))
                {
                    continue;
                }

                var plan = await MM0001Planner.PlanAsync(solution, document.Project, type, planFactory: !lazy, cancellationToken).ConfigureAwait(false);
                if (plan is not null && (lazy ? plan.Lazy is not null : plan.Factory is not null))
                {
                    plans.Add(plan);
                }
            }
        }

        return await MM0001Rewriter.ApplyAsync(solution, plans, lazy, cancellationToken).ConfigureAwait(false);
    }
}
