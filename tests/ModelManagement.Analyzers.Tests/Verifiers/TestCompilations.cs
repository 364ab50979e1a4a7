using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.Tests.Verifiers;

/// <summary>Builds a small library in memory, for tests that need a base class from another assembly (metadata, no source).</summary>
internal static class TestCompilations
{
    /// <summary>Compiles <paramref name="source"/> against the test environment and returns it as a metadata (image) reference.</summary>
    public static async Task<MetadataReference> EmitAsync(string source, ImmutableArray<MetadataReference> references, string assemblyName = "SharedLibrary")
    {
        var platform = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            platform.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Library does not compile: " + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
