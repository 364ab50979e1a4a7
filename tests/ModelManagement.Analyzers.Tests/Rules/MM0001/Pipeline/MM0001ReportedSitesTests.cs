using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>
/// The fix's two ways of collecting a type's reported sites agree: the rule's site function on the document's model (used
/// when nothing can suppress) and the analyzer driver (used when something may) — on every type of a generated corpus that
/// MM0001 reports in, with <c>mm0001.follow_own_calls</c> on and off.
/// </summary>
public sealed class MM0001ReportedSitesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RuleFunctionAndDriver_ReportTheSameSitesOnEveryCorpusType(bool followOwnCalls)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Corpus", LanguageNames.CSharp)
            .WithMetadataReferences(await RobustnessHarness.GetReferencesAsync())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(RobustnessHarness.ParseOptions);
        foreach (var file in RobustnessHarness.CorpusSample(6_000))
        {
            project = project.AddDocument(System.IO.Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: "/corpus/" + file.Path).Project;
        }

        if (!followOwnCalls)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n[*.cs]\nmm0001.follow_own_calls = false\n"), filePath: "/.editorconfig").Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        Assert.True(MM0001FixTypes.TryCreate(compilation, out var types));
        var compared = 0;
        foreach (var document in project.Documents)
        {
            var root = (await document.GetSyntaxRootAsync())!;
            var model = (await document.GetSemanticModelAsync())!;
            foreach (var declaration in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var type = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                var parts = ImmutableArray.Create(new MM0001TypePart(document, declaration, model));
                var fromDriver = Describe(await MM0001ReportedSites.FromDriverAsync(compilation, project, parts, CancellationToken.None));
                var fromRule = Describe(MM0001ReportedSites.FromRule(project, type, parts, types!, CancellationToken.None));

                Assert.Equal(fromDriver, fromRule);
                compared += fromDriver.Count;
            }
        }

        Assert.True(compared >= 5, $"only {compared} sites compared: the corpus no longer has MM0001 forms");
    }

    private static List<string> Describe(IEnumerable<(Diagnostic Diagnostic, MM0001TypePart Part)> reported)
        => reported
            .Select(r => r.Diagnostic.Id + " " + r.Diagnostic.Location.SourceSpan + " " + r.Diagnostic.GetMessage()
                + " " + string.Join(";", r.Diagnostic.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value)))
            .OrderBy(s => s)
            .ToList();
}
