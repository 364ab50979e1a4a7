using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A syntactic pre-filter for rules that can only report where certain words are written: where the words occur in each
/// syntax tree's text, found by one pass over the text per tree (cached for the compilation). A rule asks whether a
/// member's or a type's span holds one before it registers anything for it.
/// </summary>
/// <remarks>
/// A whole word is one not preceded or followed by an identifier character, so <c>.Result</c> and <c>Wait(</c> count and
/// <c>FunctionResult</c> or <c>WaitAsync</c> do not: exact for keywords and identifiers as written. Identifiers may also
/// be written with Unicode escapes (<c>Resul\u0074</c>); a rule that must see those adds <see cref="Escapes"/> to its
/// words: an escape inside an identifier lets its span through (an escape in a string or character literal or a comment
/// spells no identifier and is dropped). Occurrences of the words themselves in comments and strings only let a span
/// through.
/// </remarks>
internal sealed class WordTextIndex
{
    /// <summary>The <c>await</c> keyword (a keyword written with a Unicode escape is an identifier, so no escapes are needed).</summary>
    public static readonly ImmutableArray<Word> Await = ImmutableArray.Create(new Word("await"));

    /// <summary>
    /// <c>\u</c> and <c>\U</c> anywhere: where an identifier may be spelled with an escape. Searched from the backslash: a
    /// <c>u</c> is in nearly every line of code, a backslash in few.
    /// </summary>
    public static readonly ImmutableArray<Word> Escapes = ImmutableArray.Create(new Word("\\u", wholeWord: false, anchor: 0), new Word("\\U", wholeWord: false, anchor: 0));

    private const int ChunkSize = 4096;
    private static readonly int[] None = Array.Empty<int>();

    private readonly ImmutableArray<Word> _words;
    private readonly bool _findsEscapes;
    private readonly int _bufferLength;
    private readonly PerTreeCache<int[]> _positions;

    // One reading buffer, reused tree after tree (a tree being scanned concurrently gets its own).
    private char[]? _buffer;

    public WordTextIndex(ImmutableArray<Word> words)
    {
        _words = words;
        foreach (var word in words)
        {
            _findsEscapes |= word.Text.Length > 0 && word.Text[0] == '\\';
        }

        _bufferLength = BufferLength(words);
        _positions = new PerTreeCache<int[]>(FindInTree);
    }

    private int[] FindInTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var buffer = Interlocked.Exchange(ref _buffer, null) ?? new char[_bufferLength];
        var text = tree.GetText(cancellationToken);
        var positions = Find(text, _words, buffer, cancellationToken);
        Volatile.Write(ref _buffer, buffer);
        return _findsEscapes ? EscapesInIdentifiersOnly(tree, text, positions, cancellationToken) : positions;
    }

    /// <summary>
    /// <paramref name="positions"/> with each Unicode escape (a position of a backslash) outside an identifier dropped, and
    /// each one inside an identifier moved to the identifier's start. Lucene.NET's character tables hold thousands of escapes
    /// in literals: every type declaring one passed MM0001's gate, and the driver built the operation trees of their huge
    /// initializers for nothing.
    /// </summary>
    internal static int[] EscapesInIdentifiersOnly(SyntaxTree tree, SourceText text, int[] positions, CancellationToken cancellationToken)
    {
        List<int>? escapes = null;
        foreach (var position in positions)
        {
            if (text[position] == '\\')
            {
                (escapes ??= new List<int>()).Add(position);
            }
        }

        if (escapes is null)
        {
            return positions;
        }

        var kept = new List<int>(positions.Length);
        foreach (var position in positions)
        {
            if (text[position] != '\\')
            {
                kept.Add(position);
            }
        }

        foreach (var identifier in IdentifiersAt(tree.GetRoot(cancellationToken), escapes))
        {
            kept.Add(identifier.SpanStart);
        }

        kept.Sort();
        return kept.ToArray();
    }

    /// <summary>
    /// The identifier tokens that contain one of <paramref name="positions"/> (ascending), each once; a position in any other
    /// token or in trivia (a comment) has none. Positions close together are read in one walk over the tokens they span
    /// rather than looked up from the root one by one: lucenenet's generated scanners concatenate thousands of literals
    /// into one left-deep chain of <c>+</c>, where every lookup from the root walks the whole depth (2.5 s for one
    /// compilation's gate); positions far apart start a walk of their own, so two words at a file's ends cost two lookups.
    /// </summary>
    internal static IEnumerable<SyntaxToken> IdentifiersAt(SyntaxNode root, IReadOnlyList<int> positions)
    {
        var end = root.FullSpan.End;
        for (var first = 0; first < positions.Count;)
        {
            var last = first;
            while (last + 1 < positions.Count && positions[last + 1] - positions[last] <= WalkGap)
            {
                last++;
            }

            var next = first;
            var span = TextSpan.FromBounds(positions[first], Math.Min(positions[last] + 1, end));
            foreach (var token in root.DescendantTokens(span))
            {
                var found = false;
                for (; next <= last && positions[next] < token.FullSpan.End; next++)
                {
                    found |= token.Span.Contains(positions[next]);
                }

                if (found && token.IsKind(SyntaxKind.IdentifierToken))
                {
                    yield return token;
                }

                if (next > last)
                {
                    break;
                }
            }

            first = last + 1;
        }
    }

    /// <summary>The largest distance (in characters) between two positions <see cref="IdentifiersAt"/> reads in one walk.</summary>
    private const int WalkGap = 2048;

    /// <summary>True when the text of one of <paramref name="blocks"/> contains a word.</summary>
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

    /// <summary>True when a declaration of <paramref name="type"/> (any part, nested types included) contains a word.</summary>
    public bool AnyIn(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (Contains(reference.SyntaxTree, reference.Span, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a word starts inside <paramref name="span"/> of <paramref name="tree"/> (spans of whole tokens: it then ends there too).</summary>
    public bool Contains(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var positions = _positions.Get(tree, cancellationToken);
        var index = Array.BinarySearch(positions, span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < positions.Length && positions[index] < span.End;
    }

    /// <summary>The length of the reading buffer for <paramref name="words"/>: a chunk, the character before it and the longest word plus one after it.</summary>
    internal static int BufferLength(ImmutableArray<Word> words)
    {
        var longest = 0;
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Text.Length);
        }

        return ChunkSize + longest + 2;
    }

    /// <summary>Every start position of one of <paramref name="words"/> in <paramref name="text"/>, ascending; read in chunks through <paramref name="buffer"/>.</summary>
    internal static int[] Find(SourceText text, ImmutableArray<Word> words, char[] buffer, CancellationToken cancellationToken)
    {
        List<int>? found = null;
        var length = text.Length;
        for (var start = 0; start < length; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The buffer holds the character before the chunk (for the boundary test) and enough after it that an
            // occurrence starting in the chunk is seen whole with the character that follows it.
            var bufferStart = start == 0 ? 0 : start - 1;
            var count = Math.Min(buffer.Length, length - bufferStart);
            text.CopyTo(bufferStart, buffer, 0, count);
            var chunkStart = start - bufferStart;
            var chunkEnd = Math.Min(chunkStart + ChunkSize, count);
            var atTextEnd = bufferStart + count == length;
            foreach (var word in words)
            {
                FindWord(buffer, count, chunkStart, chunkEnd, bufferStart, atTextEnd, word, ref found);
            }
        }

        if (found is null)
        {
            return None;
        }

        found.Sort();
        return found.ToArray();
    }

    private static void FindWord(char[] buffer, int count, int chunkStart, int chunkEnd, int bufferStart, bool atTextEnd, Word word, ref List<int>? found)
    {
        var text = word.Text;
        var anchor = word.Anchor;

        // Occurrences start in [chunkStart, lastStart]; their anchor character is found by the runtime's vectorised IndexOf.
        var lastStart = Math.Min(chunkEnd - 1, count - text.Length);
        if (lastStart < chunkStart)
        {
            return;
        }

        var hit = Array.IndexOf(buffer, text[anchor], chunkStart + anchor, lastStart - chunkStart + 1);
        while (hit >= 0)
        {
            var at = hit - anchor;
            if (Matches(buffer, at, text)
                && (!(word.WholeWord || word.StartsWord) || (at > 0 ? !SyntaxFacts.IsIdentifierPartCharacter(buffer[at - 1]) : bufferStart == 0))
                && (!word.WholeWord || (at + text.Length < count ? !SyntaxFacts.IsIdentifierPartCharacter(buffer[at + text.Length]) : atTextEnd)))
            {
                (found ??= new List<int>()).Add(bufferStart + at);
            }

            hit = at < lastStart ? Array.IndexOf(buffer, text[anchor], hit + 1, lastStart - at) : -1;
        }
    }

    private static bool Matches(char[] buffer, int at, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (buffer[at + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A word to find; <see cref="Anchor"/> is the character searched for first: the one given, else the first upper-case
    /// one, else the second (rarer in code than a first lower-case letter).
    /// </summary>
    internal readonly struct Word
    {
        public Word(string text, bool wholeWord = true, int anchor = -1, bool startsWord = false)
        {
            Text = text;
            WholeWord = wholeWord;
            StartsWord = startsWord;
            if (anchor < 0 || anchor >= text.Length)
            {
                anchor = text.Length > 1 ? 1 : 0;
                for (var i = 0; i < text.Length; i++)
                {
                    if (char.IsUpper(text[i]))
                    {
                        anchor = i;
                        break;
                    }
                }
            }

            Anchor = anchor;
        }

        public string Text { get; }

        public bool WholeWord { get; }

        /// <summary>
        /// Without <see cref="WholeWord"/>: the text starts an identifier (no identifier character before it) and may go on
        /// (<c>Validator</c> in <c>[ValidatorAttribute]</c>, not in <c>ServerUrlValidator</c>).
        /// </summary>
        public bool StartsWord { get; }

        public int Anchor { get; }
    }
}
