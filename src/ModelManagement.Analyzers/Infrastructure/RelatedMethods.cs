using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>A method together with the members it overrides or implements, where marker attributes and configured names may sit.</summary>
internal static class RelatedMethods
{
    private const int MaxDepth = 32;

    /// <summary>How configured symbol names (<c>mm0002.included_symbols</c>, <c>mm0004.excluded_symbols</c> …) are written: <c>Namespace.Type.Member</c>.</summary>
    public static readonly SymbolDisplayFormat QualifiedNameFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>
    /// True when the qualified name of one of <paramref name="related"/> is in <paramref name="names"/>. The names are
    /// formatted on first use into <paramref name="cache"/> (a benign race: every thread computes the same array).
    /// </summary>
    public static bool AnyQualifiedNameIn(ImmutableArray<ISymbol> related, ref ImmutableArray<string> cache, ImmutableHashSet<string> names)
    {
        var qualifiedNames = cache;
        if (qualifiedNames.IsDefault)
        {
            var builder = ImmutableArray.CreateBuilder<string>(related.Length);
            foreach (var symbol in related)
            {
                builder.Add(symbol.ToDisplayString(QualifiedNameFormat));
            }

            qualifiedNames = builder.MoveToImmutable();
            cache = qualifiedNames;
        }

        foreach (var name in qualifiedNames)
        {
            if (names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

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
