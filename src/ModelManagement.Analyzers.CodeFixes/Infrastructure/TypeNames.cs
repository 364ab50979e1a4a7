using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Type names in code a fix writes: fully qualified, so the simplifier (and the import adder) shape them for the document.</summary>
internal static class TypeNames
{
    /// <summary>
    /// <paramref name="type"/> fully qualified, marked for simplification and for a using directive: run
    /// <see cref="SafeImportAdder"/> on the document to add the directive unless it would make a name ambiguous.
    /// </summary>
    public static TypeSyntax Imported(SyntaxGenerator generator, ITypeSymbol type)
        => ((TypeSyntax)generator.TypeExpression(type)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary><c>global::<paramref name="fullName"/></c> marked for simplification only (no using directive is added).</summary>
    public static TypeSyntax Qualified(string fullName)
        => SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The name a written type ends in, without type arguments (<c>Patterns.AsyncLazy&lt;T&gt;</c>: <c>AsyncLazy</c>); null for other types.</summary>
    public static string? RightmostIdentifier(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>True when a fix can spell <paramref name="type"/>: no anonymous or error type in it (bounded walk).</summary>
    public static bool CanBeWritten(ITypeSymbol type) => !ContainsAnonymousType(type);

    private static bool ContainsAnonymousType(ITypeSymbol type)
    {
        var stack = new Stack<ITypeSymbol>();
        stack.Push(type);
        var budget = 64;
        while (stack.Count > 0 && budget-- > 0)
        {
            var current = stack.Pop();
            if (current.IsAnonymousType || current.TypeKind == TypeKind.Error)
            {
                return true;
            }

            if (current is IArrayTypeSymbol array)
            {
                stack.Push(array.ElementType);
            }
            else if (current is INamedTypeSymbol named)
            {
                foreach (var argument in named.TypeArguments)
                {
                    stack.Push(argument);
                }
            }
        }

        return budget < 0;
    }

    /// <summary>
    /// <c>global::<paramref name="fullName"/></c> as an expression (a member-access chain, which the simplifier shortens
    /// where a qualified type name would stay as written), for the left side of a call or a constant pattern; marked for
    /// simplification only. Type positions use <see cref="Qualified"/>.
    /// </summary>
    public static ExpressionSyntax QualifiedExpression(string fullName)
        => SyntaxFactory.ParseExpression("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>
    /// <paramref name="type"/> as a qualified expression (<see cref="QualifiedExpression(string)"/>): as short as the document's own
    /// using directives allow, and no new directive (a file that spells the type qualified keeps doing so).
    /// </summary>
    public static ExpressionSyntax QualifiedExpression(ITypeSymbol type)
        => QualifiedExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length));
}
