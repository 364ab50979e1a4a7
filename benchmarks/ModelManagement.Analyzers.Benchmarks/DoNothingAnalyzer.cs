using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks;

/// <summary>
/// The floor: registers the kinds of actions our rules register (syntax node, symbol, operation, operation-block-start)
/// on the node and operation kinds they care about, and does nothing in them. Its overhead over compile-only is
/// the analyzer driver's own cost — the physical limit for any analyzer package.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "BENCH0000",
        "Does nothing",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The benchmark's floor analyzer: it registers actions and reports nothing.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterSyntaxNodeAction(
                static _ => { },
                SyntaxKind.InvocationExpression,
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxKind.AwaitExpression,
                SyntaxKind.ConstructorDeclaration);
            start.RegisterSymbolAction(
                static _ => { },
                SymbolKind.NamedType,
                SymbolKind.Method,
                SymbolKind.Field,
                SymbolKind.Property);
            start.RegisterOperationAction(
                static _ => { },
                OperationKind.Invocation,
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.Await);
            start.RegisterOperationBlockStartAction(static block =>
                block.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.Await));
        });
    }
}
