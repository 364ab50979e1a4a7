using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading.Tasks;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh consumer: a net10.0 console project in its own folder whose only package is
/// <c>ModelManagement.Analyzers</c> (or, to show it stands alone, <c>ModelManagement.Patterns</c>) from the temporary feed
/// (a test-project consumer adds its test framework from nuget.org). Its nuget.config clears every other source and
/// fallback folder, restores go to the run's fresh packages folder, and guard files stop MSBuild and
/// .editorconfig lookups from reaching anything above the folder. The C# sources come from <c>Consumer/</c>.
/// </summary>
internal sealed class ConsumerProject
{
    public const string AssemblyName = "Contoso.Storytelling";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly PackedSolution _packed;
    private int _builds;

    private ConsumerProject(PackedSolution packed, string directory)
    {
        _packed = packed;
        Directory = directory;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, AssemblyName + ".csproj");

    public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", AssemblyName + ".dll");

    /// <param name="packed">The packed solution and its feed.</param>
    /// <param name="name">A folder name unique in the run.</param>
    /// <param name="editorConfig">Lines for the consumer's <c>[*.cs]</c> .editorconfig section.</param>
    /// <param name="langVersion">The consumer's LangVersion, or null for the SDK default.</param>
    /// <param name="package">The one package the consumer references: the analyzers package by default.</param>
    /// <param name="sources">The consumer's C# files by name; the files of <c>Consumer/</c> by default.</param>
    /// <param name="registryPackages">
    /// Packages restored from the NuGet registry besides the feed's one (a test framework, for rules about test code);
    /// package source mapping keeps <c>ModelManagement.*</c> on the temporary feed.
    /// </param>
    /// <param name="outputType">The consumer's OutputType: <c>Exe</c>, or <c>Library</c> for a test project.</param>
    /// <param name="targetFrameworks">
    /// Several target frameworks (<c>net10.0;net8.0</c>: one linked document per framework in the workspace), net10.0 first;
    /// null for net10.0 alone. The other frameworks' reference packs restore from the registry.
    /// </param>
    public static ConsumerProject Create(
        PackedSolution packed,
        string name,
        IEnumerable<string>? editorConfig = null,
        string? langVersion = null,
        NuGetPackage? package = null,
        IReadOnlyDictionary<string, string>? sources = null,
        IReadOnlyList<(string Id, string Version)>? registryPackages = null,
        string outputType = "Exe",
        string? targetFrameworks = null)
    {
        registryPackages ??= Array.Empty<(string Id, string Version)>();
        package ??= packed.Analyzers;
        var directory = Path.Combine(packed.WorkRoot, "consumers", name);
        if (System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException(directory + " exists: consumer names must be unique in a run");
        }

        System.IO.Directory.CreateDirectory(directory);
        if (sources is null)
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
            {
                if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".txt", StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
                }
            }
        }
        else
        {
            foreach (var (fileName, text) in sources)
            {
                File.WriteAllText(Path.Combine(directory, fileName), text);
            }
        }

        var targetFrameworkProperty = targetFrameworks is null
            ? "<TargetFramework>net10.0</TargetFramework>"
            : $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>";
        var langVersionProperty = langVersion is null ? string.Empty : $"{Environment.NewLine}    <LangVersion>{langVersion}</LangVersion>";
        var registryReferences = string.Concat(registryPackages.Select(p => $"{Environment.NewLine}    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"));
        File.WriteAllText(Path.Combine(directory, AssemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                {targetFrameworkProperty}
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>{langVersionProperty}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package.Id}" Version="{package.Version}" />{registryReferences}
                <AdditionalFiles Include="CentralizedSymbols*.txt" />
              </ItemGroup>
            </Project>
            """);

        // Registry packages come from nuget.org; source mapping keeps ModelManagement.* on the feed whatever nuget.org holds.
        var registrySource = registryPackages.Count == 0 && targetFrameworks is null
            ? "</packageSources>"
            : """
              <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="e2e-feed"><package pattern="ModelManagement.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              """;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{SecurityElement.Escape(packed.FeedDirectory)}" />
              {registrySource}
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packed.ConsumerPackagesDirectory)}" />
              </config>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(directory, ".editorconfig"), string.Join(Environment.NewLine, new[] { "root = true", string.Empty, "[*.cs]" }.Concat(editorConfig ?? Array.Empty<string>())) + Environment.NewLine);

        // Nothing above the consumer's folder may take part in its build.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />" + Environment.NewLine);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />" + Environment.NewLine);
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />" + Environment.NewLine);
        return new ConsumerProject(packed, directory);
    }

    /// <summary>The <c>// expect:</c> markers of the sources as they are now, limited to rules the package ships.</summary>
    public IReadOnlyList<ExpectedDiagnostic> ExpectedDiagnostics()
        => ExpectedDiagnostic.FromDirectory(Directory).Where(e => _packed.Rules.AnalyzerIds.Contains(e.RuleId)).ToList();

    /// <summary>The consumer's C# sources by file name.</summary>
    public IReadOnlyDictionary<string, string> ReadSources()
        => System.IO.Directory.EnumerateFiles(Directory, "*.cs").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    public string ReadSource(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary><c>dotnet build</c> with a SARIF 2.1 error log (restore included).</summary>
    public async Task<ConsumerBuild> BuildAsync()
    {
        var sarif = Path.Combine(Directory, $"build-{++_builds}.sarif");

        // A comma separates properties on the MSBuild command line, so the one inside the ErrorLog value is escaped.
        var arguments = new List<string> { "build", ProjectPath, "-nologo", "-p:ErrorLog=" + sarif + "%2Cversion=2.1" };
        if (File.ReadAllText(ProjectPath).Contains("<TargetFrameworks>", StringComparison.Ordinal))
        {
            // Each framework's compiler writes the one error log: built side by side they interleave it into invalid JSON
            // (seen on a loaded CI machine); one after the other, the last framework's log stands.
            arguments.Add("-m:1");
        }

        arguments.AddRange(DotNetCli.NoBuildServers);
        var result = await RunDotNetAsync(arguments, BuildTimeout);
        return new ConsumerBuild(result, File.Exists(sarif) ? SarifLog.Load(sarif) : null);
    }

    /// <summary><c>dotnet format analyzers</c> on the consumer project with extra arguments.</summary>
    public Task<ProcessResult> FormatAnalyzersAsync(params string[] arguments)
        => RunDotNetAsync(new[] { "format", "analyzers", ProjectPath }.Concat(arguments), BuildTimeout);

    /// <summary>Runs the built program.</summary>
    public Task<ProcessResult> RunProgramAsync()
        => RunDotNetAsync(new[] { OutputAssembly }, RunTimeout);

    private Task<ProcessResult> RunDotNetAsync(IEnumerable<string> arguments, TimeSpan timeout)
        => DotNetCli.RunAsync(Directory, arguments, timeout, new Dictionary<string, string>
        {
            // A fresh packages folder for the run: nothing stale from an earlier pack of the same version.
            ["NUGET_PACKAGES"] = _packed.ConsumerPackagesDirectory,
        });
}
