using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// Runs the MM0001 analyzer the way a build does, for what markup cannot express: diagnostic properties, and analyzer
/// exceptions on source the testing library's round trips cannot handle.
/// </summary>
internal static class MM0001Host
{
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(params string[] sources)
    {
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return await AnalyzeAsync(references.Add(TestEnvironment.PatternsReference), sources);
    }

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        ImmutableArray<MetadataReference> references,
        params string[] sources)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "Test" + i + ".cs"));
        var compilation = CSharpCompilation.Create(
            "MM0001Host",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MM0001BlockingWaitInConstructorAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (diagnostics.Where(d => d.Id == "MM0001").OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(), exceptions.ToArray());
    }

    /// <summary>The single MM0001 diagnostic of <paramref name="source"/>.</summary>
    public static async Task<Diagnostic> SingleAsync(string source)
    {
        var (diagnostics, exceptions) = await AnalyzeAsync(source);
        Assert.Empty(exceptions);
        return Assert.Single(diagnostics);
    }

    public static string? Property(this Diagnostic diagnostic, string key)
        => diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    public static string Form(this Diagnostic diagnostic) => diagnostic.Property(MM0001Properties.Form)!;
}
