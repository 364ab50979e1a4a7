using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>AwaitTextIndex: the syntactic pre-filter MM0005 runs before it registers anything for a member.</summary>
public sealed class AwaitTextIndexTests
{
    [Fact]
    public void Find_ReportsEveryOccurrence_AcrossChunkBoundaries()
    {
        // Occurrences straddling the 4096-character chunk boundary, at the very start and at the very end.
        var text = "await" + new string(' ', 4090) + "await" + new string('x', 4000) + "await";
        var positions = AwaitTextIndex.Find(SourceText.From(text), Buffer(), CancellationToken.None);
        Assert.Equal(new[] { 0, 4095, text.Length - 5 }, positions);
    }

    [Fact]
    public void Find_AdjacentAndOverlappingCandidates()
    {
        // "aawait", "awawait", "awaitawait", a lone "w" at the very start and "awai" cut off at the end.
        var text = "w aawait awawait awaitawait awai";
        var positions = AwaitTextIndex.Find(SourceText.From(text), Buffer(), CancellationToken.None);
        Assert.Equal(new[] { 3, 11, 17, 22 }, positions);
    }

    [Fact]
    public void Find_NoOccurrence_ReturnsEmpty()
    {
        Assert.Empty(AwaitTextIndex.Find(SourceText.From("class C { void M() { var awai = 1; } } // awai t"), Buffer(), CancellationToken.None));
        Assert.Empty(AwaitTextIndex.Find(SourceText.From("awai"), Buffer(), CancellationToken.None));
    }

    [Fact]
    public void Contains_OnlyWhenTheWholeWordIsInsideTheSpan()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { async System.Threading.Tasks.Task M() { await M(); } void N() { } }");
        var index = new AwaitTextIndex();
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();
        var awaitStart = tree.ToString().IndexOf("await", System.StringComparison.Ordinal);

        Assert.True(index.Contains(tree, methods[0].Span, CancellationToken.None));
        Assert.False(index.Contains(tree, methods[1].Span, CancellationToken.None));
        Assert.False(index.Contains(tree, TextSpan.FromBounds(awaitStart + 1, tree.Length), CancellationToken.None));
        Assert.False(index.Contains(tree, TextSpan.FromBounds(0, awaitStart + 4), CancellationToken.None));
        Assert.True(index.Contains(tree, new TextSpan(awaitStart, 5), CancellationToken.None));
    }

    [Fact]
    public void Contains_ReusesItsBuffer_AcrossTrees()
    {
        var index = new AwaitTextIndex();
        var first = CSharpSyntaxTree.ParseText("class A { async System.Threading.Tasks.Task M() { await M(); } }");
        var second = CSharpSyntaxTree.ParseText("class B { void M() { } }");
        var third = CSharpSyntaxTree.ParseText(new string(' ', 5000) + "class C { async System.Threading.Tasks.Task M() { await M(); } }");

        Assert.True(index.Contains(first, new TextSpan(0, first.Length), CancellationToken.None));
        Assert.False(index.Contains(second, new TextSpan(0, second.Length), CancellationToken.None));
        Assert.True(index.Contains(third, new TextSpan(5000, third.Length - 5000), CancellationToken.None));
        Assert.False(index.Contains(third, new TextSpan(0, 5000), CancellationToken.None));
    }

    private static char[] Buffer() => new char[AwaitTextIndex.BufferLength];

    [Fact]
    public void AwaitWrittenWithUnicodeEscape_IsNoAwaitExpression()
    {
        // The pre-filter's premise: an await expression is always spelled with the five plain characters.
        var tree = CSharpSyntaxTree.ParseText("class C { async System.Threading.Tasks.Task M() { \\u0061wait M(); } }");
        Assert.Empty(tree.GetRoot().DescendantNodes().OfType<AwaitExpressionSyntax>());
        Assert.Empty(AwaitTextIndex.Find(tree.GetText(), Buffer(), CancellationToken.None));
    }
}
