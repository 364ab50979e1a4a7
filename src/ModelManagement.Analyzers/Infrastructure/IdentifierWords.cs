using System;
using System.Collections.Generic;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whole-word tests on identifiers without allocating: words start at the identifier's start, after '_', at a lower-
/// to upper-case change (<c>event|Service</c>) or at the last capital of a run (<c>HTTP|Logger</c>, <c>I|Event</c>).
/// </summary>
internal static class IdentifierWords
{
    /// <summary>True when a word of <paramref name="identifier"/> starts at <paramref name="index"/> (words before <paramref name="start"/> are ignored).</summary>
    public static bool IsWordStart(string identifier, int index, int start)
    {
        var c = identifier[index];
        if (c == '_' || char.IsDigit(c))
        {
            return false;
        }

        if (index == start)
        {
            return true;
        }

        var previous = identifier[index - 1];
        if (previous == '_' || char.IsDigit(previous))
        {
            return true;
        }

        if (!char.IsUpper(c))
        {
            return false;
        }

        return char.IsLower(previous)
            || (index + 1 < identifier.Length && char.IsLower(identifier[index + 1]));
    }

    /// <summary>True when <paramref name="word"/> stands at <paramref name="index"/> and ends there as a word (end, '_', digit or capital next).</summary>
    public static bool IsWordAt(string identifier, int index, string word, bool ignoreCase = true)
    {
        if (identifier.Length - index < word.Length
            || string.Compare(identifier, index, word, 0, word.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) != 0)
        {
            return false;
        }

        var end = index + word.Length;
        if (end == identifier.Length)
        {
            return true;
        }

        var next = identifier[end];
        return next == '_' || char.IsDigit(next) || char.IsUpper(next);
    }

    /// <summary>The words of <paramref name="identifier"/>, lower-cased, without '_' and digits (<c>GetHTTPTitle2Async</c>: get, http, title, async).</summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var index = 0; index <= identifier.Length; index++)
        {
            var ends = index == identifier.Length || identifier[index] == '_' || char.IsDigit(identifier[index]) || IsWordStart(identifier, index, 0);
            if (ends && start >= 0)
            {
                words.Add(identifier.Substring(start, index - start).ToLowerInvariant());
                start = -1;
            }

            if (index < identifier.Length && start < 0 && identifier[index] != '_' && !char.IsDigit(identifier[index]))
            {
                start = index;
            }
        }

        return words;
    }

    /// <summary>True when <paramref name="word"/> is a whole word of <paramref name="identifier"/> (<c>Not</c> in <c>IsNotEmpty</c>, not in <c>Notify</c>).</summary>
    public static bool ContainsWord(string identifier, string word)
    {
        for (var index = 0; index + word.Length <= identifier.Length; index++)
        {
            if (IsWordStart(identifier, index, 0) && IsWordAt(identifier, index, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of <paramref name="words"/> is a whole word of <paramref name="identifier"/> (<see cref="ContainsWord"/>).</summary>
    public static bool ContainsAnyWord(string identifier, string[] words)
    {
        foreach (var word in words)
        {
            if (ContainsWord(identifier, word))
            {
                return true;
            }
        }

        return false;
    }
}
