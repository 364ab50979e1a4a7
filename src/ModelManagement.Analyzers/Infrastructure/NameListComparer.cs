using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Compares lists of names by their contents (ordinal), not by the array behind them: options read from .editorconfig
/// give each file its own arrays, so a cache keyed by <see cref="ImmutableArray{T}"/>'s reference equality would compute
/// a per-compilation answer once per file whenever a rule's names are configured.
/// </summary>
internal sealed class NameListComparer : IEqualityComparer<ImmutableArray<string>>
{
    public static readonly NameListComparer Instance = new();

    private NameListComparer()
    {
    }

    public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y)
    {
        if (x.IsDefault || y.IsDefault)
        {
            return x.IsDefault == y.IsDefault;
        }

        if (x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ImmutableArray<string> names)
    {
        if (names.IsDefault)
        {
            return 0;
        }

        var hash = 17;
        foreach (var name in names)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(name ?? string.Empty));
        }

        return hash;
    }
}
