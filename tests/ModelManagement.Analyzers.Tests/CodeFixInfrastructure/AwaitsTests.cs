using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class AwaitsTests
{
    [Theory]
    [InlineData("var x = [|Get()|];", true)]
    [InlineData("lock (this) { var x = [|Get()|]; }", false)]
    [InlineData("Func<int> f = () => [|Get()|];", false)]
    [InlineData("var q = from i in new[] { 1 } select [|Get()|];", false)]
    [InlineData("try { } finally { var x = [|Get()|]; }", true)]
    public async Task CanAwaitAt_AllowsAwaitWhereTheLanguageDoes(string statement, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Linq;
            class C
            {
                void M() { {{statement}} }
                static int Get() => 1;
            }
            """);

        Assert.Equal(expected, Awaits.CanAwaitAt(code.Node<InvocationExpressionSyntax>()));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp5, false)]
    [InlineData(LanguageVersion.CSharp6, true)]
    public void CanAwaitAt_InFinally_DependsOnTheLanguageVersion(LanguageVersion version, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { try { } finally { Get(); } } }", new CSharpParseOptions(version));
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single();

        Assert.Equal(expected, Awaits.CanAwaitAt(call));
    }

    [Theory]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Delay(1); }", false)]
    [InlineData("async Task M() { var c = [|new object()|]; }", false)]
    // A plain await anywhere in the function: context-bound work may follow it (an independent consumer's UI handler).
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Delay(1); Touch(); await Task.Delay(2).ConfigureAwait(false); }", false)]
    // Awaits of nested functions are theirs, not the member's.
    [InlineData("async Task M() { Func<Task> bg = async () => await Task.Delay(1).ConfigureAwait(false); var c = [|new object()|]; await bg(); }", false)]
    // (Without a configurable await of its own, the type's awaits decide, the local function's among them.)
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); async Task Local() => await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); async Task Local() => await Task.Delay(1).ConfigureAwait(false); await Task.Delay(1); }", false)]
    // `await Task.Yield()` cannot be configured: it counts neither way (an independent consumer's library).
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { var c = [|new object()|]; await System.Threading.Tasks.Task.Yield(); await Task.Delay(1); }", false)]
    // `await foreach` and `await using` await too: plain unless their expression is configured (a re-verification's loop body
    // left the UI thread after a configured initializer await).
    [InlineData("async Task M(IAsyncEnumerable<int> items) { var c = [|new object()|]; await foreach (var i in items) { } await Task.Delay(1).ConfigureAwait(false); }", false)]
    [InlineData("async Task M(IAsyncEnumerable<int> items) { var c = [|new object()|]; await foreach (var i in items.ConfigureAwait(false)) { } await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M(IAsyncDisposable d) { var c = [|new object()|]; await using (d) { } await Task.Delay(1).ConfigureAwait(false); }", false)]
    [InlineData("async Task M(IAsyncDisposable d) { var c = [|new object()|]; await using var e = d.ConfigureAwait(false); await Task.Delay(1).ConfigureAwait(false); }", true)]
    // A lambda without awaits of its own follows the function around it.
    [InlineData("async Task M() { Func<object> f = () => [|new object()|]; await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { Func<Task> f = async () => { var c = [|new object()|]; await Task.Delay(1); }; await Task.Delay(1).ConfigureAwait(false); }", false)]
    public async Task MemberConfiguresAwaits_OnlyWhenEveryOwnAwaitOfTheFunctionIsConfigured(string member, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C { {{member}} static void Touch() { } }
            """);

        Assert.Equal(expected, Awaits.MemberConfiguresAwaits(code.Node<ObjectCreationExpressionSyntax>()));
    }

    [Theory]
    // No function around the site awaits anything configurable: the type's other awaits decide (a consumer round's library,
    // whose mock readers await only Task.Yield(), under Meziantou's MA0004 with warnings as errors).
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { await Task.Delay(1).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { var c = [|new object()|]; } async Task N() { await Task.Delay(1).ConfigureAwait(false); await Task.Delay(2).ConfigureAwait(false); }", true)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { await Task.Delay(1); }", false)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { await Task.Delay(1).ConfigureAwait(false); } async Task O() { await Task.Delay(1); }", false)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { Func<Task> f = async () => await Task.Delay(1); await f().ConfigureAwait(false); }", false)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { await Task.Yield(); }", false)]
    // The function's own awaits still come first, and a nested type's awaits are its own.
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Delay(1); } async Task N() { await Task.Delay(1).ConfigureAwait(false); }", false)]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); } class Nested { async Task N() { await Task.Delay(1).ConfigureAwait(false); } }", false)]
    public async Task MemberConfiguresAwaits_WithoutConfigurableAwaitsAroundTheSite_FollowsTheType(string members, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Threading.Tasks;
            class C { {{members}} }
            """);

        Assert.Equal(expected, Awaits.MemberConfiguresAwaits(code.Node<ObjectCreationExpressionSyntax>()));
    }

    [Theory]
    // A partial type's other parts count (a fix-shapes round: the other file's plain awaits ran UI work after the await).
    [InlineData("await Task.Delay(1);", false)]
    [InlineData("await Task.Delay(1).ConfigureAwait(false);", true)]
    public async Task MemberConfiguresAwaits_OfAPartialType_ReadsEveryPart(string otherPartAwait, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Threading.Tasks;
            partial class C { async Task M() { var c = [|new object()|]; await Task.Yield(); } async Task N() { await Task.Delay(2).ConfigureAwait(false); } }
            partial class C { async Task O() { {{otherPartAwait}} } }
            """);

        Assert.Equal(expected, Awaits.MemberConfiguresAwaits(code.Node<ObjectCreationExpressionSyntax>(), code.Model.Compilation, code.Model));
        Assert.False(Awaits.MemberConfiguresAwaits(code.Node<ObjectCreationExpressionSyntax>()), "without a model the other parts are unknown");
    }

    [Theory]
    [InlineData("async Task M() { var c = [|new object()|]; await Task.Yield(); }", true)]
    [InlineData("void M() { var c = [|new object()|]; }", false)]
    [InlineData("void M() { Func<Task> f = async () => { var c = [|new object()|]; await Task.Yield(); }; }", true)]
    [InlineData("async Task M() { Func<object> f = () => [|new object()|]; await Task.Yield(); }", false)]
    public async Task IsInAsyncFunction_LooksAtTheInnermostFunction(string member, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Threading.Tasks;
            class C { {{member}} }
            """);

        Assert.Equal(expected, Awaits.IsInAsyncFunction(code.Node<ObjectCreationExpressionSyntax>()));
    }

    [Fact]
    public void Configured_WritesConfigureAwaitFalse()
        => Assert.Equal("await Run().ConfigureAwait(false)", Awaits.Configured(SyntaxFactory.ParseExpression("Run()")).NormalizeWhitespace().ToFullString());
}
