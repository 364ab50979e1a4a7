using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>A method together with the members it overrides or implements, where marker attributes and configured names may sit.</summary>
internal static class RelatedMethods
{
    private const int MaxDepth = 32;

    /// <summary>
    /// <paramref name="method"/> (an original definition) first, then every method it overrides and every interface member
    /// it or one of them implements, explicitly or implicitly, each once (original definitions).
    /// </summary>
    public static ImmutableArray<IMethodSymbol> Collect(IMethodSymbol method)
    {
        var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
        methods.Add(method);
        var overridden = method.OverriddenMethod;
        for (var depth = 0; overridden is not null && depth < MaxDepth; depth++)
        {
            AddUnique(methods, overridden.OriginalDefinition);
            overridden = overridden.OverriddenMethod;
        }

        var count = methods.Count;
        for (var i = 0; i < count; i++)
        {
            var candidate = methods[i];
            foreach (var explicitImplementation in candidate.ExplicitInterfaceImplementations)
            {
                AddUnique(methods, explicitImplementation.OriginalDefinition);
            }

            if (candidate.ContainingType is { TypeKind: not TypeKind.Interface } type && !candidate.IsStatic)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(candidate.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                            && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, candidate))
                        {
                            AddUnique(methods, interfaceMethod.OriginalDefinition);
                        }
                    }
                }
            }
        }

        return methods.ToImmutable();
    }

    private static void AddUnique(ImmutableArray<IMethodSymbol>.Builder methods, IMethodSymbol method)
    {
        if (!methods.Contains(method, SymbolEqualityComparer.Default))
        {
            methods.Add(method);
        }
    }
}
