using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the packed analyzer assemblies actually ship, read by loading them from the .nupkg into a collectible load
/// context against Roslyn 4.8 (the oldest host we support): the rule IDs the exported analyzers support and the
/// exported code fixes. The consumer tests expect diagnostics only for rules shipped here; a separate test requires
/// every rule the consumer sources mark to be shipped, so a rule missing from the package never passes silently.
/// </summary>
internal sealed class PackagedRules
{
    private PackagedRules(IReadOnlyCollection<string> analyzerIds, IReadOnlyList<PackagedFix> fixes)
    {
        AnalyzerIds = analyzerIds;
        Fixes = fixes;
    }

    /// <summary>IDs supported by exported C# analyzers.</summary>
    public IReadOnlyCollection<string> AnalyzerIds { get; }

    /// <summary>Exported code fix providers.</summary>
    public IReadOnlyList<PackagedFix> Fixes { get; }

    public static PackagedRules Inspect(NuGetPackage package, IReadOnlyList<string> analyzerFiles)
    {
        var context = new PackageLoadContext(analyzerFiles.ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            package.Read,
            StringComparer.OrdinalIgnoreCase));
        try
        {
            var analyzerIds = new SortedSet<string>(StringComparer.Ordinal);
            var fixes = new List<PackagedFix>();
            foreach (var name in context.AssemblyNames)
            {
                foreach (var type in LoadableTypes(context.LoadFromAssemblyName(new AssemblyName(name))))
                {
                    if (type.IsAbstract)
                    {
                        continue;
                    }

                    if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                        && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } analyzerAttribute
                        && analyzerAttribute.Languages.Contains("C#"))
                    {
                        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                        foreach (var descriptor in analyzer.SupportedDiagnostics)
                        {
                            analyzerIds.Add(descriptor.Id);
                        }
                    }
                    else if (typeof(CodeFixProvider).IsAssignableFrom(type)
                        && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export
                        && export.Languages.Contains("C#"))
                    {
                        var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
                        fixes.Add(new PackagedFix(type.Name, fix.FixableDiagnosticIds.ToArray(), fix.GetFixAllProvider() is not null));
                    }
                }
            }

            return new PackagedRules(analyzerIds, fixes);
        }
        finally
        {
            context.Unload();
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var loaderErrors = string.Join(Environment.NewLine, e.LoaderExceptions.Select(x => x?.Message));
            throw new InvalidOperationException(assembly.GetName().Name + " does not load against Roslyn 4.8:" + Environment.NewLine + loaderErrors, e);
        }
    }

    /// <summary>Loads the package's own assemblies from memory; everything else (Roslyn, BCL) from the default context.</summary>
    private sealed class PackageLoadContext : AssemblyLoadContext
    {
        private readonly Dictionary<string, byte[]> _assemblies;

        public PackageLoadContext(Dictionary<string, byte[]> assemblies)
            : base("packed-analyzers", isCollectible: true)
            => _assemblies = assemblies;

        public IEnumerable<string> AssemblyNames => _assemblies.Keys.OrderBy(n => n, StringComparer.Ordinal);

        protected override Assembly? Load(AssemblyName assemblyName)
            => assemblyName.Name is { } name && _assemblies.TryGetValue(name, out var bytes)
                ? LoadFromStream(new MemoryStream(bytes, writable: false))
                : null;
    }
}
