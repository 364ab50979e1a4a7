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
    // The test frameworks too, so the rules about test code (MM0007) run on the rule authors' test sources and the corpus.
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new(
        async () => (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false))
            .Add(TestEnvironment.PatternsReference)
            .AddRange(TestFrameworkReferences.Xunit)
            .AddRange(TestFrameworkReferences.NUnit)
            .AddRange(TestFrameworkReferences.MSTest)
            .AddRange(TestFrameworkReferences.FluentAssertions),
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

    /// <summary>
    /// The additional files that make the list-driven rules fire: a CentralizedSymbols.txt centralizing the generated
    /// corpus's history store (the file form; the corpus's result archive carries the attribute form), with an owner-less line that MM0008 reports
    /// in every compilation (and which names nothing in the snippets' compilations, so MM0008 reports there too).
    /// Passed by the checks that require every rule to report; the clean-code checks run without it.
    /// </summary>
    public static ImmutableArray<AdditionalText> RuleFiles { get; } = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(
        "/robustness/CentralizedSymbols.txt",
        "# Only the compliance auditor may write the corpus's history (MM0006, file form).\n"
            + "T:Contoso.Platform.IHistoricalLogStore;T:Contoso.Platform.ComplianceAuditor\n"
            + "# An entry without an owner (MM0008).\n"
            + "T:Contoso.Platform.IResultArchive\n"));

    public static Task<ImmutableArray<MetadataReference>> GetReferencesAsync() => LazyReferences.Value;

    /// <summary>
    /// A small generated corpus: the platform file plus service files of about <paramref name="lines"/> lines in all,
    /// and the test-code file of <see cref="TestCodeSupplement"/> for the rules about test code.
    /// </summary>
    /// <remarks>
    /// The generator writes the forms of every rule about production code (MM0004's guardrail verdicts and MM0005's lazy
    /// catalogue caches included), so no hand-written supplement is needed for them.
    /// </remarks>
    public static IReadOnlyList<CorpusFile> CorpusSample(int lines, int seed = CorpusGenerator.DefaultSeed, int linesPerFile = 600)
        => CorpusGenerator.Generate(lines, seed, new CorpusOptions { LinesPerFile = linesPerFile }).Append(TestCodeSupplement.File).ToList();

    /// <summary>
    /// A compilation of <see cref="CorpusSample"/> of about <paramref name="lines"/> lines plus a file of hand-written
    /// <paramref name="shapes"/> (<c>Shapes.cs</c>): what the tests that check a pre-filter or a syntactic answer against the
    /// bound analysis run over.
    /// </summary>
    public static Task<CSharpCompilation> CompileCorpusWithAsync(string shapes, int lines)
        => CompileAsync(CorpusSample(lines).Select(file => Parse(file.Text, file.Path)).Append(Parse(shapes, "Shapes.cs")));

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
        CancellationToken cancellationToken = default,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var compilation = await CompileAsync(trees, nullable).ConfigureAwait(false);
        return await AnalyzeAsync(compilation, concurrent, cancellationToken, additionalFiles).ConfigureAwait(false);
    }

    public static async Task<AnalysisRun> AnalyzeAsync(
        Compilation compilation,
        bool concurrent = false,
        CancellationToken cancellationToken = default,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        if (Analyzers.IsEmpty)
        {
            return new AnalysisRun(compilation, ImmutableArray<Diagnostic>.Empty, exceptions.ToArray());
        }

        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
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
