using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// The <see cref="Diagnostic.Properties"/> contract of MM0003: <c>Shape</c> tells the code fix, without re-analysis,
/// which guard keeps the code compiling.
/// </summary>
internal static class MM0003DiagnosticProperties
{
    public const string ShapeKey = "Shape";

    /// <summary>
    /// The shape of every reported use, comma-separated, in the order of the diagnostic's locations (the location first,
    /// then the additional locations): one diagnostic covers all unguarded uses of a value in a member body.
    /// </summary>
    public const string ShapesKey = "Shapes";

    /// <summary>The dereference sits in an expression statement (or a foreach header) that can be wrapped in an <c>if</c>.</summary>
    public const string Statement = "Statement";

    /// <summary>A non-awaited invocation whose result is discarded: <c>x?.M()</c> works.</summary>
    public const string DiscardedExpression = "DiscardedExpression";

    /// <summary>The value flows on (declaration, return, argument, condition): no fix.</summary>
    public const string ValueFlows = "ValueFlows";

    /// <summary>
    /// The member holding the dereference has syntax errors (half-typed code): no fix, which would build on the parser's
    /// guesses (a guard around <c>_reg.Touch(</c> took the method's closing brace into the new <c>if</c>).
    /// </summary>
    public const string SyntaxErrors = "SyntaxErrors";

    public static ImmutableDictionary<string, string?> SyntaxErrorsProperties { get; } = Create(SyntaxErrors);

    public static ImmutableDictionary<string, string?> StatementProperties { get; } = Create(Statement);

    public static ImmutableDictionary<string, string?> DiscardedExpressionProperties { get; } = Create(DiscardedExpression);

    public static ImmutableDictionary<string, string?> ValueFlowsProperties { get; } = Create(ValueFlows);

    /// <summary>The properties of a diagnostic whose uses have <paramref name="shapes"/> (the diagnostic's location first).</summary>
    public static ImmutableDictionary<string, string?> ForUses(List<string> shapes)
        => shapes.Count == 1
            ? Create(shapes[0]).Add(ShapesKey, shapes[0])
            : Create(shapes[0]).Add(ShapesKey, string.Join(",", shapes));

    /// <summary>The shape of each location of <paramref name="diagnostic"/> (its location first); a missing entry is <see cref="ValueFlows"/>.</summary>
    public static string ShapeAt(Diagnostic diagnostic, int index)
    {
        if (diagnostic.Properties.TryGetValue(ShapesKey, out var shapes) && shapes is not null)
        {
            var parts = shapes.Split(',');
            return index < parts.Length ? parts[index] : ValueFlows;
        }

        return index == 0 && diagnostic.Properties.TryGetValue(ShapeKey, out var shape) && shape is not null ? shape : ValueFlows;
    }

    /// <summary>Decides the shape of one use from syntax around the dereferenced receiver.</summary>
    public static string ShapeOf(SyntaxNode receiver, IMethodSymbol? enclosingFunction, bool isNullableValueType)
        => For(receiver, enclosingFunction, isNullableValueType)[ShapeKey]!;

    /// <summary>Decides the shape from syntax around the dereferenced receiver.</summary>
    /// <param name="receiver">The dereferenced expression.</param>
    /// <param name="enclosingFunction">The lambda, local function or member whose body holds the receiver.</param>
    /// <param name="isNullableValueType">True for <c>T?</c> receivers, where <c>?.</c> would change the meaning of <c>.Value</c>.</param>
    public static ImmutableDictionary<string, string?> For(SyntaxNode receiver, IMethodSymbol? enclosingFunction, bool isNullableValueType)
    {
        if (receiver.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { ContainsDiagnostics: true })
        {
            return SyntaxErrorsProperties;
        }

        if (!IsSimpleReference(receiver))
        {
            return ValueFlowsProperties;
        }

        var chainTop = ChainTop(receiver);
        var top = chainTop.Parent is AwaitExpressionSyntax awaited ? awaited : chainTop;
        var discardable = top == chainTop
            && chainTop is InvocationExpressionSyntax or ConditionalAccessExpressionSyntax
            && chainTop != receiver
            && !isNullableValueType;

        switch (top.Parent)
        {
            case ExpressionStatementSyntax statement:
                // `x?.M(out var y)` leaves y unassigned just as a guard would hide it: both need a declaration-free statement.
                return !IsWrappable(statement) ? ValueFlowsProperties : discardable ? DiscardedExpressionProperties : StatementProperties;
            case ArrowExpressionClauseSyntax or AnonymousFunctionExpressionSyntax:
                if (top is AwaitExpressionSyntax && chainTop is InvocationExpressionSyntax && chainTop != receiver && ReturnsNothing(enclosingFunction))
                {
                    // `async Task PingAsync() => await _registry.RegisterAsync("ping");`: the awaited call is the body's
                    // whole work, nothing flows on; the fix turns the body into a block around a guarded statement.
                    return StatementProperties;
                }

                return discardable && enclosingFunction is { ReturnsVoid: true } ? DiscardedExpressionProperties : ValueFlowsProperties;
        }

        for (var node = top.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ExpressionStatementSyntax statement:
                    return IsWrappable(statement) ? StatementProperties : ValueFlowsProperties;
                case ForEachStatementSyntax forEach:
                    return forEach.Expression.Span.Contains(top.Span) ? StatementProperties : ValueFlowsProperties;
                case StatementSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax or ArrowExpressionClauseSyntax:
                    return ValueFlowsProperties;
            }
        }

        return ValueFlowsProperties;
    }

    /// <summary>An async function whose awaited body yields nothing: <c>async void</c>, or <c>async Task</c>/<c>ValueTask</c> (not generic).</summary>
    private static bool ReturnsNothing(IMethodSymbol? function)
        => function is { IsAsync: true } && Shapes.ReturnsNothing(function);

    /// <summary><c>name</c> or <c>this.name</c>: expressions a guard can repeat.</summary>
    public static bool IsSimpleReference(SyntaxNode receiver)
        => receiver is IdentifierNameSyntax
            || (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax } access
                && access.IsKind(SyntaxKind.SimpleMemberAccessExpression));

    /// <summary>The outermost member access / invocation / element access chain that starts at <paramref name="receiver"/>.</summary>
    public static ExpressionSyntax ChainTop(SyntaxNode receiver)
    {
        var node = (ExpressionSyntax)receiver;
        while (true)
        {
            switch (node.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == node && access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    node = access;
                    continue;
                case InvocationExpressionSyntax invocation when invocation.Expression == node:
                    node = invocation;
                    continue;
                case ElementAccessExpressionSyntax element when element.Expression == node:
                    node = element;
                    continue;
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == node:
                    node = conditional;
                    continue;
                default:
                    return node;
            }
        }
    }

    /// <summary>An expression statement that declares nothing (an <c>out var</c> would go out of scope inside the guard).</summary>
    private static bool IsWrappable(ExpressionStatementSyntax statement)
    {
        foreach (var node in statement.Expression.DescendantNodesAndSelf())
        {
            if (node is SingleVariableDesignationSyntax or ParenthesizedVariableDesignationSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableDictionary<string, string?> Create(string shape)
        => ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, shape);
}
