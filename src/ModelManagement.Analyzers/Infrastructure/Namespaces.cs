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
}
