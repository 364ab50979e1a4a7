using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>
/// Loads a peer analyzer package's C# analyzers from the packages folder, choosing the analyzer folder that
/// matches the host Roslyn (packages such as Meziantou.Analyzer ship <c>roslynX.Y</c> subfolders).
/// </summary>
internal static class PeerAnalyzers
{
    public const string VSThreading = "Microsoft.VisualStudio.Threading.Analyzers";
    public const string AsyncFixer = "AsyncFixer";
    public const string Meziantou = "Meziantou.Analyzer";
    public const string Roslynator = "Roslynator.Analyzers";

    /// <summary>The Roslyn version this process hosts.</summary>
    public static Version HostRoslynVersion { get; } = typeof(Compilation).Assembly.GetName().Version ?? new Version(0, 0);

    public static ImmutableArray<DiagnosticAnalyzer> Load(string packageId, out string folder)
    {
        var root = BuildInfo.PeerPackageFolder(packageId);
        folder = SelectAnalyzerFolder(Path.Combine(root, "analyzers"))
            ?? throw new InvalidOperationException($"No C# analyzer folder for Roslyn {HostRoslynVersion} in '{root}' (restore the benchmark project).");
        var loader = new FolderLoader(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(dll);
            if (name.Contains("CodeFix", StringComparison.OrdinalIgnoreCase))
            {
                continue; // fixes only, no analyzers
            }

            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) => Console.Error.WriteLine($"  warning: {Path.GetFileName(dll)}: {e.Message}");
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return analyzers.ToImmutable();
    }

    /// <summary>The <c>cs</c> folder with the highest <c>roslynX.Y</c> not above the host (an unversioned one ranks lowest).</summary>
    private static string? SelectAnalyzerFolder(string analyzersRoot)
    {
        if (!Directory.Exists(analyzersRoot))
        {
            return null;
        }

        string? best = null;
        Version? bestVersion = null;
        foreach (var candidate in Directory.EnumerateDirectories(analyzersRoot, "cs", SearchOption.AllDirectories))
        {
            var version = new Version(0, 0);
            foreach (var segment in Path.GetRelativePath(analyzersRoot, candidate).Split(Path.DirectorySeparatorChar))
            {
                if (segment.StartsWith("roslyn", StringComparison.OrdinalIgnoreCase)
                    && Version.TryParse(segment.AsSpan(6), out var parsed))
                {
                    version = parsed;
                }
            }

            if (version <= HostRoslynVersion && (bestVersion is null || version > bestVersion))
            {
                best = candidate;
                bestVersion = version;
            }
        }

        return best;
    }

    /// <summary>One load context per package folder: its own dependencies from the folder, Roslyn from the host.</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly string _folder;
        private readonly AssemblyLoadContext _context;

        public FolderLoader(string folder)
        {
            _folder = folder;
            _context = new FolderLoadContext(folder);
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
            => string.Equals(Path.GetDirectoryName(fullPath), _folder, StringComparison.Ordinal)
                ? _context.LoadFromAssemblyPath(fullPath)
                : AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);

        private sealed class FolderLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;

            public FolderLoadContext(string folder)
                : base("peer:" + folder, isCollectible: false)
            {
                _folder = folder;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var name = assemblyName.Name ?? string.Empty;
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal))
                {
                    return null; // share the host's Roslyn and runtime
                }

                var path = Path.Combine(_folder, name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }
    }

    public static string Describe(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => analyzers.Length.ToString(CultureInfo.InvariantCulture) + " analyzers";

    public static IEnumerable<DiagnosticAnalyzer> WithTypeName(ImmutableArray<DiagnosticAnalyzer> analyzers, string typeName)
        => analyzers.Where(a => string.Equals(a.GetType().Name, typeName, StringComparison.Ordinal));
}
