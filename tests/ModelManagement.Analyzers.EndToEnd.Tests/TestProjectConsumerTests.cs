using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// A fresh xunit test project referencing <c>ModelManagement.Analyzers</c> from the packed feed (xunit from nuget.org):
/// MM0007 reports its integration test class without a failure-path test in the SARIF log, as a note by default, and
/// .editorconfig severity and options reach the packed analyzer.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TestProjectConsumerTests
{
    private const string Rule = "MM0007";

    private static readonly (string Id, string Version)[] Xunit = { ("xunit", "2.9.3") };

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["ModelCatalogIntegrationTests.cs"] = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Xunit;

            namespace Contoso.Storytelling.Tests;

            public sealed class ModelCatalog
            {
                private readonly Dictionary<string, string> _models = new() { ["narrator"] = "2.1" };

                public Task<string> GetVersionAsync(string name)
                    => _models.TryGetValue(name, out var version) ? Task.FromResult(version) : Task.FromException<string>(new KeyNotFoundException(name));
            }

            public sealed class ModelCatalogIntegrationTests // expect: MM0007
            {
                [Fact]
                public async Task GetVersion_ReturnsTheCatalogVersion() => Assert.Equal("2.1", await new ModelCatalog().GetVersionAsync("narrator"));
            }

            public sealed class ModelCatalogRetryIntegrationTests // expect: MM0007
            {
                [Fact]
                public async Task GetVersion_RetriesOnce() => Assert.Equal("2.1", await new ModelCatalog().GetVersionAsync("narrator"));
            }

            public sealed class ModelCatalogLookupIntegrationTests
            {
                [Fact]
                public async Task GetVersion_UnknownModel() => await Assert.ThrowsAsync<KeyNotFoundException>(() => new ModelCatalog().GetVersionAsync("poet"));
            }
            """,
    };

    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public TestProjectConsumerTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task XunitTestProject_ReportsTheIntegrationTestClassesWithoutAFailurePath_AsNotes()
    {
        var packed = _fixture.Get(_output);
        Assert.Contains(Rule, packed.Rules.AnalyzerIds);
        var project = ConsumerProject.Create(packed, "xunit-integration-tests", sources: Sources, registryPackages: Xunit, outputType: "Library");
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());

        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);
        var expected = project.ExpectedDiagnostics();
        Assert.Equal(2, expected.Count);
        ConsumerBuildTests.AssertReported(expected, sarif.OurResults);
        Assert.All(sarif.OurResults, r => Assert.Equal("note", r.Level));
        Assert.Contains(sarif.OurResults, r => r.Message.Contains("'ModelCatalogIntegrationTests'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditorConfigSeverityAndWords_ReachThePackedAnalyzer()
    {
        var packed = _fixture.Get(_output);
        Assert.Contains(Rule, packed.Rules.AnalyzerIds);
        var project = ConsumerProject.Create(
            packed,
            "xunit-integration-tests-configured",
            new[] { $"dotnet_diagnostic.{Rule}.severity = warning", "mm0007.additional_failure_path_name_words = Retries" },
            sources: Sources,
            registryPackages: Xunit,
            outputType: "Library");
        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());

        Assert.True(build.Process.Succeeded, build.ToString());
        var sarif = build.RequireSarif();
        ConsumerBuildTests.AssertAnalyzersLoaded(sarif);

        // "Retries" now names a failure path, so only the first class is left; it is a warning now.
        var expected = project.ExpectedDiagnostics().Where(e => e.Line == FirstMarkerLine()).ToList();
        Assert.Single(expected);
        ConsumerBuildTests.AssertReported(expected, sarif.OurResults);
        Assert.All(sarif.OurResults, r => Assert.Equal("warning", r.Level));
        Assert.Contains("warning " + Rule, build.Process.Output, StringComparison.Ordinal);
    }

    private static int FirstMarkerLine()
        => Sources["ModelCatalogIntegrationTests.cs"].Split('\n').ToList().FindIndex(line => line.Contains("// expect: " + Rule, StringComparison.Ordinal)) + 1;
}
