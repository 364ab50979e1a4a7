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

    // Bounds every parent walk: deeper nesting than this is not real code; such awaits are left alone.
    private const int MaxParentDepth = 256;
    private const int MaxPeelDepth = 8;

    private static readonly ImmutableDictionary<string, string?>[] PropertiesByReason = CreateProperties();

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0002_SideEffectAwaitNotGuarded);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var exceptionType = start.Compilation.GetTypeByMetadataName("System.Exception");
            if (exceptionType is null)
            {
                return; // no System.Exception: no catch clause can be judged, so register nothing
            }

            var state = new CompilationState(
                exceptionType,
                start.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName),
                new SideEffectCallClassifier(start.Options.AnalyzerConfigOptionsProvider));
            start.RegisterOperationAction(context => AnalyzeAwait(context, state), OperationKind.Await);
        });
    }

    private static void AnalyzeAwait(OperationAnalysisContext context, CompilationState state)
    {
        var awaitOperation = (IAwaitOperation)context.Operation;

        // Cheap shape tests first: `await X;` / `await X.ConfigureAwait(..);` as a statement, X an invocation.
        if (awaitOperation.Parent is not IExpressionStatementOperation
            || Peel(awaitOperation.Operation) is not IInvocationOperation invocation)
        {
            return;
        }

        var options = state.Classifier.GetOptions(awaitOperation.Syntax.SyntaxTree);
        var reason = state.Classifier.Classify(invocation, options, context.CancellationToken);
        if (reason == SideEffectReason.None || IsGuarded(awaitOperation, state))
        {
            return;
        }

        if (IsInsideSideEffectMember(awaitOperation, context.ContainingSymbol, state, options, context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MM0002_SideEffectAwaitNotGuarded,
            invocation.Syntax.GetLocation(),
            PropertiesByReason[(int)reason],
            InvocationDisplay.Name(invocation)));
    }

    /// <summary>Strips conversions and <c>ConfigureAwait(..)</c> calls from the awaited value.</summary>
    private static IOperation? Peel(IOperation? operation)
    {
        for (var i = 0; i < MaxPeelDepth && operation is not null; i++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    operation = instance;
                    continue;
                default:
                    return operation;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the await sits in the try block of a try statement with a catch of System.Exception (typed, untyped or
    /// filtered) that does not end by throwing, within the same function; or in a lambda passed to the SideEffect helper.
    /// </summary>
    private static bool IsGuarded(IOperation awaitOperation, CompilationState state)
    {
        var child = awaitOperation;
        var parent = awaitOperation.Parent;
        for (var depth = 0; parent is not null; depth++)
        {
            if (depth == MaxParentDepth)
            {
                return true; // unexpectedly deep: stay quiet rather than guess
            }

            switch (parent)
            {
                case ITryOperation tryOperation when tryOperation.Body == child:
                    if (CatchesAllExceptions(tryOperation, state.ExceptionType))
                    {
                        return true;
                    }

                    break;
                case IAnonymousFunctionOperation lambda:
                    return IsPassedToSideEffectHelper(lambda, state.SideEffectHelperType);
                case ILocalFunctionOperation:
                    return false;
            }

            child = parent;
            parent = parent.Parent;
        }

        return false;
    }

    private static bool CatchesAllExceptions(ITryOperation tryOperation, INamedTypeSymbol exceptionType)
    {
        foreach (var catchClause in tryOperation.Catches)
        {
            var caught = catchClause.ExceptionType;
            if ((caught.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(caught, exceptionType))
                && !EndsWithThrow(catchClause.Handler))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithThrow(IBlockOperation handler)
    {
        var operations = handler.Operations;
        if (operations.IsEmpty)
        {
            return false;
        }

        var last = operations[operations.Length - 1];
        return last is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
    }

    private static bool IsPassedToSideEffectHelper(IAnonymousFunctionOperation lambda, INamedTypeSymbol? helperType)
    {
        if (helperType is null)
        {
            return false;
        }

        IOperation? current = lambda.Parent;
        for (var i = 0; i < MaxPeelDepth && current is IDelegateCreationOperation or IConversionOperation; i++)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation invocation }
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, helperType);
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

    private static ImmutableDictionary<string, string?>[] CreateProperties()
    {
        var values = new[] { SideEffectReason.None, SideEffectReason.MethodPrefix, SideEffectReason.ReceiverSuffix, SideEffectReason.Attribute, SideEffectReason.Configured };
        var result = new ImmutableDictionary<string, string?>[values.Length];
        foreach (var value in values)
        {
            result[(int)value] = ImmutableDictionary<string, string?>.Empty.Add(ReasonProperty, value.ToString());
        }

        return result;
    }

    private sealed class CompilationState
    {
        public CompilationState(INamedTypeSymbol exceptionType, INamedTypeSymbol? sideEffectHelperType, SideEffectCallClassifier classifier)
        {
            ExceptionType = exceptionType;
            SideEffectHelperType = sideEffectHelperType;
            Classifier = classifier;
        }

        public INamedTypeSymbol ExceptionType { get; }

        public INamedTypeSymbol? SideEffectHelperType { get; }

        public SideEffectCallClassifier Classifier { get; }
    }
}
