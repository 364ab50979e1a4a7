using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The MM0001 fix as a pipeline: facts about the type (<see cref="MM0001TypeFactsBuilder"/>, immutable), a decision
/// (<see cref="MM0001LazyDecision"/>, then <see cref="MM0001FactoryDecision"/> when the lazy rewrite is refused: plan or
/// typed refusal), and edits (<see cref="MM0001Edits"/>, run only when the user applies the fix).
/// </summary>
internal static class MM0001Pipeline
{
    /// <summary>The type whose construction code holds <paramref name="span"/>.</summary>
    public static async Task<INamedTypeSymbol?> FindTypeAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || span.End > root.FullSpan.End)
        {
            return null;
        }

        var declaration = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        return declaration is null ? null : model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
    }

    /// <summary>
    /// Decides the rewrite of <paramref name="type"/> (a symbol of <paramref name="project"/>'s compilation). The factory is
    /// only considered when <paramref name="planFactory"/> is set and the lazy rewrite is refused (it searches the solution).
    /// </summary>
    public static async Task<MM0001Decision> DecideAsync(Solution solution, Project project, INamedTypeSymbol type, bool planFactory, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await DecideCoreAsync(solution, project, type, planFactory, cancellationToken).ConfigureAwait(false);
            return decision.Plan is not null && !await OtherTargetFrameworksAgreeAsync(solution, project, type, decision.Plan, planFactory, cancellationToken).ConfigureAwait(false)
                ? new MM0001Decision(null, new MM0001Refusal(MM0001RefusalReason.TargetFrameworksDisagree))
                : decision;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A failure deciding one type must not cost every other type its fix: Fix All (and `dotnet format`, which
            // applies one Fix All per rule and run) would otherwise apply nothing at all. This type gets no fix; the trace
            // says why (a re-verification's two-project solution lost every MM0001 fix to one type's exception).
            System.Diagnostics.Trace.WriteLine(
                "no fix for '" + type.Name + "': CannotAnalyze (" + exception.GetType().Name + ": " + exception.Message + ")",
                DiagnosticIds.BlockingWaitInConstructor);
            return new MM0001Decision(null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
        }
    }

    /// <summary>
    /// Whether every other project that compiles the type's files (the other target frameworks of a multi-targeted project)
    /// plans the same rewrite: the edits land in the shared files, and a copy that refuses, or would take the other rewrite,
    /// would get code decided for another framework.
    /// </summary>
    private static async Task<bool> OtherTargetFrameworksAgreeAsync(
        Solution solution, Project project, INamedTypeSymbol type, MM0001Plan plan, bool planFactory, CancellationToken cancellationToken)
    {
        var checkedProjects = new HashSet<ProjectId> { project.Id };
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (solution.GetDocument(reference.SyntaxTree) is not { } document)
            {
                continue;
            }

            foreach (var linkedId in document.GetLinkedDocumentIds())
            {
                if (!checkedProjects.Add(linkedId.ProjectId))
                {
                    continue;
                }

                var linked = solution.GetDocument(linkedId);
                var linkedType = linked is null ? null : await FindTypeAsync(linked, reference.Span, cancellationToken).ConfigureAwait(false);
                if (linked is null || linkedType is null)
                {
                    return false;
                }

                var other = (await DecideCoreAsync(solution, linked.Project, linkedType, planFactory, cancellationToken).ConfigureAwait(false)).Plan;
                if (other is null || (other.Lazy is null) != (plan.Lazy is null))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static async Task<MM0001Decision> DecideCoreAsync(Solution solution, Project project, INamedTypeSymbol type, bool planFactory, CancellationToken cancellationToken)
    {
        var (facts, shapeRefusal) = await MM0001TypeFactsBuilder.BuildAsync(solution, project, type, cancellationToken).ConfigureAwait(false);
        if (facts is null)
        {
            return new MM0001Decision(null, shapeRefusal);
        }

        var (lazy, lazyRefusal) = MM0001LazyDecision.Decide(facts);
        if (lazy is not null && await MM0001Creations.FindHandledCreationAsync(facts, cancellationToken).ConfigureAwait(false) is { } handled)
        {
            // The creator catches a failed construction: the lazy rewrite would move the failure past its handler.
            (lazy, lazyRefusal) = (null, new MM0001Refusal(MM0001RefusalReason.ConstructionFailureHandledByCreator, node: handled));
        }

        if (lazy is not null)
        {
            return new MM0001Decision(new MM0001Plan(facts, lazy, null), null);
        }

        if (!planFactory)
        {
            return new MM0001Decision(null, lazyRefusal, lazyRefusal);
        }

        var (constructor, factoryRefusal) = MM0001FactoryDecision.FindConstructor(facts);
        if (constructor is not null && await ShippedPublicApi.ListsAsync(project, constructor, cancellationToken).ConfigureAwait(false))
        {
            (constructor, factoryRefusal) = (null, new MM0001Refusal(MM0001RefusalReason.ConstructorIsShippedPublicApi, constructor));
        }

        if (constructor is not null && IsLibraryLoadedAlone(solution, project) && IsVisibleToOtherAssemblies(constructor))
        {
            (constructor, factoryRefusal) = (null, new MM0001Refusal(MM0001RefusalReason.ConstructorUsedByProjectsNotLoaded, constructor));
        }

        MM0001FactoryPlan? factory = null;
        if (constructor is not null)
        {
            var creations = await MM0001Creations.CollectAsync(facts, constructor, cancellationToken).ConfigureAwait(false);
            (factory, factoryRefusal) = MM0001FactoryDecision.Decide(facts, constructor, creations);
        }

        return factory is not null
            ? new MM0001Decision(new MM0001Plan(facts, null, factory), null, lazyRefusal)
            : new MM0001Decision(null, factoryRefusal ?? lazyRefusal, lazyRefusal, factoryRefusal);
    }

    /// <summary>
    /// A library project opened on its own, as <c>dotnet format analyzers Lib.csproj</c> does (a solution without a file
    /// around a project with one): the projects that reference it are not in the workspace. An IDE or a run on the .sln
    /// loads them all.
    /// </summary>
    private static bool IsLibraryLoadedAlone(Solution solution, Project project)
        => solution.FilePath is null
            && project.FilePath is not null
            && project.CompilationOptions?.OutputKind == OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Callable from another assembly: public all the way out, or internal in an assembly with InternalsVisibleTo.</summary>
    private static bool IsVisibleToOtherAssemblies(IMethodSymbol constructor)
    {
        var friends = false;
        foreach (var attribute in constructor.ContainingAssembly.GetAttributes())
        {
            friends |= attribute.AttributeClass is { Name: "InternalsVisibleToAttribute" };
        }

        for (ISymbol? symbol = constructor; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            switch (symbol.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Protected or Accessibility.ProtectedOrInternal when symbol is IMethodSymbol:
                    continue;
                case Accessibility.Internal or Accessibility.ProtectedOrInternal when friends:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }
}
