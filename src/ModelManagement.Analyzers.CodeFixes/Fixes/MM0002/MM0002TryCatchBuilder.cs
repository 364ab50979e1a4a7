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
    /// when the file separates blocks so (<see cref="Statements.SeparatesBlocksWithBlankLines(SyntaxNode, SyntaxNode)"/>: the member's habit first). Inner sites are
    /// wrapped before the ones containing them.
    /// </summary>
    /// <remarks>
    /// This is the rule's default fix (the one <c>dotnet format</c> applies): a site no try statement can guard (a task of
    /// <c>Task.WhenAll</c>, or one the try/catch fix refuses but the helper takes) gets the helper instead, in the same
    /// pass, so one run fixes every site the same way whichever comes first.
    /// </remarks>
    public static SyntaxNode WrapInTryCatch(SyntaxNode root, IReadOnlyList<MM0002Site> sites)
    {
        var edited = sites.Where(s => (s.CanWrap && s.Await is not null) || s.TakesHelperAsDefault)
            .OrderByDescending(s => s.SpanStart).ToList();
        if (edited.Count == 0)
        {
            return root;
        }

        var current = root.TrackNodes(edited.Select(NodeOf));
        foreach (var site in edited)
        {
            if (current.GetCurrentNode(NodeOf(site)) is not { } target)
            {
                continue;
            }

            current = site.TakesHelperAsDefault ? current.ReplaceNode(target, MM0002HelperCallBuilder.Rewrite(target, site))
                : site.Statement is not null && OwnTryWithNarrowerCatches(target) is { } ownTry
                    ? current.ReplaceNode(ownTry, WithCatchAdded(ownTry, BuildTry(SyntaxFactory.SingletonList((StatementSyntax)target), site).Catches[0]))
                : site.Statement is not null ? Statements.Wrap(current, (StatementSyntax)target, 1, statements => BuildTry(statements, site), Statements.SeparatesBlocksWithBlankLines(root, NodeOf(site)))
                : current.ReplaceNode(target, WrapExpressionBody(target, site));
        }

        return current;
    }

    /// <summary>
    /// The try statement whose block is just <paramref name="statement"/> and whose catches are all narrower than a catch
    /// of <c>Exception</c> (<c>try { await _store.LogAsync(e); } catch (NotSupportedException) { }</c>, as in wolverine's
    /// observers): the new catch joins them, after them, so the author's handler keeps its failures and every other one
    /// is guarded — instead of a second try inside the first, which would take them all. Null otherwise (a catch-all,
    /// even one that rethrows, must stay last: CS0160/CS1017).
    /// </summary>
    internal static TryStatementSyntax? OwnTryWithNarrowerCatches(SyntaxNode statement)
    {
        if (statement.Parent is not BlockSyntax { Statements.Count: 1 } block
            || block.Parent is not TryStatementSyntax tryStatement
            || tryStatement.Block != block
            || tryStatement.Catches.Count == 0)
        {
            return null;
        }

        foreach (var catchClause in tryStatement.Catches)
        {
            if (catchClause.Filter is null
                && (catchClause.Declaration is null || TypeNames.RightmostIdentifier(catchClause.Declaration.Type) is "Exception"))
            {
                return null;
            }
        }

        return tryStatement;
    }

    /// <summary>The try with <paramref name="added"/> after its catches; the line end that closed the try closes the new catch.</summary>
    private static TryStatementSyntax WithCatchAdded(TryStatementSyntax tryStatement, CatchClauseSyntax added)
    {
        var last = tryStatement.Catches[tryStatement.Catches.Count - 1];
        var closeBrace = last.Block.CloseBraceToken;
        var lineEnd = closeBrace.TrailingTrivia;
        tryStatement = tryStatement.ReplaceToken(closeBrace, closeBrace.WithTrailingTrivia(SyntaxFactory.ElasticMarker));
        added = added.WithBlock(added.Block.WithCloseBraceToken(added.Block.CloseBraceToken.WithTrailingTrivia(lineEnd)));
        return tryStatement.AddCatches(added.WithAdditionalAnnotations(MM0002Syntax.NewNodeAnnotations));
    }

    private static SyntaxNode NodeOf(MM0002Site site) => site.TakesHelperAsDefault ? MM0002HelperCallBuilder.Target(site) : Target(site);

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
        => Statements.WrapExpressionBody(current, statements => BuildTry(statements, site)) ?? current;

    /// <summary>An exception type an enclosing catch handles, as a type and as an expression (a pattern's constant): qualified, or a type parameter's name.</summary>
    private static (TypeSyntax Type, ExpressionSyntax Expression) HandledTypeSyntax(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol)
        {
            return (SyntaxFactory.IdentifierName(type.Name), SyntaxFactory.IdentifierName(type.Name));
        }

        var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);
        return (TypeNames.Qualified(fullName), TypeNames.QualifiedExpression(fullName));
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
                MM0002Syntax.HelperType(site.HelperNameIsFree),
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

        if (!site.HandledAround.IsEmpty)
        {
            // What an enclosing try of the author's handles goes on to that handler, as before the fix.
            if (LanguageVersionHelpers.SupportsExceptionFilters(tree))
            {
                ExpressionSyntax? notHandled = null;
                foreach (var type in site.HandledAround)
                {
                    var (typeName, typeExpression) = HandledTypeSyntax(type);
                    ExpressionSyntax test = LanguageVersionHelpers.SupportsNotPattern(tree)
                        ? SyntaxFactory.IsPatternExpression(exceptionIdentifier, SyntaxFactory.UnaryPattern(SyntaxFactory.ConstantPattern(typeExpression)))
                        : SyntaxFactory.PrefixUnaryExpression(
                            SyntaxKind.LogicalNotExpression,
                            SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, typeName)));
                    notHandled = notHandled is null ? test : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, notHandled, test);
                }

                filter = SyntaxFactory.CatchFilterClause(filter is null
                    ? notHandled!
                    : SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalAndExpression,
                        notHandled!,
                        filter.FilterExpression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression }
                            ? SyntaxFactory.ParenthesizedExpression(filter.FilterExpression)
                            : filter.FilterExpression));
            }
            else
            {
                ExpressionSyntax? handledTest = null;
                foreach (var type in site.HandledAround)
                {
                    ExpressionSyntax test = SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, HandledTypeSyntax(type).Type);
                    handledTest = handledTest is null ? test : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression, handledTest, test);
                }

                handler.Insert(0, SyntaxFactory.IfStatement(handledTest!, SyntaxFactory.Block(SyntaxFactory.ThrowStatement())));
            }
        }

        var catchClause = SyntaxFactory.CatchClause(
            SyntaxFactory.CatchDeclaration(TypeNames.Qualified("System.Exception"), SyntaxFactory.Identifier(exceptionName)),
            filter,
            SyntaxFactory.Block(handler));

        return SyntaxFactory.TryStatement(SyntaxFactory.Block(statements), SyntaxFactory.SingletonList(catchClause), @finally: null);
    }
}
