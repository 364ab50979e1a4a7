using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class UniqueNamesTests
{
    [Fact]
    public void Choose_AppendsTheFirstFreeNumber()
    {
        var taken = ImmutableHashSet.Create(StringComparer.Ordinal, "ex", "ex1");

        Assert.Equal("ex2", UniqueNames.Choose("ex", taken));
        Assert.Equal("exception", UniqueNames.Choose("exception", taken));
    }

    [Fact]
    public async Task TakenByMembersOf_AvoidsMembersInheritedMembersTypeNameAndLocals()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class Base { protected int _initializer; }
            class [|Derived|]<TState> : Base
            {
                int InitializeAsync() { var create = 1; return create; }
            }
            """);
        var type = code.Model.GetDeclaredSymbol(code.Node<ClassDeclarationSyntax>())!;

        var taken = UniqueNames.TakenByMembersOf(type, CancellationToken.None);

        Assert.Contains("_initializer", taken);
        Assert.Contains("InitializeAsync", taken);
        Assert.Contains("Derived", taken);
        Assert.Contains("TState", taken);
        Assert.Contains("create", taken);
        Assert.Equal("_initializer1", UniqueNames.Choose("_initializer", taken));
    }

    [Fact]
    public async Task TakenAt_AvoidsVisibleSymbolsAndLocalsDeclaredAnywhereInTheMember()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            using System;
            class C
            {
                int field;
                void M(int parameter)
                {
                    $$Console.WriteLine();
                    try { } catch (Exception ex) { }
                    Func<int, int> f = lambdaParameter => lambdaParameter;
                    if (parameter is int matched) { }
                }
                void Other() { var elsewhere = 1; }
            }
            """);
        var statement = code.Node<StatementSyntax>();

        var taken = UniqueNames.TakenAt(code.Model, statement, CancellationToken.None);

        Assert.Contains("field", taken);
        Assert.Contains("parameter", taken);
        Assert.Contains("ex", taken);
        Assert.Contains("lambdaParameter", taken);
        Assert.Contains("matched", taken);
        Assert.DoesNotContain("elsewhere", taken);
        Assert.Equal("ex1", UniqueNames.Choose("ex", taken));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("class", "@class")]
    [InlineData("await", "@await")]
    public void Identifier_EscapesKeywords(string name, string expected)
    {
        var token = UniqueNames.Identifier(name);

        Assert.Equal(expected, token.Text);
        Assert.Equal(name, token.ValueText);
    }
}
