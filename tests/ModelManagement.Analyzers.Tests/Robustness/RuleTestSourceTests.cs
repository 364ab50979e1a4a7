using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Every C# source of the rule tests (raw strings marked <c>/* lang=c#-test */</c>, markup removed), cut at a few
/// points and with a few seeded token deletions: the rule authors' own edge cases, seen half-typed.
/// </summary>
public sealed class RuleTestSourceTests
{
    private const int CutsPerSource = 6;
    private const int DeletionsPerSource = 2;

    private static readonly Regex Markup = new(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

    public static TheoryData<string> RuleTestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in FindRuleTestFiles())
        {
            if (ExtractSources(File.ReadAllText(file)).Count > 0)
            {
                data.Add(Path.GetRelativePath(TestEnvironment.RepositoryRoot, file).Replace('\\', '/'));
            }
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty); // no rule test sources: the theory then checks that no rule exists yet
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public async Task RuleTestSources_HalfTyped_NoAnalyzerException(string relativePath)
    {
        if (relativePath.Length == 0)
        {
            Assert.Empty(RobustnessHarness.RuleIds);
            return;
        }

        var sources = ExtractSources(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, relativePath)));
        var failures = new ConcurrentQueue<string>();
        var variants = new List<(string Name, string Text)>();
        for (var s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            for (var c = 1; c <= CutsPerSource; c++)
            {
                variants.Add(($"source {s} cut {c}", source.Substring(0, source.Length * c / (CutsPerSource + 1))));
            }

            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            var random = new Random(s);
            for (var d = 0; d < DeletionsPerSource && tokens.Length > 0; d++)
            {
                var token = tokens[random.Next(tokens.Length)];
                variants.Add(($"source {s} without '{token.Text}' at {token.SpanStart}", source.Remove(token.SpanStart, token.Span.Length)));
            }
        }

        await Parallel.ForEachAsync(
            variants,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (variant, cancellationToken) =>
            {
                var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(variant.Text) }, cancellationToken: cancellationToken);
                if (run.Exceptions.Count > 0)
                {
                    failures.Enqueue($"{relativePath}, {variant.Name}:\n{string.Join("\n", run.Exceptions.Take(2))}\n--- source ---\n{variant.Text}");
                }
            });

        Assert.NotEmpty(sources);
        Assert.True(failures.IsEmpty, failures.FirstOrDefault());
    }

    /// <summary>The raw or regular string literals that follow a <c>lang=c#-test</c> comment, with test markup removed.</summary>
    internal static IReadOnlyList<string> ExtractSources(string testFileText)
    {
        var sources = new List<string>();
        foreach (var token in CSharpSyntaxTree.ParseText(testFileText).GetRoot().DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringStartToken))
            {
                continue;
            }

            // The marker comment is the string's leading trivia, or the trailing trivia of the token before it ("= /* lang=c#-test */ ...").
            if (!IsMarker(token.LeadingTrivia) && !IsMarker(token.GetPreviousToken().TrailingTrivia))
            {
                continue;
            }

            // Interpolated test sources have holes we cannot fill; take the plain ones.
            if (token.Value is string text && text.Length > 0)
            {
                sources.Add(Markup.Replace(text, string.Empty));
            }
        }

        return sources;
    }

    private static bool IsMarker(SyntaxTriviaList trivia)
        => trivia.Any(t => t.IsKind(SyntaxKind.MultiLineCommentTrivia) && t.ToString().Contains("lang=c#-test", StringComparison.Ordinal));

    private static IEnumerable<string> FindRuleTestFiles()
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "ModelManagement.Analyzers.Tests", "Rules");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
    }
}
