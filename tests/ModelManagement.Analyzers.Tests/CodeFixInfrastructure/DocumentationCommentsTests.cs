using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class DocumentationCommentsTests
{
    private const string Source = /* lang=c#-test */ """
        /// <summary>Public.</summary>
        public class Outer
        {
            /// <summary>Creates it.</summary>
            // not documentation
            [|public Outer() { }|]

            internal class Inner { }
        }
        """;

    [Theory]
    [InlineData(DocumentationMode.Diagnose, "Outer", Accessibility.Public, true)]
    [InlineData(DocumentationMode.Diagnose, "Outer", Accessibility.Protected, true)]
    [InlineData(DocumentationMode.Diagnose, "Outer", Accessibility.Private, false)]
    [InlineData(DocumentationMode.Diagnose, "Inner", Accessibility.Public, false)]
    [InlineData(DocumentationMode.Parse, "Outer", Accessibility.Public, false)]
    public async Task AreRequired_OnlyWhenVisibleOutsideAndChecked(DocumentationMode mode, string typeName, Accessibility accessibility, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync(Source, documentation: mode);
        var outer = code.Model.Compilation.GetTypeByMetadataName("Outer")!;
        var type = typeName == "Outer" ? outer : outer.GetTypeMembers(typeName)[0];

        Assert.Equal(expected, DocumentationComments.AreRequired(type, accessibility, code.Tree));
    }

    [Fact]
    public async Task OfAndWithout_MoveOnlyTheDocumentationComment()
    {
        var code = await InfrastructureTestCode.CompileAsync(Source);
        var constructor = code.Node<ConstructorDeclarationSyntax>();

        Assert.Equal("    /// <summary>Creates it.</summary>\n", DocumentationComments.Of(constructor).ToFullString().Replace("\r\n", "\n"));
        var without = DocumentationComments.Without(constructor).GetLeadingTrivia().ToFullString();
        Assert.DoesNotContain("Creates it", without);
        Assert.Contains("// not documentation", without);
    }

    [Fact]
    public void SummaryAndNewLine_FollowTheDocumentsLineEnding()
    {
        var tree = CSharpSyntaxTree.ParseText("class C\r\n{\r\n}\r\n");

        Assert.Equal("\r\n", DocumentationComments.NewLine(tree));
        Assert.Equal("\n", DocumentationComments.NewLine(CSharpSyntaxTree.ParseText("class C { }")));
        Assert.Equal("/// <summary>Text.</summary>\r\n", DocumentationComments.Summary("Text.", tree).ToFullString());
    }
}
