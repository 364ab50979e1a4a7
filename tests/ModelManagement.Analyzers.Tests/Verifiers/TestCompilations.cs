using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Verifiers;

/// <summary>Builds a small library in memory, for tests that need a base class from another assembly (metadata, no source).</summary>
internal static class TestCompilations
{
    /// <summary>Compiles <paramref name="source"/> (a library) against the test environment and <paramref name="references"/>.</summary>
    public static async Task<CSharpCompilation> CompileAsync(string source, ImmutableArray<MetadataReference> references, string assemblyName = "TestLibrary")
    {
        var platform = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, path: "Test0.cs") },
            platform.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Compiles <paramref name="source"/> like <see cref="CompileAsync"/> and returns it as a metadata (image) reference.</summary>
    public static async Task<MetadataReference> EmitAsync(string source, ImmutableArray<MetadataReference> references, string assemblyName = "SharedLibrary")
    {
        var compilation = await CompileAsync(source, references, assemblyName);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Library does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>
    /// Compiles <paramref name="source"/> (as <c>/0/Test0.cs</c>) next to <paramref name="domain"/> (<c>/0/Domain.cs</c>)
    /// with ModelManagement.Patterns, asserts it has no errors, runs <paramref name="analyzer"/> and returns its single
    /// diagnostic with the tree and model it is in — for tests that ask a fix planner why it refuses.
    /// <paramref name="keepReference"/>, when given, filters the references (ModelManagement.Patterns among them).
    /// </summary>
    public static async Task<(Diagnostic Diagnostic, SyntaxTree Tree, SemanticModel Model)> SingleDiagnosticAsync(
        string source, string domain, DiagnosticAnalyzer analyzer, Func<MetadataReference, bool>? keepReference = null)
    {
        var (diagnostics, tree, model) = await DiagnosticsAsync(source, domain, analyzer, keepReference);
        return (Assert.Single(diagnostics), tree, model);
    }

    /// <summary>As <see cref="SingleDiagnosticAsync"/>, for a source with several diagnostics: the first in the file.</summary>
    public static async Task<(Diagnostic Diagnostic, SyntaxTree Tree, SemanticModel Model)> FirstDiagnosticAsync(
        string source, string domain, DiagnosticAnalyzer analyzer)
    {
        var (diagnostics, tree, model) = await DiagnosticsAsync(source, domain, analyzer, keepReference: null);
        Assert.NotEmpty(diagnostics);
        return (diagnostics.OrderBy(static d => d.Location.SourceSpan.Start).First(), tree, model);
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, SyntaxTree Tree, SemanticModel Model)> DiagnosticsAsync(
        string source, string domain, DiagnosticAnalyzer analyzer, Func<MetadataReference, bool>? keepReference)
    {
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parse, path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            "SingleDiagnostic",
            new[] { tree, CSharpSyntaxTree.ParseText(domain, parse, path: "/0/Domain.cs") },
            references.Add(TestEnvironment.PatternsReference).Where(reference => keepReference?.Invoke(reference) ?? true),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, tree, compilation.GetSemanticModel(tree));
    }
}
