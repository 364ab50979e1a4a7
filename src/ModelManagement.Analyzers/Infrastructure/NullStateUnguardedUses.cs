using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0003's second fast path, the mirror of <see cref="NullStateGuardedUses"/>: a dereference that the null-state
/// analysis (<see cref="NullStateAnalysis"/>) would report on every path, decided on the operation tree alone, so a body
/// whose uses are all either visibly checked or plainly unchecked needs no control-flow graph. The analysis sets an
/// optional member's bit at the entry of a member body and clears it only through something that mentions the member
/// (a check, an assignment, an argument) or through a call whose attributes promise or end something
/// (<c>[MemberNotNull]</c>, <c>[MemberNotNullWhen]</c> or an own guard property that tests members for null
/// (<see cref="NullTestProperties"/>), <c>[DoesNotReturn]</c>, <c>[DoesNotReturnIf]</c>, the known
/// asserts). So, outside constructors and initializers, a dereference of an optional value is reported exactly when
/// <list type="bullet">
/// <item>every mention of that value in the body is such a plain dereference: of <c>this</c>'s member (or a static one, or
/// a tracked parameter), by member access, call, element access or indexer, not under <c>!</c>, not of a nullable value
/// type, outside lambdas and local functions (the caller's condition);</item>
/// <item>the body calls nothing whose attributes could clear a bit or end a path, and has no labels or <c>goto</c>
/// (<see cref="BodyMayClearUnmentioned"/>);</item>
/// <item>the dereference is reachable: no enclosing condition is a constant, and no earlier statement of an enclosing
/// block may fail to complete (a jump, a loop without an exit condition, an <c>if</c> whose branches both may not
/// complete, …) — judged conservatively, so an unsure case goes to the graph.</item>
/// </list>
/// </summary>
internal static class NullStateUnguardedUses
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Whether <paramref name="reference"/> (a dereference of an optional value, per MM0003's use classification) has the
    /// plain shape this path can judge without a graph: the tracked symbol is returned in <paramref name="symbol"/>.
    /// </summary>
    public static bool IsPlainDereference(IOperation reference, NullStateKnownSymbols symbols, out ISymbol? symbol)
    {
        symbol = null;
        ITypeSymbol? type;
        switch (reference)
        {
            case IFieldReferenceOperation field when NullStateGuardedUses.IsOwnOrStatic(field.Instance):
                symbol = field.Field.OriginalDefinition;
                type = field.Field.Type;
                break;
            case IPropertyReferenceOperation property when property.Arguments.IsEmpty && NullStateGuardedUses.IsOwnOrStatic(property.Instance):
                symbol = property.Property.OriginalDefinition;
                type = property.Property.Type;
                break;
            case IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None:
                symbol = parameter.Parameter.OriginalDefinition;
                type = parameter.Parameter.Type;
                break;
            default:
                return false;
        }

        return !symbols.IsNullableValueType(type)
            && NullStateGuardedUses.IsDirectDereference(reference)
            && !NullStateAnalysis.IsSuppressed(reference.Syntax)
            && IsReachableOutsideFunctions(reference);
    }

    /// <summary>
    /// Whether a body may clear the bit of a value it does not mention, or end a path without a jump statement: a call of
    /// an own member with <c>[MemberNotNull]</c>/<c>[MemberNotNullWhen]</c>, of a method with <c>[DoesNotReturn]</c> or a
    /// <c>[DoesNotReturnIf]</c> parameter, a known assert or throw helper, a label or a <c>goto</c>.
    /// </summary>
    public static bool BodyMayClearUnmentioned(IOperation body)
    {
        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case ILabeledOperation:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    return true;

                case IInvocationOperation invocation when MayClear(invocation):
                    return true;

                case IPropertyReferenceOperation property when NullStateGuardedUses.IsOwnOrStatic(property.Instance)
                    && (HasAttribute(property.Property.GetAttributes(), memberNotNull: true, doesNotReturn: false)
                        || (property.Property.GetMethod is { } getter && HasAttribute(getter.GetAttributes(), memberNotNull: true, doesNotReturn: false))
                        || !NullTestProperties.MembersSetWhenTrue(property.Property, System.Threading.CancellationToken.None).IsEmpty):
                    return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    private static bool MayClear(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "Assert" or "ThrowIfNull"
            || HasAttribute(method.GetAttributes(), memberNotNull: NullStateGuardedUses.IsOwnOrStatic(invocation.Instance), doesNotReturn: true))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "DoesNotReturnIfAttribute" or "NotNullAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, bool memberNotNull, bool doesNotReturn)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "MemberNotNullAttribute" or "MemberNotNullWhenAttribute" when memberNotNull:
                case "DoesNotReturnAttribute" when doesNotReturn:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Up to the body: not inside a lambda or local function, under no constant condition, and after no statement of an
    /// enclosing block that may not complete.
    /// </summary>
    private static bool IsReachableOutsideFunctions(IOperation reference)
    {
        var child = reference;
        var depth = 0;
        for (var current = reference.Parent; current is not null; child = current, current = current.Parent, depth++)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;

                case INameOfOperation:
                    return false; // a constant: the graph holds its text, not the access

                case IConditionalOperation conditional when child != conditional.Condition && IsConstant(conditional.Condition):
                case IWhileLoopOperation loop when child != loop.Condition && IsConstant(loop.Condition):
                case IForLoopOperation forLoop when forLoop.Condition is { } condition && child != condition && IsConstant(condition):
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
                    when child == logical.RightOperand && IsConstant(logical.LeftOperand):
                case ICoalesceOperation coalesce when child == coalesce.WhenNull && coalesce.Value.ConstantValue.HasValue:
                case ISwitchOperation switchStatement when IsConstant(switchStatement.Value):
                case ISwitchExpressionOperation switchExpression when IsConstant(switchExpression.Value):
                    return false;

                case IBlockOperation block when !EarlierStatementsComplete(block, child):
                    return false;

                case ISwitchCaseOperation section when !EarlierStatementsComplete(section.Body, child):
                    return false;
            }
        }

        return true;
    }

    private static bool IsConstant(IOperation? operation) => operation is not null && operation.ConstantValue.HasValue;

    private static bool EarlierStatementsComplete(System.Collections.Immutable.ImmutableArray<IOperation> statements, IOperation statement)
    {
        if (statements.IndexOf(statement) < 0)
        {
            return true; // a case's clause or guard: nothing of the section's body runs before it
        }

        foreach (var earlier in statements)
        {
            if (earlier == statement)
            {
                return true;
            }

            if (MayNotComplete(earlier, 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EarlierStatementsComplete(IBlockOperation block, IOperation statement)
        => EarlierStatementsComplete(block.Operations, statement);

    /// <summary>Conservative: true whenever the statement might not reach its end (so what follows might be unreachable).</summary>
    private static bool MayNotComplete(IOperation statement, int depth)
    {
        if (depth > MaxDepth)
        {
            return true;
        }

        switch (statement)
        {
            case IReturnOperation { Kind: OperationKind.YieldReturn }:
                return false;
            case IReturnOperation or IThrowOperation or IBranchOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    if (MayNotComplete(inner, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IConditionalOperation conditional:
                if (IsConstant(conditional.Condition))
                {
                    return MayNotComplete(conditional.WhenTrue, depth + 1)
                        || (conditional.WhenFalse is { } constantElse && MayNotComplete(constantElse, depth + 1));
                }

                return conditional.WhenFalse is { } otherwise
                    && MayNotComplete(conditional.WhenTrue, depth + 1)
                    && MayNotComplete(otherwise, depth + 1);
            case IWhileLoopOperation loop:
                return loop.Condition is null || IsConstant(loop.Condition);
            case IForLoopOperation forLoop:
                return forLoop.Condition is null || IsConstant(forLoop.Condition);
            case IForEachLoopOperation:
                return false;
            case ISwitchOperation switchStatement:
                foreach (var section in switchStatement.Cases)
                {
                    if (section.Body.Length == 0 || section.Body[section.Body.Length - 1] is not IBranchOperation { BranchKind: BranchKind.Break })
                    {
                        return true;
                    }
                }

                return false;
            case ITryOperation tryStatement:
                if (MayNotComplete(tryStatement.Body, depth + 1) || (tryStatement.Finally is { } finallyBlock && MayNotComplete(finallyBlock, depth + 1)))
                {
                    return true;
                }

                foreach (var handler in tryStatement.Catches)
                {
                    if (MayNotComplete(handler.Handler, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IUsingOperation usingStatement:
                return MayNotComplete(usingStatement.Body, depth + 1);
            case ILockOperation lockStatement:
                return MayNotComplete(lockStatement.Body, depth + 1);
            case IExpressionStatementOperation or IVariableDeclarationGroupOperation or ILocalFunctionOperation or IEmptyOperation
                or IUsingDeclarationOperation:
                return false;
            default:
                return true; // anything else (`checked`, `unsafe`, labels, half-typed statements): let the graph decide
        }
    }
}
