using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0003: an optional dependency (a constructor parameter defaulting to null stored in a field or property, a
/// primary-constructor parameter defaulting to null, or a member marked <c>[OptionalDependency]</c>) is dereferenced on
/// a path where it is not known to be non-null. Flow-sensitive: runs a null-state dataflow over the control-flow graph
/// of each member body that references an optional member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0003OptionalDependencyWithoutNullCheckAnalyzer : DiagnosticAnalyzer
{
    private readonly bool _guardedUsesFastPath;

    /// <summary>Creates the analyzer.</summary>
    public MM0003OptionalDependencyWithoutNullCheckAnalyzer()
        : this(guardedUsesFastPath: true)
    {
    }

    /// <summary>
    /// Creates the analyzer with or without the fast path that skips the graph of bodies whose every use is visibly
    /// checked (<see cref="NullStateGuardedUses"/>); without it, a test compares the two on the same code.
    /// </summary>
    internal MM0003OptionalDependencyWithoutNullCheckAnalyzer(bool guardedUsesFastPath)
    {
        _guardedUsesFastPath = guardedUsesFastPath;
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0003_OptionalDependencyWithoutNullCheck);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        var guardedUsesFastPath = _guardedUsesFastPath;
        context.RegisterCompilationStartAction(start =>
        {
            if (!NullStateKnownSymbols.TryCreate(start.Compilation, start.CancellationToken, out var symbols))
            {
                return; // no core library: register nothing
            }

            var compilation = start.Compilation;
            var callerGuards = new NullStateCallerGuards();
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    var dependencies = OptionalDependencies.TryCreate(type, symbols, symbolStart.CancellationToken);
                    if (dependencies is null)
                    {
                        return; // a type without optional dependencies is never visited again
                    }

                    if (dependencies.OnlyConstructorsTracked(semanticModel: null, compilation, symbolStart.CancellationToken))
                    {
                        // No member is optional and no method parameter marked: only the constructors with an optional
                        // parameter can dereference a tracked value. Their bodies were just bound to decide that, so they
                        // are judged at the type's end, and the driver builds no operation tree for the type's other
                        // members (KurrentDB.Core: 17 such types of 22, 336 other bodies; semantic-kernel: 17 of 26).
                        symbolStart.RegisterSymbolEndAction(end => AnalyzeCandidateConstructors(end, type, dependencies, symbols, compilation, callerGuards));
                        return;
                    }

                    symbolStart.RegisterOperationBlockStartAction(block => OnBlockStart(block, dependencies, symbols, compilation, callerGuards, guardedUsesFastPath));
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// A type whose only tracked values are its constructors' optional parameters: each constructor that has one and
    /// dereferences it gets the same graph analysis an operation block would, on the body the semantic model already holds.
    /// </summary>
    private static void AnalyzeCandidateConstructors(
        SymbolAnalysisContext context,
        INamedTypeSymbol type,
        OptionalDependencies dependencies,
        NullStateKnownSymbols symbols,
        Compilation compilation,
        NullStateCallerGuards callerGuards)
    {
        var cancellationToken = context.CancellationToken;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!dependencies.IsCandidateConstructor(constructor))
            {
                continue;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax declaration
                    || SemanticModels.For(compilation, declaration.SyntaxTree)?.GetOperation(declaration, cancellationToken) is not IConstructorBodyOperation { Parent: null } body
                    || !DereferencesTrackedParameter(body, dependencies, symbols))
                {
                    continue;
                }

                var uses = new List<NullStateDereference>();
                NullStateAnalysis.Run(FlowGraphs.Of(body, cancellationToken), new NullStateScope(dependencies, ImmutableArray<ISymbol>.Empty, symbols, uses.Add, cancellationToken));
                if (uses.Count > 0)
                {
                    new Reporter(dependencies, symbols, callerGuards).ReportPerMember(constructor, ImmutableArray.Create<IOperation>(body), uses, context.ReportDiagnostic, cancellationToken);
                }
            }
        }
    }

    /// <summary>What <see cref="BlockState.OnMemberReference"/> asks of a constructor body: a tracked parameter dereferenced.</summary>
    private static bool DereferencesTrackedParameter(IOperation body, OptionalDependencies dependencies, NullStateKnownSymbols symbols)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IParameterReferenceOperation { Parameter: { } parameter } reference
                && (dependencies.IsCandidateConstructorParameter(parameter.OriginalDefinition) || IsMarkedParameter(parameter, symbols))
                && BlockState.ClassifyUse(reference) == Use.Dereference)
            {
                return true;
            }
        }

        return false;
    }

    private static void OnBlockStart(
        OperationBlockStartAnalysisContext context,
        OptionalDependencies dependencies,
        NullStateKnownSymbols symbols,
        Compilation compilation,
        NullStateCallerGuards callerGuards,
        bool guardedUsesFastPath)
    {
        if (context.OwningSymbol is not (IMethodSymbol or IFieldSymbol or IPropertySymbol))
        {
            return;
        }

        // (A type whose only tracked values are its constructors' parameters never gets here: AnalyzeCandidateConstructors.)
        //
        // Cheap pre-check: only blocks that reference an optional member or tracked parameter get a graph.
        // The fast path (a dereference a check visibly dominates needs no graph) holds outside constructors, which store
        // the members, and outside initializers.
        var fastPath = context.OwningSymbol is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) };
        var block = new BlockState(dependencies, symbols, compilation, callerGuards, fastPath && guardedUsesFastPath);
        context.RegisterOperationAction(block.OnMemberReference, OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.ParameterReference);
        context.RegisterOperationBlockEndAction(block.OnBlockEnd);
    }

    private enum Use
    {
        Read,
        Dereference,
        Write,
    }

    /// <summary>Per operation block: whether it references an optional value, then the analysis of its graph.</summary>
    private sealed class BlockState
    {
        private readonly OptionalDependencies _dependencies;
        private readonly NullStateKnownSymbols _symbols;
        private readonly Compilation _compilation;
        private readonly NullStateCallerGuards _callerGuards;
        private readonly bool _fastPath;
        private ImmutableArray<ISymbol> _members;
        private int _referencesOptional;

        // Set when a dereference neither visibly checked (NullStateGuardedUses) nor plainly unchecked
        // (NullStateUnguardedUses) needs the graph, and when the body writes an optional member or parameter (after which
        // a visible check proves nothing).
        private int _needsGraph;
        private int _writesOptional;

        // The plainly unchecked dereferences, and the optional values the body also mentions otherwise (a check, an
        // argument, a `?.`): those uses go to the graph after all. Both guarded by the gate, created on first use.
        private List<NullStateDereference>? _plainUses;
        private List<ISymbol>? _otherwiseMentioned;
        private object? _gate;

        public BlockState(OptionalDependencies dependencies, NullStateKnownSymbols symbols, Compilation compilation, NullStateCallerGuards callerGuards, bool fastPath)
        {
            _dependencies = dependencies;
            _symbols = symbols;
            _compilation = compilation;
            _callerGuards = callerGuards;
            _fastPath = fastPath;
        }

        public void OnMemberReference(OperationAnalysisContext context)
        {
            if (Volatile.Read(ref _needsGraph) != 0)
            {
                return; // the graph will be built anyway
            }

            var reference = context.Operation;
            var use = ClassifyUse(reference);
            if (use == Use.Read && !_fastPath)
            {
                return; // a use that never dereferences (`x?.M()`, `x ?? y`, `x == null`, argument) nor writes
            }

            var members = _dependencies.GetMembers(reference.SemanticModel, _compilation, context.CancellationToken);
            var definition = SymbolOf(reference);
            var hit = definition is not null
                && (OptionalDependencies.Contains(members, definition)
                    || (reference is IParameterReferenceOperation parameter
                        && (_dependencies.IsCandidateConstructorParameter(parameter.Parameter.OriginalDefinition) || IsMarkedParameter(parameter.Parameter))));
            if (!hit)
            {
                return;
            }

            if (use == Use.Read)
            {
                // A mention that may check the value (or hand it to something that does): a plain use of the same value
                // is no longer surely unchecked.
                lock (LazyInitializer.EnsureInitialized(ref _gate)!)
                {
                    (_otherwiseMentioned ??= new List<ISymbol>()).Add(definition!);
                }

                return;
            }

            if (use == Use.Write)
            {
                Volatile.Write(ref _writesOptional, 1); // only matters if some dereference was deemed checked
                return;
            }

            ImmutableInterlocked.InterlockedInitialize(ref _members, members);
            Volatile.Write(ref _referencesOptional, 1);
            if (!_fastPath || NullStateGuardedUses.IsGuarded(reference))
            {
                if (!_fastPath)
                {
                    Volatile.Write(ref _needsGraph, 1);
                }

                return;
            }

            if (NullStateUnguardedUses.IsPlainDereference(reference, _symbols, out var symbol))
            {
                lock (LazyInitializer.EnsureInitialized(ref _gate)!)
                {
                    (_plainUses ??= new List<NullStateDereference>()).Add(new NullStateDereference(reference.Syntax, symbol!.Name, symbol, enclosingLambda: null));
                }

                return;
            }

            Volatile.Write(ref _needsGraph, 1);
        }

        private static ISymbol? SymbolOf(IOperation reference) => reference switch
        {
            IMemberReferenceOperation member => member.Member.OriginalDefinition,
            IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
            _ => null,
        };

        /// <summary>
        /// Without a graph: the plain uses when none of their values is mentioned otherwise and nothing in the body could
        /// clear an unmentioned value's state (<see cref="NullStateUnguardedUses"/>); null when the graph must decide.
        /// </summary>
        private List<NullStateDereference>? PlainUsesWithoutGraph(OperationBlockAnalysisContext context, List<NullStateDereference> plainUses)
        {
            lock (_gate!)
            {
                if (_otherwiseMentioned is not null)
                {
                    foreach (var plain in plainUses)
                    {
                        foreach (var mentioned in _otherwiseMentioned)
                        {
                            if (SymbolEqualityComparer.Default.Equals(plain.Symbol, mentioned))
                            {
                                return null;
                            }
                        }
                    }
                }
            }

            foreach (var operationBlock in context.OperationBlocks)
            {
                if (NullStateUnguardedUses.BodyMayClearUnmentioned(operationBlock) || CallsOwnMethodSetting(operationBlock, plainUses, context.CancellationToken))
                {
                    return null;
                }
            }

            return plainUses;
        }

        /// <summary>
        /// Whether the body calls an own method that leaves one of the plainly used members set
        /// (<see cref="OptionalDependencies.EnsuredByOwnCallInMemberBody"/>): then the graph decides which uses follow the call.
        /// </summary>
        private bool CallsOwnMethodSetting(IOperation body, List<NullStateDereference> plainUses, CancellationToken cancellationToken)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is not IInvocationOperation { TargetMethod.IsStatic: false } invocation
                    || invocation.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
                {
                    continue;
                }

                foreach (var member in _dependencies.EnsuredByOwnCallInMemberBody(invocation.TargetMethod, _members, cancellationToken))
                {
                    foreach (var plain in plainUses)
                    {
                        if (SymbolEqualityComparer.Default.Equals(plain.Symbol, member))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        public void OnBlockEnd(OperationBlockAnalysisContext context)
        {
            if (Volatile.Read(ref _referencesOptional) == 0)
            {
                return; // nothing dereferenced
            }

            if (Volatile.Read(ref _needsGraph) == 0 && Volatile.Read(ref _writesOptional) == 0)
            {
                // Every dereference visibly checked or plainly unchecked, and no optional value written.
                if (Volatile.Read(ref _plainUses) is not { } plainUses)
                {
                    return;
                }

                if (PlainUsesWithoutGraph(context, plainUses) is { } plain)
                {
                    ReportPerMember(context, plain);
                    return;
                }
            }

            var uses = new List<NullStateDereference>();
            var scope = new NullStateScope(_dependencies, _members, _symbols, uses.Add, context.CancellationToken);

            foreach (var operationBlock in context.OperationBlocks)
            {
                if (operationBlock.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                    or OperationKind.FieldInitializer or OperationKind.PropertyInitializer))
                {
                    continue; // parameter defaults and attribute arguments hold no dereference
                }

                NullStateAnalysis.Run(context.GetControlFlowGraph(operationBlock), scope);
            }

            if (uses.Count > 0)
            {
                ReportPerMember(context, uses);
            }
        }

        private void ReportPerMember(OperationBlockAnalysisContext context, List<NullStateDereference> uses)
            => new Reporter(_dependencies, _symbols, _callerGuards).ReportPerMember(context.OwningSymbol, context.OperationBlocks, uses, context.ReportDiagnostic, context.CancellationToken);

        /// <summary>
        /// Cheap parent-shape test run before any symbol lookup. A block whose optional references are all
        /// null-conditional, coalesced, compared or passed on needs no graph; copies into locals and conditional operands
        /// count as dereferences, since the copy may be dereferenced later. A write (an assignment's target, a
        /// <c>ref</c>/<c>out</c> argument) only matters to the fast path: a visible check proves nothing after it.
        /// </summary>
        internal static Use ClassifyUse(IOperation reference)
        {
            var child = reference;
            var parent = reference.Parent;
            for (var depth = 0; parent is IConversionOperation && depth < 8; depth++)
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IInvocationOperation invocation => invocation.Instance == child && !Shapes.IsExtensionBlockMember(invocation.TargetMethod) ? Use.Dereference : Use.Read,
                IMemberReferenceOperation member => member.Instance == child && !Shapes.IsExtensionBlockMember(member.Member) ? Use.Dereference : Use.Read,
                IArrayElementReferenceOperation element => element.ArrayReference == child ? Use.Dereference : Use.Read,
                IImplicitIndexerReferenceOperation indexer => indexer.Instance == child ? Use.Dereference : Use.Read,
                IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true, Instance: null }, Parameter.Ordinal: 0 }
                    => Use.Dereference, // `_hooks.Count()`: the receiver of an extension call
                IArgumentOperation argument => argument.Parameter is null || argument.Parameter.RefKind is RefKind.Ref or RefKind.Out ? Use.Write : Use.Read,
                IConditionalAccessOperation conditional when conditional.Operation == child && NullStateAnalysis.IsConditionalAccessWhereNullThrows(conditional.Syntax)
                    => Use.Dereference, // `await _x?.SendAsync()` awaits null when `_x` is null; `foreach (… in _x?.Items)` likewise
                IConditionalAccessOperation or ICoalesceOperation or IIsPatternOperation or IIsTypeOperation
                    or INameOfOperation or IBinaryOperation or IInterpolationOperation => Use.Read,
                ISimpleAssignmentOperation assignment when assignment.Target == child => Use.Write,
                ISimpleAssignmentOperation assignment => assignment.Target is ILocalReferenceOperation ? Use.Dereference : Use.Read,
                _ => Use.Dereference, // await, foreach, using, lock, deconstruction, compound assignments, copies, ?: operands, dynamic, …
            };
        }

        private bool IsMarkedParameter(IParameterSymbol parameter) => MM0003OptionalDependencyWithoutNullCheckAnalyzer.IsMarkedParameter(parameter, _symbols);
    }

    private static bool IsMarkedParameter(IParameterSymbol parameter, NullStateKnownSymbols symbols)
        => symbols.CanBeNull(parameter.Type)
            && OptionalDependencies.HasAttributeNamed(parameter.GetAttributes(), OptionalDependencies.AttributeName);

    /// <summary>Turns one body's unguarded uses into diagnostics, for an operation block and for a constructor judged at its type's end alike.</summary>
    private readonly struct Reporter
    {
        private readonly OptionalDependencies _dependencies;
        private readonly NullStateKnownSymbols _symbols;
        private readonly NullStateCallerGuards _callerGuards;

        public Reporter(OptionalDependencies dependencies, NullStateKnownSymbols symbols, NullStateCallerGuards callerGuards)
        {
            _dependencies = dependencies;
            _symbols = symbols;
            _callerGuards = callerGuards;
        }

        /// <summary>
        /// One diagnostic per optional value per member body: on its first unguarded use in source order, with the other
        /// unguarded uses as additional locations; the <c>Shapes</c> property gives the fix each use's own guard shape.
        /// </summary>
        public void ReportPerMember(ISymbol owningSymbol, ImmutableArray<IOperation> blocks, List<NullStateDereference> uses, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var owner = owningSymbol as IMethodSymbol;
            var dependencies = _dependencies;
            var callerGuards = _callerGuards;
            if (owner is { DeclaredAccessibility: Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal, MethodKind: MethodKind.Ordinary }
                && !blocks.IsEmpty && blocks[0].SemanticModel is { } model)
            {
                // A private (or internal, non-virtual) helper every caller reaches only after checking the member, which
                // keeps its value after construction: the member is set on entry (NullStateCallerGuards).
                uses = uses.FindAll(use => !(use.Symbol is IFieldSymbol or IPropertySymbol
                    && dependencies.IsStableAfterConstruction(use.Symbol, cancellationToken)
                    && callerGuards.GuardedAtEveryUse(owner, use.Symbol, model, cancellationToken)));
                if (uses.Count == 0)
                {
                    return;
                }
            }

            if (owner is { MethodKind: MethodKind.Constructor })
            {
                // `FirstFrame = LastFrame = firstFrame; if (firstFrame != null) { LastFrame.Flags |= Final; }` (hazelcast): the
                // member holds the parameter the constructor just checked.
                uses = uses.FindAll(static use => !(use.EnclosingLambda is null && use.Symbol is IFieldSymbol or IPropertySymbol
                    && NullStateCallerGuards.CheckedThroughStoredParameter(use.Receiver, use.Symbol.Name)));
                if (uses.Count == 0)
                {
                    return;
                }
            }

            uses.Sort(static (a, b) => a.Receiver.SpanStart.CompareTo(b.Receiver.SpanStart));
            var done = new bool[uses.Count];
            for (var i = 0; i < uses.Count; i++)
            {
                if (done[i])
                {
                    continue;
                }

                var first = uses[i];
                var shapes = new List<string>();
                var additional = new List<Location>();
                for (var j = i; j < uses.Count; j++)
                {
                    if (done[j] || !SameValue(first, uses[j]))
                    {
                        continue;
                    }

                    done[j] = true;
                    var use = uses[j];
                    shapes.Add(MM0003DiagnosticProperties.ShapeOf(use.Receiver, use.EnclosingLambda ?? owner, IsNullableValueTypeReceiver(use, blocks, cancellationToken)));
                    if (j != i)
                    {
                        additional.Add(use.Receiver.GetLocation());
                    }
                }

                report(Diagnostic.Create(
                    Descriptors.MM0003_OptionalDependencyWithoutNullCheck,
                    first.Receiver.GetLocation(),
                    additional,
                    MM0003DiagnosticProperties.ForUses(shapes),
                    first.Name));
            }
        }

        private static bool SameValue(NullStateDereference a, NullStateDereference b)
            => a.Symbol is not null && b.Symbol is not null
                ? SymbolEqualityComparer.Default.Equals(a.Symbol, b.Symbol)
                : a.Symbol is null && b.Symbol is null && a.Name == b.Name;

        private bool IsNullableValueTypeReceiver(NullStateDereference dereference, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
        {
            foreach (var operationBlock in blocks)
            {
                if (operationBlock.Syntax.Span.Contains(dereference.Receiver.Span))
                {
                    var model = operationBlock.SemanticModel;
                    return model is not null
                        && _symbols.IsNullableValueType(model.GetTypeInfo(dereference.Receiver, cancellationToken).Type);
                }
            }

            return false;
        }
    }
}
