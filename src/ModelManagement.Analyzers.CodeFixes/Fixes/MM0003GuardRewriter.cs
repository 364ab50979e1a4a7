using System.Linq;
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
        var condition = Condition(plan.Receiver.WithoutTrivia(), plan.AvoidEqualityOperators, tree);
        var receiver = plan.Receiver.WithoutTrivia().ToString();
        StatementSyntax Guard(SyntaxList<StatementSyntax> statements)
            => SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(WithoutNeedlessConditionalAccess(statements, receiver, root.SyntaxTree.Options)));

        if (plan.Statements.Count == 0)
        {
            // An awaited expression body (`async Task PingAsync() => await _registry.RegisterAsync("ping");`): a block
            // body around the guarded statement (shared Statements.WrapExpressionBody).
            if (plan.ChainTop is not AwaitExpressionSyntax || root.GetCurrentNode(plan.ChainTop) is not { Parent: { } body })
            {
                return root;
            }

            var function = body is ArrowExpressionClauseSyntax ? body.Parent! : body;
            return Statements.WrapExpressionBody(function, Guard) is { } rewritten ? root.ReplaceNode(function, rewritten) : root;
        }

        if (root.GetCurrentNode(plan.Statements[0]) is not { } first)
        {
            return root;
        }

        return Statements.Wrap(root, first, plan.Statements.Count, Guard, blankLineAfter: true);
    }

    /// <summary>The <c>!</c> on <paramref name="conditional"/>, through parentheses (<c>(x?.Items)!</c>), or null.</summary>
    private static PostfixUnaryExpressionSyntax? SuppressionAround(ConditionalAccessExpressionSyntax conditional)
    {
        SyntaxNode node = conditional;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed ? suppressed : null;
    }

    /// <summary>The <c>?.</c> inside any parentheses.</summary>
    private static ConditionalAccessExpressionSyntax Unparenthesized(ExpressionSyntax expression)
        => (ConditionalAccessExpressionSyntax)Analyzers.Infrastructure.Shapes.Unparenthesized(expression);

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

            // `await x?.M()!`, `foreach (var m in (x?.Items)!)`: the `!` that silenced CS8602 on the maybe-null value goes
            // with the `?.` (left alone, `(x.Items)!` would parse as a cast: CS1525, a fix-shapes round) — unless another `?.`
            // stays in the chain (`x?.Parent?.Items!`: the rest may still be null).
            var replaced = targets.Select(t => SuppressionAround(t) ?? (ExpressionSyntax)t);
            statement = statement.ReplaceNodes(replaced, (original, _) =>
            {
                var suppressed = original as PostfixUnaryExpressionSyntax;
                var conditional = suppressed is null ? (ConditionalAccessExpressionSyntax)original : Unparenthesized(suppressed.Operand);
                var (head, separator, rest) = SplitAfterReceiver(conditional.ToString(), conditional.Expression.Span.End - conditional.SpanStart);
                if (!rest.StartsWith("?", System.StringComparison.Ordinal))
                {
                    return original;
                }

                var rewritten = SyntaxFactory.ParseExpression(head + separator + rest.Substring(1), options: options);
                if (rewritten.ContainsDiagnostics)
                {
                    return original;
                }

                if (suppressed is null)
                {
                    return rewritten.WithTriviaFrom(original);
                }

                var operand = suppressed.Operand.ReplaceNode(Unparenthesized(suppressed.Operand), rewritten.WithTriviaFrom(Unparenthesized(suppressed.Operand)));
                return rewritten.DescendantNodesAndSelf().OfType<ConditionalAccessExpressionSyntax>().Any()
                    ? suppressed.WithOperand(operand)
                    : operand.WithLeadingTrivia(suppressed.GetLeadingTrivia()).WithTrailingTrivia(suppressed.GetTrailingTrivia());
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

        var (head, separator, rest) = SplitAfterReceiver(text, receiverLength);
        var access = rest.StartsWith("(", System.StringComparison.Ordinal) ? "?.Invoke" : "?";
        var rewritten = SyntaxFactory.ParseExpression(head + separator + access + rest, options: root.SyntaxTree.Options);
        if (rewritten.ContainsDiagnostics || rewritten is not ConditionalAccessExpressionSyntax)
        {
            return root;
        }

        return root.ReplaceNode(chainTop, rewritten.WithTriviaFrom(chainTop));
    }

    /// <summary>A chain's text split at the end of its receiver: the receiver, the white space after it, and the rest.</summary>
    private static (string Head, string Separator, string Chain) SplitAfterReceiver(string text, int receiverLength)
    {
        var after = text.Substring(receiverLength);
        var rest = after.TrimStart();
        return (text.Substring(0, receiverLength), after.Substring(0, after.Length - rest.Length), rest);
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
