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
