using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class LanguageAndTypeNamesTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false, false, true)]
    [InlineData(LanguageVersion.CSharp9, true, true, true)]
    [InlineData(LanguageVersion.CSharp5, false, false, false)]
    public void LanguageVersionHelpers_FollowTheParseOptions(LanguageVersion version, bool notPattern, bool staticLocal, bool filters)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }", new CSharpParseOptions(version));

        Assert.Equal(notPattern, LanguageVersionHelpers.SupportsNotPattern(tree));
        Assert.Equal(staticLocal, LanguageVersionHelpers.IsAtLeast(tree, LanguageVersion.CSharp8));
        Assert.Equal(filters, LanguageVersionHelpers.SupportsExceptionFilters(tree));
        Assert.Equal(version >= LanguageVersion.CSharp7_1, LanguageVersionHelpers.SupportsDefaultLiteral(tree));
        Assert.Equal(staticLocal, LanguageVersionHelpers.SupportsShadowingInNestedFunctions(tree));
        Assert.Equal(notPattern, LanguageVersionHelpers.SupportsStaticAnonymousFunctions(tree));
    }

    [Theory]
    [InlineData("class C\n{\n    object M() => null;\n}\n", true, "StringBuilder M()")]
    [InlineData("using Mine;\nnamespace Mine { class StringBuilder { } }\nclass C\n{\n    object M() => null;\n    StringBuilder Own() => null;\n}\n", false, "System.Text.StringBuilder M()")]
    public async Task ImportedTypeName_GetsAUsingUnlessItWouldBeAmbiguous(string source, bool expectUsing, string expectedMember)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).WithMetadataReferences(await RobustnessHarness.GetReferencesAsync());
        var original = project.AddDocument("Test0.cs", source);
        var model = (await original.GetSemanticModelAsync())!;
        var root = (await original.GetSyntaxRootAsync())!;
        var builder = model.Compilation.GetTypeByMetadataName("System.Text.StringBuilder")!;
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var changed = original.WithSyntaxRoot(root.ReplaceNode(method.ReturnType, TypeNames.Imported(SyntaxGenerator.GetGenerator(original), builder).WithTriviaFrom(method.ReturnType)));

        var result = await SafeImportAdder.AddImportsAsync(changed, original, CancellationToken.None);
        result = await Simplifier.ReduceAsync(result, Simplifier.Annotation);
        result = await Microsoft.CodeAnalysis.Formatting.Formatter.FormatAsync(result, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        var text = (await result.GetTextAsync()).ToString();

        Assert.True(expectUsing == text.Contains("using System.Text;"), text);
        Assert.Contains(expectedMember, text);
        Assert.Empty((await result.GetSemanticModelAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task QualifiedTypeName_IsShortenedOnlyWhereAUsingAllows()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).WithMetadataReferences(await RobustnessHarness.GetReferencesAsync());
        var document = project.AddDocument("Test0.cs", "using System;\nclass C\n{\n    object M() => null;\n    object N() => null;\n}\n");
        var root = (await document.GetSyntaxRootAsync())!;
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();
        root = root.ReplaceNodes(new[] { methods[0].ReturnType, methods[1].ReturnType }, (original, _) => original == methods[0].ReturnType
            ? TypeNames.Qualified("System.OperationCanceledException").WithTriviaFrom(original)
            : TypeNames.Qualified("System.Text.StringBuilder").WithTriviaFrom(original));

        var text = (await (await Simplifier.ReduceAsync(document.WithSyntaxRoot(root), Simplifier.Annotation)).GetTextAsync()).ToString();

        Assert.Contains("OperationCanceledException M()", text);
        Assert.DoesNotContain("System.OperationCanceledException", text);
        Assert.Contains("System.Text.StringBuilder N()", text);
        Assert.DoesNotContain("using System.Text;", text);
    }

    [Fact]
    public async Task QualifiedExpression_IsShortenedOnlyWhereAUsingAllows()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).WithMetadataReferences(await RobustnessHarness.GetReferencesAsync());
        var document = project.AddDocument("Test0.cs", "using System;\nclass C\n{\n    object M() => null;\n    object N() => null;\n}\n");
        var root = (await document.GetSyntaxRootAsync())!;
        var bodies = root.DescendantNodes().OfType<ArrowExpressionClauseSyntax>().ToArray();
        root = root.ReplaceNodes(new[] { bodies[0].Expression, bodies[1].Expression }, (original, _) => original == bodies[0].Expression
            ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, TypeNames.QualifiedExpression("System.Console"), SyntaxFactory.IdentifierName("ReadLine")))
            : SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, TypeNames.QualifiedExpression("System.IO.Path"), SyntaxFactory.IdentifierName("GetTempPath"))));

        var text = (await (await Simplifier.ReduceAsync(document.WithSyntaxRoot(root), Simplifier.Annotation)).GetTextAsync()).ToString();

        Assert.Contains("=> Console.ReadLine()", text);
        Assert.Contains("=> System.IO.Path.GetTempPath()", text);
    }
}
