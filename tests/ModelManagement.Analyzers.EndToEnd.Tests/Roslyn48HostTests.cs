using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// The packed analyzers and fixes in the oldest host we support: Roslyn 4.8 (.NET 8 SDK, Visual Studio 2022 17.8), which
/// is what this test project references. The SDK builds use a newer compiler; here every analyzer and fix method runs
/// against 4.8, so a call to an API newer than 4.8 fails (MissingMethodException) instead of passing unnoticed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class Roslyn48HostTests
{
    private readonly PackedSolution _packed;
    private readonly ITestOutputHelper _output;

    public Roslyn48HostTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _packed = fixture.Get(output);
        _output = output;
    }

    [Fact]
    public void TestHost_IsRoslyn48()
        => Assert.Equal(new Version(4, 8, 0, 0), typeof(Compilation).Assembly.GetName().Version);

    [Fact]
    public async Task PackedAnalyzers_OnRoslyn48_ReportExactlyTheMarkedDiagnostics()
    {
        using var components = PackedComponents.Load(_packed.Analyzers);
        var compilation = CreateConsumerCompilation();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var (diagnostics, exceptions) = await AnalyzeAsync(compilation, components.Analyzers);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var expected = ConsumerSources().SelectMany(s => ExpectedDiagnostic.FromText(s.FileName, s.Text))
            .Where(e => _packed.Rules.AnalyzerIds.Contains(e.RuleId))
            .Select(e => e.ToString())
            .OrderBy(s => s, StringComparer.Ordinal);
        var actual = diagnostics.Where(d => d.Id.StartsWith("MM", StringComparison.Ordinal))
            .Select(d => new ExpectedDiagnostic(Path.GetFileName(d.Location.SourceTree!.FilePath), d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id).ToString())
            .OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task PackedFixes_OnRoslyn48_FixAllInSolution_CompilesAndRemovesDiagnostics()
    {
        using var components = PackedComponents.Load(_packed.Analyzers);
        Assert.Equal(Repository.RulesWithCodeFixSource().Count > 0, components.Fixes.Count > 0);

        foreach (var fix in components.Fixes)
        {
            foreach (var id in fix.FixableDiagnosticIds)
            {
                using var workspace = new AdhocWorkspace();
                var project = AddConsumerProject(workspace);
                var compilation = (await project.GetCompilationAsync())!;
                var analyzers = components.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToImmutableArray();
                var (before, exceptions) = await AnalyzeAsync(compilation, analyzers);
                Assert.Empty(exceptions);
                var reported = before.Where(d => d.Id == id).ToList();
                if (reported.Count == 0)
                {
                    continue;
                }

                // As dotnet format and the IDE's "Fix all occurrences in solution": the first action offered (for the
                // first diagnostic that gets one), by its equivalence key.
                Document? document = null;
                var actions = new List<CodeAction>();
                foreach (var diagnostic in reported)
                {
                    document = project.GetDocument(diagnostic.Location.SourceTree!)!;
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    if (actions.Count > 0)
                    {
                        break;
                    }
                }

                if (actions.Count == 0)
                {
                    _output.WriteLine($"{fix.GetType().Name}: no fix offered for any of the {reported.Count} {id} diagnostics");
                    continue;
                }

                var fixAll = fix.GetFixAllProvider();
                Assert.NotNull(fixAll);
                var context = new FixAllContext(document!, fix, FixAllScope.Solution, actions[0].EquivalenceKey, new[] { id }, new ProjectDiagnostics(reported), CancellationToken.None);
                var fixAllAction = await fixAll!.GetFixAsync(context);
                Assert.NotNull(fixAllAction);
                var operations = await fixAllAction!.GetOperationsAsync(CancellationToken.None);
                var fixedSolution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
                var fixedCompilation = (await fixedSolution.GetProject(project.Id)!.GetCompilationAsync())!;

                var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
                var (after, afterExceptions) = await AnalyzeAsync(fixedCompilation, analyzers);
                _output.WriteLine($"{fix.GetType().Name} / {actions[0].EquivalenceKey}: {reported.Count} reported, {after.Count(d => d.Id == id)} left");
                Assert.True(errors.Count == 0, $"{actions[0].EquivalenceKey} produced errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
                Assert.Empty(afterExceptions);
                Assert.True(after.Count(d => d.Id == id) < reported.Count, $"{actions[0].EquivalenceKey} fixed none of {reported.Count} {id} diagnostics");
            }
        }
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions)> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ConsumerAdditionalFiles()),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(analyzer.GetType().Name + ": " + exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (diagnostics, exceptions);
    }

    private CSharpCompilation CreateConsumerCompilation()
        => CSharpCompilation.Create(
            ConsumerProject.AssemblyName,
            ConsumerSources().Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.FileName)),
            References(),
            CompilationOptions);

    private Project AddConsumerProject(AdhocWorkspace workspace)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            ConsumerProject.AssemblyName,
            ConsumerProject.AssemblyName,
            LanguageNames.CSharp,
            compilationOptions: CompilationOptions,
            parseOptions: ParseOptions,
            metadataReferences: References()));
        foreach (var (fileName, text) in ConsumerSources())
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), fileName, SourceText.From(text), filePath: fileName);
        }

        Assert.True(workspace.TryApplyChanges(solution));
        return workspace.CurrentSolution.GetProject(projectId)!;
    }

    private static CSharpParseOptions ParseOptions => new(LanguageVersion.Latest);

    private static CSharpCompilationOptions CompilationOptions => new(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);

    private static IEnumerable<(string FileName, string Text)> ConsumerSources()
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)));

    /// <summary>The consumer's CentralizedSymbols*.txt lists, as the consumer project passes them (AdditionalFiles).</summary>
    private static ImmutableArray<AdditionalText> ConsumerAdditionalFiles()
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "CentralizedSymbols*.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileAdditionalText(p))
            .ToImmutableArray();

    /// <summary>The running framework's assemblies and the packed ModelManagement.Patterns (net8.0).</summary>
    private List<MetadataReference> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(framework, "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromImage(_packed.Patterns.Read("lib/net8.0/ModelManagement.Patterns.dll")));
        return references;
    }

    private sealed class FileAdditionalText : AdditionalText
    {
        public FileAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    /// <summary>Hands Fix All the diagnostics already computed for the project.</summary>
    private sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyList<Diagnostic> _diagnostics;

        public ProjectDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location == Location.None));
    }
}
