using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Shapes that break naive recursion over syntax, symbols or call graphs. A stack overflow cannot be caught: it
/// kills the test host (and in real life the compiler or the IDE), so these tests fail by crashing the run.
/// Each shape also carries the rules' trigger forms, so the analyzers actually walk it.
/// </summary>
public sealed class PathologicalShapeTests
{
    private const int Depth = 300;

    [Fact]
    public async Task CyclicConstructorAndMethodCallGraphs_NoAnalyzerException()
    {
        var source = new StringBuilder(Snippets.Domain).Append("""
            public sealed class Cyclic
            {
                private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();
                public Cyclic(IModelStore store) : this(store, 1) { A(store); }
                public Cyclic(IModelStore store, int n) : this(store, n, "x") { }
                public Cyclic(IModelStore store, int n, string s) : this(store) { B(store); }
                private void A(IModelStore store) { B(store); }
                private void B(IModelStore store) { C(store); A(store); }
                private void C(IModelStore store) { A(store); B(store); C(store); _models = store.LoadModelsAsync().Result; }
            }

            public sealed class LongChain
            {
                public LongChain(IModelStore store) { M0(store); }

            """);

        // A 300-method chain that closes into a cycle, with the blocking call at its far end.
        for (var i = 0; i < Depth; i++)
        {
            source.Append("    private void M").Append(i).Append("(IModelStore store) { M").Append((i + 1) % Depth).Append("(store); }\n");
        }

        source.Append("    private void M").Append(Depth).Append("(IModelStore store) => store.WarmUpAsync().Wait();\n}\n");
        source.Append("""
            public sealed class MutualStatics
            {
                private static readonly int Seed = Ping(3);
                static MutualStatics() { Seed = Pong(Seed); }
                private static int Ping(int n) => n <= 0 ? Task.FromResult(n).Result : Pong(n - 1);
                private static int Pong(int n) => Ping(n - 1);
            }
            """);

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source.ToString()) });

        RobustnessHarness.AssertNoAnalyzerException(run, "cyclic call graphs");
        AssertReportedIfShipped(run, "MM0001");
    }

    [Fact]
    public async Task StructContainingItself_NoAnalyzerException()
    {
        var source = Snippets.Domain + """
            public struct Node
            {
                public Node Next;
                public IModelRegistry? Registry;
                public Node(IModelStore store, IModelRegistry? registry = null)
                {
                    Next = default;
                    Registry = registry;
                    var models = store.LoadModelsAsync().Result;
                }
                public string Name => Registry.DefaultModel;
            }

            public struct Left { public Right Other; public Left(IModelStore store) { Other = default; store.WarmUpAsync().Wait(); } }
            public struct Right { public Left Other; }
            public struct Expanding<T> { public Expanding<Expanding<T>> Inner; public IModelRegistry? Registry; public string Use() => Registry.DefaultModel; }
            public record struct Recorded(Recorded Self, IModelRegistry? Registry = null) { public string Use() => Registry.DefaultModel; }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        Assert.Contains(run.Compilation.GetDiagnostics(), d => d.Id == "CS0523");
        RobustnessHarness.AssertNoAnalyzerException(run, "self-containing structs");
    }

    [Fact]
    public async Task DeeplyNestedLambdas_NoAnalyzerException()
    {
        // A constructor creating 300 nested async lambdas; the innermost blocks, awaits a log call and dereferences an optional dependency.
        var body = new StringBuilder();
        for (var i = 0; i < Depth; i++)
        {
            body.Append("Func<Task> f").Append(i).Append(" = async () => { ");
        }

        body.Append("_ = store.LoadModelsAsync().Result; await history.LogResultAsync(\"deep\"); _registry.Register(new ModelInfo(\"m\", \"1\")); ");
        for (var i = Depth - 1; i >= 0; i--)
        {
            body.Append("}; await f").Append(i).Append("(); ");
        }

        // The outermost "await f0()" must sit in an async context: wrap everything in one more lambda.
        var source = Snippets.Domain + $$"""
            public sealed class Deep
            {
                private readonly IModelRegistry? _registry;
                public Func<Task> Run { get; }
                public Deep(IModelStore store, IHistoricalLogStore history, IModelRegistry? registry = null)
                {
                    _registry = registry;
                    Run = async () => { {{body}} };
                }
            }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        RobustnessHarness.AssertNoAnalyzerException(run, "deeply nested lambdas");

        // MM0003 stops following lambdas beyond a nesting bound (as it must); MM0002 looks at each await on its own.
        AssertReportedIfShipped(run, "MM0002");
    }

    [Fact]
    public async Task DeeplyNestedConditionalsAndStatements_NoAnalyzerException()
    {
        // Right-associative and unparenthesized: nested parentheses make the C# parser's lambda look-ahead exponential.
        var conditional = new StringBuilder();
        for (var i = 0; i < Depth; i++)
        {
            conditional.Append(i % 2 == 0 ? "_registry != null ? " : "flag ? ");
        }

        conditional.Append("_registry.DefaultModel");
        for (var i = 0; i < Depth; i++)
        {
            conditional.Append(" : \"none\"");
        }

        var ifs = new StringBuilder();
        for (var i = 0; i < Depth; i++)
        {
            ifs.Append(i % 3 == 0 ? "if (_registry == null) { return; } else { " : i % 3 == 1 ? "try { if (flag) { " : "while (flag) { ");
        }

        ifs.Append("await _history.LogResultAsync(\"deep\"); _registry.Register(new ModelInfo(\"m\", \"1\")); ");
        for (var i = Depth - 1; i >= 0; i--)
        {
            ifs.Append(i % 3 == 1 ? "} } catch (Exception) { await _history.LogResultAsync(\"catch\"); } " : "} ");
        }

        var conjunction = string.Join(" && ", Enumerable.Range(0, Depth).Select(i => i % 2 == 0 ? "_registry != null" : "_registry.Models.Count > " + i));
        var source = Snippets.Domain + $$"""
            public sealed class Nested
            {
                private readonly IModelRegistry? _registry;
                private readonly IHistoricalLogStore _history;
                public Nested(IHistoricalLogStore history, IModelRegistry? registry = null) { _history = history; _registry = registry; }
                public string Pick(bool flag) => {{conditional}};
                public bool All() => {{conjunction}};
                public async Task RunAsync(bool flag)
                {
                    {{ifs}}
                }
            }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        RobustnessHarness.AssertNoAnalyzerException(run, "deeply nested conditionals");
        AssertReportedIfShipped(run, "MM0002");
    }

    [Fact]
    public async Task TenThousandStatementMethods_NoAnalyzerException()
    {
        const int Statements = 10_000;
        var method = new StringBuilder();
        var constructor = new StringBuilder();
        for (var i = 0; i < Statements; i++)
        {
            switch (i % 10)
            {
                case 0:
                    method.Append("await _history.LogResultAsync(\"step ").Append(i).Append("\");\n");
                    break;
                case 3:
                    method.Append("_registry.Register(new ModelInfo(\"m").Append(i).Append("\", \"1\"));\n");
                    break;
                case 5:
                    method.Append("if (_registry != null) { total += _registry.Models.Count; }\n");
                    break;
                case 7:
                    method.Append("if (total > ").Append(i).Append(") { total -= 1; } else { total += 2; }\n");
                    break;
                default:
                    method.Append("total += ").Append(i).Append(";\n");
                    break;
            }

            if (i < Statements / 5)
            {
                constructor.Append(i % 100 == 0 ? "_count += store.LoadModelsAsync().Result.Count;\n" : "_count += " + i + ";\n");
            }
        }

        // Nullable analysis off for this type: the compiler's own nullable pass dominates on such methods (our rules work either way).
        var source = Snippets.Domain + $$"""
            #nullable disable
            public sealed class Huge
            {
                private readonly IModelRegistry? _registry;
                private readonly IHistoricalLogStore _history;
                private int _count;
                public Huge(IModelStore store, IHistoricalLogStore history, IModelRegistry? registry = null)
                {
                    _history = history;
                    _registry = registry;
                    {{constructor}}
                }
                public async Task<int> RunAsync()
                {
                    var total = 0;
                    {{method}}
                    return total;
                }
            }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        Assert.Empty(run.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
        RobustnessHarness.AssertNoAnalyzerException(run, "10,000-statement methods");
        AssertReportedIfShipped(run, "MM0001", "MM0002", "MM0003");
    }

    [Fact]
    public async Task RecursiveGenericTypes_NoAnalyzerException()
    {
        var source = Snippets.Domain + """
            public class Node<T> where T : Node<T>
            {
                public T? Parent;
                public IModelRegistry? Registry { get; set; }
                public Node(IModelRegistry? registry = null) => Registry = registry;
                public string Root() => Parent is null ? Registry.DefaultModel : Parent.Root();
            }

            public sealed class Tree : Node<Tree>
            {
                public Tree(IModelStore store) : base(null) { var models = store.LoadModelsAsync().Result; }
            }

            public class Expanding<T> : List<Expanding<Expanding<T>>>
            {
                public Expanding(IModelStore store) { store.WarmUpAsync().GetAwaiter().GetResult(); }
            }

            public interface IRecursive<T> where T : IRecursive<T>
            {
                [SideEffect] Task LogAsync(T self);
            }

            public sealed class Recursive : IRecursive<Recursive>
            {
                public Task LogAsync(Recursive self) => Task.CompletedTask;
                public async Task UseAsync() => await LogAsync(this);
            }

            public class Outer<T>
            {
                public class Inner : Outer<Inner>
                {
                    public Inner(IModelStore store) { _ = store.LoadDefaultAsync().Result; }
                }
            }

            public sealed class Wrapper<T> where T : Wrapper<Wrapper<T>>
            {
                private readonly IModelRegistry? _registry;
                public Wrapper(IModelRegistry? registry = null) => _registry = registry;
                public string Name => _registry.DefaultModel;
            }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        RobustnessHarness.AssertNoAnalyzerException(run, "recursive generic types");
        AssertReportedIfShipped(run, "MM0001", "MM0002", "MM0003");
    }

    [Fact]
    public async Task TypesDerivingFromThemselves_NoAnalyzerException()
    {
        var source = Snippets.Domain + """
            public class SelfLogger : SelfLogger
            {
                public Task WriteAsync(string text) => Task.CompletedTask;
            }

            public class PingLogger : PongLogger { }
            public class PongLogger : PingLogger { public Task LogAsync() => Task.CompletedTask; }

            public interface ILoopA : ILoopB { }
            [SideEffect]
            public interface ILoopB : ILoopA { Task AppendAsync(string entry); }

            namespace Custom
            {
                [SideEffect]
                public sealed class SideEffectAttribute : SideEffectAttribute { }
                public sealed class OptionalDependencyAttribute : OptionalDependencyAttribute { }
            }

            public sealed class Cycles : Cycles
            {
                private readonly IModelRegistry? _registry;
                [Custom.OptionalDependency] public IModelRegistry? Other { get; set; }
                public Cycles(IModelStore store, IModelRegistry? registry = null) : base(store)
                {
                    _registry = registry;
                    _ = store.LoadModelsAsync().Result;
                }
                private IModelRegistry? Loop => Loop;
                [Custom.SideEffect]
                public async Task UseAsync(SelfLogger self, PingLogger ping, ILoopA loop)
                {
                    await self.WriteAsync("x");
                    await ping.LogAsync();
                    await ((ILoopB)loop).AppendAsync("y");
                    await UseAsync(self, ping, loop);
                    _registry.Register(new ModelInfo(Other.DefaultModel, Loop.DefaultModel));
                }
            }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        Assert.Contains(run.Compilation.GetDiagnostics(), d => d.Id is "CS0146" or "CS0529");
        RobustnessHarness.AssertNoAnalyzerException(run, "types deriving from themselves");
    }

    [Fact]
    public async Task ErrorTypesAndUnresolvedSymbols_NoAnalyzerException()
    {
        var source = """
            using System.Threading.Tasks;
            public sealed class Broken
            {
                private readonly IMissingRegistry? _registry;
                private readonly MissingLogger _logger;
                public Broken(IMissingRegistry? registry = null, MissingStore store)
                {
                    _registry = registry;
                    _data = store.LoadAsync().Result;
                    Missing.Call().Wait();
                    this(registry);
                }
                public async Task RunAsync()
                {
                    await _logger.LogAsync(Undefined);
                    await _registry.FindAsync(;
                    await LogUnknownAsync().ConfigureAwait(false);
                    await default;
                    await null;
                    var x = _registry?.Value ?? throw;
                    Task.WaitAll(
                }
            """;

        var run = await RobustnessHarness.AnalyzeAsync(new[] { RobustnessHarness.Parse(source) });

        RobustnessHarness.AssertNoAnalyzerException(run, "unresolved symbols and error types");
    }

    private static void AssertReportedIfShipped(AnalysisRun run, params string[] ids)
    {
        var counts = RobustnessHarness.CountByRule(run.Diagnostics);
        foreach (var id in ids.Where(id => RobustnessHarness.RuleIds.Contains(id)))
        {
            Assert.True(counts.ContainsKey(id), $"{id} did not fire on the shape, so the analyzer did not really walk it (found: {string.Join(", ", counts.Keys)})");
        }
    }
}
