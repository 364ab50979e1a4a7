using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>Step 2 of the MM0001 fix: the lazy and factory decisions, pure functions of the facts.</summary>
public sealed class MM0001DecisionTests
{
    private static readonly MM0001Creations NoCreations = new(false, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>>.Empty, null);

    [Fact]
    public async Task OwnInitMethod_LazyPlanRunsItDirectlyAndGuardsTheAsyncReader()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly IStore _store;
                private string[] _models = new string[0];
                public C(IStore store) { _store = store; LoadAsync().Wait(); }
                private async Task LoadAsync() => _models = await _store.LoadAsync();
                public async Task<int> CountAsync(CancellationToken token) { await Task.Yield(); return _models.Length; }
            }
            """)).FactsAsync();

        var (plan, refusal) = MM0001LazyDecision.Decide(facts);

        Assert.Null(refusal);
        Assert.Equal("LoadAsync", plan!.DirectMethodName);
        Assert.Equal(1, plan.InsertIndex);
        var target = Assert.Single(plan.EnsureTargets);
        Assert.Equal("CountAsync", target.Node.Identifier.ValueText);
        Assert.Equal("token", target.CancellationTokenName);
        Assert.True(target.ReturnsValue);
        Assert.Equal("_initializer", plan.InitializerFieldName);
        Assert.Empty(plan.Parameters);
    }

    [Fact]
    public async Task MovedCodeReadingAParameter_TakesItAsAParameter()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore store, int skip) { _m = store.LoadAsync().Result; }
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        var (plan, _) = MM0001LazyDecision.Decide(facts);

        Assert.Equal(new[] { "store" }, plan!.Parameters.Select(parameter => parameter.Name));
        Assert.Null(plan.DirectMethodName);
        var member = Assert.Single(plan.StateMembers);
        Assert.True(member.RemoveReadOnly);
        Assert.True(member.AddNullForgivingInitializer); // nullable on: the field is no longer assigned by the constructor
    }

    [Fact]
    public async Task SynchronousReader_RefusesTheLazyPlanAndNamesTheReader()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        var (plan, refusal) = MM0001LazyDecision.Decide(facts);

        Assert.Null(plan);
        Assert.Equal(MM0001RefusalReason.SynchronousReader, refusal!.Reason);
        Assert.Equal("get_Count", refusal.Symbol!.Name);
    }

    [Fact]
    public async Task Decide_SameFactsTwice_GivesTheSameAnswer()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        var (first, _) = MM0001LazyDecision.Decide(facts);
        var (second, _) = MM0001LazyDecision.Decide(facts);

        Assert.Equal(first!.MovedStatements.ToArray(), second!.MovedStatements.ToArray());
        Assert.Equal(first.EnsureTargets.Select(target => target.Node), second.EnsureTargets.Select(target => target.Node));
        Assert.Equal(first.InitializerFieldName, second.InitializerFieldName);
    }

    [Fact]
    public async Task Factory_ForGivenCreations_PlansTheFactory()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string _name;
                private readonly string[] _m;
                public C(string name, IStore s) { _name = name; _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
                public string Name => _name;
            }
            """)).FactsAsync();
        var (constructor, shapeRefusal) = MM0001FactoryDecision.FindConstructor(facts);

        // One creation to replace (any node stands for it here: the decision only counts them).
        var creation = new MM0001NodeEdit<ExpressionSyntax>(facts.ConstructorPart.Document.Id, SyntaxFactory.IdentifierName("x"), null);
        var (plan, refusal) = MM0001FactoryDecision.Decide(facts, constructor!, NoCreations with { Callers = ImmutableArray.Create(creation) });
        var (none, noneRefusal) = MM0001FactoryDecision.Decide(facts, constructor!, NoCreations);

        Assert.Null(shapeRefusal);
        Assert.Null(refusal);
        Assert.Null(none); // nothing creates it with `new`: a framework does, which a private constructor would break
        Assert.Equal(MM0001RefusalReason.NoCreationToReplace, noneRefusal!.Reason);
        Assert.Equal("CreateAsync", plan!.FactoryName);
        Assert.Equal("cancellationToken", plan.CancellationTokenName);
        Assert.Equal(new[] { 0 }, plan.KeptParameters); // 'name' stays, 's' only fed the moved code
        Assert.Equal(new[] { "s" }, plan.Parameters.Select(parameter => parameter.Name));
        Assert.Single(plan.MovedStatements);
        Assert.Equal(Accessibility.Public, plan.FactoryAccessibility);
    }

    [Fact]
    public async Task Factory_CreationProblemOrDerivedTypes_AreTheRefusal()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
            }
            """)).FactsAsync();
        var (constructor, _) = MM0001FactoryDecision.FindConstructor(facts);
        var problem = new MM0001Refusal(MM0001RefusalReason.CreationInSynchronousCode);

        var (withProblem, problemRefusal) = MM0001FactoryDecision.Decide(facts, constructor!, NoCreations with { Problem = problem });
        var (withDerived, derivedRefusal) = MM0001FactoryDecision.Decide(facts, constructor!, NoCreations with { HasDerivedTypes = true });

        Assert.Null(withProblem);
        Assert.Same(problem, problemRefusal);
        Assert.Null(withDerived);
        Assert.Equal(MM0001RefusalReason.TypeIsInherited, derivedRefusal!.Reason);
    }

    [Fact]
    public async Task Factory_ParamsConstructor_IsRefusedBeforeTheSolutionIsSearched()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s, params int[] extra) { _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
            }
            """)).FactsAsync();

        var (constructor, refusal) = MM0001FactoryDecision.FindConstructor(facts);

        Assert.Null(constructor);
        Assert.Equal(MM0001RefusalReason.FactoryConstructorShape, refusal!.Reason);
    }

    [Fact]
    public async Task Pipeline_LazyRefused_FallsBackToTheFactoryAndKeepsTheLazyReason()
    {
        var host = await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
            }
            public static class Use { public static async Task<int> CountAsync(IStore s) => new C(s).Count; }
            """);

        var decision = await MM0001Pipeline.DecideAsync(host.Solution, host.Project, host.Type, planFactory: true, default);

        Assert.Null(decision.Refusal);
        Assert.NotNull(decision.Plan!.Factory);
        Assert.Single(decision.Plan.Factory!.Callers);
        Assert.Equal(MM0001RefusalReason.SynchronousReader, decision.LazyRefusal!.Reason);
    }
}
