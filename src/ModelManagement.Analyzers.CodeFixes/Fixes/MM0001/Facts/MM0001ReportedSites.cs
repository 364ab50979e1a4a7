using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The type's MM0001 sites, exactly as the build reports them. When a suppression form may apply
/// (<see cref="SuppressionGate"/>: <c>#pragma</c>, <c>[SuppressMessage]</c>, editorconfig/globalconfig severity, generated code
/// — files and <c>[GeneratedCode]</c> members) the MM0001 analyzer runs through the analyzer driver over just the type's
/// construction code with the project's options, so a silenced wait stays where it is, exactly as it stays unreported.
/// Otherwise nothing can silence a site, and the rule's own site function
/// (<see cref="MM0001BlockingWaitInConstructorAnalyzer.Analyze"/>) runs over the same code on the document's bound model:
/// the same diagnostics, without binding the type again in the fresh compilation every driver run creates.
/// </summary>
internal static class MM0001ReportedSites
{
    /// <summary>The reported sites directly in <paramref name="parts"/> (not in nested types), in source order; or why there are none usable.</summary>
    public static async Task<(ImmutableArray<MM0001Site> Sites, MM0001Refusal? Refusal)> CollectAsync(
        Compilation compilation, Project project, INamedTypeSymbol type, ImmutableArray<MM0001TypePart> parts, MM0001FixTypes types, CancellationToken cancellationToken)
    {
        var declarations = new List<(TypeDeclarationSyntax, SemanticModel)>(parts.Length);
        foreach (var part in parts)
        {
            declarations.Add((part.Declaration, part.Model));
        }

        var reported = SuppressionGate.MayBeSuppressed(Descriptors.MM0001_BlockingWaitInConstructor, project, compilation, type, declarations, cancellationToken)
            ? await FromDriverAsync(compilation, project, parts, cancellationToken).ConfigureAwait(false)
            : FromRule(project, type, parts, types, cancellationToken);
        var sites = new List<MM0001Site>();
        foreach (var (diagnostic, part) in reported)
        {
            var tree = part.Declaration.SyntaxTree;
            if (diagnostic.Id != DiagnosticIds.BlockingWaitInConstructor || diagnostic.IsSuppressed || diagnostic.Location.SourceTree != tree)
            {
                continue;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!IsDirectlyIn(node, part.Declaration))
            {
                continue; // a nested type's diagnostic: that type's own rewrite
            }

            diagnostic.Properties.TryGetValue(MM0001Properties.Form, out var form);
            diagnostic.Properties.TryGetValue(MM0001Properties.Site, out var site);
            if (form is null || site is null)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
            }

            if (part.Model.GetOperation(node, cancellationToken) is not { } operation)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, node: node));
            }

            sites.Add(new MM0001Site(part, node, operation, form, site));
        }

        AddWaitsFinishedBySites(sites, type, parts, types, cancellationToken);
        sites.Sort(static (a, b) => a.Node.SpanStart.CompareTo(b.Node.SpanStart));
        return sites.Count == 0 ? (default, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, type)) : (sites.ToImmutableArray(), null);
    }

    /// <summary>
    /// The waits the rule leaves out because an earlier statement of the constructor already waited for their task
    /// (<c>_first = first.Result;</c> after <c>Task.WaitAll(first, second);</c>), when that statement holds a site: they
    /// move with it (and are awaited), or the constructor would block on them once the site's wait has moved out.
    /// </summary>
    private static void AddWaitsFinishedBySites(
        List<MM0001Site> sites, INamedTypeSymbol type, ImmutableArray<MM0001TypePart> parts, MM0001FixTypes types, CancellationToken cancellationToken)
    {
        if (sites.Count == 0)
        {
            return;
        }

        foreach (var part in parts)
        {
            foreach (var member in part.Declaration.Members)
            {
                if (member is not ConstructorDeclarationSyntax constructor || !HoldsSite(sites, constructor))
                {
                    continue;
                }

                foreach (var (owner, block) in ConstructionBlocks(member, part.Model, cancellationToken))
                {
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        if (operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference
                            && BlockingWaitForms.FinishedByEarlierWait(operation, types.Blocking) is { } earlier
                            && HoldsSite(sites, earlier.Syntax)
                            && MM0001BlockingWaitInConstructorAnalyzer.Analyze(operation, owner, type, types.Blocking, summaries: null, cancellationToken, earlierWaitsFinish: false) is { } diagnostic
                            && diagnostic.Properties.TryGetValue(MM0001Properties.Form, out var form) && form is not null
                            && diagnostic.Properties.TryGetValue(MM0001Properties.Site, out var site) && site is not null)
                        {
                            sites.Add(new MM0001Site(part, operation.Syntax, operation, form, site)); // in source order: it may finish a later one
                        }
                    }
                }
            }
        }
    }

    private static bool HoldsSite(List<MM0001Site> sites, SyntaxNode node)
    {
        foreach (var site in sites)
        {
            if (node.Span.Contains(site.Node.Span) && node.SyntaxTree == site.Node.SyntaxTree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The diagnostics of the analyzer driver, which applies every suppression form, over each part's construction code.</summary>
    internal static async Task<List<(Diagnostic Diagnostic, MM0001TypePart Part)>> FromDriverAsync(
        Compilation compilation, Project project, ImmutableArray<MM0001TypePart> parts, CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MM0001BlockingWaitInConstructorAnalyzer()),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var reported = new List<(Diagnostic, MM0001TypePart)>();
        foreach (var part in parts)
        {
            if (ConstructionSpan(part.Declaration) is not { } span)
            {
                continue;
            }

            var model = withAnalyzers.Compilation.GetSemanticModel(part.Declaration.SyntaxTree);
            foreach (var diagnostic in await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false))
            {
                // The span narrows what is analyzed, not always what is returned: for an analyzer with symbol-start
                // actions the driver may hand back the whole file's diagnostics.
                if (diagnostic.Location.SourceTree == part.Declaration.SyntaxTree && span.Contains(diagnostic.Location.SourceSpan))
                {
                    reported.Add((diagnostic, part));
                }
            }
        }

        return reported;
    }

    /// <summary>
    /// What the analyzer reports in each part's construction code when nothing suppresses it: its operation actions'
    /// function over the same operations (invocations and property references of constructors and initializers), with the
    /// same <c>mm0001.follow_own_calls</c> option.
    /// </summary>
    internal static List<(Diagnostic Diagnostic, MM0001TypePart Part)> FromRule(
        Project project, INamedTypeSymbol type, ImmutableArray<MM0001TypePart> parts, MM0001FixTypes types, CancellationToken cancellationToken)
    {
        var reported = new List<(Diagnostic, MM0001TypePart)>();
        var summaries = new BlockingCallSummaries(types.Compilation, types.Blocking);
        var options = new MM0001Options(project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        foreach (var part in parts)
        {
            var followOwnCalls = options.FollowOwnCalls(part.Declaration.SyntaxTree);
            foreach (var member in part.Declaration.Members)
            {
                foreach (var (owner, block) in ConstructionBlocks(member, part.Model, cancellationToken))
                {
                    if (!MM0001BlockingWaitInConstructorAnalyzer.RunsDuringConstruction(owner))
                    {
                        continue;
                    }

                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        if (operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference
                            && MM0001BlockingWaitInConstructorAnalyzer.Analyze(operation, owner, type, types.Blocking, followOwnCalls ? summaries : null, cancellationToken) is { } diagnostic)
                        {
                            reported.Add((diagnostic, part));
                        }
                    }
                }
            }
        }

        return reported;
    }

    /// <summary>The operation blocks the analyzer driver gives MM0001 for <paramref name="member"/>, with their owning symbols.</summary>
    private static IEnumerable<(ISymbol Owner, IOperation Block)> ConstructionBlocks(MemberDeclarationSyntax member, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (member)
        {
            case ConstructorDeclarationSyntax constructor:
                if (model.GetDeclaredSymbol(constructor, cancellationToken) is { } symbol && model.GetOperation(constructor, cancellationToken) is { } body)
                {
                    yield return (symbol, body);
                }

                break;
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer is { } initializer
                        && model.GetDeclaredSymbol(variable, cancellationToken) is { } owner
                        && model.GetOperation(initializer, cancellationToken) is { } value)
                    {
                        yield return (owner, value);
                    }
                }

                break;
            case PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property:
                if (model.GetDeclaredSymbol(property, cancellationToken) is { } propertySymbol
                    && model.GetOperation(propertyInitializer, cancellationToken) is { } propertyValue)
                {
                    yield return (propertySymbol, propertyValue);
                }

                break;
        }
    }

    /// <summary>
    /// The span from the first to the last member of <paramref name="declaration"/> that runs during construction
    /// (constructors, initialized fields and properties): the only code MM0001 reports in, so the driver binds no more
    /// of the type than it must. Null when the part has none.
    /// </summary>
    private static TextSpan? ConstructionSpan(TypeDeclarationSyntax declaration)
    {
        TextSpan? span = null;
        foreach (var member in declaration.Members)
        {
            var runsDuringConstruction = member switch
            {
                ConstructorDeclarationSyntax => true,
                BaseFieldDeclarationSyntax field => HasInitializer(field),
                PropertyDeclarationSyntax property => property.Initializer is not null,
                _ => false,
            };
            if (runsDuringConstruction)
            {
                span = span is { } current ? TextSpan.FromBounds(current.Start, member.Span.End) : member.Span;
            }
        }

        return span;
    }

    private static bool HasInitializer(BaseFieldDeclarationSyntax field)
    {
        foreach (var variable in field.Declaration.Variables)
        {
            if (variable.Initializer is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDirectlyIn(SyntaxNode node, TypeDeclarationSyntax declaration)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax type)
            {
                return type == declaration;
            }
        }

        return false;
    }
}
