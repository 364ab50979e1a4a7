using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Moving, wrapping and inserting statements without disturbing the code around them: existing statements keep their
/// trivia (comments, blank lines), only what a fix creates is formatted, and a block written on one line stays on one line.
/// </summary>
internal static partial class Statements
{
    /// <summary>
    /// True when <paramref name="statement"/> can move into a new block (a try, an if, another method) and the code after
    /// it still compiles: it declares nothing that later statements of its block could use — no local, local function or
    /// label, and no <c>out var</c> or pattern variable of an expression statement (those belong to the enclosing block).
    /// </summary>
    public static bool CanMoveIntoBlock(StatementSyntax statement)
        => statement switch
        {
            LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax => false,
            ExpressionStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax => !DeclaresExpressionVariables(statement),
            _ => true,
        };

    /// <summary>
    /// <paramref name="block"/> with <paramref name="statement"/> inserted at <paramref name="index"/>. In a block written
    /// on one line (<c>{ a = b; Run(); }</c>) the statement joins that line; otherwise it gets its own line, formatted.
    /// </summary>
    public static BlockSyntax Insert(BlockSyntax block, int index, StatementSyntax statement)
    {
        if (IsOnOneLine(block))
        {
            statement = statement.WithoutAnnotations(Formatter.Annotation)
                .WithLeadingTrivia(Comments(statement.GetLeadingTrivia(), trailing: false))
                .WithTrailingTrivia(Comments(statement.GetTrailingTrivia(), trailing: true).Add(SyntaxFactory.Space));
            if (block.Statements.Count == 0 && block.OpenBraceToken.TrailingTrivia.Count == 0)
            {
                block = block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space));
            }
        }
        else
        {
            // Its own line: the formatter indents it; the line break keeps the next statement's comments on their line.
            // Comments the statement carries (those of a statement it replaces) stay: above it and ending its line.
            var trailing = Comments(statement.GetTrailingTrivia(), trailing: true);
            if (trailing.Count == 0 || !trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                trailing = trailing.Add(SyntaxFactory.EndOfLine(DocumentationComments.NewLine(block.SyntaxTree)));
            }

            statement = statement.WithLeadingTrivia(Comments(statement.GetLeadingTrivia(), trailing: false).Insert(0, SyntaxFactory.ElasticMarker))
                .WithTrailingTrivia(trailing)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return block.WithStatements(block.Statements.Insert(index, statement));
    }

    /// <summary>
    /// A <c>catch</c> that keeps every exception for good: untyped, or of <c>System.Exception</c> (or, with
    /// <paramref name="alsoSystemAndInvalidOperation"/>, <c>SystemException</c> / <c>InvalidOperationException</c>, which is
    /// what a fix throws), without a filter and without a <c>throw</c> in its block.
    /// </summary>
    public static bool KeepsEveryException(CatchClauseSyntax clause, SemanticModel model, bool alsoSystemAndInvalidOperation, System.Threading.CancellationToken cancellationToken)
    {
        if (clause.Filter is not null || ModelManagement.Analyzers.Infrastructure.Shapes.ContainsThrow(clause.Block))
        {
            return false;
        }

        if (clause.Declaration is null)
        {
            return true;
        }

        return model.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type is { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } caught
            && (caught.Name == "Exception" || (alsoSystemAndInvalidOperation && caught.Name is "SystemException" or "InvalidOperationException"));
    }

    /// <summary>
    /// The member's whole body is one <c>try</c> with a catch that keeps every exception (a best-effort member: a cache that
    /// never fails its caller): a statement prepended to the member belongs at the start of that try block, so its failure
    /// is handled as the rest of the member's is (a triage's LLM cache service).
    /// </summary>
    public static bool IsBestEffortBody(SyntaxNode member, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        => BodyOf(member) is { Statements: [TryStatementSyntax { Catches: { Count: > 0 } catches }] }
            && catches.Any(c => KeepsEveryException(c, model, alsoSystemAndInvalidOperation: false, cancellationToken));

    /// <summary><paramref name="member"/> with <paramref name="statement"/> first in the block of its body's only <c>try</c> (see <see cref="IsBestEffortBody"/>); null when the body is no longer so.</summary>
    public static SyntaxNode? PrependInBestEffortTry(SyntaxNode member, StatementSyntax statement)
        => BodyOf(member) is { Statements: [TryStatementSyntax tryStatement] }
            ? member.ReplaceNode(tryStatement.Block, Insert(tryStatement.Block, 0, statement))
            : null;

    /// <summary>
    /// <paramref name="member"/> with a blank line between the statement a fix just put into it (the one carrying
    /// <paramref name="marker"/>) and the next statement of its block, when that one starts with a <c>//</c> comment line
    /// (StyleCop's SA1515: a single-line comment is preceded by a blank line unless it opens its block). Not elastic, so the
    /// formatting keeps it; the line ending is the block's own.
    /// </summary>
    public static SyntaxNode BlankLineBeforeCommentAfter(SyntaxNode member, SyntaxAnnotation marker)
    {
        if (member.GetAnnotatedNodes(marker).FirstOrDefault() is not StatementSyntax { Parent: BlockSyntax block } inserted
            || block.Statements.IndexOf(inserted) + 1 is var index && index >= block.Statements.Count)
        {
            return member;
        }

        var next = block.Statements[index];
        var leading = next.GetLeadingTrivia();
        return leading.FirstOrDefault(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).IsKind(SyntaxKind.SingleLineCommentTrivia)
            ? member.ReplaceNode(next, next.WithLeadingTrivia(leading.Insert(0, block.OpenBraceToken.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: (int)SyntaxKind.EndOfLineTrivia } newline ? newline : SyntaxFactory.LineFeed)))
            : member;
    }

    /// <summary>The block body of a method, constructor, operator, accessor or local function; null for an expression body or another node.</summary>
    private static BlockSyntax? BodyOf(SyntaxNode member) => member switch
    {
        BaseMethodDeclarationSyntax method => method.Body,
        AccessorDeclarationSyntax accessor => accessor.Body,
        LocalFunctionStatementSyntax localFunction => localFunction.Body,
        _ => null,
    };

    /// <summary>
    /// <paramref name="member"/> (a method, constructor, operator, accessor or local function) with <paramref name="statement"/>
    /// as its first statement. An expression body becomes a block body: <c>return expression;</c> when
    /// <paramref name="returnsValue"/>, else <c>expression;</c>. Returns null for a member without a body.
    /// With <paramref name="after"/>, the statement goes after the leading statements it accepts (what earlier calls
    /// inserted), so statements prepended one after another keep their order.
    /// </summary>
    public static SyntaxNode? Prepend(SyntaxNode member, StatementSyntax statement, bool returnsValue, Func<StatementSyntax, bool>? after = null)
    {
        switch (member)
        {
            case BaseMethodDeclarationSyntax { Body: { } body } method:
                return method.WithBody(Insert(body, LeadingCount(body, after), statement));
            case AccessorDeclarationSyntax { Body: { } body } accessor:
                return accessor.WithBody(Insert(body, LeadingCount(body, after), statement));
            case LocalFunctionStatementSyntax { Body: { } body } localFunction:
                return localFunction.WithBody(Insert(body, LeadingCount(body, after), statement));
            case BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                return ArrowToBlock(method.WithExpressionBody(null).WithSemicolonToken(default), arrow, method.SemicolonToken, statement, returnsValue, static (m, b) => ((BaseMethodDeclarationSyntax)m).WithBody(b));
            case AccessorDeclarationSyntax { ExpressionBody: { } arrow } accessor:
                return ArrowToBlock(accessor.WithExpressionBody(null).WithSemicolonToken(default), arrow, accessor.SemicolonToken, statement, returnsValue, static (m, b) => ((AccessorDeclarationSyntax)m).WithBody(b));
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
                return ArrowToBlock(localFunction.WithExpressionBody(null).WithSemicolonToken(default), arrow, localFunction.SemicolonToken, statement, returnsValue, static (m, b) => ((LocalFunctionStatementSyntax)m).WithBody(b));
            default:
                return null;
        }
    }

    private static int LeadingCount(BlockSyntax body, Func<StatementSyntax, bool>? skip)
    {
        var count = 0;
        while (skip is not null && count < body.Statements.Count && skip(body.Statements[count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>The statement without the blank lines above it (it is about to start a new body right after its brace).</summary>
    public static StatementSyntax WithoutLeadingBlankLines(StatementSyntax statement)
        => statement.WithLeadingTrivia(WithoutLeadingBlankLines(statement.GetLeadingTrivia()));

    /// <summary>
    /// A closing brace without the blank lines above it: the last statements before it moved away, and the blank line
    /// that separated them from the brace would otherwise end the block.
    /// </summary>
    public static SyntaxToken WithoutLeadingBlankLines(SyntaxToken token)
        => token.WithLeadingTrivia(WithoutLeadingBlankLines(token.LeadingTrivia));

    private static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList trivia)
    {
        var lineStart = 0;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lineStart = i + 1;
            }
            else if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        if (lineStart == 0)
        {
            return trivia;
        }

        var kept = new List<SyntaxTrivia>(trivia.Count - lineStart);
        for (var i = lineStart; i < trivia.Count; i++)
        {
            kept.Add(trivia[i]);
        }

        return SyntaxFactory.TriviaList(kept);
    }

    /// <summary>True when nothing between the block's braces (nor the braces) breaks the line.</summary>
    public static bool IsOnOneLine(BlockSyntax block)
    {
        foreach (var token in block.DescendantTokens())
        {
            if (HasEndOfLine(token.LeadingTrivia) || (token != block.CloseBraceToken && HasEndOfLine(token.TrailingTrivia)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The member with a block body: <paramref name="first"/>, then the former expression body as a statement, every comment kept.</summary>
    private static SyntaxNode ArrowToBlock(
        SyntaxNode member, ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, StatementSyntax first, bool returnsValue, System.Func<SyntaxNode, BlockSyntax, SyntaxNode> withBody)
    {
        var body = FromExpressionBody(arrow.ArrowToken, arrow.Expression, semicolon, returnsValue);
        if (body.GetTrailingTrivia().Count == 0)
        {
            body = body.WithTrailingTrivia(SyntaxFactory.ElasticMarker);
        }

        // The block ends where the `;` ended (its comments moved onto the statement): a one-line accessor stays on its line.
        var lineEnd = new List<SyntaxTrivia>();
        foreach (var trivia in semicolon.TrailingTrivia)
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia) || trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lineEnd.Add(trivia);
            }
        }

        var block = SyntaxFactory.Block(first.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.ElasticMarker), body)
            .WithTrailingTrivia(lineEnd)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return TrimBeforeBody(withBody(member, block), elastic: false);
    }

    private static bool DeclaresExpressionVariables(SyntaxNode statement)
    {
        foreach (var node in statement.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is SingleVariableDesignationSyntax or ParenthesizedVariableDesignationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasEndOfLine(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia) || item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsDirective)
            {
                return true;
            }
        }

        return false;
    }
}
