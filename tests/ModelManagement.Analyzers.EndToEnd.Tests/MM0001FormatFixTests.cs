using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelManagement.Analyzers.EndToEnd.Tests;

/// <summary>
/// <c>dotnet format analyzers --diagnostics MM0001</c> applies the lazy rewrite to the most common real shape — a
/// constructor blocking on the type's own private async init method — and the fixed program behaves as promised:
/// the constructor returns at once, 100 concurrent first calls load once, and every async member sees the state.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MM0001FormatFixTests
{
    private const string Rules = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Contoso.Moderation;

        public interface IRuleSource { Task<RuleDocument> ReadAsync(); }

        public sealed class RuleDocument
        {
            public RuleDocument(string[] words, int limit) { Words = words; Limit = limit; }
            public string[] Words { get; }
            public int Limit { get; }
        }

        public sealed class ModerationRules
        {
            private readonly IRuleSource _source;
            private HashSet<string> _banned = new();
            private int _limit;

            public ModerationRules(IRuleSource source) { _source = source; LoadAsync().GetAwaiter().GetResult(); } // expect: MM0001

            private async Task LoadAsync()
            {
                var doc = await _source.ReadAsync();
                _banned = doc.Words.ToHashSet();
                _limit = doc.Limit;
            }

            public async Task<bool> AcceptsAsync(string text)
            {
                await Task.Yield();
                return text.Length <= _limit && !_banned.Any(w => text.Contains(w));
            }

            public async Task<int> LimitAsync()
            {
                await Task.Yield();
                return _limit;
            }
        }
        """;

    private const string Program = """
        using System;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Moderation;

        var source = new SlowSource();
        var watch = Stopwatch.StartNew();
        var rules = new ModerationRules(source);
        Console.WriteLine(watch.ElapsedMilliseconds < 250 ? "CONSTRUCTED AT ONCE" : "CONSTRUCTOR BLOCKED " + watch.ElapsedMilliseconds + " ms");
        Console.WriteLine("LOADS AFTER CONSTRUCTION: " + source.Loads);
        var verdicts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => rules.AcceptsAsync(i % 2 == 0 ? "fine" : "spam")));
        Console.WriteLine("LOADS AFTER 100 CONCURRENT CALLS: " + source.Loads);
        Console.WriteLine("ACCEPTED: " + verdicts.Count(v => v));
        Console.WriteLine("LIMIT: " + await rules.LimitAsync());

        internal sealed class SlowSource : IRuleSource
        {
            private int _loads;
            public int Loads => Volatile.Read(ref _loads);

            public async Task<RuleDocument> ReadAsync()
            {
                Interlocked.Increment(ref _loads);
                await Task.Delay(1000);
                return new RuleDocument(new[] { "spam" }, 40);
            }
        }
        """;

    private readonly PackedSolutionFixture _fixture;
    private readonly ITestOutputHelper _output;

    public MM0001FormatFixTests(PackedSolutionFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task FormatAnalyzers_OwnInitMethodGetsLazyRewrite_AndTheFixedProgramLoadsOnceOnFirstUse()
    {
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-mm0001-own-init", sources: new Dictionary<string, string>
        {
            ["ModerationRules.cs"] = Rules,
            ["Program.cs"] = Program,
        });

        var format = await project.FormatAnalyzersAsync("--diagnostics", "MM0001", "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());

        var fixedRules = project.ReadSource("ModerationRules.cs");
        _output.WriteLine(fixedRules);
        Assert.Contains("_initializer = new AsyncInitializer(LoadAsync);", fixedRules, StringComparison.Ordinal);
        Assert.DoesNotContain("GetResult()", fixedRules, StringComparison.Ordinal);
        Assert.DoesNotContain("InitializeAsync", fixedRules, StringComparison.Ordinal);
        Assert.Equal(2, fixedRules.Split("await _initializer.EnsureInitializedAsync()").Length - 1);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        Assert.DoesNotContain(build.RequireSarif().OurResults, r => r.RuleId == "MM0001");

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("CONSTRUCTED AT ONCE", run.Output, StringComparison.Ordinal);
        Assert.Contains("LOADS AFTER CONSTRUCTION: 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("LOADS AFTER 100 CONCURRENT CALLS: 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("ACCEPTED: 50", run.Output, StringComparison.Ordinal);
        Assert.Contains("LIMIT: 40", run.Output, StringComparison.Ordinal);
    }

    private const string Catalog = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Catalog;

        public interface IModelStore { Task<IList<string>> ListAsync(); }

        public sealed class ModelCatalog
        {
            private readonly IList<string> _models;

            public ModelCatalog(IModelStore store)
            {
                _models = store.ListAsync().Result; // expect: MM0001
            }

            public int Count => _models.Count;

            public static async Task<int> CountAsync(IModelStore store, CancellationToken cancellationToken)
            {
                await Task.Yield();
                var catalog = new ModelCatalog(store);
                return catalog.Count;
            }
        }
        """;

    private const string CatalogProgram = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Catalog;

        Console.WriteLine("MODELS: " + await ModelCatalog.CountAsync(new FixedStore(), CancellationToken.None));

        internal sealed class FixedStore : IModelStore
        {
            public async Task<IList<string>> ListAsync()
            {
                await Task.Delay(10);
                return new[] { "small", "large" };
            }
        }
        """;

    [Fact]
    public async Task FormatAnalyzers_MultiTargetedProject_FactoryRewritesTheCreationOnce_AndBothFrameworksBuild()
    {
        // A multi-targeted project holds each file once per framework (linked documents): the creation is found in every
        // copy, and editing the second copy used to fail ("GetCurrentNode returned null"), leaving the type unfixed.
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-mm0001-multi-target", sources: new Dictionary<string, string>
        {
            ["ModelCatalog.cs"] = Catalog,
            ["Program.cs"] = CatalogProgram,
        }, targetFrameworks: "net10.0;net8.0");

        var format = await project.FormatAnalyzersAsync("--diagnostics", "MM0001", "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());
        Assert.DoesNotContain("Failed to apply code fix", format.ToString(), StringComparison.Ordinal);

        var fixedCatalog = project.ReadSource("ModelCatalog.cs");
        _output.WriteLine(fixedCatalog);
        Assert.Contains("public static async Task<ModelCatalog> CreateAsync(IModelStore store", fixedCatalog, StringComparison.Ordinal);
        Assert.Contains("var catalog = await CreateAsync(store, cancellationToken);", fixedCatalog, StringComparison.Ordinal);
        Assert.DoesNotContain(".Result", fixedCatalog, StringComparison.Ordinal);
        Assert.Contains("// expect: MM0001", fixedCatalog, StringComparison.Ordinal); // the comment moves with the statement

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        Assert.Contains("net8.0", build.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(build.RequireSarif().OurResults, r => r.RuleId == "MM0001");

        var run = await project.RunProgramAsync();
        _output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("MODELS: 2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAnalyzers_NetStandardNextToNet8_WaitWithTokenIsNotTurnedIntoWaitAsync_AndBothFrameworksBuild()
    {
        // An independent consumer check: `.Wait(ct)` became `.WaitAsync(ct)` from the net8.0 copy of the file, which the
        // netstandard2.0 copy cannot compile (CS1061); with MM0003 fixed in the same run the copies disagreed and Roslyn wrote
        // merge-conflict markers. Every target framework that compiles the file must have the await's equivalent.
        var packed = _fixture.Get(_output);
        var project = ConsumerProject.Create(packed, "format-mm0001-netstandard-wait", sources: new Dictionary<string, string>
        {
            ["Warm.cs"] = """
                using System.Threading;
                using System.Threading.Tasks;

                public interface IWarmStore
                {
                    Task OpenAsync(CancellationToken cancellationToken);
                    Task<string[]> LoadAsync();
                }

                public sealed class Warm
                {
                    private readonly IWarmStore _store;

                    public Warm(IWarmStore store, CancellationToken cancellationToken)
                    {
                        _store = store;
                        store.OpenAsync(cancellationToken).Wait(cancellationToken); // expect: MM0001
                    }

                    public async Task<int> CountAsync()
                    {
                        var models = await _store.LoadAsync();
                        return models.Length;
                    }
                }
                """,
        }, langVersion: "latest", outputType: "Library", targetFrameworks: "net8.0;netstandard2.0");

        var format = await project.FormatAnalyzersAsync("--diagnostics", "MM0001", "--severity", "warn", "--verbosity", "detailed");
        _output.WriteLine(format.ToString());
        Assert.True(format.Succeeded, format.ToString());

        var warm = project.ReadSource("Warm.cs");
        _output.WriteLine(warm);
        Assert.DoesNotContain("WaitAsync", warm, StringComparison.Ordinal);
        Assert.DoesNotContain("<<<<<<<", warm, StringComparison.Ordinal);
        Assert.Contains("// expect: MM0001", warm, StringComparison.Ordinal);

        var build = await project.BuildAsync();
        _output.WriteLine(build.ToString());
        Assert.True(build.Process.Succeeded, build.ToString());
        Assert.Contains("netstandard2.0", build.ToString(), StringComparison.Ordinal);
    }
}
