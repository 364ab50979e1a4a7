using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Fix All for MM0001: one rewrite per type with all of its diagnostics (one initialization method, one initializer), because
/// the rewrite edits several members of the type and the stock batch fixer would drop overlapping edits.
/// </summary>
/// <remarks>
/// Each type gets the rewrite its own code fix offers: the lazy one where it is safe, else the factory. Both equivalence keys
/// (and none, which <c>dotnet format analyzers</c> passes when the first diagnostic it looks at has no fix) therefore fix every
/// fixable type in the scope; <c>dotnet format</c> only ever applies the Fix All action of the first diagnostic it finds, so
/// restricting a run to one kind would leave the other kind's types unfixed. The action's title says when both kinds apply.
/// </remarks>
internal sealed class MM0001FixAllProvider : FixAllProvider
{
    public static readonly MM0001FixAllProvider Instance = new();

    private const string BothTitle = "Initialize lazily on first async use (static async factory where a synchronous member reads the state)";

    private static readonly ImmutableArray<FixAllScope> Scopes =
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    private MM0001FixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var key = fixAllContext.CodeActionEquivalenceKey;
        if (key is not (null or MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey or MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey))
        {
            return null;
        }

        var plans = await PlanAsync(fixAllContext).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return null;
        }

        var lazy = false;
        var factory = false;
        foreach (var plan in plans)
        {
            lazy |= plan.Lazy is not null;
            factory |= plan.Lazy is null;
        }

        var title = lazy && factory
            ? BothTitle
            : lazy ? MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyTitle : MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryTitle;
        var solution = fixAllContext.Solution;
        return CodeAction.Create(title, cancellationToken => MM0001Edits.ApplyAsync(solution, plans, cancellationToken), key);
    }

    /// <summary>One plan per type with a diagnostic in the scope, for the types that have a rewrite.</summary>
    private static async Task<List<MM0001Plan>> PlanAsync(FixAllContext context)
    {
        var cancellationToken = context.CancellationToken;
        var solution = context.Solution;
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents,
            FixAllScope.Solution => solution.Projects.SelectMany(static project => project.Documents),
            _ => Enumerable.Empty<Document>(),
        };

        var plans = new List<MM0001Plan>();
        var seen = new HashSet<(ProjectId, INamedTypeSymbol)>();
        foreach (var document in documents)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            foreach (var diagnostic in DiagnosticOrder.InSourceOrder(diagnostics))
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A multi-targeted project's type is planned once, in the copy of its file the solution lists first: one plan
                // per target framework would edit the same files (and the same creations in other projects) twice.
                var planned = Documents.CanonicalCopy(document);
                var type = await MM0001Pipeline.FindTypeAsync(planned, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                if (type is null || !seen.Add((planned.Project.Id, type)))
                {
                    continue;
                }

                var plan = (await MM0001Pipeline.DecideAsync(solution, planned.Project, type, planFactory: true, cancellationToken).ConfigureAwait(false)).Plan;
                if (plan is not null)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans;
    }
}
