using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0003OptionalDependencyWithoutNullCheckCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 covers every unguarded use, not only the first on a path (a dereference is no proof of non-null), in one
/// diagnostic per value and member body: the first use is its location, the others its additional locations. The fix
/// and its Fix All guard each of them, merging consecutive statements and never nesting guards.
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    /// <summary>QA's report: the second use went unreported, and after the fix of the first one it still threw.</summary>
    private const string QaMembers = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed record ModelInfo(string Name, string Version);

        public interface IModelCatalog
        {
            void Register(ModelInfo model);
            Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken = default);
        }

        public sealed class NarrativeGenerator
        {
            private readonly IModelCatalog _registry;

            public NarrativeGenerator(IModelCatalog registry = null) => _registry = registry;

            public async Task<int> GenerateAsync(CancellationToken ct)
            {

        """;

    [Fact]
    public async Task UseAfterUnguardedUse_ReportsOnceWithBothUses()
    {
        var source = QaMembers + /* lang=c#-test */ """
                    {|#0:_registry|}.Register(new ModelInfo("narrator", "1"));
                    var models = await {|#1:_registry|}.ListAsync(ct);
                    return models.Count;
                }
            }
            """;
        await VerifyAsync(source, Uses(2));
    }

    [Fact]
    public async Task NullableEnabledSecondUse_ReportsWhereCompilerIsSilent()
    {
        // CS8602 takes the first dereference as proof of non-null and stays silent on the second; MM0003 does not.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry? _registry;

                public NarrativeGenerator(IModelRegistry? registry = null) => _registry = registry;

                public string Publish()
                {
                    {|#0:_registry|}.Register("n");
                    return {|#1:_registry|}.DefaultModel;
                }
            }
            """;
        await VerifyNullableAsync(
            source,
            DiagnosticResult.CompilerWarning("CS8602").WithLocation(0),
            Uses(2));
    }

    [Fact]
    public async Task UseAfterNullForgivingDereference_IsCovered()
    {
        // MySqlConnector's MySqlBatch: `Connection!.TracingOptions`, then `Connection.Session` on the next statement. Past
        // a dereference under `!` the value is not null on that path (null would have thrown there, and no fix touches
        // the vouched-for use), as the compiler's flow state says too.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    registry!.Register("a");
                    registry.Register("b");
                }

                public int InTheCondition()
                {
                    if (registry!.Count > 0)
                    {
                        registry.Register("c");
                    }

                    return registry.Count;
                }

                public void ArgumentsThatBranch(string prompt, bool flag)
                {
                    // A fix-shapes round: an argument with `??`, `?:` or an anonymous object spills the receiver into a
                    // capture; the `!` covered the capture only, and the next use was reported.
                    registry!.Register(prompt ?? "none");
                    registry.Register("after coalesce");
                    registry!.Register(flag ? "a" : "b");
                    registry.Register("after conditional");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UseAfterNullForgivingValueNotDereferenced_OrOnAnotherPath_OrAfterANullWrite_Reports()
    {
        // `!` on a value passed on proves nothing at run time; a dereference under `!` covers only the rest of its own
        // path; a later write of null starts over.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void PassedOn()
                {
                    Keep(registry!);
                    [|registry|].Register("a");
                }

                public void OneBranch(bool flag)
                {
                    if (flag)
                    {
                        registry!.Register("b");
                    }

                    [|registry|].Register("c");
                }

                public void Rewritten()
                {
                    registry!.Register("d");
                    registry = null;
                    [|registry|].Register("e");
                }

                private static void Keep(IModelRegistry value) { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UseAfterUnguardedUse_SecondValueFlowsWithoutFix()
    {
        var source = QaMembers + /* lang=c#-test */ """
                    _registry.Register(new ModelInfo("narrator", "1"));
                    var models = await _registry.ListAsync(ct);
                    return models.Count;
                }
            }
            """;
        var diagnostics = await AnalyzeWithPropertiesAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(MM0003DiagnosticProperties.DiscardedExpression, diagnostic.Properties[MM0003DiagnosticProperties.ShapeKey]);
        Assert.Equal(MM0003DiagnosticProperties.DiscardedExpression, MM0003DiagnosticProperties.ShapeAt(diagnostic, 0));
        Assert.Equal(MM0003DiagnosticProperties.ValueFlows, MM0003DiagnosticProperties.ShapeAt(diagnostic, 1));
    }

    [Fact]
    public async Task UseBeforeAValueFlowThatRunsAnyway_IsNotGuarded_NoFixIsOffered()
    {
        // The ListAsync use cannot be guarded and runs whenever the Register line does: guarding Register alone would only
        // move the NullReferenceException one line down, past whatever runs in between (garnet's ReplicaSyncSession).
        var source = QaMembers + /* lang=c#-test */ """
                    {|#0:_registry|}.Register(new ModelInfo("narrator", "1"));
                    var models = await {|#1:_registry|}.ListAsync(ct);
                    return models.Count;
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        test.ExpectedDiagnostics.Add(Uses(2));
        test.FixedState.ExpectedDiagnostics.Add(Uses(2));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UseBeforeAValueFlowInABranch_IsStillGuarded()
    {
        // The value-flow use runs only on one branch: on the other, the guard is what keeps the standalone path working.
        var source = QaMembers + /* lang=c#-test */ """
                    {|#0:_registry|}.Register(new ModelInfo("narrator", "1"));
                    if (ct.CanBeCanceled)
                    {
                        var models = await {|#1:_registry|}.ListAsync(ct);
                        return models.Count;
                    }

                    return 0;
                }
            }
            """;
        var fixedSource = QaMembers + /* lang=c#-test */ """
                    _registry?.Register(new ModelInfo("narrator", "1"));
                    if (ct.CanBeCanceled)
                    {
                        var models = await [|_registry|].ListAsync(ct);
                        return models.Count;
                    }

                    return 0;
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        test.ExpectedDiagnostics.Add(Uses(2));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ThreeConsecutiveReportedStatements_FixAndFixAllShareOneGuard()
    {
        var source = FixPrologue + /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    {|#0:_registry|}.Register(model); // primary
                    {|#1:_registry|}.Register(model + "-shadow");
                    await {|#2:_registry|}.RegisterAsync(model + "-async");
                    Log("done");
                }
            """ + FixEpilogue + Domain;
        var fixedSource = FixPrologue + /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    if (_registry is not null)
                    {
                        _registry.Register(model); // primary
                        _registry.Register(model + "-shadow");
                        await _registry.RegisterAsync(model + "-async");
                    }

                    Log("done");
                }
            """ + FixEpilogue + Domain;
        var test = new FixVerify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        test.ExpectedDiagnostics.Add(Uses(3));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ReportedStatementsSeparatedByOtherWork_EachGetsItsOwnGuard()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    {|#0:_registry|}.Register(model);
                    Log("registered");
                    await {|#1:_registry|}.RegisterAsync(model + "-async");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    _registry?.Register(model);
                    Log("registered");
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(model + "-async");
                    }
                }
            """,
            expected: new[] { Uses(2) });
    }

    [Fact]
    public async Task UseInsideLoopOverDependency_OneOuterGuard()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Mirror()
                {
                    foreach (var model in {|#0:_registry|}.Models)
                    {
                        {|#1:_registry|}.Register(model + "-mirror");
                    }
                }
            """,
            /* lang=c#-test */ """
                public void Mirror()
                {
                    if (_registry is not null)
                    {
                        foreach (var model in _registry.Models)
                        {
                            _registry.Register(model + "-mirror");
                        }
                    }
                }
            """,
            expected: new[] { Uses(2) });
    }

    [Fact]
    public async Task TwoUsesInOneStatement_OneConditionalAccess()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Publish()
                {
                    {|#0:_registry|}.Register({|#1:_registry|}.DefaultModel);
                }
            """,
            /* lang=c#-test */ """
                public void Publish()
                {
                    _registry?.Register(_registry.DefaultModel);
                }
            """,
            expected: new[] { Uses(2) });
    }

    [Fact]
    public async Task GuardedStatementsThenAValueFlowThatRunsAnyway_FixAllLeavesThemAll()
    {
        // Before and after: the standalone deployment throws at a registry use either way; a guard on the first two
        // statements would only let them be skipped before the FindAsync line throws. Also across a try block: the
        // connect in between would run before the crash (garnet's ReplicaSyncSession, found by dotnet format on garnet).
        const string members = /* lang=c#-test */ """
                public async Task<string> DescribeAsync(string name)
                {
                    await {|#0:_registry|}.RegisterAsync(name);
                    {|#1:_registry|}.Register(name + "-copy");
                    var found = await {|#2:_registry|}.FindAsync(name);
                    return found;
                }

                public async Task<bool> SyncAsync(string name)
                {
                    try
                    {
                        Log({|#3:_registry|}.DefaultModel);
                        await Task.Delay(1);
                        var same = {|#4:_registry|}.DefaultModel == name;
                        return same;
                    }
                    catch (Exception)
                    {
                        return false;
                    }
                }
            """;
        await VerifyFixAsync(members, members, expected: new[] { Uses(3), FixVerify.Diagnostic().WithLocation(3).WithLocation(4).WithArguments("_registry") });
    }

    [Fact]
    public async Task UseInLambdaInsideGuardedStatement_KeepsItsOwnGuard()
    {
        // A lambda is analyzed with nothing known at entry: the outer guard does not cover it, so it gets `?.`.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Mirror()
                {
                    Array.ForEach({|#0:_registry|}.Models, model => {|#1:_registry|}.Register(model));
                }
            """,
            /* lang=c#-test */ """
                public void Mirror()
                {
                    if (_registry is not null)
                    {
                        Array.ForEach(_registry.Models, model => _registry?.Register(model));
                    }
                }
            """,
            expected: new[] { Uses(2) });
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithPropertiesAsync(string source)
    {
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "MM0003Properties",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Test0.cs") },
            references.Add(TestEnvironment.PatternsReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MM0003OptionalDependencyWithoutNullCheckAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Where(d => d.Id == DiagnosticIds.OptionalDependencyWithoutNullCheck)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }
}
