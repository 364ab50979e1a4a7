using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary><see cref="FieldOrder"/>: SA1214's neighbour rule kept after a fix, only where the project runs StyleCop.</summary>
public sealed class FieldOrderTests
{
    private static Project Project(bool styleCop)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp);
        return styleCop ? TestEnvironment.WithStyleCopAnalyzers(project.Solution, project.Id).GetProject(project.Id)! : project;
    }

    /// <summary>The "after" text: the class's first field (or <paramref name="mutable"/>) made mutable, as MM0001 does to loaded state.</summary>
    private static string Repaired(string before, bool styleCop = true, string? mutable = null)
    {
        var original = CSharpSyntaxTree.ParseText(before).GetRoot();
        var field = original.DescendantNodes().OfType<FieldDeclarationSyntax>().First(f => mutable is null || f.Declaration.Variables[0].Identifier.ValueText == mutable);
        var changed = original.ReplaceNode(field, Members.RemoveModifier(field, SyntaxKind.ReadOnlyKeyword));
        return FieldOrder.KeepReadonlyFirst(original, changed, Project(styleCop)).ToFullString();
    }

    [Fact]
    public void ReadonlyFieldsAfterTheNewlyMutableOne_MoveUp_InTheirGroupOnly()
    {
        var before = "class C\n{\n    private readonly int _a;\n    private readonly int _b;\n    public readonly int C1;\n    private static readonly int S;\n    void M() { }\n    private readonly int _d;\n}\n";

        // `_b` follows the now mutable `_a` in its group and moves; `C1` (public) and `S` (static) are other groups; `_d`
        // follows a method, which SA1214 does not compare.
        Assert.Equal(
            "class C\n{\n    private readonly int _b;\n    private int _a;\n    public readonly int C1;\n    private static readonly int S;\n    void M() { }\n    private readonly int _d;\n}\n",
            Repaired(before));
    }

    [Fact]
    public void WithoutStyleCop_OrWhereTheAuthorAlreadyBreaksTheOrder_NothingMoves()
    {
        var before = "class C\n{\n    private readonly int _a;\n    private readonly int _b;\n}\n";
        Assert.Equal("class C\n{\n    private int _a;\n    private readonly int _b;\n}\n", Repaired(before, styleCop: false));

        var unordered = "class C\n{\n    private readonly int _a;\n    private int _x;\n    private readonly int _y;\n    private readonly int _b;\n}\n";
        Assert.Equal("class C\n{\n    private int _a;\n    private int _x;\n    private readonly int _y;\n    private readonly int _b;\n}\n", Repaired(unordered));
    }

    [Fact]
    public void AMoveThatWouldCrossARegion_IsNotMade_CommentsTravelWithTheirField()
    {
        var region = "class C\n{\n    private readonly int _a;\n    #region limits\n    private readonly int _b;\n    #endregion\n}\n";
        Assert.Equal("class C\n{\n    private int _a;\n    #region limits\n    private readonly int _b;\n    #endregion\n}\n", Repaired(region));

        var commented = "class C\n{\n\n    // loaded state\n    private readonly int _a;\n    /// <summary>Limit.</summary>\n    private readonly int _b;\n}\n";
        Assert.Equal(
            "class C\n{\n\n    /// <summary>Limit.</summary>\n    private readonly int _b;\n\n    // loaded state\n    private int _a;\n}\n",
            Repaired(commented));
    }

    [Fact]
    public void ARegionOpeningTheRun_StaysFirst_TheReadonlyFieldMovesInsideIt()
    {
        // A fix-shapes round: `#region State` on the first mutable field stopped the move, and SA1214 broke the build.
        var before = "class C\n{\n    private readonly int _a;\n\n    #region state\n    private readonly int _b;\n    private readonly int _c;\n    #endregion\n}\n";
        Assert.Equal(
            "class C\n{\n    private readonly int _a;\n\n    #region state\n    private readonly int _c;\n    private int _b;\n    #endregion\n}\n",
            Repaired(before, mutable: "_b"));
    }

    [Fact]
    public void AMovedFieldWithACommentKeepsTheBlankLineAboveIt()
    {
        // A fix-shapes round: the doc-commented field moved up without its blank line (StyleCop's SA1515).
        var before = "class C\n{\n    private readonly int _a;\n    private readonly int _b;\n\n    // the limit\n    private readonly int _c;\n}\n";
        Assert.Equal(
            "class C\n{\n    private readonly int _a;\n\n    // the limit\n    private readonly int _c;\n\n    private int _b;\n}\n",
            Repaired(before, mutable: "_b"));
    }
}
