using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0002's <c>.editorconfig</c> settings for one syntax tree: which method-name prefixes and receiver type-name
/// suffixes make a call a side effect, and which fully qualified symbols are added or removed.
/// </summary>
internal sealed class SideEffectAnalyzerOptions
{
    public const string MethodPrefixesKey = "mm0002.side_effect_method_prefixes";
    public const string AdditionalMethodPrefixesKey = "mm0002.additional_side_effect_method_prefixes";
    public const string ReceiverSuffixesKey = "mm0002.side_effect_receiver_suffixes";
    public const string AdditionalReceiverSuffixesKey = "mm0002.additional_side_effect_receiver_suffixes";
    public const string IncludedSymbolsKey = "mm0002.included_symbols";
    public const string ExcludedSymbolsKey = "mm0002.excluded_symbols";

    public static readonly ImmutableArray<string> DefaultMethodPrefixes = ImmutableArray.Create("Log", "Record", "Track", "Audit", "Trace");

    public static readonly ImmutableArray<string> DefaultReceiverSuffixes = ImmutableArray.Create("Logger", "Telemetry", "TelemetryClient", "Metrics", "Auditor");

    public static readonly SideEffectAnalyzerOptions Default = new(
        DefaultMethodPrefixes, DefaultReceiverSuffixes, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

    private SideEffectAnalyzerOptions(
        ImmutableArray<string> methodPrefixes,
        ImmutableArray<string> receiverSuffixes,
        ImmutableHashSet<string> includedSymbols,
        ImmutableHashSet<string> excludedSymbols)
    {
        MethodPrefixes = methodPrefixes;
        ReceiverSuffixes = receiverSuffixes;
        IncludedSymbols = includedSymbols;
        ExcludedSymbols = excludedSymbols;
    }

    public ImmutableArray<string> MethodPrefixes { get; }

    public ImmutableArray<string> ReceiverSuffixes { get; }

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
        if (!changed && !changedSuffixes && included.Count == 0 && excluded.Count == 0)
        {
            return Default;
        }

        return new SideEffectAnalyzerOptions(prefixes, suffixes, included, excluded);
    }

    /// <summary>
    /// True when <paramref name="methodName"/> starts with a configured prefix followed by an upper-case letter, '_' or
    /// the end of the name: <c>LogResultAsync</c>, <c>TrackAsync</c>, <c>Audit</c> match; <c>Login</c>, <c>Tracert</c> do not.
    /// </summary>
    public bool MatchesMethodPrefix(string methodName) => NamePrefix.StartsWithWord(methodName, MethodPrefixes);

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
}
