using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.Benchmarks.Corpus;
using ModelManagement.Patterns;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>
/// One parsed corpus and the compilation built from it. Measurements never reuse <see cref="Compilation"/> itself:
/// each takes <see cref="Fresh"/>, a clone that shares the parsed trees and metadata but no bound state.
/// </summary>
internal sealed class Workload
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    private Workload(string description, CSharpCompilation compilation, int lines, int files)
    {
        Description = description;
        Compilation = compilation;
        Lines = lines;
        Files = files;
    }

    public string Description { get; }

    public CSharpCompilation Compilation { get; }

    public int Lines { get; }

    public int Files { get; }

    /// <summary>.NET 8 reference assemblies plus ModelManagement.Patterns (as a user with our package has).</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>A clone with no cached binding: every measurement starts from here.</summary>
    public CSharpCompilation Fresh() => Compilation.Clone();

    public static Workload FromGenerated(int lines, int seed, CorpusOptions? options = null)
    {
        var files = CorpusGenerator.Generate(lines, seed, options);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToList();
        var total = files.Sum(f => f.LineCount);
        return new Workload($"generated corpus (seed {seed})", Create(trees), total, files.Count);
    }

    /// <summary>Real code: every .cs file under <paramref name="folders"/> (build output left out, test code too when asked).</summary>
    public static Workload FromFolders(IReadOnlyList<string> folders, bool excludeTests, IReadOnlyList<string>? referenceFolders = null)
    {
        var paths = folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(p) && !(excludeTests && IsTestCode(p)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            throw new InvalidOperationException($"No .cs files under '{string.Join("', '", folders)}'.");
        }

        var trees = new List<SyntaxTree>(paths.Count);
        var lines = 0;
        foreach (var path in paths)
        {
            var text = File.ReadAllText(path);
            lines += CorpusGenerator.CountLines(text);
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, path));
        }

        var description = (folders.Count == 1 ? "folder " : "folders ") + string.Join(", ", folders) + (excludeTests ? " (test code left out)" : string.Empty);
        var references = References.AddRange(ExtraReferences(referenceFolders));
        if (referenceFolders is { Count: > 0 })
        {
            description += "; extra references from " + string.Join(", ", referenceFolders);
        }

        return new Workload(description, CSharpCompilation.Create("BenchmarkCorpus", trees, references, CompilationOptions), lines, paths.Count);
    }

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("BenchmarkCorpus", trees, References, CompilationOptions);

    private static bool IsBuildOutput(string path)
    {
        var sep = Path.DirectorySeparatorChar;
        return path.Contains(sep + "obj" + sep, StringComparison.Ordinal) || path.Contains(sep + "bin" + sep, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every assembly directly in <paramref name="folders"/> (e.g. a real build's bin folder, or a package's lib folder), so
    /// real code binds to its dependencies; one per file name, the reference assemblies and ModelManagement.Patterns win.
    /// </summary>
    private static IEnumerable<MetadataReference> ExtraReferences(IReadOnlyList<string>? folders)
    {
        if (folders is null)
        {
            yield break;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dll in Directory.EnumerateFiles(BuildInfo.Net80ReferenceFolder, "*.dll"))
        {
            taken.Add(Path.GetFileName(dll));
        }

        taken.Add(Path.GetFileName(typeof(SideEffectAttribute).Assembly.Location));
        foreach (var folder in folders)
        {
            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
            {
                if (taken.Add(Path.GetFileName(dll)))
                {
                    yield return MetadataReference.CreateFromFile(dll);
                }
            }
        }
    }

    private static bool IsTestCode(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Contains("Test", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var folder = BuildInfo.Net80ReferenceFolder;
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The .NET 8 reference assemblies are missing at '{folder}': run 'dotnet restore' for the benchmark project.");
        }

        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            builder.Add(MetadataReference.CreateFromFile(dll));
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(SideEffectAttribute).Assembly.Location));
        return builder.ToImmutable();
    }
}
