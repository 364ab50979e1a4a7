using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The semantic model of a file a rule follows a symbol into — a helper, a callee, a constructor or a base class declared
/// in another file than the one the driver handed over. The analyzer driver gives its compilations a caching
/// semantic-model provider, so this returns the model the driver already holds rather than binding afresh; every caller
/// asks once per summarised member or per report candidate.
/// </summary>
internal static class SemanticModels
{
    /// <summary>
    /// <paramref name="known"/> when it is <paramref name="tree"/>'s; null for a tree of another compilation (a project
    /// reference in the IDE: not ours to bind); else the compilation's model of the tree.
    /// </summary>
    public static SemanticModel? For(Compilation compilation, SyntaxTree tree, SemanticModel? known = null)
    {
        if (known is not null && known.SyntaxTree == tree)
        {
            return known;
        }

        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel(): the tree is not the one handed to the action (see above).
        return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}
