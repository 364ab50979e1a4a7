using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0002's <c>.editorconfig</c> settings for one syntax tree: which method-name prefixes and receiver type-name
/// suffixes make a call a side effect, which prefixes also need a side-effect word in the receiver or the rest of the
/// name, and which fully qualified symbols are added or removed.
/// </summary>
internal sealed class SideEffectAnalyzerOptions
{
    // The particles of the sign-in verbs (`LogIn`, `LogUserOut`).
    private static readonly string[] Particles = { "In", "On", "Out", "Off" };

    public const string MethodPrefixesKey = "mm0002.side_effect_method_prefixes";
    public const string AdditionalMethodPrefixesKey = "mm0002.additional_side_effect_method_prefixes";
    public const string ReceiverSuffixesKey = "mm0002.side_effect_receiver_suffixes";
    public const string AdditionalReceiverSuffixesKey = "mm0002.additional_side_effect_receiver_suffixes";
    public const string IncludedSymbolsKey = "mm0002.included_symbols";
    public const string ExcludedSymbolsKey = "mm0002.excluded_symbols";
    public const string ReceiverCheckedPrefixesKey = "mm0002.receiver_checked_method_prefixes";
    public const string SideEffectWordsKey = "mm0002.side_effect_words";
    public const string AdditionalSideEffectWordsKey = "mm0002.additional_side_effect_words";

    public static readonly ImmutableArray<string> DefaultMethodPrefixes = ImmutableArray.Create("Log", "Record", "Track", "Audit", "Trace");

    public static readonly ImmutableArray<string> DefaultReceiverSuffixes = ImmutableArray.Create("Logger", "Telemetry", "TelemetryClient", "Metrics", "Auditor");

    /// <summary>
    /// Prefixes that also name ordinary work (<c>_cache.RecordUpdateAsync</c>, <c>_fixtures.Record(user)</c>,
    /// <c>_shipments.TrackAsync</c>): they count only with a side-effect word in the receiver or the rest of the name.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultReceiverCheckedPrefixes = ImmutableArray.Create("Record", "Track", "Trace");

    /// <summary>
    /// Words (whole words of an identifier, any case) that show a receiver or a method name is about logging, events,
    /// telemetry, metrics, auditing or tracing: <c>IEventService</c>, <c>_auditLog</c>, <c>RecordMetricsAsync</c>.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultSideEffectWords = ImmutableArray.Create(
        "Log", "Logs", "Logger", "Loggers", "Logging",
        "Event", "Events",
        "Telemetry", "Metric", "Metrics", "Meter", "Counter", "Counters", "Histogram", "Statistics", "Stats",
        "Audit", "Audits", "Auditor", "Auditing",
        "Trace", "Traces", "Tracer", "Tracing", "Tracker", "Tracking",
        "Analytics", "Insights", "Diagnostics", "Monitoring", "Instrumentation", "History", "Journal");

    public static readonly SideEffectAnalyzerOptions Default = new(
        DefaultMethodPrefixes,
        DefaultReceiverSuffixes,
        ImmutableHashSet<string>.Empty,
        ImmutableHashSet<string>.Empty,
        DefaultReceiverCheckedPrefixes,
        DefaultSideEffectWords);

    private SideEffectAnalyzerOptions(
        ImmutableArray<string> methodPrefixes,
        ImmutableArray<string> receiverSuffixes,
        ImmutableHashSet<string> includedSymbols,
        ImmutableHashSet<string> excludedSymbols,
        ImmutableArray<string> receiverCheckedPrefixes,
        ImmutableArray<string> sideEffectWords)
    {
        MethodPrefixes = methodPrefixes;
        ReceiverSuffixes = receiverSuffixes;
        IncludedSymbols = includedSymbols;
        ExcludedSymbols = excludedSymbols;
        ReceiverCheckedPrefixes = receiverCheckedPrefixes;
        SideEffectWords = sideEffectWords;
    }

    public ImmutableArray<string> MethodPrefixes { get; }

    public ImmutableArray<string> ReceiverSuffixes { get; }

    /// <summary>Method prefixes that make a call a side effect only with a <see cref="SideEffectWords"/> word in the receiver or the rest of the name.</summary>
    public ImmutableArray<string> ReceiverCheckedPrefixes { get; }

    /// <summary>Whole identifier words that mark a receiver or name as logging, events, telemetry, metrics, audit or tracing.</summary>
    public ImmutableArray<string> SideEffectWords { get; }

    /// <summary>Normalized fully qualified names (see <see cref="EditorConfigListOption.QualifiedName"/>) of methods or types that are side effects.</summary>
    public ImmutableHashSet<string> IncludedSymbols { get; }

    /// <summary>Normalized fully qualified names of methods or types that are never side effects (wins over everything else).</summary>
    public ImmutableHashSet<string> ExcludedSymbols { get; }

    public bool HasSymbolLists => IncludedSymbols.Count != 0 || ExcludedSymbols.Count != 0;

    /// <summary>Reads the options; returns <see cref="Default"/> when none of MM0002's keys is set.</summary>
    public static SideEffectAnalyzerOptions Read(AnalyzerConfigOptions options)
    {
        var prefixes = EditorConfigListOption.ReadWithAdditions(options, MethodPrefixesKey, AdditionalMethodPrefixesKey, DefaultMethodPrefixes, EditorConfigListOption.Identifier, out var changed);
        var suffixes = EditorConfigListOption.ReadWithAdditions(options, ReceiverSuffixesKey, AdditionalReceiverSuffixesKey, DefaultReceiverSuffixes, EditorConfigListOption.Identifier, out var changedSuffixes);
        var included = EditorConfigListOption.ReadSymbolSet(options, IncludedSymbolsKey);
        var excluded = EditorConfigListOption.ReadSymbolSet(options, ExcludedSymbolsKey);
        var changedChecked = EditorConfigListOption.TryRead(options, ReceiverCheckedPrefixesKey, EditorConfigListOption.Identifier, out var checkedPrefixes);
        var words = EditorConfigListOption.ReadWithAdditions(options, SideEffectWordsKey, AdditionalSideEffectWordsKey, DefaultSideEffectWords, EditorConfigListOption.Identifier, out var changedWords);
        if (!changed && !changedSuffixes && !changedChecked && !changedWords && included.Count == 0 && excluded.Count == 0)
        {
            return Default;
        }

        return new SideEffectAnalyzerOptions(
            prefixes, suffixes, included, excluded, changedChecked ? checkedPrefixes : DefaultReceiverCheckedPrefixes, words);
    }

    /// <summary>
    /// Whether <paramref name="methodName"/> starts with a configured prefix followed by an upper-case letter, '_' or
    /// the end of the name: <c>LogResultAsync</c>, <c>TrackAsync</c>, <c>Audit</c> match; <c>Login</c>, <c>Tracert</c> do not,
    /// nor do the sign-in verbs <c>LogIn</c>, <c>LogOn</c>, <c>LogOut</c>, <c>LogOff</c>. <see cref="PrefixMatch.NeedsEvidence"/>
    /// for a <see cref="ReceiverCheckedPrefixes"/> prefix; <paramref name="rest"/> is where the rest of the name starts.
    /// </summary>
    public PrefixMatch MatchMethodPrefix(string methodName, out int rest)
    {
        rest = 0;
        foreach (var prefix in MethodPrefixes)
        {
            if (methodName.Length >= prefix.Length
                && string.CompareOrdinal(methodName, 0, prefix, 0, prefix.Length) == 0
                && (methodName.Length == prefix.Length
                    || methodName[prefix.Length] == '_'
                    || char.IsUpper(methodName[prefix.Length]))
                && !IsSignInVerb(methodName, prefix)
                && !IsCompoundVerb(methodName, prefix.Length))
            {
                rest = prefix.Length;
                return ReceiverCheckedPrefixes.Contains(prefix) ? PrefixMatch.NeedsEvidence : PrefixMatch.Match;
            }
        }

        return PrefixMatch.None;
    }

    /// <summary>
    /// True when <paramref name="identifier"/> (from <paramref name="start"/>) has one of <see cref="SideEffectWords"/> as a
    /// whole word; with <paramref name="excludedRoot"/>, words starting with it (<c>Tracking</c> for <c>Track</c>) do not count.
    /// </summary>
    public bool HasSideEffectWord(string identifier, int start = 0, string? excludedRoot = null)
    {
        for (var i = start; i < identifier.Length; i++)
        {
            if (!IdentifierWords.IsWordStart(identifier, i, start))
            {
                continue;
            }

            foreach (var word in SideEffectWords)
            {
                if ((excludedRoot is null || !word.StartsWith(excludedRoot, StringComparison.OrdinalIgnoreCase))
                    && IdentifierWords.IsWordAt(identifier, i, word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the simple type name (without generic arguments) ends with a configured suffix, ordinal.</summary>
    public bool MatchesReceiverSuffix(string typeName)
    {
        foreach (var suffix in ReceiverSuffixes)
        {
            if (typeName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>LogAndInstallPackage</c>, <c>AuditThenSave</c>, <c>LogOrThrow</c>: the prefix is the first of two verbs joined by a
    /// conjunction, and the awaited work is the second (openmod's package installation): not a side effect by the name.
    /// </summary>
    private static bool IsCompoundVerb(string methodName, int rest)
        => IdentifierWords.IsWordAt(methodName, rest, "And", ignoreCase: false)
            || IdentifierWords.IsWordAt(methodName, rest, "Then", ignoreCase: false)
            || IdentifierWords.IsWordAt(methodName, rest, "Or", ignoreCase: false);

    /// <summary>
    /// <c>LogIn</c>, <c>LogOn</c>, <c>LogOut</c>, <c>LogOff</c> (and <c>LogInAsync</c> …) sign a user in or out; so does the
    /// phrasal form with its object between, one or two words, the particle last before an <c>Async</c> suffix
    /// (devhome's <c>LogUserIn</c>, <c>LogCurrentAccountOut</c>; not <c>LogUserInfo</c>, <c>LogUserInput</c>).
    /// </summary>
    private static bool IsSignInVerb(string methodName, string prefix)
    {
        if (prefix != "Log")
        {
            return false;
        }

        if (IsParticleAt(methodName, prefix.Length))
        {
            return true;
        }

        var end = methodName.EndsWith("Async", System.StringComparison.Ordinal) ? methodName.Length - "Async".Length : methodName.Length;
        foreach (var particle in Particles)
        {
            var at = end - particle.Length;
            if (at <= prefix.Length || string.CompareOrdinal(methodName, at, particle, 0, particle.Length) != 0
                || !IdentifierWords.IsWordStart(methodName, at, 0))
            {
                continue;
            }

            var words = 0;
            for (var i = prefix.Length; i < at; i++)
            {
                if (IdentifierWords.IsWordStart(methodName, i, prefix.Length))
                {
                    words++;
                }
            }

            return words is 1 or 2;
        }

        return false;
    }

    private static bool IsParticleAt(string methodName, int index)
    {
        foreach (var particle in Particles)
        {
            if (IdentifierWords.IsWordAt(methodName, index, particle, ignoreCase: false))
            {
                return true;
            }
        }

        return false;
    }
}
