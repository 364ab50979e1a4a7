using System;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Fixed-size bit operations over slices of one <see cref="ulong"/> array: the null-state analysis keeps the
/// state of every basic block in one flat array (block ordinal × words) so a method allocates a few arrays, not one
/// object per block.
/// </summary>
internal static class NullStateBitSet
{
    public static int WordsFor(int bits) => (bits + 63) >> 6;

    public static bool Get(ulong[] words, int offset, int bit) => (words[offset + (bit >> 6)] & (1UL << (bit & 63))) != 0;

    public static void Set(ulong[] words, int offset, int bit) => words[offset + (bit >> 6)] |= 1UL << (bit & 63);

    public static void Clear(ulong[] words, int offset, int bit) => words[offset + (bit >> 6)] &= ~(1UL << (bit & 63));

    public static void Copy(ulong[] source, int sourceOffset, ulong[] destination, int destinationOffset, int count)
        => Array.Copy(source, sourceOffset, destination, destinationOffset, count);

    /// <summary>ORs <paramref name="source"/> into <paramref name="destination"/>; true when a bit was added.</summary>
    public static bool UnionWith(ulong[] destination, int destinationOffset, ulong[] source, int sourceOffset, int count)
    {
        var changed = false;
        for (var i = 0; i < count; i++)
        {
            var before = destination[destinationOffset + i];
            var after = before | source[sourceOffset + i];
            if (after != before)
            {
                destination[destinationOffset + i] = after;
                changed = true;
            }
        }

        return changed;
    }

    public static void ClearAll(ulong[] words, int offset, int count) => Array.Clear(words, offset, count);
}
