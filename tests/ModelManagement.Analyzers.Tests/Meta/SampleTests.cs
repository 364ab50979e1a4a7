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
/// Runs every analyzer over the sample projects: <c>samples/ModelManagement.Samples.Valid</c> and its test project
/// <c>samples/ModelManagement.Samples.Valid.Tests</c> must be clean, and <c>samples/ModelManagement.Samples.Violations</c>
/// and <c>samples/ModelManagement.Samples.Violations.Tests</c> must produce exactly the diagnostics their
/// <c>// expect: MMxxxx</c> line markers list (several ids on one line separated by commas).
/// </summary>
public sealed class SampleTests
{
    private static readonly Regex ExpectMarker = new(@"//\s*expect:\s*(?<ids>MM[0-9]{4}(\s*,\s*MM[0-9]{4})*)", RegexOptions.Compiled);

    /// <summary>In a CentralizedSymbols*.txt list (where '#' starts a comment line): the next line gets these diagnostics.</summary>
    private static readonly Regex ExpectNextLineMarker = new(@"^#\s*expect-next-line:\s*(?<ids>MM[0-9]{4}(\s*,\s*MM[0-9]{4})*)", RegexOptions.Compiled);

    private const string TestsSuffix = ".Tests";

    [Theory]
    [InlineData("ModelManagement.Samples.Valid")]
    [InlineData("ModelManagement.Samples.Valid" + TestsSuffix)]
    public async Task ValidSample_ProducesNoDiagnostics(string project)
    {
        var (compilation, diagnostics) = await AnalyzeSampleAsync(project);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(diagnostics.Select(Describe));
    }

    [Theory]
    [InlineData("ModelManagement.Samples.Violations")]
    [InlineData("ModelManagement.Samples.Violations" + TestsSuffix)]
    public async Task ViolationsSample_ProducesExactlyTheMarkedDiagnostics(string project)
    {
        var (compilation, diagnostics) = await AnalyzeSampleAsync(project);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var expected = new List<string>();
        foreach (var list in AdditionalFiles(project))
        {
            var lines = list.GetText()!.Lines;
            foreach (var line in lines)
            {
                var match = ExpectNextLineMarker.Match(line.ToString());
                if (match.Success)
                {
                    foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        expected.Add($"{Path.GetFileName(list.Path)}({line.LineNumber + 2}): {id}");
                    }
                }
            }
        }

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
        var compilation = await CompileSampleAsync(project);
        var analyzers = ProductAssemblies.CreateAnalyzers();
        Assert.NotEmpty(analyzers);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(AdditionalFiles(project)), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.Empty(all.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (compilation, all.Where(d => d.Id.StartsWith("MM", StringComparison.Ordinal)).ToImmutableArray());
    }

    /// <summary>The project's <c>CentralizedSymbols*.txt</c> lists, as its project file passes them (AdditionalFiles).</summary>
    private static ImmutableArray<AdditionalText> AdditionalFiles(string project)
        => Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, "samples", project), "CentralizedSymbols*.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new Robustness.InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToImmutableArray();

    /// <summary>
    /// Compiles a sample project as its project file does: a service sample with <c>samples/Shared</c>; a test project
    /// (<c>….Tests</c>) against the service sample it tests and xunit.
    /// </summary>
    private static async Task<CSharpCompilation> CompileSampleAsync(string project)
    {
        var isTestProject = project.EndsWith(TestsSuffix, StringComparison.Ordinal);
        var folders = new List<string> { Path.Combine(TestEnvironment.RepositoryRoot, "samples", project) };
        if (!isTestProject)
        {
            folders.Add(Path.Combine(TestEnvironment.RepositoryRoot, "samples", "Shared"));
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToList();

        var references = (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .Add(TestEnvironment.PatternsReference);
        if (isTestProject)
        {
            var tested = await CompileSampleAsync(project.Substring(0, project.Length - TestsSuffix.Length));
            references = references.Add(tested.ToMetadataReference()).AddRange(TestFrameworkReferences.Xunit);
        }

        return CSharpCompilation.Create(
            project,
            trees,
            references,
            new CSharpCompilationOptions(
                isTestProject ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable));
    }
}
