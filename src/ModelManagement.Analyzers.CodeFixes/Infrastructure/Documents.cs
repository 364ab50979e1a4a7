using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>What every fix reads first: a document's syntax root and semantic model, together; and which copy of a linked file to edit.</summary>
internal static class Documents
{
    /// <summary>The root and semantic model of <paramref name="document"/>, or null when it lacks either (no syntax tree or no compilation).</summary>
    public static async Task<(SyntaxNode Root, SemanticModel Model)?> GetRootAndModelAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : (root, model);
    }

    /// <summary>
    /// The copy of <paramref name="document"/> to edit when its file is linked into several projects (a multi-targeted
    /// project has one document per target framework, with the same text): the copy in <paramref name="project"/>, else the
    /// copy in the solution's first such project, so that every linked copy maps to one document.
    /// </summary>
    public static Document LinkedCopyIn(Document document, ProjectId project)
    {
        var linked = document.GetLinkedDocumentIds();
        if (document.Project.Id == project || linked.IsEmpty)
        {
            return document;
        }

        var solution = document.Project.Solution;
        var chosen = document.Id;
        var chosenOrder = IndexOf(solution.ProjectIds, chosen.ProjectId);
        foreach (var id in linked)
        {
            if (id.ProjectId == project)
            {
                chosen = id;
                break;
            }

            var order = IndexOf(solution.ProjectIds, id.ProjectId);
            if (order >= 0 && (chosenOrder < 0 || order < chosenOrder))
            {
                chosen = id;
                chosenOrder = order;
            }
        }

        return solution.GetDocument(chosen) ?? document;
    }

    private static int IndexOf(System.Collections.Generic.IReadOnlyList<ProjectId> projects, ProjectId project)
    {
        for (var i = 0; i < projects.Count; i++)
        {
            if (projects[i] == project)
            {
                return i;
            }
        }

        return -1;
    }
}
