using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Expression bodies turned into block bodies without losing a comment (MM0001's first statement, MM0002's try).</summary>
internal static partial class Statements
{
    /// <summary>
    /// The statement an expression body (<c>=&gt; expression;</c>) becomes: <c>return expression;</c> when
    /// <paramref name="returnsValue"/>, else <c>expression;</c>. Every comment survives — those of the <c>=&gt;</c> and before the
    /// expression go above the statement, those after it and around the <c>;</c> stay on the statement's line.
    /// </summary>
    public static StatementSyntax FromExpressionBody(SyntaxToken arrowToken, ExpressionSyntax expression, SyntaxToken semicolonToken, bool returnsValue)
    {
        var leading = Comments(arrowToken.LeadingTrivia.AddRange(arrowToken.TrailingTrivia).AddRange(expression.GetLeadingTrivia()), trailing: false);
        var trailing = Comments(expression.GetTrailingTrivia().AddRange(semicolonToken.LeadingTrivia).AddRange(semicolonToken.TrailingTrivia), trailing: true);
        StatementSyntax statement = returnsValue
            ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
        return statement.WithLeadingTrivia(leading).WithTrailingTrivia(trailing);
    }

    /// <summary>
    /// <paramref name="function"/> — a method, local function or lambda with an expression body — with a block body holding
    /// <paramref name="wrap"/>(the expression as a statement), formatted; null when it has no expression body. Every comment
    /// survives: those of the <c>=&gt;</c> and before the expression go above the statement, those after it and around the
    /// <c>;</c> stay on the statement's line, and the block ends its line as the <c>;</c> did. A lambda keeps its arrow.
    /// (MM0002's try around an awaited side effect, MM0003's guard around an awaited use.)
    /// </summary>
    public static SyntaxNode? WrapExpressionBody(SyntaxNode function, System.Func<SyntaxList<StatementSyntax>, StatementSyntax> wrap)
    {
        switch (function)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
            {
                var block = WrappedBody(arrow.ArrowToken, arrow.Expression, method.SemicolonToken, wrap);
                return TrimBeforeBody(method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block));
            }

            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
            {
                var block = WrappedBody(arrow.ArrowToken, arrow.Expression, localFunction.SemicolonToken, wrap);
                return TrimBeforeBody(localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block));
            }

            case LambdaExpressionSyntax { ExpressionBody: { } body } lambda:
            {
                // The lambda keeps its arrow; the arrow's comments move to the statement, its line ends there.
                var block = WrappedBody(default, body, default, wrap);
                var arrowToken = lambda.ArrowToken;
                var comments = Comments(arrowToken.TrailingTrivia, trailing: false);
                lambda = lambda.WithArrowToken(arrowToken.WithTrailingTrivia(SyntaxFactory.ElasticMarker));
                if (comments.Count > 0)
                {
                    block = block.WithStatements(SyntaxFactory.SingletonList(
                        block.Statements[0].WithLeadingTrivia(comments.AddRange(block.Statements[0].GetLeadingTrivia()))));
                }

                return lambda.WithExpressionBody(null).WithBlock(block);
            }

            default:
                return null;
        }
    }

    private static BlockSyntax WrappedBody(SyntaxToken arrowToken, ExpressionSyntax expression, SyntaxToken semicolonToken, System.Func<SyntaxList<StatementSyntax>, StatementSyntax> wrap)
    {
        var statement = FromExpressionBody(arrowToken, expression, semicolonToken, returnsValue: false);
        var block = SyntaxFactory.Block(Wrapped(SyntaxFactory.SingletonList(statement), wrap))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        return WithLineEndOf(block, semicolonToken);
    }

    /// <summary>The new block body ends its line as the expression body's <c>;</c> did.</summary>
    public static BlockSyntax WithLineEndOf(BlockSyntax block, SyntaxToken semicolonToken)
    {
        var semicolonTrailing = semicolonToken.TrailingTrivia;
        return semicolonTrailing.Count > 0 && semicolonTrailing[semicolonTrailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)
            ? block.WithTrailingTrivia(semicolonTrailing[semicolonTrailing.Count - 1])
            : block;
    }

    /// <summary>The token before the former <c>=&gt;</c> loses its trailing white space (kept: its comments), so the new body's brace is placed by the formatter.</summary>
    public static SyntaxNode TrimBeforeBody(SyntaxNode member, bool elastic = true)
    {
        var before = BodyOf(member)?.OpenBraceToken.GetPreviousToken() ?? default;
        if (before.RawKind == 0)
        {
            return member;
        }

        var comments = Comments(before.TrailingTrivia, trailing: true);
        return member.ReplaceToken(before, before.WithTrailingTrivia(comments.Count > 0 ? comments : elastic ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : default));
    }

    /// <summary>
    /// The comments (and other non-white-space trivia) of a trivia run, white space dropped for the formatter: as
    /// leading trivia each comment ends its own line (a block comment on the statement's line stays there); as trailing
    /// trivia they follow the statement, a line comment ending the line.
    /// </summary>
    public static SyntaxTriviaList Comments(SyntaxTriviaList trivia, bool trailing)
    {
        var result = new List<SyntaxTrivia>();
        SyntaxTrivia? lineEnd = null;
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                continue;
            }

            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lineEnd ??= item;
                if (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    result.Add(item);
                }

                continue;
            }

            if (trailing || (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                result.Add(SyntaxFactory.Space);
            }

            result.Add(item);
        }

        var newLine = lineEnd ?? SyntaxFactory.ElasticCarriageReturnLineFeed;
        if (trailing)
        {
            // Trailing: end with one line break after a line comment, none otherwise (the formatter ends the line).
            while (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                result.RemoveAt(result.Count - 1);
            }

            if (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                result.Add(newLine);
            }
        }
        else if (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia))
        {
            result.Add(newLine);
        }
        else if (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            result.Add(SyntaxFactory.Space);
        }

        return SyntaxFactory.TriviaList(result);
    }

}
