using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Reads list-valued <c>.editorconfig</c> options such as <c>mm0002.side_effect_method_prefixes = Log, Record</c>.
/// Entries are separated by commas, semicolons or white space; each is trimmed and kept only when the caller's
/// validator accepts it (bad entries are ignored, never reported, never thrown).
/// </summary>
internal static class EditorConfigListOption
{
    private static readonly char[] Separators = { ',', ';', ' ', '\t' };

    /// <summary>
    /// Reads <paramref name="key"/>. Returns <see langword="false"/> when the key is absent, or when it has entries
    /// none of which is valid (a wholly bad value is ignored). An empty value or <c>none</c> reads as an empty list.
    /// </summary>
    public static bool TryRead(
        AnalyzerConfigOptions options,
        string key,
        Func<string, string?> normalize,
        out ImmutableArray<string> values)
    {
        values = ImmutableArray<string>.Empty;
        if (!options.TryGetValue(key, out var raw) || raw is null)
        {
            return false;
        }

        var trimmed = raw.Trim();
        if (trimmed.Length == 0 || string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = normalize(part.Trim());
            if (!string.IsNullOrEmpty(entry) && !builder.Contains(entry!))
            {
                builder.Add(entry!);
            }
        }

        if (builder.Count == 0)
        {
            return false;
        }

        values = builder.ToImmutable();
        return true;
    }

    /// <summary>
    /// Reads a list with a replace key and an add key, the pair MM0002, MM0004 and MM0007 use: <paramref name="replaceKey"/>
    /// replaces <paramref name="defaults"/> (<c>none</c> empties it), then <paramref name="addKey"/>'s entries are appended.
    /// <paramref name="changed"/> tells whether either key changed the defaults.
    /// </summary>
    public static ImmutableArray<string> ReadWithAdditions(
        AnalyzerConfigOptions options,
        string replaceKey,
        string addKey,
        ImmutableArray<string> defaults,
        Func<string, string?> normalize,
        out bool changed)
    {
        changed = false;
        var result = defaults;
        if (TryRead(options, replaceKey, normalize, out var replacement))
        {
            result = replacement;
            changed = true;
        }

        if (TryRead(options, addKey, normalize, out var additions) && !additions.IsEmpty)
        {
            var builder = result.ToBuilder();
            foreach (var addition in additions)
            {
                if (!builder.Contains(addition))
                {
                    builder.Add(addition);
                }
            }

            result = builder.ToImmutable();
            changed = true;
        }

        return result;
    }

    /// <summary>Accepts a part of a C# identifier (letters, digits, '_', any first character); <see langword="null"/> otherwise.</summary>
    public static string? IdentifierPart(string entry)
    {
        if (entry.Length == 0)
        {
            return null;
        }

        foreach (var c in entry)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        return entry;
    }

    /// <summary>Reads a list of fully qualified symbol names (see <see cref="QualifiedName"/>) as an ordinal set; empty when absent.</summary>
    public static ImmutableHashSet<string> ReadSymbolSet(AnalyzerConfigOptions options, string key)
        => TryRead(options, key, QualifiedName, out var names)
            ? ImmutableHashSet.CreateRange(StringComparer.Ordinal, names)
            : ImmutableHashSet<string>.Empty;

    /// <summary>Accepts a C# identifier (letters, digits, '_'; not starting with a digit); <see langword="null"/> otherwise.</summary>
    public static string? Identifier(string entry)
    {
        if (entry.Length == 0 || char.IsDigit(entry[0]))
        {
            return null;
        }

        foreach (var c in entry)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        return entry;
    }

    /// <summary>
    /// Accepts a fully qualified type or member name such as <c>MyCompany.Audit.IAuditTrail.WriteAsync</c> and returns it
    /// normalized: an optional <c>global::</c> prefix or documentation-ID prefix (<c>T:</c>, <c>M:</c>) is dropped, a
    /// parameter list and generic arguments or arity (<c>&lt;T&gt;</c>, <c>`1</c>) are removed. <see langword="null"/> when malformed.
    /// </summary>
    public static string? QualifiedName(string entry)
    {
        var text = entry;
        if (text.StartsWith("global::", StringComparison.Ordinal))
        {
            text = text.Substring("global::".Length);
        }
        else if (text.Length > 2 && text[1] == ':' && (text[0] == 'T' || text[0] == 'M'))
        {
            text = text.Substring(2);
        }

        var parenthesis = text.IndexOf('(');
        if (parenthesis >= 0)
        {
            text = text.Substring(0, parenthesis);
        }

        var result = new System.Text.StringBuilder(text.Length);
        var genericDepth = 0;
        var skippingArity = false;
        foreach (var c in text)
        {
            if (c == '<' || c == '{')
            {
                genericDepth++;
                continue;
            }

            if (c == '>' || c == '}')
            {
                if (genericDepth == 0)
                {
                    return null;
                }

                genericDepth--;
                continue;
            }

            if (genericDepth > 0)
            {
                continue;
            }

            if (c == '`')
            {
                skippingArity = true;
                continue;
            }

            if (skippingArity)
            {
                if (char.IsDigit(c))
                {
                    continue;
                }

                skippingArity = false;
            }

            if (c != '.' && c != '_' && !char.IsLetterOrDigit(c))
            {
                return null;
            }

            result.Append(c);
        }

        var name = result.ToString();
        if (genericDepth != 0 || name.Length == 0 || name[0] == '.' || name[name.Length - 1] == '.'
            || name.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return name;
    }
}
