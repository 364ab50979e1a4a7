using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// What a call into one of the type's own methods does to tracked state: the members it writes before its first
/// await (synchronously, while the caller still holds the thread), those it writes after an await, and — for a
/// synchronous method — those it writes on every path that returns.
/// </summary>
internal sealed class LazyInitWriteSummary
{
    public static readonly LazyInitWriteSummary Empty = new(ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty);

    public LazyInitWriteSummary(ImmutableArray<ISymbol> writesBeforeAwait, ImmutableArray<ISymbol> writesAfterAwait, ImmutableArray<ISymbol> alwaysWrites)
    {
        WritesBeforeAwait = writesBeforeAwait;
        WritesAfterAwait = writesAfterAwait;
        AlwaysWrites = alwaysWrites;
    }

    /// <summary>
    /// The members a synchronous method assigns in a statement of its body's top level that every return passes
    /// (<c>void Process(Folder f) { Cache(f); Inbox = f; }</c>): once the call returns, they hold what it wrote.
    /// </summary>
    public ImmutableArray<ISymbol> AlwaysWrites { get; }

    public ImmutableArray<ISymbol> WritesBeforeAwait { get; }

    public ImmutableArray<ISymbol> WritesAfterAwait { get; }
}
