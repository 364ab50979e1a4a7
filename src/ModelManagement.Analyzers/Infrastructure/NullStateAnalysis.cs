using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Forward dataflow over a <see cref="ControlFlowGraph"/> (MM0003): which optional values may be null at each point.
/// State is one bit per tracked value ("may be null"), unioned at merges, so a clear bit means "known non-null on every
/// path". Tracked values: optional members on <c>this</c> (or static), tracked parameters, locals copied from them, and
/// the graph's flow captures (the CFG lowers <c>?.</c>, <c>??</c>, <c>??=</c>, <c>&amp;&amp;</c>, <c>?:</c> into branches
/// over captures; a capture of a tracked value is its alias). Bits are cleared by null checks on conditional edges, by
/// assignment of a non-null value, and by calls whose attributes prove
/// non-null (<c>[NotNull]</c>, <c>[DoesNotReturnIf]</c>, <c>[MemberNotNull]</c>, <c>[MemberNotNullWhen]</c>,
/// <c>[NotNullWhen]</c>); calls and awaits never set them again, as in the compiler's nullable analysis.
/// Lambdas and local functions are analyzed as their own graphs with nothing known at entry.
/// </summary>
internal sealed class NullStateAnalysis
{
    /// <summary>Bounds every recursion over operations and patterns.</summary>
    private const int MaxOperationDepth = 200;

    /// <summary>Bounds how deeply lambdas and local functions nest before the analysis stops descending.</summary>
    private const int MaxNestedGraphDepth = 16;

    /// <summary>Bounds the discovery passes that find locals and captures copied from optional values.</summary>
    private const int MaxDiscoveryPasses = 4;

    /// <summary>Bounds how far a check on a capture is carried back through captures of captures.</summary>
    private const int MaxAliasChain = 8;

    private const int NoAlias = -1;
    private const int AmbiguousAlias = -2;

    private readonly ControlFlowGraph _graph;
    private readonly NullStateScope _scope;
    private readonly IMethodSymbol? _lambda;

    /// <summary>Stable members known non-null where this lambda or local function was created (or at every call of it).</summary>
    private readonly HashSet<ISymbol>? _knownAtEntry;

    /// <summary>What was known at the creation of each nested lambda and at the calls of each local function (reporting pass).</summary>
    private Dictionary<object, HashSet<ISymbol>>? _nestedEntries;
    private readonly Dictionary<ISymbol, int> _symbolSlots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, int> _captureSlots = new();
    private readonly List<Slot> _slots = new();
    private List<IFlowAnonymousFunctionOperation>? _lambdas;

    /// <summary>Parameters this body assigns (found during discovery): they do not keep their state inside nested functions.</summary>
    private HashSet<ISymbol>? _assignedParameters;
    private HashSet<SyntaxNode>? _reported;
    private bool _discovering;
    private bool _collectLambdas;
    private bool _discoveryChanged;
    private bool _reporting;
    private int _words;
    private ulong[] _state = System.Array.Empty<ulong>();
    private ulong[] _scratch = System.Array.Empty<ulong>();

    /// <summary>
    /// Per capture slot: the union of the states where the capture got a value that may be non-null. When a check
    /// proves the capture non-null, the state is narrowed to it: `_r?.Count > 0` being true means the `?.` took its
    /// non-null branch, so `_r` is non-null too.
    /// </summary>
    private ulong[] _captureStates = System.Array.Empty<ulong>();

    // The slots a carrier local may narrow (SettleCarriers); null when the body has no carrier.
    private ulong[]? _narrowable;
    private bool _captureStatesGrew;

    /// <summary>
    /// Captures a branch tests as a <c>bool</c> (index into <see cref="_conditionStates"/>). Roslyn computes a condition
    /// as a stored value before branching when it cannot short-circuit it into branches — `_r != null &amp;&amp; payload.Enabled`
    /// over <c>dynamic</c>, an operand of an unresolved type, user-defined operators — so what each operand proved would
    /// be lost at the branch.
    /// </summary>
    private Dictionary<CaptureId, int>? _conditionCaptures;

    /// <summary>Per condition capture: the union of the states where it got a value that may be true, then where it may be false.</summary>
    private ulong[] _conditionStates = System.Array.Empty<ulong>();
    private ulong[] _conditionScratch = System.Array.Empty<ulong>();

    // The state StateWhereCaptureHasAValue gives a capture of an assignment's result; allocated on first use.
    private ulong[] _assignedScratch = System.Array.Empty<ulong>();

    private NullStateAnalysis(ControlFlowGraph graph, NullStateScope scope, IMethodSymbol? lambda, HashSet<ISymbol>? knownAtEntry)
    {
        _graph = graph;
        _scope = scope;
        _lambda = lambda;
        _knownAtEntry = knownAtEntry;
    }

    private enum SlotKind
    {
        Member,
        Parameter,
        Local,
        Capture,
    }

    /// <summary>Analyzes <paramref name="graph"/> and the graphs of its lambdas and local functions, reporting through the scope.</summary>
    /// <remarks>
    /// A nested function starts with nothing known, except that a member stable after construction (readonly, get-only,
    /// or never assigned outside the constructors) keeps the state it had where the lambda was created, or at every
    /// call of the local function, as in the compiler's nullable analysis.
    /// </remarks>
    public static void Run(ControlFlowGraph graph, NullStateScope scope)
    {
        var pending = new Stack<(ControlFlowGraph Graph, IMethodSymbol? Lambda, HashSet<ISymbol>? Known, int Depth)>();
        pending.Push((graph, null, null, 0));
        while (pending.Count > 0)
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            var (current, lambda, known, depth) = pending.Pop();
            var analysis = new NullStateAnalysis(current, scope, lambda, known);
            analysis.Analyze();
            if (depth >= MaxNestedGraphDepth)
            {
                continue;
            }

            if (analysis._lambdas is not null)
            {
                foreach (var function in analysis._lambdas)
                {
                    pending.Push((current.GetAnonymousFunctionControlFlowGraph(function, scope.CancellationToken), function.Symbol, analysis.KnownAtEntryOf(function), depth + 1));
                }
            }

            foreach (var localFunction in current.LocalFunctions)
            {
                pending.Push((current.GetLocalFunctionControlFlowGraph(localFunction, scope.CancellationToken), localFunction, analysis.KnownAtEntryOf(localFunction), depth + 1));
            }
        }
    }

    /// <summary>
    /// Runs the analysis over a constructor body and returns the members of the scope that may be null at its exit
    /// (all of them when the graph does not settle). Nested functions are not visited: they run later, if ever.
    /// </summary>
    public static ImmutableArray<ISymbol> MaybeNullAtExit(ControlFlowGraph graph, NullStateScope scope)
    {
        var analysis = new NullStateAnalysis(graph, scope, lambda: null, knownAtEntry: null);
        var exit = analysis.Analyze();
        if (exit is null)
        {
            return scope.Members;
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        for (var i = 0; i < analysis._slots.Count; i++)
        {
            var slot = analysis._slots[i];
            if (slot.Kind == SlotKind.Member && slot.Symbol is { } symbol && NullStateBitSet.Get(exit, 0, i))
            {
                builder.Add(symbol.OriginalDefinition);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Runs the analysis over an own method's body with every member of the scope maybe-null at entry and returns the
    /// members the body mentions that are non-null at every normal exit (none when the exit is unreachable or the graph
    /// does not settle): a call of the method leaves them set (<see cref="OptionalDependencies.EnsuredByOwnCall(IMethodSymbol, NullStateScope)"/>).
    /// </summary>
    public static ImmutableArray<ISymbol> NonNullAtExit(ControlFlowGraph graph, NullStateScope scope)
    {
        var analysis = new NullStateAnalysis(graph, scope, lambda: null, knownAtEntry: null);
        var exit = analysis.Analyze();
        if (exit is null)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        for (var i = 0; i < analysis._slots.Count; i++)
        {
            var slot = analysis._slots[i];
            if (slot.Kind == SlotKind.Member && slot.Symbol is { } symbol && !NullStateBitSet.Get(exit, 0, i))
            {
                builder.Add(symbol.OriginalDefinition);
            }
        }

        return builder.ToImmutable();
    }

    /// <remarks>
    /// A body that mentions no tracked value is not analysed and records nothing: what was known where it began holds
    /// throughout it, so its nested functions start from that.
    /// </remarks>
    private HashSet<ISymbol>? KnownAtEntryOf(object function)
        => _nestedEntries is not null && _nestedEntries.TryGetValue(function, out var known) ? known
            : _slots.Count == 0 ? _knownAtEntry
            : null;

    /// <summary>Runs to a fixed point and reports; returns the state at the exit block, or null when nothing was tracked or the graph did not settle.</summary>
    private ulong[]? Analyze()
    {
        var blocks = _graph.Blocks;
        if (!Discover(blocks) || _slots.Count == 0)
        {
            return _slots.Count == 0 ? System.Array.Empty<ulong>() : null;
        }

        SettleCarriers(blocks);

        _words = NullStateBitSet.WordsFor(_slots.Count);
        _state = new ulong[_words];
        _scratch = new ulong[_words];
        _captureStates = new ulong[_slots.Count * _words];
        if (_conditionCaptures is not null)
        {
            _conditionStates = new ulong[_conditionCaptures.Count * 2 * _words];
            _conditionScratch = new ulong[_words];
        }
        var count = blocks.Length;
        var inStates = new ulong[count * _words];
        var outStates = new ulong[count * _words];
        var reached = new bool[count];
        var dirty = new bool[count];

        // Entry: optional members and tracked parameters may be null; locals and captures are not yet assigned.
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Kind is SlotKind.Member or SlotKind.Parameter && !IsKnownAtEntry(slot.Symbol))
            {
                NullStateBitSet.Set(inStates, 0, i);
            }
        }

        reached[0] = true;
        dirty[0] = true;
        var handlers = CollectHandlers();

        // Round-robin to a fixed point. In-states only grow (bits are added by union), so each block changes at most
        // once per slot; the bound is a safety net, and a graph that does not settle reports nothing.
        var maxRounds = (count * (_slots.Count + 2)) + 16;
        var stable = false;
        for (var round = 0; round < maxRounds && !stable; round++)
        {
            _scope.CancellationToken.ThrowIfCancellationRequested();
            stable = true;
            for (var b = 0; b < count; b++)
            {
                if (!dirty[b])
                {
                    continue;
                }

                dirty[b] = false;
                stable = false;
                Process(blocks[b], inStates, outStates, reached, dirty);
            }

            if (_captureStatesGrew)
            {
                // A check narrows by a capture's state: blocks that used an older one run again.
                _captureStatesGrew = false;
                stable = false;
                for (var b = 0; b < count; b++)
                {
                    dirty[b] |= reached[b];
                }
            }

            foreach (var (entry, first, last) in handlers)
            {
                // An exception can leave the try region anywhere: the handler starts from the union of its states.
                var changed = false;
                for (var b = first; b <= last; b++)
                {
                    if (reached[b])
                    {
                        changed |= NullStateBitSet.UnionWith(inStates, entry * _words, inStates, b * _words, _words);
                        changed |= NullStateBitSet.UnionWith(inStates, entry * _words, outStates, b * _words, _words);
                        if (!reached[entry])
                        {
                            reached[entry] = true;
                            changed = true;
                        }
                    }
                }

                if (changed)
                {
                    dirty[entry] = true;
                    stable = false;
                }
            }
        }

        if (!stable)
        {
            return null;
        }

        var exit = new ulong[_words];
        NullStateBitSet.Copy(inStates, (count - 1) * _words, exit, 0, _words);
        if (_scope.Report is null)
        {
            return exit;
        }

        _reporting = true;
        for (var b = 0; b < count; b++)
        {
            if (reached[b])
            {
                Process(blocks[b], inStates, outStates: null, reached: null, dirty: null);
            }
        }

        return exit;
    }

    private bool IsKnownAtEntry(ISymbol? symbol)
        => symbol is not null
            && ((_knownAtEntry is not null && _knownAtEntry.Contains(symbol))
                || OptionalDependencies.Contains(_scope.NonNullAtEntry, symbol));

    /// <summary>
    /// A member stable after construction (a captured primary-constructor parameter counts as a member), or a parameter
    /// of this body that the body never assigns.
    /// </summary>
    private bool KeepsItsValue(SlotKind kind, ISymbol symbol) => kind switch
    {
        SlotKind.Member => _scope.Dependencies.IsStableAfterConstruction(symbol, _scope.CancellationToken),
        SlotKind.Parameter when _scope.IsOptionalMember(symbol) => _scope.Dependencies.IsStableAfterConstruction(symbol, _scope.CancellationToken),
        SlotKind.Parameter => _assignedParameters is null || !_assignedParameters.Contains(symbol),
        _ => false,
    };

    /// <summary>Reporting pass: the stable members known non-null where a nested function is created or called.</summary>
    private void RecordNestedEntry(object function, bool intersect)
    {
        HashSet<ISymbol>? known = null;
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Symbol is { } symbol && !NullStateBitSet.Get(_state, 0, i) && KeepsItsValue(slot.Kind, symbol))
            {
                (known ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);
            }
        }

        if (function is IFlowAnonymousFunctionOperation lambda)
        {
            AddTestedBySiblingArgument(lambda, ref known);
        }

        if (_knownAtEntry is not null)
        {
            // A stable value known where this function began and never mentioned in its own body (only in a lambda nested
            // inside it: `if (_agent != null) Register(async m => m.Select(x => _agent.Name))`) is still known here.
            foreach (var symbol in _knownAtEntry)
            {
                if (!_symbolSlots.ContainsKey(symbol))
                {
                    (known ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);
                }
            }
        }

        _nestedEntries ??= new Dictionary<object, HashSet<ISymbol>>();
        if (!_nestedEntries.TryGetValue(function, out var existing))
        {
            _nestedEntries[function] = known ?? new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }
        else if (intersect)
        {
            // A local function called from several places knows only what every call knows.
            if (known is null)
            {
                existing.Clear();
            }
            else
            {
                existing.IntersectWith(known);
            }
        }
    }

    /// <summary>
    /// A lambda passed together with a null test of a stable member in the same call (mongo's
    /// <c>{ "format", () =&gt; _format.Render(), _format != null }</c>, <c>AddIf(_x is { }, () =&gt; _x.Run())</c>): the
    /// callee is given the condition under which to run the lambda, so what that condition proves true (the analysis's own
    /// <see cref="Refine"/>, every null-test form it knows) counts as known there.
    /// </summary>
    private void AddTestedBySiblingArgument(IFlowAnonymousFunctionOperation lambda, ref HashSet<ISymbol>? known)
    {
        IOperation own = lambda;
        while (own.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            own = own.Parent;
        }

        if (own.Parent is not IArgumentOperation { Parent: IInvocationOperation invocation } lambdaArgument)
        {
            return; // not an argument, or captured apart from a later argument that branches: nothing to pair it with
        }

        ulong[]? refined = null; // rare (a lambda next to a bool argument): allocated only then
        foreach (var argument in invocation.Arguments)
        {
            if (argument != lambdaArgument && argument.Value.Type?.SpecialType == SpecialType.System_Boolean)
            {
                if (refined is null)
                {
                    refined = new ulong[_words];
                    NullStateBitSet.Copy(_state, 0, refined, 0, _words);
                }

                Refine(refined, argument.Value, whenTrue: true, 0);
            }
        }

        for (var i = 0; refined is not null && i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Symbol is { } symbol && NullStateBitSet.Get(_state, 0, i) && !NullStateBitSet.Get(refined, 0, i)
                && KeepsItsValue(slot.Kind, symbol))
            {
                (known ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);
            }
        }
    }

    private List<(int Entry, int First, int Last)> CollectHandlers()
    {
        var handlers = new List<(int, int, int)>();
        var pending = new Stack<(ControlFlowRegion Region, int Depth)>();
        pending.Push((_graph.Root, 0));
        while (pending.Count > 0)
        {
            var (region, depth) = pending.Pop();
            if (region.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length > 1)
            {
                var tryRegion = region.NestedRegions[0];
                for (var i = 1; i < region.NestedRegions.Length; i++)
                {
                    handlers.Add((region.NestedRegions[i].FirstBlockOrdinal, tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal));
                }
            }

            if (depth < MaxOperationDepth)
            {
                foreach (var nested in region.NestedRegions)
                {
                    pending.Push((nested, depth + 1));
                }
            }
        }

        return handlers;
    }

    private void Process(BasicBlock block, ulong[] inStates, ulong[]? outStates, bool[]? reached, bool[]? dirty)
    {
        NullStateBitSet.Copy(inStates, block.Ordinal * _words, _state, 0, _words);
        foreach (var operation in block.Operations)
        {
            Visit(operation, 0);
        }

        var branch = block.BranchValue;
        if (branch is not null)
        {
            Visit(branch, 0);
        }

        if (outStates is null || reached is null || dirty is null)
        {
            return;
        }

        NullStateBitSet.Copy(_state, 0, outStates, block.Ordinal * _words, _words);
        if (branch is not null && block.ConditionKind != ControlFlowConditionKind.None)
        {
            var jumpsWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            NullStateBitSet.Copy(_state, 0, _scratch, 0, _words);
            Refine(_scratch, branch, jumpsWhenTrue, 0);
            Propagate(block.ConditionalSuccessor, _scratch, inStates, reached, dirty);
            Refine(_state, branch, !jumpsWhenTrue, 0);
        }

        Propagate(block.FallThroughSuccessor, _state, inStates, reached, dirty);
    }

    private void Propagate(ControlFlowBranch? branch, ulong[] state, ulong[] inStates, bool[] reached, bool[] dirty)
    {
        if (branch?.Destination is not { } destination)
        {
            return;
        }

        var target = destination.Ordinal;
        var changed = NullStateBitSet.UnionWith(inStates, target * _words, state, 0, _words);
        if (changed || !reached[target])
        {
            reached[target] = true;
            dirty[target] = true;
        }
    }

    // ----- discovery: which values get a slot -----

    /// <summary>Assigns slots to tracked members and parameters, captures, and locals copied from optional values.</summary>
    private bool Discover(ImmutableArray<BasicBlock> blocks)
    {
        _discovering = true;
        try
        {
            for (var pass = 0; pass < MaxDiscoveryPasses; pass++)
            {
                _discoveryChanged = false;
                _collectLambdas = pass == 0; // nested graphs are analyzed even when this one tracks nothing
                foreach (var block in blocks)
                {
                    _scope.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var operation in block.Operations)
                    {
                        Visit(operation, 0);
                    }

                    if (block.BranchValue is not null)
                    {
                        Visit(block.BranchValue, 0);
                        NoteConditionCaptures(block.BranchValue, 0);
                    }
                }

                if (!_discoveryChanged)
                {
                    return true;
                }
            }

            return true;
        }
        finally
        {
            _discovering = false;
            _collectLambdas = false;
        }
    }

    private int AddSlot(Slot slot)
    {
        _slots.Add(slot);
        _discoveryChanged = true;
        return _slots.Count - 1;
    }

    /// <summary>The slot of a reference to a tracked value (through null-preserving conversions), or -1.</summary>
    private int SlotOf(IOperation? operation)
    {
        operation = UnwrapConversions(operation);
        switch (operation)
        {
            case IFieldReferenceOperation field when IsThisOrStatic(field.Instance, field.Field.IsStatic):
                return MemberSlot(field.Field, SlotKind.Member);
            case IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsThisOrStatic(property.Instance, property.Property.IsStatic):
                return MemberSlot(property.Property, SlotKind.Member);
            case IParameterReferenceOperation parameter:
                return MemberSlot(parameter.Parameter, SlotKind.Parameter);
            case ILocalReferenceOperation local:
                return _symbolSlots.TryGetValue(local.Local, out var localSlot) ? localSlot : -1;
            case IFlowCaptureReferenceOperation capture:
                return _captureSlots.TryGetValue(capture.Id, out var captureSlot) ? captureSlot : -1;
            default:
                return -1;
        }
    }

    private int MemberSlot(ISymbol symbol, SlotKind kind)
    {
        var definition = symbol.OriginalDefinition;
        if (_symbolSlots.TryGetValue(definition, out var slot))
        {
            return slot;
        }

        if (!_discovering)
        {
            return -1;
        }

        var tracked = kind == SlotKind.Member
            ? _scope.IsOptionalMember(definition)
            : _scope.IsOptionalMember(definition) || _scope.IsTrackedParameter((IParameterSymbol)symbol);
        if (!tracked)
        {
            return -1;
        }

        slot = AddSlot(new Slot(kind, symbol.Name, reportable: true, definition));
        _symbolSlots.Add(definition, slot);
        return slot;
    }

    private static bool IsThisOrStatic(IOperation? instance, bool isStatic)
        => isStatic
            ? instance is null
            : instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>True when the value is (an alias of) an optional value: its nullness is worth reporting.</summary>
    private bool IsOptionalDerived(IOperation value, out int source)
    {
        source = SlotOf(value);
        return source >= 0 && _slots[source].Reportable;
    }

    /// <summary>
    /// <see cref="UnwrapConversions"/>, and also the conversions of half-typed code: a condition with an unresolved operand
    /// (`_r is not null &amp;&amp; Missing.Flag`) is typed as an error, or converted to <c>bool</c> by a conversion that does not
    /// exist; neither changes what its operands proved on either outcome.
    /// </summary>
    private static IOperation? UnwrapConditionConversions(IOperation? condition)
    {
        condition = UnwrapConversions(condition);
        for (var depth = 0; depth < MaxOperationDepth
            && condition is IConversionOperation conversion
            && (conversion.Operand.Type is null or { TypeKind: TypeKind.Error } || !conversion.Conversion.Exists); depth++)
        {
            condition = UnwrapConversions(conversion.Operand);
        }

        return condition;
    }

    /// <summary>Discovery: the captures a branch value tests as a <c>bool</c>, through `!`, conversions and logical operators.</summary>
    private void NoteConditionCaptures(IOperation? condition, int depth)
    {
        condition = UnwrapConditionConversions(condition);
        if (condition is null || depth > MaxOperationDepth)
        {
            return;
        }

        switch (condition)
        {
            case IFlowCaptureReferenceOperation reference:
                _conditionCaptures ??= new Dictionary<CaptureId, int>();
                if (!_conditionCaptures.ContainsKey(reference.Id))
                {
                    _conditionCaptures.Add(reference.Id, _conditionCaptures.Count);
                    _discoveryChanged = true; // the capture's own value may test another one
                }

                return;

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not or UnaryOperatorKind.True or UnaryOperatorKind.False } unary:
                NoteConditionCaptures(unary.Operand, depth + 1);
                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary:
                NoteConditionCaptures(binary.LeftOperand, depth + 1);
                NoteConditionCaptures(binary.RightOperand, depth + 1);
                return;
        }
    }

    /// <summary>A condition capture got <paramref name="value"/>: what its being true, or false, proves here joins its states.</summary>
    private void RecordCondition(int index, IOperation value)
    {
        var grew = false;
        for (var outcome = 0; outcome < 2; outcome++)
        {
            NullStateBitSet.Copy(_state, 0, _conditionScratch, 0, _words);
            Refine(_conditionScratch, value, whenTrue: outcome == 0, 0);
            grew |= NullStateBitSet.UnionWith(_conditionStates, ((index * 2) + outcome) * _words, _conditionScratch, 0, _words);
        }

        if (grew && !_reporting)
        {
            _captureStatesGrew = true;
        }
    }

    private void DiscoverCapture(CaptureId id, IOperation value)
    {
        if (_conditionCaptures is not null && _conditionCaptures.ContainsKey(id))
        {
            NoteConditionCaptures(value, 0);
        }

        var derived = IsOptionalDerived(value, out var source);
        if (!_captureSlots.TryGetValue(id, out var slot))
        {
            slot = AddSlot(new Slot(SlotKind.Capture, derived ? _slots[source].Name : string.Empty, derived, derived ? _slots[source].Symbol : null) { Alias = source >= 0 ? source : NoAlias });
            _captureSlots.Add(id, slot);
            return;
        }

        var existing = _slots[slot];
        if (existing.Alias != AmbiguousAlias && existing.Alias != (source >= 0 ? source : NoAlias))
        {
            existing.Alias = AmbiguousAlias;
            _slots[slot] = existing;
            _discoveryChanged = true;
        }

        if (derived && !existing.Reportable)
        {
            _slots[slot] = new Slot(SlotKind.Capture, _slots[source].Name, reportable: true, _slots[source].Symbol) { Alias = existing.Alias };
            _discoveryChanged = true;
        }
    }

    private void DiscoverLocal(ILocalSymbol local, IOperation value)
    {
        if (_symbolSlots.ContainsKey(local))
        {
            return;
        }

        if (IsOptionalDerived(value, out _))
        {
            _symbolSlots.Add(local, AddSlot(new Slot(SlotKind.Local, local.Name, reportable: true, local)));
        }
        else if ((UnwrapConversions(value) is IFlowCaptureReferenceOperation || IsDefinitelyNull(value))
            && !local.IsRef
            && _scope.Symbols.CanBeNull(local.Type)
            && _graph.OriginalOperation is not IConstructorBodyOperation)
        {
            // `var id = _cache == null ? null : await _cache.GetAsync(…);`: where `id` has a value, `_cache` was checked. The
            // same for a local that starts out (or is somewhere set) null and gets its values in branches: `Guid[] ids = null;
            // if (_factory != null) ids = Keys();` — each non-null write records what held there (Assign), the test keeps it.
            _symbolSlots.Add(local, AddSlot(new Slot(SlotKind.Local, local.Name, reportable: false, local) { Carrier = true }));
        }
    }

    /// <summary>
    /// After discovery: a carrier written other than by a plain assignment (an <c>out</c> or <c>ref</c> argument, a
    /// deconstruction, an increment, a compound assignment, a <c>ref</c> alias), or named inside a lambda or local function
    /// (which may write it when it runs), carries nothing — those writes are not followed. Then the slots whose state a carrier may narrow: members stable after construction and parameters the
    /// body never assigns, whose state cannot change between the carrier's assignment and its check.
    /// </summary>
    private void SettleCarriers(ImmutableArray<BasicBlock> blocks)
    {
        var any = false;
        foreach (var slot in _slots)
        {
            any |= slot.Carrier;
        }

        if (!any)
        {
            return;
        }

        // The names lambdas and local functions write: one may write a local it captures when it runs.
        HashSet<string>? nested = null;
        foreach (var localFunction in _graph.LocalFunctions)
        {
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
            {
                BodyIdentifiers.Collect(reference.GetSyntax(_scope.CancellationToken), nested ??= new HashSet<string>(System.StringComparer.Ordinal));
            }
        }

        foreach (var block in blocks)
        {
            var roots = block.BranchValue is { } branch ? block.Operations.Add(branch) : block.Operations;
            foreach (var root in roots)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation lambda)
                    {
                        BodyIdentifiers.Collect(lambda.Syntax, nested ??= new HashSet<string>(System.StringComparer.Ordinal));
                        continue;
                    }

                    var written = operation switch
                    {
                        IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => argument.Value,
                        IIncrementOrDecrementOperation increment => increment.Target,
                        ICompoundAssignmentOperation compound => compound.Target,
                        IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                        ISimpleAssignmentOperation { IsRef: true } alias => alias.Value,
                        _ => null,
                    };
                    if (written is null)
                    {
                        continue;
                    }

                    foreach (var target in written.DescendantsAndSelf())
                    {
                        if (target is ILocalReferenceOperation local && _symbolSlots.TryGetValue(local.Local, out var index) && _slots[index].Carrier)
                        {
                            var slot = _slots[index];
                            slot.Carrier = false;
                            _slots[index] = slot;
                        }
                    }
                }
            }
        }

        if (nested is not null)
        {
            for (var i = 0; i < _slots.Count; i++)
            {
                if (_slots[i] is { Carrier: true, Symbol: { } local } slot && nested.Contains(local.Name))
                {
                    slot.Carrier = false;
                    _slots[i] = slot;
                }
            }
        }

        _narrowable = new ulong[NullStateBitSet.WordsFor(_slots.Count)];
        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] is { Kind: SlotKind.Member or SlotKind.Parameter, Symbol: { } symbol } slot && KeepsItsValue(slot.Kind, symbol))
            {
                NullStateBitSet.Set(_narrowable, 0, i);
            }
        }
    }

    // ----- transfer function -----

    private void Visit(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxOperationDepth)
        {
            return;
        }

        if (_discovering && operation is IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation)
        {
            // Every tracked value the body mentions gets a slot, even one only checked here: its state at the creation of
            // a lambda or the call of a local function is what that function starts with.
            _ = SlotOf(operation);
            if (operation is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } own)
            {
                DiscoverNamedMembers(own.Property.GetAttributes(), own.Property.ContainingType);
                if (own.Property.GetMethod is { } getter)
                {
                    DiscoverNamedMembers(getter.GetAttributes(), own.Property.ContainingType);
                }
            }
        }

        switch (operation)
        {
            case IFlowAnonymousFunctionOperation function:
                if (_collectLambdas)
                {
                    (_lambdas ??= new List<IFlowAnonymousFunctionOperation>()).Add(function);
                }
                else if (_reporting)
                {
                    RecordNestedEntry(function, intersect: false);
                }

                return;

            case ISimpleAssignmentOperation assignment:
                VisitAssignmentTarget(assignment.Target, depth);
                Visit(assignment.Value, depth + 1);
                if (IsUsingResource(assignment.Value.Syntax))
                {
                    Dereference(assignment.Value);
                }

                Assign(assignment.Target, assignment.Value);
                return;

            case IFlowCaptureOperation capture:
                Visit(capture.Value, depth + 1);
                if (_discovering)
                {
                    DiscoverCapture(capture.Id, capture.Value);
                }

                if (IsUsingResource(capture.Value.Syntax))
                {
                    Dereference(capture.Value);
                }

                if (!_discovering && _conditionCaptures is not null && _conditionCaptures.TryGetValue(capture.Id, out var conditionIndex))
                {
                    RecordCondition(conditionIndex, capture.Value);
                }

                if (!_discovering && _captureSlots.TryGetValue(capture.Id, out var captureSlot))
                {
                    SetMaybeNull(captureSlot, IsMaybeNull(capture.Value));
                    if (!IsDefinitelyNull(capture.Value)
                        && NullStateBitSet.UnionWith(_captureStates, captureSlot * _words, StateWhereCaptureHasAValue(capture.Value), 0, _words)
                        && !_reporting)
                    {
                        _captureStatesGrew = true;
                    }
                }

                return;

            case ICompoundAssignmentOperation compound:
                Visit(compound.Target, depth + 1);
                Visit(compound.Value, depth + 1);
                if (_discovering)
                {
                    NoteAssignedParameter(compound.Target);
                }

                if (SlotOf(compound.Target) is var compoundSlot and >= 0)
                {
                    // `handler += h` yields a delegate; `handler -= h` may leave null.
                    SetMaybeNull(compoundSlot, compound.OperatorKind == BinaryOperatorKind.Subtract);
                }

                return;

            case IDeconstructionAssignmentOperation deconstruction:
                VisitAssignmentTarget(deconstruction.Target, depth);
                Visit(deconstruction.Value, depth + 1);
                if (UnwrapConversions(deconstruction.Value) is not ITupleOperation)
                {
                    Dereference(deconstruction.Value);
                }

                AssignTuple(deconstruction.Target, deconstruction.Value);
                return;

            case IInvocationOperation invocation:
                VisitInvocation(invocation, depth);
                return;

            case IPropertyReferenceOperation property:
                if (property.Instance is not null && !property.Property.IsStatic)
                {
                    Visit(property.Instance, depth + 1);

                    // C# 14 `extension(IRegistry? r) { bool IsConfigured => r is not null; }`: the receiver is an argument,
                    // which the extension may accept null for (the API we build against cannot read its nullability, so
                    // it is not counted, like an extension method's nullable `this`).
                    if (!Shapes.IsExtensionBlockMember(property.Property)
                        && (!_scope.Symbols.IsNullableValueType(property.Instance.Type) || property.Property.Name == "Value"))
                    {
                        Dereference(property.Instance);
                    }
                }

                VisitArguments(property.Arguments, depth);
                return;

            case IFieldReferenceOperation field:
                DereferenceInstance(field.Instance, field.Field.IsStatic, depth);
                return;

            case IEventReferenceOperation eventReference:
                DereferenceInstance(eventReference.Instance, eventReference.Event.IsStatic, depth);
                return;

            case IMethodReferenceOperation methodReference:
                if (_reporting && methodReference.Method.MethodKind == MethodKind.LocalFunction)
                {
                    RecordNestedEntry(methodReference.Method.OriginalDefinition, intersect: true);
                }

                DereferenceInstance(methodReference.Instance, methodReference.Method.IsStatic || Shapes.IsExtensionBlockMember(methodReference.Method), depth);
                return;

            case IArrayElementReferenceOperation element:
                Visit(element.ArrayReference, depth + 1);
                Dereference(element.ArrayReference);
                foreach (var index in element.Indices)
                {
                    Visit(index, depth + 1);
                }

                return;

            case IImplicitIndexerReferenceOperation implicitIndexer:
                Visit(implicitIndexer.Instance, depth + 1);
                Dereference(implicitIndexer.Instance);
                Visit(implicitIndexer.Argument, depth + 1);
                return;

            case IDynamicMemberReferenceOperation dynamicMember:
                DereferenceInstance(dynamicMember.Instance, isStatic: false, depth);
                return;

            case IDynamicIndexerAccessOperation dynamicIndexer:
                Visit(dynamicIndexer.Operation, depth + 1);
                Dereference(dynamicIndexer.Operation);
                foreach (var argument in dynamicIndexer.Arguments)
                {
                    Visit(argument, depth + 1);
                }

                return;

            case IAwaitOperation awaitOperation:
                Visit(awaitOperation.Operation, depth + 1);
                Dereference(awaitOperation.Operation);
                return;

            case IIsNullOperation isNull when ConditionalAccessOf(isNull.Operand.Syntax) is { } conditional
                && IsConditionalAccessWhereNullThrows(conditional):
                // The graph's test of `await _x?.SendAsync()`: the null side awaits a null task (NullReferenceException;
                // enumerating `_x?.Items` likewise), so the receiver is used as surely as by `_x.SendAsync()`.
                Visit(isNull.Operand, depth + 1);
                Dereference(isNull.Operand);
                return;

            case IBinaryOperation binary:
                VisitBinaryChain(binary, depth);
                return;

            case IConversionOperation conversion:
                Visit(conversion.Operand, depth + 1);
                if (!conversion.Conversion.IsUserDefined
                    && _scope.Symbols.IsNullableValueType(conversion.Operand.Type)
                    && conversion.Type is { IsValueType: true } target
                    && !_scope.Symbols.IsNullableValueType(target))
                {
                    Dereference(conversion.Operand); // (T)nullable reads .Value
                }

                return;

            default:
                foreach (var child in operation.ChildOperations)
                {
                    Visit(child, depth + 1);
                }

                return;
        }
    }

    /// <summary>
    /// Left-deep chains (<c>a + b + c + …</c>, thousands long in generated text) are walked along their left spine
    /// without recursion, so the depth bound does not hide their first operands.
    /// </summary>
    private void VisitBinaryChain(IBinaryOperation top, int depth)
    {
        var leftmost = top;
        while (leftmost.LeftOperand is IBinaryOperation inner && inner.Parent == leftmost)
        {
            leftmost = inner;
        }

        Visit(leftmost.LeftOperand, depth + 1);
        for (var node = leftmost; ; node = (IBinaryOperation)node.Parent!)
        {
            Visit(node.RightOperand, depth + 1);
            if (node == top)
            {
                return;
            }
        }
    }

    private void VisitAssignmentTarget(IOperation target, int depth)
    {
        if (SlotOf(target) >= 0)
        {
            return; // writing the tracked value is not a read of it
        }

        if (target is ILocalReferenceOperation or IFlowCaptureReferenceOperation or IDiscardOperation)
        {
            return;
        }

        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                VisitAssignmentTarget(element, depth + 1);
            }

            return;
        }

        if (target is IDeclarationExpressionOperation)
        {
            return;
        }

        Visit(target, depth + 1);
    }

    private void DereferenceInstance(IOperation? instance, bool isStatic, int depth)
    {
        if (instance is null || isStatic)
        {
            return;
        }

        Visit(instance, depth + 1);
        if (!_scope.Symbols.IsNullableValueType(instance.Type))
        {
            Dereference(instance);
        }
    }

    private void VisitArguments(ImmutableArray<IArgumentOperation> arguments, int depth)
    {
        foreach (var argument in arguments)
        {
            Visit(argument.Value, depth + 1);
        }
    }

    private void VisitInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (invocation.Instance is not null && !method.IsStatic)
        {
            Visit(invocation.Instance, depth + 1);
            if (!_scope.Symbols.IsNullableValueType(invocation.Instance.Type) && !Shapes.IsExtensionBlockMember(method))
            {
                Dereference(invocation.Instance);
            }
        }

        VisitArguments(invocation.Arguments, depth);
        if (method.IsExtensionMethod && invocation.Instance is null && !invocation.Arguments.IsEmpty && ThrowsOnNullReceiver(method))
        {
            // `_hooks.Count()`: an extension whose `this` parameter is not annotated nullable rejects null as surely as a member call.
            Dereference(FirstArgumentValue(invocation));
        }

        if (_discovering)
        {
            if (invocation.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                DiscoverNamedMembers(method.GetAttributes(), method.ContainingType);
                if (_scope.Report is null && !method.IsStatic)
                {
                    // Construction: the members an own call sets get slots, so a helper that only calls another one
                    // (`Setup() => EnsureDefaults();`) passes on what that one ensures.
                    foreach (var member in _scope.Dependencies.EnsuredByOwnCall(method, _scope))
                    {
                        _ = MemberSlot(member, SlotKind.Member);
                    }
                }
            }

            return;
        }

        if (_reporting && method.MethodKind == MethodKind.LocalFunction)
        {
            RecordNestedEntry(method.OriginalDefinition, intersect: true);
        }

        // What the callee's nullable attributes promise once it has returned.
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "NotNullAttribute":
                        MarkNotNull(_state, argument.Value);
                        break;
                    case "DoesNotReturnIfAttribute" when TryGetBool(attribute, 0, out var stopsWhen):
                        Refine(_state, argument.Value, !stopsWhen, 0);
                        break;
                }
            }
        }

        if (IsKnownGuard(method, out var assertion) && !invocation.Arguments.IsEmpty)
        {
            var first = FirstArgumentValue(invocation);
            if (assertion)
            {
                Refine(_state, first, whenTrue: true, 0);
            }
            else
            {
                MarkNotNull(_state, first);
            }
        }

        var ownReceiver = invocation.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
        if (_scope.Symbols.AlwaysThrows(method))
        {
            NullStateBitSet.ClearAll(_state, 0, _words); // a throw helper: the rest of this path is unreachable
            return;
        }

        foreach (var attribute in method.GetAttributes())
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "DoesNotReturnAttribute":
                    NullStateBitSet.ClearAll(_state, 0, _words); // the rest of this path is unreachable
                    return;
                case "MemberNotNullAttribute" when ownReceiver:
                    MarkMembersNotNull(_state, attribute, firstNameArgument: 0);
                    break;
            }
        }

        // An own method that sets a member on every path (`Init()` defaulting `Configuration` when null) without saying
        // so in a [MemberNotNull] is read from its body, while some tracked member may still be null here. In construction
        // (the exit-state analysis that decides which stored members are optional, and the own methods it follows) any
        // such method; in member bodies, which report, one whose text assigns a tracked member (perfview's
        // `PrepForWrite()` before `Log.WriteLine(…)`), as MM0003's graph-free fast path also asks.
        if (ownReceiver && !method.IsStatic && AnyMemberMaybeNull(_state))
        {
            var ensured = _scope.Report is null
                ? _scope.Dependencies.EnsuredByOwnCall(method, _scope)
                : _scope.Dependencies.EnsuredByOwnCallInMemberBody(method, _scope.Members, _scope.CancellationToken);
            foreach (var member in ensured)
            {
                if (_symbolSlots.TryGetValue(member, out var slot) && _slots[slot].Kind == SlotKind.Member)
                {
                    NullStateBitSet.Clear(_state, 0, slot);
                }
            }
        }
    }

    private bool AnyMemberMaybeNull(ulong[] state)
    {
        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i].Kind == SlotKind.Member && NullStateBitSet.Get(state, 0, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An extension method's <c>this</c> parameter of a reference type that is not annotated nullable and not <c>[AllowNull]</c>.</summary>
    private bool ThrowsOnNullReceiver(IMethodSymbol method)
    {
        if (method.Parameters.IsEmpty)
        {
            return false;
        }

        var receiver = method.Parameters[0];
        if (receiver.NullableAnnotation == NullableAnnotation.Annotated || receiver.Type.IsValueType || receiver.RefKind != RefKind.None)
        {
            return false;
        }

        foreach (var attribute in receiver.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "AllowNullAttribute")
            {
                return false;
            }
        }

        return !_scope.Symbols.HandlesNullReceiver(method, _scope.CancellationToken);
    }

    private static IOperation? FirstArgumentValue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary><c>ArgumentNullException.ThrowIfNull</c>, <c>Debug.Assert</c> and <c>Trace.Assert</c>, for frameworks whose declarations lack the attributes.</summary>
    private bool IsKnownGuard(IMethodSymbol method, out bool assertion)
    {
        assertion = false;
        var type = method.ContainingType;
        if (method.Name == "ThrowIfNull" && SymbolEqualityComparer.Default.Equals(type, _scope.Symbols.ArgumentNullException))
        {
            return true;
        }

        if (method.Name == "Assert"
            && (SymbolEqualityComparer.Default.Equals(type, _scope.Symbols.Debug) || SymbolEqualityComparer.Default.Equals(type, _scope.Symbols.Trace)))
        {
            assertion = true;
            return true;
        }

        return false;
    }

    private void Dereference(IOperation? receiver)
    {
        var slot = SlotOf(receiver);
        if (slot < 0 || _discovering)
        {
            return;
        }

        if (NullStateBitSet.Get(_state, 0, slot))
        {
            var info = _slots[slot];
            var reference = UnwrapConversions(receiver)!;
            if (IsSuppressed(reference.Syntax))
            {
                // `_x!.M()`: the author vouches for the value, and past this dereference it is not null on this path
                // (null would have thrown here), as the compiler's flow state says too — the next use is covered, like
                // the rest of a path after Debug.Assert(_x != null). Through a capture (the receiver is spilled when an
                // argument branches: `_log!.Write(prompt ?? "none")`, a fix-shapes round), the value it copies too.
                ClearSlot(_state, slot);
            }
            else if (_reporting && info.Reportable)
            {
                _reported ??= new HashSet<SyntaxNode>();
                if (_reported.Add(reference.Syntax))
                {
                    _scope.Report?.Invoke(new NullStateDereference(reference.Syntax, info.Name, info.Symbol, _lambda));
                }
            }
        }

        // Unlike the compiler's nullable analysis (CS8602), a plain dereference is not treated as proof of non-null: the
        // pattern requires every use of an optional dependency to be guarded, so each unguarded use reports and gets
        // its own fix. Checks, non-null assignments, exits, annotated calls and a dereference under `!` clear the bit.
    }

    /// <summary>
    /// <c>await x?.M()</c> or <c>foreach (… in x?.Items)</c> (also parenthesized, or through <c>x?.A?.M()</c>): the value is
    /// null when <c>x</c> is, and awaiting or enumerating null throws. <c>x?.M()</c> as a statement, or with
    /// <c>?? Task.CompletedTask</c>, does not. A <c>!</c> on the result (<c>await _x?.M()!</c>, what CS8602 on the awaited
    /// task leads nullable code to) vouches for the task, not for <c>x</c>, and throws the same (a scenario round).
    /// </summary>
    internal static bool IsConditionalAccessWhereNullThrows(SyntaxNode conditionalAccess)
    {
        var node = conditionalAccess;
        while (node.Parent is ParenthesizedExpressionSyntax
            || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression)
            || (node.Parent is ConditionalAccessExpressionSyntax outer && outer.WhenNotNull == node))
        {
            node = node.Parent;
        }

        return node.Parent is AwaitExpressionSyntax
            || (node.Parent is CommonForEachStatementSyntax loop && loop.Expression == node);
    }

    /// <summary>The <c>?.</c> whose receiver <paramref name="receiver"/> is, also written in parentheses (<c>(_x)?.M()</c>).</summary>
    private static ConditionalAccessExpressionSyntax? ConditionalAccessOf(SyntaxNode receiver)
    {
        var node = receiver;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == node ? conditional : null;
    }

    /// <summary>The reference sits under <c>!</c> (through parentheses): the use it is written on is vouched for.</summary>
    internal static bool IsSuppressed(SyntaxNode syntax)
    {
        for (var node = syntax; node is not null; node = node.Parent)
        {
            if (node.IsKind(SyntaxKind.SuppressNullableWarningExpression))
            {
                return true;
            }

            if (node != syntax && !node.IsKind(SyntaxKind.ParenthesizedExpression))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A <c>using</c> resource or <c>lock</c> target: the statement itself uses the value.</summary>
    private static bool IsUsingResource(SyntaxNode syntax)
    {
        var node = syntax;
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            node = parent;
            parent = node.Parent;
        }

        switch (parent)
        {
            case UsingStatementSyntax usingStatement:
                return usingStatement.Expression == node;
            case LockStatementSyntax lockStatement:
                return lockStatement.Expression == node;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }:
                return declaration.Parent is UsingStatementSyntax
                    || (declaration.Parent is LocalDeclarationStatementSyntax local && local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword));
            default:
                return false;
        }
    }

    // ----- assignment -----

    private void Assign(IOperation target, IOperation value)
    {
        if (_discovering)
        {
            if (target is ILocalReferenceOperation local)
            {
                DiscoverLocal(local.Local, value);
            }
            else
            {
                _ = SlotOf(value); // a tracked value stored elsewhere (`_registry = registry;`) needs its own slot to carry its state
                if (!IsNewObject(value) && !IsCoalesceAssignmentTarget(target))
                {
                    // A parameter only ever given a new object or a call's declared non-null result (`options ??= new
                    // Options()`, EventStore's `configuration ??= new ConfigurationBuilder().Build()`), or given a value only
                    // by `??=` (Fusion's `hasher ??= … ? DefaultStringHasher : DefaultHasher`), never goes back to null once
                    // set: a lambda or local function keeps what it knew of it.
                    NoteAssignedParameter(target);
                }
            }

            return;
        }

        var slot = SlotOf(target);
        if (slot < 0)
        {
            return;
        }

        var maybeNull = IsMaybeNull(value);
        SetMaybeNull(slot, maybeNull);
        if (_slots[slot].Carrier && !IsDefinitelyNull(value))
        {
            // What held where it got a value: the capture's own record, or the state here.
            var (source, offset) = SlotOf(value) is var from and >= 0 && _slots[from].Kind == SlotKind.Capture
                ? (_captureStates, from * _words)
                : (_state, 0);
            if (NullStateBitSet.UnionWith(_captureStates, slot * _words, source, offset, _words) && !_reporting)
            {
                _captureStatesGrew = true;
            }
        }

        if (target is IFlowCaptureReferenceOperation)
        {
            // Only an lvalue capture is assigned (`x ??= y` captures the reference x): the write goes to x.
            var alias = _slots[slot].Alias;
            for (var depth = 0; alias >= 0 && depth < MaxAliasChain; depth++)
            {
                SetMaybeNull(alias, maybeNull);
                alias = _slots[alias].Alias;
            }
        }
    }

    /// <summary>The write of <c>p ??= …</c>, which happens only where <c>p</c> is null: it never makes a set value null.</summary>
    private static bool IsCoalesceAssignmentTarget(IOperation target)
        => target.Syntax.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } assignment
            && assignment.Left == target.Syntax;

    private static bool IsNewObject(IOperation value) // or a call declared to return non-null
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation
            || value is IInvocationOperation { TargetMethod: { ReturnNullableAnnotation: NullableAnnotation.NotAnnotated, ReturnType.IsReferenceType: true } };
    }

    /// <summary>Discovery: remembers a parameter written here, directly or through the capture of <c>p ??= …</c>.</summary>
    private void NoteAssignedParameter(IOperation target)
    {
        var slot = SlotOf(target);
        for (var depth = 0; slot >= 0 && depth < MaxAliasChain; depth++)
        {
            var info = _slots[slot];
            if (info.Kind == SlotKind.Parameter && info.Symbol is { } parameter)
            {
                (_assignedParameters ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(parameter);
                return;
            }

            slot = info.Kind == SlotKind.Capture ? info.Alias : -1;
        }
    }

    private void AssignTuple(IOperation target, IOperation value)
    {
        if (target is not ITupleOperation targets)
        {
            return;
        }

        var values = UnwrapConversions(value) as ITupleOperation;
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            var element = targets.Elements[i];
            if (values is not null && i < values.Elements.Length)
            {
                Assign(element, values.Elements[i]);
            }
            else if (!_discovering && SlotOf(element) is var slot and >= 0)
            {
                SetMaybeNull(slot, IsAnnotated(element.Type));
            }
        }
    }

    /// <summary>Whether a value may be null. Unknown values follow their declared nullability (oblivious counts as non-null).</summary>
    private bool IsMaybeNull(IOperation? value)
    {
        value = UnwrapConversions(value);
        if (value is null)
        {
            return false;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is null;
        }

        var slot = SlotOf(value);
        if (slot >= 0)
        {
            return NullStateBitSet.Get(_state, 0, slot);
        }

        switch (value)
        {
            case IDefaultValueOperation defaultValue:
                return _scope.Symbols.CanBeNull(defaultValue.Type);
            case IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation or IDelegateCreationOperation
                or IInterpolatedStringOperation or ITypeOfOperation or INameOfOperation or IInstanceReferenceOperation
                or IAnonymousFunctionOperation or IFlowAnonymousFunctionOperation or ITupleOperation or IWithOperation
                or ITypeParameterObjectCreationOperation or IDynamicObjectCreationOperation or ISizeOfOperation:
                return false;
            case ISimpleAssignmentOperation assignment:
                return IsMaybeNull(assignment.Value);
            default:
                return IsAnnotated(value.Type);
        }
    }

    private bool IsAnnotated(ITypeSymbol? type)
        => type is not null && (type.NullableAnnotation == NullableAnnotation.Annotated || _scope.Symbols.IsNullableValueType(type));

    // ----- conditions -----

    /// <summary>Clears the bits the condition proves when it evaluated to <paramref name="whenTrue"/>.</summary>
    private void Refine(ulong[] state, IOperation? condition, bool whenTrue, int depth)
    {
        condition = UnwrapConditionConversions(condition);
        if (condition is null || depth > MaxOperationDepth)
        {
            return;
        }

        if (condition.ConstantValue.HasValue && condition.ConstantValue.Value is bool constant && constant != whenTrue)
        {
            NullStateBitSet.ClearAll(state, 0, _words); // `while (true)` never leaves through its condition: nothing flows there
            return;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Refine(state, not.Operand, !whenTrue, depth + 1);
                return;

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.True or UnaryOperatorKind.False } truth:
                // `dynamic` conditions branch on the operator true/false of the value.
                Refine(state, truth.Operand, whenTrue == (truth.OperatorKind == UnaryOperatorKind.True), depth + 1);
                return;

            case IFlowCaptureReferenceOperation reference
                when _conditionStates.Length > 0 && _conditionCaptures!.TryGetValue(reference.Id, out var index):
                // The capture holds this outcome only on paths whose state joined its record for that outcome.
                var offset = ((index * 2) + (whenTrue ? 0 : 1)) * _words;
                for (var i = 0; i < _words; i++)
                {
                    state[i] &= _conditionStates[offset + i];
                }

                return;

            case IIsNullOperation isNull:
                if (!whenTrue)
                {
                    MarkNotNull(state, isNull.Operand);
                }

                return;

            case IBinaryOperation binary:
                RefineBinary(state, binary, whenTrue, depth);
                return;

            case IIsPatternOperation isPattern:
                var matchesNull = MatchesNull(isPattern.Pattern, 0);
                if ((whenTrue && matchesNull == false) || (!whenTrue && matchesNull == true))
                {
                    MarkNotNull(state, isPattern.Value);
                }

                return;

            case IIsTypeOperation isType:
                if (whenTrue != isType.IsNegated)
                {
                    MarkNotNull(state, isType.ValueOperand);
                }

                return;

            case IPropertyReferenceOperation property:
                if (whenTrue && property.Property.Name == "HasValue" && _scope.Symbols.IsNullableValueType(property.Instance?.Type))
                {
                    MarkNotNull(state, property.Instance);
                }

                if (property.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                {
                    RefineMemberNotNullWhen(state, property.Property.GetAttributes(), whenTrue);
                    if (property.Property.GetMethod is { } getter)
                    {
                        RefineMemberNotNullWhen(state, getter.GetAttributes(), whenTrue);
                    }

                    if (whenTrue)
                    {
                        // `HasRegistry => _registry != null`: read like `[MemberNotNullWhen(true, "_registry")]`.
                        foreach (var name in NullTestProperties.MembersSetWhenTrue(property.Property, _scope.CancellationToken))
                        {
                            MarkMemberNotNull(state, name);
                        }
                    }
                }

                return;

            case IInvocationOperation invocation:
                if (IsObjectEquality(invocation.TargetMethod))
                {
                    // `ReferenceEquals(_x, null)`, `object.Equals(null, _x)` false: not null; true proves nothing, and
                    // neither outcome of a comparison with anything else does (not the name heuristic below).
                    if (!whenTrue && ReferenceEqualsNullTest(invocation) is { } compared)
                    {
                        MarkNotNull(state, compared);
                    }

                    return;
                }

                if (invocation.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                {
                    RefineMemberNotNullWhen(state, invocation.TargetMethod.GetAttributes(), whenTrue);
                }

                if (!whenTrue && LazyInitMembers.IsEmptinessTest(invocation))
                {
                    // `!string.IsNullOrEmpty(options?.Sudo)`: netstandard2.0 and .NET Framework declare it without
                    // [NotNullWhen(false)], which the check below reads (a consumer round: NGitLab's net472 build only).
                    MarkNotNull(state, invocation.Arguments[0].Value);
                    return;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is null)
                    {
                        continue;
                    }

                    var attributes = argument.Parameter.GetAttributes();
                    foreach (var attribute in attributes)
                    {
                        if (attribute.AttributeClass?.Name == "NotNullWhenAttribute" && TryGetBool(attribute, 0, out var value) && value == whenTrue)
                        {
                            MarkNotNull(state, argument.Value);
                        }
                    }

                    if (!HasDeclaredAttribute(attributes) && IsUnannotatedNullCheck(invocation.TargetMethod, argument.Parameter, whenTrue))
                    {
                        MarkNotNull(state, argument.Value);
                    }
                }

                return;
        }
    }

    /// <summary>
    /// Whether a parameter carries an attribute its author wrote (<c>[NotNullWhen]</c>, <c>[NotNull]</c>, a custom one). The
    /// compiler's own encodings in <c>System.Runtime.CompilerServices</c> do not count: a parameter read from metadata lists
    /// the <c>[Nullable]</c> that records its <c>T?</c> (MassTransit's <c>IsNotEmpty&lt;T&gt;(this IPipe&lt;T&gt;? pipe)</c> as seen
    /// from a referencing assembly), where the same parameter in source lists nothing.
    /// </summary>
    private static bool HasDeclaredAttribute(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The operand of <c>object.ReferenceEquals(x, null)</c> or <c>object.Equals(x, null)</c> (either order): the null test
    /// of code written before <c>is null</c> (C# 6/7), which the compiler's own null-state analysis learns from as well.
    /// </summary>
    private static IOperation? ReferenceEqualsNullTest(IInvocationOperation invocation)
    {
        if (!IsObjectEquality(invocation.TargetMethod) || invocation.Arguments.Length != 2)
        {
            return null;
        }

        var first = invocation.Arguments[0].Value;
        var second = invocation.Arguments[1].Value;
        return IsNullConstant(second) ? first : IsNullConstant(first) ? second : null;
    }

    /// <summary><c>object.ReferenceEquals(a, b)</c> or the static <c>object.Equals(a, b)</c>.</summary>
    private static bool IsObjectEquality(IMethodSymbol method)
        => method is { IsStatic: true, Name: "ReferenceEquals" or "Equals", ContainingType.SpecialType: SpecialType.System_Object };

    /// <summary>
    /// A static <c>bool</c> helper (an extension method too) that takes a reference declared nullable (<c>T?</c>) without
    /// any nullability attribute says by its name which outcome rules null out: <c>IsNotEmpty(this IPipe&lt;T&gt;? pipe)</c>
    /// (MassTransit) is false for null, so true proves non-null; <c>IsNullOrEmpty(this IList&lt;T&gt;? list)</c>,
    /// <c>IsMissing(..)</c> are true for null, so false proves it. Oblivious and non-nullable parameters prove nothing
    /// (the helper was never meant to see null).
    /// </summary>
    private static bool IsUnannotatedNullCheck(IMethodSymbol method, IParameterSymbol parameter, bool whenTrue)
    {
        if (!method.IsStatic || method.ReturnType.SpecialType != SpecialType.System_Boolean
            || parameter.NullableAnnotation != NullableAnnotation.Annotated || !parameter.Type.IsReferenceType
            || parameter.RefKind != RefKind.None)
        {
            return false;
        }

        var name = NamePrefix.MemberName(method.Name);
        var trueMeansNull = (IdentifierWords.ContainsWord(name, "Null") || IdentifierWords.ContainsWord(name, "Empty")
                || IdentifierWords.ContainsWord(name, "Missing") || IdentifierWords.ContainsWord(name, "Absent"))
            && !IdentifierWords.ContainsWord(name, "Not") && !IdentifierWords.ContainsWord(name, "Non");
        return whenTrue != trueMeansNull;
    }

    private void RefineBinary(ulong[] state, IBinaryOperation binary, bool whenTrue, int depth)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                IOperation? operand = IsNullConstant(binary.RightOperand) ? binary.LeftOperand
                    : IsNullConstant(binary.LeftOperand) ? binary.RightOperand
                    : null;
                if (operand is not null && whenTrue == (binary.OperatorKind == BinaryOperatorKind.NotEquals))
                {
                    MarkNotNull(state, operand);
                }
                else if (operand is null && whenTrue == (binary.OperatorKind == BinaryOperatorKind.Equals))
                {
                    // `_r?.IsReady == true`, `case "a":` over `_r?.Name`: equal to a value means it has one.
                    if (IsNonNullConstant(binary.RightOperand))
                    {
                        MarkNotNull(state, binary.LeftOperand);
                    }
                    else if (IsNonNullConstant(binary.LeftOperand))
                    {
                        MarkNotNull(state, binary.RightOperand);
                    }
                }

                return;

            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
                or BinaryOperatorKind.GreaterThanOrEqual when binary.IsLifted && whenTrue:
                // `_items?.Count > 0`: a lifted comparison is true only when both sides have values.
                MarkNotNull(state, binary.LeftOperand);
                MarkNotNull(state, binary.RightOperand);
                return;

            case BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd when whenTrue:
                Refine(state, binary.LeftOperand, true, depth + 1);
                Refine(state, binary.RightOperand, true, depth + 1);
                return;

            case BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr when !whenTrue:
                Refine(state, binary.LeftOperand, false, depth + 1);
                Refine(state, binary.RightOperand, false, depth + 1);
                return;
        }
    }

    private static bool IsNonNullConstant(IOperation operation)
    {
        var unwrapped = UnwrapConversions(operation);
        return unwrapped is not null && unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is not null;
    }

    internal static bool IsNullConstant(IOperation operation)
    {
        var unwrapped = UnwrapConversions(operation);
        return unwrapped is not null && unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is null;
    }

    /// <summary>Whether the pattern matches a null input: true, false, or null when unknown.</summary>
    private static bool? MatchesNull(IPatternOperation pattern, int depth)
    {
        if (depth > MaxOperationDepth)
        {
            return null;
        }

        switch (pattern)
        {
            case IConstantPatternOperation constant:
                var value = UnwrapConversions(constant.Value);
                return value is not null && value.ConstantValue.HasValue ? value.ConstantValue.Value is null : null;
            case IDeclarationPatternOperation declaration:
                return declaration.MatchesNull;
            case ITypePatternOperation or IRecursivePatternOperation or IRelationalPatternOperation or IListPatternOperation:
                return false;
            case IDiscardPatternOperation:
                return true;
            case INegatedPatternOperation negated:
                return !MatchesNull(negated.Pattern, depth + 1);
            case IBinaryPatternOperation binary:
                var left = MatchesNull(binary.LeftPattern, depth + 1);
                var right = MatchesNull(binary.RightPattern, depth + 1);
                if (binary.OperatorKind == BinaryOperatorKind.And)
                {
                    return left == false || right == false ? false : left == true && right == true ? true : null;
                }

                return left == true || right == true ? true : left == false && right == false ? false : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Discovery: the optional members an own <c>[MemberNotNull]</c>/<c>[MemberNotNullWhen]</c> member names get slots, so
    /// <c>if (!HasRegistry) throw …; return Run(() =&gt; _registry.ListAsync());</c> knows <c>_registry</c> where the lambda is
    /// created although the body itself mentions it only inside the lambda.
    /// </summary>
    private void DiscoverNamedMembers(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return;
        }

        foreach (var attribute in attributes)
        {
            var first = attribute.AttributeClass?.Name switch
            {
                "MemberNotNullAttribute" => 0,
                "MemberNotNullWhenAttribute" => 1,
                _ => -1,
            };
            var arguments = attribute.ConstructorArguments;
            for (var i = first; first >= 0 && i < arguments.Length; i++)
            {
                if (arguments[i].Kind == TypedConstantKind.Array)
                {
                    foreach (var item in arguments[i].Values)
                    {
                        DiscoverNamedMember(type, item.Value as string);
                    }
                }
                else
                {
                    DiscoverNamedMember(type, arguments[i].Value as string);
                }
            }
        }
    }

    private void DiscoverNamedMember(INamedTypeSymbol type, string? name)
    {
        if (name is null)
        {
            return;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol or IPropertySymbol)
            {
                _ = MemberSlot(member, SlotKind.Member);
            }
        }
    }

    private void RefineMemberNotNullWhen(ulong[] state, ImmutableArray<AttributeData> attributes, bool whenTrue)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.Name == "MemberNotNullWhenAttribute" && TryGetBool(attribute, 0, out var value) && value == whenTrue)
            {
                MarkMembersNotNull(state, attribute, firstNameArgument: 1);
            }
        }
    }

    private void MarkMembersNotNull(ulong[] state, AttributeData attribute, int firstNameArgument)
    {
        var arguments = attribute.ConstructorArguments;
        for (var i = firstNameArgument; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Kind == TypedConstantKind.Array)
            {
                foreach (var item in argument.Values)
                {
                    MarkMemberNotNull(state, item.Value as string);
                }
            }
            else
            {
                MarkMemberNotNull(state, argument.Value as string);
            }
        }
    }

    private void MarkMemberNotNull(ulong[] state, string? name)
    {
        if (name is null)
        {
            return;
        }

        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i].Name == name && (_slots[i].Kind == SlotKind.Member || IsCapturedPrimaryParameter(_slots[i])))
            {
                NullStateBitSet.Clear(state, 0, i);
            }
        }
    }

    /// <summary>
    /// A slot of a primary-constructor parameter the type captures as an optional member, which a guard property of the
    /// type names like a field (<c>public bool HasRegistry =&gt; registry is not null;</c>) — unless a field or property
    /// of that name exists: in the getter the name is then the member's.
    /// </summary>
    private bool IsCapturedPrimaryParameter(Slot slot)
        => slot.Kind == SlotKind.Parameter
            && slot.Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } type } } parameter
            && _scope.IsOptionalMember(parameter)
            && !HasFieldOrProperty(type, parameter.Name);

    private static bool HasFieldOrProperty(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol or IPropertySymbol)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryGetBool(AttributeData attribute, int index, out bool value)
    {
        var arguments = attribute.ConstructorArguments;
        if (index < arguments.Length && arguments[index].Value is bool b)
        {
            value = b;
            return true;
        }

        value = false;
        return false;
    }

    // ----- state helpers -----

    private void MarkNotNull(ulong[] state, IOperation? operation)
    {
        var slot = SlotOf(operation);
        if (slot < 0)
        {
            return;
        }

        ClearSlot(state, slot);
        if (_slots[slot].Kind == SlotKind.Capture && !_discovering)
        {
            // The capture is non-null only on paths where it got a non-null value: keep what was known there too.
            var offset = slot * _words;
            for (var i = 0; i < _words; i++)
            {
                state[i] &= _captureStates[offset + i];
            }
        }
        else if (_slots[slot].Carrier && _narrowable is not null && !_discovering)
        {
            // The same for a carrier local, for the slots whose state cannot have changed since it was assigned.
            var offset = slot * _words;
            for (var i = 0; i < _words; i++)
            {
                state[i] &= _captureStates[offset + i] | ~_narrowable[i];
            }
        }
    }

    /// <summary>
    /// The state to keep for a capture that gets <paramref name="value"/>, for when it later tests non-null: the state here,
    /// except that a capture of an assignment's result (<c>(anime ??= Lookup(id)) is not null</c>, whose arm assigns and
    /// yields the new value) has a value exactly when the assigned value (and the captures it aliases) has one.
    /// </summary>
    private ulong[] StateWhereCaptureHasAValue(IOperation value)
    {
        if (UnwrapConversions(value) is not ISimpleAssignmentOperation { IsRef: false } assignment || SlotOf(assignment.Target) is not (var target and >= 0))
        {
            return _state;
        }

        if (_assignedScratch.Length != _words)
        {
            _assignedScratch = new ulong[_words];
        }

        NullStateBitSet.Copy(_state, 0, _assignedScratch, 0, _words);
        ClearSlot(_assignedScratch, target);
        return _assignedScratch;
    }

    private bool IsDefinitelyNull(IOperation value)
    {
        var unwrapped = UnwrapConversions(value);
        return unwrapped switch
        {
            null => false,
            IDefaultValueOperation defaultValue => _scope.Symbols.CanBeNull(defaultValue.Type),
            _ => unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is null,
        };
    }

    private void ClearSlot(ulong[] state, int slot)
    {
        // A capture of a value (or of a capture of it): checking the copy checks the value. Bounded alias chain.
        for (var depth = 0; slot >= 0 && depth < MaxAliasChain; depth++)
        {
            NullStateBitSet.Clear(state, 0, slot);
            slot = _slots[slot].Alias;
        }
    }

    private void SetMaybeNull(int slot, bool maybeNull)
    {
        if (_discovering)
        {
            return;
        }

        if (maybeNull)
        {
            NullStateBitSet.Set(_state, 0, slot);
        }
        else
        {
            NullStateBitSet.Clear(_state, 0, slot);
        }
    }

    /// <summary>Strips conversions that keep null as null (reference, identity, boxing, nullable to nullable).</summary>
    internal static IOperation? UnwrapConversions(IOperation? operation)
    {
        for (var depth = 0; depth < MaxOperationDepth && operation is IConversionOperation conversion; depth++)
        {
            var kind = conversion.Conversion;
            if (kind.IsUserDefined || (kind.IsNullable && conversion.Type is { IsValueType: true } target && target.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T))
            {
                return operation;
            }

            if (!(kind.IsIdentity || kind.IsReference || kind.IsNullable || kind.IsImplicit))
            {
                return operation;
            }

            operation = conversion.Operand;
        }

        return operation;
    }

    private struct Slot
    {
        public Slot(SlotKind kind, string name, bool reportable, ISymbol? symbol)
        {
            Kind = kind;
            Name = name;
            Reportable = reportable;
            Symbol = symbol;
            Alias = NoAlias;
        }

        /// <summary>The member, parameter or local (a capture: the one it copies), or null.</summary>
        public ISymbol? Symbol { get; }

        public SlotKind Kind { get; }

        public string Name { get; }

        public bool Reportable { get; }

        /// <summary>For a capture: the slot of the value it copies, <see cref="NoAlias"/> or <see cref="AmbiguousAlias"/>.</summary>
        public int Alias { get; set; }

        /// <summary>
        /// A local that is not tracked itself but carries what was known where it got a non-null value from a capture
        /// (<c>var id = _cache == null ? null : await _cache.GetAsync(…);</c>): <see cref="_captureStates"/> holds it.
        /// </summary>
        public bool Carrier { get; set; }
    }
}
