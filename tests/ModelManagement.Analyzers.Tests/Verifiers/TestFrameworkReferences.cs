using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Tests.Verifiers;

/// <summary>
/// The real test-framework assemblies (restored by the test project's PackageDownload items, never downloaded by a test),
/// for test compilations of rules that judge test code (MM0006's test exemption, MM0007).
/// Add them with <c>test.TestState.AdditionalReferences.AddRange(TestFrameworkReferences.Xunit)</c>.
/// </summary>
internal static class TestFrameworkReferences
{
    /// <summary>The folder NuGet restored packages into (written into the test assembly by the project file).</summary>
    public static string PackageRoot { get; } = typeof(TestFrameworkReferences).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>xunit 2.9.3: xunit.assert, xunit.core (FactAttribute, TraitAttribute) and xunit.abstractions.</summary>
    public static ImmutableArray<MetadataReference> Xunit { get; } = Load(
        "xunit.assert/2.9.3/lib/net6.0/xunit.assert.dll",
        "xunit.extensibility.core/2.9.3/lib/netstandard1.1/xunit.core.dll",
        "xunit.abstractions/2.0.3/lib/netstandard2.0/xunit.abstractions.dll");

    /// <summary>NUnit 4.4.0 (framework and its legacy classic asserts).</summary>
    public static ImmutableArray<MetadataReference> NUnit { get; } = Load(
        "nunit/4.4.0/lib/net8.0/nunit.framework.dll",
        "nunit/4.4.0/lib/net8.0/nunit.framework.legacy.dll");

    /// <summary>MSTest.TestFramework 3.11.1.</summary>
    public static ImmutableArray<MetadataReference> MSTest { get; } = Load(
        "mstest.testframework/3.11.1/lib/net8.0/Microsoft.VisualStudio.TestPlatform.TestFramework.dll",
        "mstest.testframework/3.11.1/buildTransitive/net8.0/Microsoft.VisualStudio.TestPlatform.TestFramework.Extensions.dll");

    /// <summary>FluentAssertions 7.2.2.</summary>
    public static ImmutableArray<MetadataReference> FluentAssertions { get; } = Load(
        "fluentassertions/7.2.2/lib/net6.0/FluentAssertions.dll");

    /// <summary>xunit, NUnit and MSTest together: the frameworks whose test attributes the rules' test-method exemptions know.</summary>
    public static ImmutableArray<MetadataReference> TestAttributes { get; } = Xunit.AddRange(NUnit).AddRange(MSTest);

    private static ImmutableArray<MetadataReference> Load(params string[] relativePaths)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>(relativePaths.Length);
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(PackageRoot, relative.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                throw new InvalidOperationException("Test-framework assembly not restored: " + path + " (restore the test project).");
            }

            builder.Add(MetadataReference.CreateFromFile(path));
        }

        return builder.MoveToImmutable();
    }
}
