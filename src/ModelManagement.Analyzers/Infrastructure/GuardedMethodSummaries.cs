using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0002, per compilation and memoised: is a call to this own method already guarded by the method itself? An own
/// method is one of the caller's type, or a private or internal helper of the compilation, with a known body (not
/// virtual, abstract, extern or an interface member). Its body guards all its side effects when it is <c>async</c>,
/// awaits at least once, and every await in it (outside nested lambdas and local functions, which run only when
/// called) is guarded: in the try block of a catch-all try, through the SideEffect helper, or a call of another own
/// method that is guarded in turn (bounded depth, cycles count as unguarded). Synchronous code around the guarded
/// awaits is not judged: it is not an awaited side effect.
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
        if (!method.IsAsync || !IsOwn(method, caller.ContainingType))
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

        var awaits = 0;
        var guarded = true;
        var stack = new Stack<IOperation>();
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
                return false; // a body we cannot see is not known to be guarded
            }

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
                awaits++;
                guarded = IsAwaitGuarded(awaitOperation, method, depth, visited, ref cut, cancellationToken);
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }

        guarded &= awaits > 0;
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

        var callee = Normalize(invocation.TargetMethod);
        if (!callee.IsAsync || !IsOwn(callee, method.ContainingType))
        {
            return false;
        }

        var guarded = Compute(callee, awaitOperation.SemanticModel, depth + 1, visited, out var calleeCut, cancellationToken);
        cut |= calleeCut;
        return guarded;
    }

    private SemanticModel? GetModel(SyntaxTree tree, SemanticModel? callerModel)
    {
        if (callerModel is not null && callerModel.SyntaxTree == tree)
        {
            return callerModel;
        }

        if (!_compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // The helper may be declared in another file. The analyzer driver's compilations cache semantic models, so this
        // returns the model the driver already holds; it runs once per summarised method (memoised per compilation).
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer: see above.
        return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}
