using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>Step 1 of the MM0001 fix: the immutable facts gathered about a type.</summary>
public sealed class MM0001TypeFactsBuilderTests
{
    private const string OwnInitMethod = """
        public sealed class C
        {
            private readonly IStore _store;
            private string[] _models = new string[0];
            public C(IStore store) { _store = store; LoadAsync().GetAwaiter().GetResult(); }
            private async Task LoadAsync() => _models = await _store.LoadAsync();
            public async Task<int> CountAsync() { await Task.Yield(); return _models.Length; }
        }
        """;

    [Fact]
    public async Task OwnInitMethod_FactsNameTheConstructorItsStatementsAndTheMembers()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync(OwnInitMethod)).FactsAsync();

        Assert.NotNull(facts.Constructor);
        var site = Assert.Single(facts.Sites);
        Assert.Same(facts.Constructor, site.Constructor);
        Assert.Single(facts.Conversions);
        Assert.Equal(new[] { false, true }, facts.ConstructorUnits.Select(unit => unit.HasSite));
        Assert.Equal(new[] { "_store" }, facts.ConstructorUnits[0].Facts.Assignments.Select(member => member.Name));
        Assert.Equal(new[] { "LoadAsync", "CountAsync" }, facts.Members.Select(member => member.Symbol!.Name));
        Assert.True(facts.TryGetMember(facts.Members[0].Symbol!, out var load));
        Assert.Contains(load!.Writes, member => member.Name == "_models");
        Assert.Empty(facts.Initializers);
        Assert.Empty(facts.OtherConstructors);
        Assert.Equal("InitializeAsync", facts.InitializeMethodName);
    }

    [Fact]
    public async Task TakenName_InitializeMethodGetsAFreeName()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public Task InitializeAsync() => Task.Run(() => { });
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        Assert.Equal("Initialize1Async", facts.InitializeMethodName); // keeps the Async suffix (consume9 F3: VSTHRD200)
        Assert.Contains("Initialize1Async", facts.TakenNames);
        Assert.Contains("_m", facts.TakenNames);
    }

    [Fact]
    public async Task BlockingFieldInitializer_MovesWithTheImplicitConstructor()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m = Load().Result;
                static Task<string[]> Load() => Task.Run(() => new string[0]);
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        Assert.Null(facts.Constructor);
        Assert.Empty(facts.ConstructorUnits);
        var initializer = Assert.Single(facts.Initializers);
        Assert.Equal("_m", initializer.Member.Name);
        Assert.Equal(facts.Type.DeclaringSyntaxReferences[0].GetSyntax(), facts.ConstructorPart.Declaration);
    }

    [Fact]
    public async Task SuppressedWait_IsNotASite()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _a;
                private readonly string[] _b;
                public C(IStore s)
                {
                    _a = s.LoadAsync().Result;
            #pragma warning disable MM0001 // the test: this wait stays
                    _b = s.LoadAsync().Result;
            #pragma warning restore MM0001
                }
                public async Task<int> CountAsync() => await Task.FromResult(_a.Length + _b.Length);
            }
            """)).FactsAsync();

        var site = Assert.Single(facts.Sites);
        Assert.Contains("_a", site.Node.Parent!.ToString());
    }

    [Fact]
    public async Task OwnMethodOnTheBlockingPath_IsConvertedAndRenamed()
    {
        var facts = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly IStore _s;
                private string[] _m = new string[0];
                public C(IStore s) { _s = s; Reload(); }
                private void Reload() => _m = _s.LoadAsync().Result;
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length);
            }
            """)).FactsAsync();

        var converted = Assert.Single(facts.ConvertedMethods);
        Assert.Equal("ReloadAsync", converted.NewName);
        Assert.Equal(2, facts.Conversions.Length); // the wait inside Reload and the call of Reload
        Assert.Contains("ReloadAsync", facts.TakenNames);
    }

    [Fact]
    public async Task StaticConstructorWait_IsRefusedBeforeAnyDecision()
    {
        var refusal = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private static string[] _m;
                static C() { _m = Load().Result; }
                static Task<string[]> Load() => Task.Run(() => new string[0]);
            }
            """)).ShapeRefusalAsync();

        Assert.Equal(MM0001RefusalReason.NoInstanceToDeferTo, refusal.Reason);
    }

    [Fact]
    public async Task TwoBlockingConstructors_AreRefusedAsConstructorShape()
    {
        var refusal = await (await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public C(IStore s, int n) { _m = s.LoadAsync().Result; }
            }
            """)).ShapeRefusalAsync();

        Assert.Equal(MM0001RefusalReason.ConstructorShape, refusal.Reason);
    }
}
