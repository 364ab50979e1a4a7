using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// What <c>dotnet pack ModelManagement.Analyzers.sln</c> writes, read from the .nupkg zips, their .nuspec manifests and
/// the packed assemblies' metadata: the layout users and hosts depend on.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private const string AnalyzerAssemblyPath = "analyzers/dotnet/cs/ModelManagement.Analyzers.dll";
    private const string CodeFixAssemblyPath = "analyzers/dotnet/cs/ModelManagement.Analyzers.CodeFixes.dll";

    /// <summary>The oldest Roslyn we support (.NET 8 SDK, Visual Studio 2022 17.8): no packed assembly may need a newer one.</summary>
    private static readonly Version OldestSupportedRoslyn = new(4, 8, 0, 0);

    private readonly PackedSolution _packed;

    public PackageLayoutTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _packed = fixture.Get(output);
        output.WriteLine("feed: " + string.Join(", ", _packed.FeedFiles));
    }

    [Fact]
    public void SolutionPack_WritesExactlyTheTwoPackagesAndThePatternsSymbols()
    {
        var version = _packed.Analyzers.Version;
        Assert.Equal(version, _packed.Patterns.Version);
        var expected = new[]
        {
            $"ModelManagement.Analyzers.{version}.nupkg",
            $"ModelManagement.Patterns.{version}.nupkg",
            $"ModelManagement.Patterns.{version}.snupkg",
        };
        Assert.Equal(expected.OrderBy(f => f, StringComparer.Ordinal), _packed.FeedFiles);
    }

    [Fact]
    public void AnalyzersPackage_ShipsBothAssembliesUnderAnalyzersDotnetCs_AndNoLibOrRefAssets()
    {
        var files = _packed.Analyzers.Files;
        Assert.Equal(
            new[] { CodeFixAssemblyPath, AnalyzerAssemblyPath },
            files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
        Assert.All(files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal)), f => Assert.StartsWith("analyzers/dotnet/cs/", f, StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzersPackage_DependsOnPatternsOfTheSameVersion_InEveryTargetGroup()
    {
        var groups = _packed.Analyzers.DependencyGroups();
        Assert.NotEmpty(groups);
        foreach (var (targetFramework, dependencies) in groups)
        {
            var patterns = Assert.Single(dependencies, d => d.Id == PackedSolutionFixture.PatternsPackageId);
            Assert.True(
                IsLowerBound(patterns.Version, _packed.Patterns.Version),
                $"group '{targetFramework}': ModelManagement.Patterns version '{patterns.Version}' should start at {_packed.Patterns.Version}");

            // The consumer must get the runtime helpers' compile and runtime assets.
            var excluded = patterns.Exclude.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(excluded, e => e.Equals("Compile", StringComparison.OrdinalIgnoreCase)
                || e.Equals("Runtime", StringComparison.OrdinalIgnoreCase)
                || e.Equals("All", StringComparison.OrdinalIgnoreCase));

            // Roslyn and the polyfills are private to the analyzer build: never a consumer's dependency.
            Assert.DoesNotContain(dependencies, d => d.Id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || d.Id == "PolySharp");
        }
    }

    [Fact]
    public void AnalyzersPackage_IsNotADevelopmentDependency()
    {
        // A development dependency is added as private and without compile assets, which hides ModelManagement.Patterns.
        var developmentDependency = _packed.Analyzers.Element("developmentDependency");
        Assert.True(developmentDependency is null || developmentDependency.Trim().Equals("false", StringComparison.OrdinalIgnoreCase), "developmentDependency = " + developmentDependency);
    }

    [Theory]
    [InlineData(PackedSolutionFixture.AnalyzersPackageId)]
    [InlineData(PackedSolutionFixture.PatternsPackageId)]
    public void Package_HasDescriptionReadmeLicenseRepositoryAndTags(string packageId)
    {
        var package = packageId == PackedSolutionFixture.AnalyzersPackageId ? _packed.Analyzers : _packed.Patterns;
        Assert.False(string.IsNullOrWhiteSpace(package.Element("description")), "description");
        Assert.False(string.IsNullOrWhiteSpace(package.Element("authors")), "authors");

        var readme = package.Element("readme");
        Assert.False(string.IsNullOrWhiteSpace(readme), "readme");
        var readmeText = Encoding.UTF8.GetString(package.Read(readme!.Replace('\\', '/')));
        Assert.Contains("ModelManagement", readmeText, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\]\((?!https://)", readmeText); // nuget.org has no repository to resolve a relative link against

        var license = package.ElementNode("license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license!.Attribute("type"));
        Assert.False(string.IsNullOrWhiteSpace(license.Value), "license expression");

        var repository = package.ElementNode("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository!.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url") ?? string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("https://", package.Element("projectUrl") ?? string.Empty, StringComparison.Ordinal);

        var tags = (package.Element("tags") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(tags);
    }

    [Fact]
    public void PatternsPackage_HasLibAssetsWithXmlDocsForNetStandard20AndNet80_AndNoAnalyzers()
    {
        var files = _packed.Patterns.Files;
        var expectedFrameworks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["netstandard2.0"] = ".NETStandard,Version=v2.0",
            ["net8.0"] = ".NETCoreApp,Version=v8.0",
        };
        foreach (var (folder, targetFramework) in expectedFrameworks)
        {
            var assembly = AssemblyInspector.Read(_packed.Patterns.Read($"lib/{folder}/ModelManagement.Patterns.dll"));
            Assert.Equal(targetFramework, assembly.TargetFramework);
            Assert.DoesNotContain(assembly.References, r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            Assert.Contains(DebugDirectoryEntryType.Reproducible, assembly.DebugEntries);

            var docs = Encoding.UTF8.GetString(_packed.Patterns.Read($"lib/{folder}/ModelManagement.Patterns.xml"));
            Assert.Contains("T:ModelManagement.Patterns.SideEffectAttribute", docs, StringComparison.Ordinal);
            Assert.Contains("T:ModelManagement.Patterns.OptionalDependencyAttribute", docs, StringComparison.Ordinal);
        }

        Assert.Equal(
            expectedFrameworks.Keys.OrderBy(f => f, StringComparer.Ordinal),
            files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Select(f => f.Split('/')[1]).Distinct().OrderBy(f => f, StringComparer.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    [Fact]
    public void PatternsPackage_NeedsNoPackageOnNet80_AndOnlyBclPackagesOnNetStandard20()
    {
        var groups = _packed.Patterns.DependencyGroups().ToDictionary(g => g.TargetFramework, g => g.Dependencies, StringComparer.OrdinalIgnoreCase);
        Assert.True(groups.TryGetValue("net8.0", out var net80), "no net8.0 dependency group");
        Assert.Empty(net80!);
        Assert.True(groups.TryGetValue(".NETStandard2.0", out var netStandard20), "no .NETStandard2.0 dependency group");
        Assert.All(netStandard20!, d => Assert.True(
            d.Id.StartsWith("System.", StringComparison.Ordinal) || d.Id.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal),
            $"ModelManagement.Patterns (netstandard2.0) depends on {d.Id}, which is not a BCL package"));

        // Low floors: a netstandard2.0 project already on an older version of one of these packages must restore without a
        // downgrade error (NU1605: cosmos pins Microsoft.Bcl.AsyncInterfaces 6.0.0). Meter needs DiagnosticSource 6.0;
        // ValueTask needs System.Threading.Tasks.Extensions 4.5.
        var floors = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Diagnostics.DiagnosticSource"] = new Version(6, 0, 0),
            ["System.Threading.Tasks.Extensions"] = new Version(4, 5, 4),
        };
        Assert.Equal(floors.Keys.OrderBy(k => k, StringComparer.Ordinal), netStandard20!.Select(d => d.Id).OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(netStandard20!, d => Assert.True(
            Version.Parse(d.Version.Trim('[', ']', '(', ')').Split(',')[0]) <= floors[d.Id],
            $"ModelManagement.Patterns (netstandard2.0) needs {d.Id} {d.Version}; keep the floor at {floors[d.Id]} or lower"));
    }

    [Fact]
    public void PatternsSymbolsPackage_HasAPortablePdbForEachTarget()
    {
        Assert.NotNull(_packed.PatternsSymbols);
        Assert.Equal(
            new[] { "lib/net8.0/ModelManagement.Patterns.pdb", "lib/netstandard2.0/ModelManagement.Patterns.pdb" },
            _packed.PatternsSymbols!.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal));
        foreach (var pdb in _packed.PatternsSymbols.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)))
        {
            // Portable PDBs start with the metadata signature "BSJB".
            Assert.Equal("BSJB"u8.ToArray(), _packed.PatternsSymbols.Read(pdb)[..4]);
        }
    }

    [Theory]
    [InlineData(AnalyzerAssemblyPath)]
    [InlineData(CodeFixAssemblyPath)]
    public void AnalyzerAssemblies_TargetNetStandard20_AndNeedNoRoslynNewerThan48(string path)
    {
        var assembly = AssemblyInspector.Read(_packed.Analyzers.Read(path));
        Assert.Equal(new Version(2, 0, 0, 0), assembly.ReferencedVersion("netstandard"));
        Assert.True(assembly.TargetFramework is null or ".NETStandard,Version=v2.0", assembly.TargetFramework);
        var roslyn = assembly.References.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        if (path == AnalyzerAssemblyPath || _packed.Rules.Fixes.Count > 0)
        {
            Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis");
        }

        Assert.All(roslyn, r => Assert.True(r.Version <= OldestSupportedRoslyn, $"{assembly.Name} references {r.Name} {r.Version}"));
    }

    [Theory]
    [InlineData(AnalyzerAssemblyPath)]
    [InlineData(CodeFixAssemblyPath)]
    public void AnalyzerAssemblies_ReferenceOnlyWhatEveryHostProvides(string path)
    {
        // A host loads nothing but the analyzer folder, Roslyn, Roslyn 4.8's own dependencies and the framework:
        // any other reference (a NuGet dependency of an analyzer project, ModelManagement.Patterns) fails to load there.
        var allowed = new[]
        {
            "netstandard", "Microsoft.CodeAnalysis", "ModelManagement.Analyzers",
            "System.Collections.Immutable", "System.Reflection.Metadata", "System.Memory", "System.Buffers", "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Text.Encoding.CodePages",
            "System.Composition", "System.IO.Pipelines", "System.Threading.Channels", "Microsoft.Bcl.AsyncInterfaces", "Humanizer",
        };
        var assembly = AssemblyInspector.Read(_packed.Analyzers.Read(path));
        Assert.All(assembly.References, r => Assert.True(
            allowed.Any(a => r.Name == a || r.Name.StartsWith(a + ".", StringComparison.Ordinal)) && r.Name != "ModelManagement.Analyzers.CodeFixes",
            $"{assembly.Name} references {r.Name} {r.Version}, which no analyzer host provides"));
    }

    [Fact]
    public void AnalyzerAssembly_DoesNotReferenceWorkspaces()
    {
        // The command-line compiler has no Workspaces layer: the analyzer assembly must load without it.
        var assembly = AssemblyInspector.Read(_packed.Analyzers.Read(AnalyzerAssemblyPath));
        Assert.DoesNotContain(assembly.References, r => r.Name.Contains("Workspaces", StringComparison.Ordinal));
        if (_packed.Rules.Fixes.Count > 0)
        {
            // ... while the fixes, which need it, are in their own assembly.
            Assert.Contains(AssemblyInspector.Read(_packed.Analyzers.Read(CodeFixAssemblyPath)).References, r => r.Name == "Microsoft.CodeAnalysis.Workspaces");
        }
    }

    [Theory]
    [InlineData(AnalyzerAssemblyPath)]
    [InlineData(CodeFixAssemblyPath)]
    public void AnalyzerAssemblies_AreDeterministic_WithEmbeddedPdb(string path)
    {
        var assembly = AssemblyInspector.Read(_packed.Analyzers.Read(path));
        Assert.Contains(DebugDirectoryEntryType.EmbeddedPortablePdb, assembly.DebugEntries);
        Assert.Contains(DebugDirectoryEntryType.Reproducible, assembly.DebugEntries);
    }

    [Fact]
    public void PackedAnalyzers_ShipEveryRuleWhoseAnalyzerIsInTheSources()
    {
        // The consumer tests assert the rules the package ships, so a rule lost between the sources and the package
        // must fail here rather than pass there unasserted.
        var inSources = Repository.RulesWithAnalyzerSource();
        Assert.Equal(inSources, _packed.Rules.AnalyzerIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void PackedCodeFixes_ShipEveryFixInTheSources_EachWithFixAll()
    {
        var inSources = Repository.RulesWithCodeFixSource();
        Assert.Equal(inSources, _packed.Rules.Fixes.SelectMany(f => f.FixableIds).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(_packed.Rules.Fixes, fix =>
        {
            // dotnet format applies fixes only through Fix All, and silently skips fixers without it.
            Assert.True(fix.HasFixAll, fix.TypeName + " has no Fix All provider");
            Assert.All(fix.FixableIds, id => Assert.Contains(id, _packed.Rules.AnalyzerIds));
        });
    }

    [Fact]
    public void ConsumerSources_MarkTheFoundationRules()
    {
        // The consumer is written to violate MM0001..MM0003; their markers drive the build and fix assertions.
        var marked = ExpectedDiagnostic.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer")).Select(e => e.RuleId).Distinct();
        Assert.Superset(new HashSet<string>(new[] { "MM0001", "MM0002", "MM0003" }), new HashSet<string>(marked));
    }

    private static bool IsLowerBound(string range, string version)
        => range == version || range == "[" + version + "]" || range.StartsWith("[" + version + ",", StringComparison.Ordinal) || range.StartsWith("[" + version + " ,", StringComparison.Ordinal);
}
