using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0003OptionalDependencyWithoutNullCheckCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>MM0003 fix "Guard with null check": if-guard, <c>?.</c>, merging, language versions, no-fix cases.</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    private const string FixPrologue = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        public sealed class NarrativeGenerator
        {
            private IModelRegistry _registry;

            public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

        """;

    private const string FixEpilogue = """

            private static void Log(string text) => Console.WriteLine(text);
        }

        """;

    private static async Task VerifyFixAsync(
        string members,
        string fixedMembers,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        int? fixAllIterations = null,
        DiagnosticResult[]? expected = null)
    {
        var test = new FixVerify.Test
        {
            TestCode = FixPrologue + members + FixEpilogue + Domain,
            FixedCode = FixPrologue + fixedMembers + FixEpilogue + Domain,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        // Markup in the fixed code marks the uses no fix can guard (ValueFlows) as still reported there.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.ExpectedDiagnostics.AddRange(expected ?? System.Array.Empty<DiagnosticResult>());
        if (fixAllIterations is { } iterations)
        {
            test.NumberOfFixAllIterations = iterations;
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>One MM0003 diagnostic over the uses marked <c>{|#0:…|}</c> … <c>{|#n:…|}</c> (the first is its location).</summary>
    private static DiagnosticResult Uses(int count, string name = "_registry")
    {
        var result = FixVerify.Diagnostic();
        for (var i = 0; i < count; i++)
        {
            result = result.WithLocation(i);
        }

        return result.WithArguments(name);
    }

    [Fact]
    public async Task UseFillingATryBlock_IsGuardedAroundTheTry_UnlessTheTryHasAFinally()
    {
        // An independent consumer ran `dotnet format analyzers` with MM0002 and MM0003: whichever fix ran first decided
        // whether the null check ended up around MM0002's try or inside it. A use that is a try's whole block (nested trys
        // too) is now guarded around the try, the shape MM0003-then-MM0002 gives; a try with a finally, which runs the
        // finally even when the dependency is absent, or one holding other work, keeps the guard inside.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    // register quietly
                    try
                    {
                        await {|#0:_registry|}.RegisterAsync(model);
                        {|#1:_registry|}.Register(model);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log(ex.Message);
                    }

                    try
                    {
                        try
                        {
                            await {|#2:_registry|}.RegisterAsync(model);
                        }
                        catch (InvalidOperationException)
                        {
                        }
                    }
                    catch (Exception)
                    {
                    }

                    try
                    {
                        await {|#3:_registry|}.RegisterAsync(model);
                    }
                    finally
                    {
                        Log("done");
                    }

                    try
                    {
                        Log("before");
                        await {|#4:_registry|}.RegisterAsync(model);
                    }
                    catch (Exception)
                    {
                    }
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    // register quietly
                    if (_registry is not null)
                    {
                        try
                        {
                            await _registry.RegisterAsync(model);
                            _registry.Register(model);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            Log(ex.Message);
                        }
                    }

                    if (_registry is not null)
                    {
                        try
                        {
                            try
                            {
                                await _registry.RegisterAsync(model);
                            }
                            catch (InvalidOperationException)
                            {
                            }
                        }
                        catch (Exception)
                        {
                        }
                    }

                    try
                    {
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync(model);
                        }
                    }
                    finally
                    {
                        Log("done");
                    }

                    try
                    {
                        Log("before");
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync(model);
                        }
                    }
                    catch (Exception)
                    {
                    }
                }
            """,
            expected: new[] { Uses(5) });
    }

    [Fact]
    public async Task EmbeddedStatementOfIfWithElse_BracesTheOuterIf_SoTheElseKeepsItsIf()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string model, bool verbose)
                {
                    if (verbose)
                        await {|#0:_registry|}.RegisterAsync(model);
                    else
                        Log(model);
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string model, bool verbose)
                {
                    if (verbose)
                    {
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync(model);
                        }
                    }
                    else
                        Log(model);
                }
            """,
            expected: new[] { Uses(1) });
    }

    [Fact]
    public async Task AwaitedExpressionBodyOfAnAsyncTask_BecomesABlockAroundTheGuard()
    {
        // An independent consumer: `async Task PingAsync() => await _registry.RegisterAsync("ping");` was ValueFlows (no
        // fix) though nothing flows on; a generic Task's awaited value does flow, and stays without a fix.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PingAsync() => await {|#0:_registry|}.RegisterAsync("ping"); // keep-alive

                public async Task<string> FindAsync(string name) => await {|#1:_registry|}.FindAsync(name);

                public Func<string, Task> Register => async name => await {|#2:_registry|}.RegisterAsync(name);

                public async Task TwiceAsync(string name)
                {
                    async Task Once() => await {|#3:_registry|}.RegisterAsync(name);
                    await Once();
                    await Once();
                }
            """,
            /* lang=c#-test */ """
                public async Task PingAsync()
                {
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync("ping"); // keep-alive
                    }
                }

                public async Task<string> FindAsync(string name) => await {|MM0003:_registry|}.FindAsync(name);

                public Func<string, Task> Register => async name =>
                {
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(name);
                    }
                };

                public async Task TwiceAsync(string name)
                {
                    async Task Once()
                    {
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync(name);
                        }
                    }
                    await Once();
                    await Once();
                }
            """,
            expected: new[] { Uses(1), FixVerify.Diagnostic().WithLocation(1).WithArguments("_registry"), FixVerify.Diagnostic().WithLocation(2).WithArguments("_registry"), FixVerify.Diagnostic().WithLocation(3).WithArguments("_registry") });
    }

    [Fact]
    public async Task LabeledStatements_AreGuardedAfterTheirLabel()
    {
        // An independent consumer: `retry: await _registry.RegisterAsync(..)` and `again: _registry.Register(..)` had a
        // shape the fix handles, yet no fix was offered.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task<int> RegisterAsync(string name)
                {
                    var attempts = 0;
                retry:
                    await {|#0:_registry|}.RegisterAsync(name + attempts);
                    if (++attempts < 2) goto retry;
                again:
                    {|#1:_registry|}.Register(name);
                    if (++attempts < 4) goto again;
                    return attempts;
                }
            """,
            /* lang=c#-test */ """
                public async Task<int> RegisterAsync(string name)
                {
                    var attempts = 0;
                retry:
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(name + attempts);
                    }

                    if (++attempts < 2) goto retry;
                again:
                    _registry?.Register(name);
                    if (++attempts < 4) goto again;
                    return attempts;
                }
            """,
            expected: new[] { FixVerify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("_registry") });
    }

    [Fact]
    public async Task MergedStatements_CommentLineAfterTrailingComments_KeepsItsIndentation()
    {
        // An independent consumer: `// keep this comment` ended up lined up under the trailing comments above it.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task<int> SyncAsync(string a, string b)
                {
                    await {|#0:_registry|}.RegisterAsync(a); // first
                    await {|#1:_registry|}.RegisterAsync(b); // second
                    // keep this comment
                    await {|#2:_registry|}.RegisterAsync(a + b);
                    return 1;
                }
            """,
            /* lang=c#-test */ """
                public async Task<int> SyncAsync(string a, string b)
                {
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(a); // first
                        await _registry.RegisterAsync(b); // second
                        // keep this comment
                        await _registry.RegisterAsync(a + b);
                    }

                    return 1;
                }
            """,
            expected: new[] { Uses(3) });
    }

    [Fact]
    public async Task EmbeddedStatementOfALoop_GetsBraces_CommentMovesIn()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string[] models)
                {
                    foreach (var model in models)
                        // every model, in order
                        await [|_registry|].RegisterAsync(model);
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string[] models)
                {
                    foreach (var model in models)
                    {
                        // every model, in order
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync(model);
                        }
                    }
                }
            """);
    }

    [Fact]
    public async Task AwaitedCallStatement_WrapsInIfGuard()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    await [|_registry|].RegisterAsync(model);
                    Log("published");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(model);
                    }

                    Log("published");
                }
            """);
    }

    [Fact]
    public async Task DiscardedCall_UsesConditionalAccess()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Publish(string model)
                {
                    Log("publishing");
                    [|_registry|].Register(model); // keep me
                }
            """,
            /* lang=c#-test */ """
                public void Publish(string model)
                {
                    Log("publishing");
                    _registry?.Register(model); // keep me
                }
            """);
    }

    [Fact]
    public async Task ConsecutiveStatementsUsingTheDependency_ShareOneGuard()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    // Register with the central registry.
                    {|#0:_registry|}.Register(model);
                    await {|#1:_registry|}.RegisterAsync(model + "-shadow"); // shadow copy
                    Log({|#2:_registry|}.DefaultModel);
                    Log("done");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(string model)
                {
                    // Register with the central registry.
                    if (_registry is not null)
                    {
                        _registry.Register(model);
                        await _registry.RegisterAsync(model + "-shadow"); // shadow copy
                        Log(_registry.DefaultModel);
                    }

                    Log("done");
                }
            """,
            expected: new[] { Uses(3) });
    }

    [Fact]
    public async Task StatementPassingMemberValue_WrapsInIfGuard()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    Log([|_registry|].DefaultModel);
                }
            """,
            /* lang=c#-test */ """
                public void Describe()
                {
                    if (_registry is not null)
                    {
                        Log(_registry.DefaultModel);
                    }
                }
            """);
    }

    [Fact]
    public async Task ForEachOverDependencyMember_WrapsLoop()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    foreach (var model in [|_registry|].Models)
                    {
                        Log(model);
                    }
                }
            """,
            /* lang=c#-test */ """
                public void Describe()
                {
                    if (_registry is not null)
                    {
                        foreach (var model in _registry.Models)
                        {
                            Log(model);
                        }
                    }
                }
            """);
    }

    [Fact]
    public async Task EmbeddedStatementBeforeElse_KeepsElseOnOuterIf()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(bool enabled)
                {
                    if (enabled)
                        await [|_registry|].RegisterAsync("n");
                    else
                        Log("disabled");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(bool enabled)
                {
                    if (enabled)
                    {
                        if (_registry is not null)
                        {
                            await _registry.RegisterAsync("n");
                        }
                    }
                    else
                        Log("disabled");
                }
            """);
    }

    [Fact]
    public async Task LambdaArrowBody_UsesConditionalAccess()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public Action Publisher(string model) => () => [|_registry|].Register(model);
            """,
            /* lang=c#-test */ """
                public Action Publisher(string model) => () => _registry?.Register(model);
            """);
    }

    [Fact]
    public async Task QualifiedReceiver_KeepsThis()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    await [|this._registry|].RegisterAsync("n");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    if (this._registry is not null)
                    {
                        await this._registry.RegisterAsync("n");
                    }
                }
            """);
    }

    [Fact]
    public async Task CSharp73_UsesNotEqualsNull()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    await [|_registry|].RegisterAsync("n");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    if (_registry != null)
                    {
                        await _registry.RegisterAsync("n");
                    }
                }
            """,
            LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task CSharp12_UsesIsNotNull()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    await [|_registry|].RegisterAsync("n");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync()
                {
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync("n");
                    }
                }
            """,
            LanguageVersion.CSharp12);
    }

    [Fact]
    public async Task UserDefinedEqualityBeforeCSharp9_AvoidsTheOperator()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Endpoint
            {
                public Task PingAsync() => Task.CompletedTask;
                public static bool operator ==(Endpoint left, Endpoint right) => true;
                public static bool operator !=(Endpoint left, Endpoint right) => false;
                public override bool Equals(object obj) => true;
                public override int GetHashCode() => 0;
            }

            public sealed class LlmClient
            {
                private readonly Endpoint _endpoint;

                public LlmClient(Endpoint endpoint = null) => _endpoint = endpoint;

                public async Task PingAsync()
                {
                    await [|_endpoint|].PingAsync();
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Endpoint
            {
                public Task PingAsync() => Task.CompletedTask;
                public static bool operator ==(Endpoint left, Endpoint right) => true;
                public static bool operator !=(Endpoint left, Endpoint right) => false;
                public override bool Equals(object obj) => true;
                public override int GetHashCode() => 0;
            }

            public sealed class LlmClient
            {
                private readonly Endpoint _endpoint;

                public LlmClient(Endpoint endpoint = null) => _endpoint = endpoint;

                public async Task PingAsync()
                {
                    if (!(_endpoint is null))
                    {
                        await _endpoint.PingAsync();
                    }
                }
            }
            """;
        var test = new FixVerify.Test { TestCode = source, FixedCode = fixedSource, LanguageVersion = LanguageVersion.CSharp8 };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NullableEnabled_FixClearsCompilerWarningToo()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator(IModelRegistry? registry = null)
            {
                public async Task PublishAsync() => await RunAsync();

                private async Task RunAsync()
                {
                    await {|CS8602:{|MM0003:registry|}|}.RegisterAsync("n");
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator(IModelRegistry? registry = null)
            {
                public async Task PublishAsync() => await RunAsync();

                private async Task RunAsync()
                {
                    if (registry is not null)
                    {
                        await registry.RegisterAsync("n");
                    }
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            NullableContextOptions = NullableContextOptions.Enable,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591"); // test sources carry no XML docs
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixAll_MergesConsecutiveGuardsAndFixesEveryMember()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public async Task PublishAsync(bool verbose)
                {
                    Log(verbose ? {|#0:_registry|}.DefaultModel : "quiet");
                    await {|#1:_registry|}.RegisterAsync("a");
                    Log("done");
                }

                public void Other()
                {
                    [|_registry|].Register("b");
                }
            """,
            /* lang=c#-test */ """
                public async Task PublishAsync(bool verbose)
                {
                    if (_registry is not null)
                    {
                        Log(verbose ? _registry.DefaultModel : "quiet");
                        await _registry.RegisterAsync("a");
                    }

                    Log("done");
                }

                public void Other()
                {
                    _registry?.Register("b");
                }
            """,
            expected: new[] { Uses(2) });
    }

    [Fact]
    public async Task FixAll_DifferentDependenciesGetTheirOwnGuards()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor(IModelRegistry registry = null, IModelRegistry archive = null)
            {
                public async Task ProcessAsync()
                {
                    await [|registry|].RegisterAsync("a");
                    await [|archive|].RegisterAsync("b");
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor(IModelRegistry registry = null, IModelRegistry archive = null)
            {
                public async Task ProcessAsync()
                {
                    if (registry is not null)
                    {
                        await registry.RegisterAsync("a");
                    }

                    if (archive is not null)
                    {
                        await archive.RegisterAsync("b");
                    }
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ValueFromAChainAlreadyNullConditional_GetsTheConditionalAtItsHead_AwaitedOrValueTypeDoesNot()
    {
        // A fix-shapes round's real `AppDbContext`: `var userId = _httpContextAccessor.HttpContext?.User?…;` handles a
        // missing context already; `_httpContextAccessor?.HttpContext?.User?…` has the same type, and an absent accessor
        // becomes that null instead of a NullReferenceException. An awaited chain (a null task throws at the await) keeps
        // no fix, nor does a value that flows on from a chain without `?.`.
        var members = /* lang=c#-test */ """
                public int Describe()
                {
                    var first = {|#0:_registry|}.Models?[0];
                    var length = {|#1:_registry|}.DefaultModel?.Trim().Length;
                    string name = {|#2:_registry|}.DefaultModel?.ToUpperInvariant() ?? "none";
                    return (first?.Length ?? 0) + (length ?? 0) + name.Length;
                }

                public async System.Threading.Tasks.Task<string> FindAsync() => await [|_registry|].FindAsync("a")?.WaitAsync(System.TimeSpan.FromSeconds(1));

                public string Plain() => [|_registry|].DefaultModel;
            """;
        var fixedMembers = /* lang=c#-test */ """
                public int Describe()
                {
                    var first = _registry?.Models?[0];
                    var length = _registry?.DefaultModel?.Trim().Length;
                    string name = _registry?.DefaultModel?.ToUpperInvariant() ?? "none";
                    return (first?.Length ?? 0) + (length ?? 0) + name.Length;
                }

                public async System.Threading.Tasks.Task<string> FindAsync() => await [|_registry|].FindAsync("a")?.WaitAsync(System.TimeSpan.FromSeconds(1));

                public string Plain() => [|_registry|].DefaultModel;
            """;
        await VerifyFixAsync(members, fixedMembers, expected: new[] { Uses(3) });
    }

    [Fact]
    public async Task ChainWithAFallbackAlready_GetsTheConditionalAtItsHead_AFallbackNamingTheDependencyDoesNot()
    {
        // A triage (Statiq's ConsoleLoggerProvider): `_filterOptions = filterOptions.Value ?? new LoggerFilterOptions();`
        // got an `if` around it, which left the field null without the argument and moved the exception to its readers;
        // the `??` says what the author meant. The same chain into a local, reported as flowing on, had no fix at all.
        // A fallback that names the dependency again would throw there: no `?.` for that one.
        var members = /* lang=c#-test */ """
                private string _model;

                public void Choose()
                {
                    _model = [|_registry|].DefaultModel ?? "narrator";
                    Log(_model);
                }

                public int Length()
                {
                    var model = ([|_registry|].DefaultModel) ?? "narrator";
                    return model.Length;
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                private string _model;

                public void Choose()
                {
                    _model = _registry?.DefaultModel ?? "narrator";
                    Log(_model);
                }

                public int Length()
                {
                    var model = (_registry?.DefaultModel) ?? "narrator";
                    return model.Length;
                }
            """;
        await VerifyFixAsync(members, fixedMembers);

        var twice = /* lang=c#-test */ """
                public string Twice()
                {
                    var model = {|#0:_registry|}.DefaultModel ?? {|#1:_registry|}.Models[0];
                    return model.Trim();
                }
            """;
        var test = new FixVerify.Test
        {
            TestCode = FixPrologue + twice + FixEpilogue + Domain,
            FixedCode = FixPrologue + twice + FixEpilogue + Domain,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        test.ExpectedDiagnostics.Add(Uses(2));
        test.FixedState.ExpectedDiagnostics.Add(Uses(2));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UsingResourceNotReadAgain_GetsTheConditionalAtItsHead_AReadVariableAwaitedOrTypedResourceDoesNot()
    {
        // A fix-shapes round: `using var span = tracer.StartSpan("tell");` on an optional tracer had no fix, though `using`
        // accepts null and disposes nothing — `_tracer?.StartSpan(..)` skips only the span. An `if` around a using
        // statement would skip the work inside it. A variable read again, an awaited resource (a null task throws at the
        // await) and an explicit non-nullable type under nullable annotations keep the report without a fix.
        var code = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface ITracer
            {
                IDisposable StartSpan(string name);
                Task<IAsyncDisposable> OpenAsync();
            }

            public sealed class Teller
            {
                private readonly ITracer _tracer;

                public Teller(ITracer tracer = null) => _tracer = tracer;

                public string Tell(string topic)
                {
                    // one span per story
                    using var span = [|_tracer|].StartSpan("tell"); // closed at the end
                    return topic.ToUpperInvariant();
                }

                public string Retell(string topic)
                {
                    using ([|_tracer|].StartSpan("retell"))
                    {
                        return topic.ToLowerInvariant();
                    }
                }

                public string Named(string topic)
                {
                    using (var scope = [|this._tracer|].StartSpan("named"))
                    {
                        return topic + "!";
                    }
                }

                public string ReadAgain(string topic)
                {
                    using var span = [|_tracer|].StartSpan("read");
                    return topic + span.ToString();
                }

                public async Task<string> AwaitedAsync(string topic)
                {
                    await using var session = await [|_tracer|].OpenAsync();
                    return topic;
                }
            }

            #nullable enable
            public sealed class TypedTeller
            {
                private readonly ITracer? _tracer;

                public TypedTeller(ITracer? tracer = null) => _tracer = tracer;

                public string Typed(string topic)
                {
                    using IDisposable span = [|_tracer|].StartSpan("typed");
                    return topic;
                }

                public string Inferred(string topic)
                {
                    using var span = [|_tracer|].StartSpan("inferred");
                    return topic;
                }
            }
            """;
        var fixedCode = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface ITracer
            {
                IDisposable StartSpan(string name);
                Task<IAsyncDisposable> OpenAsync();
            }

            public sealed class Teller
            {
                private readonly ITracer _tracer;

                public Teller(ITracer tracer = null) => _tracer = tracer;

                public string Tell(string topic)
                {
                    // one span per story
                    using var span = _tracer?.StartSpan("tell"); // closed at the end
                    return topic.ToUpperInvariant();
                }

                public string Retell(string topic)
                {
                    using (_tracer?.StartSpan("retell"))
                    {
                        return topic.ToLowerInvariant();
                    }
                }

                public string Named(string topic)
                {
                    using (var scope = this._tracer?.StartSpan("named"))
                    {
                        return topic + "!";
                    }
                }

                public string ReadAgain(string topic)
                {
                    using var span = [|_tracer|].StartSpan("read");
                    return topic + span.ToString();
                }

                public async Task<string> AwaitedAsync(string topic)
                {
                    await using var session = await [|_tracer|].OpenAsync();
                    return topic;
                }
            }

            #nullable enable
            public sealed class TypedTeller
            {
                private readonly ITracer? _tracer;

                public TypedTeller(ITracer? tracer = null) => _tracer = tracer;

                public string Typed(string topic)
                {
                    using IDisposable span = [|_tracer|].StartSpan("typed");
                    return topic;
                }

                public string Inferred(string topic)
                {
                    using var span = _tracer?.StartSpan("inferred");
                    return topic;
                }
            }
            """;
        var test = new FixVerify.Test
        {
            TestCode = code,
            FixedCode = fixedCode,
            CodeActionEquivalenceKey = MM0003OptionalDependencyWithoutNullCheckCodeFixProvider.GuardWithNullCheckKey,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ValueFlowsIntoDeclaration_OffersNoFix()
    {
        var members = /* lang=c#-test */ """
                public string Describe()
                {
                    var model = [|_registry|].DefaultModel;
                    return model.ToUpperInvariant();
                }

                public string Name() => [|_registry|].DefaultModel;

                public bool Ready()
                {
                    if ([|_registry|].Count > 0)
                    {
                        return true;
                    }

                    return false;
                }
            """;
        await VerifyFixAsync(members, members);
    }

    [Fact]
    public async Task AssignmentWhoseValueIsReadLater_OffersNoFix_EvenWhenTheTargetHadAValue()
    {
        // A triage's real build (FASTER's TransientLocking): `stackCtx = new(comparer.GetHashCode64(ref key));` on a ref
        // parameter was guarded; the next statements read `stackCtx`, and with no comparer the method locked the bucket of
        // the caller's stale context instead of failing. The same for a local assigned before, a compound assignment, and
        // a ref argument: what reads the value later would go on with the old one.
        var members = /* lang=c#-test */ """
                public void Locate(ref string context)
                {
                    context = [|_registry|].DefaultModel;
                    System.Console.WriteLine(context.Length);
                }

                public int Hash(string name)
                {
                    var h = name.Length;
                    h = [|_registry|].Count;
                    return h * 31;
                }

                public int Total()
                {
                    var total = 1;
                    total += [|_registry|].Count;
                    return total;
                }
            """;
        await VerifyFixAsync(members, members);
    }

    [Fact]
    public async Task AssignmentNotReadLaterInTheFunction_IsGuarded()
    {
        // A field (read by other members, which see the value it had, as when the dependency is absent) and a local the
        // function does not read again keep their guard.
        var members = /* lang=c#-test */ """
                private string _current;

                public void Refresh()
                {
                    _current = [|_registry|].DefaultModel;
                }

                public void Touch()
                {
                    var seen = 0;
                    seen = [|_registry|].Count;
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                private string _current;

                public void Refresh()
                {
                    if (_registry is not null)
                    {
                        _current = _registry.DefaultModel;
                    }
                }

                public void Touch()
                {
                    var seen = 0;
                    if (_registry is not null)
                    {
                        seen = _registry.Count;
                    }
                }
            """;
        await VerifyFixAsync(members, fixedMembers);
    }

    [Fact]
    public async Task AssignmentThroughTheDependencyInAVoidExpressionBody_IsValueFlows_OffersNoFix_UnlikeItsBlockBody()
    {
        // An independent consumer asked why `=> _registry.Models[0] = name;` gets no fix while `{ … }` does: an
        // assignment cannot take `?.` before C# 14, and a guard needs a statement, which an expression body does not have.
        var members = /* lang=c#-test */ """
                public void Rename(string name) => [|_registry|].Models[0] = name;
            """;
        await VerifyFixAsync(members, members);

        var block = /* lang=c#-test */ """
                public void Rename(string name) { [|_registry|].Models[0] = name; }
            """;
        var fixedBlock = /* lang=c#-test */ """
                public void Rename(string name)
                {
                    if (_registry is not null)
                    {
                        _registry.Models[0] = name;
                    }
                }
            """;
        await VerifyFixAsync(block, fixedBlock);
    }

    [Fact]
    public async Task LocalAssignedInsideAndReadAfter_OffersNoFix()
    {
        var members = /* lang=c#-test */ """
                public string Describe()
                {
                    string model;
                    model = [|_registry|].DefaultModel;
                    return model;
                }
            """;
        await VerifyFixAsync(members, members);
    }

    [Fact]
    public async Task DelegateInvocation_UsesInvoke()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator(Action<string> onGenerated = null)
            {
                public void Generate(string text)
                {
                    [|onGenerated|](text);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator(Action<string> onGenerated = null)
            {
                public void Generate(string text)
                {
                    onGenerated?.Invoke(text);
                }
            }
            """;
        await FixVerify.VerifyCodeFixAsync(source, fixedSource);
    }
}

/// <summary>More fix shapes: expression-bodied members, out variables, C# 6.</summary>
public sealed class MM0003OptionalDependencyWithoutNullCheckFixShapeTests
{
    [Fact]
    public async Task ExpressionBodiedVoidMember_UsesConditionalAccess()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish(string model) => [|registry|].Register(model);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish(string model) => registry?.Register(model);
            }
            """;
        await FixVerify.VerifyCodeFixAsync(source + MM0003OptionalDependencyWithoutNullCheckTests.Domain, fixedSource + MM0003OptionalDependencyWithoutNullCheckTests.Domain);
    }

    [Fact]
    public async Task OutVariableUsedAfterStatement_OffersNoFix()
    {
        var source = /* lang=c#-test */ """
            public interface ICatalog
            {
                bool TryFind(string name, out string version);
            }

            public sealed class LlmClient(ICatalog catalog = null)
            {
                public string Version(string name)
                {
                    [|catalog|].TryFind(name, out var version);
                    return version;
                }
            }
            """;
        await FixVerify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task CSharp6WithUserDefinedEquality_CastsToObject()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Endpoint
            {
                public Task PingAsync() { return Task.FromResult(0); }
                public static bool operator ==(Endpoint left, Endpoint right) { return true; }
                public static bool operator !=(Endpoint left, Endpoint right) { return false; }
                public override bool Equals(object obj) { return true; }
                public override int GetHashCode() { return 0; }
            }

            public sealed class LlmClient
            {
                private readonly Endpoint _endpoint;

                public LlmClient(Endpoint endpoint = null) { _endpoint = endpoint; }

                public async Task PingAsync()
                {
                    await [|_endpoint|].PingAsync();
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Endpoint
            {
                public Task PingAsync() { return Task.FromResult(0); }
                public static bool operator ==(Endpoint left, Endpoint right) { return true; }
                public static bool operator !=(Endpoint left, Endpoint right) { return false; }
                public override bool Equals(object obj) { return true; }
                public override int GetHashCode() { return 0; }
            }

            public sealed class LlmClient
            {
                private readonly Endpoint _endpoint;

                public LlmClient(Endpoint endpoint = null) { _endpoint = endpoint; }

                public async Task PingAsync()
                {
                    if ((object)_endpoint != null)
                    {
                        await _endpoint.PingAsync();
                    }
                }
            }
            """;
        var test = new FixVerify.Test { TestCode = source, FixedCode = fixedSource, LanguageVersion = LanguageVersion.CSharp6 };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GuardInsideSwitchSection_WrapsStatement()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor(IModelRegistry registry = null)
            {
                public async Task ProcessAsync(int kind)
                {
                    switch (kind)
                    {
                        case 1:
                            await [|registry|].RegisterAsync("one");
                            break;
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor(IModelRegistry registry = null)
            {
                public async Task ProcessAsync(int kind)
                {
                    switch (kind)
                    {
                        case 1:
                            if (registry is not null)
                            {
                                await registry.RegisterAsync("one");
                            }

                            break;
                    }
                }
            }
            """;
        await FixVerify.VerifyCodeFixAsync(source + MM0003OptionalDependencyWithoutNullCheckTests.Domain, fixedSource + MM0003OptionalDependencyWithoutNullCheckTests.Domain);
    }
}

/// <summary>Out arguments into existing locals: neither guard keeps them definitely assigned.</summary>
public sealed class MM0003OptionalDependencyWithoutNullCheckOutArgumentTests
{
    [Fact]
    public async Task OutArgumentIntoUnassignedLocal_OffersNoFix()
    {
        var source = /* lang=c#-test */ """
            public interface ICatalog
            {
                bool TryFind(string name, out string version);
            }

            public sealed class LlmClient(ICatalog catalog = null)
            {
                public string Version(string name)
                {
                    string version;
                    [|catalog|].TryFind(name, out version);
                    return version;
                }
            }
            """;
        await FixVerify.VerifyCodeFixAsync(source, source);
    }
}
