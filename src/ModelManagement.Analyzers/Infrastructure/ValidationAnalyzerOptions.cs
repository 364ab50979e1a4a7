using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0004's <c>.editorconfig</c> settings for one syntax tree: which method-name prefixes, attribute names and validity
/// member names make a call a validation call, which symbols are added or removed, and whether <c>_ = …</c> is ignoring.
/// </summary>
internal sealed class ValidationAnalyzerOptions
{
    public const string MethodPrefixesKey = "mm0004.validator_method_prefixes";
    public const string AdditionalMethodPrefixesKey = "mm0004.additional_validator_method_prefixes";
    public const string AttributeNamesKey = "mm0004.validator_attributes";
    public const string AdditionalAttributeNamesKey = "mm0004.additional_validator_attributes";
    public const string ValidityMembersKey = "mm0004.validity_members";
    public const string AdditionalValidityMembersKey = "mm0004.additional_validity_members";
    public const string IncludedSymbolsKey = "mm0004.included_symbols";
    public const string ExcludedSymbolsKey = "mm0004.excluded_symbols";
    public const string DiscardIsIgnoredKey = "mm0004.discard_is_ignored";

    public static readonly ImmutableArray<string> DefaultMethodPrefixes = ImmutableArray.Create("Validate", "TryValidate");

    public static readonly ImmutableArray<string> DefaultAttributeNames = ImmutableArray.Create("ValidatorAttribute");

    public static readonly ImmutableArray<string> DefaultValidityMembers = ImmutableArray.Create("IsCompliant", "Compliant", "IsValid", "IsSafe");

    public static readonly ValidationAnalyzerOptions Default = new(
        DefaultMethodPrefixes, DefaultAttributeNames, DefaultValidityMembers, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, discardIsIgnored: true);

    private ValidationAnalyzerOptions(
        ImmutableArray<string> methodPrefixes,
        ImmutableArray<string> attributeNames,
        ImmutableArray<string> validityMembers,
        ImmutableHashSet<string> includedSymbols,
        ImmutableHashSet<string> excludedSymbols,
        bool discardIsIgnored)
    {
        MethodPrefixes = methodPrefixes;
        AttributeNames = attributeNames;
        ValidityMembers = validityMembers;
        IncludedSymbols = includedSymbols;
        ExcludedSymbols = excludedSymbols;
        DiscardIsIgnored = discardIsIgnored;
    }

    /// <summary>Method-name prefixes matched at a word boundary (<c>ValidateAsync</c>, not <c>Validated</c>).</summary>
    public ImmutableArray<string> MethodPrefixes { get; }

    /// <summary>Attribute class names (always ending in <c>Attribute</c>) that mark validators, in any namespace.</summary>
    public ImmutableArray<string> AttributeNames { get; }

    /// <summary>Names of <c>bool</c> properties or fields that make a returned type a validation verdict.</summary>
    public ImmutableArray<string> ValidityMembers { get; }

    /// <summary>Normalized fully qualified names of methods or types whose calls are validation calls.</summary>
    public ImmutableHashSet<string> IncludedSymbols { get; }

    /// <summary>Normalized fully qualified names of methods or types whose calls never are (wins over everything else).</summary>
    public ImmutableHashSet<string> ExcludedSymbols { get; }

    /// <summary>Whether <c>_ = Validate(x);</c> counts as ignoring the result (default <see langword="true"/>).</summary>
    public bool DiscardIsIgnored { get; }

    /// <summary>Reads the options; returns <see cref="Default"/> when none of MM0004's keys is set.</summary>
    public static ValidationAnalyzerOptions Read(AnalyzerConfigOptions options)
    {
        var prefixes = EditorConfigListOption.ReadWithAdditions(
            options, MethodPrefixesKey, AdditionalMethodPrefixesKey, DefaultMethodPrefixes, EditorConfigListOption.Identifier, out var changedPrefixes);
        var attributes = EditorConfigListOption.ReadWithAdditions(
            options, AttributeNamesKey, AdditionalAttributeNamesKey, DefaultAttributeNames, AttributeName, out var changedAttributes);
        var members = EditorConfigListOption.ReadWithAdditions(
            options, ValidityMembersKey, AdditionalValidityMembersKey, DefaultValidityMembers, EditorConfigListOption.Identifier, out var changedMembers);
        var included = EditorConfigListOption.ReadSymbolSet(options, IncludedSymbolsKey);
        var excluded = EditorConfigListOption.ReadSymbolSet(options, ExcludedSymbolsKey);
        var discardIsIgnored = !(options.TryGetValue(DiscardIsIgnoredKey, out var raw)
            && string.Equals(raw?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        if (!changedPrefixes && !changedAttributes && !changedMembers && included.Count == 0 && excluded.Count == 0 && discardIsIgnored)
        {
            return Default;
        }

        return new ValidationAnalyzerOptions(prefixes, attributes, members, included, excluded, discardIsIgnored);
    }

    /// <summary>True when <paramref name="methodName"/> starts with a configured prefix at a word boundary.</summary>
    public bool MatchesMethodPrefix(string methodName) => NamePrefix.StartsWithWord(methodName, MethodPrefixes);

    /// <summary>True when <paramref name="attributeClassName"/> is a configured validator attribute name.</summary>
    public bool IsValidatorAttribute(string attributeClassName)
    {
        foreach (var name in AttributeNames)
        {
            if (string.Equals(name, attributeClassName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first configured validity member name in <paramref name="boolMembers"/>, or <see langword="null"/>.</summary>
    public string? FindValidityMember(ImmutableArray<string> boolMembers)
    {
        foreach (var name in ValidityMembers)
        {
            foreach (var member in boolMembers)
            {
                if (string.Equals(name, member, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>Accepts <c>Validator</c> or <c>ValidatorAttribute</c> (optionally qualified) and returns the class name ending in <c>Attribute</c>.</summary>
    private static string? AttributeName(string entry)
    {
        var dot = entry.LastIndexOf('.');
        var simple = EditorConfigListOption.Identifier(dot >= 0 ? entry.Substring(dot + 1) : entry);
        if (simple is null)
        {
            return null;
        }

        return simple.EndsWith("Attribute", StringComparison.Ordinal) ? simple : simple + "Attribute";
    }
}
