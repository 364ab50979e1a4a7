using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>WordTextIndex: the syntactic pre-filter MM0001 (blocking member names) and MM0005 (<c>await</c>) run before they register anything.</summary>
public sealed class WordTextIndexTests
{
    private static readonly ImmutableArray<WordTextIndex.Word> Waits = ImmutableArray.Create(
        new WordTextIndex.Word("Result"), new WordTextIndex.Word("Wait"), new WordTextIndex.Word("WaitAll"));

    [Fact]
    public void Find_ReportsEveryOccurrence_AcrossChunkBoundaries()
    {
        // Occurrences straddling the 4096-character chunk boundary, right after it, at the very start and at the very end.
        var text = "await" + new string(' ', 4090) + "await" + new string(' ', 4092) + " await " + new string('x', 4000) + " await";
        var positions = Find(text, WordTextIndex.Await);
        Assert.Equal(new[] { 0, 4095, 8193, text.Length - 5 }, positions);
    }

    [Fact]
    public void Find_WholeWordsOnly()
    {
        // "aawait", "awaiter", "_await", "await2" are identifiers; "(await", ";await" and "await(" are the keyword's spelling.
        var text = "aawait awaiter _await await2 (await x;await(y) await";
        var positions = Find(text, WordTextIndex.Await);
        Assert.Equal(new[] { 30, 38, 47 }, positions);
    }

    [Fact]
    public void Find_BoundaryCharacterInTheNextChunk_IsRead()
    {
        // "Wait" ends exactly at the chunk boundary, followed by "All" in the next chunk: one WaitAll, no Wait.
        var text = new string(' ', 4092) + "WaitAll()" + new string(' ', 10) + "x.Result;";
        var positions = Find(text, Waits);
        Assert.Equal(new[] { 4092, 4092 + 9 + 10 + 2 }, positions);
    }

    [Fact]
    public void Find_SeveralWords_AscendingAndExact()
    {
        var text = "var r = FunctionResult.Result; t.WaitAsync(); t.Wait(); Task.WaitAll(a); ResultX Résult é_Result";
        var positions = Find(text, Waits);
        Assert.Equal(new[] { text.IndexOf(".Result;") + 1, text.IndexOf(".Wait(") + 1, text.IndexOf("WaitAll") }, positions);
    }

    [Fact]
    public void Find_NonAsciiLetterBeforeAWord_IsPartOfTheIdentifier_NonBreakingSpaceIsNot()
    {
        Assert.Empty(Find("ÿResult", Waits));
        Assert.Equal(new[] { 1 }, Find("\u00A0Result", Waits));
    }

    [Fact]
    public void Find_Escapes_AreFoundInsideWords()
    {
        var words = Waits.AddRange(WordTextIndex.Escapes);
        Assert.Equal(new[] { 5 }, Find("t.Wai\\u0074();", words));
        Assert.Equal(new[] { 3 }, Find("x.R\\U00000065sult", words));
    }

    [Fact]
    public void Find_NoOccurrence_ReturnsEmpty()
    {
        Assert.Empty(Find("class C { void M() { var awai = 1; } } // awai t", WordTextIndex.Await));
        Assert.Empty(Find("awai", WordTextIndex.Await));
        Assert.Empty(Find("", WordTextIndex.Await));
    }

    [Fact]
    public void AnEscapedIdentifier_IsStillTheBlockingMember_SoMM0001AddsEscapes()
    {
        // Why the MM0001 words include the escapes: the compiler reads t.Wai\u0074() as t.Wait().
        var tree = CSharpSyntaxTree.ParseText("class C { C(System.Threading.Tasks.Task t) { t.Wai\\u0074(); } }");
        var name = tree.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>().Single().Name;
        Assert.Equal("Wait", name.Identifier.ValueText);
        Assert.Empty(Find(tree.GetText().ToString(), Waits));
    }

    [Fact]
    public void AwaitWrittenWithUnicodeEscape_IsNoAwaitExpression()
    {
        // The premise of the await words: an await expression is always spelled with the five plain characters.
        var tree = CSharpSyntaxTree.ParseText("class C { async System.Threading.Tasks.Task M() { \\u0061wait M(); } }");
        Assert.Empty(tree.GetRoot().DescendantNodes().OfType<AwaitExpressionSyntax>());
        Assert.Empty(Find(tree.GetText().ToString(), WordTextIndex.Await));
    }

    [Fact]
    public void Contains_OnlyWhenAWordStartsInsideTheSpan()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { async System.Threading.Tasks.Task M() { await M(); } void N() { } }");
        var index = new WordTextIndex(WordTextIndex.Await);
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();
        var awaitStart = tree.ToString().IndexOf("await", System.StringComparison.Ordinal);

        Assert.True(index.Contains(tree, methods[0].Span, CancellationToken.None));
        Assert.False(index.Contains(tree, methods[1].Span, CancellationToken.None));
        Assert.False(index.Contains(tree, TextSpan.FromBounds(awaitStart + 1, tree.Length), CancellationToken.None));
        Assert.False(index.Contains(tree, TextSpan.FromBounds(0, awaitStart), CancellationToken.None));
        Assert.True(index.Contains(tree, new TextSpan(awaitStart, 5), CancellationToken.None));
    }

    [Fact]
    public void Contains_ReusesItsBuffer_AcrossTrees()
    {
        var index = new WordTextIndex(WordTextIndex.Await);
        var first = CSharpSyntaxTree.ParseText("class A { async System.Threading.Tasks.Task M() { await M(); } }");
        var second = CSharpSyntaxTree.ParseText("class B { void M() { } }");
        var third = CSharpSyntaxTree.ParseText(new string(' ', 5000) + "class C { async System.Threading.Tasks.Task M() { await M(); } }");

        Assert.True(index.Contains(first, new TextSpan(0, first.Length), CancellationToken.None));
        Assert.False(index.Contains(second, new TextSpan(0, second.Length), CancellationToken.None));
        Assert.True(index.Contains(third, new TextSpan(5000, third.Length - 5000), CancellationToken.None));
        Assert.False(index.Contains(third, new TextSpan(0, 5000), CancellationToken.None));
    }

    [Fact]
    public void AnyIn_Type_LooksAtEveryPart()
    {
        var first = CSharpSyntaxTree.ParseText("partial class C { }", path: "a.cs");
        var second = CSharpSyntaxTree.ParseText("partial class C { int M(System.Threading.Tasks.Task<int> t) => t.Result; }", path: "b.cs");
        var compilation = CSharpCompilation.Create("T", new[] { first, second });
        var type = compilation.GetTypeByMetadataName("C")!;

        Assert.True(new WordTextIndex(Waits).AnyIn(type, CancellationToken.None));
        Assert.False(new WordTextIndex(WordTextIndex.Await).AnyIn(type, CancellationToken.None));
    }

    [Fact]
    public void Contains_AnEscapeOnlyInLiteralsAndComments_LetsNoSpanThrough_OneInAnIdentifierDoes()
    {
        // Lucene.NET's character tables: thousands of escapes in string and character literals let every type holding one
        // through MM0001's gate. An escape spells an identifier only inside one.
        var source = "class Tables { static readonly string S = \"\\u0041\\u0042\"; static readonly char[] C = { '\\u0043', '\\U00000044' }; /* \\u0045 */ string I = $\"\\u0046{S}\"; }\n"
            + "class Named { int M(System.Threading.Tasks.Task<int> t) => t.R\\u0065sult; }\n"
            + "class Verbatim { string V = @\"\\u0047\"; /// \\u0048 doc\n void N() { } }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var types = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().ToArray();
        var index = new WordTextIndex(Waits.AddRange(WordTextIndex.Escapes));

        Assert.False(index.Contains(tree, types[0].Span, CancellationToken.None));
        Assert.True(index.Contains(tree, types[1].Span, CancellationToken.None));
        Assert.False(index.Contains(tree, types[2].Span, CancellationToken.None));
    }

    [Fact]
    public void IdentifiersAt_EachIdentifierOnce_NoneForLiteralsOrTrivia()
    {
        var source = "class C { int Wai\\u0074\\u0041ll; string S = \"\\u0041\"; // \\u0042\n int \\u0061b; }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var positions = Enumerable.Range(0, source.Length).Where(i => source[i] == '\\').ToArray();

        var identifiers = WordTextIndex.IdentifiersAt(tree.GetRoot(), positions).Select(static t => t.ValueText).ToArray();

        Assert.Equal(new[] { "WaitAll", "ab" }, identifiers);
    }

    [Fact]
    public void IdentifiersAt_PositionsFarApart_AreEachRead_InOneDeepChainOfLiteralsToo()
    {
        // Positions more than one walk apart start walks of their own; a left-deep chain of concatenated literals (lucenenet's
        // generated scanners) holds no identifier however many escapes it has.
        var chain = string.Join(" + ", Enumerable.Repeat("\"\\u0041\\u0042\"", 3000));
        var source = "class C { int \\u0061; string S = " + chain + "; /* " + new string('x', 5000) + " */ int b\\u0062; }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var positions = Enumerable.Range(0, source.Length).Where(i => source[i] == '\\').ToArray();

        var identifiers = WordTextIndex.IdentifiersAt(tree.GetRoot(), positions).Select(static t => t.ValueText).ToArray();

        Assert.Equal(new[] { "a", "bb" }, identifiers);
    }

    private static int[] Find(string text, ImmutableArray<WordTextIndex.Word> words)
        => WordTextIndex.Find(SourceText.From(text), words, new char[WordTextIndex.BufferLength(words)], CancellationToken.None);
}
