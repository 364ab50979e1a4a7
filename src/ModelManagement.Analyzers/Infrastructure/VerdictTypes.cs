using System;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether the result of a validator matched only by its name can carry a verdict (MM0004). A <c>Validate…</c> method that
/// hands back data it looked up (<c>User ValidateTokenAsync(..)</c>, <c>IPAddress[] ValidateHosts(..)</c>) throws on
/// failure, like a <c>void</c> validator: dropping its result ignores no verdict. Declared validators (attribute,
/// <c>included_symbols</c>) and results with a validity member never get here.
/// </summary>
internal static class VerdictTypes
{
    private const int MaxDepth = 4;

    /// <summary>Words (case-insensitive, anywhere in the type's name) of types that hold a verdict or findings.</summary>
    private static readonly string[] VerdictWords =
    {
        ValidWord, "result", "error", "fail", "violation", "verdict", "issue", "problem", "outcome", "report", "status",
        "diagnostic", "message", "finding", "warning", "decision", "assessment", "evaluation", "compliance", "safety",
        "moderation", "guard",
    };

    /// <summary>Words (case-insensitive, anywhere in a validator's name) that make its integer result a count or a status.</summary>
    private static readonly string[] CountedWords =
    {
        "error", "fail", "violation", "issue", "problem", "warning", "finding", "diagnostic", "status",
    };

    /// <summary>
    /// True for <c>bool</c>, <c>string</c> (an error message), enums (a status), types whose name has a verdict word
    /// (<c>Error</c>, <c>ValidationProblem</c>, <c>Outcome</c>), integers when <paramref name="methodName"/> says what they
    /// count (<c>int ValidateAndCountErrors(..)</c>, <c>long ValidateViolationCount(..)</c>), and arrays, nullables, tuples and
    /// generic types with such an element (<c>IReadOnlyList&lt;string&gt;</c>, <c>(bool, string)</c>); false for other
    /// types (domain data), type parameters and integers named for data: EF Core's <c>int ValidateOrdinal(..)</c> and
    /// orleans' <c>int ValidateItemSize(..)</c> throw on failure and hand back an ordinal and a size.
    /// </summary>
    public static bool CanBeVerdict(ITypeSymbol type, string methodName)
        => CanBeVerdict(type, NamesFindings(methodName), 0);

    private static bool CanBeVerdict(ITypeSymbol type, bool integersCount, int depth)
    {
        if (depth > MaxDepth || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_String
            || (integersCount && IsInteger(type.SpecialType))
            || type.TypeKind == TypeKind.Enum
            || HasVerdictWord(type.Name))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return CanBeVerdict(array.ElementType, integersCount, depth + 1);
        }

        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return TupleCanBeVerdict(tuple, integersCount, depth);
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (CanBeVerdict(argument, integersCount, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A tuple carries a verdict when an element does: an element its author named, by its name (<c>(bool IsValid, string
    /// Error)</c>, <c>(bool Ok, T Value)</c>) or by a type that is a verdict for more than being a <c>bool</c> or a
    /// <c>string</c> (a <c>ValidationResult</c>, an enum); an unnamed one by its type (<c>(bool, string)</c>). The rules
    /// ServiceStack's <c>ValidateTransforms</c> parses and hands back, <c>List&lt;(string? Match, Regex Regex, string
    /// Replacement, bool Global)&gt;</c>, are data: it throws on a bad rule.
    /// </summary>
    private static bool TupleCanBeVerdict(INamedTypeSymbol tuple, bool integersCount, int depth)
    {
        foreach (var element in tuple.TupleElements)
        {
            if (element.IsExplicitlyNamedTupleElement
                ? HasVerdictWord(element.Name) || IsSuccessName(element.Name)
                    || (element.Type.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_String)
                        && CanBeVerdict(element.Type, integersCount, depth + 1))
                : CanBeVerdict(element.Type, integersCount, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Ok</c>, <c>IsOk</c>, <c>Success</c>, <c>Succeeded</c>, <c>Passed</c>: a tuple element naming the outcome.</summary>
    private static bool IsSuccessName(string name)
        => name.Equals("ok", StringComparison.OrdinalIgnoreCase) || name.Equals("isOk", StringComparison.OrdinalIgnoreCase)
            || name.IndexOf("success", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("succeed", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("passed", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// Whether a result that is a validator's only because it has a validity member (<c>IsValid</c>, <c>IsSafe</c>…) is named
    /// like a verdict (<c>ValidationResult</c>, <c>GuardrailVerdict</c>, <c>SafetyReport</c>, <c>ModerationDecision</c>).
    /// Data that merely knows whether it is usable is not one: orleans' <c>ArcBufferPage AllocatePage(..)</c> and the
    /// <c>Element</c> that <c>Interlocked.Exchange(ref _current, next)</c> hands back both have an <c>IsValid</c>.
    /// </summary>
    public static bool IsNamedLikeVerdict(ITypeSymbol type)
        => type.TypeKind is not (TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic) && HasVerdictWord(type.Name);

    /// <summary>
    /// Whether a method's name says its integer result counts findings or is a status code (<c>ValidateAndCountErrors</c>,
    /// <c>ValidateViolationCount</c>, <c>ValidateStatus</c>), rather than data the validator hands back (<c>ValidateOrdinal</c>,
    /// <c>ValidateItemSize</c>, <c>ValidateMessageLength</c>).
    /// </summary>
    private static bool NamesFindings(string methodName) => ContainsAny(methodName, CountedWords);

    private static bool IsInteger(SpecialType type)
    {
        switch (type)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the name holds a verdict word; <c>valid</c> counts as <c>Valid</c>, <c>Invalid</c>, <c>Validity</c> or
    /// <c>Validation</c>, not inside the verb <c>Validate…</c>/<c>Validator…</c>: wabbajack's <c>ValidateInfo</c>, what the
    /// Nexus "validate" endpoint returns, is account data (<c>ValidateResult</c> still counts through <c>Result</c>).
    /// </summary>
    internal static bool HasVerdictWord(string name)
    {
        foreach (var word in VerdictWords)
        {
            for (var at = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                at = name.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (word != ValidWord || !IsVerbForm(name, at + word.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private const string ValidWord = "valid";

    /// <summary><c>valid</c> followed by <c>at…</c> but not <c>ation</c>: <c>Validate</c>, <c>Validated</c>, <c>Validator</c>.</summary>
    private static bool IsVerbForm(string name, int rest)
        => string.Compare(name, rest, "at", 0, 2, StringComparison.OrdinalIgnoreCase) == 0
            && string.Compare(name, rest, "ation", 0, 5, StringComparison.OrdinalIgnoreCase) != 0;

    private static bool ContainsAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
