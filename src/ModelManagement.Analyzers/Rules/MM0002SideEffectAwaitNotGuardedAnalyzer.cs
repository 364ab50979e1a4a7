using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0002: an awaited side effect (logging, telemetry, metrics, audit, history) whose result is discarded is not
/// guarded by a try statement catching <see cref="System.Exception"/>, so its failure would fail the operation.
/// </summary>
/// <remarks>
/// The diagnostic is reported on the invocation of the side-effect method (inside a <c>ConfigureAwait</c> call, if any);
/// its message argument is the invoked expression as written (for example <c>_history.LogResultAsync</c>); its
/// <see cref="Diagnostic.Properties"/> hold <see cref="ReasonProperty"/> (a <see cref="SideEffectReason"/> name).
/// </remarks>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class MM0002SideEffectAwaitNotGuardedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property naming why the call is a side effect: MethodPrefix, ReceiverSuffix, Attribute or Configured.</summary>
    public const string ReasonProperty = "Reason";

    /// <summary>
    /// The property naming how the side effect is awaited: absent for <c>await X;</c>, <see cref="TaskOfWhenAllShape"/> when
    /// <c>X</c> is one of the tasks of an awaited <c>Task.WhenAll(...)</c> (the await is the additional location).
    /// </summary>
    public const string ShapeProperty = "Shape";

    /// <summary>
    /// Value of <see cref="ShapeProperty"/>: the side effect is one of the tasks an awaited <c>Task.WhenAll</c> waits for,
    /// written inside the await (<c>Task.WhenAll(LogAsync(), ...)</c>). The diagnostic is on the side-effect call; the
    /// <c>Task.WhenAll(...)</c> call is the additional location.
    /// </summary>
    public const string TaskOfWhenAllShape = "TaskOfWhenAll";

    /// <summary>
    /// Value of <see cref="ShapeProperty"/>: the side effect is one of the tasks an awaited <c>Task.WhenAll</c> waits for,
    /// created before the await (a list of tasks or of lambdas). The diagnostic is on the <c>Task.WhenAll(...)</c> call
    /// (a diagnostic stays where the analysed await is, so editors can compute it for that span); the side-effect call is
    /// the additional location.
    /// </summary>
    public const string TaskCollectedForWhenAllShape = "TaskCollectedForWhenAll";

    // Bounds every parent walk: deeper nesting than this is not real code; such awaits are left alone.
    private const int MaxParentDepth = 256;

    private static readonly ImmutableDictionary<string, string?>[] PropertiesByReason = CreateProperties(shape: null);
    private static readonly ImmutableDictionary<string, string?>[] WhenAllPropertiesByReason = CreateProperties(TaskOfWhenAllShape);
    private static readonly ImmutableDictionary<string, string?>[] CollectedPropertiesByReason = CreateProperties(TaskCollectedForWhenAllShape);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0002_SideEffectAwaitNotGuarded);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            var exceptionType = start.Compilation.GetTypeByMetadataName("System.Exception");
            if (exceptionType is null)
            {
                return; // no System.Exception: no catch clause can be judged, so register nothing
            }

            var helperType = start.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName);
            var state = new CompilationState(
                exceptionType,
                helperType,
                start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task"),
                new SideEffectCallClassifier(start.Options.AnalyzerConfigOptionsProvider),
                new GuardedMethodSummaries(start.Compilation, exceptionType, helperType),
                TestFrameworks.Create(start.Compilation));

            // Scoped to the types whose declarations write `await` (an await operation needs the keyword): only their
            // member bodies get operation trees, where an operation action for the whole compilation would build every body's.
            var awaits = new WordTextIndex(WordTextIndex.Await);
            Action<OperationAnalysisContext> analyze = context => AnalyzeAwait(context, state);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (awaits.AnyIn((INamedTypeSymbol)symbolStart.Symbol, symbolStart.CancellationToken))
                    {
                        symbolStart.RegisterOperationAction(analyze, OperationKind.Await);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeAwait(OperationAnalysisContext context, CompilationState state)
    {
        var awaitOperation = (IAwaitOperation)context.Operation;

        // Cheap shape tests first: `await X;` / `await X.ConfigureAwait(..);` as a statement, X an invocation.
        if (awaitOperation.Parent is not IExpressionStatementOperation
            || SideEffectGuards.PeelAwaited(awaitOperation.Operation) is not { } awaited
            || (awaited as IInvocationOperation ?? SideEffectGuards.OptionalCall(awaited, choiceOfOneMethod: true)) is not { } invocation
            || SideEffectGuards.SuppressesThrowing(awaitOperation))
        {
            return;
        }

        if (invocation.TargetMethod is { Name: "WhenAll", IsStatic: true } whenAll
            && SymbolEqualityComparer.Default.Equals(whenAll.ContainingType, state.TaskType))
        {
            AnalyzeWhenAll(context, awaitOperation, invocation, state);
            return;
        }

        var options = state.Classifier.GetOptions(awaitOperation.Syntax.SyntaxTree);
        var reason = state.Classifier.Classify(invocation, options, context.CancellationToken);
        if (reason == SideEffectReason.None
            || IsInTestMethod(context.ContainingSymbol, state)
            || SideEffectGuards.IsGuarded(awaitOperation, state.ExceptionType, state.SideEffectHelperType)
            || state.GuardedMethods.IsGuardedOwnCall(invocation, context.ContainingSymbol, context.CancellationToken))
        {
            return;
        }

        if (IsInsideSideEffectMember(awaitOperation, context.ContainingSymbol, state, options, context)
            || SideEffectGuards.IsCommittedAfter(awaitOperation, context.CancellationToken))
        {
            return; // a logging helper's own implementation; a record that commits with the change it belongs to
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MM0002_SideEffectAwaitNotGuarded,
            invocation.Syntax.GetLocation(),
            PropertiesByReason[(int)reason],
            InvocationDisplay.Name(invocation)));
    }

    /// <summary>
    /// A test is the operation: a side effect that fails should fail it (often it is what the test exercises). So is a
    /// test's set-up (xunit's <c>IAsyncLifetime.InitializeAsync</c>, NUnit's <c>[SetUp]</c>/<c>[OneTimeSetUp]</c>, MSTest's
    /// <c>[TestInitialize]</c>/<c>[ClassInitialize]</c>/<c>[AssemblyInitialize]</c>): swallowed there, a failed seeding
    /// would surface as a misleading assertion failure later (a fix-shapes round).
    /// </summary>
    private static bool IsInTestMethod(ISymbol containingSymbol, CompilationState state)
        => state.Tests is not null && containingSymbol is IMethodSymbol owner && (state.Tests.IsTestMethod(owner) || TestFrameworks.IsSetUp(owner));

    /// <summary>
    /// <c>await Task.WhenAll(...);</c>: a side effect among the awaited tasks fails the await as surely as its own await
    /// would. Reported at each side-effect call among the tasks (with the await as additional location) when the await
    /// is not guarded.
    /// </summary>
    private static void AnalyzeWhenAll(OperationAnalysisContext context, IAwaitOperation awaitOperation, IInvocationOperation whenAll, CompilationState state)
    {
        if (IsInTestMethod(context.ContainingSymbol, state)
            || SideEffectGuards.IsGuarded(awaitOperation, state.ExceptionType, state.SideEffectHelperType))
        {
            return;
        }

        var tasks = WhenAllTasks.Collect(whenAll, context.CancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }

        var options = state.Classifier.GetOptions(awaitOperation.Syntax.SyntaxTree);
        if (IsInsideSideEffectMember(awaitOperation, context.ContainingSymbol, state, options, context))
        {
            return;
        }

        var awaitSpan = awaitOperation.Syntax.Span;
        foreach (var task in tasks)
        {
            var reason = state.Classifier.Classify(task, options, context.CancellationToken);
            if (reason == SideEffectReason.None
                || state.GuardedMethods.IsGuardedOwnCall(task, context.ContainingSymbol, context.CancellationToken))
            {
                continue;
            }

            var inside = awaitSpan.Contains(task.Syntax.Span);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MM0002_SideEffectAwaitNotGuarded,
                (inside ? task : whenAll).Syntax.GetLocation(),
                new[] { (inside ? whenAll : task).Syntax.GetLocation() },
                (inside ? WhenAllPropertiesByReason : CollectedPropertiesByReason)[(int)reason],
                InvocationDisplay.Name(task)));
        }
    }

    /// <summary>A logging helper's own implementation stays quiet: is the await inside a side-effect member?</summary>
    private static bool IsInsideSideEffectMember(
        IOperation awaitOperation,
        ISymbol containingSymbol,
        CompilationState state,
        SideEffectAnalyzerOptions options,
        OperationAnalysisContext context)
    {
        var parent = awaitOperation.Parent;
        for (var depth = 0; parent is not null && depth < MaxParentDepth; depth++)
        {
            if (parent is ILocalFunctionOperation { Symbol: { } localFunction }
                && state.Classifier.IsSideEffectMember(localFunction, options, context.CancellationToken))
            {
                return true;
            }

            parent = parent.Parent;
        }

        ISymbol? symbol = containingSymbol;
        for (var depth = 0; symbol is IMethodSymbol method && depth < MaxParentDepth; depth++)
        {
            if (method.MethodKind is not MethodKind.AnonymousFunction
                && state.Classifier.IsSideEffectMember(method, options, context.CancellationToken))
            {
                return true;
            }

            if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
            {
                break;
            }

            symbol = method.ContainingSymbol;
        }

        return false;
    }

    private static ImmutableDictionary<string, string?>[] CreateProperties(string? shape)
    {
        var values = new[] { SideEffectReason.None, SideEffectReason.MethodPrefix, SideEffectReason.ReceiverSuffix, SideEffectReason.Attribute, SideEffectReason.Configured };
        var result = new ImmutableDictionary<string, string?>[values.Length];
        foreach (var value in values)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ReasonProperty, value.ToString());
            result[(int)value] = shape is null ? properties : properties.Add(ShapeProperty, shape);
        }

        return result;
    }

    private sealed class CompilationState
    {
        public CompilationState(
            INamedTypeSymbol exceptionType,
            INamedTypeSymbol? sideEffectHelperType,
            INamedTypeSymbol? taskType,
            SideEffectCallClassifier classifier,
            GuardedMethodSummaries guardedMethods,
            TestFrameworks? tests)
        {
            ExceptionType = exceptionType;
            SideEffectHelperType = sideEffectHelperType;
            TaskType = taskType;
            Classifier = classifier;
            GuardedMethods = guardedMethods;
            Tests = tests;
        }

        /// <summary>The test frameworks the compilation references, or null: test methods are not judged.</summary>
        public TestFrameworks? Tests { get; }

        public INamedTypeSymbol? TaskType { get; }

        public GuardedMethodSummaries GuardedMethods { get; }

        public INamedTypeSymbol ExceptionType { get; }

        public INamedTypeSymbol? SideEffectHelperType { get; }

        public SideEffectCallClassifier Classifier { get; }
    }
}
