using System.Linq;
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
    public async Task Wrap_ThenFormatted_KeptLayoutGivesTheWrappedStatementsTheirWrittenSpacingBack()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    [|First( 1,2 );|] // trailing
                    Second(1,
                           2);
                    After();
                }
                static void First(int a, int b) { } static void Second(int a, int b) { } static void After() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 2, statements => SyntaxFactory.TryStatement(
            SyntaxFactory.Block(statements), default, SyntaxFactory.FinallyClause(SyntaxFactory.Block())));
        using var workspace = new AdhocWorkspace();
        var formatted = Microsoft.CodeAnalysis.Formatting.Formatter.Format(root, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation, workspace);

        Assert.Contains("First(1, 2);", formatted.ToFullString()); // what the formatter does to the statements inside
        var restored = KeptLayout.Restore(formatted);
        Assert.NotNull(restored);
        Assert.Equal(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    try
                    {
                        First( 1,2 ); // trailing
                        Second(1,
                               2);
                    }
                    finally
                    {
                    }

                    After();
                }
                static void First(int a, int b) { } static void Second(int a, int b) { } static void After() { }
            }
            """, restored!.ToFullString());
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
    public async Task Wrap_KeepsBlankLinesCommentsAndDirectivesAboveTheWrapper_AndDoesNotDoubleABlankLine()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Before();

                    #region work
                    // first comment
                    [|First();|] /* trailing */
                    #endregion

                    After(); // after
                }
                static void Before() { } static void First() { } static void After() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 1, Guard, blankLineAfter: true);

        Assert.Equal(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Before();

                    #region work
                    // first comment
                    if (true)
                    {
                        First(); /* trailing */
                    }
                    #endregion

                    After(); // after
                }
                static void Before() { } static void First() { } static void After() { }
            }
            """, InfrastructureTestCode.Format(root));
    }

    [Theory]
    [InlineData(true, "    }\n\n        After();")]
    [InlineData(false, "    }\n        After();")]
    public async Task Wrap_BlankLineAfter_IsTheCallersChoice(bool blankLineAfter, string expected)
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    [|First();|]
                    After();
                }
                static void First() { } static void After() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 1, Guard, blankLineAfter);

        var formatted = InfrastructureTestCode.Format(root).Replace("\r\n", "\n");
        Assert.True(formatted.Contains(expected), formatted);
    }

    [Fact]
    public async Task Wrap_LastStatementOfItsBlock_AddsNoBlankLineBeforeTheBrace()
    {
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    [|First();|]
                }
                static void First() { }
            }
            """);

        var root = Statements.Wrap(code.Root, code.Node<StatementSyntax>(), 1, Guard, blankLineAfter: true);

        Assert.Equal(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    if (true)
                    {
                        First();
                    }
                }
                static void First() { }
            }
            """, InfrastructureTestCode.Format(root));
    }

    [Fact]
    public async Task RemoveKeepingLeadingDirectives_DropsARegionLeftEmpty_KeepsOneThatStillHoldsCode()
    {
        // An independent consumer: the lazy rewrite moved the only statement of `#region load` out of the constructor and
        // left the empty region behind.
        var code = await InfrastructureTestCode.CompileAsync(/* lang=c#-test */ """
            class C
            {
                void M()
                {
                    Before();

                    #region load
                    // loads the catalogue
                    [|First();|]
                    #endregion

                    #region rest
                    Second();
                    Third();
                    #endregion
                    After();
                }
                static void Before() { } static void First() { } static void Second() { } static void Third() { } static void After() { }
            }
            """);
        var block = (BlockSyntax)code.Node<StatementSyntax>().Parent!;
        var names = new[] { "First", "Second" };

        var result = Statements.RemoveKeepingLeadingDirectives(block, statement => names.Any(name => statement.ToString().StartsWith(name, System.StringComparison.Ordinal)));

        Assert.Equal(/* lang=c#-test */ """
            {
                    Before();


                    #region rest
                    Third();
                    #endregion
                    After();
                }
            """, result.ToFullString().Trim().Replace("\r\n", "\n", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#if DEBUG\n        Second();\n#endif", 1, true)]
    [InlineData("#if DEBUG\n        Second();\n#endif", 2, false)]
    [InlineData("#if DEBUG\n        Second();\n#endif", 3, true)]
    [InlineData("#if DEBUG\n        Second();\n#else\n        Third();\n#endif", 2, false)]
    [InlineData("#if DEBUG\n        Second();\n#else\n        Third();\n#endif", 3, true)]
    [InlineData("#region r\n        Second();\n#endregion\n        Third();", 2, false)]
    [InlineData("#region r\n        Second();\n#endregion\n        Third();", 3, true)]
    public async Task CanWrap_KeepsPreprocessorRegionsWhole(string rest, int count, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            #define DEBUG
            class C
            {
                void M()
                {
                    [|First();|]
            {{rest}}
                    After();
                }
                static void First() { } static void Second() { } static void Third() { } static void After() { }
            }
            """);

        Assert.Equal(expected, Statements.CanWrap(code.Node<StatementSyntax>(), count));
        if (!expected)
        {
            Assert.Same(code.Root, Statements.Wrap(code.Root, code.Node<StatementSyntax>(), count, Guard, blankLineAfter: true));
        }
    }

    [Theory]
    [InlineData("if (a) { }\n\n        Work();\n        if (a) { }\n\n        Work();", true)]
    [InlineData("if (a) { }\n        Work();\n        if (a) { }\n\n        Work();", false)]
    [InlineData("Work();\n        Work();", false)]
    public async Task SeparatesBlocksWithBlankLines_FollowsTheMajority(string body, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C
            {
                void M(bool a)
                {
                    $${{body}}
                }
                static void Work() { }
            }
            """);

        Assert.Equal(expected, Statements.SeparatesBlocksWithBlankLines(code.Root, code.Node<StatementSyntax>()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SeparatesBlocksWithBlankLines_TheMembersHabitBeforeTheFiles(bool markInTheGluingMember)
    {
        // fmtdet F3: another rule's fix in another member (which dotnet format may run before or after this one) must not
        // turn the habit: the member holding the statement decides when it shows one; the file only when it shows none.
        var glued = markInTheGluingMember ? "$$Work();" : "Work();";
        var free = markInTheGluingMember ? "Work();" : "$$Work();";
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C
            {
                void Glued(bool a)
                {
                    {{glued}}
                    if (a) { }
                    Work();
                }

                void Free(bool a)
                {
                    {{free}}
                }

                void Separated(bool a)
                {
                    if (a) { }

                    Work();
                    if (a) { }

                    Work();
                }

                static void Work() { }
            }
            """);

        // Glued: its own habit (glue) wins over the file's (separate); Free shows none, so the file's decides.
        Assert.Equal(!markInTheGluingMember, Statements.SeparatesBlocksWithBlankLines(code.Root, code.Node<StatementSyntax>()));
        Assert.Equal(markInTheGluingMember, Statements.GluesStatementsToBlocks(code.Root, code.Node<StatementSyntax>()));
    }

    [Theory]
    [InlineData("if (_audit is not null)\n        {\n            Work();\n        }")] // MM0003's guard
    [InlineData("if (_audit != null) { Work(); }")]
    [InlineData("if ((object)_audit != null) { Work(); }")]
    [InlineData("if (!(_audit is null)) { Work(); }")]
    [InlineData("try { Work(); } catch (System.Exception ex) when (ReportAndSwallow(ex)) { }")] // MM0002's try
    [InlineData("if (!Validate()) { throw new System.InvalidOperationException(); }")] // MM0004's branch
    [InlineData("if (Validate() == false) { return; }")]
    [InlineData("if (!_loaded) { _loaded = true; }")] // MM0005's check
    [InlineData("if (_cache == null) { _cache = new object(); }")]
    public async Task SeparatesBlocksWithBlankLines_ABlockAFixWritesOrRemoves_DoesNotCount(string block)
    {
        // determ: `dotnet format` applies the rules one after another in an order that changes from run to run; a block
        // another rule's fix writes (or MM0005's removes) was there in some runs only, and turned the decision (an MM0003
        // guard followed by a blank line gave MM0002's try a blank line in 4 runs of 5). Here it is the member's only block,
        // followed by a blank line: without it the member and the file show no habit, so no blank line.
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C
            {
                object _audit;
                object _cache;
                bool _loaded;

                void M()
                {
                    $$Work();
                    {{block}}

                    Work();
                }

                static void Work() { }
                static bool Validate() => true;
                static bool ReportAndSwallow(System.Exception ex) => true;
            }
            """);

        Assert.False(Statements.SeparatesBlocksWithBlankLines(code.Root, code.Node<StatementSyntax>()));
        Assert.False(Statements.GluesStatementsToBlocks(code.Root, code.Node<StatementSyntax>()));
    }

    [Theory]
    [InlineData("if (name == null) { name = \"none\"; }")] // a parameter's default: no MM0005 check
    [InlineData("if (name.Length == 0) { return; }")] // an early return on a comparison: no MM0004 branch
    [InlineData("if (name == null) { throw new System.ArgumentNullException(nameof(name)); }")] // a null guard clause
    public async Task SeparatesBlocksWithBlankLines_AnAuthorsBlockOfASimilarShape_StillCounts(string block)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C
            {
                void M(string name)
                {
                    $$Work();
                    {{block}}

                    Work();
                }

                static void Work() { }
            }
            """);

        Assert.True(Statements.SeparatesBlocksWithBlankLines(code.Root, code.Node<StatementSyntax>()));
    }

    private static StatementSyntax Guard(SyntaxList<StatementSyntax> statements)
        => SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression("true"), SyntaxFactory.Block(statements));

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
    public async Task Prepend_ExpressionBody_KeepsEveryComment()
    {
        var code = await InfrastructureTestCode.CompileAsync("""
            class C
            {
                int [|M|]() // after the signature
                    => /* before */ Work() /* after */; // end
                static int Work() => 0;
            }
            """);
        var declaration = code.Node<MethodDeclarationSyntax>();

        var root = code.Root.ReplaceNode(declaration, Statements.Prepend(declaration, SyntaxFactory.ParseStatement("Inserted();"), returnsValue: true)!);

        var formatted = InfrastructureTestCode.Format(root).Replace("\r\n", "\n");
        Assert.Contains("""
                int M() // after the signature
                {
                    Inserted();
                    /* before */
                    return Work(); /* after */ // end
                }
            """.Replace("\r\n", "\n"), formatted);
        Assert.Empty(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(formatted).GetDiagnostics());
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
