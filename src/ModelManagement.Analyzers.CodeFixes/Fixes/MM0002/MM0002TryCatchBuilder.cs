using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Fix 1, "Guard side effect with try/catch": wraps each reported statement (or expression body) in its own try statement.</summary>
internal static class MM0002TryCatchBuilder
{
    /// <summary>
    /// Wraps each reported statement in its own try statement (Fix All means the same as one fix per diagnostic: a
    /// failing side effect never skips the next one), through the shared <see cref="Statements.Wrap(SyntaxNode, StatementSyntax, int, System.Func{SyntaxList{StatementSyntax}, StatementSyntax}, bool)"/>:
    /// the statement's comments and directives introduce the try, and the statement after it is separated by a blank line
    /// when the file separates blocks so (<see cref="Statements.SeparatesBlocksWithBlankLines"/>). Inner sites are
    /// wrapped before the ones containing them.
    /// </summary>
    public static SyntaxNode WrapInTryCatch(SyntaxNode root, IReadOnlyList<MM0002Site> sites)
    {
        var wrapped = sites.Where(s => s.CanWrap && s.Await is not null).OrderByDescending(s => s.SpanStart).ToList();
        if (wrapped.Count == 0)
        {
            return root;
        }

        var blankLineAfter = Statements.SeparatesBlocksWithBlankLines(root);
        var current = root.TrackNodes(wrapped.Select(Target));
        foreach (var site in wrapped)
        {
            if (current.GetCurrentNode(Target(site)) is not { } target)
            {
                continue;
            }

            current = site.Statement is not null
                ? Statements.Wrap(current, (StatementSyntax)target, 1, statements => BuildTry(statements, site), blankLineAfter)
                : current.ReplaceNode(target, WrapExpressionBody(target, site));
        }

        return current;
    }

    /// <summary>The node a site's fix replaces: its statement, else the method, local function or lambda whose expression body it is.</summary>
    private static SyntaxNode Target(MM0002Site site)
    {
        if (site.Statement is { } statement)
        {
            return statement;
        }

        var body = site.Await!.Parent!;
        return body.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax ? body.Parent : body;
    }

    private static SyntaxNode WrapExpressionBody(SyntaxNode current, MM0002Site site)
    {
        switch (current)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
            {
                var block = BodyBlock(arrow.ArrowToken, arrow.Expression, method.SemicolonToken, site);
                method = method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                return TrimBeforeBody(method, block);
            }

            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
            {
                var block = BodyBlock(arrow.ArrowToken, arrow.Expression, localFunction.SemicolonToken, site);
                localFunction = localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                return TrimBeforeBody(localFunction, block);
            }

            case LambdaExpressionSyntax { ExpressionBody: { } body } lambda:
            {
                // The lambda keeps its arrow; the arrow's comments move to the statement, its line ends there.
                var block = BodyBlock(default, body, default, site);
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
                return current;
        }
    }

    /// <summary>The token before the former <c>=&gt;</c> loses its trailing white space (kept: its comments), so the new body's brace is placed by the formatter.</summary>
    private static SyntaxNode TrimBeforeBody(SyntaxNode member, BlockSyntax block)
    {
        var before = block.OpenBraceToken.GetPreviousToken();
        if (before.RawKind == 0)
        {
            return member;
        }

        var comments = Comments(before.TrailingTrivia, trailing: true);
        return member.ReplaceToken(before, before.WithTrailingTrivia(comments.Count > 0 ? comments : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker)));
    }

    /// <summary>
    /// The block body replacing an expression body: one try statement around the expression. Every comment survives —
    /// those of the <c>=&gt;</c> and before the expression go above the statement, those after it and around the
    /// <c>;</c> stay on the statement's line.
    /// </summary>
    private static BlockSyntax BodyBlock(SyntaxToken arrowToken, ExpressionSyntax expression, SyntaxToken semicolonToken, MM0002Site site)
    {
        var leading = Comments(arrowToken.LeadingTrivia.AddRange(arrowToken.TrailingTrivia).AddRange(expression.GetLeadingTrivia()), trailing: false);
        var trailing = Comments(expression.GetTrailingTrivia().AddRange(semicolonToken.LeadingTrivia).AddRange(semicolonToken.TrailingTrivia), trailing: true);
        var statement = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing);
        var block = SyntaxFactory.Block(Statements.Wrapped(SyntaxFactory.SingletonList<StatementSyntax>(statement), statements => BuildTry(statements, site)))
            .WithAdditionalAnnotations(MM0002Syntax.NewNodeAnnotations);
        var semicolonTrailing = semicolonToken.TrailingTrivia;
        return semicolonTrailing.Count > 0 && semicolonTrailing[semicolonTrailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)
            ? block.WithTrailingTrivia(semicolonTrailing[semicolonTrailing.Count - 1])
            : block;
    }

    /// <summary>
    /// The comments (and other non-white-space trivia) of a trivia run, white space dropped for the formatter: as
    /// leading trivia each comment ends its own line (a block comment on the statement's line stays there); as trailing
    /// trivia they follow the statement, a line comment ending the line.
    /// </summary>
    private static SyntaxTriviaList Comments(SyntaxTriviaList trivia, bool trailing)
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

    /// <summary><c>try { statements } catch (Exception ex) …</c>: the caught failure is reported, the caller's own cancellation let through.</summary>
    private static TryStatementSyntax BuildTry(SyntaxList<StatementSyntax> statements, MM0002Site site)
    {
        var tree = site.Invocation.SyntaxTree;
        var token = site.Token;
        var exceptionName = UniqueNames.Choose("ex", site.NamesInScope);
        var exceptionIdentifier = SyntaxFactory.IdentifierName(exceptionName);
        var handler = new List<StatementSyntax>();
        CatchFilterClauseSyntax? filter = null;
        var operationCanceled = TypeNames.Qualified("System.OperationCanceledException");
        if (token is not null)
        {
            var tokenCancelled = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, token.WithoutTrivia(), SyntaxFactory.IdentifierName("IsCancellationRequested"));
            if (LanguageVersionHelpers.SupportsExceptionFilters(tree))
            {
                ExpressionSyntax notCanceled = LanguageVersionHelpers.SupportsNotPattern(tree)
                    ? SyntaxFactory.IsPatternExpression(
                        exceptionIdentifier,
                        SyntaxFactory.UnaryPattern(SyntaxFactory.ConstantPattern(TypeNames.QualifiedExpression("System.OperationCanceledException"))))
                    : SyntaxFactory.PrefixUnaryExpression(
                        SyntaxKind.LogicalNotExpression,
                        SyntaxFactory.ParenthesizedExpression(
                            SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, operationCanceled)));
                filter = SyntaxFactory.CatchFilterClause(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalOrExpression,
                        notCanceled,
                        SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, tokenCancelled)));
            }
            else
            {
                // No exception filters before C# 6: rethrow the caller's own cancellation explicitly.
                handler.Add(SyntaxFactory.IfStatement(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalAndExpression,
                        SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, operationCanceled),
                        tokenCancelled),
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement())));
            }
        }

        var reportThroughFilter = token is null && site.HasReportAndSwallow && LanguageVersionHelpers.SupportsExceptionFilters(tree);
        var reportInvocation = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                MM0002Syntax.HelperType(),
                SyntaxFactory.IdentifierName(reportThroughFilter ? "ReportAndSwallow" : "ReportFailure")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(exceptionIdentifier))));
        if (reportThroughFilter)
        {
            // No caller cancellation to let through: the filter reports and always catches. An unfiltered catch of
            // Exception is what CA1031 flags; a filtered one with the exception observed trips none of CA1031, RCS1075
            // or ERP022, and swallows exactly the same failures.
            filter = SyntaxFactory.CatchFilterClause(reportInvocation);
        }
        else
        {
            handler.Add(site.HasReportFailure
                ? SyntaxFactory.ExpressionStatement(reportInvocation)
                : SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        TypeNames.QualifiedExpression("System.Diagnostics.Trace"),
                        SyntaxFactory.IdentifierName("TraceWarning")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression, exceptionIdentifier, SyntaxFactory.IdentifierName("ToString")))))))));
        }

        var catchClause = SyntaxFactory.CatchClause(
            SyntaxFactory.CatchDeclaration(TypeNames.Qualified("System.Exception"), SyntaxFactory.Identifier(exceptionName)),
            filter,
            SyntaxFactory.Block(handler));

        return SyntaxFactory.TryStatement(SyntaxFactory.Block(statements), SyntaxFactory.SingletonList(catchClause), @finally: null);
    }
}
