using System.Composition;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MM0001 fixes: "Initialize lazily on first async use" (the blocking work moves into a private async method run once by an
/// <c>AsyncInitializer</c> that the type's async members await first) and, where a synchronous member reads the state so
/// the lazy form would change behavior, "Introduce static async factory" (<c>await T.CreateAsync(...)</c> at every creation).
/// Neither is offered when it would not be safe.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MM0001BlockingWaitInConstructorCodeFixProvider)), Shared]
public sealed class MM0001BlockingWaitInConstructorCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Initialize lazily on first async use".</summary>
    public const string InitializeLazilyKey = "MM0001.InitializeLazily";

    /// <summary>Equivalence key of "Introduce static async factory".</summary>
    public const string IntroduceFactoryKey = "MM0001.IntroduceFactory";

    /// <summary>Title of the lazy rewrite.</summary>
    public const string InitializeLazilyTitle = "Initialize lazily on first async use";

    /// <summary>Title of the factory rewrite.</summary>
    public const string IntroduceFactoryTitle = "Introduce static async factory";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlockingWaitInConstructor);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => MM0001FixAllProvider.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var solution = document.Project.Solution;
        var plans = new Dictionary<INamedTypeSymbol, MM0001Plan?>(SymbolEqualityComparer.Default);
        foreach (var diagnostic in context.Diagnostics)
        {
            var type = await MM0001Planner.FindTypeAsync(document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (type is null)
            {
                continue;
            }

            if (!plans.TryGetValue(type, out var plan))
            {
                plan = await MM0001Planner.PlanAsync(solution, document.Project, type, planFactory: true, context.CancellationToken).ConfigureAwait(false);
                plans.Add(type, plan);
            }

            if (plan is null || !plan.Shared.Covers(diagnostic.Location))
            {
                continue; // e.g. a static constructor's wait: no instance to defer it to
            }

            if (plan.Lazy is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        InitializeLazilyTitle,
                        cancellationToken => MM0001Rewriter.ApplyAsync(solution, new[] { plan }, cancellationToken),
                        InitializeLazilyKey),
                    diagnostic);
            }
            else if (plan.Factory is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        IntroduceFactoryTitle,
                        cancellationToken => MM0001Rewriter.ApplyAsync(solution, new[] { plan }, cancellationToken),
                        IntroduceFactoryKey),
                    diagnostic);
            }
        }
    }
}
