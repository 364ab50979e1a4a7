using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// BenchmarkDotNet classes: a class with a <c>[Benchmark]</c> method (<c>BenchmarkDotNet.Attributes.BenchmarkAttribute</c>,
/// matched in exactly that namespace), declared by it or inherited from a base. The harness creates the class once per
/// run, on a thread without a synchronization context, and times its <c>[Benchmark]</c> methods: its constructor is the
/// run's set-up (MM0001: a lazy rewrite would move the set-up into the measured method), and its members dispatch to the
/// work being timed (MM0004).
/// </summary>
internal static class BenchmarkClasses
{
    private const int MaxBaseDepth = 16;

    /// <summary>Whether the compilation can see BenchmarkDotNet's attribute at all (the gate before any member walk).</summary>
    public static bool IsReferenced(Compilation compilation)
        => compilation.GetTypeByMetadataName("BenchmarkDotNet.Attributes.BenchmarkAttribute") is not null;

    /// <summary>A <c>[Benchmark]</c> method.</summary>
    public static bool IsBenchmark(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "BenchmarkAttribute", ContainingNamespace: { Name: "Attributes", ContainingNamespace: { Name: "BenchmarkDotNet", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> or one of its bases declares a <c>[Benchmark]</c> method.</summary>
    public static bool DeclaresBenchmark(INamedTypeSymbol? type)
    {
        for (var depth = 0; type is not null && type.SpecialType != SpecialType.System_Object && depth < MaxBaseDepth; depth++, type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsBenchmark(method))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
