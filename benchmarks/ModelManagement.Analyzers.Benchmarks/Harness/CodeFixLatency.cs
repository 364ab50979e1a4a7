using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Benchmarks.Corpus;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>
/// How long a light bulb takes: for one diagnostic in a ~3,000-line generated file, the fixer's
/// RegisterCodeFixesAsync plus the first action's GetOperationsAsync, with the compilation already built
/// (as in the IDE, where analysis ran before the fix is asked for). The first call is reported on its own (cold: JIT,
/// first binding); then <c>--fix-warmup</c> unmeasured calls let the JIT's tiering settle, as it has in a long-running IDE
/// process, before the median of <c>--fix-iterations</c> samples per rule with a fix.
/// </summary>
internal static class CodeFixLatency
{
    public const int FileLines = 3_000;

    public static async Task RunAsync(Report report, BenchmarkOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        report.Heading($"## Code-fix latency (one diagnostic in a ~{FileLines:N0}-line file; register + first action's operations, after {options.FixWarmups} warm-up calls; target < 50 ms median)");
        var analyzers = ProductAssemblies.CreateAnalyzers();
        var fixers = ProductAssemblies.CreateCodeFixes();
        if (analyzers.IsEmpty || fixers.IsEmpty)
        {
            report.Line("No MM analyzers or code fixes exist yet.");
            return;
        }

        var files = CorpusGenerator.Generate(FileLines + 400, options.Seed, new CorpusOptions { LinesPerFile = FileLines });
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "Corpus",
            "Corpus",
            LanguageNames.CSharp,
            compilationOptions: Workload.CompilationOptions,
            parseOptions: Workload.ParseOptions,
            metadataReferences: Workload.References));
        DocumentId? largest = null;
        var largestLines = 0;
        foreach (var file in files)
        {
            var id = DocumentId.CreateNewId(projectId, file.Path);
            solution = solution.AddDocument(id, System.IO.Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: "/corpus/" + file.Path);
            if (file.LineCount > largestLines)
            {
                largest = id;
                largestLines = file.LineCount;
            }
        }

        var document = solution.GetDocument(largest!)!;
        var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var rows = new List<IReadOnlyList<string>>();
        foreach (var fixer in fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var candidates = diagnostics.Where(d => d.Id == id && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToList();
                if (candidates.Count == 0)
                {
                    rows.Add(new[] { id, fixer.GetType().Name, "(no diagnostic in the file)", "n/a", "n/a", "n/a", "0" });
                    continue;
                }

                // Try diagnostics from the middle outwards until one gets a fix offered.
                var ordered = candidates.OrderBy(d => Math.Abs(candidates.IndexOf(d) - (candidates.Count / 2))).ToList();
                string[]? row = null;
                foreach (var diagnostic in ordered)
                {
                    row = await MeasureAsync(document, fixer, diagnostic, options.FixWarmups, options.FixIterations, cancellationToken).ConfigureAwait(false);
                    if (row is not null)
                    {
                        break;
                    }
                }

                rows.Add(row ?? new[] { id, fixer.GetType().Name, $"(no fix offered for any of {candidates.Count} diagnostics)", "n/a", "n/a", "n/a", "0" });
                log($"code-fix latency {id}: {(row is null ? "no fix offered" : row[3] + " ms median")}");
            }
        }

        report.Line(FormattableString.Invariant($"File: {largestLines:N0} lines; {diagnostics.Length} MM diagnostics in the project."));
        report.Line(string.Empty);
        report.Table(new[] { "Rule", "Fix provider", "First action", "Median ms", "p90 ms", "First call ms (cold)", "Samples" }, rows);
    }

    private static async Task<string[]?> MeasureAsync(Document document, CodeFixProvider fixer, Diagnostic diagnostic, int warmups, int iterations, CancellationToken cancellationToken)
    {
        var times = new List<double>(iterations);
        double first = double.NaN;
        string? title = null;
        for (var i = 0; i <= warmups + iterations; i++)
        {
            var actions = new List<CodeAction>();
            var stopwatch = Stopwatch.StartNew();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            if (actions.Count == 0)
            {
                return null;
            }

            var operations = await actions[0].GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            stopwatch.Stop();
            if (operations.IsDefaultOrEmpty)
            {
                return null;
            }

            title ??= actions[0].Title + (actions[0].EquivalenceKey is { } key ? " [" + key + "]" : string.Empty);
            if (i == 0)
            {
                first = stopwatch.Elapsed.TotalMilliseconds;
            }
            else if (i > warmups)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return new[]
        {
            diagnostic.Id,
            fixer.GetType().Name,
            title ?? string.Empty,
            Report.F1(Stats.Median(times, t => t)),
            Report.F1(Stats.Percentile(times, 0.9)),
            Report.F1(first),
            times.Count.ToString(CultureInfo.InvariantCulture),
        };
    }
}
