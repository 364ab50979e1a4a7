using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The fields and properties the moved code assigns: <c>readonly</c> removed, a setter added, <c>= null!</c> added, a moved initializer removed.</summary>
internal static class MM0001StateMemberEdits
{
    private static PostfixUnaryExpressionSyntax NullForgiving(bool isTypeParameter)
        => SyntaxFactory.PostfixUnaryExpression(
            SyntaxKind.SuppressNullableWarningExpression,
            isTypeParameter ? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression) : SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));

    public static VariableDeclaratorSyntax RewriteDeclarator(VariableDeclaratorSyntax declarator, MM0001StateMember member)
    {
        if (member.AddNullForgivingInitializer)
        {
            return declarator.Initializer is { } existing
                ? declarator.WithInitializer(existing.WithValue(NullForgiving(member.IsTypeParameter).WithTriviaFrom(existing.Value)))
                : declarator.WithInitializer(SyntaxFactory.EqualsValueClause(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    NullForgiving(member.IsTypeParameter)));
        }

        if (declarator.Initializer is { } initializer && member.MovesInitializer)
        {
            return declarator.WithInitializer(null)
                .WithIdentifier(declarator.Identifier.WithTrailingTrivia(initializer.GetTrailingTrivia()));
        }

        return declarator;
    }

    public static PropertyDeclarationSyntax RewriteProperty(PropertyDeclarationSyntax property, MM0001StateMember member, bool isPrivate)
    {
        var accessors = property.AccessorList!;
        if (member.AddSetter)
        {
            var init = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.InitAccessorDeclaration));
            if (init is not null)
            {
                accessors = accessors.ReplaceNode(init, SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                    .WithModifiers(init.Modifiers)
                    .WithSemicolonToken(init.SemicolonToken)
                    .WithTriviaFrom(init));
            }
            else
            {
                var last = accessors.Accessors.Last();
                var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                    .WithTrailingTrivia(last.GetTrailingTrivia());
                if (!isPrivate)
                {
                    setter = setter.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PrivateKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
                }

                accessors = accessors.WithAccessors(accessors.Accessors
                    .Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space))
                    .Add(setter));
            }
        }

        property = property.WithAccessorList(accessors);
        if (member.AddNullForgivingInitializer)
        {
            return property.Initializer is { } existing
                ? property.WithInitializer(existing.WithValue(NullForgiving(member.IsTypeParameter).WithTriviaFrom(existing.Value)))
                : property
                    .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(SyntaxFactory.Space)))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(
                        SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                        NullForgiving(member.IsTypeParameter)))
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, property.AccessorList.CloseBraceToken.TrailingTrivia));
        }

        if (property.Initializer is not null && member.MovesInitializer)
        {
            var semicolon = property.SemicolonToken;
            return property.WithInitializer(null)
                .WithSemicolonToken(default)
                .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(semicolon.TrailingTrivia)));
        }

        return property;
    }
}
