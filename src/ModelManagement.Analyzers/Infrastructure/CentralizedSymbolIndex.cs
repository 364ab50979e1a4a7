using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0006's per-compilation knowledge: which symbols are centralized (by <c>[CentralizedBy]</c>, matched by name, or by
/// a CentralizedSymbols file), who owns them, and which code may use them. Answers are memoised per symbol definition;
/// symbols of assemblies that can neither carry the attribute nor hold a listed symbol are rejected by one cached
/// per-assembly check, so calls into the base class library cost a dictionary lookup.
/// </summary>
internal sealed class CentralizedSymbolIndex
{
    public const string AttributeName = "CentralizedByAttribute";

    // Override, containment and base-type chains deeper than this are not real code; they are cut off.
    private const int MaxDepth = 32;

    private static readonly Centralization NotCentralized = new(
        ImmutableArray<INamedTypeSymbol>.Empty, ImmutableArray<INamedTypeSymbol>.Empty, ImmutableArray<INamespaceSymbol>.Empty);

    private readonly Compilation _compilation;
    private readonly bool _attributeExists;
    private readonly ImmutableHashSet<string> _rootAssemblyNames;
    private readonly Dictionary<ISymbol, ImmutableArray<INamedTypeSymbol>> _listedSymbols;
    private readonly ImmutableArray<(INamespaceSymbol Namespace, ImmutableArray<INamedTypeSymbol> Owners)> _listedNamespaces;
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _relevantAssemblies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Centralization> _centralizations = new(SymbolEqualityComparer.Default);
    private TestFrameworks? _testFrameworks;
    private int _testFrameworksResolved;

    private CentralizedSymbolIndex(
        Compilation compilation,
        bool attributeExists,
        ImmutableHashSet<string> rootAssemblyNames,
        Dictionary<ISymbol, ImmutableArray<INamedTypeSymbol>> listedSymbols,
        ImmutableArray<(INamespaceSymbol, ImmutableArray<INamedTypeSymbol>)> listedNamespaces)
    {
        _compilation = compilation;
        _attributeExists = attributeExists;
        _rootAssemblyNames = rootAssemblyNames;
        _listedSymbols = listedSymbols;
        _listedNamespaces = listedNamespaces;
    }

    /// <summary>
    /// Null when nothing can be centralized: no usable CentralizedSymbols entry, and no type named
    /// <c>CentralizedByAttribute</c> in the compilation or its references or nothing that can carry one
    /// (<see cref="AttributeReach.CanBeApplied"/>). Then MM0006 registers nothing.
    /// </summary>
    public static CentralizedSymbolIndex? TryCreate(Compilation compilation, ImmutableArray<CentralizedSymbolsFile> files, CancellationToken cancellationToken)
    {
        var roots = AttributeReach.DefiningAssemblies(compilation, AttributeName);
        var attributeExists = roots.Count != 0;
        if (attributeExists && !AttributeReach.CanBeApplied(compilation, roots, AttributeMentions.CentralizedBy, cancellationToken))
        {
            // The attribute type is there (every consumer of the package references ModelManagement.Patterns), but no
            // symbol can carry it: nothing to enforce unless a file lists symbols.
            attributeExists = false;
            roots.Clear();
        }

        var listed = new Dictionary<ISymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var namespaces = ImmutableArray.CreateBuilder<(INamespaceSymbol, ImmutableArray<INamedTypeSymbol>)>();
        foreach (var file in files)
        {
            foreach (var entry in file.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CentralizedSymbolsFile.Resolve(entry, compilation, out var symbols, out var owners, out _) != CentralizedSymbolsProblem.None)
                {
                    continue; // MM0008 reports the line
                }

                foreach (var symbol in symbols)
                {
                    if (symbol is INamespaceSymbol ns)
                    {
                        namespaces.Add((ns, owners));
                        foreach (var constituent in ns.ConstituentNamespaces)
                        {
                            AddRoot(roots, constituent.ContainingAssembly);
                        }

                        continue;
                    }

                    var definition = symbol.OriginalDefinition;
                    listed[definition] = listed.TryGetValue(definition, out var existing) ? Union(existing, owners) : owners;
                    AddRoot(roots, definition.ContainingAssembly);
                }
            }
        }

        if (!attributeExists && listed.Count == 0 && namespaces.Count == 0)
        {
            return null;
        }

        return new CentralizedSymbolIndex(compilation, attributeExists, roots.ToImmutable(), listed, namespaces.ToImmutable());
    }

    /// <summary>The centralization of a used symbol, or null. Memoised; cheap for symbols of unrelated assemblies.</summary>
    public Centralization? Get(ISymbol symbol)
    {
        var result = GetCore(symbol, 0);
        return ReferenceEquals(result, NotCentralized) ? null : result;
    }

    /// <summary>
    /// True when code in <paramref name="containingSymbol"/> may use the symbol: it is inside an owner (or a type nested
    /// in one), inside a declaring type or one of its implementations/subclasses, inside a listed namespace, or test code.
    /// </summary>
    public bool IsAllowedIn(Centralization centralization, ISymbol containingSymbol)
    {
        var site = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
        var depth = 0;
        for (var type = site; type is not null && depth < MaxDepth; type = type.ContainingType, depth++)
        {
            var definition = type.OriginalDefinition;
            if (Contains(centralization.Owners, definition) || IsDeclarerOrImplementation(centralization.Declarers, definition))
            {
                return true;
            }
        }

        if (!centralization.Namespaces.IsEmpty)
        {
            foreach (var ns in centralization.Namespaces)
            {
                if (IsWithin(site?.ContainingNamespace ?? containingSymbol.ContainingNamespace, ns))
                {
                    return true;
                }
            }
        }

        return site is not null && IsTestCode(site);
    }

    /// <summary>True inside <c>nameof(...)</c>: naming a symbol is not using it.</summary>
    public static bool IsInsideNameOf(IOperation operation)
    {
        var current = operation.Parent;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++, current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private Centralization GetCore(ISymbol symbol, int depth)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            symbol = reducedFrom;
        }

        symbol = symbol.OriginalDefinition;
        if (!IsRelevant(symbol.ContainingAssembly))
        {
            return NotCentralized;
        }

        if (_centralizations.TryGetValue(symbol, out var cached))
        {
            return cached;
        }

        var computed = depth >= MaxDepth ? NotCentralized : Compute(symbol, depth);
        return _centralizations.GetOrAdd(symbol, computed);
    }

    private Centralization Compute(ISymbol symbol, int depth)
    {
        ImmutableArray<INamedTypeSymbol>.Builder? owners = null;
        ImmutableArray<INamedTypeSymbol>.Builder? declarers = null;
        ImmutableArray<INamespaceSymbol>.Builder? namespaces = null;

        // The symbol itself: listed, or carrying the attribute.
        if (_listedSymbols.TryGetValue(symbol, out var listedOwners))
        {
            AddAll(ref owners, listedOwners);
        }

        if (_attributeExists)
        {
            AddAttributeOwners(ref owners, symbol);
        }

        // Its containing types (a member of a centralized type, or of a type nested in one).
        var typeDepth = 0;
        for (var type = symbol.ContainingType; type is not null && typeDepth < MaxDepth; type = type.ContainingType, typeDepth++)
        {
            var found = false;
            if (_listedSymbols.TryGetValue(type, out var typeOwners))
            {
                AddAll(ref owners, typeOwners);
                found = true;
            }

            if (_attributeExists && AddAttributeOwners(ref owners, type))
            {
                found = true;
            }

            if (found && !SymbolEqualityComparer.Default.Equals(type, symbol.ContainingType))
            {
                Add(ref declarers, type);
            }
        }

        // Namespaces listed with N:.
        foreach (var (ns, nsOwners) in _listedNamespaces)
        {
            if (IsWithin(symbol.ContainingNamespace, ns))
            {
                AddAll(ref owners, nsOwners);
                Add(ref namespaces, ns);
            }
        }

        // Members it overrides or implements.
        foreach (var inherited in InheritedMembers(symbol))
        {
            var centralization = GetCore(inherited, depth + 1);
            if (!ReferenceEquals(centralization, NotCentralized))
            {
                AddAll(ref owners, centralization.Owners);
                AddAll(ref declarers, centralization.Declarers);
                foreach (var ns in centralization.Namespaces)
                {
                    Add(ref namespaces, ns);
                }
            }
        }

        if (owners is null)
        {
            return NotCentralized;
        }

        if (symbol.ContainingType is { } containingType)
        {
            Add(ref declarers, containingType);
        }

        return new Centralization(
            owners.ToImmutable(),
            declarers?.ToImmutable() ?? ImmutableArray<INamedTypeSymbol>.Empty,
            namespaces?.ToImmutable() ?? ImmutableArray<INamespaceSymbol>.Empty);
    }

    /// <summary>The member this one overrides, and the interface members it implements (explicitly or implicitly).</summary>
    private IEnumerable<ISymbol> InheritedMembers(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol { OverriddenMethod: { } overridden }:
                yield return overridden;
                break;
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                yield return overridden;
                break;
            case IEventSymbol { OverriddenEvent: { } overridden }:
                yield return overridden;
                break;
        }

        var type = symbol.ContainingType;
        if (symbol.IsStatic || type is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || symbol is not (IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } or IPropertySymbol or IEventSymbol))
        {
            yield break;
        }

        foreach (var explicitImplementation in ExplicitImplementations(symbol))
        {
            yield return explicitImplementation;
        }

        if (symbol.DeclaredAccessibility != Accessibility.Public)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (!IsRelevant(@interface.ContainingAssembly))
            {
                continue;
            }

            foreach (var member in @interface.GetMembers(symbol.Name))
            {
                if (member.Kind == symbol.Kind
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, symbol))
                {
                    yield return member;
                }
            }
        }
    }

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        IEventSymbol @event => @event.ExplicitInterfaceImplementations,
        _ => ImmutableArray<ISymbol>.Empty,
    };

    /// <summary>
    /// An assembly can hold a centralized symbol when it is this compilation's, defines the attribute or a listed symbol,
    /// or references such an assembly (only then can its symbols carry the attribute or implement a listed member).
    /// </summary>
    private bool IsRelevant(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        if (_relevantAssemblies.TryGetValue(assembly, out var relevant))
        {
            return relevant;
        }

        relevant = SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly) || _rootAssemblyNames.Contains(assembly.Name);
        if (!relevant)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (_rootAssemblyNames.Contains(referenced.Name))
                    {
                        relevant = true;
                        break;
                    }
                }
            }
        }

        return _relevantAssemblies.GetOrAdd(assembly, relevant);
    }

    private bool IsTestCode(INamedTypeSymbol site)
    {
        if (Volatile.Read(ref _testFrameworksResolved) == 0)
        {
            Interlocked.CompareExchange(ref _testFrameworks, TestFrameworks.Create(_compilation), null);
            Volatile.Write(ref _testFrameworksResolved, 1);
        }

        var frameworks = Volatile.Read(ref _testFrameworks);
        if (frameworks is null)
        {
            return false;
        }

        var depth = 0;
        for (var type = site; type is not null && depth < MaxDepth; type = type.ContainingType, depth++)
        {
            if (frameworks.DeclaresOrInheritsTestMethod(type) || TestFrameworks.DeclaresOrInheritsSetUp(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the processors of every <c>[CentralizedBy(typeof(P))]</c> on the symbol; true when it has one.</summary>
    internal static bool AddAttributeOwners(ref ImmutableArray<INamedTypeSymbol>.Builder? owners, ISymbol symbol)
    {
        var found = false;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != AttributeName || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Array)
            {
                // An attribute of the same name declared as `params Type[] processors`.
                foreach (var element in argument.Values)
                {
                    found |= AddProcessor(ref owners, element);
                }
            }
            else
            {
                found |= AddProcessor(ref owners, argument);
            }
        }

        return found;
    }

    private static bool AddProcessor(ref ImmutableArray<INamedTypeSymbol>.Builder? owners, TypedConstant argument)
    {
        if (argument is { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol processor } && processor.TypeKind != TypeKind.Error)
        {
            Add(ref owners, processor.OriginalDefinition);
            return true;
        }

        return false; // typeof(Missing) in half-typed code, or null: no processor, so no centralization from this attribute
    }

    private static bool IsDeclarerOrImplementation(ImmutableArray<INamedTypeSymbol> declarers, INamedTypeSymbol site)
    {
        foreach (var declarer in declarers)
        {
            if (SymbolEqualityComparer.Default.Equals(site, declarer))
            {
                return true;
            }

            if (declarer.SpecialType != SpecialType.None)
            {
                continue; // System.Object and friends: every type derives from them, which would allow everything
            }

            if (declarer.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in site.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, declarer))
                    {
                        return true;
                    }
                }

                continue;
            }

            var depth = 0;
            for (var baseType = site.BaseType; baseType is not null && depth < MaxDepth; baseType = baseType.BaseType, depth++)
            {
                if (SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, declarer))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Namespace containment by name, so a metadata namespace matches the compilation's merged one.</summary>
    private static bool IsWithin(INamespaceSymbol? candidate, INamespaceSymbol container)
    {
        if (container.IsGlobalNamespace)
        {
            return candidate is not null;
        }

        var depth = 0;
        for (var ns = candidate; ns is not null && !ns.IsGlobalNamespace && depth < MaxDepth; ns = ns.ContainingNamespace, depth++)
        {
            if (SameName(ns, container))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameName(INamespaceSymbol left, INamespaceSymbol right)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (left.IsGlobalNamespace || right.IsGlobalNamespace)
            {
                return left.IsGlobalNamespace && right.IsGlobalNamespace;
            }

            if (left.Name != right.Name || left.ContainingNamespace is null || right.ContainingNamespace is null)
            {
                return false;
            }

            left = left.ContainingNamespace;
            right = right.ContainingNamespace;
        }

        return false;
    }

    private static void AddRoot(ImmutableHashSet<string>.Builder roots, IAssemblySymbol? assembly)
    {
        if (assembly is not null)
        {
            roots.Add(assembly.Name);
        }
    }

    private static ImmutableArray<INamedTypeSymbol> Union(ImmutableArray<INamedTypeSymbol> left, ImmutableArray<INamedTypeSymbol> right)
    {
        ImmutableArray<INamedTypeSymbol>.Builder? builder = null;
        AddAll(ref builder, left);
        AddAll(ref builder, right);
        return builder?.ToImmutable() ?? ImmutableArray<INamedTypeSymbol>.Empty;
    }

    private static void AddAll<T>(ref ImmutableArray<T>.Builder? builder, ImmutableArray<T> items)
        where T : class, ISymbol
    {
        foreach (var item in items)
        {
            Add(ref builder, item);
        }
    }

    private static void Add<T>(ref ImmutableArray<T>.Builder? builder, T item)
        where T : class, ISymbol
    {
        builder ??= ImmutableArray.CreateBuilder<T>();
        foreach (var existing in builder)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, item))
            {
                return;
            }
        }

        builder.Add(item);
    }

    internal static bool Contains(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol type)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }
}
