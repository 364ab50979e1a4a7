using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The path-sensitive half of MM0005 over one async function's control-flow graph: finds the checks of tracked state
/// (grouped by the condition they belong to), takes the region only the "not initialized yet" outcome reaches, and
/// searches it for an await followed by a write of a checked member. A write of a checked member before any await
/// "claims" the state and ends that path (the claim-first pattern is single-flight).
/// </summary>
internal sealed class LazyInitFlowAnalysis
{
    private readonly ControlFlowGraph _graph;
    private readonly LazyInitTypes _types;
    private readonly LazyInitWriteSummaries _summaries;
    private readonly INamedTypeSymbol? _ownType;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private Dictionary<CaptureId, IOperation>? _captures;
    private HashSet<ISymbol>? _memoizedTasks;

    /// <summary>Every member some check of this function tests: set before the first await, any of them claims the work.</summary>
    private List<ISymbol>? _checkedMembers;

    private LazyInitFlowAnalysis(
        ControlFlowGraph graph,
        LazyInitTypes types,
        LazyInitWriteSummaries summaries,
        INamedTypeSymbol? ownType,
        CancellationToken cancellationToken)
    {
        _graph = graph;
        _types = types;
        _summaries = summaries;
        _ownType = ownType;
        _model = graph.OriginalOperation.SemanticModel!;
        _cancellationToken = cancellationToken;
    }

    private enum Outcome
    {
        Continue,
        Claimed,
        Found,
    }

    /// <summary>Runs the analysis on one async function's graph; <paramref name="report"/> receives each racy condition and its member.</summary>
    public static void Run(
        ControlFlowGraph graph,
        LazyInitTypes types,
        LazyInitWriteSummaries summaries,
        INamedTypeSymbol? ownType,
        Action<SyntaxNode, ISymbol> report,
        CancellationToken cancellationToken)
    {
        if (graph.OriginalOperation.SemanticModel is null)
        {
            return;
        }

        new LazyInitFlowAnalysis(graph, types, summaries, ownType, cancellationToken).Analyze(report);
    }

    /// <summary>The condition a branch belongs to: up through `!`, parentheses, `&amp;&amp;` and `||`.</summary>
    public static SyntaxNode GetConditionRoot(SyntaxNode syntax)
    {
        var node = syntax;
        while (node.Parent is ParenthesizedExpressionSyntax
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression }
            or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression })
        {
            node = node.Parent;
        }

        return node;
    }

    private void Analyze(Action<SyntaxNode, ISymbol> report)
    {
        var blocks = _graph.Blocks;
        List<SyntaxNode>? roots = null;
        for (var i = 0; i < blocks.Length; i++)
        {
            var block = blocks[i];
            if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null || !LazyInitMembers.MayBeCheckInGraph(block.BranchValue))
            {
                continue;
            }

            EnsureCaptures();
            if (LazyInitMembers.TryGetCheck(block.BranchValue, _captures, out var checkedMember, out _))
            {
                _checkedMembers ??= new List<ISymbol>();
                if (checkedMember is not null && !_checkedMembers.Contains(checkedMember))
                {
                    _checkedMembers.Add(checkedMember);
                }

                var root = GetConditionRoot(block.BranchValue.Syntax);
                roots ??= new List<SyntaxNode>();
                if (!roots.Contains(root))
                {
                    roots.Add(root);
                }
            }
        }

        if (roots is null)
        {
            return;
        }

        foreach (var root in roots)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            AnalyzeCondition(root, report);
        }
    }

    private void AnalyzeCondition(SyntaxNode root, Action<SyntaxNode, ISymbol> report)
    {
        var blocks = _graph.Blocks;
        var count = blocks.Length;
        var inCondition = new bool[count];
        var tested = new ISymbol[4];
        var testedCount = 0;
        var needed = new List<int>();
        var notNeeded = new List<int>();

        // The blocks of the condition and which of their exits mean "not initialized yet".
        for (var i = 0; i < count; i++)
        {
            if (blocks[i].ConditionKind != ControlFlowConditionKind.None && blocks[i].BranchValue is { } value
                && value.Syntax.SyntaxTree == root.SyntaxTree && root.Span.Contains(value.Syntax.Span))
            {
                inCondition[i] = true;
            }
        }

        // A bare flag's sense is a guess (`_loaded` true means done); next to a check whose sense is certain
        // (`_cache == null || _stale`), its exits join the side whose target they share, like any other operand's.
        var hasCertainCheck = false;
        for (var i = 0; i < count && !hasCertainCheck; i++)
        {
            hasCertainCheck = inCondition[i] && !LazyInitMembers.IsBareFlag(blocks[i].BranchValue)
                && LazyInitMembers.TryGetCheck(blocks[i].BranchValue, _captures, out _, out _);
        }

        var undecided = new List<ControlFlowBranch>();
        bool[]? neededEdgeConditional = null;
        bool[]? neededEdgeFallThrough = null;
        for (var i = 0; i < count; i++)
        {
            if (!inCondition[i])
            {
                continue;
            }

            var block = blocks[i];
            var conditional = block.ConditionalSuccessor;
            var fallThrough = block.FallThroughSuccessor;
            if (LazyInitMembers.TryGetCheck(block.BranchValue, _captures, out var member, out var needsWhenTrue))
            {
                if (Array.IndexOf(tested, member, 0, testedCount) < 0)
                {
                    if (testedCount == tested.Length)
                    {
                        Array.Resize(ref tested, testedCount * 2);
                    }

                    tested[testedCount++] = member!;
                }

                if (hasCertainCheck && LazyInitMembers.IsBareFlag(block.BranchValue))
                {
                    AddUndecided(undecided, conditional, fallThrough);
                    continue;
                }

                var conditionalIsNeeded = needsWhenTrue == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
                if ((conditionalIsNeeded ? conditional : fallThrough)?.Destination is { } next && inCondition[next.Ordinal])
                {
                    // `_x == null && _enabled`: the next operand is only evaluated when the work is still needed.
                    ref var edges = ref conditionalIsNeeded ? ref neededEdgeConditional : ref neededEdgeFallThrough;
                    (edges ??= new bool[count])[i] = true;
                }

                AddExit(conditionalIsNeeded ? conditional : fallThrough, inCondition, needed);
                AddExit(conditionalIsNeeded ? fallThrough : conditional, inCondition, notNeeded);
            }
            else
            {
                AddUndecided(undecided, conditional, fallThrough);
            }
        }

        // Exits of other operands of the condition (`_cache == null || force`) join the side whose target they share; an
        // exit whose target neither side has is "still needed" when its operand is only evaluated on the "needs work" side
        // of a check (`_x == null && _enabled`), and "done" otherwise.
        var neededOnly = neededEdgeConditional is null && neededEdgeFallThrough is null
            ? null
            : EnteredOnlyWhenNeeded(inCondition, neededEdgeConditional, neededEdgeFallThrough);
        foreach (var branch in undecided)
        {
            if (branch.Destination is { } destination && !inCondition[destination.Ordinal])
            {
                var side = needed.Contains(destination.Ordinal) ? needed
                    : notNeeded.Contains(destination.Ordinal) || neededOnly is null || !neededOnly[branch.Source.Ordinal] ? notNeeded
                    : needed;
                side.Add(destination.Ordinal);
            }
        }

        if (needed.Count == 0 || AllThrow(notNeeded, tested, testedCount))
        {
            return; // nothing still to do, or a run-once guard (`if (_result != null) throw …;`): no cached value is used
        }

        if (ReadsOwnWrite(inCondition, tested, testedCount))
        {
            return; // every tested member was already written by this call: the check reads its own state
        }

        if (HoldsAClaim(inCondition, tested, testedCount))
        {
            return; // re-checked under a claim this call took (MudBlazor's PopoverService): a second caller left at the claim's check
        }

        var reachNeeded = Reach(needed, inCondition);
        var reachOther = Reach(notNeeded, inCondition);
        var region = new bool[count];
        for (var i = 0; i < count; i++)
        {
            region[i] = reachNeeded[i] && !reachOther[i];
        }

        if (Search(needed, region, tested, testedCount) is { } found && !IsGuarded(root, tested, testedCount))
        {
            report(root, found);
        }
    }

    /// <summary>
    /// Whether every exit of the "already initialized" outcome throws straight away, returns an error result (below), or
    /// reports an error and returns without reading the checked state (`Console.Error.WriteLine("… mutually exclusive");
    /// return 1;`, seqcli's option-conflict checks, found by a triage): the check then rejects a second call
    /// (`EvaluateAsync` may run once) or a conflicting input instead of serving a cached value, which is no lazy
    /// initialization.
    /// </summary>
    private bool AllThrow(List<int> exits, ISymbol[] tested, int testedCount)
    {
        if (exits.Count == 0)
        {
            return false;
        }

        var blocks = _graph.Blocks;
        foreach (var exit in exits)
        {
            var block = blocks[exit];
            var errorReported = false;
            var usesState = false;
            for (var steps = 0; ; steps++)
            {
                if (block.ConditionKind != ControlFlowConditionKind.None || block.FallThroughSuccessor is not { } next || steps > 8)
                {
                    return false;
                }

                foreach (var operation in block.Operations)
                {
                    errorReported |= RejectionResults.IsErrorReport(operation);
                    usesState |= ReadsTested(operation, tested, testedCount);
                }

                var rejects = errorReported && !usesState; // reported an error and used nothing of the state on the way out
                if (next.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow
                    || (next.Semantics == ControlFlowBranchSemantics.Return
                        && (block.BranchValue is { } returned
                            ? RejectionResults.IsRejection(returned) || (rejects && !ReadsTested(returned, tested, testedCount))
                            : rejects))
                    || (rejects && block.BranchValue is null && next.Destination is { Kind: BasicBlockKind.Exit })) // `LogError(…); return;`
                {
                    break;
                }

                if (next.Semantics != ControlFlowBranchSemantics.Regular || next.Destination is not { } destination
                    || next.FinallyRegions.Length > 0 || destination.Ordinal <= block.Ordinal)
                {
                    return false;
                }

                block = destination;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> reads one of the tested members (a returned value that serves the state).</summary>
    private bool ReadsTested(IOperation value, ISymbol[] tested, int testedCount)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IMemberReferenceOperation && LazyInitMembers.GetTrackedMember(operation, _captures) is { } member
                && Array.IndexOf(tested, member, 0, testedCount) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The blocks of the condition that are only entered on a check's "needs work" exit, directly or through other such
    /// blocks (the graph lists a condition's blocks in evaluation order, so one forward pass settles them).
    /// </summary>
    private bool[] EnteredOnlyWhenNeeded(bool[] inCondition, bool[]? neededEdgeConditional, bool[]? neededEdgeFallThrough)
    {
        var blocks = _graph.Blocks;
        var result = new bool[blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            if (!inCondition[i] || blocks[i].Predecessors.IsEmpty)
            {
                continue;
            }

            var only = true;
            foreach (var predecessor in blocks[i].Predecessors)
            {
                var source = predecessor.Source.Ordinal;
                var edges = predecessor.IsConditionalSuccessor ? neededEdgeConditional : neededEdgeFallThrough;
                if (!inCondition[source] || source >= i || !((edges is not null && edges[source]) || result[source]))
                {
                    only = false;
                    break;
                }
            }

            result[i] = only;
        }

        return result;
    }

    private static void AddExit(ControlFlowBranch? branch, bool[] inCondition, List<int> exits)
    {
        if (branch?.Destination is { } destination && !inCondition[destination.Ordinal])
        {
            exits.Add(destination.Ordinal);
        }

        if (branch is not null)
        {
            foreach (var region in branch.FinallyRegions)
            {
                exits.Add(region.FirstBlockOrdinal);
            }
        }
    }

    private bool[] Reach(List<int> starts, bool[] stop)
    {
        var blocks = _graph.Blocks;
        var seen = new bool[blocks.Length];
        var work = new Stack<int>();
        foreach (var start in starts)
        {
            if (!seen[start])
            {
                seen[start] = true;
                work.Push(start);
            }
        }

        while (work.Count > 0)
        {
            var block = blocks[work.Pop()];
            Follow(block.FallThroughSuccessor, seen, stop, work);
            Follow(block.ConditionalSuccessor, seen, stop, work);
        }

        return seen;
    }

    private static void Follow(ControlFlowBranch? branch, bool[] seen, bool[] stop, Stack<int> work)
    {
        if (branch is null)
        {
            return;
        }

        if (branch.Destination is { } destination && !seen[destination.Ordinal] && !stop[destination.Ordinal])
        {
            seen[destination.Ordinal] = true;
            work.Push(destination.Ordinal);
        }

        foreach (var region in branch.FinallyRegions)
        {
            if (!seen[region.FirstBlockOrdinal])
            {
                seen[region.FirstBlockOrdinal] = true;
                work.Push(region.FirstBlockOrdinal);
            }
        }
    }

    /// <summary>Searches the region for an await followed by a write of a tested member; returns that member.</summary>
    private ISymbol? Search(List<int> starts, bool[] region, ISymbol[] tested, int testedCount)
    {
        var blocks = _graph.Blocks;

        // visited[2 * ordinal + (awaitSeen ? 1 : 0)]
        var visited = new bool[blocks.Length * 2];
        var work = new Stack<(int Ordinal, bool AwaitSeen)>();
        foreach (var start in starts)
        {
            if (region[start] && !visited[2 * start])
            {
                visited[2 * start] = true;
                work.Push((start, false));
            }
        }

        while (work.Count > 0)
        {
            var (ordinal, awaitSeen) = work.Pop();
            var block = blocks[ordinal];
            var outcome = Outcome.Continue;
            ISymbol? written = null;
            foreach (var operation in block.Operations)
            {
                outcome = Scan(operation, ref awaitSeen, tested, testedCount, ref written);
                if (outcome != Outcome.Continue)
                {
                    break;
                }
            }

            if (outcome == Outcome.Continue && block.BranchValue is { } branchValue)
            {
                outcome = Scan(branchValue, ref awaitSeen, tested, testedCount, ref written);
            }

            if (outcome == Outcome.Found)
            {
                return written;
            }

            if (outcome == Outcome.Claimed || RechecksTestedMember(block, tested, testedCount))
            {
                continue; // claimed before any await, or checked again: a later write answers to the re-check (double-checked locking)
            }

            Push(block.FallThroughSuccessor, awaitSeen, region, visited, work);
            Push(block.ConditionalSuccessor, awaitSeen, region, visited, work);
        }

        return null;
    }

    /// <summary>
    /// A block that tests a tested member again: a condition, or the null test of <c>_x ??= await …</c> under the lock
    /// (MassTransit's <c>MongoDbScopedBusContext</c>). A <c>??=</c> is not a first check here: its own operation action
    /// judges it.
    /// </summary>
    /// <remarks>
    /// Any operand of a condition that tests the member counts, so a path past an earlier operand
    /// (<c>if (!forceReload &amp;&amp; _all != null …)</c> under the semaphore, Nethereum) answers to the re-check too; the
    /// re-check is judged as a first check of its own.
    /// </remarks>
    private bool RechecksTestedMember(BasicBlock block, ISymbol[] tested, int testedCount)
        => block.ConditionKind != ControlFlowConditionKind.None
            && block.BranchValue is { } value
            && ((LazyInitMembers.MayBeCheckInGraph(value)
                    && (LazyInitMembers.TryGetCheck(value, _captures, out var member, out _)
                        || LazyInitMembers.TryGetCoalesceAssignmentCheck(value, _captures, out member))
                    && Array.IndexOf(tested, member, 0, testedCount) >= 0)
                || ConditionNamesTested(value.Syntax, tested, testedCount));

    /// <summary>The condition a branch belongs to names a tested member (<c>_all</c>, <c>this._all</c>) in one of its operands.</summary>
    private static bool ConditionNamesTested(SyntaxNode branch, ISymbol[] tested, int testedCount)
    {
        var root = GetConditionRoot(branch);
        if (root is not (BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } or PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax))
        {
            return false; // a single test: decided by the operation above
        }

        foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            for (var i = 0; i < testedCount; i++)
            {
                if (name.Identifier.ValueText == tested[i].Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddUndecided(List<ControlFlowBranch> undecided, ControlFlowBranch? conditional, ControlFlowBranch? fallThrough)
    {
        if (conditional is not null)
        {
            undecided.Add(conditional);
        }

        if (fallThrough is not null)
        {
            undecided.Add(fallThrough);
        }
    }

    private static void Push(ControlFlowBranch? branch, bool awaitSeen, bool[] region, bool[] visited, Stack<(int, bool)> work)
    {
        if (branch is null)
        {
            return;
        }

        var state = awaitSeen ? 1 : 0;
        if (branch.Destination is { } destination && region[destination.Ordinal] && !visited[(2 * destination.Ordinal) + state])
        {
            visited[(2 * destination.Ordinal) + state] = true;
            work.Push((destination.Ordinal, awaitSeen));
        }

        foreach (var finallyRegion in branch.FinallyRegions)
        {
            var first = finallyRegion.FirstBlockOrdinal;
            if (region[first] && !visited[(2 * first) + state])
            {
                visited[(2 * first) + state] = true;
                work.Push((first, awaitSeen));
            }
        }
    }

    /// <summary>Walks one operation in evaluation order: an assignment's value before its write, an await's operand before the await.</summary>
    private Outcome Scan(IOperation operation, ref bool awaitSeen, ISymbol[] tested, int testedCount, ref ISymbol? written)
    {
        switch (operation)
        {
            case IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                return Outcome.Continue; // runs when called, not here

            case IAwaitOperation awaitOperation:
            {
                var outcome = Scan(awaitOperation.Operation, ref awaitSeen, tested, testedCount, ref written);
                if (outcome != Outcome.Continue || _types.IsSingleFlightAwait(awaitOperation.Operation) || IsMemoizedTaskAwait(awaitOperation.Operation)
                    || IsSignalAwait(awaitOperation.Operation))
                {
                    return outcome;
                }

                if (_summaries.IsSingleFlightHelperCall(awaitOperation.Operation, _ownType, _types, _model, _cancellationToken))
                {
                    // `await TryLoadManifestAsync()`, double-checked under its own lock: the work runs once, also when it
                    // writes the very member the caller checked first (`if (!_loaded) await LoadCoreAsync();`, a fast path
                    // in front of a helper that checks again under its semaphore: a real repository's MQTT service).
                    return outcome;
                }

                // `await LoadCoreAsync().ConfigureAwait(false)` too: the configured await is the call's (a fix-shapes test found
                // the configured form missed, as library code writes it everywhere).
                if (_summaries.GetForCall(LazyInitTypes.Unconfigured(awaitOperation.Operation), _ownType, _model, tested, testedCount, _cancellationToken) is { } summary
                    && FirstTested(summary.WritesAfterAwait, tested, testedCount) is { } member)
                {
                    written = member;
                    return Outcome.Found; // `await LoadCoreAsync()` writes the state after its own await
                }

                awaitSeen = true;
                return Outcome.Continue;
            }

            case IAssignmentOperation assignment:
            {
                var outcome = Scan(assignment.Value, ref awaitSeen, tested, testedCount, ref written);
                if (outcome == Outcome.Continue && assignment is ISimpleAssignmentOperation && NullStateAnalysis.IsNullConstant(assignment.Value))
                {
                    return Outcome.Continue; // `_transactionId = null;` resets the state for a later check, it initializes nothing
                }

                return outcome != Outcome.Continue ? outcome : Write(assignment.Target, awaitSeen, tested, testedCount, ref written);
            }

            case IIncrementOrDecrementOperation increment:
                return Write(increment.Target, awaitSeen, tested, testedCount, ref written);

            case IInvocationOperation invocation:
            {
                foreach (var child in invocation.ChildOperations)
                {
                    var outcome = Scan(child, ref awaitSeen, tested, testedCount, ref written);
                    if (outcome != Outcome.Continue)
                    {
                        return outcome;
                    }
                }

                if (_summaries.GetForCall(invocation, _ownType, _model, tested, testedCount, _cancellationToken) is { } summary
                    && FirstTested(summary.WritesBeforeAwait, tested, testedCount) is { } member)
                {
                    written = member;
                    return awaitSeen ? Outcome.Found : Outcome.Claimed;
                }

                return Outcome.Continue;
            }
        }

        foreach (var child in operation.ChildOperations)
        {
            var outcome = Scan(child, ref awaitSeen, tested, testedCount, ref written);
            if (outcome != Outcome.Continue)
            {
                return outcome;
            }
        }

        return Outcome.Continue;
    }

    /// <summary>
    /// `await _pending` where the function stores the task with `_pending ??= Start()` or `_pending = _pending ?? Start()`:
    /// every caller awaits the one task, so the work runs once and the writes after the await only record that it
    /// finished (orleans' transaction <c>ConfirmationWorker.Confirmed</c>).
    /// </summary>
    private bool IsMemoizedTaskAwait(IOperation awaited)
    {
        var peeled = SideEffectGuards.PeelAwaited(awaited);
        if (peeled is ILocalReferenceOperation { Local: var local })
        {
            return HoldsOnlyAMemoizedTask(local);
        }

        if (MemoizedTasks.IsMemoAwait(awaited, _ownType, _model, _cancellationToken))
        {
            return true;
        }

        if (peeled is not IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } reference || !MemoizedTasks.IsOwn(reference.Instance))
        {
            return false;
        }

        _memoizedTasks ??= MemoizedTasks.MembersMemoizedIn(_graph.OriginalOperation);
        return _memoizedTasks.Contains(reference.Member.OriginalDefinition);
    }

    /// <summary>
    /// A local every write of which (at least one) is the memoized task — <c>load = _load ??= Start();</c>, or <c>load =
    /// _load;</c> of a member so memoized — taken under a lock and awaited outside it (a fix-shapes round: the lock may not
    /// hold an await, so the memo is read into a local first): every caller awaits the one task.
    /// </summary>
    private bool HoldsOnlyAMemoizedTask(ILocalSymbol local)
    {
        _memoizedTasks ??= MemoizedTasks.MembersMemoizedIn(_graph.OriginalOperation);
        if (_memoizedTasks.Count == 0)
        {
            return false;
        }

        var written = false;
        foreach (var operation in _graph.OriginalOperation.Descendants())
        {
            IOperation? value;
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    value = assignment.Value;
                    break;
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is null)
                    {
                        continue;
                    }

                    value = declarator.Initializer.Value;
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: ILocalReferenceOperation byRef } when SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation compound } when SymbolEqualityComparer.Default.Equals(compound.Local, local):
                case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation coalesced } when SymbolEqualityComparer.Default.Equals(coalesced.Local, local):
                    return false;
                default:
                    continue;
            }

            var memo = Shapes.WithoutConversions(value) switch
            {
                ICoalesceAssignmentOperation { Target: IMemberReferenceOperation target } => target.Member,
                IMemberReferenceOperation member => member.Member,
                _ => null,
            };
            if (memo is null || !_memoizedTasks.Contains(memo.OriginalDefinition))
            {
                return false;
            }

            written = true;
        }

        return written;
    }

    /// <summary>
    /// `await _ready.Task` on a <c>TaskCompletionSource</c> held by a field or property, or the await of a call of a source
    /// method that only hands such a task out (<c>public Task WaitAsync() =&gt; _tcs.Task;</c>, KurrentDB's readiness signal
    /// behind <c>if (!_isReady) { await ready.WaitAsync(); _isReady = true; }</c>): every caller awaits the one signal,
    /// nothing is started, and the flag written after it only records that it came.
    /// </summary>
    private bool IsSignalAwait(IOperation awaited)
    {
        var peeled = SideEffectGuards.PeelAwaited(awaited);
        if (IsCompletionSourceTask(peeled))
        {
            return true;
        }

        if (peeled is not IInvocationOperation { Arguments.Length: 0, TargetMethod: { IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false } method }
            || method.ContainingType?.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || Shapes.SingleMethodDeclaration(method, _cancellationToken) is not { } declaration)
        {
            return false;
        }

        var returned = declaration.ExpressionBody?.Expression
            ?? (declaration.Body is { Statements: [ReturnStatementSyntax { Expression: { } value }] } ? value : null);
        return returned is not null
            && SemanticModels.For(_model.Compilation, returned.SyntaxTree, _model) is { } model
            && IsCompletionSourceTask(model.GetOperation(returned, _cancellationToken));
    }

    private static bool IsCompletionSourceTask(IOperation? operation)
        => Shapes.WithoutConversions(operation) is IPropertyReferenceOperation
            {
                Property: { Name: "Task", ContainingType: { Name: "TaskCompletionSource", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } },
                Instance: IFieldReferenceOperation or IPropertyReferenceOperation,
            };

    private Outcome Write(IOperation target, bool awaitSeen, ISymbol[] tested, int testedCount, ref ISymbol? written)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                var outcome = Write(element, awaitSeen, tested, testedCount, ref written);
                if (outcome != Outcome.Continue)
                {
                    return outcome;
                }
            }

            return Outcome.Continue;
        }

        var member = LazyInitMembers.GetTrackedMember(target, _captures);
        if (member is null)
        {
            return Outcome.Continue;
        }

        if (Array.IndexOf(tested, member, 0, testedCount) < 0)
        {
            // A flag another check of this function tests (`if (_loading) return null;`), set before any await: the
            // claim-first pattern with the claim tested in its own condition.
            return !awaitSeen && _checkedMembers is not null && _checkedMembers.Contains(member) ? Outcome.Claimed : Outcome.Continue;
        }

        written = member;
        return awaitSeen ? Outcome.Found : Outcome.Claimed;
    }

    /// <summary>
    /// Whether, on every path into the condition, this function has already written each tested member: the check then
    /// reads the value this call produced — a loop re-testing what it just read (npgsql's <c>NextResultSchemaOnly</c>,
    /// grandnode's <c>while (_bucketExist == false)</c>) — and cannot be the "initialized yet?" test a caller arriving
    /// second would pass. A must-analysis over the graph; the blocks no branch enters (the entry, handlers) start with
    /// nothing written. Awaits in between do not matter: what another caller may write meanwhile is no lazy initialization.
    /// </summary>
    /// <summary>
    /// Whether, on every path into the condition, this call has set a claim flag — a <c>bool</c> member another check of
    /// this function tests (<c>if (_isInitializing) return;</c>) — to <c>true</c>: the check is the re-check of
    /// double-checked initialization under that claim (MudBlazor's <c>PopoverService</c>: <c>if (IsInitialized) return; if
    /// (_isInitializing) return; _isInitializing = true; if (IsInitialized) return; await …; IsInitialized = true;</c>).
    /// </summary>
    private bool HoldsAClaim(bool[] inCondition, ISymbol[] tested, int testedCount)
    {
        if (_checkedMembers is null)
        {
            return false;
        }

        foreach (var claim in _checkedMembers)
        {
            if (Array.IndexOf(tested, claim, 0, testedCount) < 0
                && claim is IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean } or IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean }
                && ReadsOwnWrite(inCondition, new[] { claim }, 1, claimsOnly: true))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReadsOwnWrite(bool[] inCondition, ISymbol[] tested, int testedCount, bool claimsOnly = false)
    {
        if (testedCount > 64)
        {
            return false;
        }

        var all = testedCount == 64 ? ulong.MaxValue : (1UL << testedCount) - 1;
        var blocks = _graph.Blocks;
        var count = blocks.Length;

        // Nothing un-writes a member here, so a block's effect is the tested members it writes (its operations, then its
        // branch value); the fixed point only intersects those over the paths.
        var writes = new ulong[count];
        var outStates = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            writes[i] = Writes(blocks[i], tested, testedCount, claimsOnly);
            outStates[i] = all; // top of the must-lattice: narrowed by every path that reaches the block
        }

        var changed = true;
        for (var round = 0; changed && round < count + 2; round++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            for (var i = 0; i < count; i++)
            {
                var state = InState(blocks[i], outStates, all) | writes[i];
                if (state != outStates[i])
                {
                    outStates[i] = state;
                    changed = true;
                }
            }
        }

        if (changed)
        {
            return false; // did not settle: judge the check as usual
        }

        var entered = false;
        for (var i = 0; i < count; i++)
        {
            if (!inCondition[i] || !EnteredFromOutside(blocks[i], inCondition))
            {
                continue;
            }

            entered = true;
            var state = InState(blocks[i], outStates, all);
            foreach (var operation in blocks[i].Operations)
            {
                state |= Writes(operation, tested, testedCount, 0, claimsOnly);
            }

            if (state != all)
            {
                return false;
            }
        }

        return entered;
    }

    private static bool EnteredFromOutside(BasicBlock block, bool[] inCondition)
    {
        if (block.Predecessors.IsEmpty)
        {
            return true;
        }

        foreach (var predecessor in block.Predecessors)
        {
            if (!inCondition[predecessor.Source.Ordinal])
            {
                return true;
            }
        }

        return false;
    }

    private static ulong InState(BasicBlock block, ulong[] outStates, ulong all)
    {
        if (block.Predecessors.IsEmpty)
        {
            return 0; // the entry, or a handler's first block: nothing known written
        }

        var state = all;
        foreach (var predecessor in block.Predecessors)
        {
            state &= outStates[predecessor.Source.Ordinal];
        }

        return state;
    }

    private ulong Writes(BasicBlock block, ISymbol[] tested, int testedCount, bool claimsOnly)
    {
        var mask = 0UL;
        foreach (var operation in block.Operations)
        {
            mask |= Writes(operation, tested, testedCount, 0, claimsOnly);
        }

        return block.BranchValue is { } branch ? mask | Writes(branch, tested, testedCount, 0, claimsOnly) : mask;
    }

    /// <summary>The tested members <paramref name="operation"/> assigns (with <paramref name="claimsOnly"/>, sets to <c>true</c>), outside nested functions.</summary>
    private ulong Writes(IOperation operation, ISymbol[] tested, int testedCount, int depth, bool claimsOnly = false)
    {
        if (depth > 64 || operation is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            return 0;
        }

        var mask = 0UL;
        if (operation is ISimpleAssignmentOperation assignment
            && LazyInitMembers.GetTrackedMember(assignment.Target, _captures) is { } member
            && Array.IndexOf(tested, member, 0, testedCount) is var index and >= 0)
        {
            if (!claimsOnly || assignment.Value.ConstantValue is { HasValue: true, Value: true })
            {
                mask = 1UL << index;
            }
        }
        else if (!claimsOnly // a claim is taken by an assignment of `true` in this function, not by an own method's summary
            && operation is IInvocationOperation
            && _summaries.GetForCall(operation, _ownType, _model, tested, testedCount, _cancellationToken) is { AlwaysWrites.IsEmpty: false } summary)
        {
            // `ProcessListResponse(await ListAsync()); if (Inbox == null) …`: a synchronous own method that assigns the
            // member on every path has written it here (MailKit's ImapEngine.QuerySpecialFoldersAsync).
            foreach (var written in summary.AlwaysWrites)
            {
                if (Array.IndexOf(tested, written, 0, testedCount) is var writtenIndex and >= 0)
                {
                    mask |= 1UL << writtenIndex;
                }
            }
        }

        foreach (var child in operation.ChildOperations)
        {
            mask |= Writes(child, tested, testedCount, depth + 1, claimsOnly);
        }

        return mask;
    }

    private static ISymbol? FirstTested(System.Collections.Immutable.ImmutableArray<ISymbol> members, ISymbol[] tested, int testedCount)
    {
        foreach (var member in members)
        {
            if (Array.IndexOf(tested, member, 0, testedCount) >= 0)
            {
                return member;
            }
        }

        return null;
    }

    private bool IsGuarded(SyntaxNode root, ISymbol[] tested, int testedCount)
        => LazyInitGuards.IsGuarded(root, _graph.OriginalOperation.Syntax, tested, testedCount, _types, _model, _cancellationToken);

    private void EnsureCaptures()
    {
        if (_captures is not null)
        {
            return;
        }

        _captures = new Dictionary<CaptureId, IOperation>();
        foreach (var block in _graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (operation is IFlowCaptureOperation capture && !_captures.ContainsKey(capture.Id))
                {
                    _captures.Add(capture.Id, capture.Value);
                }
            }
        }
    }
}
