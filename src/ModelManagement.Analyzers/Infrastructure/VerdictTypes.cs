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
        "valid", "result", "error", "fail", "violation", "verdict", "issue", "problem", "outcome", "report", "status",
        "diagnostic", "message", "finding", "warning", "decision", "assessment", "evaluation", "compliance", "safety",
        "moderation", "guard",
    };

    /// <summary>
    /// True for <c>bool</c>, <c>string</c> (an error message), numbers (an error count), enums (a status), types whose name
    /// has a verdict word (<c>Error</c>, <c>ValidationProblem</c>, <c>Outcome</c>), and arrays, nullables, tuples and
    /// generic types with such an element (<c>IReadOnlyList&lt;string&gt;</c>, <c>(bool, string)</c>); false for other
    /// types (domain data) and type parameters.
    /// </summary>
    public static bool CanBeVerdict(ITypeSymbol type) => CanBeVerdict(type, 0);

    private static bool CanBeVerdict(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
        {
            return false;
        }

        if (IsVerdictSpecialType(type.SpecialType) || type.TypeKind == TypeKind.Enum || HasVerdictWord(type.Name))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return CanBeVerdict(array.ElementType, depth + 1);
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (CanBeVerdict(argument, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a result that is a validator's only because it has a validity member (<c>IsValid</c>, <c>IsSafe</c>…) is named
    /// like a verdict (<c>ValidationResult</c>, <c>GuardrailVerdict</c>, <c>SafetyReport</c>, <c>ModerationDecision</c>).
    /// Data that merely knows whether it is usable is not one: orleans' <c>ArcBufferPage AllocatePage(..)</c> and the
    /// <c>Element</c> that <c>Interlocked.Exchange(ref _current, next)</c> hands back both have an <c>IsValid</c>.
    /// </summary>
    public static bool IsNamedLikeVerdict(ITypeSymbol type)
        => type.TypeKind is not (TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic) && HasVerdictWord(type.Name);

    private static bool IsVerdictSpecialType(SpecialType type)
    {
        switch (type)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_String:
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

    private static bool HasVerdictWord(string name)
    {
        foreach (var word in VerdictWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
