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
using ModelManagement.Analyzers.Benchmarks.Corpus;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Runs every shipped analyzer (found by reflection, so new rules join) over arbitrary, possibly broken, code and
/// captures analyzer exceptions both ways the driver reports them: the onAnalyzerException callback and AD0001.
/// </summary>
internal static class RobustnessHarness
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new(
        async () => (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false))
            .Add(TestEnvironment.PatternsReference),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All shipped analyzers; instances are stateless and shared by every run.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ProductAssemblies.CreateAnalyzers();

    /// <summary>The rule IDs the shipped analyzers report (MMxxxx).</summary>
    public static IReadOnlyList<string> RuleIds { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Select(d => d.Id)
        .Where(id => id.StartsWith("MM", StringComparison.Ordinal))
        .Distinct()
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToArray();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => LazyReferences.Value;

    /// <summary>A small generated corpus: the platform file plus service files of about <paramref name="lines"/> lines in all.</summary>
    /// <remarks>
    /// Plus <see cref="CorpusSupplement"/>: a file with the forms of rules the benchmark generator does not produce yet
    /// (the generator lives in benchmarks/, which the lead owns); drop an entry once the generator covers its rule.
    /// </remarks>
    public static IReadOnlyList<CorpusFile> CorpusSample(int lines, int seed = CorpusGenerator.DefaultSeed, int linesPerFile = 600)
    {
        var files = new List<CorpusFile>(CorpusGenerator.Generate(lines, seed, new CorpusOptions { LinesPerFile = linesPerFile }));
        files.Add(new CorpusFile("Supplement/CorpusSupplement.cs", CorpusSupplement, CorpusGenerator.CountLines(CorpusSupplement)));
        return files;
    }

    /// <summary>MM0005 forms (racy lazy async initialization, reported and guarded), self-contained so it compiles next to any corpus.</summary>
    public const string CorpusSupplement = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Corpus.Supplement
        {
            public interface ISupplementStore
            {
                Task<IReadOnlyList<string>> LoadAsync();
            }

            public sealed class SupplementCatalog
            {
                private readonly ISupplementStore _store;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
                private IReadOnlyList<string>? _names;
                private IReadOnlyList<string>? _guarded;
                private bool _initialized;

                public SupplementCatalog(ISupplementStore store) => _store = store;

                // A racy lazy load: two callers that arrive together both load.
                public async Task<int> CountAsync()
                {
                    if (!_initialized)
                    {
                        _names = await _store.LoadAsync().ConfigureAwait(false);
                        _initialized = true;
                    }

                    return _names?.Count ?? 0;
                }

                public async Task<IReadOnlyList<string>> GuardedAsync()
                {
                    await _gate.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return _guarded ??= await _store.LoadAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
        }
        """;

    public static SyntaxTree Parse(string text, string path = "Test0.cs", LanguageVersion languageVersion = LanguageVersion.Latest)
        => CSharpSyntaxTree.ParseText(text, ParseOptions.WithLanguageVersion(languageVersion), path);

    public static async Task<CSharpCompilation> CompileAsync(IEnumerable<SyntaxTree> trees, NullableContextOptions nullable = NullableContextOptions.Enable)
        => CSharpCompilation.Create(
            "Robustness",
            trees,
            await GetReferencesAsync().ConfigureAwait(false),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, concurrentBuild: false));

    public static async Task<AnalysisRun> AnalyzeAsync(
        IEnumerable<SyntaxTree> trees,
        bool concurrent = false,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        CancellationToken cancellationToken = default)
    {
        var compilation = await CompileAsync(trees, nullable).ConfigureAwait(false);
        return await AnalyzeAsync(compilation, concurrent, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, bool concurrent = false, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        if (Analyzers.IsEmpty)
        {
            return new AnalysisRun(compilation, ImmutableArray<Diagnostic>.Empty, exceptions.ToArray());
        }

        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id is "AD0001" or "AD0002")
            {
                exceptions.Enqueue(diagnostic.ToString());
            }
        }

        return new AnalysisRun(compilation, diagnostics, exceptions.ToArray());
    }

    /// <summary>Fails with the source that made an analyzer throw (shortened) so the failure is reproducible.</summary>
    public static void AssertNoAnalyzerException(AnalysisRun run, string what)
    {
        if (run.Exceptions.Count == 0)
        {
            return;
        }

        var source = string.Join("\n// ----\n", run.Compilation.SyntaxTrees.Select(t => t.ToString()));
        if (source.Length > 4000)
        {
            source = source.Substring(source.Length - 4000);
        }

        Assert.Fail($"Analyzer exception on {what}:\n{string.Join("\n", run.Exceptions.Take(3))}\n--- source (tail) ---\n{source}");
    }

    /// <summary>Splits the MM diagnostics by rule ID.</summary>
    public static IReadOnlyDictionary<string, int> CountByRule(IEnumerable<Diagnostic> diagnostics)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id.StartsWith("MM", StringComparison.Ordinal))
            {
                counts[diagnostic.Id] = counts.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
            }
        }

        return counts;
    }

    /// <summary>Every shipped rule must fire on the given code: keeps the robustness checks from passing vacuously.</summary>
    public static void AssertEveryRuleReported(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var counts = CountByRule(diagnostics);
        var missing = RuleIds.Where(id => !counts.ContainsKey(id)).ToArray();
        Assert.True(missing.Length == 0, $"{what} yields no diagnostic for {string.Join(", ", missing)} (found: {string.Join(", ", counts.Select(p => p.Key + "×" + p.Value))}); the robustness checks would be vacuous for those rules.");
    }
}

/// <summary>The outcome of one analysis: MM and other analyzer diagnostics, and any analyzer exceptions.</summary>
internal sealed record AnalysisRun(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);
