using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Applies one <see cref="MM0003GuardPlan"/> to a root whose planned nodes are tracked.</summary>
internal static class MM0003GuardRewriter
{
    /// <summary>
    /// Wraps the statements in <c>if (x is not null) { … }</c>. Before C# 9 the guard is <c>x != null</c>, or
    /// <c>!(x is null)</c> when the type overloads <c>==</c> (C# 6: <c>(object)x != null</c>). The first statement's
    /// leading trivia (comments) moves above the <c>if</c>; only the new <c>if</c> is formatted, so it is followed by the
    /// blank line the formatter puts after a block. (The shared <c>Statements.Wrap</c> keeps the original line end and no
    /// blank line, so it is not used here.)
    /// </summary>
    public static SyntaxNode ApplyIfGuard(SyntaxNode root, MM0003GuardPlan plan, SyntaxTree tree)
    {
        var current = new List<StatementSyntax>(plan.Statements.Count);
        foreach (var statement in plan.Statements)
        {
            if (root.GetCurrentNode(statement) is not { } node)
            {
                return root;
            }

            current.Add(node);
        }

        if (current.Count == 0)
        {
            return root;
        }

        var first = current[0];
        var inner = new List<StatementSyntax>(current.Count) { first.WithLeadingTrivia(SyntaxFactory.ElasticMarker) };
        for (var i = 1; i < current.Count; i++)
        {
            inner.Add(current[i]);
        }

        var guard = SyntaxFactory.IfStatement(
                Condition(plan.Receiver.WithoutTrivia(), plan.AvoidEqualityOperators, tree),
                SyntaxFactory.Block(inner))
            .WithLeadingTrivia(first.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

        switch (first.Parent)
        {
            case BlockSyntax block:
                return root.ReplaceNode(block, block.WithStatements(Replace(block.Statements, current, guard)));
            case SwitchSectionSyntax section:
                return root.ReplaceNode(section, section.WithStatements(Replace(section.Statements, current, guard)));
            case IfStatementSyntax { Else: not null } ifStatement when ifStatement.Statement == first:
                // `if (c) if (x is not null) {…} else …` would hand the else to the new if: keep it in braces.
                return root.ReplaceNode(first, SyntaxFactory.Block(guard).WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return root.ReplaceNode(first, guard);
        }
    }

    /// <summary>Rewrites the discarded call <c>x.M(…)</c> as <c>x?.M(…)</c> (a delegate call <c>x(…)</c> as <c>x?.Invoke(…)</c>).</summary>
    public static SyntaxNode ApplyConditionalAccess(SyntaxNode root, MM0003GuardPlan plan)
    {
        if (plan.ChainTop is null || root.GetCurrentNode(plan.ChainTop) is not { } chainTop)
        {
            return root;
        }

        var text = chainTop.ToString();
        var receiverLength = plan.Receiver.Span.Length;
        if (receiverLength >= text.Length)
        {
            return root;
        }

        var rest = text.Substring(receiverLength);
        var trimmed = rest.TrimStart();
        var separator = rest.Substring(0, rest.Length - trimmed.Length);
        var access = trimmed.StartsWith("(", System.StringComparison.Ordinal) ? "?.Invoke" : "?";
        var rewritten = SyntaxFactory.ParseExpression(text.Substring(0, receiverLength) + separator + access + trimmed, options: root.SyntaxTree.Options);
        if (rewritten.ContainsDiagnostics || rewritten is not ConditionalAccessExpressionSyntax)
        {
            return root;
        }

        return root.ReplaceNode(chainTop, rewritten.WithTriviaFrom(chainTop));
    }

    private static SyntaxList<StatementSyntax> Replace(SyntaxList<StatementSyntax> statements, List<StatementSyntax> removed, StatementSyntax guard)
    {
        var start = statements.IndexOf(removed[0]);
        if (start < 0)
        {
            return statements;
        }

        // The planned statements are consecutive siblings: [start, start + count) becomes the guard.
        var result = new List<StatementSyntax>(statements.Count - removed.Count + 1);
        for (var i = 0; i < statements.Count; i++)
        {
            if (i == start)
            {
                result.Add(guard);
            }
            else if (i < start || i >= start + removed.Count)
            {
                result.Add(statements[i]);
            }
        }

        return SyntaxFactory.List(result);
    }

    private static ExpressionSyntax Condition(ExpressionSyntax receiver, bool avoidEqualityOperators, SyntaxTree tree)
    {
        var text = receiver.ToString();
        var condition = LanguageVersionHelpers.SupportsNotPattern(tree) ? text + " is not null"
            : !avoidEqualityOperators ? text + " != null"
            : LanguageVersionHelpers.IsAtLeast(tree, LanguageVersion.CSharp7) ? "!(" + text + " is null)"
            : "(object)" + text + " != null";
        return SyntaxFactory.ParseExpression(condition);
    }
}
