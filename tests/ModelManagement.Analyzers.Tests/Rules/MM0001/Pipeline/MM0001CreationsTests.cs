using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>The factory's facts: how the solution creates the type (searched only when the lazy rewrite is refused).</summary>
public sealed class MM0001CreationsTests
{
    private const string Type = """
        public class C
        {
            private readonly string[] _m;
            public C(IStore s) { _m = s.LoadAsync().Result; }
            public int Count => _m.Length;
        }

        """;

    [Fact]
    public async Task CreationsInAsyncCode_AreCallersWithTheTokenInScope()
    {
        var creations = await CollectAsync(Type + """
            public static class Use
            {
                public static async Task<int> OneAsync(IStore s, CancellationToken token) => new C(s).Count;
                public static async Task<int> TwoAsync(IStore s) { C c = new(s); await Task.Yield(); return c.Count; }
            }
            """);

        Assert.False(creations.HasDerivedTypes);
        Assert.Null(creations.Problem);
        Assert.Equal(2, creations.Callers.Length);
        Assert.Equal("token", creations.Callers[0].CancellationTokenName);
        Assert.Null(creations.Callers[1].CancellationTokenName);
        Assert.Equal("C", creations.Callers[1].CreatedType!.Name);
    }

    [Fact]
    public async Task CreationInAnAsyncLambdaOrLocalFunction_IsACaller()
    {
        // An independent consumer check: `Run(async () => { var lib = new Library(s); … })` refused the factory.
        var creations = await CollectAsync(Type + """
            public static class Use
            {
                public static Task<int> Run(System.Func<Task<int>> work) => work();
                public static Task<int> OneAsync(IStore s) => Run(async () => { var c = new C(s); await Task.Yield(); return c.Count; });
                public static Task<int> TwoAsync(IStore s)
                {
                    return Local();
                    async Task<int> Local() { await Task.Yield(); return new C(s).Count; }
                }
            }
            """);

        Assert.Null(creations.Problem);
        Assert.Equal(2, creations.Callers.Length);
    }

    [Theory]
    [InlineData("public static class Use { public static int Count(IStore s) => new C(s).Count; }", "CreationInSynchronousCode")]
    [InlineData("public static class Use { public static async Task<int> CountAsync(IStore s) { await Task.Yield(); return System.Linq.Enumerable.Sum(new[] { 1 }, _ => new C(s).Count); } }", "CreationInSynchronousCode")]
    [InlineData("public static class Use { public static async Task<int> CountAsync(IStore s) { await Task.Yield(); lock (s) { return Run(async () => new C(s).Count).Result; } } static Task<int> Run(System.Func<Task<int>> f) => f(); }", null)]
    [InlineData("public static class Use { public static readonly System.Type Kind = typeof(C); }", "CreationCannotBeReplaced")]
    [InlineData("public static class Use { public static async Task<C> MakeAsync(IStore s) { await Task.Yield(); return new C(s) { }; } }", "CreationCannotBeReplaced")]
    [InlineData("public sealed class GameTests : Xunit.IClassFixture<C> { } namespace Xunit { public interface IClassFixture<T> { } }", "CreationCannotBeReplaced")] // real code (a bot SDK's test fixture): xunit creates it through its public constructor
    [InlineData("public sealed class Tests : IFixtures<int, C> { } public interface IFixtures<T1, T2> { }", "CreationCannotBeReplaced")]
    [InlineData("public static class Use { public static readonly System.Collections.Generic.List<C> All = new(); }", null)] // a type argument outside a base list creates nothing
    public async Task CreationAFactoryCannotReplace_IsTheProblem(string use, string? expected)
    {
        var creations = await CollectAsync(Type + use);

        Assert.Equal(expected, creations.Problem?.Reason.ToString());
    }

    [Fact]
    public async Task DerivedType_IsReportedBeforeCreationsAreSearched()
    {
        var creations = await CollectAsync(Type + "public sealed class D : C { public D(IStore s) : base(s) { } }");

        Assert.True(creations.HasDerivedTypes);
        Assert.Empty(creations.Callers);
    }

    private static async Task<MM0001Creations> CollectAsync(string source)
    {
        var facts = await (await MM0001PipelineHost.CreateAsync(source)).FactsAsync();
        var constructor = facts.Type.InstanceConstructors[0];
        return await MM0001Creations.CollectAsync(facts, constructor, CancellationToken.None);
    }
}
