using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A syntactic pre-filter for rules that need an <c>await</c>: where the five characters <c>await</c> occur in each
/// syntax tree's text, found by one pass over the text per tree (cached for the compilation). An await expression is
/// always spelled so (a keyword written with a Unicode escape is an identifier), so a block whose text has no
/// occurrence holds no await and needs no operation actions and no state. Occurrences in comments, strings and longer
/// identifiers (<c>awaiter</c>) only let a block through.
/// </summary>
internal sealed class AwaitTextIndex
{
    private const string Keyword = "await";
    private const int ChunkSize = 4096;

    /// <summary>A chunk and the four characters after it, so an occurrence across a chunk boundary is seen whole.</summary>
    internal const int BufferLength = ChunkSize + 4;

    private static readonly int[] None = Array.Empty<int>();

    private readonly ConcurrentDictionary<SyntaxTree, int[]> _positions = new();

    // One reading buffer, reused tree after tree (a tree being scanned concurrently gets its own).
    private char[]? _buffer;

    /// <summary>True when the text of one of <paramref name="blocks"/> contains <c>await</c>.</summary>
    public bool AnyIn(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        foreach (var block in blocks)
        {
            if (Contains(block.Syntax.SyntaxTree, block.Syntax.Span, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>await</c> occurs entirely inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public bool Contains(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        if (!_positions.TryGetValue(tree, out var positions))
        {
            var buffer = Interlocked.Exchange(ref _buffer, null) ?? new char[BufferLength];
            positions = Find(tree.GetText(cancellationToken), buffer, cancellationToken);
            Volatile.Write(ref _buffer, buffer);
            positions = _positions.GetOrAdd(tree, positions);
        }

        // The first occurrence at or after the span's start; it must also end inside the span.
        var index = Array.BinarySearch(positions, span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < positions.Length && positions[index] + Keyword.Length <= span.End;
    }

    /// <summary>Every start position of <c>await</c> in <paramref name="text"/>, ascending; read in chunks through <paramref name="buffer"/>.</summary>
    internal static int[] Find(SourceText text, char[] buffer, CancellationToken cancellationToken)
    {
        List<int>? found = null;
        var length = text.Length;
        for (var start = 0; start < length; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Chunks overlap by four characters, so an occurrence across a chunk boundary is seen once, in the chunk where it starts.
            var count = Math.Min(BufferLength, length - start);
            text.CopyTo(start, buffer, 0, count);
            // Occurrences start at [0, last); their 'w' (rarer in code than 'a') sits at [1, last], found by the
            // runtime's vectorised IndexOf rather than a compare per character.
            var last = Math.Min(ChunkSize, count - Keyword.Length + 1);
            var w = last > 0 ? Array.IndexOf(buffer, 'w', 1, last) : -1;
            while (w >= 0)
            {
                if (buffer[w - 1] == 'a' && buffer[w + 1] == 'a' && buffer[w + 2] == 'i' && buffer[w + 3] == 't')
                {
                    (found ??= new List<int>()).Add(start + w - 1);
                }

                w = w < last ? Array.IndexOf(buffer, 'w', w + 1, last - w) : -1;
            }
        }

        return found is null ? None : found.ToArray();
    }
}
