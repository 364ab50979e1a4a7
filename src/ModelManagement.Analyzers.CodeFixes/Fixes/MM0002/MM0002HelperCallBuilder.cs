using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Fix 2, "Run side effect through SideEffect helper": the side-effect call moves into <c>SideEffect.TryAsync(() =&gt; ...)</c>.</summary>
internal static class MM0002HelperCallBuilder
{
    /// <summary>Rewrites <c>await X</c> / <c>await X.ConfigureAwait(c)</c> into <c>await SideEffect.TryAsync(() =&gt; X[, token])[.ConfigureAwait(c)]</c>.</summary>
    public static void UseHelper(SyntaxEditor editor, IReadOnlyList<MM0002Site> sites)
    {
        foreach (var site in sites)
        {
            if (!site.CanUseHelper)
            {
                continue;
            }

            var captured = site;
            editor.ReplaceNode(Target(site), (current, _) => Rewrite(current, captured));
        }
    }

    /// <summary>
    /// The helper form of <paramref name="current"/>, the site's node as it is now (its await, or for a task of
    /// <c>Task.WhenAll</c> its call): the edit <see cref="UseHelper"/> makes, for callers that rewrite a tree themselves.
    /// </summary>
    public static SyntaxNode Rewrite(SyntaxNode current, MM0002Site site)
        => current is AwaitExpressionSyntax awaitExpression
            ? BuildHelperAwait(awaitExpression, site)
            : HelperCall((ExpressionSyntax)current, site).WithTriviaFrom(current);

    /// <summary>The node <see cref="Rewrite"/> replaces: the site's await, else (a task of <c>Task.WhenAll</c>) its call.</summary>
    public static SyntaxNode Target(MM0002Site site) => (SyntaxNode?)site.Await ?? site.Invocation;

    private static AwaitExpressionSyntax BuildHelperAwait(AwaitExpressionSyntax current, MM0002Site site)
    {
        // The side-effect call as it is now (tracked by position inside the current await).
        var invocation = current.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span.Length == site.Invocation.Span.Length && i.ToString() == site.Invocation.ToString());
        if (invocation is null)
        {
            return current;
        }

        ExpressionSyntax call = HelperCall(invocation, site);
        var comments = CommentsAroundTheCall(current.Expression, invocation);
        if (comments.Count > 0)
        {
            call = call.WithTrailingTrivia(comments); // `LogAsync(…) /* note */.ConfigureAwait(false)` keeps its note
        }

        if (site.ConfigureAwait is { } configureAwait)
        {
            call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("ConfigureAwait")),
                configureAwait.ArgumentList.WithoutTrivia());
        }

        return current.WithExpression(call.WithAdditionalAnnotations(Formatter.Annotation).WithTriviaFrom(current.Expression));
    }

    /// <summary>
    /// The comments of <paramref name="expression"/> (the awaited expression) outside the side-effect call: before it, between
    /// it and <c>.ConfigureAwait</c>, inside that chain. Each after a space; a <c>//</c> comment ends its line.
    /// </summary>
    private static List<SyntaxTrivia> CommentsAroundTheCall(ExpressionSyntax expression, InvocationExpressionSyntax invocation)
        => CommentTrivia.OnOneLine(CommentTrivia.Outside(expression, invocation.Span, withTrailing: false), codeFollows: true);

    /// <summary><c>SideEffect.TryAsync(() =&gt; X[.AsTask()][, token])</c>: started at once, as <c>X</c> was.</summary>
    private static InvocationExpressionSyntax HelperCall(ExpressionSyntax invocation, MM0002Site site)
    {
        ExpressionSyntax body = invocation.WithoutTrivia();
        if (site.HelperNeedsAsTask)
        {
            body = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, body, SyntaxFactory.IdentifierName("AsTask")));
        }

        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), body);
        if (site.HelperLambdaCanBeStatic)
        {
            lambda = lambda.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.StaticKeyword)));
        }

        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(lambda) };
        if (site.Token is { } token)
        {
            arguments.Add(SyntaxFactory.Argument(token.WithoutTrivia()));
        }

        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    MM0002Syntax.HelperType(site.HelperNameIsFree),
                    SyntaxFactory.IdentifierName("TryAsync")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
