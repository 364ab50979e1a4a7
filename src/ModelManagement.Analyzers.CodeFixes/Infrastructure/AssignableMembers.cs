using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Fields and auto-properties a fix now assigns outside the constructor: a setter where there was none (or an init
/// accessor), <c>= null!</c> (<c>= default!</c> for a type parameter) where the constructor no longer assigns a
/// non-nullable member, an initializer removed when its work moves. <c>readonly</c> goes with <see cref="Members.RemoveModifier"/>.
/// </summary>
internal static class AssignableMembers
{
    /// <summary>The declarator initialized (or re-initialized) with <c>null!</c> or <c>default!</c>.</summary>
    public static VariableDeclaratorSyntax WithNullForgivingInitializer(VariableDeclaratorSyntax declarator, bool isTypeParameter)
        => declarator.Initializer is { } existing
            ? declarator.WithInitializer(existing.WithValue(NullForgiving(isTypeParameter).WithTriviaFrom(existing.Value)))
            : declarator.WithInitializer(SyntaxFactory.EqualsValueClause(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                NullForgiving(isTypeParameter)));

    /// <summary>The declarator without its initializer (the trivia after it stays).</summary>
    public static VariableDeclaratorSyntax WithoutInitializer(VariableDeclaratorSyntax declarator)
        => declarator.Initializer is { } initializer
            ? declarator.WithInitializer(null).WithIdentifier(declarator.Identifier.WithTrailingTrivia(initializer.GetTrailingTrivia()))
            : declarator;

    /// <summary>The auto-property with a setter: its init accessor becomes one, or <c>set;</c> (<c>private set;</c> unless the property is private) is added.</summary>
    public static PropertyDeclarationSyntax WithSetter(PropertyDeclarationSyntax property, bool isPrivate)
    {
        var accessors = property.AccessorList!;
        if (accessors.Accessors.FirstOrDefault(static accessor => accessor.IsKind(SyntaxKind.InitAccessorDeclaration)) is { } init)
        {
            return property.WithAccessorList(accessors.ReplaceNode(init, SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                .WithModifiers(init.Modifiers)
                .WithSemicolonToken(init.SemicolonToken)
                .WithTriviaFrom(init)));
        }

        var last = accessors.Accessors.Last();
        var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithTrailingTrivia(last.GetTrailingTrivia());
        if (!isPrivate)
        {
            setter = setter.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PrivateKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
        }

        return property.WithAccessorList(accessors.WithAccessors(accessors.Accessors.Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space)).Add(setter)));
    }

    /// <summary>The auto-property initialized (or re-initialized) with <c>null!</c> or <c>default!</c>.</summary>
    public static PropertyDeclarationSyntax WithNullForgivingInitializer(PropertyDeclarationSyntax property, bool isTypeParameter)
        => property.Initializer is { } existing
            ? property.WithInitializer(existing.WithValue(NullForgiving(isTypeParameter).WithTriviaFrom(existing.Value)))
            : property
                .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(SyntaxFactory.Space)))
                .WithInitializer(SyntaxFactory.EqualsValueClause(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    NullForgiving(isTypeParameter)))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, property.AccessorList.CloseBraceToken.TrailingTrivia));

    /// <summary>The auto-property without its initializer (the trivia after the semicolon stays).</summary>
    public static PropertyDeclarationSyntax WithoutInitializer(PropertyDeclarationSyntax property)
        => property.Initializer is null
            ? property
            : property.WithInitializer(null)
                .WithSemicolonToken(default)
                .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia)));

    private static PostfixUnaryExpressionSyntax NullForgiving(bool isTypeParameter)
        => SyntaxFactory.PostfixUnaryExpression(
            SyntaxKind.SuppressNullableWarningExpression,
            SyntaxFactory.LiteralExpression(isTypeParameter ? SyntaxKind.DefaultLiteralExpression : SyntaxKind.NullLiteralExpression));
}
