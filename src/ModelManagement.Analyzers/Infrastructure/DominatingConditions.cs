using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The conditions that visibly decide whether an operation runs, read from the operation tree alone (no control-flow
/// graph): on the way up from the operation to the function holding it, the branch of an <c>if</c> or <c>?:</c> it sits
/// in, the right side of <c>&amp;&amp;</c>/<c>||</c>, and an earlier <c>if (…) return|throw|break|continue|goto …;</c> of an
/// enclosing block without labels (no jump lands between that check and the operation). Shared by MM0003's fast path
/// (a dereference a null check dominates) and MM0001 (a wait on a task just tested finished).
/// </summary>
internal static class DominatingConditions
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Whether one of those conditions, with the outcome that leads to <paramref name="operation"/>, satisfies
    /// <paramref name="proves"/> (<c>proves(condition, whenTrue, state)</c>). Stops at a lambda or local function, which
    /// may run at another time than the test.
    /// </summary>
    public static bool Any<TState>(IOperation operation, TState state, Func<IOperation?, bool, TState, bool> proves)
    {
        var child = operation;
        var depth = 0;
        for (var current = operation.Parent; current is not null && depth < MaxDepth; child = current, current = current.Parent, depth++)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;

                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    if (proves(conditional.Condition, true, state))
                    {
                        return true;
                    }

                    break;

                case IConditionalOperation conditional when child == conditional.WhenFalse:
                    if (proves(conditional.Condition, false, state))
                    {
                        return true;
                    }

                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } conjunction when child == conjunction.RightOperand:
                    if (proves(conjunction.LeftOperand, true, state))
                    {
                        return true;
                    }

                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } disjunction when child == disjunction.RightOperand:
                    if (proves(disjunction.LeftOperand, false, state))
                    {
                        return true;
                    }

                    break;

                case IBlockOperation block:
                    if (ExitsEarlierUnless(block, child, state, proves))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>An earlier statement of <paramref name="block"/> is <c>if (c) exit;</c> where <c>c</c> false proves it.</summary>
    private static bool ExitsEarlierUnless<TState>(IBlockOperation block, IOperation statement, TState state, Func<IOperation?, bool, TState, bool> proves)
    {
        var statements = block.Operations;
        var index = statements.IndexOf(statement);
        if (index <= 0)
        {
            return false;
        }

        foreach (var operation in statements)
        {
            if (operation is ILabeledOperation)
            {
                return false; // a jump could land between a check and the operation
            }
        }

        for (var i = index - 1; i >= 0; i--)
        {
            if (statements[i] is IConditionalOperation { WhenFalse: null } check
                && AlwaysExits(check.WhenTrue)
                && proves(check.Condition, false, state))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation operation)
        => operation is IBlockOperation { Operations.Length: > 0 } block
            ? IsExit(block.Operations[block.Operations.Length - 1])
            : IsExit(operation);

    /// <summary><c>return</c>, <c>yield break</c>, <c>throw</c>, <c>break</c>, <c>continue</c>, <c>goto</c> — not <c>yield return</c>, which goes on.</summary>
    private static bool IsExit(IOperation operation)
        => operation is IReturnOperation { Kind: not OperationKind.YieldReturn } or IThrowOperation or IBranchOperation
            or IExpressionStatementOperation { Operation: IThrowOperation };
}
