using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The type's MM0001 sites, taken from the real diagnostics: the MM0001 analyzer runs through the analyzer driver over just
/// the type's construction code with the project's options, so every suppression form the build honours — <c>#pragma</c>,
/// <c>[SuppressMessage]</c>, editorconfig/globalconfig severity <c>none</c>, generated code (files and <c>[GeneratedCode]</c>
/// members) — leaves a wait where it is, exactly as it leaves it unreported.
/// </summary>
internal static class MM0001ReportedSites
{
    /// <summary>The reported sites directly in <paramref name="parts"/> (not in nested types), in source order; or why there are none usable.</summary>
    public static async Task<(ImmutableArray<MM0001Site> Sites, MM0001Refusal? Refusal)> CollectAsync(
        Compilation compilation, Project project, INamedTypeSymbol type, ImmutableArray<MM0001TypePart> parts, CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MM0001BlockingWaitInConstructorAnalyzer()),
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var sites = new List<MM0001Site>();
        foreach (var part in parts)
        {
            var tree = part.Declaration.SyntaxTree;
            if (ConstructionSpan(part.Declaration) is not { } span)
            {
                continue;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            foreach (var diagnostic in await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false))
            {
                if (diagnostic.Id != DiagnosticIds.BlockingWaitInConstructor || diagnostic.IsSuppressed || diagnostic.Location.SourceTree != tree)
                {
                    continue;
                }

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
        }

        sites.Sort(static (a, b) => a.Node.SpanStart.CompareTo(b.Node.SpanStart));
        return sites.Count == 0 ? (default, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, type)) : (sites.ToImmutableArray(), null);
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
