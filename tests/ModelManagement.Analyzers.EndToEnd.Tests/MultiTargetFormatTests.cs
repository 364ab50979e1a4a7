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

    [Fact]
    public async Task FormatAnalyzers_MultiTargeted_EveryCopyGetsOneRewrite_AndFrameworksThatDisagreeGetNone()
    {
        // An independent consumer's netstandard2.0;net8.0 libraries: MM0005 threw after the first of two conversions in a
        // file, MM0001 wrote conflict markers where the frameworks typed a moved local apart (`string? region` against
        // `string region`), and rewrote a type lazily for one framework and with a factory for the other.
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-multi-target-linked-copies", sources: new Dictionary<string, string>
        {
            ["Store.cs"] = """
                using System.Threading.Tasks;

                public interface IStore
                {
                    Task<string> LoadAsync(string key);
                }
                """,
            ["Catalog.cs"] = """
                using System.Threading.Tasks;

                public sealed class Catalog
                {
                    private readonly IStore _store;
                    private string? _first;
                    private string? _second;

                    public Catalog(IStore store) => _store = store;

                    public async Task<string> FirstAsync()
                    {
                        if (_first == null) // expect: MM0005
                        {
                            _first = await _store.LoadAsync("first");
                        }

                        return _first;
                    }

                    public async Task<string> SecondAsync()
                    {
                        if (_second == null) // expect: MM0005
                        {
                            _second = await _store.LoadAsync("second");
                        }

                        return _second;
                    }
                }
                """,
            ["EnvClient.cs"] = """
                using System;
                using System.Threading.Tasks;

                internal sealed class EnvClient
                {
                    private readonly string _model;

                    public EnvClient(IStore store)
                    {
                        var region = Environment.GetEnvironmentVariable("REGION");
                        _model = store.LoadAsync(region ?? "eu").Result; // expect: MM0001
                    }

                    public async Task<string> GetAsync()
                    {
                        await Task.Yield();
                        return _model;
                    }
                }
                """,
            ["IfReader.cs"] = """
                using System.Threading.Tasks;

                public sealed class IfReader
                {
                    private readonly string _text;

                    public IfReader(IStore store)
                    {
                        _text = store.LoadAsync("text").Result; // expect: MM0001
                    }

                    public async Task<string> TextAsync()
                    {
                        await Task.Yield();
                        return _text;
                    }

                #if NET8_0_OR_GREATER
                    public int Length => _text.Length;
                #endif
                }
                """,
        }, langVersion: "latest", outputType: "Library", targetFrameworks: "net10.0;netstandard2.0");

        var format = await project.FormatAnalyzersAsync("--diagnostics", "MM0001", "MM0005", "--severity", "warn", "--verbosity", "diagnostic");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());
        Assert.DoesNotContain("Failed to apply code fix", format.ToString(), StringComparison.Ordinal);

        var sources = project.ReadSources();
        foreach (var (name, text) in sources)
        {
            Assert.False(text.Contains("<<<<<<<", StringComparison.Ordinal), name + ":\n" + text);
        }

        Assert.Equal(2, sources["Catalog.cs"].Split("new AsyncLazy<string>(").Length - 1);
        Assert.Contains("new AsyncInitializer(", sources["EnvClient.cs"], StringComparison.Ordinal);
        // `Length` compiles for net10.0 only: the lazy rewrite is refused for both (a reader one skips, a synchronous reader
        // the other compiles); here one framework refuses the factory too, so neither is applied.
        Assert.Contains("_text = store.LoadAsync(\"text\").Result; // expect: MM0001", sources["IfReader.cs"], StringComparison.Ordinal);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
    }
}
