using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class CancellationTokensTests
{
    [Fact]
    public async Task IsCancellationToken_MatchesOnlySystemThreadingCancellationToken()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            namespace Other { public struct CancellationToken { } }
            class C
            {
                void M(System.Threading.CancellationToken real, Other.CancellationToken fake, int number) { $$ }
            }
            """);
        var method = (IMethodSymbol)code.Model.GetEnclosingSymbol(code.Position)!;

        Assert.True(CancellationTokens.IsCancellationToken(method.Parameters[0].Type));
        Assert.False(CancellationTokens.IsCancellationToken(method.Parameters[1].Type));
        Assert.False(CancellationTokens.IsCancellationToken(method.Parameters[2].Type));
        Assert.False(CancellationTokens.IsCancellationToken(null));
    }

    [Fact]
    public async Task FindParameter_TakesOnlyATokenPassedByValue()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            using System.Threading;
            class C
            {
                void ByReference(ref CancellationToken a, in CancellationToken b, out CancellationToken c) { c = default; }
                void Mixed(in CancellationToken a, CancellationToken second) { }
            }
            """.Replace("{ c = default; }", "{ c = default; $$ }"));
        var type = code.Model.GetEnclosingSymbol(code.Position)!.ContainingType;

        Assert.Null(CancellationTokens.FindParameter((IMethodSymbol)type.GetMembers("ByReference")[0]));
        Assert.Equal("second", CancellationTokens.FindParameter((IMethodSymbol)type.GetMembers("Mixed")[0])?.Name);
    }

    [Theory]
    [InlineData("void M(CancellationToken token) { Run(() => [|Work()|]); }", "token")]
    [InlineData("void M(CancellationToken outer) { Run(() => { Func<CancellationToken, int> f = inner => [|Work()|]; }); }", "inner")]
    [InlineData("void M(CancellationToken token) { int Local() => [|Work()|]; }", "token")]
    [InlineData("void M(int x) { Run(() => [|Work()|]); }", null)]
    [InlineData("void M(CancellationToken token) { Run(static () => [|Work()|]); }", null)]
    [InlineData("void M(CancellationToken token) { static int Local() => [|Work()|]; }", null)]
    [InlineData("void M(CancellationToken token) { Func<int, int> f = token => [|Work()|]; }", null)]
    [InlineData("void M(ref CancellationToken token) { [|Work()|]; }", null)]
    public async Task FindInScope_FindsTheTokenTheCodeCanUse(string member, string? expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            using System.Threading;
            class C
            {
                {{member}}
                static void Run(Action action) { }
                static int Work() => 0;
            }
            """);
        var node = code.Node<InvocationExpressionSyntax>();

        Assert.Equal(expected, CancellationTokens.FindInScope(code.Model, node, CancellationToken.None)?.Name);
    }
}
