using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0002, per compilation and memoised: is a call to this own method already guarded by the method itself? An own
/// method is one of the caller's type, or a private or internal helper of the compilation, with a known body (not
/// virtual, abstract, extern or an interface member). A non-async method that only returns another call's task
/// (<c>Task WarningAsync(string m) =&gt; _manager.LogAsync(m);</c>) is guarded when that call is. Its body guards all its
/// side effects when it is <c>async</c> and every await in it (outside nested lambdas and local functions, which run only
/// when called) is guarded — vacuously when it awaits nothing, and never with an <c>await foreach</c> or <c>await
/// using</c>: in the try block of a catch-all try, through the SideEffect helper, or a call of another own method that is
/// guarded in turn (bounded depth, cycles count as unguarded). Synchronous code around the guarded awaits is not judged:
/// it is not an awaited side effect.
/// </summary>
internal sealed class GuardedMethodSummaries
{
    private const int MaxDepth = 8;

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _exceptionType;
    private readonly INamedTypeSymbol? _helperType;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public GuardedMethodSummaries(Compilation compilation, INamedTypeSymbol exceptionType, INamedTypeSymbol? helperType)
    {
        _compilation = compilation;
        _exceptionType = exceptionType;
        _helperType = helperType;
    }

    /// <summary>True when <paramref name="invocation"/> calls an own method whose body guards every await in it.</summary>
    public bool IsGuardedOwnCall(IInvocationOperation invocation, ISymbol caller, CancellationToken cancellationToken)
    {
        var method = Normalize(invocation.TargetMethod);
        if (!IsOwn(method, caller.ContainingType) || !(method.IsAsync || MayForward(method)))
        {
            return false; // cheap tests first: most side effects are calls into other types
        }

        if (_cache.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var guarded = Compute(method, invocation.SemanticModel, 0, visited, out _, cancellationToken);
        _cache.TryAdd(method, guarded);
        return guarded;
    }

    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    /// <summary>The caller's own type (or a type containing it), or a helper not visible outside the compilation; dispatch known.</summary>
    private static bool IsOwn(IMethodSymbol method, INamedTypeSymbol? callerType)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.IsAbstract || method.IsExtern
            || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && method.ContainingType is { IsSealed: false, IsValueType: false })
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } declaringType
            || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return true;
        }

        for (var type = callerType; type is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaringType.OriginalDefinition))
            {
                return true;
            }
        }

        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
            {
                return true;
            }
        }

        return false;
    }

    private bool Compute(IMethodSymbol method, SemanticModel? callerModel, int depth, HashSet<IMethodSymbol> visited, out bool cut, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        cut = false;
        if (_cache.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (depth > MaxDepth || !visited.Add(method))
        {
            cut = true;
            return false;
        }

        if (!method.IsAsync)
        {
            // A forwarder, `Task WarningAsync(string m) => _manager.LogAsync(m);` (Discord.Net's Logger): its task is the
            // forwarded call's, guarded when that call is (the helper, or an own method guarded in turn).
            var forwarded = Roots(method, callerModel, cancellationToken) is [var body] ? ForwardedCall(body) : null;
            var guardedForwarder = forwarded is not null
                && (SideEffectGuards.IsHelperCall(forwarded, _helperType) || IsGuardedCallee(forwarded, method, depth, visited, ref cut, cancellationToken));
            if (!cut)
            {
                _cache.TryAdd(method, guardedForwarder);
            }

            return guardedForwarder;
        }

        var guarded = true;
        var stack = new Stack<IOperation>();
        var roots = Roots(method, callerModel, cancellationToken);
        if (roots.Count == 0)
        {
            return false; // a body we cannot see is not known to be guarded
        }

        foreach (var root in roots)
        {
            stack.Push(root);
        }

        while (guarded && stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IAwaitOperation awaitOperation)
            {
                guarded = IsAwaitGuarded(awaitOperation, method, depth, visited, ref cut, cancellationToken);
            }
            else if (operation is IForEachLoopOperation { IsAsynchronous: true } or IUsingOperation { IsAsynchronous: true }
                or IUsingDeclarationOperation { IsAsynchronous: true })
            {
                // `await foreach`, `await using`: they await the calls they make (MoveNextAsync, DisposeAsync, where the scope
                // ends: inside the statement's own block), guarded only inside a try that swallows them (a triage: DittoSharp's
                // `LogGiftTransactionAsync` opens its connection with `await using` inside its catch-all try).
                guarded = SideEffectGuards.IsGuarded(operation, _exceptionType, _helperType);
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }

        // An async body without any await runs synchronously to its end: what it can throw is synchronous code, which is not
        // judged in the caller either (certify's `async Task AuditWarning(…) { _log?.Warning(…); }`, 21 reports in one file).
        if (!cut)
        {
            _cache.TryAdd(method, guarded);
        }

        return guarded;
    }

    private bool IsAwaitGuarded(IAwaitOperation awaitOperation, IMethodSymbol method, int depth, HashSet<IMethodSymbol> visited, ref bool cut, CancellationToken cancellationToken)
    {
        if (SideEffectGuards.IsGuarded(awaitOperation, _exceptionType, _helperType))
        {
            return true;
        }

        if (SideEffectGuards.PeelAwaited(awaitOperation.Operation) is not IInvocationOperation invocation)
        {
            return false;
        }

        if (SideEffectGuards.IsHelperCall(invocation, _helperType))
        {
            return true;
        }

        return IsGuardedCallee(invocation, method, depth, visited, ref cut, cancellationToken);
    }

    /// <summary>Whether <paramref name="invocation"/> (in <paramref name="method"/>) calls an own method that is guarded, async or forwarding.</summary>
    private bool IsGuardedCallee(IInvocationOperation invocation, IMethodSymbol method, int depth, HashSet<IMethodSymbol> visited, ref bool cut, CancellationToken cancellationToken)
    {
        var callee = Normalize(invocation.TargetMethod);
        if (!IsOwn(callee, method.ContainingType) || !(callee.IsAsync || MayForward(callee)))
        {
            return false;
        }

        var guarded = Compute(callee, invocation.SemanticModel, depth + 1, visited, out var calleeCut, cancellationToken);
        cut |= calleeCut;
        return guarded;
    }

    /// <summary>A non-async method returning a task: it may hand on another call's task.</summary>
    private static bool MayForward(IMethodSymbol method)
        => !method.ReturnsVoid && method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" };

    /// <summary>The one call whose value a body returns (<c>=&gt; X(…)</c>, <c>{ return X(…); }</c>), or null.</summary>
    private static IInvocationOperation? ForwardedCall(IOperation body)
    {
        var block = body switch
        {
            IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
            IBlockOperation plain => plain,
            _ => null,
        };

        return block is { Operations: [IReturnOperation { ReturnedValue: { } value }] }
            ? Shapes.WithoutConversions(value) as IInvocationOperation
            : null;
    }

    /// <summary>The operation of each declaration of <paramref name="method"/>'s body; empty when one cannot be seen.</summary>
    private List<IOperation> Roots(IMethodSymbol method, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        var roots = new List<IOperation>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var root = GetModel(node.SyntaxTree, callerModel)?.GetOperation(node, cancellationToken);
            if (root is ILocalFunctionOperation localFunction)
            {
                root = localFunction.Body;
            }

            if (root is null)
            {
                return new List<IOperation>(); // a body we cannot see is not known to be guarded
            }

            roots.Add(root);
        }

        return roots;
    }

    private SemanticModel? GetModel(SyntaxTree tree, SemanticModel? callerModel) => SemanticModels.For(_compilation, tree, callerModel);
}
