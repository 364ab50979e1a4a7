using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The exported C# analyzers and code fix providers of the packed assemblies (<c>analyzers/dotnet/cs/*.dll</c>),
/// instantiated the way a host does — found by their export attributes — in a <see cref="PackageLoadContext"/> against
/// Roslyn 4.8. Disposing unloads them.
/// </summary>
internal sealed class PackedComponents : IDisposable
{
    private readonly PackageLoadContext _context;

    private PackedComponents(PackageLoadContext context, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<CodeFixProvider> fixes)
    {
        _context = context;
        Analyzers = analyzers;
        Fixes = fixes;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public IReadOnlyList<CodeFixProvider> Fixes { get; }

    public static PackedComponents Load(NuGetPackage package)
    {
        var files = package.Files.Where(f => f.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        var context = new PackageLoadContext(package, files);
        try
        {
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            var fixes = new List<CodeFixProvider>();
            foreach (var name in context.AssemblyNames)
            {
                foreach (var type in LoadableTypes(context.LoadFromAssemblyName(new AssemblyName(name))).OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    if (type.IsAbstract)
                    {
                        continue;
                    }

                    if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                        && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } analyzer
                        && analyzer.Languages.Contains(LanguageNames.CSharp))
                    {
                        analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                    }
                    else if (typeof(CodeFixProvider).IsAssignableFrom(type)
                        && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export
                        && export.Languages.Contains(LanguageNames.CSharp))
                    {
                        fixes.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                    }
                }
            }

            return new PackedComponents(context, analyzers.ToImmutable(), fixes);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    public void Dispose() => _context.Unload();

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
}
