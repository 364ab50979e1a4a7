using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Meta;

/// <summary>
/// Runs every analyzer over the sample projects: <c>samples/ModelManagement.Samples.Valid</c> must be clean, and
/// <c>samples/ModelManagement.Samples.Violations</c> must produce exactly the diagnostics its
/// <c>// expect: MMxxxx</c> line markers list (several ids on one line separated by commas).
/// </summary>
public sealed class SampleTests
{
    private static readonly Regex ExpectMarker = new(@"//\s*expect:\s*(?<ids>MM[0-9]{4}(\s*,\s*MM[0-9]{4})*)", RegexOptions.Compiled);

    [Fact]
    public async Task ValidSample_ProducesNoDiagnostics()
    {
        var (compilation, diagnostics) = await AnalyzeSampleAsync("ModelManagement.Samples.Valid");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(diagnostics.Select(Describe));
    }

    [Fact]
    public async Task ViolationsSample_ProducesExactlyTheMarkedDiagnostics()
    {
        var (compilation, diagnostics) = await AnalyzeSampleAsync("ModelManagement.Samples.Violations");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var expected = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var lines = tree.GetText().Lines;
            foreach (var line in lines)
            {
                var match = ExpectMarker.Match(line.ToString());
                if (!match.Success)
                {
                    continue;
                }

                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected.Add($"{Path.GetFileName(tree.FilePath)}({line.LineNumber + 1}): {id}");
                }
            }
        }

        Assert.NotEmpty(expected);
        var actual = diagnostics.Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal).ToArray(), actual);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {diagnostic.Id}";
    }

    internal static async Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeSampleAsync(string project)
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "samples", project);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var shared = Path.Combine(TestEnvironment.RepositoryRoot, "samples", "Shared");
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(shared, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToList();

        var references = (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .Add(TestEnvironment.PatternsReference);
        var compilation = CSharpCompilation.Create(
            project,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var analyzers = ProductAssemblies.CreateAnalyzers();
        Assert.NotEmpty(analyzers);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.Empty(all.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (compilation, all.Where(d => d.Id.StartsWith("MM", StringComparison.Ordinal)).ToImmutableArray());
    }
}
