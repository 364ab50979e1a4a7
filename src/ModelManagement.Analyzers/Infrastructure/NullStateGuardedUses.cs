using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0003's fast path: a dereference of an optional member that a check visibly dominates, decided on the operation tree
/// alone, so a body whose every use is such a dereference needs no control-flow graph. It only ever answers "guarded"
/// for shapes the null-state analysis (<see cref="NullStateAnalysis"/>) also proves non-null, given that the body never
/// writes an optional member (the caller's condition): the use is a member access, call, element access or indexer on
/// <c>this</c>'s member, outside any lambda or local function, and on the way up to the body it is
/// <list type="bullet">
/// <item>the true branch of an <c>if</c> or <c>?:</c> whose condition proves the member non-null when true (or the false
/// branch of one that proves it when false): <c>_r != null</c>, <c>_r is not null</c>, <c>_r is { … }</c>,
/// <c>_r is T</c>, <c>!(…)</c>, either side of <c>&amp;&amp;</c>;</item>
/// <item>the right side of <c>&amp;&amp;</c> (<c>||</c>) whose left side proves it when true (false);</item>
/// <item>after an earlier statement of an enclosing block, <c>if (_r == null) return|throw|break|continue|goto …;</c>, in a
/// block without labels (no jump lands between the check and the use).</item>
/// </list>
/// Everything else (copies into locals, awaits, loops' conditions, switch cases, parameters) goes to the graph.
/// </summary>
internal static class NullStateGuardedUses
{
    private const int MaxDepth = 64;

    /// <summary>Whether <paramref name="reference"/> (a potential dereference of an optional member) is visibly guarded.</summary>
    public static bool IsGuarded(IOperation reference)
    {
        if (reference is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member
            || !IsOwnOrStatic(member.Instance)
            || !IsDirectDereference(reference))
        {
            return false;
        }

        return DominatingConditions.Any(
            reference,
            member.Member.OriginalDefinition,
            static (condition, whenTrue, symbol) => Proves(condition, symbol, whenTrue, 0));
    }

    /// <summary>The use reads through the reference itself: the shapes the analysis reports as dereferences.</summary>
    internal static bool IsDirectDereference(IOperation reference)
        => reference.Parent switch
        {
            IInvocationOperation invocation => invocation.Instance == reference && !Shapes.IsExtensionBlockMember(invocation.TargetMethod),
            IMemberReferenceOperation access => access.Instance == reference && !Shapes.IsExtensionBlockMember(access.Member),
            IArrayElementReferenceOperation element => element.ArrayReference == reference,
            IImplicitIndexerReferenceOperation indexer => indexer.Instance == reference,
            _ => false,
        };

    internal static bool IsOwnOrStatic(IOperation? instance)
        => instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>Whether the condition, evaluated to <paramref name="whenTrue"/>, proves <paramref name="symbol"/> (of <c>this</c>) non-null.</summary>
    private static bool Proves(IOperation? condition, ISymbol symbol, bool whenTrue, int depth)
    {
        condition = NullStateAnalysis.UnwrapConversions(condition);
        if (condition is null || depth > MaxDepth)
        {
            return false;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                return Proves(not.Operand, symbol, !whenTrue, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } conjunction when whenTrue:
                return Proves(conjunction.LeftOperand, symbol, true, depth + 1) || Proves(conjunction.RightOperand, symbol, true, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } disjunction when !whenTrue:
                return Proves(disjunction.LeftOperand, symbol, false, depth + 1) || Proves(disjunction.RightOperand, symbol, false, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } comparison:
                var compared = NullStateAnalysis.IsNullConstant(comparison.RightOperand) ? comparison.LeftOperand
                    : NullStateAnalysis.IsNullConstant(comparison.LeftOperand) ? comparison.RightOperand
                    : null;
                return compared is not null
                    && whenTrue == (comparison.OperatorKind == BinaryOperatorKind.NotEquals)
                    && IsOwnMember(compared, symbol);

            case IIsPatternOperation isPattern when IsOwnMember(isPattern.Value, symbol):
                return isPattern.Pattern switch
                {
                    INegatedPatternOperation { Pattern: IConstantPatternOperation constant } => whenTrue && NullStateAnalysis.IsNullConstant(constant.Value),
                    IConstantPatternOperation constant => !whenTrue && NullStateAnalysis.IsNullConstant(constant.Value),
                    IRecursivePatternOperation or ITypePatternOperation => whenTrue,
                    IDeclarationPatternOperation { MatchesNull: false } => whenTrue,
                    _ => false,
                };

            case IIsTypeOperation isType when IsOwnMember(isType.ValueOperand, symbol):
                return whenTrue != isType.IsNegated;

            default:
                return false;
        }
    }

    private static bool IsOwnMember(IOperation operation, ISymbol symbol)
        => NullStateAnalysis.UnwrapConversions(operation) is IMemberReferenceOperation member
            && IsOwnOrStatic(member.Instance)
            && SymbolEqualityComparer.Default.Equals(member.Member.OriginalDefinition, symbol);

}
