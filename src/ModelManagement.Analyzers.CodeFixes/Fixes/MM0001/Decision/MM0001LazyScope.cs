using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What the lazy initialization consists of: the constructor statements that move, the boundary (statements before it ran
/// before the blocking code), where the initializer is created, the facts of the moved code, the own methods it reaches,
/// and those of them that nothing but the initialization calls.
/// </summary>
internal sealed record MM0001LazyScope(
    ImmutableArray<MM0001CodeUnit> Moved,
    int Boundary,
    int InsertIndex,
    MM0001MemberFacts Init,
    ImmutableHashSet<IMethodSymbol> Reach,
    ImmutableHashSet<IMethodSymbol> InitializationOnly)
{
    /// <summary>The code that runs during the initialization: the moved code and the own members it reaches.</summary>
    public IEnumerable<MM0001MemberFacts> Code(MM0001TypeFacts facts)
    {
        yield return Init;
        foreach (var symbol in Reach)
        {
            if (facts.TryGetMember(symbol, out var member))
            {
                yield return member;
            }
        }
    }
}
