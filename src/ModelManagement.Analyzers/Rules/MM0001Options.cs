using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Infrastructure;

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

    private readonly PerTreeCache<bool> _followOwnCalls;

    public MM0001Options(AnalyzerConfigOptionsProvider provider)
    {
        _followOwnCalls = new PerTreeCache<bool>(tree => !(provider.GetOptions(tree).TryGetValue(FollowOwnCallsKey, out var text)
            && string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The value of <see cref="FollowOwnCallsKey"/> for <paramref name="tree"/>; anything but "false" means true.</summary>
    public bool FollowOwnCalls(SyntaxTree tree) => _followOwnCalls.Get(tree);
}
