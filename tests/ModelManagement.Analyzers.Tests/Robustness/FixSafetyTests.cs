using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Applies every offered code action of every fix to every diagnostic of a generated corpus sample, and every
/// fixer's Fix All (document scope, per equivalence key): no fix may throw, the compilation's error count must
/// not grow, and no comment may be lost.
/// </summary>
public sealed class FixSafetyTests
{
    private const int SampleLines = 2_000;

    [Fact]
    public async Task EveryOfferedFix_OnCorpusSample_KeepsCodeCompilingAndCommentsIntact()
    {
        var fixture = await FixFixture.CreateAsync(SampleLines);
        var failures = new ConcurrentQueue<string>();
        var applied = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        var work = new List<(Diagnostic Diagnostic, CodeFixProvider Fixer)>();
        foreach (var diagnostic in fixture.Diagnostics)
        {
            foreach (var fixer in fixture.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                work.Add((diagnostic, fixer));
            }
        }

        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (item, cancellationToken) =>
            {
                var where = $"{item.Fixer.GetType().Name} on {item.Diagnostic}";
                try
                {
                    var document = fixture.Solution.GetDocument(item.Diagnostic.Location.SourceTree)!;
                    var actions = await FixFixture.RegisterAsync(item.Fixer, document, item.Diagnostic, cancellationToken);
                    foreach (var action in actions)
                    {
                        var problem = await fixture.ApplyAndCheckAsync(action, cancellationToken);
                        if (problem is not null)
                        {
                            failures.Enqueue($"{where}, action '{action.Title}': {problem}");
                        }
                        else
                        {
                            applied.AddOrUpdate(item.Fixer.GetType().Name, 1, (_, n) => n + 1);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failures.Enqueue($"{where} threw: {ex}");
                }
            });

        Assert.True(failures.IsEmpty, $"{failures.Count} unsafe fix(es); first:\n{string.Join("\n\n", failures.Take(3))}");
        AssertEveryFixerApplied(fixture, applied, "single fixes");
    }

    [Fact]
    public async Task FixAllInDocument_OnCorpusSample_KeepsCodeCompilingAndCommentsIntact()
    {
        var fixture = await FixFixture.CreateAsync(SampleLines);
        var failures = new List<string>();
        var applied = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var fixer in fixture.Fixers)
        {
            var provider = fixer.GetFixAllProvider();
            Assert.NotNull(provider);
            foreach (var group in fixture.Diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).GroupBy(d => d.Location.SourceTree))
            {
                var document = fixture.Solution.GetDocument(group.Key)!;

                // Every equivalence key the fixer offers anywhere in the document is one Fix All.
                var keys = await EquivalenceKeysAsync(fixer, document, group);

                foreach (var key in keys)
                {
                    var where = $"Fix All '{key}' of {fixer.GetType().Name} in {document.Name}";
                    try
                    {
                        var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(fixture.Diagnostics), CancellationToken.None);
                        var fixAll = await provider!.GetFixAsync(context);
                        if (fixAll is null)
                        {
                            failures.Add(where + ": the provider returned no action");
                            continue;
                        }

                        var problem = await fixture.ApplyAndCheckAsync(fixAll, CancellationToken.None);
                        if (problem is not null)
                        {
                            failures.Add(where + ": " + problem);
                        }
                        else
                        {
                            applied[fixer.GetType().Name] = applied.TryGetValue(fixer.GetType().Name, out var n) ? n + 1 : 1;
                        }
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        failures.Add($"{where} threw: {ex}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} unsafe Fix All(s); first:\n{string.Join("\n\n", failures.Take(3))}");
        AssertEveryFixerApplied(fixture, applied, "Fix All");
    }

    [Fact]
    public async Task FixAllInDocument_DiagnosticsInReverseOrder_GiveTheSameText()
    {
        // The driver hands Fix All its diagnostics in whatever order concurrent analysis finished: an independent
        // consumer's `dotnet format` swapped two MM0005 constructor lines from run to run. Every Fix All must give the same
        // text whatever the order.
        var fixture = await FixFixture.CreateAsync(SampleLines);
        var failures = new List<string>();
        var compared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fixer in fixture.Fixers)
        {
            var provider = fixer.GetFixAllProvider()!;
            foreach (var group in fixture.Diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).GroupBy(d => d.Location.SourceTree))
            {
                if (group.Count() < 2)
                {
                    continue;
                }

                var document = fixture.Solution.GetDocument(group.Key)!;
                var keys = await EquivalenceKeysAsync(fixer, document, group);

                foreach (var key in keys)
                {
                    var forward = await FixedTextAsync(fixture, provider, fixer, document, key, fixture.Diagnostics);
                    var backward = await FixedTextAsync(fixture, provider, fixer, document, key, fixture.Diagnostics.Reverse().ToImmutableArray());
                    if (forward != backward)
                    {
                        failures.Add($"Fix All '{key}' of {fixer.GetType().Name} in {document.Name} depends on the diagnostics' order");
                    }

                    compared[fixer.GetType().Name] = compared.TryGetValue(fixer.GetType().Name, out var n) ? n + 1 : 1;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        Assert.True(compared.Count >= 3, "too few fixers had two diagnostics in one document: " + string.Join(", ", compared.Keys));
    }

    /// <summary>Every equivalence key <paramref name="fixer"/> offers for <paramref name="diagnostics"/> of the document.</summary>
    private static async Task<SortedSet<string>> EquivalenceKeysAsync(CodeFixProvider fixer, Document document, IEnumerable<Diagnostic> diagnostics)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in await FixFixture.RegisterAsync(fixer, document, diagnostic, CancellationToken.None))
            {
                if (action.EquivalenceKey is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    private static async Task<string> FixedTextAsync(FixFixture fixture, FixAllProvider provider, CodeFixProvider fixer, Document document, string key, ImmutableArray<Diagnostic> diagnostics)
    {
        var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAsync(context);
        if (action is null)
        {
            return "(no action)";
        }

        var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var texts = new List<string>();
        foreach (var projectChanges in changed.GetChanges(fixture.Solution).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments().OrderBy(id => changed.GetDocument(id)!.Name, StringComparer.Ordinal))
            {
                texts.Add((await changed.GetDocument(id)!.GetTextAsync()).ToString());
            }
        }

        return string.Join("\n----\n", texts);
    }

    /// <summary>Non-vacuous: every fixer whose rule fires on the sample must have had something applied.</summary>
    private static void AssertEveryFixerApplied(FixFixture fixture, IReadOnlyDictionary<string, int> applied, string what)
    {
        foreach (var fixer in fixture.Fixers)
        {
            if (fixture.Diagnostics.Any(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
            {
                Assert.True(applied.ContainsKey(fixer.GetType().Name), $"{fixer.GetType().Name} applied no {what} to any of its diagnostics in the corpus sample");
            }
        }
    }

    private sealed class FixFixture
    {
        private FixFixture(Solution solution, ImmutableArray<Diagnostic> diagnostics, int baselineErrors, ImmutableArray<CodeFixProvider> fixers)
        {
            Solution = solution;
            Diagnostics = diagnostics;
            BaselineErrors = baselineErrors;
            Fixers = fixers;
        }

        public Solution Solution { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public int BaselineErrors { get; }

        public ImmutableArray<CodeFixProvider> Fixers { get; }

        public static async Task<FixFixture> CreateAsync(int lines)
        {
            var files = RobustnessHarness.CorpusSample(lines);
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Corpus",
                "Corpus",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: RobustnessHarness.ParseOptions,
                metadataReferences: await RobustnessHarness.GetReferencesAsync()));
            foreach (var file in files)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), file.Path.Replace('/', '_'), SourceText.From(file.Text), filePath: "/corpus/" + file.Path);
            }

            var compilation = (await solution.GetProject(projectId)!.GetCompilationAsync())!;
            var run = await RobustnessHarness.AnalyzeAsync(compilation, additionalFiles: RobustnessHarness.RuleFiles);
            RobustnessHarness.AssertNoAnalyzerException(run, "the fix-safety corpus sample");
            RobustnessHarness.AssertEveryRuleReported(run.Diagnostics, "the fix-safety corpus sample");
            var diagnostics = run.Diagnostics.Where(d => d.Id.StartsWith("MM", StringComparison.Ordinal) && d.Location.IsInSource).ToImmutableArray();
            return new FixFixture(solution, diagnostics, Errors(compilation), ProductAssemblies.CreateCodeFixes());
        }

        public static async Task<IReadOnlyList<CodeAction>> RegisterAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context);
            return Flatten(actions);
        }

        /// <summary>Applies the action to a copy of the solution; returns what went wrong, or null.</summary>
        public async Task<string?> ApplyAndCheckAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken);
            var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is null)
            {
                return "no ApplyChangesOperation";
            }

            var changed = apply.ChangedSolution;
            var changes = changed.GetChanges(Solution);
            var problems = new List<string>();
            foreach (var projectChanges in changes.GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments())
                {
                    var before = await Solution.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken);
                    var after = await changed.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken);
                    var lost = LostComments(before!, after!);
                    if (lost.Count > 0)
                    {
                        problems.Add($"comment(s) lost in {changed.GetDocument(id)!.Name}: {string.Join(" | ", lost.Take(3))}");
                    }
                }

                if (projectChanges.GetRemovedDocuments().Any())
                {
                    problems.Add("documents removed");
                }
            }

            var compilation = await changed.GetProject(Solution.ProjectIds[0])!.GetCompilationAsync(cancellationToken);
            var errors = Errors(compilation!);
            if (errors > BaselineErrors)
            {
                var firstErrors = compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => d.ToString());
                problems.Add($"errors {BaselineErrors} -> {errors}: {string.Join(" | ", firstErrors)}");
            }

            return problems.Count == 0 ? null : string.Join("; ", problems);
        }

        private static int Errors(Compilation compilation)
            => compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>Comments (by text, as a multiset) present before and missing after.</summary>
        private static List<string> LostComments(SyntaxNode before, SyntaxNode after)
        {
            var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var comment in Comments(after))
            {
                remaining[comment] = remaining.TryGetValue(comment, out var n) ? n + 1 : 1;
            }

            var lost = new List<string>();
            foreach (var comment in Comments(before))
            {
                if (remaining.TryGetValue(comment, out var n) && n > 0)
                {
                    remaining[comment] = n - 1;
                }
                else
                {
                    lost.Add(comment);
                }
            }

            return lost;
        }

        private static IEnumerable<string> Comments(SyntaxNode root)
            => root.DescendantTrivia(descendIntoTrivia: true)
                .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                .Select(t => NormalizeWhitespace(t.ToFullString()));

        private static string NormalizeWhitespace(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        /// <summary>Nested actions (a fix offering a menu) count as offered actions too.</summary>
        private static IReadOnlyList<CodeAction> Flatten(IEnumerable<CodeAction> actions)
        {
            var result = new List<CodeAction>();
            var stack = new Stack<CodeAction>(actions.Reverse());
            while (stack.Count > 0 && result.Count < 100)
            {
                var action = stack.Pop();
                var nested = NestedActions(action);
                if (nested.IsDefaultOrEmpty)
                {
                    result.Add(action);
                }
                else
                {
                    foreach (var child in nested.Reverse())
                    {
                        stack.Push(child);
                    }
                }
            }

            return result;
        }

        private static ImmutableArray<CodeAction> NestedActions(CodeAction action)
        {
            var property = typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                ?? typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            return property?.GetValue(action) is ImmutableArray<CodeAction> nested ? nested : ImmutableArray<CodeAction>.Empty;
        }
    }
}
