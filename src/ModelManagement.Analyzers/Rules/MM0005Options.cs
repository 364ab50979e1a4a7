using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// The MM0005 <c>.editorconfig</c> options, read once per syntax tree and cached for the compilation.
/// </summary>
internal sealed class MM0005Options
{
    /// <summary>
    /// Key <c>mm0005.single_caller_types</c>: fully qualified names of base classes or interfaces whose instances are used
    /// by one caller at a time (a unit-of-work session, an actor the framework hands one message at a time), so the
    /// members of the types deriving from or implementing them are not judged — like an Entity Framework <c>DbContext</c>'s.
    /// </summary>
    public const string SingleCallerTypesKey = "mm0005.single_caller_types";

    private readonly PerTreeCache<ImmutableHashSet<string>> _singleCallerTypes;

    public MM0005Options(AnalyzerConfigOptionsProvider provider)
    {
        _singleCallerTypes = new PerTreeCache<ImmutableHashSet<string>>(tree => EditorConfigListOption.ReadSymbolSet(provider.GetOptions(tree), SingleCallerTypesKey));
    }

    /// <summary>The normalized names <see cref="SingleCallerTypesKey"/> lists for <paramref name="tree"/> (empty when unset).</summary>
    public ImmutableHashSet<string> SingleCallerTypes(SyntaxTree tree) => _singleCallerTypes.Get(tree);

    /// <summary>Whether <paramref name="type"/>, a base class or an interface of it is named in <paramref name="names"/>.</summary>
    public static bool IsListed(INamedTypeSymbol type, ImmutableHashSet<string> names)
    {
        if (names.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (names.Contains(current.ToDisplayString(RelatedMethods.QualifiedNameFormat)))
            {
                return true;
            }
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (names.Contains(candidate.ToDisplayString(RelatedMethods.QualifiedNameFormat)))
            {
                return true;
            }
        }

        return false;
    }
}
