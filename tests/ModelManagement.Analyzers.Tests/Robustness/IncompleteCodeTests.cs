using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Code as the IDE sees it mid-typing: every prefix of the sources at many cut points (every token boundary of the
/// small snippets), and seeded random token deletions. No analyzer may throw (AD0001), ever.
/// </summary>
public sealed class IncompleteCodeTests
{
    private const int CorpusCutPoints = 50;
    private const int DeletionVariants = 30;

    public static TheoryData<string> SmallSnippetNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Snippets.Small)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallSnippetNames))]
    public async Task SnippetPrefix_AtEveryTokenBoundary_NoAnalyzerException(string name)
    {
        var source = Snippets.Domain + Snippets.Small.Single(s => s.Name == name).Source;
        var tree = RobustnessHarness.Parse(source);
        var cuts = new SortedSet<int>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.SpanStart >= Snippets.Domain.Length)
            {
                cuts.Add(token.SpanStart);
                cuts.Add(token.Span.End);
            }
        }

        var analyzed = await AnalyzeVariantsAsync(name, cuts.Select(cut => source.Substring(0, cut)));

        Assert.True(analyzed > 50, $"only {analyzed} prefixes of {name}");
    }

    [Fact]
    public async Task LargeSnippetPrefix_EveryFewCharacters_NoAnalyzerException()
    {
        var total = 0;
        foreach (var (name, snippet) in Snippets.Large)
        {
            var source = Snippets.Domain + snippet;
            var step = Math.Max(1, snippet.Length / 150);
            var cuts = new List<int>();
            for (var cut = Snippets.Domain.Length; cut <= source.Length; cut += step)
            {
                cuts.Add(cut);
            }

            total += await AnalyzeVariantsAsync(name, cuts.Select(cut => source.Substring(0, cut)));
        }

        Assert.True(total >= 150, $"only {total} prefixes analyzed");
    }

    [Fact]
    public async Task CorpusFilePrefix_AtManyCutPoints_NoAnalyzerException()
    {
        // One service unit (about 400 lines) beside the platform file: every rule's forms, at a CI-friendly size.
        var files = RobustnessHarness.CorpusSample(600, linesPerFile: 300);
        var platform = RobustnessHarness.Parse(files[0].Text, files[0].Path);
        var service = files[1].Text;
        var step = Math.Max(1, service.Length / CorpusCutPoints);
        var prefixes = new List<string>();
        for (var cut = step; cut <= service.Length; cut += step)
        {
            prefixes.Add(service.Substring(0, cut));
        }

        var analyzed = await AnalyzeVariantsAsync(files[1].Path, prefixes, platform);

        Assert.True(analyzed >= CorpusCutPoints - 1, $"only {analyzed} prefixes analyzed");
    }

    [Fact]
    public async Task RandomTokenDeletions_NoAnalyzerException()
    {
        var sources = Snippets.Small.Concat(Snippets.Large).Select(s => (s.Name, Text: Snippets.Domain + s.Source)).ToList();
        var corpus = RobustnessHarness.CorpusSample(1_000);
        var platform = RobustnessHarness.Parse(corpus[0].Text, corpus[0].Path);
        sources.Add((corpus[1].Path, corpus[1].Text));
        var total = 0;
        for (var index = 0; index < sources.Count; index++)
        {
            var (name, text) = sources[index];
            var tokens = RobustnessHarness.Parse(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            var random = new Random(1_000 + index);
            var variants = new List<string>(DeletionVariants);
            for (var v = 0; v < DeletionVariants; v++)
            {
                // Delete one to three tokens, from the end backwards so earlier spans stay valid.
                var picked = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().OrderByDescending(t => t.SpanStart);
                var variant = text;
                foreach (var token in picked)
                {
                    variant = variant.Remove(token.SpanStart, token.Span.Length);
                }

                variants.Add(variant);
            }

            total += await AnalyzeVariantsAsync(name, variants, name == corpus[1].Path ? platform : null);
        }

        Assert.Equal(sources.Count * DeletionVariants, total);
    }

    /// <summary>Analyzes each variant (alone, or beside <paramref name="companion"/>) on both cores; fails on the first exception.</summary>
    private static async Task<int> AnalyzeVariantsAsync(string name, IEnumerable<string> variants, SyntaxTree? companion = null)
    {
        var failures = new ConcurrentQueue<string>();
        var count = 0;
        await Parallel.ForEachAsync(
            variants.Select((text, i) => (text, i)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (variant, cancellationToken) =>
            {
                if (!failures.IsEmpty)
                {
                    return;
                }

                var tree = RobustnessHarness.Parse(variant.text, name + ".cs");
                var trees = companion is null ? new[] { tree } : new[] { companion, tree };
                var run = await RobustnessHarness.AnalyzeAsync(trees, cancellationToken: cancellationToken);
                Interlocked.Increment(ref count);
                if (run.Exceptions.Count > 0)
                {
                    failures.Enqueue($"{name}, variant {variant.i}:\n{string.Join("\n", run.Exceptions.Take(2))}\n--- source tail ---\n{Tail(variant.text)}");
                }
            });

        Assert.True(failures.IsEmpty, failures.FirstOrDefault());
        return count;
    }

    private static string Tail(string text) => text.Length <= 1500 ? text : text.Substring(text.Length - 1500);
}
