using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The type a fix writes for a local it declares: <c>var</c>, unless the file's <c>.editorconfig</c> asks for explicit types
/// for that kind of local (<c>csharp_style_var_for_built_in_types</c>, <c>csharp_style_var_when_type_is_apparent</c>,
/// <c>csharp_style_var_elsewhere</c> set to <c>false</c>, at any severity) — then the type itself, so the fix adds no
/// IDE0008 (an error under <c>EnforceCodeStyleInBuild</c> with warnings as errors). Unset options keep <c>var</c>: the IDE's
/// default preference is silent, and most code the fixes meet writes <c>var</c>.
/// </summary>
internal static class LocalTypes
{
    /// <summary>
    /// <c>var</c> or <paramref name="type"/> (imported and simplified, <see cref="TypeNames.Imported"/>) for a local of
    /// <paramref name="tree"/> in <paramref name="project"/>; <paramref name="apparent"/> when the initializer names the type
    /// (<c>new T(…)</c>). A type no code can spell (anonymous, error) is always <c>var</c>.
    /// </summary>
    public static TypeSyntax For(Project project, SyntaxTree tree, ITypeSymbol? type, bool apparent, SyntaxGenerator generator)
    {
        var var = SyntaxFactory.IdentifierName("var");
        if (type is null || !TypeNames.CanBeWritten(type) || !PrefersExplicit(project, tree, type, apparent))
        {
            return var;
        }

        return TypeNames.Imported(generator, type);
    }

    private static bool PrefersExplicit(Project project, SyntaxTree tree, ITypeSymbol type, bool apparent)
    {
        var key = IsBuiltIn(type) ? "csharp_style_var_for_built_in_types"
            : apparent ? "csharp_style_var_when_type_is_apparent"
            : "csharp_style_var_elsewhere";

        // `false`, `false:warning`, ` false : suggestion ` (the value before any severity).
        return CodeStylePreferences.Is(project, tree, key, "false");
    }

    /// <summary>The types C# has keywords for (<c>int</c>, <c>string</c>, <c>bool</c>, …), which the built-in-types option governs.</summary>
    private static bool IsBuiltIn(ITypeSymbol type)
        => type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_Single
            or SpecialType.System_Double or SpecialType.System_String or SpecialType.System_Object;
}
