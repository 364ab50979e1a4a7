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
/// <param name="Solution">The solution the type was analysed in.</param>
/// <param name="Type">The (non-record, non-static) class.</param>
/// <param name="Types">The framework and helper types the fix reads or writes.</param>
/// <param name="Parts">The declarations of the (possibly partial) class.</param>
/// <param name="Sites">The reported waits the rewrite moves, in source order (those in static or base-constructor code are left out).</param>
/// <param name="ConstructorPart">The declaration that holds the constructor (or gets one written) and receives the new members.</param>
/// <param name="Constructor">The constructor whose work moves; null when the type has only the implicit one (initializers only).</param>
/// <param name="ConstructorSymbol">The symbol of <paramref name="Constructor"/>.</param>
/// <param name="OtherConstructors">The other explicit instance constructors (each chains to <paramref name="Constructor"/>).</param>
/// <param name="Conversions">Every blocking expression (and call of a converted method) that becomes an await, and every task the moved code starts without waiting (it becomes a discard).</param>
/// <param name="Initializers">Blocking field and property initializers: they move into the initialization method.</param>
/// <param name="ConvertedMethods">Own synchronous methods (reached from the constructor) that become async.</param>
/// <param name="ConstructorUnits">The top-level statements of <paramref name="Constructor"/> (or its expression body), in order.</param>
/// <param name="Members">Methods, accessors and operators of the type (constructors aside), in declaration order, one per normalized symbol.</param>
/// <param name="NestedTypes">Nested types and delegates: every own member they use counts as used through another instance.</param>
/// <param name="TakenNames">Member names and identifiers in use, with <paramref name="InitializeMethodName"/> and the converted methods' names.</param>
/// <param name="InitializeMethodName">The unique name of the new private async initialization method.</param>
/// <param name="PrimaryConstructor">
/// The class has a primary constructor (C# 12): <paramref name="Constructor"/> is null, only initializers block, there is
/// no body to create the initializer in (an accessor creates it on first use), and no constructor the factory could hide.
/// </param>
internal sealed record MM0001TypeFacts(
    Solution Solution,
    INamedTypeSymbol Type,
    MM0001FixTypes Types,
    ImmutableArray<MM0001TypePart> Parts,
    ImmutableArray<MM0001Site> Sites,
    MM0001TypePart ConstructorPart,
    ConstructorDeclarationSyntax? Constructor,
    IMethodSymbol? ConstructorSymbol,
    ImmutableArray<MM0001MemberFacts> OtherConstructors,
    ImmutableArray<MM0001AwaitConversion> Conversions,
    ImmutableArray<MM0001MovedInitializer> Initializers,
    ImmutableArray<MM0001ConvertedMethod> ConvertedMethods,
    ImmutableArray<MM0001CodeUnit> ConstructorUnits,
    ImmutableArray<MM0001MemberFacts> Members,
    ImmutableArray<MM0001MemberFacts> NestedTypes,
    ImmutableHashSet<string> TakenNames,
    string InitializeMethodName,
    bool PrimaryConstructor = false)
{
    // Derived from Members once; the facts are never copied with 'with' (a copy would keep this index).
    private readonly ImmutableDictionary<IMethodSymbol, MM0001MemberFacts> _byMethod =
        Members.ToImmutableDictionary<MM0001MemberFacts, IMethodSymbol, MM0001MemberFacts>(static member => member.Symbol!, static member => member, SymbolEqualityComparer.Default);

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
    public MM0001TypePart? FindPart(SyntaxNode node) => MM0001TypePart.Find(Parts, node);

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
