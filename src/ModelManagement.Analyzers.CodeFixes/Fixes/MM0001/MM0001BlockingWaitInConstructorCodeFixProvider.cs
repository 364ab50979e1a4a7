using System.Composition;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

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
    public override FixAllProvider GetFixAllProvider() => LineEndings.Preserving(MM0001FixAllProvider.Instance);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var solution = document.Project.Solution;
        var plans = new Dictionary<INamedTypeSymbol, MM0001Plan?>(SymbolEqualityComparer.Default);
        foreach (var diagnostic in context.Diagnostics)
        {
            var type = await MM0001Pipeline.FindTypeAsync(document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (type is null)
            {
                continue;
            }

            if (!plans.TryGetValue(type, out var plan))
            {
                var decision = await MM0001Pipeline.DecideAsync(solution, document.Project, type, planFactory: true, context.CancellationToken).ConfigureAwait(false);
                plan = decision.Plan;
                plans.Add(type, plan);
                if (decision.LazyRefusal is { } lazyRefusal && !ReferenceEquals(lazyRefusal, decision.Refusal))
                {
                    // The factory was considered because the lazy rewrite was not offered: say why, whatever the factory's answer.
                    TraceRefusal(type, lazyRefusal, diagnostic.Location, "lazy rewrite");
                }

                if (decision.Refusal is { } refusal)
                {
                    TraceRefusal(type, refusal, diagnostic.Location);
                }
            }

            if (plan is null)
            {
                continue;
            }

            if (!plan.Facts.Covers(diagnostic.Location))
            {
                // e.g. a static constructor's wait next to fixable ones: no instance to defer it to
                TraceRefusal(type, new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo, node: null, location: diagnostic.Location), diagnostic.Location);
                continue;
            }

            var (title, key) = plan.Lazy is not null ? (InitializeLazilyTitle, InitializeLazilyKey) : (IntroduceFactoryTitle, IntroduceFactoryKey);
            LineEndings.Register(context, CodeAction.Create(title, cancellationToken => MM0001Edits.ApplyAsync(solution, new[] { plan }, cancellationToken), key), diagnostic);
        }
    }

    /// <summary>
    /// Hosts show no code action for a refused fix (a no-op action would be worse), so the reason goes to the trace
    /// (<c>MM0001: no fix for 'T': SynchronousReader (Models) at File.cs(12,5)</c>); docs/rules/MM0001.md explains each reason.
    /// </summary>
    internal static void TraceRefusal(INamedTypeSymbol type, MM0001Refusal refusal, Location diagnosticLocation, string? rewrite = null)
        => System.Diagnostics.Trace.WriteLine(
            "no " + (rewrite ?? "fix") + " for '" + type.Name + "': " + refusal.Describe(diagnosticLocation),
            DiagnosticIds.BlockingWaitInConstructor); // a listener writes the category first: "MM0001: no fix for …"
}
