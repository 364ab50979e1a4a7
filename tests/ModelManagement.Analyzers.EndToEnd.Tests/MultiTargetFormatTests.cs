using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// Fixes on a multi-targeted project, where each file is compiled once per target framework (linked documents) and every
/// copy must agree on the rewrite.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MultiTargetFormatTests
{
    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public MultiTargetFormatTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task FormatAnalyzers_MM0005_LoadMaybeNullOnOneFramework_IsNotConvertedForAny()
    {
        // An independent consumer check: the netstandard2.0 copy sees `Environment.GetEnvironmentVariable` as oblivious and
        // converted the field to AsyncLazy<string>, which the net8.0 copy refuses (LoadMayReturnNull): a null result was
        // then cached for good on every framework.
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-mm0005-multi-target-nullable", sources: new Dictionary<string, string>
        {
            ["HomeLocator.cs"] = """
                using System;
                using System.Threading.Tasks;

                public sealed class HomeLocator
                {
                    private string? _home;

                    public async Task<string?> GetHomeAsync()
                    {
                        if (_home == null) // expect: MM0005
                        {
                            await Task.Delay(1);
                            _home = Environment.GetEnvironmentVariable("HOME");
                        }

                        return _home;
                    }
                }
                """,
        }, langVersion: "latest", outputType: "Library", targetFrameworks: "net8.0;netstandard2.0");

        var format = await project.FormatAnalyzersAsync("--diagnostics", "MM0005", "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());

        var locator = project.ReadSource("HomeLocator.cs");
        _output.WriteLine(locator);
        Assert.DoesNotContain("AsyncLazy", locator, StringComparison.Ordinal);
        Assert.Contains("// expect: MM0005", locator, StringComparison.Ordinal);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
    }
}
