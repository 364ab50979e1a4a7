using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0004: the result of a validation call (a <c>Validate</c>/<c>TryValidate</c> method, a <c>[Validator]</c> method, or
/// one returning a verdict with <c>IsValid</c>/<c>IsCompliant</c>/<c>Compliant</c>/<c>IsSafe</c>) is discarded, or stored in a
/// local that some path to a return, the end of the member, a <c>yield return</c> or an overwrite never reads. The
/// stored case is decided on the member's control-flow graph (one per operation block, from the analysis context).
/// </summary>
/// <remarks>
/// The diagnostic is on the invocation (inside <c>await</c> and <c>ConfigureAwait(..)</c>); its message argument is the
/// invoked expression as written. Its properties are described by <see cref="MM0004Properties"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0004ValidationResultIgnoredAnalyzer : DiagnosticAnalyzer
{
    private const int MaxShapeDepth = 8;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0004_ValidationResultIgnored);

    private enum Usage
    {
        Used,
        Discarded,
        DiscardAssignment,
        Stored,
    }

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetSpecialType(SpecialType.System_Boolean).TypeKind == TypeKind.Error)
            {
                return; // no core library: no verdict type can be judged, so register nothing
            }

            // One operation action for the compilation, not one per member: nothing is allocated per method, and the
            // member test runs only for invocations (the same owners an operation-block-start filter would admit).
            var classifier = new ValidationCallClassifier(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationAction(
                context =>
                {
                    if (context.ContainingSymbol is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol)
                    {
                        AnalyzeInvocation(context, classifier);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ValidationCallClassifier classifier)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.ReturnsVoid)
        {
            return; // cheapest test first: most discarded calls return nothing
        }

        var usage = GetUsage(invocation, out var local);
        if (usage == Usage.Used)
        {
            return;
        }

        var options = classifier.GetOptions(invocation.Syntax.SyntaxTree);
        if (usage == Usage.DiscardAssignment && !options.DiscardIsIgnored)
        {
            return;
        }

        var call = classifier.Classify(invocation, options, context.CancellationToken);
        if (!call.IsValidation)
        {
            return;
        }

        if (usage == Usage.Stored
            && (local is null || !IsInGraphRoot(invocation)
                || !ValidationResultFlow.HasUnreadPath(context.GetControlFlowGraph(), local, invocation.Syntax, context.CancellationToken)))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(MM0004Properties.Form, usage switch
        {
            Usage.Discarded => MM0004Properties.Discarded,
            Usage.DiscardAssignment => MM0004Properties.DiscardAssignment,
            _ => MM0004Properties.Stored,
        });
        if (call.ResultIsBool || call.ValidityMember is not null)
        {
            properties.Add(MM0004Properties.ValidityMember, call.ValidityMember ?? string.Empty);
        }

        if (local is not null)
        {
            properties.Add(MM0004Properties.Local, local.Name);
        }

        properties.Add(MM0004Properties.Validator, invocation.TargetMethod.Name);
        properties.Add(MM0004Properties.Reason, call.Reason.ToString());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MM0004_ValidationResultIgnored,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            InvocationDisplay.Name(invocation)));
    }

    /// <summary>
    /// How the call's value is used, looking through conversions, <c>ConfigureAwait(..)</c> and <c>await</c>. Only
    /// statement-level discards and plain stores into a local are candidates; everything else passes the value on.
    /// </summary>
    private static Usage GetUsage(IInvocationOperation invocation, out ILocalSymbol? local)
    {
        local = null;
        IOperation current = invocation;
        var parent = current.Parent;
        for (var depth = 0; depth < MaxShapeDepth && parent is not null; depth++)
        {
            if (parent is IConversionOperation or IAwaitOperation
                || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current)
            {
                current = parent;
                parent = current.Parent;
                continue;
            }

            break;
        }

        switch (parent)
        {
            case IExpressionStatementOperation statement:
                // `x => Validate(x)` as an Action: the lambda's author chose the delegate type (Assert.Throws(() => ..)).
                return statement.Syntax.Parent is LambdaExpressionSyntax ? Usage.Used : Usage.Discarded;
            case ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } discard when discard.Value == current:
                return Usage.DiscardAssignment;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: { RefKind: RefKind.None } target }, Parent: IExpressionStatementOperation } assignment
                when assignment.Value == current:
                local = target;
                return Usage.Stored;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.None } declared } }:
                local = declared;
                return Usage.Stored;
            case IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal } } isPattern
                when isPattern.Value == current:
                local = patternLocal;
                return Usage.Stored;
            default:
                return Usage.Used;
        }
    }

    /// <summary>The graph exists only for member bodies and initializers (never for attribute arguments of broken code).</summary>
    private static bool IsInGraphRoot(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Kind is OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;
    }
}
