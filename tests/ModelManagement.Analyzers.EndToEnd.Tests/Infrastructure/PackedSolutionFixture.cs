using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Once per test run: copies the repository's sources (no bin/obj) to a temporary folder and runs
/// <c>dotnet pack ModelManagement.Analyzers.sln -c Release -o feed</c> there, the command the README documents.
/// Tests get the packages through <see cref="GetAsync"/>, which prints the pack transcript and fails the test when
/// packing failed. The temporary folder is deleted at the end unless MM_E2E_KEEP_TEMP=1.
/// </summary>
public sealed class PackedSolutionFixture : IAsyncLifetime
{
    public const string AnalyzersPackageId = "ModelManagement.Analyzers";
    public const string PatternsPackageId = "ModelManagement.Patterns";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);

    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "mm-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly SemaphoreSlim _baselineGate = new(1, 1);
    private PackedSolution? _packed;
    private Exception? _failure;
    private ProcessResult? _pack;
    private ConsumerBuild? _baseline;
    private ConsumerProject? _baselineProject;

    public async Task InitializeAsync()
    {
        try
        {
            var source = Path.Combine(_workRoot, "repo");
            var feed = Path.Combine(_workRoot, "feed");
            var packages = Path.Combine(_workRoot, "packages");
            Directory.CreateDirectory(feed);
            Directory.CreateDirectory(packages);
            Repository.CopySourcesTo(source);

            var arguments = new[] { "pack", Repository.SolutionFileName, "-c", "Release", "-o", feed, "-nologo" }.Concat(DotNetCli.NoBuildServers);
            _pack = await DotNetCli.RunAsync(source, arguments, PackTimeout);
            if (!_pack.Succeeded)
            {
                return;
            }

            var feedFiles = Directory.EnumerateFiles(feed).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var nupkgs = Directory.EnumerateFiles(feed, "*.nupkg").Select(NuGetPackage.Open).ToArray();
            var analyzers = nupkgs.Single(p => p.Id == AnalyzersPackageId);
            var patterns = nupkgs.Single(p => p.Id == PatternsPackageId);
            var symbolsPath = Path.Combine(feed, $"{PatternsPackageId}.{patterns.Version}.snupkg");
            var symbols = File.Exists(symbolsPath) ? NuGetPackage.Open(symbolsPath) : null;
            var rules = PackagedRules.Inspect(analyzers);
            _packed = new PackedSolution(_workRoot, feed, packages, _pack, feedFiles!, analyzers, patterns, symbols, rules);
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    public Task DisposeAsync()
    {
        _baselineGate.Dispose();
        if (Environment.GetEnvironmentVariable("MM_E2E_KEEP_TEMP") != "1" && Directory.Exists(_workRoot))
        {
            try
            {
                Directory.Delete(_workRoot, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temporary folder is the OS's to clean.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The packed solution; fails the calling test (with the transcript) when packing or reading the packages failed.</summary>
    internal PackedSolution Get(ITestOutputHelper output)
    {
        output.WriteLine("work folder: " + _workRoot);
        if (_pack is not null)
        {
            output.WriteLine(_pack.Succeeded ? $"pack succeeded in {_pack.Elapsed.TotalSeconds:F0}s" : _pack.ToString());
        }

        if (_failure is not null)
        {
            throw new InvalidOperationException("Packing or reading the packages failed: " + _failure.Message + Environment.NewLine + _pack, _failure);
        }

        return _packed ?? throw new InvalidOperationException("dotnet pack failed:" + Environment.NewLine + _pack);
    }

    /// <summary>
    /// The consumer built once with default settings, shared by the tests that only read it (diagnostics, assets,
    /// the unfixed program's behaviour).
    /// </summary>
    internal async Task<(ConsumerProject Project, ConsumerBuild Build)> GetBaselineAsync(ITestOutputHelper output)
    {
        var packed = Get(output);
        await _baselineGate.WaitAsync();
        try
        {
            if (_baselineProject is null || _baseline is null)
            {
                _baselineProject = ConsumerProject.Create(packed, "baseline");
                _baseline = await _baselineProject.BuildAsync();
            }

            output.WriteLine(_baseline.ToString());
            return (_baselineProject, _baseline);
        }
        finally
        {
            _baselineGate.Release();
        }
    }
}
