using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Robustness;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// A type none of whose members is optional — its constructors' optional parameters are stored with a default, or not at
/// all — can only hold a tracked value in those constructors. MM0003 judges them at the type's end, on the bodies it bound
/// to decide that, and asks the driver for no operation block of the type: the driver then builds no operation tree for
/// the type's other members (KurrentDB.Core: 17 such types of 22, 336 other bodies).
/// </summary>
public sealed class MM0003ConstructorOnlyTypesTests
{
    private const string ConstructorOnly = /* lang=c#-test */ """
        public interface IRegistry { string Name { get; } void Register(string s); }

        public sealed class Defaulted
        {
            private readonly IRegistry _registry;

            public Defaulted(IRegistry registry = null, IRegistry audit = null)
            {
                audit.Register("ctor");
                _registry = registry ?? new Fallback();
            }

            public string Name() => _registry.Name;

            public void Publish(string s) { _registry.Register(s); System.Console.WriteLine(s.Length); }
        }

        public sealed class Fallback : IRegistry
        {
            public string Name => "fallback";
            public void Register(string s) { }
        }
        """;

    private const string WithOptionalMember = /* lang=c#-test */ """
        public sealed class Optional
        {
            private readonly IRegistry _registry;

            public Optional(IRegistry registry = null) => _registry = registry;

            public string Name() => _registry.Name;
        }
        """;

    [Fact]
    public async Task ConstructorOnlyType_ReportsItsConstructor_AndRegistersOnlyASymbolEndAction()
    {
        var diagnostics = await AnalyzeAsync(ConstructorOnly);
        var reported = Assert.Single(diagnostics);
        Assert.Equal("audit", Text(reported));

        var registered = await RegistrationsAsync(ConstructorOnly, "Defaulted");
        Assert.Equal(new[] { "SymbolEnd" }, registered);
    }

    [Fact]
    public async Task TypeWithAnOptionalMember_StillGetsOperationBlockActions()
    {
        var diagnostics = await AnalyzeAsync(ConstructorOnly + WithOptionalMember);
        Assert.Equal(new[] { "audit", "_registry" }, diagnostics.Select(Text));

        var registered = await RegistrationsAsync(ConstructorOnly + WithOptionalMember, "Optional");
        Assert.Equal(new[] { "OperationBlockStart" }, registered);
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static async Task<Diagnostic[]> AnalyzeAsync(string source)
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(source) }, NullableContextOptions.Disable);
        var diagnostics = await compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new MM0003OptionalDependencyWithoutNullCheckAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001");
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
    }

    /// <summary>What the analyzer registers when its symbol-start action runs for the named type.</summary>
    private static async Task<List<string>> RegistrationsAsync(string source, string typeName)
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(source) }, NullableContextOptions.Disable);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var analysis = new CapturingAnalysisContext();
        new MM0003OptionalDependencyWithoutNullCheckAnalyzer().Initialize(analysis);
        var start = new CapturingCompilationStartContext(compilation, options);
        Assert.NotNull(analysis.CompilationStart);
        analysis.CompilationStart!(start);
        Assert.NotNull(start.SymbolStart);
        var symbolStart = new RecordingSymbolStartContext(compilation.GetTypeByMetadataName(typeName)!, compilation, options);
        start.SymbolStart!(symbolStart);
        return symbolStart.Registered;
    }

    private sealed class CapturingAnalysisContext : AnalysisContext
    {
        public Action<CompilationStartAnalysisContext>? CompilationStart { get; private set; }

        public override void EnableConcurrentExecution() { }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart = action;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) { }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { }
    }

    private sealed class CapturingCompilationStartContext(Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public Action<SymbolStartAnalysisContext>? SymbolStart { get; private set; }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => SymbolStart = action;

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) { }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) { }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) { }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) { }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { }
    }

#pragma warning disable CS0618 // The public constructor is marked for analyzer hosts; a test double is what it is for here.
    private sealed class RecordingSymbolStartContext(ISymbol symbol, Compilation compilation, AnalyzerOptions options)
        : SymbolStartAnalysisContext(symbol, compilation, options, CancellationToken.None)
#pragma warning restore CS0618
    {
        public List<string> Registered { get; } = new();

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => Registered.Add("SymbolEnd");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registered.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registered.Add("CodeBlock");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registered.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registered.Add("OperationBlock");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registered.Add("Operation");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registered.Add("SyntaxNode");
    }
}
