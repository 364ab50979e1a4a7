using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class DocumentsTests
{
    [Fact]
    public async Task GetRootAndModelAsync_CSharpDocument_ReturnsBothOfTheSameTree()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).WithMetadataReferences(await RobustnessHarness.GetReferencesAsync());
        var document = project.AddDocument("Test0.cs", "class C { }");

        var result = await Documents.GetRootAndModelAsync(document, CancellationToken.None);

        Assert.True(result.HasValue);
        Assert.Same(result!.Value.Root.SyntaxTree, result.Value.Model.SyntaxTree);
    }
}
