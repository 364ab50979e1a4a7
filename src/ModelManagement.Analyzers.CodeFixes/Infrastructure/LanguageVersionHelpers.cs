using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>What the C# version of a document allows, so fixes never write syntax the document's compiler rejects.</summary>
internal static class LanguageVersionHelpers
{
    /// <summary>The effective C# version of <paramref name="tree"/> (C# 7.3 when the tree carries no C# parse options).</summary>
    public static LanguageVersion GetLanguageVersion(SyntaxTree tree)
        => tree.Options is CSharpParseOptions options ? options.LanguageVersion : LanguageVersion.CSharp7_3;

    /// <summary>True when <paramref name="tree"/> is parsed as C# <paramref name="version"/> or later.</summary>
    public static bool IsAtLeast(SyntaxTree tree, LanguageVersion version) => GetLanguageVersion(tree) >= version;

    /// <summary>The <c>default</c> literal without a type (C# 7.1).</summary>
    public static bool SupportsDefaultLiteral(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp7_1);

    /// <summary><c>await</c> inside catch and finally blocks (C# 6).</summary>
    public static bool SupportsAwaitInCatchAndFinally(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp6);

    /// <summary>Expression-bodied constructors (C# 7.0).</summary>
    public static bool SupportsExpressionBodiedConstructors(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp7);

    /// <summary>Named arguments followed by positional ones (C# 7.2).</summary>
    public static bool SupportsNonTrailingNamedArguments(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp7_2);

    /// <summary>Exception filters (<c>catch (E) when (…)</c>, C# 6).</summary>
    public static bool SupportsExceptionFilters(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp6);

    /// <summary>The <c>not</c> pattern (<c>x is not null</c>, C# 9).</summary>
    public static bool SupportsNotPattern(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp9);

    /// <summary>Lambdas and local functions may declare names of the enclosing function's locals and parameters (C# 8).</summary>
    public static bool SupportsShadowingInNestedFunctions(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp8);

    /// <summary><c>static</c> lambdas and anonymous methods (C# 9).</summary>
    public static bool SupportsStaticAnonymousFunctions(SyntaxTree tree) => IsAtLeast(tree, LanguageVersion.CSharp9);
}
