using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0001: reports code that blocks on a task (<c>.Result</c>, <c>Wait(...)</c>, <c>GetAwaiter().GetResult()</c>,
/// <c>Task.WaitAll/WaitAny</c>) while an object or type is constructed: in constructors, their <c>this(...)</c>/<c>base(...)</c>
/// arguments, primary-constructor base arguments and field/property initializers, directly or through calls to the
/// type's own non-virtual members and local functions (reported at the construction code's call).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0001BlockingWaitInConstructorAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0001_BlockingWaitInConstructor);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeReports.Flags);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!BlockingWaitTypes.TryCreate(start.Compilation, out var types))
            {
                return; // no Task type: nothing can block on one
            }

            var options = new MM0001Options(start.Options.AnalyzerConfigOptionsProvider);
            var waits = new WordTextIndex(BlockingWaitForms.Words(start.Compilation));
            var summaries = new BlockingCallSummaries(start.Compilation, types, waits);

            // Two actions per compilation (mm0001.follow_own_calls on or off), shared by every construction block: the
            // owner is the operation's containing symbol, so a block allocates no closure of its own.
            Action<OperationAnalysisContext> followingCalls = operation => AnalyzeOperation(operation, types, summaries);
            Action<OperationAnalysisContext> directOnly = operation => AnalyzeOperation(operation, types, summaries: null);
            Action<OperationBlockStartAnalysisContext> onBlockStart = block =>
            {
                if (!RunsDuringConstruction(block.OwningSymbol)
                    || block.OwningSymbol.ContainingType is null
                    || block.OperationBlocks.IsEmpty)
                {
                    return; // other members are never visited
                }

                block.RegisterOperationAction(
                    options.FollowOwnCalls(block.OperationBlocks[0].Syntax.SyntaxTree) ? followingCalls : directOnly,
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            };

            // Scoped to the types whose declarations spell a blocking member's name (else neither the construction code
            // nor an own callee blocks): only their member bodies get operation trees, where an operation-block action
            // for the whole compilation makes the driver build every body's. A BenchmarkDotNet class is left out: its
            // constructor is the run's set-up, outside the timed methods, on a thread without a synchronization context,
            // and the lazy rewrite would move that set-up into what is measured.
            //
            // An attribute is left out too: the runtime creates it by reflection (a test framework's `FactAttribute` subclass
            // deciding `Skip` in its constructor, WireMock.Net's), so there is no async first use to defer to and no factory.
            var benchmarks = BenchmarkClasses.IsReferenced(start.Compilation);
            var attribute = start.Compilation.GetTypeByMetadataName("System.Attribute");
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (waits.AnyIn(type, symbolStart.CancellationToken)
                        && !(benchmarks && BenchmarkClasses.DeclaresBenchmark(type))
                        && !(attribute is not null && type.TypeKind == TypeKind.Class && Shapes.DerivesFrom(type, attribute)))
                    {
                        symbolStart.RegisterOperationBlockStartAction(onBlockStart);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, BlockingWaitTypes types, BlockingCallSummaries? summaries)
    {
        // The containing symbol is the block's owning symbol: a constructor or an initialized field, property or event.
        var owner = context.ContainingSymbol;
        if (owner.ContainingType is { } ownType
            && Analyze(context.Operation, owner, ownType, types, summaries, context.CancellationToken) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>Constructors (instance, static, primary) and field, property and field-like event initializers.</summary>
    internal static bool RunsDuringConstruction(ISymbol owner)
        => owner switch
        {
            IMethodSymbol method => method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor,
            IFieldSymbol field => !field.IsConst,
            IPropertySymbol or IEventSymbol => true,
            _ => false,
        };

    /// <summary>
    /// The rule for one invocation or property reference of construction code <paramref name="owner"/>: its diagnostic,
    /// or null. Shared with the code fix, which collects a type's sites with it instead of running the analyzer driver again.
    /// </summary>
    internal static Diagnostic? Analyze(
        IOperation operation,
        ISymbol owner,
        INamedTypeSymbol ownType,
        BlockingWaitTypes types,
        BlockingCallSummaries? summaries,
        CancellationToken cancellationToken,
        bool earlierWaitsFinish = true)
    {
        var form = BlockingWaitForms.Classify(operation, types, earlierWaitsFinish);
        if (form is not null)
        {
            if (BlockingCallSummaries.IsInDeferredOrUnevaluatedCode(operation))
            {
                return null;
            }

            var member = BlockingWaitForms.DescribeAwaited(operation, form);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(MM0001Properties.Form, form);
            properties.Add(MM0001Properties.Site, GetSite(owner, operation.Syntax));
            properties.Add(MM0001Properties.AwaitedMember, member);
            return Create(operation.Syntax, properties.ToImmutable(), ownType, member);
        }

        if (summaries is null)
        {
            return null; // mm0001.follow_own_calls = false
        }

        var callee = BlockingCallSummaries.GetOwnCallee(operation, ownType, out var calleeKind, out var calleeSymbol);
        if (callee is null || calleeSymbol is null || BlockingCallSummaries.IsInDeferredOrUnevaluatedCode(operation))
        {
            return null;
        }

        if (calleeKind == MM0001Properties.CalleeLocalFunction && !IsDeclaredIn(callee, owner))
        {
            // Only local functions of the construction code itself; others are reached through their containing member.
            return null;
        }

        var summary = summaries.Get(callee, operation.SemanticModel, cancellationToken);
        if (!summary.Blocks)
        {
            return null;
        }

        var callProperties = ImmutableDictionary.CreateBuilder<string, string?>();
        callProperties.Add(MM0001Properties.Form, MM0001Properties.Call);
        callProperties.Add(MM0001Properties.Site, GetSite(owner, operation.Syntax));
        callProperties.Add(MM0001Properties.AwaitedMember, summary.AwaitedMember);
        callProperties.Add(MM0001Properties.Callee, calleeSymbol.Name);
        callProperties.Add(MM0001Properties.CalleeKind, calleeKind);
        callProperties.Add(MM0001Properties.CalleeForm, summary.Form);
        callProperties.Add(MM0001Properties.Path, summary.Path);
        return Create(operation.Syntax, callProperties.ToImmutable(), ownType, summary.AwaitedMember ?? calleeSymbol.Name);
    }

    private static Diagnostic Create(
        SyntaxNode node,
        ImmutableDictionary<string, string?> properties,
        INamedTypeSymbol ownType,
        string awaitedMember)
        => Diagnostic.Create(
            Descriptors.MM0001_BlockingWaitInConstructor,
            node.GetLocation(),
            properties,
            ownType.Name,
            awaitedMember);

    private static bool IsDeclaredIn(IMethodSymbol localFunction, ISymbol owner)
    {
        for (var container = localFunction.ContainingSymbol; container is not null; container = container.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(container, owner))
            {
                return true;
            }

            if (container is INamedTypeSymbol)
            {
                return false;
            }
        }

        return false;
    }

    private static string GetSite(ISymbol owner, SyntaxNode node)
    {
        switch (owner)
        {
            case IMethodSymbol { MethodKind: MethodKind.StaticConstructor }:
                return MM0001Properties.SiteStaticConstructor;
            case IMethodSymbol:
                for (var current = node; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case ConstructorInitializerSyntax:
                            return MM0001Properties.SiteConstructorInitializer;
                        case PrimaryConstructorBaseTypeSyntax:
                            return MM0001Properties.SitePrimaryConstructorBase;
                        case MemberDeclarationSyntax:
                            return MM0001Properties.SiteConstructor;
                    }
                }

                return MM0001Properties.SiteConstructor;
            case IFieldSymbol field:
                return field.IsStatic ? MM0001Properties.SiteStaticFieldInitializer : MM0001Properties.SiteFieldInitializer;
            default:
                return owner.IsStatic ? MM0001Properties.SiteStaticPropertyInitializer : MM0001Properties.SitePropertyInitializer;
        }
    }
}
