using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// The MM0001 <c>.editorconfig</c> options, read once per syntax tree and cached for the compilation.
/// </summary>
internal sealed class MM0001Options
{
    /// <summary>
    /// Key <c>mm0001.follow_own_calls</c> (<c>true</c> | <c>false</c>, default <c>true</c>): whether construction code's calls to the
    /// type's own members and local functions are followed and reported when they block.
    /// </summary>
    public const string FollowOwnCallsKey = "mm0001.follow_own_calls";

    private readonly ConcurrentDictionary<SyntaxTree, bool> _followOwnCalls = new();

    /// <summary>The value of <see cref="FollowOwnCallsKey"/> for <paramref name="tree"/>; anything but "false" means true.</summary>
    public bool FollowOwnCalls(AnalyzerOptions options, SyntaxTree tree)
    {
        if (_followOwnCalls.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        var value = !(options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(FollowOwnCallsKey, out var text)
            && string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        _followOwnCalls.TryAdd(tree, value);
        return value;
    }
}
