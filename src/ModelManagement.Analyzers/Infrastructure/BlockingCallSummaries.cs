using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Per-compilation, memoised answers to "does calling this own member of a type block on a task?", following calls
/// into further own members of the same type to any depth (bounded), with cycles cut by a visited set.
/// </summary>
/// <remarks>
/// A member's summary is computed once from its bound operations and cached. A negative answer that depended on a cut
/// (a member already visited in the same walk, as in a cycle, or the depth bound) is not cached, because it is only
/// exact for the member at the root of that walk; positive answers and uncut negative answers always are.
/// </remarks>
internal sealed class BlockingCallSummaries
{
    /// <summary>Calls deeper than this below the call site are not followed.</summary>
    public const int MaxDepth = 64;

    private const string PathSeparator = " -> ";

    private readonly Compilation _compilation;
    private readonly BlockingWaitTypes _types;
    private readonly WordTextIndex? _waits;
    private readonly ConcurrentDictionary<IMethodSymbol, BlockingSummary> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?> _callableNames = new(SymbolEqualityComparer.Default);

    /// <param name="compilation">The compilation whose members are summarised.</param>
    /// <param name="types">The task and awaiter types a blocking form waits on.</param>
    /// <param name="waits">
    /// When given, the index of the blocking forms' member names (<see cref="BlockingWaitForms.Words"/>): a member whose
    /// declaration spells none of them and names no method or property of its type can neither block nor call what
    /// does, so it is summarised as not blocking without its body being bound.
    /// </param>
    public BlockingCallSummaries(Compilation compilation, BlockingWaitTypes types, WordTextIndex? waits = null)
    {
        _compilation = compilation;
        _types = types;
        _waits = waits;
    }

    /// <summary>
    /// The callee of <paramref name="operation"/> when it is a call whose body the analysis can know: a local function,
    /// or a non-virtual (or sealed) method, property or indexer accessor declared by <paramref name="ownType"/>.
    /// </summary>
    public static IMethodSymbol? GetOwnCallee(IOperation operation, INamedTypeSymbol ownType, out string calleeKind, out ISymbol? calleeSymbol)
    {
        calleeKind = string.Empty;
        calleeSymbol = null;
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } localFunction }:
                calleeKind = MM0001Properties.CalleeLocalFunction;
                calleeSymbol = localFunction;
                return localFunction;

            case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } method }
                when IsOwnWithKnownDispatch(method, ownType):
                calleeKind = method.IsStatic ? MM0001Properties.CalleeStaticMethod : MM0001Properties.CalleeMethod;
                calleeSymbol = method;
                return method;

            case IPropertyReferenceOperation { Property: { } property } reference
                when IsOwnWithKnownDispatch(property, ownType):
                var accessor = IsAssignmentTarget(reference) ? property.SetMethod : property.GetMethod;
                if (accessor is null)
                {
                    return null;
                }

                calleeKind = MM0001Properties.CalleeProperty;
                calleeSymbol = property;
                return accessor;

            default:
                return null;
        }
    }

    /// <summary>True when <paramref name="operation"/> sits in code that does not run where it is written: a lambda, an anonymous method, a local function body or nameof.</summary>
    public static bool IsInDeferredOrUnevaluatedCode(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The memoised summary of <paramref name="method"/>; <paramref name="callerModel"/> serves callees declared in the caller's tree.</summary>
    public BlockingSummary Get(IMethodSymbol method, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        var key = Normalize(method);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // One visited set per walk: every member reachable from the root is summarised at most once, and the root's
        // answer is exact (a depth-first search finds every reachable blocking member and reports it up the search tree).
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var summary = Compute(key, callerModel, depth: 0, visited, out _, cancellationToken);
        _cache.TryAdd(key, summary);
        return summary;
    }

    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    private static bool IsOwnWithKnownDispatch(ISymbol member, INamedTypeSymbol ownType)
    {
        var containingType = member.ContainingType;
        if (containingType is null || !SymbolEqualityComparer.Default.Equals(containingType.OriginalDefinition, ownType.OriginalDefinition))
        {
            return false;
        }

        if (member.IsAbstract || member.IsExtern)
        {
            return false;
        }

        // A virtual or overridable member may be replaced by a derived type's: its body is not known.
        return !(member.IsVirtual || member.IsOverride) || member.IsSealed || containingType.IsSealed || containingType.IsValueType;
    }

    private static bool IsAssignmentTarget(IOperation reference)
        => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;

    private BlockingSummary Compute(
        IMethodSymbol method,
        SemanticModel? callerModel,
        int depth,
        HashSet<IMethodSymbol> visited,
        out bool cut,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_cache.TryGetValue(method, out var cached))
        {
            cut = false;
            return cached;
        }

        if (depth > MaxDepth || !visited.Add(method))
        {
            cut = true;
            return BlockingSummary.None;
        }

        cut = false;
        var summary = BlockingSummary.None;
        if ((!method.IsAsync || CompletedTaskMethods.RunsWholeAtTheCall(method, cancellationToken)) && MayBlockOrCallOwn(method, cancellationToken))
        {
            // Async members are not followed: past their first await they run after construction, and blocking in them
            // is an async-method problem (VSTHRD103), not a constructor one. One that awaits nothing is: all of it runs at
            // the call (a real test fixture's constructor waited on its `async Task EnsureContainerStarted()`, which blocked
            // on the container's start inside a lock; the wait itself blocks on a finished task).
            var body = Scan(method, callerModel, cancellationToken);
            if (body.IsIterator)
            {
                // Nothing of an iterator's body runs at the call.
            }
            else if (body.DirectForm is not null)
            {
                summary = new BlockingSummary(body.DirectForm, body.DirectMember, BlockingWaitForms.DisplayName(method));
            }
            else if (body.Callees is not null)
            {
                foreach (var (callee, model) in body.Callees)
                {
                    var calleeSummary = Compute(Normalize(callee), model, depth + 1, visited, out var calleeCut, cancellationToken);
                    cut |= calleeCut;
                    if (calleeSummary.Blocks)
                    {
                        summary = new BlockingSummary(
                            calleeSummary.Form,
                            calleeSummary.AwaitedMember,
                            BlockingWaitForms.DisplayName(method) + PathSeparator + calleeSummary.Path);
                        break;
                    }
                }
            }
        }

        if (summary.Blocks || !cut)
        {
            _cache.TryAdd(method, summary);
            cut = false;
        }

        return summary;
    }

    /// <summary>
    /// Walks the bound body of <paramref name="method"/> once, to the end (a yield anywhere makes it an iterator, whose body
    /// does not run when called): its first direct blocking form, or else the own members it calls, in source order.
    /// </summary>
    private BodyFacts Scan(IMethodSymbol method, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        var facts = default(BodyFacts);
        var ownType = method.ContainingType;
        if (ownType is null)
        {
            return facts;
        }

        var stack = new Stack<IOperation>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var model = GetModel(node.SyntaxTree, callerModel);
            if (model is null)
            {
                continue;
            }

            var root = model.GetOperation(node, cancellationToken);
            if (root is ILocalFunctionOperation localFunction)
            {
                // The walk skips local function declarations (they run only when called); the root one is the body we want.
                root = localFunction.Body;
            }

            if (root is null)
            {
                continue;
            }

            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation)
                {
                    continue;
                }

                if (operation is IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak })
                {
                    // An iterator's body runs on enumeration, not when it is called.
                    facts.IsIterator = true;
                    return facts;
                }

                var form = BlockingWaitForms.Classify(operation, _types);
                if (form is not null)
                {
                    if (facts.DirectForm is null)
                    {
                        facts.DirectForm = form;
                        facts.DirectMember = BlockingWaitForms.DescribeAwaited(operation, form);
                    }
                }
                else if (facts.DirectForm is null && GetOwnCallee(operation, ownType, out _, out _) is { } callee)
                {
                    (facts.Callees ??= new List<(IMethodSymbol, SemanticModel)>()).Add((callee, model));
                }

                // Children pushed in reverse so operations are visited in source order.
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push(child);
                }
            }
        }

        return facts;
    }

    /// <summary>
    /// Without an index: always. With one: whether a declaration of <paramref name="method"/> spells a blocking member's
    /// name, or names a method or property of its own type (a call the summary would follow). A local function is always
    /// scanned (its siblings are no members of the type).
    /// </summary>
    internal bool MayBlockOrCallOwn(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_waits is null || method.MethodKind == MethodKind.LocalFunction || method.ContainingType is not { } ownType)
        {
            return true;
        }

        var callable = _callableNames.GetOrAdd(ownType.OriginalDefinition, CallableNames);
        if (callable is null)
        {
            return true;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (_waits.Contains(reference.SyntaxTree, reference.Span, cancellationToken))
            {
                return true;
            }

            BodyIdentifiers.Collect(reference.GetSyntax(cancellationToken), names);
        }

        return names.Overlaps(callable);
    }

    /// <summary>
    /// The names of the type's own methods and properties (what <see cref="GetOwnCallee"/> can resolve a call to); null
    /// when it declares an indexer, which a call reaches without a name.
    /// </summary>
    private static HashSet<string>? CallableNames(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in type.MemberNames)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol { IsIndexer: true })
                {
                    return null; // `this[i]` names no member: every member may call it
                }

                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private SemanticModel? GetModel(SyntaxTree tree, SemanticModel? callerModel) => SemanticModels.For(_compilation, tree, callerModel);

    private struct BodyFacts
    {
        public string? DirectForm;
        public string? DirectMember;
        public bool IsIterator;
        public List<(IMethodSymbol Callee, SemanticModel Model)>? Callees;
    }
}
