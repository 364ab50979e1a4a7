using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Namespace tests by name, without a compilation lookup (the framework types they name may be absent).</summary>
internal static class Namespaces
{
    /// <summary>True when <paramref name="ns"/> is exactly the namespace <paramref name="outermostFirst"/> names (<c>"System", "Threading"</c>).</summary>
    public static bool IsExactly(INamespaceSymbol? ns, params string[] outermostFirst)
    {
        for (var i = outermostFirst.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != outermostFirst[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    private const int MaxDepth = 16;

    /// <summary>The outermost namespace's name (<c>FluentAssertions</c> for <c>FluentAssertions.Primitives</c>), or null for the global one.</summary>
    public static string? RootName(INamespaceSymbol? ns)
    {
        for (var depth = 0; ns is not null && !ns.IsGlobalNamespace && depth < MaxDepth; depth++)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return ns.Name;
            }

            ns = ns.ContainingNamespace;
        }

        return null;
    }
}
