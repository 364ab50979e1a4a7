using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Applies one <see cref="MM0003GuardPlan"/> to a root whose planned nodes are tracked.</summary>
internal static class MM0003GuardRewriter
{
    /// <summary>
    /// Wraps the statements in <c>if (x is not null) { … }</c> (shared <see cref="Statements.Wrap(SyntaxNode, StatementSyntax, int, System.Func{SyntaxList{StatementSyntax}, StatementSyntax}, bool)"/>:
    /// comments and directives above the first statement move above the <c>if</c>, a blank line follows it). Before C# 9
    /// the guard is <c>x != null</c>, or <c>!(x is null)</c> when the type overloads <c>==</c> (C# 6: <c>(object)x != null</c>).
    /// </summary>
    public static SyntaxNode ApplyIfGuard(SyntaxNode root, MM0003GuardPlan plan, SyntaxTree tree)
    {
        if (plan.Statements.Count == 0 || root.GetCurrentNode(plan.Statements[0]) is not { } first)
        {
            return root;
        }

        var condition = Condition(plan.Receiver.WithoutTrivia(), plan.AvoidEqualityOperators, tree);
        var receiver = plan.Receiver.WithoutTrivia().ToString();
        return Statements.Wrap(
            root,
            first,
            plan.Statements.Count,
            statements => SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(WithoutNeedlessConditionalAccess(statements, receiver, root.SyntaxTree.Options))),
            blankLineAfter: true);
    }

    /// <summary>
    /// Inside the new guard, <c>await x?.M()</c> (or <c>foreach (… in x?.Items)</c>) on the guarded receiver becomes
    /// <c>await x.M()</c>: the <c>?.</c> no longer does anything, and the compiler would still warn CS8602 on the maybe-null
    /// task. Only those uses: elsewhere <c>x?.Count</c> has another type (<c>int?</c>) than <c>x.Count</c>.
    /// </summary>
    private static SyntaxList<StatementSyntax> WithoutNeedlessConditionalAccess(SyntaxList<StatementSyntax> statements, string receiver, ParseOptions options)
    {
        var result = statements;
        for (var i = 0; i < result.Count; i++)
        {
            var statement = result[i];
            var targets = new System.Collections.Generic.List<ConditionalAccessExpressionSyntax>();
            foreach (var node in statement.DescendantNodes())
            {
                if (node is ConditionalAccessExpressionSyntax conditional
                    && conditional.Expression.WithoutTrivia().ToString() == receiver
                    && Analyzers.Infrastructure.NullStateAnalysis.IsConditionalAccessWhereNullThrows(conditional))
                {
                    targets.Add(conditional);
                }
            }

            if (targets.Count == 0)
            {
                continue;
            }

            statement = statement.ReplaceNodes(targets, (original, _) =>
            {
                var text = original.ToString();
                var rest = text.Substring(original.Expression.Span.End - original.SpanStart);
                var trimmed = rest.TrimStart();
                if (!trimmed.StartsWith("?", System.StringComparison.Ordinal))
                {
                    return original;
                }

                var rewritten = SyntaxFactory.ParseExpression(
                    text.Substring(0, text.Length - rest.Length) + rest.Substring(0, rest.Length - trimmed.Length) + trimmed.Substring(1), options: options);
                return rewritten.ContainsDiagnostics ? original : rewritten.WithTriviaFrom(original);
            });
            result = result.Replace(result[i], statement);
        }

        return result;
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
