using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001.Pipeline;

/// <summary>One project (with ModelManagement.Patterns) holding a source whose type <c>C</c> goes through the MM0001 pipeline step by step.</summary>
internal sealed class MM0001PipelineHost
{
    public const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        public interface IStore { Task<string[]> LoadAsync(); }

        """;

    private MM0001PipelineHost(AdhocWorkspace workspace, Document document, INamedTypeSymbol type)
    {
        Workspace = workspace;
        Document = document;
        Type = type;
    }

    public AdhocWorkspace Workspace { get; }

    public Document Document { get; }

    public Project Project => Document.Project;

    public Solution Solution => Document.Project.Solution;

    /// <summary>The type named C.</summary>
    public INamedTypeSymbol Type { get; }

    public static async Task<MM0001PipelineHost> CreateAsync(string declarations, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp)
            .WithMetadataReferences(await RobustnessHarness.GetReferencesAsync())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(languageVersion));
        var document = project.AddDocument("Test0.cs", Prelude + declarations);
        var compilation = (await document.Project.GetCompilationAsync())!;
        return new MM0001PipelineHost(workspace, document, compilation.GetTypeByMetadataName("C")!);
    }

    /// <summary>Step 1: the facts of C (asserting they could be gathered).</summary>
    public async Task<MM0001TypeFacts> FactsAsync()
    {
        var (facts, refusal) = await MM0001TypeFactsBuilder.BuildAsync(Solution, Project, Type, CancellationToken.None);
        Assert.Null(refusal);
        return facts!;
    }

    /// <summary>Step 1 for a shape no rewrite can be built on: the refusal.</summary>
    public async Task<MM0001Refusal> ShapeRefusalAsync()
    {
        var (facts, refusal) = await MM0001TypeFactsBuilder.BuildAsync(Solution, Project, Type, CancellationToken.None);
        Assert.Null(facts);
        return refusal!;
    }

    /// <summary>
    /// The text of the document after <paramref name="plan"/> is applied (step 3) through a code action, whose clean-up
    /// (simplifier, formatter) runs as in a host, and whether the result compiles.
    /// </summary>
    public async Task<(string Text, bool Compiles)> ApplyAsync(MM0001Plan plan)
    {
        var action = CodeAction.Create("apply", cancellationToken => MM0001Edits.ApplyAsync(Solution, new[] { plan }, cancellationToken));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var document = solution.GetDocument(Document.Id)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var text = (await document.GetTextAsync()).ToString();
        return (text, !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error));
    }
}
