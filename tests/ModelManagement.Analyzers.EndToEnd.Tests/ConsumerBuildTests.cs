using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// A fresh consumer project referencing only <c>ModelManagement.Analyzers</c> from the packed feed, built with a SARIF
/// error log: the marked diagnostics appear where the sources say, with the severity .editorconfig gives them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsumerBuildTests
{
    /// <summary>Compiler diagnostics that mean the packed analyzers did not load or crashed.</summary>
    private static readonly string[] AnalyzerLoadFailures = { "CS8032", "CS8033", "CS8034", "CS9057", "AD0001" };

    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConsumerBuildTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    /// <summary>Each marked rule once as error with the next one silenced, so every rule is seen at error, none and default.</summary>
    public static TheoryData<string, string> SeverityRotations()
    {
        var rules = ExpectedDiagnostic.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer"))
            .Select(e => e.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var data = new TheoryData<string, string>();
        for (var i = 0; i < rules.Count; i++)
        {
            data.Add(rules[i], rules[(i + 1) % rules.Count]);
        }

        return data;
    }

    [Fact]
    public async Task DefaultSeverity_ReportsExactlyTheMarkedDiagnostics_AsWarnings()
    {
        var (project, build) = await _fixture.GetBaselineAsync(_output);
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        AssertAnalyzersLoaded(sarif);

        // Only rules the package ships are expected (PackageLayoutTests make sure that is every rule in the sources).
        var expected = project.ExpectedDiagnostics();
        AssertReported(expected, sarif.OurResults);
        Assert.All(sarif.OurResults, r => Assert.Equal("warning", r.Level));
        Assert.All(expected.Select(e => e.RuleId).Distinct(), id => Assert.Contains("warning " + id, build.Process.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackageReference_GivesTheConsumerModelManagementPatternsAsCompileAndRuntimeAsset()
    {
        var (project, build) = await _fixture.GetBaselineAsync(_output);
        Assert.True(build.Process.Succeeded, build.ToString());

        // The consumer sources use ModelManagement.Patterns directly ([SideEffect], AsyncLazy<T>, SideEffect.FailureHandler),
        // so the successful build already needs the compile asset; the assets file shows where it came from.
        var packed = _fixture.Get(_output);
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        var target = assets.RootElement.GetProperty("targets").GetProperty("net10.0");
        var patterns = target.GetProperty($"{PackedSolutionFixture.PatternsPackageId}/{packed.Patterns.Version}");
        Assert.True(patterns.GetProperty("compile").TryGetProperty("lib/net8.0/ModelManagement.Patterns.dll", out _), patterns.ToString());
        Assert.True(patterns.GetProperty("runtime").TryGetProperty("lib/net8.0/ModelManagement.Patterns.dll", out _), patterns.ToString());
        var analyzers = target.GetProperty($"{PackedSolutionFixture.AnalyzersPackageId}/{packed.Analyzers.Version}");
        Assert.False(analyzers.TryGetProperty("compile", out var compile) && compile.EnumerateObject().Any(p => p.Name.EndsWith(".dll", StringComparison.Ordinal)), analyzers.ToString());
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(project.OutputAssembly)!, "ModelManagement.Patterns.dll")));

        // Restored from the run's fresh packages folder, not from a machine-wide cache.
        Assert.True(Directory.Exists(Path.Combine(packed.ConsumerPackagesDirectory, "modelmanagement.analyzers", packed.Analyzers.Version)));
    }

    [Fact]
    public async Task PatternsPackageAlone_BuildsAndRuns_WithoutTheAnalyzers()
    {
        var packed = _fixture.Get(_output);
        var program = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            SideEffect.FailureHandler = failure => Console.WriteLine("SIDE EFFECT FAILED: " + failure.Message);
            var catalogue = new AsyncLazy<string[]>(async () =>
            {
                await Task.Yield();
                return new[] { "storyteller-xl", "storyteller-mini" };
            });

            await SideEffect.TryAsync(() => Task.FromException(new InvalidOperationException("audit trail unavailable")));
            Console.WriteLine("MODELS: " + string.Join(",", await catalogue));
            """;
        var project = ConsumerProject.Create(packed, "patterns-only", package: packed.Patterns, sources: new Dictionary<string, string> { ["Program.cs"] = program });
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        Assert.Empty(build.RequireSarif().OurResults);

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Directory, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
        Assert.Equal(new[] { $"{PackedSolutionFixture.PatternsPackageId}/{packed.Patterns.Version}" }, libraries);

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("SIDE EFFECT FAILED: audit trail unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains("MODELS: storyteller-xl,storyteller-mini", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnfixedProgram_FailsWhenTheHistoryStoreFails()
    {
        var (project, build) = await _fixture.GetBaselineAsync(_output);
        Assert.True(build.Process.Succeeded, build.ToString());

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.False(run.TimedOut, run.ToString());
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("TOKEN LIMIT: 8192", run.Output, StringComparison.Ordinal);
        Assert.Contains("CATALOGUE FETCHES: 2", run.Output, StringComparison.Ordinal); // MM0005: two requests, two loads
        Assert.Contains("history database is unavailable", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SIDE EFFECT FAILED", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NARRATIVE:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SeverityRotations))]
    public async Task EditorConfigSeverity_ErrorFailsTheBuild_AndNoneSilencesTheRule(string errorRule, string silencedRule)
    {
        var packed = _fixture.Get(_output);
        if (!packed.Rules.AnalyzerIds.Contains(errorRule))
        {
            // PackageLayoutTests require every analyzer in the sources to be packed; this rule has none yet.
            _output.WriteLine(errorRule + " has no analyzer yet: nothing to configure.");
            Assert.DoesNotContain(errorRule, Repository.RulesWithAnalyzerSource());
            return;
        }

        var project = ConsumerProject.Create(packed, $"severity-{errorRule}-error-{silencedRule}-none", new[]
        {
            $"dotnet_diagnostic.{errorRule}.severity = error",
            $"dotnet_diagnostic.{silencedRule}.severity = none",
        });
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());

        Assert.False(build.Process.TimedOut, build.ToString());
        Assert.NotEqual(0, build.Process.ExitCode);
        Assert.Contains("error " + errorRule, build.Process.Output, StringComparison.Ordinal);
        var sarif = build.RequireSarif();
        AssertAnalyzersLoaded(sarif);

        var expected = project.ExpectedDiagnostics().Where(e => e.RuleId != silencedRule).ToList();
        AssertReported(expected, sarif.OurResults);
        Assert.All(sarif.OurResults, r => Assert.Equal(r.RuleId == errorRule ? "error" : "warning", r.Level));
        Assert.Contains(sarif.OurResults, r => r.RuleId == errorRule);
        Assert.DoesNotContain(sarif.Results, r => r.RuleId == silencedRule);
    }

    [Fact]
    public async Task RuleOptionInEditorConfig_ReachesThePackedAnalyzer()
    {
        // A documented MM0002 option (README "Configuration"): calls through an excluded type are never side effects.
        const string Rule = "MM0002";
        const string ExcludedReceiver = "_history.";
        var packed = _fixture.Get(_output);
        if (!packed.Rules.AnalyzerIds.Contains(Rule))
        {
            _output.WriteLine(Rule + " has no analyzer yet: no option to read.");
            Assert.DoesNotContain(Rule, Repository.RulesWithAnalyzerSource());
            return;
        }

        var project = ConsumerProject.Create(packed, "option-mm0002-excluded-symbols", new[] { "mm0002.excluded_symbols = Contoso.Storytelling.IHistoryStore" });
        var excluded = project.ExpectedDiagnostics()
            .Where(e => e.RuleId == Rule && project.ReadSource(e.FileName).Split('\n')[e.Line - 1].Contains(ExcludedReceiver, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(excluded);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        AssertAnalyzersLoaded(sarif);
        AssertReported(project.ExpectedDiagnostics().Except(excluded), sarif.OurResults);
    }

    [Fact]
    public async Task CentralizedSymbolsFile_ReachesThePackedAnalyzer()
    {
        // MM0006 reports the consumer's File.AppendAllText call only because Consumer/CentralizedSymbols.txt (an
        // AdditionalFiles item) lists it; the attribute form ([CentralizedBy] on NarrativeArchive) needs no file.
        const string Rule = "MM0006";
        var packed = _fixture.Get(_output);
        if (!packed.Rules.AnalyzerIds.Contains(Rule))
        {
            _output.WriteLine(Rule + " has no analyzer yet: no list to read.");
            Assert.DoesNotContain(Rule, Repository.RulesWithAnalyzerSource());
            return;
        }

        var project = ConsumerProject.Create(packed, "mm0006-without-centralized-symbols");
        File.Delete(Path.Combine(project.Directory, "CentralizedSymbols.txt"));
        var all = project.ExpectedDiagnostics();
        var fileForm = all
            .Where(e => e.RuleId == Rule && project.ReadSource(e.FileName).Split('\n')[e.Line - 1].Contains("File.AppendAllText", StringComparison.Ordinal))
            .ToList();
        Assert.Single(fileForm);
        Assert.Contains(all, e => e.RuleId == Rule && !fileForm.Contains(e));

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        AssertAnalyzersLoaded(sarif);
        AssertReported(all.Except(fileForm), sarif.OurResults);
    }

    [Fact]
    public async Task NewerCompilerShapes_ParamsSpanAndCollectionExpressionWhenAll_AreReported()
    {
        // Also a span view of a task array (`all.AsSpan()`, `(ReadOnlySpan<Task>)all`), which a C# 13 crash hunt found missed.
        // On .NET 9+ `Task.WhenAll(a, b)` binds to `params ReadOnlySpan<Task>`, whose argument the SDK's compiler gives
        // as a collection-expression operation — a kind the Roslyn 4.8 API the analyzers build against does not name,
        // so only a build with the real SDK shows it. A collection expression written out is the same shape.
        const string Program = """
            using System;
            using System.Threading.Tasks;

            public interface IAuditSink { Task AuditAsync(string action); }

            public sealed class Runner(IAuditSink audit)
            {
                public async Task ParamsAsync() => await Task.WhenAll(audit.AuditAsync("params"), Task.CompletedTask); // expect: MM0002

                public async Task CollectionAsync() => await Task.WhenAll([audit.AuditAsync("collection"), Task.Delay(1)]); // expect: MM0002

                public async Task SpreadAsync(Task[] others) => await Task.WhenAll([.. others, Task.CompletedTask]);

                public async Task ArrayAsync() => await Task.WhenAll(new[] { audit.AuditAsync("array"), Task.CompletedTask }); // expect: MM0002

                public async Task SpanViewAsync()
                {
                    Task[] all = [audit.AuditAsync("span"), Task.CompletedTask];
                    await Task.WhenAll(all.AsSpan()); // expect: MM0002
                    await Task.WhenAll((ReadOnlySpan<Task>)all); // expect: MM0002
                }
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine("ok");
            }
            """;
        await BuildReportingExactlyTheMarkersAsync("newer-compiler-shapes", Program, markers: 5);
    }

    [Fact]
    public async Task CSharp14ExtensionBlockMembers_OnAnOptionalDependency_AreNotDereferences()
    {
        // An independent consumer (C# 14): `extension(IRegistry? r) { public bool IsConfigured => r is not null; }` called
        // on an absent optional registry was reported as MM0003 — the compiler gives no CS8602 there, as for an extension
        // method with a nullable `this`. Only a real SDK build shows the extension block (Roslyn 4.8 cannot parse it).
        const string Program = """
            using System;

            public interface IRegistry { string Name { get; } }

            public static class RegistryExtensions
            {
                extension(IRegistry? r)
                {
                    public bool IsConfigured => r is not null;

                    public string Describe() => r?.Name ?? "none";
                }
            }

            public sealed class Catalog
            {
                private readonly IRegistry? _registry;

                public Catalog(IRegistry? registry = null) => _registry = registry;

                public bool Configured() => _registry.IsConfigured;

                public string Description() => _registry.Describe();

                public string Name() => _registry.Name; // expect: MM0003
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine(new Catalog().Configured() + " " + new Catalog().Description());
            }
            """;
        await BuildReportingExactlyTheMarkersAsync("csharp14-extension-blocks", Program, markers: 1);
    }

    [Fact]
    public async Task CSharp14FieldKeyword_RacyLoad_IsNamedAfterItsProperty()
    {
        // A crash hunt on C# 14: the message named the compiler's backing field ('<Name>k__BackingField').
        const string Program = """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<string> LoadAsync(); }

            public sealed class Names(IStore store)
            {
                public string? Name
                {
                    get
                    {
                        _ = Load();
                        return field;

                        async Task Load()
                        {
                            if (field == null) // expect: MM0005
                            {
                                field = await store.LoadAsync();
                            }
                        }
                    }
                }
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine("ok");
            }
            """;
        var sarif = await BuildReportingExactlyTheMarkersAsync("csharp14-field-keyword", Program, markers: 1);
        var result = Assert.Single(sarif.OurResults);
        Assert.Contains("'Name'", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k__BackingField", result.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds a one-file consumer (<c>Program.cs</c>) with the real SDK and checks that it compiles, that the analyzers
    /// loaded and that they report exactly its <paramref name="markers"/> <c>// expect:</c> lines.
    /// </summary>
    private async Task<SarifLog> BuildReportingExactlyTheMarkersAsync(string name, string program, int markers)
    {
        var project = ConsumerProject.Create(_fixture.Get(_output), name, sources: new Dictionary<string, string> { ["Program.cs"] = program });
        var expected = project.ExpectedDiagnostics();
        Assert.Equal(markers, expected.Count);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        AssertAnalyzersLoaded(sarif);
        AssertReported(expected, sarif.OurResults);
        return sarif;
    }

    internal static void AssertAnalyzersLoaded(SarifLog sarif)
        => Assert.DoesNotContain(sarif.Results, r => AnalyzerLoadFailures.Contains(r.RuleId));

    internal static void AssertReported(IEnumerable<ExpectedDiagnostic> expected, IEnumerable<SarifResult> actual)
        => Assert.Equal(
            expected.Select(e => e.ToString()).OrderBy(s => s, StringComparer.Ordinal),
            actual.Select(r => new ExpectedDiagnostic(r.FileName, r.Line, r.RuleId).ToString()).OrderBy(s => s, StringComparer.Ordinal));
}
