using System;
using System.IO;
using System.Reflection;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>Paths MSBuild wrote into this assembly's metadata at build time (packages folder, peer packages).</summary>
internal static class BuildInfo
{
    public static string NuGetPackageRoot => Get("NuGetPackageRoot");

    /// <summary>The version of a downloaded peer package (from Directory.Packages.props).</summary>
    public static string PeerPackageVersion(string packageId) => Get("PeerPackage:" + packageId);

    /// <summary>The root folder of a downloaded peer package, such as <c>~/.nuget/packages/asyncfixer/2.1.0</c>.</summary>
    public static string PeerPackageFolder(string packageId)
        => Path.Combine(NuGetPackageRoot, packageId.ToLowerInvariant(), PeerPackageVersion(packageId));

    /// <summary>The .NET 8 reference assemblies the corpus compiles against.</summary>
    public static string Net80ReferenceFolder
        => Path.Combine(NuGetPackageRoot, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0");

    private static string Get(string key)
    {
        foreach (var attribute in typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (string.Equals(attribute.Key, key, StringComparison.Ordinal) && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value!;
            }
        }

        throw new InvalidOperationException($"Build metadata '{key}' is missing: rebuild the benchmark project (restore sets it).");
    }
}
