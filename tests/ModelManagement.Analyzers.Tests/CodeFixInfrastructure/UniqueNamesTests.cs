using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class UniqueNamesTests
{
    [Fact]
    public void ChooseAsync_KeepsTheAsyncSuffixLast()
    {
        // consume9 F3: `InitializeAsync1` trips VSTHRD200 ("Use Async suffix").
        var taken = ImmutableHashSet.Create(StringComparer.Ordinal, "InitializeAsync", "Initialize1Async", "Load");

        Assert.Equal("Initialize2Async", UniqueNames.ChooseAsync("InitializeAsync", taken));
        Assert.Equal("CreateAsync", UniqueNames.ChooseAsync("CreateAsync", taken));
        Assert.Equal("Load1", UniqueNames.ChooseAsync("Load", taken));
    }

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
    public async Task TakenAt_AvoidsEnclosingNamesAndWhatTheBlockDeclaresOrUses_NotSiblingScopesOrUnusedMembers()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            using System;
            class C
            {
                int field;
                int usedField;
                void M(int parameter, bool flag)
                {
                    if (flag)
                    {
                        $$Console.WriteLine(usedField);
                        try { } catch (Exception ex) { }
                        Func<int, int> f = lambdaParameter => lambdaParameter;
                        if (parameter is int matched) { }
                    }
                    else
                    {
                        var sibling = 1;
                    }
                }
                void Other() { var elsewhere = 1; }
            }
            """);
        var statement = code.Node<StatementSyntax>();

        var taken = UniqueNames.TakenAt(code.Model, statement, CancellationToken.None);

        Assert.Contains("parameter", taken);
        Assert.Contains("flag", taken);
        Assert.Contains("ex", taken);
        Assert.Contains("lambdaParameter", taken);
        Assert.Contains("matched", taken);
        Assert.Contains("usedField", taken);
        Assert.DoesNotContain("field", taken);
        Assert.DoesNotContain("sibling", taken);
        Assert.DoesNotContain("elsewhere", taken);
        Assert.Equal("ex1", UniqueNames.Choose("ex", taken));
    }

    [Fact]
    public async Task TakenAround_AvoidsMembersOnlyWhenTheNewScopeUsesThem()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            using System.Threading;
            class C
            {
                CancellationToken ex;
                CancellationToken other;
                void M()
                {
                    $$M();
                }
            }
            """);
        var statement = code.Node<StatementSyntax>();
        var usesTheField = SyntaxFactory.ParseExpression("ex.IsCancellationRequested");

        Assert.DoesNotContain("ex", UniqueNames.TakenAround(code.Model, statement, Array.Empty<SyntaxNode>(), CancellationToken.None));
        Assert.Contains("ex", UniqueNames.TakenAround(code.Model, statement, new SyntaxNode[] { usesTheField }, CancellationToken.None));
    }

    /// <summary>
    /// The compiler is the oracle: a catch variable <c>ex</c> (<see cref="UniqueNames.TakenAround"/>) or a local <c>ex</c>
    /// (<see cref="UniqueNames.TakenAt"/>) declared at <c>$$</c> is rejected exactly when the helper calls <c>ex</c>
    /// taken (for a local, taken may also mean "would capture a use"; none of these bodies uses an <c>ex</c> member).
    /// </summary>
    [Theory]
    [InlineData("$$Work(); try { } catch (Exception ex) { }")]
    [InlineData("$$Work(); Action a = () => { var ex = 1; };")]
    [InlineData("$$Work(); Action<int> a = ex => { };")]
    [InlineData("$$Work(); var ex = 1;")]
    [InlineData("$$Work(); { var ex = 1; }")]
    [InlineData("if (o != null) { var ex = 1; } else { $$Work(); }")]
    [InlineData("try { } catch (Exception ex) { $$Work(); }")]
    [InlineData("Action<int> a = ex => { $$Work(); };")]
    [InlineData("$$Work(); if (o is int ex) { }")]
    [InlineData("$$Work(); int.TryParse(\"1\", out var ex);")]
    [InlineData("$$Work(); foreach (var ex in new int[0]) { }")]
    [InlineData("$$Work(); void ex() { }")]
    [InlineData("$$Work(); var q = from ex in new int[0] select ex;")]
    [InlineData("while (o is int ex) { $$Work(); break; }")]
    [InlineData("var q = from ex in new int[0] select new Func<int>(() => { $$Work(); return 0; });")]
    [InlineData("switch (o) { case int ex: break; default: $$Work(); break; }")]
    [InlineData("$$Work();")]
    [InlineData("$$Work();", "<ex>")]
    [InlineData("$$Work(); field = 1;", "<T>")]
    public async Task TakenAroundAndTakenAt_AgreeWithTheCompiler(string body, string typeParameters = "")
    {
        foreach (var languageVersion in new[] { LanguageVersion.CSharp7_3, LanguageVersion.Latest })
        {
            {
                var template = """
                    using System;
                    using System.Linq;
                    class C
                    {
                        int field;
                        void M{{typeParameters}}(object o)
                        {
                            {{body}}
                        }
                        static void Work() { }
                    }
                    """.Replace("{{typeParameters}}", typeParameters).Replace("{{body}}", body);
                var code = await InfrastructureTestCode.CompileAsync(template, languageVersion);
                var statement = code.Node<StatementSyntax>();

                var catchRejected = await RejectsAsync(template.Replace("$$", "try { } catch (Exception ex) { } "), languageVersion);
                var localRejected = await RejectsAsync(template.Replace("$$", "var ex = 0; "), languageVersion);

                var context = languageVersion + " " + typeParameters + " " + body;
                Assert.True(catchRejected == UniqueNames.TakenAround(code.Model, statement, Array.Empty<SyntaxNode>(), CancellationToken.None).Contains("ex"), "catch: " + context);
                Assert.True(localRejected == UniqueNames.TakenAt(code.Model, statement, CancellationToken.None).Contains("ex"), "local: " + context);
            }
        }
    }

    private static async Task<bool> RejectsAsync(string source, LanguageVersion languageVersion)
    {
        var compilation = await RobustnessHarness.CompileAsync(
            new[] { RobustnessHarness.Parse(source, languageVersion: languageVersion) }, InfrastructureTestCode.NullableFor(languageVersion));
        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
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
