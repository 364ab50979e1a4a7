using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0005: an async method, lambda or local function tests a field or auto-property (<c>!_initialized</c>,
/// <c>_data == null</c>, <c>_data is null</c>, <c>_data ??= await …</c>, <c>if (_data != null) return _data;</c>) and,
/// on the outcome where initialization is still needed, awaits and only then writes the member (or a flag tested in
/// the same condition), with no single-flight guard held across the await. Reported at the condition.
/// Path-sensitive: runs over the control-flow graph of blocks that contain both an await and such a test. Members whose
/// text has no <c>await</c> (a syntactic pre-filter, <see cref="WordTextIndex"/>) get no state and no operation actions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0005RacyLazyAsyncInitializationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> ConditionProperties = ImmutableDictionary<string, string?>.Empty
        .Add(MM0005Properties.Form, MM0005Properties.Condition);

    private static readonly ImmutableDictionary<string, string?> CoalesceProperties = ImmutableDictionary<string, string?>.Empty
        .Add(MM0005Properties.Form, MM0005Properties.CoalesceAssignment);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0005_RacyLazyAsyncInitialization);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!LazyInitTypes.TryCreate(start.Compilation, out var types))
            {
                return; // no Task type: nothing is awaited
            }

            var summaries = new LazyInitWriteSummaries(start.Compilation);
            var awaits = new WordTextIndex(WordTextIndex.Await);
            var tests = TestFrameworks.Create(start.Compilation);
            var options = new MM0005Options(start.Options.AnalyzerConfigOptionsProvider);
            var scopedServices = new ScopedServices(start.Compilation);

            // Scoped to the types whose declarations write `await`: only their member bodies get operation trees (an
            // operation-block action registered for the whole compilation makes the driver build every body's).
            Action<OperationBlockStartAnalysisContext> onBlockStart = block =>
            {
                if (block.OwningSymbol is not (IMethodSymbol or IFieldSymbol or IPropertySymbol)
                    || block.OperationBlocks.IsEmpty
                    || !awaits.AnyIn(block.OperationBlocks, block.CancellationToken))
                {
                    return; // no `await` written in the member: nothing can race, so no state and no operation actions
                }

                // A test method is called by its framework, never by two callers at once; the lambdas and local functions
                // it creates may be (`Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => …))`), so they are still judged.
                // Set-up and teardown methods and single-caller steps (enumerator MoveNext, the instance members of a Stream,
                // a DbContext or a type mm0005.single_caller_types lists) are not judged either, in both forms.
                var judgeBody = block.OwningSymbol is not IMethodSymbol method
                    || ((tests is null || !tests.IsTestMethod(method)) && !TeardownMethods.IsTeardown(method) && !BlockState.IsSingleCallerStep(method)
                        && !TestFrameworks.IsSetUp(method)
                        && !(!method.IsStatic && method.ContainingType is { } owner
                            && MM0005Options.IsListed(owner, options.SingleCallerTypes(block.OperationBlocks[0].Syntax.SyntaxTree))));
                var state = new BlockState(types, summaries, judgeBody, tests, start.Compilation, scopedServices);
                block.RegisterOperationAction(
                    state.OnOperation,
                    OperationKind.Await,
                    OperationKind.Loop,
                    OperationKind.Conditional,
                    OperationKind.Coalesce,
                    OperationKind.CoalesceAssignment);
                block.RegisterOperationBlockEndAction(state.OnBlockEnd);
            };
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (awaits.AnyIn((INamedTypeSymbol)symbolStart.Symbol, symbolStart.CancellationToken))
                    {
                        symbolStart.RegisterOperationBlockStartAction(onBlockStart);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>Per operation block: the cheap gate (an await and a member test seen), then the graphs of its async functions.</summary>
    private sealed class BlockState
    {
        private readonly LazyInitTypes _types;
        private readonly LazyInitWriteSummaries _summaries;
        private readonly bool _judgeBody;
        private readonly TestFrameworks? _tests;
        private readonly Compilation _compilation;
        private readonly ScopedServices _scopedServices;

        // Whether the body belongs to a private helper only single-caller methods await, one call at a time (0: not decided
        // yet, 1: it does, 2: it does not); decided on the body's first report.
        private int _helperOfSingleCallers;
        private int _startedOnceByConstructor;
        private int _awaitInBody;
        private int _awaitInNested;
        private int _memberTest;

        public BlockState(LazyInitTypes types, LazyInitWriteSummaries summaries, bool judgeBody, TestFrameworks? tests, Compilation compilation, ScopedServices scopedServices)
        {
            _scopedServices = scopedServices;
            _tests = tests;
            _compilation = compilation;
            _types = types;
            _summaries = summaries;
            _judgeBody = judgeBody;
        }

        /// <summary>One action for the four kinds: one delegate per analysed block instead of three.</summary>
        public void OnOperation(OperationAnalysisContext context)
        {
            switch (context.Operation.Kind)
            {
                case OperationKind.Await:
                    OnAwait(context);
                    break;
                case OperationKind.Loop:
                    // `await foreach` awaits each step: the graph lowers it to awaits of MoveNextAsync.
                    if (context.Operation is IForEachLoopOperation { IsAsynchronous: true })
                    {
                        OnAwait(context);
                    }
                    else if (context.Operation is IWhileLoopOperation { Condition: { } condition } && LazyInitMembers.MayBeTrackedCheck(condition))
                    {
                        Volatile.Write(ref _memberTest, 1); // `while (!_connected) { … }`: the graph sees a loop's test as a check too
                    }
                    else if (context.Operation is IForLoopOperation { Condition: { } forCondition } && LazyInitMembers.MayBeTrackedCheck(forCondition))
                    {
                        Volatile.Write(ref _memberTest, 1);
                    }

                    break;
                case OperationKind.CoalesceAssignment:
                    OnCoalesceAssignment(context);
                    break;
                default:
                    OnCondition(context);
                    break;
            }
        }

        private void OnAwait(OperationAnalysisContext context)
        {
            if (IsInNestedFunction(context.Operation))
            {
                Volatile.Write(ref _awaitInNested, 1);
            }
            else
            {
                Volatile.Write(ref _awaitInBody, 1);
            }
        }

        private void OnCondition(OperationAnalysisContext context)
        {
            if (Volatile.Read(ref _memberTest) != 0)
            {
                return;
            }

            var test = context.Operation switch
            {
                IConditionalOperation conditional => LazyInitMembers.MayBeTrackedCheck(conditional.Condition),
                ICoalesceOperation coalesce => LazyInitMembers.IsTrackedMemberReference(coalesce.Value),
                _ => false,
            };
            if (test)
            {
                Volatile.Write(ref _memberTest, 1);
            }
        }

        /// <summary><c>_x ??= await LoadAsync();</c>: check, await and write in one expression, in that order.</summary>
        private void OnCoalesceAssignment(OperationAnalysisContext context)
        {
            var assignment = (ICoalesceAssignmentOperation)context.Operation;
            if ((!_judgeBody && !IsInNestedFunction(assignment))
                || LazyInitMembers.GetTrackedMember(assignment.Target, captures: null) is not { } member
                || assignment.SemanticModel is not { } model
                || !ContainsRacyAwait(assignment.Value, context.ContainingSymbol.ContainingType, model, context.CancellationToken)
                || FindFunctionBody(assignment) is not { } body)
            {
                return;
            }

            var tested = new[] { member };
            if (!LazyInitGuards.IsGuarded(assignment.Target.Syntax, body, tested, 1, _types, model, context.CancellationToken)
                && !LazyInitToggles.IsWrittenOnBothOutcomes(member, assignment.Target.Syntax, model, context.CancellationToken)
                && (IsInNestedFunction(assignment)
                    || (!IsHelperOfSingleCallers(context.ContainingSymbol, context.CancellationToken)
                        && !IsStartedOnceByItsConstructor(context.ContainingSymbol, member, context.CancellationToken)))
                && !IsUnderFirstRender(assignment.Target.Syntax, context.ContainingSymbol)
                && (IsInNestedFunction(assignment) || !IsOfAScopedService(context.ContainingSymbol, context.CancellationToken)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.MM0005_RacyLazyAsyncInitialization,
                    assignment.Target.Syntax.GetLocation(),
                    CoalesceProperties.Add(MM0005Properties.Member, member.Name),
                    Shapes.SourceName(member)));
            }
        }

        /// <summary>
        /// An instance member of a class the compilation registers as a scoped service only (<see cref="ScopedServices"/>):
        /// featbit's <c>RequestPermissions</c> ("registered as a scoped service so it's safe to cache permissions in a
        /// private field for the duration of the request"), MODiX's Discord command session, FeatureManagement's
        /// per-request snapshot. The lambdas and local functions it creates are still judged.
        /// </summary>
        private bool IsOfAScopedService(ISymbol owner, CancellationToken cancellationToken)
            => !owner.IsStatic && _scopedServices.IsScopedOnly(owner.ContainingType, cancellationToken);

        /// <summary>
        /// The body runs once per instance (<see cref="SingleCallerHelpers.IsStartedOnceByItsConstructor(IMethodSymbol, LazyInitTypes, Compilation, CancellationToken)"/>): its instance
        /// state has one caller; a static member is shared by every instance's run and is still judged.
        /// </summary>
        private bool IsStartedOnceByItsConstructor(ISymbol owner, ISymbol member, CancellationToken cancellationToken)
        {
            if (member.IsStatic || owner is not IMethodSymbol { DeclaredAccessibility: Accessibility.Private } method)
            {
                return false;
            }

            var decided = Volatile.Read(ref _startedOnceByConstructor);
            if (decided == 0)
            {
                decided = SingleCallerHelpers.IsStartedOnceByItsConstructor(method, _types, _compilation, cancellationToken) ? 1 : 2;
                Volatile.Write(ref _startedOnceByConstructor, decided);
            }

            return decided == 1;
        }

        private bool IsHelperOfSingleCallers(ISymbol owner, CancellationToken cancellationToken)
        {
            var decided = Volatile.Read(ref _helperOfSingleCallers);
            if (decided == 0)
            {
                var tests = _tests;
                var compilation = _compilation;
                System.Func<IMethodSymbol, bool> isSingleCaller =
                    caller => (tests is not null && tests.IsTestMethod(caller)) || TestFrameworks.IsSetUp(caller) || IsSingleCallerStep(caller);
                System.Func<INamedTypeSymbol, bool>? fixtures = tests is null ? null : type => tests.IsXunitFixture(type, compilation, cancellationToken);
                decided = owner is IMethodSymbol method
                    && (((method.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal
                                || PrivateMethodUses.PrivateNestedTypeHolding(method) is not null)
                            && SingleCallerHelpers.IsHelperOfSingleCallers(method, isSingleCaller, _compilation, cancellationToken, publicCallersIn: fixtures))
                        || (method.DeclaredAccessibility == Accessibility.Public && tests is not null && method.ContainingType is { } fixture
                            && tests.IsXunitFixture(fixture, _compilation, cancellationToken)
                            && SingleCallerHelpers.IsHelperOfSingleCallers(method, isSingleCaller, _compilation, cancellationToken, publicToo: true, publicCallersIn: fixtures))
                        || (method.DeclaredAccessibility != Accessibility.Private
                            && SingleCallerHelpers.IsOverrideOfAHookOfSingleCallers(method, TestFrameworks.IsSetUp, _compilation, cancellationToken))) ? 1 : 2;
                Volatile.Write(ref _helperOfSingleCallers, decided);
            }

            return decided == 1;
        }

        public void OnBlockEnd(OperationBlockAnalysisContext context)
        {
            var inBody = Volatile.Read(ref _awaitInBody) != 0;
            var inNested = Volatile.Read(ref _awaitInNested) != 0;
            if ((!inBody && !inNested) || Volatile.Read(ref _memberTest) == 0)
            {
                return; // no await or no member test: nothing can race
            }

            var ownType = context.OwningSymbol.ContainingType;
            if (!_summaries.MayWriteAReadMember(context.OperationBlocks, ownType, context.CancellationToken))
            {
                return; // no member written and no own call that could write one it reads: no graph can find a write after an await
            }

            var analyzeBody = _judgeBody && inBody && context.OwningSymbol is IMethodSymbol { IsAsync: true };
            foreach (var operationBlock in context.OperationBlocks)
            {
                if (operationBlock.Kind is not (OperationKind.MethodBody or OperationKind.Block or OperationKind.FieldInitializer
                    or OperationKind.PropertyInitializer))
                {
                    continue;
                }

                var graph = context.GetControlFlowGraph(operationBlock);
                if (analyzeBody && operationBlock.Kind is OperationKind.MethodBody or OperationKind.Block)
                {
                    Analyze(graph, ownType, context, isBody: true);
                }

                if (inNested)
                {
                    AnalyzeNested(graph, ownType, context, depth: 0);
                }
            }
        }

        private void Analyze(ControlFlowGraph graph, INamedTypeSymbol? ownType, OperationBlockAnalysisContext context, bool isBody = false)
        {
            LazyInitFlowAnalysis.Run(
                graph,
                _types,
                _summaries,
                ownType,
                (condition, member) =>
                {
                    if (graph.OriginalOperation.SemanticModel is { } model
                        && (LazyInitToggles.IsToggledFlag(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsWrittenOnBothOutcomes(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsLoopUntilALatch(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsClearedAgainByTheFunction(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsClockStamp(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsBesideARenewedClockStamp(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsBesideARenewedVersionStamp(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsBesideItsOwnExpiry(member, condition, model, context.CancellationToken)
                            || LazyInitToggles.IsRotatedBeforeTheCheck(member, condition, model, context.CancellationToken)))
                    {
                        return; // a flag that goes back to false, state rewritten on both outcomes, a loop until a latch, a cursor the function clears, a time tested against the clock or a value expiring with one, with a version it renews, or by itself, or rotated when used up: not an initialization
                    }

                    if (IsHelperOfSingleCallers(context.OwningSymbol, context.CancellationToken)
                        || (isBody && IsStartedOnceByItsConstructor(context.OwningSymbol, member, context.CancellationToken)))
                    {
                        return; // a private helper only its tests or a hosted service's start await, one call at a time: no second caller
                    }

                    if (IsUnderFirstRender(condition, context.OwningSymbol))
                    {
                        return; // a Blazor component's first-render branch runs once per component: no second caller
                    }

                    if (isBody && IsOfAScopedService(context.OwningSymbol, context.CancellationToken))
                    {
                        return; // one instance per request or scope, whose steps run one after another: no second caller
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.MM0005_RacyLazyAsyncInitialization,
                        condition.GetLocation(),
                        ConditionProperties.Add(MM0005Properties.Member, member.Name),
                        Shapes.SourceName(member)));
                },
                context.CancellationToken);
        }

        /// <summary>Async lambdas and local functions of <paramref name="graph"/>, each through its own graph.</summary>
        private void AnalyzeNested(ControlFlowGraph graph, INamedTypeSymbol? ownType, OperationBlockAnalysisContext context, int depth)
        {
            if (depth > 16)
            {
                return;
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                var nested = graph.GetLocalFunctionControlFlowGraph(localFunction, context.CancellationToken);
                if (localFunction.IsAsync)
                {
                    Analyze(nested, ownType, context);
                }

                AnalyzeNested(nested, ownType, context, depth + 1);
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    VisitLambdas(operation, graph, ownType, context, depth);
                }

                if (block.BranchValue is { } branchValue)
                {
                    VisitLambdas(branchValue, graph, ownType, context, depth);
                }
            }
        }

        private void VisitLambdas(IOperation operation, ControlFlowGraph graph, INamedTypeSymbol? ownType, OperationBlockAnalysisContext context, int depth)
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
            {
                var nested = graph.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken);
                if (lambda.Symbol.IsAsync)
                {
                    Analyze(nested, ownType, context);
                }

                AnalyzeNested(nested, ownType, context, depth + 1);
                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                VisitLambdas(child, graph, ownType, context, depth);
            }
        }

        private bool ContainsRacyAwait(IOperation value, INamedTypeSymbol? ownType, SemanticModel model, CancellationToken cancellationToken)
        {
            if (value is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (value is IAwaitOperation awaitOperation && !_types.IsSingleFlightAwait(awaitOperation.Operation)
                && !MemoizedTasks.IsMemoAwait(awaitOperation.Operation, ownType, model, cancellationToken))
            {
                return true;
            }

            foreach (var child in value.ChildOperations)
            {
                if (ContainsRacyAwait(child, ownType, model, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A step whose contract forbids overlapping calls, so its state (`if (!_started) { _inner = await OpenAsync(); … }`)
        /// is a state machine with one caller, not a shared initialization: an enumerator's <c>MoveNextAsync</c> or
        /// <c>MoveNext</c> returning a task of <c>bool</c> (<c>IAsyncEnumerator&lt;T&gt;</c>, EF Core's Cosmos query enumerators,
        /// cosmos's <c>MoveNextAsync(ITrace, CancellationToken)</c>, gRPC's stream readers), and any instance method of a
        /// <c>Stream</c> (one reader at a time: grpc's <c>SyncPointMemoryStream</c>, YoutubeExplode's <c>MediaStream</c>,
        /// whose segment helper its <c>ReadAsync</c> and its factory-awaited <c>InitializeAsync</c> share), a pipe reader or
        /// writer or a response body feature (<see cref="IsSingleReaderChannel"/>), or of an Entity
        /// Framework <c>DbContext</c>, which is one unit of work: a second operation started before the first completed
        /// throws, so its state (eShop's <c>OrderingContext</c>: <c>if (_currentTransaction != null) return null;
        /// _currentTransaction = await Database.BeginTransactionAsync(…);</c>) has one caller at a time. Also a cursor's
        /// steps (<see cref="IsCursorStep"/>), and the framework callbacks raised once: a hosted service's start, a
        /// <c>BackgroundService.ExecuteAsync</c>, Blazor's <c>OnInitializedAsync</c>, an Avalonia control's <c>OnOpened</c>.
        /// </summary>
        internal static bool IsSingleCallerStep(IMethodSymbol method)
        {
            var name = NamePrefix.MemberName(method.Name);
            return (!method.IsStatic
                    && (DerivesFromDbContext(method.ContainingType) || IsSingleReaderChannel(method.ContainingType) || IsTurnBasedActor(method.ContainingType)
                        || ImplementsSingleCallerInterface(method.ContainingType)))
                || (name is "MoveNextAsync" or "MoveNext" && ReturnsTaskOfBool(method))
                || (!method.IsStatic && IsCursorStep(name) && IsCursor(method.ContainingType))
                || (name is "ExecuteAsync" && method.IsOverride && OverridesBackgroundService(method))
                || (name is "OnInitializedAsync" && method.IsOverride && OverridesComponentBase(method))
                || (name is "OnOpened" && method.IsOverride && OverridesAvaloniaControl(method))
                || (name is "StartAsync" && ImplementsHostedServiceStart(method));
        }

        /// <summary>
        /// The check sits in the branch an <c>if (firstRender …)</c> guards in a Blazor component's
        /// <c>OnAfterRenderAsync(bool firstRender)</c> override (not in a lambda there): the renderer passes <c>true</c> once
        /// per component, so that branch has one caller, like a hosted service's start (fluentui-blazor's and
        /// ant-design-blazor's <c>if (firstRender) { Module ??= await JSRuntime.InvokeAsync&lt;IJSObjectReference&gt;("import", …); }</c>,
        /// 22 reports). Another method doing the same keeps its own report.
        /// </summary>
        private static bool IsUnderFirstRender(SyntaxNode check, ISymbol owner)
        {
            if (owner is not IMethodSymbol { Name: "OnAfterRenderAsync", IsOverride: true, Parameters: [{ Type.SpecialType: SpecialType.System_Boolean } parameter] } method
                || !OverridesComponentBase(method))
            {
                return false;
            }

            SyntaxNode child = check;
            foreach (var ancestor in check.Ancestors())
            {
                if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    return false;
                }

                // Inside the branch of `if (firstRender)`, or in a condition `firstRender && !_initialized` itself (Blazorise).
                if (ancestor is IfStatementSyntax ifStatement && (ifStatement.Statement == child || ifStatement.Condition == child)
                    && TestsFlag(ifStatement.Condition, parameter.Name))
                {
                    return true;
                }

                child = ancestor;
            }

            return false;

            static bool TestsFlag(ExpressionSyntax condition, string name)
                => condition switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                    ParenthesizedExpressionSyntax parenthesized => TestsFlag(parenthesized.Expression, name),
                    BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both => TestsFlag(both.Left, name) || TestsFlag(both.Right, name),
                    _ => false,
                };
        }

        private static bool OverridesComponentBase(IMethodSymbol method)
            => OverridesOneDeclaredIn(method, static type => type is { Name: "ComponentBase", ContainingNamespace: { Name: "Components", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } });

        /// <summary>Whether <paramref name="method"/> overrides, at some level, a method declared in a type <paramref name="declaredIn"/> accepts.</summary>
        private static bool OverridesOneDeclaredIn(IMethodSymbol method, System.Func<INamedTypeSymbol?, bool> declaredIn)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (declaredIn(overridden.ContainingType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An override of a method declared in <c>Avalonia.Controls</c> (<c>TopLevel</c>/<c>Window.OnOpened</c>): the framework
        /// raises it on the UI thread once per opening, so a first-time flag there (ClassIsland's settings window:
        /// <c>if (_isFirstNavigated) return; await CoreNavigate(page); _isFirstNavigated = true;</c>, a triage of unseen
        /// repositories) has no second caller while the first awaits.
        /// </summary>
        private static bool OverridesAvaloniaControl(IMethodSymbol method)
            => OverridesOneDeclaredIn(method, static type => Namespaces.IsExactly(type?.ContainingNamespace, "Avalonia", "Controls"));

        /// <summary>
        /// <c>IHostedService.StartAsync</c> (implicit or explicit): the host calls it once per service, before any request,
        /// so <c>if (!_isInitialized) { await ConnectAsync(); _isInitialized = true; }</c> there has no second caller.
        /// </summary>
        private static bool ImplementsHostedServiceStart(IMethodSymbol method)
        {
            if (method.ContainingType is not { } type || method.Parameters.Length != 1)
            {
                return false;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (IsHostingType(candidate, "IHostedService"))
                {
                    foreach (var member in candidate.GetMembers("StartAsync"))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// <c>BackgroundService.ExecuteAsync</c>: the host calls it once per service, so a reconnect loop's
        /// <c>if (_client == null) { _client = await ConnectAsync(ct); }</c> has no second caller to race with.
        /// </summary>
        private static bool OverridesBackgroundService(IMethodSymbol method)
            => OverridesOneDeclaredIn(method, static type => IsHostingType(type, "BackgroundService"));

        /// <summary>A type of <c>Microsoft.Extensions.Hosting</c> named <paramref name="name"/>.</summary>
        private static bool IsHostingType(INamedTypeSymbol? type, string name)
            => type is { ContainingNamespace: { Name: "Hosting", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } }
                && type.Name == name;

        private static bool ReturnsTaskOfBool(IMethodSymbol method)
            => method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } task
                && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean
                && task.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>
        /// EF Core's <c>Microsoft.EntityFrameworkCore.DbContext</c> or EF 6's <c>System.Data.Entity.DbContext</c> is a base
        /// type — or a base named <c>DbContext</c> that does not resolve yet (a package still restoring in the IDE), judged
        /// by its written name.
        /// </summary>
        private static bool DerivesFromDbContext(INamedTypeSymbol? type)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == "DbContext"
                    && (current.TypeKind == TypeKind.Error
                        || Namespaces.IsExactly(current.ContainingNamespace, "Microsoft", "EntityFrameworkCore")
                        || Namespaces.IsExactly(current.ContainingNamespace, "System", "Data", "Entity")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A virtual actor or grain whose runtime delivers one call at a time to an instance (turn-based; reentrancy is
        /// opt-in): a Dapr actor (<c>Dapr.Actors.Runtime.Actor</c>, <c>Dapr.Actors.Next.Abstractions.Actor</c>), an Orleans
        /// <c>Grain</c> not marked <c>[Reentrant]</c>, a Service Fabric <c>Microsoft.ServiceFabric.Actors.Runtime.ActorBase</c>,
        /// an Akka.NET <c>Akka.Actor.ActorBase</c> (a Proto.Actor <c>Proto.IActor</c>:
        /// <see cref="ImplementsSingleCallerInterface"/>). Lazy state restored on the first call (dapr's
        /// <c>StateMachineActor.EnsureRestoredAsync</c>) has one caller at a time.
        /// </summary>
        private static bool IsTurnBasedActor(INamedTypeSymbol? type)
        {
            if (type is null || type.TypeKind != TypeKind.Class)
            {
                return false;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                var ns = current.ContainingNamespace;
                switch (current.Name)
                {
                    case "Actor" when Namespaces.IsExactly(ns, "Dapr", "Actors", "Runtime") || Namespaces.IsExactly(ns, "Dapr", "Actors", "Next", "Abstractions"):
                    case "ActorBase" when Namespaces.IsExactly(ns, "Microsoft", "ServiceFabric", "Actors", "Runtime") || Namespaces.IsExactly(ns, "Akka", "Actor"):
                        return true;
                    case "Grain" when Namespaces.IsExactly(ns, "Orleans"):
                        return !IsMarkedReentrant(type);
                }
            }

            return false;
        }

        /// <summary>
        /// The interfaces of those contracts (one pass over <c>AllInterfaces</c>): ASP.NET Core's
        /// <c>IHttpResponseBodyFeature</c> (<see cref="IsSingleReaderChannel"/>) and Proto.Actor's <c>IActor</c>
        /// (<see cref="IsTurnBasedActor"/>).
        /// </summary>
        private static bool ImplementsSingleCallerInterface(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if ((implemented.Name == "IActor" && Namespaces.IsExactly(implemented.ContainingNamespace, "Proto"))
                    || (implemented.Name == "IHttpResponseBodyFeature" && Namespaces.IsExactly(implemented.ContainingNamespace, "Microsoft", "AspNetCore", "Http", "Features")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A step of a cursor, by its name: <c>Peek…</c>, <c>Next…</c>, <c>Fetch…</c>, <c>Prefetch…</c>, <c>ReadNext…</c> — the
        /// moves its one consumer makes besides <c>MoveNextAsync</c> (neo4j's <c>ResultCursor.PeekAsync</c>/<c>FetchAsync</c>,
        /// tweetinvi's <c>NextPageAsync</c>, Cosmos' <c>ReadNextAsync</c> and its page enumerators' <c>PrefetchAsync</c>, which
        /// their <c>MoveNextAsync</c> awaits first). A cursor's other members (an <c>EnsureInitializedAsync</c>, a header loaded
        /// once) are still judged.
        /// </summary>
        private static bool IsCursorStep(string name)
            => name.StartsWith("Peek", System.StringComparison.Ordinal) || name.StartsWith("Next", System.StringComparison.Ordinal)
                || name.StartsWith("Fetch", System.StringComparison.Ordinal) || name.StartsWith("Prefetch", System.StringComparison.Ordinal)
                || name.StartsWith("ReadNext", System.StringComparison.Ordinal);

        /// <summary>
        /// A cursor its one consumer steps through: a type named <c>…Cursor</c>, <c>…Iterator</c> or <c>…Enumerator</c>, or
        /// deriving from one so named (Cosmos' <c>StandByFeedIteratorCore</c> : <c>FeedIteratorInternal</c> :
        /// <c>FeedIterator</c>), or implementing <c>IAsyncEnumerator&lt;T&gt;</c> or <c>IEnumerator</c>. What its steps keep
        /// — a peeked record, the current page — is one reader's position (triages of unseen repositories: neo4j,
        /// tweetinvi, Cosmos).
        /// </summary>
        private static bool IsCursor(INamedTypeSymbol? type)
        {
            if (type is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                var name = current.Name;
                if (name.EndsWith("Cursor", System.StringComparison.Ordinal) || name.EndsWith("Iterator", System.StringComparison.Ordinal)
                    || name.EndsWith("Enumerator", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if ((implemented.MetadataName == "IAsyncEnumerator`1" && Namespaces.IsExactly(implemented.ContainingNamespace, "System", "Collections", "Generic"))
                    || (implemented.MetadataName == "IEnumerator" && Namespaces.IsExactly(implemented.ContainingNamespace, "System", "Collections")))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMarkedReentrant(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ReentrantAttribute" } attributeClass && Namespaces.IsExactly(attributeClass.ContainingNamespace, "Orleans", "Concurrency"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A byte channel one reader or writer drives at a time: a <c>System.IO.Stream</c>, a <c>System.IO.Pipelines</c>
        /// <c>PipeReader</c> or <c>PipeWriter</c> (an ASP.NET Core response body, <c>IHttpResponseBodyFeature</c>: one response,
        /// one request pipeline, aws-lambda-dotnet's <c>StreamingResponseBodyFeature.StartAsync</c> latch, is found by
        /// <see cref="ImplementsSingleCallerInterface"/>).
        /// </summary>
        private static bool IsSingleReaderChannel(INamedTypeSymbol? type)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if ((current.Name == "Stream" && Namespaces.IsExactly(current.ContainingNamespace, "System", "IO"))
                    || (current.Name is "PipeReader" or "PipeWriter" && Namespaces.IsExactly(current.ContainingNamespace, "System", "IO", "Pipelines")))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInNestedFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode? FindFunctionBody(IOperation operation)
        {
            IOperation? last = operation;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current.Syntax;
                }

                last = current;
            }

            return last?.Syntax;
        }
    }
}
