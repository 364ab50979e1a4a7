using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The processors this compilation declares as owners of a concern (pattern 6) — by <c>[CentralizedBy(typeof(P))]</c> in
/// its source or by a CentralizedSymbols file — with what each owns. MM0002's fix asks it whether an awaited call is the
/// owner's own work: inside <c>HistoricalLogProcessor</c>, <c>await RecordAsync(entry, ct)</c> may be the write the
/// processor exists for, and swallowing its failure is the author's call, not a fix's. Collected on the first question.
/// </summary>
internal sealed class CentralizationOwners
{
    private const int MaxDepth = 32;

    private readonly Dictionary<INamedTypeSymbol, List<ISymbol>> _owned;

    private CentralizationOwners(Dictionary<INamedTypeSymbol, List<ISymbol>> owned)
    {
        _owned = owned;
    }

    public static CentralizationOwners Collect(Compilation compilation, ImmutableArray<CentralizedSymbolsFile> files, CancellationToken cancellationToken)
    {
        var owned = new Dictionary<INamedTypeSymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        foreach (var file in files)
        {
            foreach (var entry in file.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CentralizedSymbolsFile.Resolve(entry, compilation, out var symbols, out var owners, out _) == CentralizedSymbolsProblem.None)
                {
                    foreach (var owner in owners)
                    {
                        foreach (var symbol in symbols)
                        {
                            Add(owned, owner, symbol);
                        }
                    }
                }
            }
        }

        var roots = AttributeReach.DefiningAssemblies(compilation, CentralizedSymbolIndex.AttributeName);
        if (AttributeReach.CanBeApplied(compilation, roots, AttributeMentions.CentralizedBy, cancellationToken))
        {
            CollectAttributes(compilation, owned, cancellationToken);
        }

        return new CentralizationOwners(owned);
    }

    /// <summary>
    /// Whether <paramref name="target"/>, called from <paramref name="containingSymbol"/>, is the owner's own work: the
    /// call is made inside an owner (or a type nested in one) and goes to a member of that owner (or of a base of it), or
    /// to something the owner owns (the centralized type or member itself, or a member of a centralized type).
    /// </summary>
    public bool IsOwnerCall(ISymbol containingSymbol, IMethodSymbol target)
    {
        if (_owned.Count == 0)
        {
            return false;
        }

        var site = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
        for (var depth = 0; site is not null && depth < MaxDepth; site = site.ContainingType, depth++)
        {
            if (!_owned.TryGetValue(site.OriginalDefinition, out var owned))
            {
                continue;
            }

            var targetType = (target.ReducedFrom ?? target).ContainingType?.OriginalDefinition;
            for (var type = site.OriginalDefinition; type is not null; type = type.BaseType?.OriginalDefinition)
            {
                if (SymbolEqualityComparer.Default.Equals(type, targetType))
                {
                    return true; // the owner's own member: `await RecordAsync(entry, ct);`
                }
            }

            foreach (var symbol in owned)
            {
                if (Owns(symbol, target))
                {
                    return true; // what it owns: `await _store.InsertAsync(entry);` in the store's processor
                }
            }
        }

        return false;
    }

    private static bool Owns(ISymbol owned, IMethodSymbol target)
    {
        var definition = (target.ReducedFrom ?? target).OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(owned, definition))
        {
            return true;
        }

        if (owned is INamespaceSymbol ns)
        {
            for (var current = definition.ContainingNamespace; current is not null; current = current.ContainingNamespace)
            {
                if (SymbolEqualityComparer.Default.Equals(current, ns))
                {
                    return true;
                }
            }

            return false;
        }

        for (var type = definition.ContainingType; type is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(owned, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The declarations of files that write <c>CentralizedBy</c>, read through their symbols' attributes.</summary>
    private static void CollectAttributes(Compilation compilation, Dictionary<INamedTypeSymbol, List<ISymbol>> owned, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!AttributeMentions.CentralizedBy.AnyIn(tree, cancellationToken))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
            {
                if (node is not MemberDeclarationSyntax { AttributeLists.Count: > 0 } member || !WritesCentralizedBy(member))
                {
                    continue;
                }

                model ??= SemanticModels.For(compilation, tree);
                if (model is null)
                {
                    break;
                }

                foreach (var declared in DeclaredSymbols(member, model, cancellationToken))
                {
                    ImmutableArray<INamedTypeSymbol>.Builder? owners = null;
                    if (CentralizedSymbolIndex.AddAttributeOwners(ref owners, declared) && owners is not null)
                    {
                        foreach (var owner in owners)
                        {
                            Add(owned, owner, declared.OriginalDefinition);
                        }
                    }
                }
            }
        }
    }

    private static bool WritesCentralizedBy(MemberDeclarationSyntax member)
    {
        foreach (var list in member.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name.ToString().Contains("CentralizedBy"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<ISymbol> DeclaredSymbols(MemberDeclarationSyntax member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (member is BaseFieldDeclarationSyntax field)
        {
            foreach (var variable in field.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
                {
                    yield return symbol;
                }
            }

            yield break;
        }

        if (model.GetDeclaredSymbol(member, cancellationToken) is { } declared)
        {
            yield return declared;
        }
    }

    private static void Add(Dictionary<INamedTypeSymbol, List<ISymbol>> owned, INamedTypeSymbol owner, ISymbol symbol)
    {
        var key = owner.OriginalDefinition;
        if (!owned.TryGetValue(key, out var list))
        {
            list = new List<ISymbol>();
            owned.Add(key, list);
        }

        list.Add(symbol.OriginalDefinition);
    }
}
