using System.Collections.Generic;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>The result of packing the solution once per run: the feed, both packages and what the analyzers ship.</summary>
internal sealed record PackedSolution(
    string WorkRoot,
    string FeedDirectory,
    string ConsumerPackagesDirectory,
    ProcessResult Pack,
    IReadOnlyList<string> FeedFiles,
    NuGetPackage Analyzers,
    NuGetPackage Patterns,
    NuGetPackage? PatternsSymbols,
    PackagedRules Rules);
