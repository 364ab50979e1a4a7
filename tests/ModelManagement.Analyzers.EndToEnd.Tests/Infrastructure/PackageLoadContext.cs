using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A collectible load context for the packed analyzer assemblies, read from the .nupkg in memory. Everything else —
/// Roslyn 4.8 (this project's reference, the oldest host we support) and the framework — comes from the default context,
/// as it does in a host.
/// </summary>
internal sealed class PackageLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, byte[]> _assemblies;

    public PackageLoadContext(NuGetPackage package, IEnumerable<string> assemblyFiles)
        : base("packed-analyzers", isCollectible: true)
        => _assemblies = assemblyFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f), package.Read, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> AssemblyNames => _assemblies.Keys.OrderBy(n => n, StringComparer.Ordinal);

    protected override Assembly? Load(AssemblyName assemblyName)
        => assemblyName.Name is { } name && _assemblies.TryGetValue(name, out var bytes)
            ? LoadFromStream(new MemoryStream(bytes, writable: false))
            : null;
}
