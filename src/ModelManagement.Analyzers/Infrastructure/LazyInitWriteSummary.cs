using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// What a call into one of the type's own methods does to tracked state: the members it writes before its first
/// await (synchronously, while the caller still holds the thread) and those it writes after an await.
/// </summary>
internal sealed class LazyInitWriteSummary
{
    public static readonly LazyInitWriteSummary Empty = new(ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty);

    public LazyInitWriteSummary(ImmutableArray<ISymbol> writesBeforeAwait, ImmutableArray<ISymbol> writesAfterAwait)
    {
        WritesBeforeAwait = writesBeforeAwait;
        WritesAfterAwait = writesAfterAwait;
    }

    public ImmutableArray<ISymbol> WritesBeforeAwait { get; }

    public ImmutableArray<ISymbol> WritesAfterAwait { get; }
}
