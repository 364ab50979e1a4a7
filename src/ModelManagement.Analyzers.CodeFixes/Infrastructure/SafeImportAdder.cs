using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Adds the using directives requested by <see cref="Simplifier.AddImportsAnnotation"/>, unless one of them would make
/// a name the document already uses ambiguous (CS0104) — e.g. the user's own <c>OptionalDependencyAttribute</c> next to
/// ModelManagement.Patterns'. Then the document keeps fully qualified names instead: a fix never breaks compiling code.
/// </summary>
internal static class SafeImportAdder
{
    private const string AmbiguousReferenceId = "CS0104";

    public static async Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken)
    {
        var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (withImports == document)
        {
            return document;
        }

        var before = await CountAmbiguitiesAsync(document, cancellationToken).ConfigureAwait(false);
        var after = await CountAmbiguitiesAsync(withImports, cancellationToken).ConfigureAwait(false);
        return after > before ? await WithoutImportRequestsAsync(document, cancellationToken).ConfigureAwait(false) : withImports;
    }

    /// <summary>Drops the add-imports requests so that the code action's own clean-up does not add the directives either.</summary>
    private static async Task<Document> WithoutImportRequestsAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var annotated = root.GetAnnotatedNodesAndTokens(Simplifier.AddImportsAnnotation);
        var nodes = new System.Collections.Generic.List<SyntaxNode>();
        foreach (var item in annotated)
        {
            if (item.AsNode() is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(nodes, static (_, rewritten) => rewritten.WithoutAnnotations(Simplifier.AddImportsAnnotation)));
    }

    private static async Task<int> CountAmbiguitiesAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return 0;
        }

        var count = 0;
        foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
        {
            if (diagnostic.Id == AmbiguousReferenceId)
            {
                count++;
            }
        }

        return count;
    }
}
