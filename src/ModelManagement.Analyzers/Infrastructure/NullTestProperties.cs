using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// An own guard property that only tests members for null — <c>public bool HasRegistry =&gt; _registry != null;</c>
/// (also <c>is not null</c>, <c>is { }</c>, <c>!(… is null)</c>, <c>this.</c>-qualified, several joined by <c>&amp;&amp;</c>) —
/// means what <c>[MemberNotNullWhen(true, "_registry")]</c> on it would: where it is <c>true</c>, those members are set.
/// Read from the getter's syntax, for a non-virtual property of the type being analysed (an override could test
/// something else), so legacy code without nullable attributes (<c>#nullable disable</c>) is judged like the code the
/// compiler helps (an independent consumer's <c>if (HasRegistry) { _registry.Register(id); }</c>).
/// </summary>
internal static class NullTestProperties
{
    private const int MaxDepth = 16;

    /// <summary>The names of the members <paramref name="property"/> tests for null, when it is such a guard; else empty.</summary>
    public static ImmutableArray<string> MembersSetWhenTrue(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (property.IsVirtual || property.IsAbstract || property.IsOverride || property.IsIndexer
            || property.Type.SpecialType != SpecialType.System_Boolean || property.DeclaringSyntaxReferences.Length != 1)
        {
            return ImmutableArray<string>.Empty;
        }

        var expression = property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            PropertyDeclarationSyntax { ExpressionBody.Expression: { } body } => body,
            PropertyDeclarationSyntax { AccessorList.Accessors: var accessors } => Getter(accessors),
            _ => null,
        };
        var names = new List<string>(1);
        return expression is not null && Collect(expression, names, 0) ? names.ToImmutableArray() : ImmutableArray<string>.Empty;
    }

    private static ExpressionSyntax? Getter(SyntaxList<AccessorDeclarationSyntax> accessors)
    {
        foreach (var accessor in accessors)
        {
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                return accessor switch
                {
                    { ExpressionBody.Expression: { } body } => body,
                    { Body.Statements: [ReturnStatementSyntax { Expression: { } returned }] } => returned,
                    _ => null,
                };
            }
        }

        return null;
    }

    /// <summary>Adds the members <paramref name="expression"/> being true proves non-null; whether it named any.</summary>
    private static bool Collect(ExpressionSyntax expression, List<string> names, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Collect(parenthesized.Expression, names, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                // `a && b` is true only where both are: the null tests among them hold (`_registry != null && _enabled`).
                return Collect(binary.Left, names, depth + 1) | Collect(binary.Right, names, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.NotEqualsExpression):
                return AddIfNullComparison(binary.Left, binary.Right, names) || AddIfNullComparison(binary.Right, binary.Left, names);
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } negated } isNot
                when negated.IsKind(SyntaxKind.NotPattern) && constant.IsKind(SyntaxKind.NullLiteralExpression):
                return AddMember(isNot.Expression, names);
            case IsPatternExpressionSyntax { Pattern: RecursivePatternSyntax { Type: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns.Count: 0, Designation: null } } isEmpty:
                return AddMember(isEmpty.Expression, names);
            case PrefixUnaryExpressionSyntax { Operand: ParenthesizedExpressionSyntax { Expression: var inner } } negation
                when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return inner switch
                {
                    IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } isNull
                        when constant.IsKind(SyntaxKind.NullLiteralExpression) => AddMember(isNull.Expression, names),
                    BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression)
                        => AddIfNullComparison(equals.Left, equals.Right, names) || AddIfNullComparison(equals.Right, equals.Left, names),
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static bool AddIfNullComparison(ExpressionSyntax member, ExpressionSyntax other, List<string> names)
        => other.IsKind(SyntaxKind.NullLiteralExpression) && AddMember(member, names);

    /// <summary><c>_x</c> or <c>this._x</c>: the name of a member of the own instance (or a static one).</summary>
    private static bool AddMember(ExpressionSyntax expression, List<string> names)
    {
        var name = expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        names.Add(name);
        return true;
    }
}
