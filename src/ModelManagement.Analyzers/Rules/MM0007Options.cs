using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0007's <c>.editorconfig</c> options: the words whose presence in a test method's name (any case) marks it as a
/// failure-path test. Read once per syntax tree and cached for the compilation.
/// </summary>
internal sealed class MM0007Options
{
    /// <summary>Key <c>mm0007.failure_path_name_words</c>: replaces the default words (<c>none</c>: no name counts).</summary>
    public const string NameWordsKey = "mm0007.failure_path_name_words";

    /// <summary>Key <c>mm0007.additional_failure_path_name_words</c>: words added to the defaults (or to the replacement).</summary>
    public const string AdditionalNameWordsKey = "mm0007.additional_failure_path_name_words";

    public static readonly ImmutableArray<string> DefaultNameWords = ImmutableArray.Create(
        "Error", "Fail", "Throw", "Exception", "Invalid", "Timeout", "TimesOut", "TimedOut", "Fallback", "Unavailable", "Cancel",
        "Reject", "Refuse", "Deny", "Denied", "Unauthorized", "Forbidden", "NotFound", "BadRequest", "Wrong", "Missing",
        "DeadLetter", "Poison", "Corrupt", "Abort", "Expired", "Unreachable", "Unhealthy", "Conflict", "Offline", "Outage", "FallsBack", "NonExistent", "NonExisting", "NotExisting", "DoesNotExist",
        "Delayed", "Degraded", "Faulted", "FaultInjection", "InjectedFault", "Chaos", "RecoverAfter", "RecoversAfter", "RecoveryAfter", "RecoveredAfter");

    private static readonly MM0007Options Default = new(DefaultNameWords);

    private MM0007Options(ImmutableArray<string> nameWords)
    {
        NameWords = nameWords;
    }

    /// <summary>The words a failure-path test's name contains, compared ignoring case.</summary>
    public ImmutableArray<string> NameWords { get; }

    /// <summary>
    /// True when <paramref name="methodName"/> contains one of <see cref="NameWords"/>, ignoring case and underscores
    /// (<c>completion_times_out</c>, <c>request_time_out</c>).
    /// </summary>
    public bool IsFailurePathName(string methodName)
    {
        var joined = methodName.IndexOf('_') >= 0 ? methodName.Replace("_", string.Empty) : null;
        foreach (var word in NameWords)
        {
            if (methodName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0
                || (joined is not null && joined.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the options; <see cref="Default"/> when neither key changes the defaults. Bad entries are ignored.</summary>
    public static MM0007Options Read(AnalyzerConfigOptions options)
    {
        var words = EditorConfigListOption.ReadWithAdditions(
            options, NameWordsKey, AdditionalNameWordsKey, DefaultNameWords, EditorConfigListOption.IdentifierPart, out var changed);
        return changed ? new MM0007Options(words) : Default;
    }

    /// <summary>One cache per compilation: the options of each syntax tree, parsed on first use.</summary>
    internal sealed class Cache
    {
        private readonly PerTreeCache<MM0007Options> _byTree;

        public Cache(AnalyzerConfigOptionsProvider provider)
        {
            _byTree = new PerTreeCache<MM0007Options>(tree => Read(provider.GetOptions(tree)));
        }

        public MM0007Options Get(SyntaxTree? tree)
        {
            if (tree is null)
            {
                return Default;
            }

            return _byTree.Get(tree);
        }
    }
}
