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

    /// <summary>
    /// <c>global::<paramref name="fullName"/></c> as an expression (a member-access chain, which the simplifier shortens
    /// where a qualified type name would stay as written), for the left side of a call or a constant pattern; marked for
    /// simplification only. Type positions use <see cref="Qualified"/>.
    /// </summary>
    public static ExpressionSyntax QualifiedExpression(string fullName)
        => SyntaxFactory.ParseExpression("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);
}
