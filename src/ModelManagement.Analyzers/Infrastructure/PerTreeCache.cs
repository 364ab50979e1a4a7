using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A value computed once per syntax tree for one compilation (a tree's <c>.editorconfig</c> options, the word positions of
/// its text), read without taking a lock: the tree asked for last is answered from a single slot (the driver analyzes a
/// tree's nodes one after another), others from an immutable map swapped in with a compare-and-exchange. A
/// <c>ConcurrentDictionary</c> takes a monitor on every first add, and the profiler showed callers spinning there.
/// </summary>
/// <remarks>
/// The computation must be deterministic for a tree: when two threads compute the same tree at once both run it,
/// and one result is kept.
/// </remarks>
internal sealed class PerTreeCache<T>
{
    private readonly Func<SyntaxTree, CancellationToken, T> _create;
    private ImmutableDictionary<SyntaxTree, T> _values = ImmutableDictionary<SyntaxTree, T>.Empty;
    private Entry? _last;

    public PerTreeCache(Func<SyntaxTree, T> create) => _create = (tree, _) => create(tree);

    /// <summary>A cache whose computation observes the caller's cancellation (a cancelled computation caches nothing).</summary>
    public PerTreeCache(Func<SyntaxTree, CancellationToken, T> create) => _create = create;

    /// <summary>The value for <paramref name="tree"/>, computed on first use.</summary>
    public T Get(SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Tree, tree))
        {
            return last.Value;
        }

        if (!Volatile.Read(ref _values).TryGetValue(tree, out var value))
        {
            value = ImmutableInterlocked.GetOrAdd(ref _values, tree, _create, cancellationToken);
        }

        Volatile.Write(ref _last, new Entry(tree, value));
        return value;
    }

    private sealed class Entry
    {
        public Entry(SyntaxTree tree, T value)
        {
            Tree = tree;
            Value = value;
        }

        public SyntaxTree Tree { get; }

        public T Value { get; }
    }
}
