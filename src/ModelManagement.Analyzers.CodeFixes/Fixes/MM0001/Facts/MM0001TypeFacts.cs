using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Everything the MM0001 decision needs to know about one type, gathered once by <see cref="MM0001TypeFactsBuilder"/> and
/// never changed afterwards: its declarations, the waits MM0001 reports (as their await conversions), the constructor that
/// runs them, what every member and every constructor statement does with the type's state, and the names in use.
/// </summary>
internal sealed class MM0001TypeFacts
{
    private readonly ImmutableDictionary<IMethodSymbol, MM0001MemberFacts> _byMethod;

    public MM0001TypeFacts(
        Solution solution,
        INamedTypeSymbol type,
        MM0001FixTypes types,
        ImmutableArray<MM0001TypePart> parts,
        ImmutableArray<MM0001Site> sites,
        MM0001TypePart constructorPart,
        ConstructorDeclarationSyntax? constructor,
        IMethodSymbol? constructorSymbol,
        ImmutableArray<MM0001MemberFacts> otherConstructors,
        ImmutableArray<MM0001AwaitConversion> conversions,
        ImmutableArray<MM0001MovedInitializer> initializers,
        ImmutableArray<MM0001ConvertedMethod> convertedMethods,
        ImmutableArray<MM0001CodeUnit> constructorUnits,
        ImmutableArray<MM0001MemberFacts> members,
        ImmutableArray<MM0001MemberFacts> nestedTypes,
        ImmutableHashSet<string> takenNames,
        string initializeMethodName)
    {
        Solution = solution;
        Type = type;
        Types = types;
        Parts = parts;
        Sites = sites;
        ConstructorPart = constructorPart;
        Constructor = constructor;
        ConstructorSymbol = constructorSymbol;
        OtherConstructors = otherConstructors;
        Conversions = conversions;
        Initializers = initializers;
        ConvertedMethods = convertedMethods;
        ConstructorUnits = constructorUnits;
        Members = members;
        _byMethod = members.ToImmutableDictionary<MM0001MemberFacts, IMethodSymbol, MM0001MemberFacts>(static member => member.Symbol!, static member => member, SymbolEqualityComparer.Default);
        NestedTypes = nestedTypes;
        TakenNames = takenNames;
        InitializeMethodName = initializeMethodName;
    }

    public Solution Solution { get; }

    public INamedTypeSymbol Type { get; }

    public MM0001FixTypes Types { get; }

    /// <summary>The declarations of the (possibly partial) class.</summary>
    public ImmutableArray<MM0001TypePart> Parts { get; }

    /// <summary>The reported waits the rewrite moves, in source order (those in static or base-constructor code are left out).</summary>
    public ImmutableArray<MM0001Site> Sites { get; }

    /// <summary>The declaration that holds the constructor (or gets one written) and receives the new members.</summary>
    public MM0001TypePart ConstructorPart { get; }

    /// <summary>The constructor whose work moves; null when the type has only the implicit one (initializers only).</summary>
    public ConstructorDeclarationSyntax? Constructor { get; }

    public IMethodSymbol? ConstructorSymbol { get; }

    /// <summary>The other explicit instance constructors (each chains to <see cref="Constructor"/>).</summary>
    public ImmutableArray<MM0001MemberFacts> OtherConstructors { get; }

    /// <summary>Every blocking expression (and call of a converted method) that becomes an await.</summary>
    public ImmutableArray<MM0001AwaitConversion> Conversions { get; }

    /// <summary>Blocking field and property initializers: they move into the initialization method.</summary>
    public ImmutableArray<MM0001MovedInitializer> Initializers { get; }

    /// <summary>Own synchronous methods (reached from the constructor) that become async.</summary>
    public ImmutableArray<MM0001ConvertedMethod> ConvertedMethods { get; }

    /// <summary>The top-level statements of <see cref="Constructor"/> (or its expression body), in order.</summary>
    public ImmutableArray<MM0001CodeUnit> ConstructorUnits { get; }

    /// <summary>Methods, accessors and operators of the type (constructors aside), in declaration order, one per normalized symbol.</summary>
    public ImmutableArray<MM0001MemberFacts> Members { get; }

    /// <summary>Nested types and delegates: every own member they use counts as used through another instance.</summary>
    public ImmutableArray<MM0001MemberFacts> NestedTypes { get; }

    /// <summary>Member names and identifiers in use, with <see cref="InitializeMethodName"/> and the converted methods' names.</summary>
    public ImmutableHashSet<string> TakenNames { get; }

    /// <summary>The unique name of the new private async initialization method.</summary>
    public string InitializeMethodName { get; }

    /// <summary>The facts of the own method or accessor <paramref name="method"/> (normalized), if the type declares it.</summary>
    public bool TryGetMember(IMethodSymbol method, [NotNullWhen(true)] out MM0001MemberFacts? facts)
        => _byMethod.TryGetValue(method, out facts);

    /// <summary>True when the rewrite fixes the diagnostic at <paramref name="location"/>.</summary>
    public bool Covers(Location location)
    {
        foreach (var site in Sites)
        {
            if (site.Node.SyntaxTree == location.SourceTree && site.Node.Span == location.SourceSpan)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every piece of code of the type: members, constructor statements, other constructors, nested types.</summary>
    public IEnumerable<MM0001MemberFacts> AllCode()
    {
        foreach (var member in Members)
        {
            yield return member;
        }

        foreach (var unit in ConstructorUnits)
        {
            yield return unit.Facts;
        }

        foreach (var constructor in OtherConstructors)
        {
            yield return constructor;
        }

        foreach (var nested in NestedTypes)
        {
            yield return nested;
        }
    }

    /// <summary>The declaration of the type that holds <paramref name="node"/>, or null.</summary>
    public MM0001TypePart? FindPart(SyntaxNode node)
    {
        foreach (var part in Parts)
        {
            if (part.Declaration.SyntaxTree == node.SyntaxTree && part.Declaration.Span.Contains(node.Span))
            {
                return part;
            }
        }

        return null;
    }

    /// <summary>The member whose declaration is <paramref name="declaration"/>, or null.</summary>
    public MM0001MemberFacts? FindMember(SyntaxNode declaration)
    {
        foreach (var member in Members)
        {
            if (member.Declaration == declaration)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Own members reachable from <paramref name="start"/> through calls on this instance (or static calls).</summary>
    public HashSet<IMethodSymbol> Reach(MM0001MemberFacts start, bool includeAsync)
    {
        var reached = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<MM0001MemberFacts>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            foreach (var call in queue.Dequeue().Calls)
            {
                if (call.Receiver != MM0001Receiver.Other && TryGetMember(call.Target, out var callee)
                    && (includeAsync || !callee.IsAsync) && reached.Add(call.Target))
                {
                    queue.Enqueue(callee);
                }
            }
        }

        return reached;
    }
}
