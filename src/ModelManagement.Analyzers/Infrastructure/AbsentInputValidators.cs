using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0004's validators whose <c>false</c> only means "nothing to validate": a source method returning <c>bool</c> that
/// throws on invalid input and returns <c>false</c> only right after testing one parameter for null or empty
/// (Discord.Net's <c>UrlValidation.Validate(url)</c>: <c>if (string.IsNullOrEmpty(url)) return false;</c> … <c>throw</c>
/// … <c>return true;</c>). Called where that argument was just tested present (<c>if (!string.IsNullOrEmpty(Url))
/// UrlValidation.Validate(Url);</c>), the call can only return <c>true</c> or throw: nothing is ignored.
/// </summary>
internal static class AbsentInputValidators
{
    private const int MaxDepth = 16;

    /// <summary>
    /// Whether <paramref name="invocation"/> calls such a validator with an argument that a condition dominating the call
    /// (<see cref="DominatingConditions"/>) proved non-null and, for the empty tests, non-empty: the same expression, written
    /// the same way.
    /// </summary>
    public static bool CannotReturnFalse(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (ParameterTestedForAbsence(invocation.TargetMethod, cancellationToken) is not ({ } parameter, var absence))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal != parameter.Ordinal || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            var value = NullStateAnalysis.UnwrapConversions(argument.Value)?.Syntax;
            return value is ExpressionSyntax expression
                && DominatingConditions.Any(
                    invocation,
                    (Tested: Shapes.Unparenthesized(expression), Absence: absence),
                    static (condition, whenTrue, state) => ProvesPresent(condition, whenTrue, state.Tested, 0) >= state.Absence);
        }

        return false;
    }

    /// <summary>
    /// The parameter whose null-or-empty test guards every <c>return false;</c> of a source validator that throws somewhere
    /// and returns only <c>true</c> otherwise, with the strongest absence tested; no parameter for any other method. Judged
    /// from syntax.
    /// </summary>
    internal static (IParameterSymbol? Parameter, Absence Absence) ParameterTestedForAbsence(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean
            || Shapes.SingleMethodDeclaration(method, cancellationToken) is not { Body: { } body }
            || !Shapes.ContainsThrow(body))
        {
            return default;
        }

        string? tested = null;
        var strongest = Absence.Null;
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not ReturnStatementSyntax returned)
            {
                continue;
            }

            if (returned.Expression.IsKind(SyntaxKind.TrueLiteralExpression))
            {
                continue;
            }

            if (!returned.Expression.IsKind(SyntaxKind.FalseLiteralExpression)
                || GuardingIf(returned) is not { } guard
                || AbsenceTest(guard.Condition, 0) is not ({ } name, var absence)
                || (tested is not null && tested != name))
            {
                return default;
            }

            tested = name;
            strongest = absence > strongest ? absence : strongest;
        }

        if (tested is null)
        {
            return default;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == tested)
            {
                return (parameter, strongest);
            }
        }

        return default;
    }

    /// <summary>The <c>if</c> whose branch is the <c>return</c> (alone, or alone in a block); null otherwise.</summary>
    private static IfStatementSyntax? GuardingIf(ReturnStatementSyntax returned)
        => returned.Parent switch
        {
            IfStatementSyntax direct when direct.Statement == returned => direct,
            BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax viaBlock } block when viaBlock.Statement == block => viaBlock,
            _ => null,
        };

    /// <summary>
    /// The identifier a condition tests for absence, and how: <c>x == null</c>, <c>null == x</c>, <c>x is null</c>
    /// (<see cref="Absence.Null"/>), <c>string.IsNullOrEmpty(x)</c>, <c>string.IsNullOrWhiteSpace(x)</c>; several joined by
    /// <c>||</c> on the same name give the strongest of them.
    /// </summary>
    private static (string? Name, Absence Absence) AbsenceTest(ExpressionSyntax condition, int depth)
    {
        condition = Shapes.Unparenthesized(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } disjunction when depth < MaxDepth:
                var left = AbsenceTest(disjunction.Left, depth + 1);
                var right = AbsenceTest(disjunction.Right, depth + 1);
                return left.Name is not null && left.Name == right.Name ? (left.Name, left.Absence > right.Absence ? left.Absence : right.Absence) : default;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals:
                return (equals.Left, equals.Right) switch
                {
                    (IdentifierNameSyntax name, LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }) => (name.Identifier.ValueText, Absence.Null),
                    (LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }, IdentifierNameSyntax name) => (name.Identifier.ValueText, Absence.Null),
                    _ => default,
                };
            case IsPatternExpressionSyntax { Expression: IdentifierNameSyntax name, Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } }:
                return (name.Identifier.ValueText, Absence.Null);
            case InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: IdentifierNameSyntax argument }], Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var test } }
                when test is "IsNullOrEmpty" or "IsNullOrWhiteSpace":
                return (argument.Identifier.ValueText, test == "IsNullOrEmpty" ? Absence.Empty : Absence.WhiteSpace);
            default:
                return default;
        }
    }

    /// <summary>
    /// How strongly the condition, with the outcome <paramref name="whenTrue"/>, proves <paramref name="tested"/> present:
    /// not at all (-1), non-null, non-empty or non-blank.
    /// </summary>
    private static Absence ProvesPresent(IOperation? condition, bool whenTrue, ExpressionSyntax tested, int depth)
    {
        condition = NullStateAnalysis.UnwrapConversions(condition);
        if (condition is null || depth > MaxDepth)
        {
            return Absence.Unproven;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return ProvesPresent(not.Operand, !whenTrue, tested, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } conjunction when whenTrue:
                return Max(ProvesPresent(conjunction.LeftOperand, true, tested, depth + 1), ProvesPresent(conjunction.RightOperand, true, tested, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } disjunction when !whenTrue:
                return Max(ProvesPresent(disjunction.LeftOperand, false, tested, depth + 1), ProvesPresent(disjunction.RightOperand, false, tested, depth + 1));
            case IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } method, Arguments: [var argument] }:
                return !whenTrue && Same(argument.Value, tested)
                    ? method.Name == "IsNullOrEmpty" ? Absence.Empty : Absence.WhiteSpace
                    : Absence.Unproven;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var compared = NullStateAnalysis.IsNullConstant(comparison.RightOperand) ? comparison.LeftOperand
                    : NullStateAnalysis.IsNullConstant(comparison.LeftOperand) ? comparison.RightOperand
                    : null;
                return compared is not null && whenTrue == (comparison.OperatorKind == BinaryOperatorKind.NotEquals) && Same(compared, tested)
                    ? Absence.Null
                    : Absence.Unproven;
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isNotNull
                when NullStateAnalysis.IsNullConstant(constant.Value):
                return whenTrue && Same(isNotNull.Value, tested) ? Absence.Null : Absence.Unproven;
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isNull when NullStateAnalysis.IsNullConstant(constant.Value):
                return !whenTrue && Same(isNull.Value, tested) ? Absence.Null : Absence.Unproven;
            default:
                return Absence.Unproven;
        }
    }

    private static Absence Max(Absence first, Absence second) => first > second ? first : second;

    private static bool Same(IOperation value, ExpressionSyntax tested)
        => NullStateAnalysis.UnwrapConversions(value)?.Syntax is ExpressionSyntax syntax
            && SyntaxFactory.AreEquivalent(Shapes.Unparenthesized(syntax), tested);

    /// <summary>What a test rules out, weakest first: null, then also empty, then also blank.</summary>
    internal enum Absence
    {
        Unproven = -1,
        Null,
        Empty,
        WhiteSpace,
    }
}
