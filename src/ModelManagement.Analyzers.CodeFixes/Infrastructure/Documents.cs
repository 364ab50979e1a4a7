using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>What every fix reads first: a document's syntax root and semantic model, together.</summary>
internal static class Documents
{
    /// <summary>The root and semantic model of <paramref name="document"/>, or null when it lacks either (no syntax tree or no compilation).</summary>
    public static async Task<(SyntaxNode Root, SemanticModel Model)?> GetRootAndModelAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : (root, model);
    }
}
