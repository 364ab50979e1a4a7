using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>Step 3 of the MM0001 fix: the edits that turn a plan into code.</summary>
public sealed class MM0001EditsTests
{
    [Fact]
    public async Task LazyPlan_OwnInitMethod_IsRunByTheInitializerWithoutAWrapper()
    {
        var host = await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly IStore _store;
                private string[] _models = new string[0];
                public C(IStore store) { _store = store; LoadAsync().Wait(); }
                private async Task LoadAsync() => _models = await _store.LoadAsync();
                public async Task<int> CountAsync() { await Task.Yield(); return _models.Length; }
            }
            """);
        var facts = await host.FactsAsync();
        var (lazy, _) = MM0001LazyDecision.Decide(facts);

        var (text, compiles) = await host.ApplyAsync(new MM0001Plan(facts, lazy, null));

        Assert.True(compiles, text);
        Assert.Contains("using ModelManagement.Patterns;", text);
        Assert.Equal("""
            public sealed class C
            {
                private readonly IStore _store;
                private string[] _models = new string[0];
                private readonly AsyncInitializer _initializer;

                public C(IStore store) { _store = store; _initializer = new AsyncInitializer(LoadAsync); }
                private async Task LoadAsync() => _models = await _store.LoadAsync();
                public async Task<int> CountAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _models.Length; }
            }
            """, text.Substring(text.IndexOf("public sealed class C", System.StringComparison.Ordinal)).Trim().Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task FactoryPlan_WritesTheFactoryAndAwaitsItAtEveryCreation()
    {
        var host = await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                public C(IStore s) { _m = s.LoadAsync().Result; }
                public int Count => _m.Length;
            }
            public static class Use { public static async Task<int> CountAsync(IStore s, CancellationToken token) => new C(s).Count; }
            """);
        var decision = await MM0001Pipeline.DecideAsync(host.Solution, host.Project, host.Type, planFactory: true, default);

        var (text, compiles) = await host.ApplyAsync(decision.Plan!);

        Assert.True(compiles, text);
        Assert.Contains("public static async Task<C> CreateAsync(IStore s, CancellationToken cancellationToken = default)", text);
        Assert.Contains("private C() { }", text);
        Assert.Contains("await instance.InitializeAsync(s).ConfigureAwait(false);", text);
        Assert.Contains("private async Task InitializeAsync(IStore s)", text);
        Assert.Contains("(await C.CreateAsync(s, token)).Count", text);
        Assert.DoesNotContain(".Result", text);
    }

    [Fact]
    public async Task LazyPlan_StateMembers_BecomeAssignableOutsideTheConstructor()
    {
        var host = await MM0001PipelineHost.CreateAsync("""
            public sealed class C
            {
                private readonly string[] _m;
                private string[] Names { get; }
                public C(IStore s) { _m = s.LoadAsync().Result; Names = s.LoadAsync().Result; }
                public async Task<int> CountAsync() => await Task.FromResult(_m.Length + Names.Length);
            }
            """);
        var facts = await host.FactsAsync();
        var (lazy, refusal) = MM0001LazyDecision.Decide(facts);
        Assert.Null(refusal);

        var (text, compiles) = await host.ApplyAsync(new MM0001Plan(facts, lazy, null));

        Assert.True(compiles, text);
        Assert.Contains("private string[] _m = null!;", text);
        Assert.Contains("private string[] Names { get; set; } = null!;", text);
    }
}
