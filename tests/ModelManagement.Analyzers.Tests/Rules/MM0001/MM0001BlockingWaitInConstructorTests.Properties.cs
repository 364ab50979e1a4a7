using System.Threading.Tasks;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001: the Diagnostic.Properties contract the code fix relies on.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Theory]
    [InlineData("_model = pending.Result;", MM0001Properties.Result, "pending")]
    [InlineData("pending.Wait();", MM0001Properties.Wait, "pending")]
    [InlineData("pending.GetAwaiter().GetResult();", MM0001Properties.GetResult, "pending")]
    [InlineData("pending.ConfigureAwait(false).GetAwaiter().GetResult();", MM0001Properties.GetResult, "pending")]
    [InlineData("Task.WaitAll(pending);", MM0001Properties.WaitAll, "Task.WaitAll(...)")]
    [InlineData("Task.WaitAny(pending);", MM0001Properties.WaitAny, "Task.WaitAny(...)")]
    public async Task DirectForms_CarryFormSiteAndAwaitedMember(string statement, string form, string awaitedMember)
    {
        var diagnostic = await MM0001Host.SingleAsync(
            "using System.Threading.Tasks; class C { string _model; public C(Task<string> pending) { " + statement + " } }");

        Assert.Equal(form, diagnostic.Form());
        Assert.Equal(MM0001Properties.SiteConstructor, diagnostic.Property(MM0001Properties.Site));
        Assert.Equal(awaitedMember, diagnostic.Property(MM0001Properties.AwaitedMember));
        Assert.Null(diagnostic.Property(MM0001Properties.Callee));
    }

    [Theory]
    [InlineData("class C { static C() { Task.Run(async () => { }).Wait(); } }", MM0001Properties.SiteStaticConstructor)]
    [InlineData("class C { int _x = Task.Run(async () => 1).Result; }", MM0001Properties.SiteFieldInitializer)]
    [InlineData("class C { static int X = Task.Run(async () => 1).Result; }", MM0001Properties.SiteStaticFieldInitializer)]
    [InlineData("class C { int X { get; } = Task.Run(async () => 1).Result; }", MM0001Properties.SitePropertyInitializer)]
    [InlineData("class C { static int X { get; } = Task.Run(async () => 1).Result; }", MM0001Properties.SiteStaticPropertyInitializer)]
    [InlineData("class B { public B(int x) { } } class C : B { public C() : base(Task.Run(async () => 1).Result) { } }", MM0001Properties.SiteConstructorInitializer)]
    [InlineData("class B(int x); class C() : B(Task.Run(async () => 1).Result);", MM0001Properties.SitePrimaryConstructorBase)]
    [InlineData("class C(Task<int> t) { int _x = t.Result; }", MM0001Properties.SiteFieldInitializer)]
    public async Task Sites_AreNamed(string declarations, string site)
    {
        var diagnostic = await MM0001Host.SingleAsync("using System.Threading.Tasks; " + declarations);

        Assert.Equal(site, diagnostic.Property(MM0001Properties.Site));
    }

    [Fact]
    public async Task OwnCall_CarriesCalleeKindFormAndPath()
    {
        var diagnostic = await MM0001Host.SingleAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;

            class LlmClient
            {
                public LlmClient() => LoadCatalogue();

                private void LoadCatalogue() => ReadIndex();

                private void ReadIndex() => Fetch();

                private static void Fetch() => FetchAsync().ConfigureAwait(false).GetAwaiter().GetResult();

                private static Task FetchAsync() => Task.Run(() => { });
            }
            """);

        Assert.Equal(MM0001Properties.Call, diagnostic.Form());
        Assert.Equal("LoadCatalogue", diagnostic.Property(MM0001Properties.Callee));
        Assert.Equal(MM0001Properties.CalleeMethod, diagnostic.Property(MM0001Properties.CalleeKind));
        Assert.Equal(MM0001Properties.GetResult, diagnostic.Property(MM0001Properties.CalleeForm));
        Assert.Equal("FetchAsync()", diagnostic.Property(MM0001Properties.AwaitedMember));
        Assert.Equal("LoadCatalogue() -> ReadIndex() -> Fetch()", diagnostic.Property(MM0001Properties.Path));
        Assert.Equal("LoadCatalogue()", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Theory]
    [InlineData("public C() => Load(); static void Load() => Task.Run(async () => { }).Wait();", MM0001Properties.CalleeStaticMethod, "Load")]
    [InlineData("public C() { Load(); void Load() => Task.Run(async () => { }).Wait(); }", MM0001Properties.CalleeLocalFunction, "Load")]
    [InlineData("public C() { var x = Value; } int Value => Task.Run(async () => 1).Result;", MM0001Properties.CalleeProperty, "Value")]
    public async Task OwnCallKinds_AreNamed(string members, string kind, string callee)
    {
        var diagnostic = await MM0001Host.SingleAsync("using System.Threading.Tasks; class C { " + members + " }");

        Assert.Equal(MM0001Properties.Call, diagnostic.Form());
        Assert.Equal(kind, diagnostic.Property(MM0001Properties.CalleeKind));
        Assert.Equal(callee, diagnostic.Property(MM0001Properties.Callee));
    }

    [Fact]
    public async Task ManyConstructorsCallingOneHelper_AllReportedFromOneSummary()
    {
        var (diagnostics, exceptions) = await MM0001Host.AnalyzeAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;

            class A
            {
                public A() => Load();
                public A(int x) => Load();
                public A(string s) : this() => Load();
                private int _f = Count();
                private static int Count() { Load(); return 1; }
                private static void Load() => Task.Run(async () => { }).Wait();
            }
            """);

        Assert.Empty(exceptions);
        Assert.Equal(4, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("Task.Run(...)", d.Property(MM0001Properties.AwaitedMember)));
    }

    [Fact]
    public async Task DeepChainBeyondTheDepthBound_DoesNotThrow()
    {
        var builder = new System.Text.StringBuilder("using System.Threading.Tasks; class Deep { public Deep() => M0();");
        for (var i = 0; i < 200; i++)
        {
            builder.Append(" void M").Append(i).Append("() => M").Append(i + 1).Append("();");
        }

        builder.Append(" void M200() => Task.Run(() => { }).Wait(); }");
        var (diagnostics, exceptions) = await MM0001Host.AnalyzeAsync(builder.ToString());

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics); // beyond the bound of 64 calls the chain is not followed (documented)
    }
}
