using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0002's notion of "guarded": an operation inside the try block of a try statement whose catch handles
/// <see cref="System.Exception"/> and does not end by throwing (within the same function), or inside a lambda passed to
/// the <c>ModelManagement.Patterns.SideEffect</c> helper.
/// </summary>
internal static class SideEffectGuards
{
    // Bounds every parent walk: deeper nesting than this is not real code; such operations count as guarded.
    private const int MaxParentDepth = 256;
    private const int MaxPeelDepth = 8;

    /// <summary>
    /// True when a transaction is committed after <paramref name="awaitOperation"/>'s statement, in the statements that
    /// follow it in its block or an enclosing one of the same function (<c>trans?.Commit();</c>, <c>await
    /// tx.CommitAsync();</c>, <c>session.CommitTransaction()</c>, a <c>TransactionScope</c>'s <c>Complete()</c>): the side
    /// effect is part of the unit of work that commits (ServiceStack's CRUD events, recorded in the change's own transaction),
    /// and swallowing its failure would commit the change without it. A <c>return</c>, <c>throw</c> or <c>yield break</c>
    /// between them ends the search: the commit is on another path. Only asked for a side effect about to be reported.
    /// </summary>
    public static bool IsCommittedAfter(IAwaitOperation awaitOperation, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode? child = awaitOperation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        for (var depth = 0; child is not null && depth < MaxParentDepth; depth++)
        {
            var parent = child.Parent;
            if (parent is null or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                or AccessorDeclarationSyntax or CompilationUnitSyntax)
            {
                return false;
            }

            if (parent is BlockSyntax or SwitchSectionSyntax)
            {
                var statements = parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)parent).Statements;
                for (var i = statements.IndexOf((StatementSyntax)child) + 1; i > 0 && i < statements.Count; i++)
                {
                    if (Commits(statements[i], awaitOperation.SemanticModel, cancellationToken))
                    {
                        return true;
                    }

                    if (statements[i] is ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement })
                    {
                        return false; // the record's path leaves the function here: a commit further down is on another path
                    }
                }
            }

            child = parent;
        }

        return false;
    }

    private static bool Commits(StatementSyntax statement, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax or MemberBindingExpressionSyntax } invocation)
            {
                var name = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText
                    : ((MemberBindingExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
                if (name.StartsWith("Commit", System.StringComparison.Ordinal)
                    || (name == "Complete" && model is not null && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                        && model.GetTypeInfo(receiver, cancellationToken).Type is { Name: "TransactionScope" } scope
                        && Namespaces.IsExactly(scope.ContainingNamespace, "System", "Transactions")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> is guarded where it stands (see the type's summary).</summary>
    public static bool IsGuarded(IOperation operation, INamedTypeSymbol exceptionType, INamedTypeSymbol? helperType)
    {
        var child = operation;
        var parent = operation.Parent;
        for (var depth = 0; parent is not null; depth++)
        {
            if (depth == MaxParentDepth)
            {
                return true; // unexpectedly deep: stay quiet rather than guess
            }

            switch (parent)
            {
                case ITryOperation tryOperation when tryOperation.Body == child:
                    if (CatchesAllExceptions(tryOperation, exceptionType))
                    {
                        return true;
                    }

                    break;
                case IAnonymousFunctionOperation lambda:
                    return IsPassedToHelper(lambda, helperType);
                case ILocalFunctionOperation:
                    return false;
            }

            child = parent;
            parent = parent.Parent;
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> calls a member of the SideEffect helper (<c>SideEffect.TryAsync(...)</c>).</summary>
    public static bool IsHelperCall(IInvocationOperation invocation, INamedTypeSymbol? helperType)
        => helperType is not null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, helperType);

    /// <summary>
    /// True for <c>await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing)</c> (.NET 8): the await cannot throw, so
    /// the side effect's failure cannot break the operation. The options must be a constant with the flag set.
    /// </summary>
    public static bool SuppressesThrowing(IAwaitOperation awaitOperation)
    {
        var operation = awaitOperation.Operation;
        for (var i = 0; i < MaxPeelDepth && operation is not null; i++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance, Arguments: [{ Value: var options }] }:
                    if (options.Type is { Name: "ConfigureAwaitOptions", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
                        && options.ConstantValue is { HasValue: true, Value: int flags }
                        && (flags & SuppressThrowingFlag) != 0)
                    {
                        return true;
                    }

                    operation = instance;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    // System.Threading.Tasks.ConfigureAwaitOptions.SuppressThrowing
    private const int SuppressThrowingFlag = 2;

    /// <summary>
    /// Strips conversions, <c>ConfigureAwait(..)</c> and extensions like it (<see cref="ConfiguredAwaits"/>), <c>WaitAsync(timeout | token)</c> calls (.NET 6: the same task,
    /// waited for at most so long) and <c>ValueTask.AsTask()</c> (the same work as a task) from an awaited value.
    /// </summary>
    public static IOperation? PeelAwaited(IOperation? operation)
    {
        for (var i = 0; i < MaxPeelDepth && operation is not null; i++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    continue;
                case IInvocationOperation when ConfiguredAwaits.ConfiguredOperand(operation) is { } configured: // `.AnyContext()`
                    operation = configured;
                    continue;
                case IInvocationOperation { TargetMethod: { Name: "WaitAsync", IsStatic: false, ContainingType.Name: "Task" or "ValueTask" } waitAsync, Instance: { } waited }
                    when IsSystemThreadingTasks(waitAsync.ContainingType.ContainingNamespace):
                    operation = waited;
                    continue;
                case IInvocationOperation { TargetMethod: { Name: "AsTask", IsStatic: false, Parameters.IsEmpty: true, ContainingType.Name: "ValueTask" } asTask, Instance: { } converted }
                    when IsSystemThreadingTasks(asTask.ContainingType.ContainingNamespace):
                    operation = converted;
                    continue;
                default:
                    return operation;
            }
        }

        return null;
    }

    private static bool IsSystemThreadingTasks(INamespaceSymbol? ns)
        => ns is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>
    /// The call of an optional sink awaited with a completed task in its place: <c>await (_audit?.AuditAsync(e) ??
    /// Task.CompletedTask);</c>, <c>await (_audit is null ? Task.CompletedTask : _audit.AuditAsync(e));</c> — when the
    /// sink is there, its failure fails the await like a plain call's. Also the bare <c>await _audit?.AuditAsync(e);</c>
    /// (which, besides, throws a <see cref="System.NullReferenceException"/> when the sink is absent: an awaited null task),
    /// and a switch expression one arm of which calls while every other completes. Also a choice between calls of one method
    /// (<c>await (ok ? log.LogEventAsync("ok") : log.LogEventAsync("fail"));</c>), judged as that method's call, with
    /// <paramref name="choiceOfOneMethod"/> (an await of its own: a fix wraps the whole await, never one arm's call).
    /// </summary>
    public static IInvocationOperation? OptionalCall(IOperation? operation, bool choiceOfOneMethod = false)
    {
        if (operation is IConditionalAccessOperation { WhenNotNull: var bare })
        {
            return PeelAwaited(bare) as IInvocationOperation;
        }

        if (operation is IConditionalOperation { WhenTrue: { } whenTrue, WhenFalse: { } whenFalse })
        {
            return IsCompletedTask(whenTrue) ? PeelAwaited(whenFalse) as IInvocationOperation
                : IsCompletedTask(whenFalse) ? PeelAwaited(whenTrue) as IInvocationOperation
                : choiceOfOneMethod ? SameMethod(PeelAwaited(whenTrue) as IInvocationOperation, PeelAwaited(whenFalse) as IInvocationOperation)
                : null;
        }

        if (operation is ISwitchExpressionOperation { Arms: var arms })
        {
            // `await (kind switch { "chat" => _log.LogEventAsync("chat"), _ => Task.CompletedTask })` (the s35 shapes round):
            // one arm calls, every other one completes.
            IInvocationOperation? chosen = null;
            foreach (var arm in arms)
            {
                if (IsCompletedTask(arm.Value))
                {
                    continue;
                }

                if (PeelAwaited(arm.Value) is not IInvocationOperation call || (chosen is not null && (!choiceOfOneMethod || SameMethod(chosen, call) is null)))
                {
                    return null;
                }

                chosen ??= call;
            }

            return chosen;
        }

        if (operation is not ICoalesceOperation { Value: var value, WhenNull: var whenNull } || !IsCompletedTask(whenNull))
        {
            return null;
        }

        return PeelAwaited(value) is IConditionalAccessOperation { WhenNotNull: var whenNotNull }
            && PeelAwaited(whenNotNull) is IInvocationOperation invocation
                ? invocation
                : null;
    }

    /// <summary>
    /// The first of two calls of one method (<c>ok ? log.LogEventAsync("ok") : log.LogEventAsync("fail")</c>, a fix-shapes
    /// round): whichever runs, the await is that method's; null for two different methods.
    /// </summary>
    private static IInvocationOperation? SameMethod(IInvocationOperation? first, IInvocationOperation? second)
        => first is not null && second is not null
            && SymbolEqualityComparer.Default.Equals(first.TargetMethod.OriginalDefinition, second.TargetMethod.OriginalDefinition)
                ? first
                : null;

    private static bool IsCompletedTask(IOperation operation)
        => PeelAwaited(operation) is IPropertyReferenceOperation { Property: { Name: "CompletedTask", IsStatic: true, ContainingType.Name: "Task" or "ValueTask" } };

    private static bool CatchesAllExceptions(ITryOperation tryOperation, INamedTypeSymbol exceptionType)
    {
        foreach (var catchClause in tryOperation.Catches)
        {
            var caught = catchClause.ExceptionType;
            if ((caught.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(caught, exceptionType))
                && (!EndsWithThrow(catchClause.Handler) || ThrowsAlongWithTheHandledException(catchClause.Handler, tryOperation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The handler ends by throwing a new exception built with the exception an enclosing catch clause is handling
    /// (<c>catch (Exception reportFailure) { throw new AggregateException(reportFailure, exception); }</c> inside
    /// <c>catch (Exception exception)</c>, Google's error-reporting middleware): the author delivers the side effect's failure
    /// together with the operation's, so nothing is replaced — the side effect is handled, not unguarded.
    /// </summary>
    private static bool ThrowsAlongWithTheHandledException(IBlockOperation handler, ITryOperation tryOperation)
    {
        var last = handler.Operations[handler.Operations.Length - 1];
        var thrown = (last as IThrowOperation ?? (last as IExpressionStatementOperation)?.Operation as IThrowOperation)?.Exception;
        while (thrown is IConversionOperation conversion)
        {
            thrown = conversion.Operand;
        }

        if (thrown is not IObjectCreationOperation creation || OuterCaughtException(tryOperation) is not { } outer)
        {
            return false;
        }

        foreach (var argument in creation.Arguments)
        {
            foreach (var node in argument.Value.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, outer))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The exception local of the catch clause <paramref name="tryOperation"/> stands in, within its function; else null.</summary>
    private static ILocalSymbol? OuterCaughtException(ITryOperation tryOperation)
    {
        var current = tryOperation.Parent;
        for (var depth = 0; current is not null && depth < MaxParentDepth; depth++, current = current.Parent)
        {
            switch (current)
            {
                case ICatchClauseOperation catchClause:
                    return (catchClause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool EndsWithThrow(IBlockOperation handler)
    {
        var operations = handler.Operations;
        if (operations.IsEmpty)
        {
            return false;
        }

        var last = operations[operations.Length - 1];
        return last is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
    }

    private static bool IsPassedToHelper(IAnonymousFunctionOperation lambda, INamedTypeSymbol? helperType)
    {
        if (helperType is null)
        {
            return false;
        }

        IOperation? current = lambda.Parent;
        for (var i = 0; i < MaxPeelDepth && current is IDelegateCreationOperation or IConversionOperation; i++)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation invocation } && IsHelperCall(invocation, helperType);
    }
}
