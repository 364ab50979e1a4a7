using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The calls whose tasks an awaited <c>Task.WhenAll(...)</c> waits for (MM0002), in the shapes real code uses:
/// <list type="bullet">
/// <item><c>Task.WhenAll(LogAAsync(), SendBAsync())</c>, <c>Task.WhenAll(new[] { ... })</c>, <c>new List&lt;Task&gt; { ... }</c>;</item>
/// <item><c>Task.WhenAll(items.Select(i =&gt; _events.LogAsync(i)))</c>: the call a non-async selector lambda returns;</item>
/// <item>a local list or array of tasks filled in the same function (<c>tasks.Add(_events.LogAsync(x))</c>, initializers);</item>
/// <item>a local list of delegates started by the selector (<c>actions.Add(() =&gt; _events.LogAsync(x));
/// Task.WhenAll(actions.Select(a =&gt; a()))</c>): the call each non-async lambda returns.</item>
/// </list>
/// A local list may also come from a call of a non-virtual method declared in the same file that fills and returns a
/// local list (<c>var actions = CreateLoggingActions(...)</c>); that method's body is read the same way (one level).
/// Async lambdas are left out: the awaits inside them are analysed where they are.
/// </summary>
internal static class WhenAllTasks
{
    private const int MaxPeelDepth = 8;
    private const int MaxParentDepth = 256;

    // OperationKind.CollectionExpression and OperationKind.Spread, which the Roslyn 4.8 API this assembly builds against
    // does not name; newer hosts (the .NET 9+ SDKs, where `params ReadOnlySpan<Task>` exists) produce them.
    private const OperationKind CollectionExpressionKind = (OperationKind)0x7F;
    private const OperationKind SpreadKind = (OperationKind)0x80;

    /// <summary>The invocations producing the tasks <paramref name="whenAll"/> waits for, as far as the shapes above show them.</summary>
    public static List<IInvocationOperation> Collect(IInvocationOperation whenAll, CancellationToken cancellationToken)
    {
        var result = new List<IInvocationOperation>();
        foreach (var argument in whenAll.Arguments)
        {
            AddTasks(argument.Value, result, whenAll, cancellationToken);
        }

        return result;
    }

    private static void AddTasks(IOperation value, List<IInvocationOperation> result, IOperation whenAll, CancellationToken cancellationToken)
    {
        value = Peel(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    AddTask(element, result);
                }

                break;
            case IObjectCreationOperation { Initializer: { } initializer }:
                AddCollectionInitializer(initializer, result, asDelegates: false);
                break;
            case { Kind: CollectionExpressionKind } collection:
                // `Task.WhenAll([a, b])`, and `Task.WhenAll(a, b)` bound to .NET 9's `params ReadOnlySpan<Task>` overload.
                AddCollectionElements(collection, result, asDelegates: false);
                break;
            case ILocalReferenceOperation local:
                AddLocalElements(local.Local, whenAll, result, asDelegates: false, cancellationToken);
                break;
            case IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "ToArray" or "ToList" } view
                when ViewedLocal(view) is { } viewed:
                // `Task.WhenAll(all.AsSpan())`, `Task.WhenAll(tasks.ToArray())`: the same tasks, seen another way.
                AddLocalElements(viewed, whenAll, result, asDelegates: false, cancellationToken);
                break;
            case IInvocationOperation { TargetMethod: { Name: "Select", IsExtensionMethod: true }, Arguments.Length: 2 } select
                when SelectorReturn(select.Arguments[1].Value) is { } returned:
                if (IsInvocationOfParameter(returned, out var parameter) && Peel(select.Arguments[0].Value) is ILocalReferenceOperation source
                    && parameter is not null)
                {
                    // actions.Select(a => a()): the tasks are what the delegates in `actions` return.
                    AddLocalElements(source.Local, whenAll, result, asDelegates: true, cancellationToken);
                }
                else
                {
                    AddTask(returned, result);
                }

                break;
        }
    }

    private static void AddTask(IOperation element, List<IInvocationOperation> result)
    {
        // An optional sink's call with a completed task in its place (`metrics?.FlushAsync(ct) ?? Task.CompletedTask`)
        // fails the WhenAll like a plain call when the sink is there; a ValueTask's `.AsTask()` (and `WaitAsync(..)`) is the
        // same work, as for a plain await (an independent consumer's `Task.WhenAll(audit, _telemetry.TrackEventAsync(..).AsTask())`).
        var peeled = Peel(element);
        peeled = SideEffectGuards.PeelAwaited(peeled) ?? peeled;
        if ((peeled as IInvocationOperation ?? SideEffectGuards.OptionalCall(peeled)) is { TargetMethod.MethodKind: not MethodKind.DelegateInvoke } invocation)
        {
            result.Add(invocation);
        }
    }

    private static void AddDelegateTask(IOperation element, List<IInvocationOperation> result)
    {
        if (SelectorReturn(element) is { } returned)
        {
            AddTask(returned, result);
        }
    }

    private static void AddElement(IOperation element, List<IInvocationOperation> result, bool asDelegates)
    {
        if (asDelegates)
        {
            AddDelegateTask(element, result);
        }
        else
        {
            AddTask(element, result);
        }
    }

    private static void AddCollectionInitializer(IObjectOrCollectionInitializerOperation initializer, List<IInvocationOperation> result, bool asDelegates)
    {
        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
            {
                AddElement(add.Arguments[0].Value, result, asDelegates);
            }
        }
    }

    private static void AddInitialValue(IOperation value, List<IInvocationOperation> result, bool asDelegates)
    {
        switch (Peel(value))
        {
            case IArrayCreationOperation { Initializer: { } array }:
                foreach (var element in array.ElementValues)
                {
                    AddElement(element, result, asDelegates);
                }

                break;
            case IObjectCreationOperation { Initializer: { } initializer }:
                AddCollectionInitializer(initializer, result, asDelegates);
                break;
            case { Kind: CollectionExpressionKind } collection:
                AddCollectionElements(collection, result, asDelegates);
                break;
        }
    }

    /// <summary>A collection expression's elements (its child operations in the hosts that know the kind), spreads left out.</summary>
    private static void AddCollectionElements(IOperation collection, List<IInvocationOperation> result, bool asDelegates)
    {
        foreach (var element in collection.ChildOperations)
        {
            if (element.Kind != SpreadKind)
            {
                AddElement(element, result, asDelegates);
            }
        }
    }

    /// <summary>
    /// What is put into <paramref name="local"/> in the function containing <paramref name="site"/>: its initializer,
    /// assignments, and <c>local.Add(x)</c> calls outside nested functions. Only runs for an awaited WhenAll over a local.
    /// </summary>
    private static void AddLocalElements(ILocalSymbol local, IOperation site, List<IInvocationOperation> result, bool asDelegates, CancellationToken cancellationToken)
    {
        var root = site;
        for (var depth = 0; root.Parent is { } parent && depth < MaxParentDepth; depth++)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }

            root = parent;
        }

        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = stack.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    AddInitialValue(initializer.Value, result, asDelegates);
                    if (Peel(initializer.Value) is IInvocationOperation factory && site is not IReturnOperation)
                    {
                        AddReturnedList(factory, result, asDelegates, cancellationToken);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    AddInitialValue(assignment.Value, result, asDelegates);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1, Instance: { } instance } add
                    when Peel(instance) is ILocalReferenceOperation receiver && SymbolEqualityComparer.Default.Equals(receiver.Local, local):
                    AddElement(add.Arguments[0].Value, result, asDelegates);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>
    /// <c>var actions = CreateLoggingActions(...)</c>: when the callee is an ordinary non-virtual, non-async method
    /// declared (once) in the same tree, the lists it returns (<c>return actions;</c> of a local) are read like the caller's own.
    /// </summary>
    private static void AddReturnedList(IInvocationOperation factory, List<IInvocationOperation> result, bool asDelegates, CancellationToken cancellationToken)
    {
        var method = factory.TargetMethod;
        if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsAsync
            || factory.SemanticModel is not { } model
            || method.ContainingType is null
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return;
        }

        var reference = method.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree || model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is not { } body)
        {
            return;
        }

        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IReturnOperation { ReturnedValue: { } returned } returnOperation
                && Peel(returned) is ILocalReferenceOperation list)
            {
                AddLocalElements(list.Local, returnOperation, result, asDelegates, cancellationToken);
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The value a non-async lambda (or a delegate created from one) returns when its body is that single return.</summary>
    private static IOperation? SelectorReturn(IOperation value)
    {
        value = Peel(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        if (value is not IAnonymousFunctionOperation { Symbol.IsAsync: false, Body.Operations: { Length: 1 } operations })
        {
            return null;
        }

        return operations[0] is IReturnOperation { ReturnedValue: { } returned } ? returned : null;
    }

    /// <summary><c>a()</c> or <c>a.Invoke()</c> on a lambda parameter.</summary>
    private static bool IsInvocationOfParameter(IOperation returned, out IParameterSymbol? parameter)
    {
        parameter = null;
        if (Peel(returned) is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } target }
            && Peel(target) is IParameterReferenceOperation reference)
        {
            parameter = reference.Parameter;
            return true;
        }

        return false;
    }

    private static IOperation Peel(IOperation operation)
    {
        // Implicit conversions, and explicit ones to a view of the same elements (`(ReadOnlySpan<Task>)all`).
        for (var i = 0; i < MaxPeelDepth && operation is IConversionOperation conversion
            && (conversion.IsImplicit || conversion.Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" }); i++)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The local an element-preserving view is taken of: <c>all.AsSpan()</c> (an extension), <c>list.ToArray()</c>.</summary>
    private static ILocalSymbol? ViewedLocal(IInvocationOperation view)
    {
        var source = view.TargetMethod.IsExtensionMethod && view.Instance is null
            ? (view.Arguments.Length == 1 ? view.Arguments[0].Value : null)
            : view.Arguments.Length == 0 ? view.Instance : null;
        return source is not null && Peel(source) is ILocalReferenceOperation local ? local.Local : null;
    }
}
