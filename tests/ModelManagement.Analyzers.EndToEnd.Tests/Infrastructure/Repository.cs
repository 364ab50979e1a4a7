using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>The repository under test: finds its root and copies its sources without build output.</summary>
internal static class Repository
{
    public const string SolutionFileName = "ModelManagement.Analyzers.sln";

    /// <summary>Folders never copied: build output, VCS data, IDE state, test results and packed artifacts.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".idea", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", "node_modules",
    };

    private static readonly HashSet<string> SkippedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".nupkg", ".snupkg", ".sarif", ".binlog", ".user",
    };

    private static readonly Regex AnalyzerSource = new(@"^(?<id>MM[0-9]{4})[A-Za-z0-9]*Analyzer\.cs$", RegexOptions.CultureInvariant);
    private static readonly Regex CodeFixSource = new(@"^(?<id>MM[0-9]{4})[A-Za-z0-9]*CodeFixProvider\.cs$", RegexOptions.CultureInvariant);

    /// <summary>The folder holding <see cref="SolutionFileName"/>, above this test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Rule IDs with an analyzer in the sources (<c>src/ModelManagement.Analyzers/Rules/MMxxxx…Analyzer.cs</c>, STYLE §3).</summary>
    public static IReadOnlyList<string> RulesWithAnalyzerSource() => RuleIds(Path.Combine("src", "ModelManagement.Analyzers", "Rules"), AnalyzerSource);

    /// <summary>Rule IDs with a code fix in the sources (<c>src/ModelManagement.Analyzers.CodeFixes/Fixes/MMxxxx…CodeFixProvider.cs</c>).</summary>
    public static IReadOnlyList<string> RulesWithCodeFixSource() => RuleIds(Path.Combine("src", "ModelManagement.Analyzers.CodeFixes", "Fixes"), CodeFixSource);

    /// <summary>
    /// Copies the repository's sources to <paramref name="destination"/> without bin/obj and other generated output,
    /// so packing the copy never competes with the running build for files. Returns the number of files copied.
    /// </summary>
    public static int CopySourcesTo(string destination)
    {
        var count = 0;
        var pending = new Stack<(DirectoryInfo Source, string Target)>();
        pending.Push((new DirectoryInfo(Root), destination));
        while (pending.Count > 0)
        {
            var (source, target) = pending.Pop();
            Directory.CreateDirectory(target);
            foreach (var file in source.EnumerateFiles())
            {
                if (SkippedExtensions.Contains(file.Extension) || file.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                file.CopyTo(Path.Combine(target, file.Name));
                count++;
            }

            foreach (var directory in source.EnumerateDirectories())
            {
                // Symbolic links could lead out of the repository or into a cycle: never followed.
                if (SkippedDirectories.Contains(directory.Name) || directory.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                pending.Push((directory, Path.Combine(target, directory.Name)));
            }
        }

        return count;
    }

    private static IReadOnlyList<string> RuleIds(string relativeFolder, Regex fileName)
    {
        var folder = Path.Combine(Root, relativeFolder);
        return !Directory.Exists(folder)
            ? Array.Empty<string>()
            : Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(path => fileName.Match(Path.GetFileName(path)))
                .Where(match => match.Success)
                .Select(match => match.Groups["id"].Value)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException(SolutionFileName + " not found above " + AppContext.BaseDirectory);
    }
}
