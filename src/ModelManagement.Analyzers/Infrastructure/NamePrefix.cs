using System.Collections.Immutable;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Word-boundary prefix tests on member names (<c>LogAsync</c> starts with the word <c>Log</c>, <c>Login</c> does not).</summary>
internal static class NamePrefix
{
    /// <summary>
    /// True when <paramref name="name"/> starts with one of <paramref name="prefixes"/> followed by an upper-case letter,
    /// '_' or the end of the name. Ordinal, no allocation.
    /// </summary>
    public static bool StartsWithWord(string name, ImmutableArray<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (name.Length >= prefix.Length
                && string.CompareOrdinal(name, 0, prefix, 0, prefix.Length) == 0
                && (name.Length == prefix.Length
                    || name[prefix.Length] == '_'
                    || char.IsUpper(name[prefix.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method's own name without the interface an explicit implementation qualifies it with:
    /// <c>System.IAsyncDisposable.DisposeAsync</c> → <c>DisposeAsync</c>.
    /// </summary>
    public static string MemberName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }
}
