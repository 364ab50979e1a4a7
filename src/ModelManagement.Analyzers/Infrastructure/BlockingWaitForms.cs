using System.Linq;
using System.Text;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>Recognises the operations that block on a task, by bound symbol, and names what they wait for.</summary>
internal static class BlockingWaitForms
{
    private const int MaxDescriptionLength = 60;
    private const int MaxUnwrapSteps = 16;

    private static readonly string[] VisualStudioThreading = { "Microsoft", "VisualStudio", "Threading" };
    private static readonly string[] NitoAsyncEx = { "Nito", "AsyncEx" };
    private static readonly string[] SystemThreadingTasks = { "System", "Threading", "Tasks" };

    /// <summary>
    /// The <see cref="MM0001Properties"/> form of <paramref name="operation"/> (Result, Wait, GetResult, WaitAll, WaitAny,
    /// Run, Join) when it blocks on a task, otherwise null. Cheap name tests come before symbol comparisons. The
    /// vs-threading and Nito.AsyncEx forms are matched by type name and namespace: those packages are not ours to reference.
    /// With <paramref name="earlierWaitsFinish"/> false, a wait after an earlier wait on the same task still counts (the
    /// code fix moves those along with the wait that finished their task).
    /// </summary>
    public static string? Classify(IOperation operation, BlockingWaitTypes types, bool earlierWaitsFinish = true)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { Name: "Result", IsStatic: false } property } reference
                when types.HasBlockingResult(property.ContainingType):
                return DoesNotBlock(operation, reference.Instance, types, earlierWaitsFinish) ? null : MM0001Properties.Result;

            case IInvocationOperation { TargetMethod: { } method }:
                switch (method.Name)
                {
                    case "Wait" when !method.IsStatic && IsTask(method.ContainingType, types):
                        return DoesNotBlock(operation, ((IInvocationOperation)operation).Instance, types, earlierWaitsFinish) ? null : MM0001Properties.Wait;
                    case "WaitAll" when method.IsStatic && IsTask(method.ContainingType, types):
                        return MM0001Properties.WaitAll;
                    case "WaitAny" when method.IsStatic && IsTask(method.ContainingType, types):
                        return MM0001Properties.WaitAny;
                    case "GetResult" when !method.IsStatic && types.IsAwaiter(method.ContainingType):
                        return DoesNotBlock(operation, UnwrapAwaitChain(((IInvocationOperation)operation).Instance), types, earlierWaitsFinish) ? null : MM0001Properties.GetResult;
                    case "Run" when method.IsStatic
                        ? IsNamed(method.ContainingType, "AsyncContext", NitoAsyncEx)
                        : DerivesFromNamed(method.ContainingType, "JoinableTaskFactory", VisualStudioThreading):
                        return MM0001Properties.Run;
                    case "Join" when !method.IsStatic && DerivesFromNamed(method.ContainingType, "JoinableTask", VisualStudioThreading):
                        return MM0001Properties.Join;
                    default:
                        return null;
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// The member names <see cref="Classify"/> recognizes, as whole words for <see cref="WordTextIndex"/>: code that spells
    /// none of them (and no Unicode escape) holds no blocking wait. <c>Run</c> and <c>Join</c> only when the compilation has
    /// vs-threading's <c>JoinableTaskFactory</c> or Nito.AsyncEx's <c>AsyncContext</c> (<c>Task.Run</c> is everywhere else).
    /// </summary>
    public static ImmutableArray<WordTextIndex.Word> Words(Compilation compilation)
    {
        var words = ImmutableArray.CreateBuilder<WordTextIndex.Word>();
        foreach (var name in new[] { "Result", "Wait", "WaitAll", "WaitAny", "GetResult" })
        {
            words.Add(new WordTextIndex.Word(name));
        }

        if (!compilation.GetTypesByMetadataName("Microsoft.VisualStudio.Threading.JoinableTaskFactory").IsEmpty
            || !compilation.GetTypesByMetadataName("Nito.AsyncEx.AsyncContext").IsEmpty)
        {
            words.Add(new WordTextIndex.Word("Run"));
            words.Add(new WordTextIndex.Word("Join"));
        }

        words.AddRange(WordTextIndex.Escapes);
        return words.ToImmutable();
    }

    /// <summary>What a blocking operation of the given form waits for, as the message names it: <c>LoadModelsAsync()</c>, <c>_catalogue</c>, <c>Task.WaitAll(...)</c>.</summary>
    public static string DescribeAwaited(IOperation blocking, string form)
    {
        switch (form)
        {
            case MM0001Properties.WaitAll:
                return "Task.WaitAll(...)";
            case MM0001Properties.WaitAny:
                return "Task.WaitAny(...)";
            case MM0001Properties.Result when blocking is IPropertyReferenceOperation property:
                return Describe(property.Instance, blocking);
            case MM0001Properties.Wait when blocking is IInvocationOperation invocation:
                return Describe(invocation.Instance, blocking);
            case MM0001Properties.GetResult when blocking is IInvocationOperation invocation:
                return Describe(UnwrapAwaitChain(invocation.Instance), blocking);
            case MM0001Properties.Run when blocking is IInvocationOperation run:
                return DescribeStartedWork(run)
                    ?? (run.TargetMethod.IsStatic ? "AsyncContext.Run(...)" : "JoinableTaskFactory.Run(...)");
            case MM0001Properties.Join when blocking is IInvocationOperation join:
                return Describe(join.Instance, blocking);
            default:
                return Text(blocking.Syntax);
        }
    }

    /// <summary>Display name of a member for messages and paths: methods and local functions get "()".</summary>
    public static string DisplayName(ISymbol symbol)
        => symbol switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.IsIndexer ? "this[]" : property.Name,
            IMethodSymbol method => method.Name + "()",
            IPropertySymbol { IsIndexer: true } => "this[]",
            _ => symbol.Name,
        };

    private static bool IsTask(INamedTypeSymbol type, BlockingWaitTypes types)
        => SymbolEqualityComparer.Default.Equals(type, types.Task);

    /// <summary><paramref name="type"/> or a base class is <paramref name="name"/> (any arity) in exactly the namespace <paramref name="namespaceParts"/>.</summary>
    private static bool DerivesFromNamed(INamedTypeSymbol? type, string name, string[] namespaceParts)
    {
        for (var depth = 0; type is not null && depth < MaxUnwrapSteps; depth++)
        {
            if (IsNamed(type, name, namespaceParts))
            {
                return true;
            }

            type = type.BaseType;
        }

        return false;
    }

    private static bool IsNamed(INamedTypeSymbol? type, string name, string[] namespaceParts)
    {
        if (type is null || type.Name != name || type.ContainingType is not null)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        for (var i = namespaceParts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != namespaceParts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>
    /// What the delegate handed to <c>Run(...)</c> (JoinableTaskFactory, AsyncContext, <c>Task.Run</c>,
    /// <c>TaskFactory.StartNew</c>) calls: <c>LoadAsync()</c> for <c>() =&gt; LoadAsync()</c>, <c>async () =&gt; await LoadAsync()</c>
    /// or the method group <c>LoadAsync</c>; null when the body is anything else.
    /// </summary>
    private static string? DescribeStartedWork(IInvocationOperation run)
    {
        if (run.Arguments.IsEmpty)
        {
            return null;
        }

        var value = run.Arguments[0].Value;
        for (var step = 0; step < MaxUnwrapSteps && value is IConversionOperation { IsImplicit: true } conversion; step++)
        {
            value = conversion.Operand;
        }

        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        IOperation? work = value switch
        {
            IMethodReferenceOperation method => method,
            IAnonymousFunctionOperation { Body.Operations: { Length: 1 or 2 } operations }
                when operations.Length == 1 || operations[1] is IReturnOperation { IsImplicit: true, ReturnedValue: null } => operations[0] switch
            {
                IReturnOperation { ReturnedValue: { } returned } => returned,
                IExpressionStatementOperation statement => statement.Operation,
                _ => null,
            },
            _ => null,
        };
        if (work is IAwaitOperation awaited)
        {
            work = UnwrapAwaitChain(awaited.Operation);
        }

        for (var step = 0; step < MaxUnwrapSteps && work is IConversionOperation { IsImplicit: true } conversion; step++)
        {
            work = conversion.Operand;
        }

        return work switch
        {
            IMethodReferenceOperation method => DisplayName(method.Method),
            IInvocationOperation { TargetMethod.MethodKind: not MethodKind.DelegateInvoke } invocation => DisplayName(invocation.TargetMethod),
            _ => null,
        };
    }

    /// <summary>
    /// For a wait <see cref="Classify"/> leaves out only because an earlier statement already waited for its task: that
    /// statement (the code fix moves the wait along with it); otherwise null.
    /// </summary>
    public static IOperation? FinishedByEarlierWait(IOperation wait, BlockingWaitTypes types)
    {
        var task = wait switch
        {
            IPropertyReferenceOperation { Property.Name: "Result" } reference => reference.Instance,
            IInvocationOperation { TargetMethod.Name: "Wait" } invocation => invocation.Instance,
            IInvocationOperation { TargetMethod.Name: "GetResult" } invocation => UnwrapAwaitChain(invocation.Instance),
            _ => null,
        };
        return task is not null && Classify(wait, types, earlierWaitsFinish: false) is not null && Classify(wait, types) is null
            ? EarlierWait(wait, task, types)
            : null;
    }

    /// <summary>
    /// A wait that cannot block: on a task just tested finished, on a task an earlier statement already waited for, or on
    /// the synchronous run of a sync/async twin.
    /// </summary>
    private static bool DoesNotBlock(IOperation wait, IOperation? task, BlockingWaitTypes types, bool earlierWaitsFinish)
        => OnFinishedTask(wait, task) || (earlierWaitsFinish && EarlierWait(wait, task, types) is not null) || IsSynchronousRunOfATwin(task)
            || IsDelay(task, types) || IsCreatedCompleted(task, types) || IsSynchronousWorkStarted(task, types) || IsThreadStartLatch(wait, task, types)
            || (LocalInitializer(task) is { } initializer && (IsCreatedCompleted(initializer, types) || IsSynchronousWorkStarted(initializer, types)))
            || (Unconverted(task) is IInvocationOperation call && CompletedTaskMethods.ReturnsOnlyCompletedTasks(call, System.Threading.CancellationToken.None));

    /// <summary>
    /// <c>Task.Run(() =&gt; …)</c> or <c>Task.Factory.StartNew(() =&gt; …)</c> of a synchronous lambda that returns no task
    /// and holds no blocking wait of its own: CPU work run on another thread and joined (a triage's real code — Tiktoken's
    /// constructor builds its token table in parallel with compiling a regex; perfview continues a deep recursion on a
    /// fresh stack), not async work there is anything to load lazily. A lambda that is <c>async</c>, returns a task
    /// (<c>Task.Run(() =&gt; LoadAsync())</c>) or blocks itself (<c>Task.Run(() =&gt; LoadAsync().Result)</c>) is async
    /// work, and a method group is not looked into.
    /// </summary>
    private static bool IsSynchronousWorkStarted(IOperation? task, BlockingWaitTypes types)
    {
        if (Unconverted(task) is not IInvocationOperation { TargetMethod: { } start, Arguments.Length: > 0 } invocation
            || !(start.Name == "Run" && start.IsStatic && IsTask(start.ContainingType, types)
                || start.Name == "StartNew" && !start.IsStatic && IsNamed(start.ContainingType, "TaskFactory", SystemThreadingTasks)))
        {
            return false;
        }

        var argument = invocation.Arguments[0].Value;
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        if (argument is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol: { IsAsync: false } lambda } function }
            || (!lambda.ReturnsVoid && (Shapes.IsAwaitable(lambda.ReturnType) || lambda.ReturnType is IErrorTypeSymbol)))
        {
            return false;
        }

        foreach (var operation in function.Body.Descendants())
        {
            // Code that does not bind (a missing reference, half-typed code) may well be async work: no exemption on a guess
            // (a triage's test view without its library: `Task.Run(() => _repository.Save(aggregate)).Wait()`).
            if (operation is IInvalidOperation
                || (operation is IInvocationOperation or IPropertyReferenceOperation && Classify(operation, types) is not null))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] SystemThreading = { "System", "Threading" };

    /// <summary>
    /// <c>_ready.Task.Wait()</c> on a <c>TaskCompletionSource</c> that a thread this same function starts completes: a
    /// start-up latch (a triage's real code — Dalamud's STA service starts a thread that creates its message window, then
    /// sets the source), the join of synchronous work on a dedicated thread, not async work to load on first use. The
    /// thread's target is a lambda or a method of the function's own type (or a local function) that is not <c>async</c>
    /// and calls <c>SetResult</c>/<c>TrySetResult</c>/<c>SetException</c>/… on the same source; a source completed only
    /// elsewhere (an event handler of a connection) is still waited for as async work.
    /// </summary>
    private static bool IsThreadStartLatch(IOperation wait, IOperation? task, BlockingWaitTypes types)
    {
        if (Unconverted(task) is not IPropertyReferenceOperation { Property.Name: "Task", Instance: { } instance }
            || TaskSymbol(instance) is not { } source
            || instance.Type is not INamedTypeSymbol sourceType
            || !IsNamed(sourceType.OriginalDefinition, "TaskCompletionSource", SystemThreadingTasks)
            || latchDepth > 0)
        {
            // Within the check of a thread's body (BlocksItself), a wait there on a latch counts as blocking: the body may
            // wait on its own source, or start the same thread again, and the question would ask itself forever.
            return false;
        }

        latchDepth++;
        try
        {
            var root = Shapes.Root(wait);
            foreach (var operation in root.Descendants())
            {
                if (operation is IObjectCreationOperation { Constructor.ContainingType: { } created, Arguments.Length: > 0 } creation
                    && IsNamed(created, "Thread", SystemThreading)
                    && ThreadBody(Shapes.DelegateTarget(creation.Arguments[0].Value), root, wait.SemanticModel) is { } body
                    && body.DescendantsAndSelf().Any(o => IsCompletionOf(o, source))
                    && !BlocksItself(body, types))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            latchDepth--;
        }
    }

    /// <summary>Nesting of <see cref="IsThreadStartLatch"/> on this thread (analyzers run concurrently, one check per thread).</summary>
    [System.ThreadStatic]
    private static int latchDepth;

    /// <summary>The body a thread runs: a lambda's, a local function's of <paramref name="root"/>, or an own method's in the same tree; null when it is <c>async</c> or out of reach.</summary>
    private static IOperation? ThreadBody(IOperation target, IOperation root, SemanticModel? model)
    {
        switch (target)
        {
            case IAnonymousFunctionOperation { Symbol.IsAsync: false } lambda:
                return lambda.Body;
            case IMethodReferenceOperation { Method: { IsAsync: false, MethodKind: MethodKind.LocalFunction } local }:
                return root.Descendants().OfType<ILocalFunctionOperation>().FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, local.OriginalDefinition));
            case IMethodReferenceOperation { Method: { IsAsync: false } method }
                when model is not null
                    && Shapes.SingleMethodDeclaration(method, System.Threading.CancellationToken.None) is { } declaration
                    && declaration.SyntaxTree == model.SyntaxTree
                    && Shapes.BodyOf(declaration) is { } syntax:
                return model.GetOperation(syntax);
            default:
                return null;
        }
    }

    /// <summary>
    /// The thread's body holds a blocking wait of its own (<c>_models = catalog.LoadAsync().Result; _ready.SetResult(true);</c>,
    /// a fix-shapes round) or code that does not bind: the constructor then waits for async work through the thread, as
    /// <c>Task.Run(() =&gt; LoadAsync().Result).Wait()</c> does.
    /// </summary>
    private static bool BlocksItself(IOperation body, BlockingWaitTypes types)
        => body.DescendantsAndSelf().Any(o => o is IInvalidOperation || (o is IInvocationOperation or IPropertyReferenceOperation && Classify(o, types) is not null));

    private static bool IsCompletionOf(IOperation operation, ISymbol source)
        => operation is IInvocationOperation { TargetMethod.Name: "SetResult" or "TrySetResult" or "SetException" or "TrySetException" or "SetCanceled" or "TrySetCanceled" or "SetFromTask" or "TrySetFromTask", Instance: { } instance }
            && SymbolEqualityComparer.Default.Equals(TaskSymbol(instance), source);

    /// <summary>
    /// <c>Task.Delay(n).Wait()</c>: a sleep, not async work — there is nothing to load on first use, and deferring it would
    /// only move the pause (found by <c>dotnet format</c> on Brighter's tests, where it paced a message pump).
    /// </summary>
    private static bool IsDelay(IOperation? task, BlockingWaitTypes types)
        => Unconverted(task) is IInvocationOperation { TargetMethod: { Name: "Delay", IsStatic: true } delay } && IsTask(delay.ContainingType, types);

    /// <summary>
    /// A task created completed with its value — <c>Task.FromResult(x)</c>, <c>Task.CompletedTask</c>,
    /// <c>ValueTask.FromResult(x)</c>, <c>ValueTask.CompletedTask</c>, <c>new ValueTask&lt;T&gt;(x)</c>: no async work runs,
    /// nothing blocks, and deferring the read would only churn the type (an independent consumer's
    /// <c>Task.FromResult(x).Result</c>). A task that faults or cancels is not among them: waiting on it throws.
    /// </summary>
    private static bool IsCreatedCompleted(IOperation? task, BlockingWaitTypes types)
        => Unconverted(task) switch
        {
            IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } factory } => IsTaskOrValueTask(factory.ContainingType, types),
            IPropertyReferenceOperation { Property: { Name: "CompletedTask", IsStatic: true } property } => IsTaskOrValueTask(property.ContainingType, types),
            IObjectCreationOperation { Constructor: { Parameters: [{ } value] } constructor } =>
                SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, types.ValueTaskOfT)
                && constructor.ContainingType.TypeArguments is [{ } result]
                && SymbolEqualityComparer.Default.Equals(value.Type, result),
            _ => false,
        };

    /// <summary>
    /// The initializer of a local whose only write is its declaration (<c>var preset = Task.FromResult(name ?? "small");
    /// _model = preset.Result;</c>, an independent consumer's): the same value as the inline form. An assignment, a
    /// <c>ref</c>/<c>out</c> argument or a deconstruction anywhere in the function (its lambdas included) may put another
    /// task there.
    /// </summary>
    private static IOperation? LocalInitializer(IOperation? task)
    {
        if (Unconverted(task) is not ILocalReferenceOperation { Local: { IsRef: false } local } reference)
        {
            return null;
        }

        var root = Shapes.Root(reference);
        // Its declaration (the function's, lambdas included) initializes it, and no assignment, deconstruction or ref/out
        // argument writes it (Assigns, as for an earlier wait).
        return root.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local))
                is { Initializer: { } initializer } && !Assigns(root, local)
            ? initializer.Value
            : null;
    }

    private static bool IsTaskOrValueTask(INamedTypeSymbol? type, BlockingWaitTypes types)
        => type is not null && (IsTask(type, types) || SymbolEqualityComparer.Default.Equals(type, types.ValueTask));

    private const int MaxEarlierStatements = 64;

    /// <summary>
    /// A wait on a local, parameter or field of <c>this</c> that an earlier statement of an enclosing block already waited
    /// for without a timeout — <c>Task.WaitAll(a, b);</c>, <c>a.Wait();</c>, <c>var x = a.Result;</c>, <c>_x =
    /// a.GetAwaiter().GetResult();</c> — with no statement in between assigning it: the task has finished, so
    /// <c>a.Result</c> after <c>Task.WaitAll(a, b)</c> reads a value and is not a second blocking wait. Not across a
    /// lambda or local function, which may run before the earlier wait.
    /// </summary>
    /// <returns>The earlier statement that waited, or null.</returns>
    private static IOperation? EarlierWait(IOperation wait, IOperation? task, BlockingWaitTypes types)
    {
        if (TaskSymbol(task) is not { } symbol)
        {
            return null;
        }

        var child = wait;
        var examined = 0;
        for (var current = wait.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or ILabeledOperation)
            {
                return null; // may run before the earlier wait; or a label: a jump may reach the wait again after a reassignment
            }

            var statements = current switch
            {
                IBlockOperation block => block.Operations,
                ISwitchCaseOperation section => section.Body,
                _ => default,
            };
            if (statements.IsDefault)
            {
                continue;
            }

            var index = statements.IndexOf(child);
            for (var i = index - 1; i >= 0; i--)
            {
                if (++examined > MaxEarlierStatements)
                {
                    return null;
                }

                var statement = statements[i];
                if (WaitsFor(statement, symbol, types))
                {
                    return statement;
                }

                if (Assigns(statement, symbol) || statement is ILabeledOperation)
                {
                    return null; // another task from here on, or a jump may land between
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="statement"/> itself (not a branch or lambda in it) waits for <paramref name="task"/> without a timeout.</summary>
    private static bool WaitsFor(IOperation statement, ISymbol task, BlockingWaitTypes types)
    {
        IOperation? value;
        switch (statement)
        {
            case IExpressionStatementOperation expression:
                value = expression.Operation is ISimpleAssignmentOperation assignment ? assignment.Value : expression.Operation;
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (IsWaitFor(declarator.Initializer?.Value, task, types))
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return false;
        }

        return IsWaitFor(value, task, types);
    }

    private static bool IsWaitFor(IOperation? operation, ISymbol task, BlockingWaitTypes types)
    {
        switch (Unconverted(operation))
        {
            case IPropertyReferenceOperation { Property: { Name: "Result", IsStatic: false } property } reference
                when types.HasBlockingResult(property.ContainingType):
                return SymbolEqualityComparer.Default.Equals(TaskSymbol(reference.Instance), task);

            case IInvocationOperation { TargetMethod: { } method } invocation:
                if (HasTimeout(method))
                {
                    return false; // Wait(5000) may return before the task finished
                }

                switch (method.Name)
                {
                    case "Wait" when !method.IsStatic && IsTask(method.ContainingType, types):
                        return SymbolEqualityComparer.Default.Equals(TaskSymbol(Shapes.WithoutConversions(invocation.Instance)), task);
                    case "GetResult" when !method.IsStatic && types.IsAwaiter(method.ContainingType):
                        return SymbolEqualityComparer.Default.Equals(TaskSymbol(Shapes.WithoutConversions(UnwrapAwaitChain(invocation.Instance))), task);
                    case "WaitAll" when method.IsStatic && IsTask(method.ContainingType, types):
                        foreach (var argument in invocation.Arguments)
                        {
                            if (ListsTask(argument.Value, task, 0))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the tasks argument of <c>Task.WaitAll</c> lists <paramref name="task"/> itself: an element of the
    /// <c>params Task[]</c> array, of a <c>params ReadOnlySpan&lt;Task&gt;</c> (.NET 9, which newer compilers pick for
    /// <c>WaitAll(a, b)</c>) or of a collection expression — whatever shape the compiler builds, an element that is a
    /// reference to it, not a call or a lambda that might produce another task.
    /// </summary>
    private static bool ListsTask(IOperation? value, ISymbol task, int depth)
    {
        if (value is null || depth > 4)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(TaskSymbol(Shapes.WithoutConversions(value)), task))
        {
            return true;
        }

        if (value is IInvocationOperation or IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalReferenceOperation
            or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
        {
            return false; // `WaitAll(GetTasks())`, `WaitAll(tasks)`: not listed here
        }

        foreach (var child in value.ChildOperations)
        {
            if (ListsTask(child, task, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AssignsTo(IOperation target, ISymbol task)
    {
        foreach (var operation in target.DescendantsAndSelf())
        {
            if (SymbolEqualityComparer.Default.Equals(TaskSymbol(operation), task))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTimeout(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Int32 || parameter.Type.Name == "TimeSpan")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Assigns(IOperation statement, ISymbol task)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IAssignmentOperation assignment && AssignsTo(assignment.Target, task))
            {
                return true; // also `(a, b) = (Load(), Load());`
            }

            if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef
                && SymbolEqualityComparer.Default.Equals(TaskSymbol(byRef.Value), task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sync/async twin idiom (npgsql, System.Net): one method serves both, taking <c>bool async</c>, and with a constant
    /// <c>false</c> it completes before it returns — <c>buf.WriteString(query, len, async: false).Wait()</c> waits on
    /// nothing. Matched on a <c>bool</c> parameter named <c>async</c>, <c>isAsync</c>, <c>useAsync</c> or <c>runAsync</c>
    /// (any case) whose argument is the constant <c>false</c>.
    /// </summary>
    private static bool IsSynchronousRunOfATwin(IOperation? task)
    {
        while (task is IConversionOperation { IsImplicit: true } conversion)
        {
            task = conversion.Operand;
        }

        if (task is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean, Name: var name }
                && (string.Equals(name, "async", System.StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "isAsync", System.StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "useAsync", System.StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "runAsync", System.StringComparison.OrdinalIgnoreCase))
                && argument.Value.ConstantValue is { HasValue: true, Value: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A wait on a task the code has just seen finish does not block: it sits on the "finished" side of a test of the same
    /// local, parameter or field of <c>this</c> — <c>IsCompleted</c>, <c>IsCompletedSuccessfully</c>, <c>IsFaulted</c>,
    /// <c>IsCanceled</c>, <c>Status == TaskStatus.RanToCompletion</c> (or <c>Faulted</c>, <c>Canceled</c>), or their pattern
    /// form (<c>t is { IsCompletedSuccessfully: true }</c>) — as the branch of
    /// an <c>if</c> or <c>?:</c>, the right side of <c>&amp;&amp;</c>/<c>||</c>, or after <c>if (!t.IsCompleted) return|throw …;</c>
    /// earlier in an enclosing block (MassTransit's <c>Response</c>: <c>t.Status == TaskStatus.RanToCompletion ?
    /// t.GetAwaiter().GetResult() : default</c>). Not across a lambda or local function, which may run before the test.
    /// </summary>
    private static bool OnFinishedTask(IOperation wait, IOperation? task)
        => TaskSymbol(task) is { } symbol
            && DominatingConditions.Any(wait, symbol, static (condition, whenTrue, taskSymbol) => ProvesFinished(condition, taskSymbol, whenTrue, 0));

    private const int MaxGuardDepth = 64;

    private static ISymbol? TaskSymbol(IOperation? task)
    {
        return Unconverted(task) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="condition"/>, evaluated to <paramref name="whenTrue"/>, proves <paramref name="task"/> finished.</summary>
    private static bool ProvesFinished(IOperation? condition, ISymbol task, bool whenTrue, int depth)
    {
        condition = Unconverted(condition);
        if (condition is null || depth > MaxGuardDepth)
        {
            return false;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return ProvesFinished(not.Operand, task, !whenTrue, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when whenTrue:
                return ProvesFinished(conjunction.LeftOperand, task, true, depth + 1) || ProvesFinished(conjunction.RightOperand, task, true, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when !whenTrue:
                return ProvesFinished(disjunction.LeftOperand, task, false, depth + 1) || ProvesFinished(disjunction.RightOperand, task, false, depth + 1);
            case IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" } finished:
                return whenTrue && SymbolEqualityComparer.Default.Equals(TaskSymbol(finished.Instance), task);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return whenTrue == (comparison.OperatorKind == BinaryOperatorKind.Equals)
                    && ((IsStatusOf(comparison.LeftOperand, task) && IsFinalStatus(comparison.RightOperand))
                        || (IsStatusOf(comparison.RightOperand, task) && IsFinalStatus(comparison.LeftOperand)));
            case IIsPatternOperation isPattern when SymbolEqualityComparer.Default.Equals(TaskSymbol(isPattern.Value), task):
                return PatternProvesFinished(isPattern.Pattern, whenTrue, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>
    /// The pattern form of the same tests: <c>t is { IsCompletedSuccessfully: true }</c>,
    /// <c>t is { Status: TaskStatus.RanToCompletion }</c>, <c>t is not { IsCompleted: true }</c> when false, and those
    /// inside <c>and</c> (when it matched) or <c>or</c> (when it did not).
    /// </summary>
    private static bool PatternProvesFinished(IPatternOperation pattern, bool matched, int depth)
    {
        if (depth > MaxGuardDepth)
        {
            return false;
        }

        switch (pattern)
        {
            case INegatedPatternOperation negated:
                return PatternProvesFinished(negated.Pattern, !matched, depth + 1);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both when matched:
                return PatternProvesFinished(both.LeftPattern, true, depth + 1) || PatternProvesFinished(both.RightPattern, true, depth + 1);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either when !matched:
                return PatternProvesFinished(either.LeftPattern, false, depth + 1) || PatternProvesFinished(either.RightPattern, false, depth + 1);
            case IRecursivePatternOperation recursive when matched:
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    if (subpattern is { Member: IPropertyReferenceOperation { Property.Name: var name }, Pattern: IConstantPatternOperation { Value: var value } }
                        && ((name is "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" && value.ConstantValue is { HasValue: true, Value: true })
                            || (name == "Status" && IsFinalStatus(Unconverted(value)))))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary><paramref name="operation"/> without its implicit conversions.</summary>
    private static IOperation? Unconverted(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsStatusOf(IOperation operation, ISymbol task)
        => operation is IPropertyReferenceOperation { Property.Name: "Status" } status
            && SymbolEqualityComparer.Default.Equals(TaskSymbol(status.Instance), task);

    private static bool IsFinalStatus(IOperation? operation)
        => operation is IFieldReferenceOperation { Field: { Name: "RanToCompletion" or "Faulted" or "Canceled", ContainingType.Name: "TaskStatus" } };

    /// <summary><c>Task.Run(...)</c> or <c>Task.Factory.StartNew(...)</c>: the blocking wait is on the work it starts.</summary>
    internal static bool IsTaskStart(IInvocationOperation invocation) => IsTaskStart(invocation.TargetMethod);

    /// <summary><c>Task.Run</c> or <c>TaskFactory.StartNew</c> (any overload).</summary>
    internal static bool IsTaskStart(IMethodSymbol method)
        => method is { Name: "Run" or "StartNew" }
            && method.ContainingType is { Name: "Task" or "TaskFactory", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>Strips <c>.GetAwaiter()</c> and <c>.ConfigureAwait(...)</c> (and implicit conversions) down to the awaited expression.</summary>
    private static IOperation? UnwrapAwaitChain(IOperation? operation)
    {
        for (var step = 0; operation is not null && step < MaxUnwrapSteps; step++)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter" or "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    break;
                default:
                    return operation;
            }
        }

        return operation;
    }

    private static string Describe(IOperation? awaited, IOperation blocking)
    {
        for (var step = 0; awaited is not null && step < MaxUnwrapSteps; step++)
        {
            switch (awaited)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    awaited = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "AsTask", Instance: { } valueTask }:
                    // ValueTask<T>.AsTask() only adapts: the work waited for is the value task's.
                    awaited = valueTask;
                    continue;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } input
                    when GetPatternInput(input) is { } matched:
                    // `pending is { Result: var models }`: the Result read is on what the pattern matches.
                    awaited = matched;
                    continue;
            }

            break;
        }

        return awaited switch
        {
            // `load().Result` on a Func<Task<T>>: name the delegate, not its Invoke method.
            IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } target } => DescribeDelegate(target),
            // `Task.Run(() => LoadAsync()).Result`: name the work started, not Run.
            IInvocationOperation start when IsTaskStart(start)
                => DescribeStartedWork(start) ?? (start.TargetMethod.Name == "Run" ? "Task.Run(...)" : "Task.Factory.StartNew(...)"),
            IInvocationOperation invocation => DisplayName(invocation.TargetMethod),
            IPropertyReferenceOperation { Property.IsIndexer: false, Instance: IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation } property
                // `_ready.Task` names the TaskCompletionSource, not just its Task property.
                => Describe(property.Instance, blocking) + "." + property.Property.Name,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            null => Text(blocking.Syntax),
            _ => Text(awaited.Syntax),
        };
    }

    private static string DescribeDelegate(IOperation target)
    {
        while (target is IConversionOperation { IsImplicit: true } conversion)
        {
            target = conversion.Operand;
        }

        return target switch
        {
            IFieldReferenceOperation field => field.Field.Name + "()",
            ILocalReferenceOperation local => local.Local.Name + "()",
            IParameterReferenceOperation parameter => parameter.Parameter.Name + "()",
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name + "()",
            _ => Text(target.Syntax) + "()",
        };
    }

    /// <summary>
    /// The value a property pattern's implicit input stands for: the matched expression of <c>is</c>, a switch
    /// expression or statement, or the member of an enclosing property subpattern; null when not found.
    /// </summary>
    private static IOperation? GetPatternInput(IInstanceReferenceOperation input)
    {
        // input -> (property reference) -> property subpattern -> recursive pattern -> [is / arm / case clause / subpattern]
        var current = input.Parent?.Parent;
        if (current is not IPropertySubpatternOperation || current.Parent is not IRecursivePatternOperation pattern)
        {
            return null;
        }

        return pattern.Parent switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
            IPropertySubpatternOperation outer => outer.Member,
            _ => null,
        };
    }

    /// <summary>Source text on one line, whitespace collapsed, shortened for messages.</summary>
    private static string Text(SyntaxNode node)
    {
        var text = node.ToString();
        var builder = new StringBuilder(text.Length < MaxDescriptionLength ? text.Length : MaxDescriptionLength + 3);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length >= MaxDescriptionLength)
            {
                return builder.Append("...").ToString();
            }
        }

        return builder.ToString();
    }
}
