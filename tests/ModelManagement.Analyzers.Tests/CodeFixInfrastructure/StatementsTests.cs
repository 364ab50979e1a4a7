using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class StatementsTests
{
    [Theory]
    [InlineData("Work();", true)]
    [InlineData("if (o is string s) { Work(); }", true)]
    [InlineData("Run(() => int.TryParse(\"1\", out var inLambda));", true)]
    [InlineData("var local = 1;", false)]
    [InlineData("int.TryParse(\"1\", out var parsed);", false)]
    [InlineData("_ = o is string matched;", false)]
    [InlineData("void Local() { }", false)]
    public async Task CanMoveIntoBlock_RejectsStatementsThatDeclareForLaterCode(string statement, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System;
            class C
            {
                void M(object o) { [|{{statement}}|] }
                static void Work() { }
                static void Run(Action action) { }
            }
            """);

        Assert.Equal(expected, Statements.CanMoveIntoBlock(code.Node<StatementSyntax>()));
    }

    [Fact]
    public async Task Wrap_ConsecutiveStatements_KeepsCommentsAndFormatsOnlyTheWrapper()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Before();
                    // first comment
                    [|First();|] // trailing
                    Second();
                    After();
                }
                static void Before() { } static void First() { } static void Second() { } static void After() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 2, statements => SyntaxFactory.TryStatement(
            SyntaxFactory.Block(statements), default, SyntaxFactory.FinallyClause(SyntaxFactory.Block())));

        Assert.Equal(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Before();
                    // first comment
                    try
                    {
                        First(); // trailing
                        Second();
                    }
                    finally
                    {
                    }
                    After();
                }
                static void Before() { } static void First() { } static void Second() { } static void After() { }
            }
            """, InfrastructureTestCode.Format(root));
    }

    [Fact]
    public async Task Wrap_ThenBranchOfIfWithElse_IsBraced()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M(bool c, object o)
                {
                    if (c)
                        [|Work();|]
                    else
                        Work();
                }
                static void Work() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 1, statements => SyntaxFactory.IfStatement(
            SyntaxFactory.ParseExpression("o != null"), SyntaxFactory.Block(statements)));

        Assert.Contains("if (c)", root.ToFullString());
        var outer = System.Linq.Enumerable.First(System.Linq.Enumerable.OfType<IfStatementSyntax>(root.DescendantNodes()));
        Assert.IsType<BlockSyntax>(outer.Statement);
        Assert.NotNull(outer.Else);
    }

    [Fact]
    public async Task Insert_OneLineBlock_StaysOnOneLine()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                int a;
                C(int b) [|{ a = b; Work(); }|]
                static void Work() { }
            }
            """);

        var block = Statements.Insert(code.Node<BlockSyntax>(), 1, SyntaxFactory.ParseStatement("Inserted();"));

        Assert.Equal("{ a = b; Inserted(); Work(); }", block.ToString());
    }

    [Fact]
    public async Task Insert_MultiLineBlock_GivesTheStatementItsOwnLine()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                [|{
                    // kept
                    Work();
                }|]
                static void Work() { }
            }
            """);
        var original = code.Node<BlockSyntax>();

        var root = code.Root.ReplaceNode(original, Statements.Insert(original, 0, SyntaxFactory.ParseStatement("Inserted();")));

        Assert.Equal(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Inserted();
                    // kept
                    Work();
                }
                static void Work() { }
            }
            """, InfrastructureTestCode.Format(root));
    }

    [Theory]
    [InlineData("int [|M|]() => Work();", true, "int M()\n    {\n        Inserted();\n        return Work();\n    }")]
    [InlineData("void [|M|]() => Work();", false, "void M()\n    {\n        Inserted();\n        Work();\n    }")]
    [InlineData("int [|P|] { get => Work(); }", true, "int P { get { Inserted(); return Work(); } }")]
    public async Task Prepend_ExpressionBody_BecomesABlock(string member, bool returnsValue, string expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C
            {
                {{member}}
                static int Work() => 0;
            }
            """);
        var declaration = code.Node<MemberDeclarationSyntax>();
        Microsoft.CodeAnalysis.SyntaxNode target = declaration is PropertyDeclarationSyntax property ? property.AccessorList!.Accessors[0] : declaration;

        var root = code.Root.ReplaceNode(target, Statements.Prepend(target, SyntaxFactory.ParseStatement("Inserted();"), returnsValue)!);

        var formatted = InfrastructureTestCode.Format(root).Replace("\r\n", "\n");
        Assert.True(formatted.Contains(expected), formatted);
    }

    [Fact]
    public async Task Prepend_BlockBody_InsertsFirst()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void [|M|]() { Work(); }
                static void Work() { }
            }
            """);

        var method = (MethodDeclarationSyntax)Statements.Prepend(code.Node<MethodDeclarationSyntax>(), SyntaxFactory.ParseStatement("Inserted();"), returnsValue: false)!;

        Assert.Equal("{ Inserted(); Work(); }", method.Body!.ToString());
    }

    [Fact]
    public void WithoutLeadingBlankLines_KeepsCommentsAndIndentation()
    {
        var statement = SyntaxFactory.ParseStatement("\n\n    // note\n    Work();");

        Assert.Equal("    // note\n    Work();", Statements.WithoutLeadingBlankLines(statement).ToFullString());
    }
}
