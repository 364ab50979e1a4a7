using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>MM0002 fixes on the issue #14 shapes: the file's blank lines around the try, and Task.WhenAll tasks.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private static async Task VerifyShapesFixAsync(string source, string fixedSource, string key, params DiagnosticResult[] expected)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
        };
        test.TestState.Sources.Add(("/0/Shapes.cs", ShapesDomain));
        test.FixedState.Sources.Add(("/0/Shapes.cs", ShapesDomain));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static string Spaced(string body) => $$"""
        using System;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;
        using Shapes;

        public sealed class Commands
        {
            private readonly IEventService _events;
            private readonly IRepository _repository;

            public Commands(IEventService events, IRepository repository)
            {
                _events = events;
                _repository = repository;
            }

            public async Task<User> RunAsync(Guid id)
            {
                var user = await _repository.GetAsync(id);
                if (user == null)
                {
                    return null;
                }

                foreach (var c in id.ToString())
                {
                    await _repository.SaveAsync(user);
                }

        {{body}}
                return user;
            }
        }
        """;

    [Fact]
    public async Task WrapInTryCatch_FileWithBlankLinesAfterBlocks_KeepsTheHabit()
    {
        var source = Spaced("""
                    await [|_events.LogUserEventAsync("read")|];
            """);
        var fixedSource = Spaced("""
                    try
                    {
                        await _events.LogUserEventAsync("read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_FixAllOfAdjacentSites_SeparatesThemAsTheFileDoes()
    {
        var source = Spaced("""
                    await [|_events.LogUserEventAsync("read")|];
                    await [|_events.RecordAsync("read")|];
            """);
        var fixedSource = Spaced("""
                    try
                    {
                        await _events.LogUserEventAsync("read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

                    try
                    {
                        await _events.RecordAsync("read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_MultiLineStatement_ItsContinuationLinesMoveInWithIt()
    {
        // An independent consumer check saw the second line of a call left at its old column, level with `await`.
        var source = Spaced("""
                    await [|_events.LogUserEventAsync(
                        "read")|];
            """);
        var fixedSource = Spaced("""
                    try
                    {
                        await _events.LogUserEventAsync(
                            "read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_MultiLineCollectionExpression_MovesInWithItsStatement()
    {
        var source = Spaced("""
                    await [|_events.LogUserEventAsync(string.Join(",", (System.Collections.Generic.List<string>)
                    [
                        "read",
                        "write"
                    ]))|];
            """);
        var fixedSource = Spaced("""
                    try
                    {
                        await _events.LogUserEventAsync(string.Join(",", (System.Collections.Generic.List<string>)
                        [
                            "read",
                            "write"
                        ]));
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_InsideABlockWrittenOnOneLine_PutsItsStatementsOnTheirOwnLines()
    {
        // An independent consumer check saw `async () => { try … return n; });` with the try spread over lines but the
        // lambda's braces left on the first and last line.
        var source = Spaced("""
                    Func<Task<int>> step = async () => { await [|_events.LogUserEventAsync("step")|]; return 1; /* one */ };
                    await step();
            """);
        var fixedSource = Spaced("""
                    Func<Task<int>> step = async () =>
                    {
                        try
                        {
                            await _events.LogUserEventAsync("step");
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }

                        return 1; /* one */
                    };
                    await step();
            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_FileWithoutBlankLinesAfterBlocks_AddsNone()
    {
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;
            using Shapes;

            public sealed class Commands
            {
                public async Task<string> RunAsync(IEventService events, string name)
                {
                    if (name == null)
                    {
                        name = "none";
                    }
                    if (name.Length == 0)
                    {
                        return name;
                    }
            $$
                    return name;
                }
            }
            """;
        var source = Template.Replace("$$", "        await [|events.LogUserEventAsync(name)|];");
        var fixedSource = Template.Replace("$$", """
                    try
                    {
                        await events.LogUserEventAsync(name);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_AGuardMM0003WroteBelow_DoesNotTeachTheHabit()
    {
        // determ (consume9 F6): MM0003's guard (always followed by a blank line) is the member's only block when MM0003 ran
        // first, and it gave the try a blank line in those runs only. A block a fix writes does not count: the file shows no
        // habit, so no blank line — the same as when MM0002 runs first.
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;
            using Shapes;

            public sealed class Commands
            {
                private readonly Action<string> _audit;

                public Commands(Action<string> audit = null) => _audit = audit;

                public async Task<string> RunAsync(IEventService events, string name)
                {
            $$
                    if (_audit is not null)
                    {
                        _audit(name);
                    }

                    return name;
                }
            }
            """;
        var source = Template.Replace("$$", "        await [|events.LogUserEventAsync(name)|];");
        var fixedSource = Template.Replace("$$", """
                    try
                    {
                        await events.LogUserEventAsync(name);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    private const string WhenAllTemplate = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;
        using Shapes;

        public sealed class Commands
        {
            private readonly IEventService _events;
            private readonly IRepository _repository;

            public Commands(IEventService events, IRepository repository)
            {
                _events = events;
                _repository = repository;
            }

            public async Task RunAsync(User user, string name, CancellationToken cancellationToken)
            {
        $$
            }
        }
        """;

    [Fact]
    public async Task DefaultFix_SideEffectAmongWhenAllArguments_UsesTheHelperOnThatTaskOnly()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll([|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user)).ConfigureAwait(false);
            """.TrimEnd());
        var fixedSource = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll(SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken), _repository.SaveAsync(user)).ConfigureAwait(false);
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task DefaultFix_SideEffectAmongWhenAllArguments_InAFileWithoutTheUsing_AddsIt()
    {
        // An independent consumer: in a file whose usings come from global usings elsewhere, the WhenAll task got
        // `ModelManagement.Patterns.SideEffect.TryAsync(…)` and no using, unlike every other MM0002 fix.
        var template = WhenAllTemplate.Replace("using ModelManagement.Patterns;\n", string.Empty);
        var source = template.Replace("$$", """
                    await Task.WhenAll([|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user));
            """.TrimEnd());
        var fixedSource = template.Replace("using Shapes;", "using ModelManagement.Patterns;\nusing Shapes;").Replace("$$", """
                    await Task.WhenAll(SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken), _repository.SaveAsync(user));
            """.TrimEnd());
        Assert.DoesNotContain("ModelManagement.Patterns", source);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task DefaultFix_SideEffectInListOfLambdas_UsesTheHelperInTheLambdaBody()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    var actions = new List<Func<Task>>();
                    actions.Add(() => {|#1:_events.LogUserEventAsync(name)|});
                    actions.Add(() => _repository.SaveAsync(user));
                    await {|#0:Task.WhenAll(actions.Select(a => a()))|};
            """.TrimEnd());
        var fixedSource = WhenAllTemplate.Replace("$$", """
                    var actions = new List<Func<Task>>();
                    actions.Add(() => SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken));
                    actions.Add(() => _repository.SaveAsync(user));
                    await Task.WhenAll(actions.Select(a => a()));
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Wrap, WhenAll(0, 1, "_events.LogUserEventAsync"));
    }

    [Fact]
    public async Task DefaultFix_SideEffectInListBuiltByOwnMethod_UsesTheHelperInTheLambdaBodyThere()
    {
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;
            using Shapes;

            public sealed class Commands
            {
                private readonly IEventService _events;

                public Commands(IEventService events) => _events = events;

                public async Task RunAsync(string name)
                {
                    var actions = CreateLoggingActions(name);
                    await {|#0:Task.WhenAll(actions.Select(action => action()))|};
                }

                private List<Func<Task>> CreateLoggingActions(string text)
                {
                    var actions = new List<Func<Task>>();
                    actions.Add(() => $$);
                    return actions;
                }
            }
            """;
        var source = Template.Replace("$$", "{|#1:_events.LogUserEventAsync(text)|}");
        var fixedSource = Template.Replace("$$", "SideEffect.TryAsync(() => _events.LogUserEventAsync(text))").Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyShapesFixAsync(source, fixedSource, Wrap, WhenAll(0, 1, "_events.LogUserEventAsync"));
    }

    [Fact]
    public async Task UseHelperKey_IsNotOfferedOnAWhenAllTask_ItsDefaultFixIsTheHelperAlready()
    {
        // A task of Task.WhenAll offers one action, the helper, under the rule's default key (no try statement can guard it
        // alone): nothing carries the helper key there, so fixing by that key leaves it.
        var source = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll([|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user));
            """.TrimEnd());
        await VerifyShapesFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task UseHelper_FixAllOverWhenAllAndPlainAwaits_GuardsThePlainAwaits_WhenAllTasksKeepTheirDiagnostic()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    await [|_events.RecordAsync(name)|];
                    await Task.WhenAll(new[] { [|_events.LogUserEventAsync(name)|], [|_events.RecordAsync(name)|] });
            """.TrimEnd());
        var fixedSource = WhenAllTemplate.Replace("$$", """
                    await SideEffect.TryAsync(() => _events.RecordAsync(name), cancellationToken);
                    await Task.WhenAll(new[] { _events.LogUserEventAsync(name), _events.RecordAsync(name) });
            """.TrimEnd());
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = Helper };
        test.TestState.Sources.Add(("/0/Shapes.cs", ShapesDomain));
        test.FixedState.Sources.Add(("/0/Shapes.cs", ShapesDomain));
        test.FixedState.ExpectedDiagnostics.Add(
            VerifyFix.Diagnostic().WithSpan(23, 36, 23, 67).WithSpan(23, 15, 23, 97).WithArguments("_events.LogUserEventAsync"));
        test.FixedState.ExpectedDiagnostics.Add(
            VerifyFix.Diagnostic().WithSpan(23, 69, 23, 94).WithSpan(23, 15, 23, 97).WithArguments("_events.RecordAsync"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DefaultFixAll_OverWhenAllAndPlainAwaits_TryCatchWhereItCan_TheHelperOnWhenAllTasks_WhicheverComesFirst(bool whenAllFirst)
    {
        // `dotnet format` fixes with the first diagnostic's first action: when that was a Task.WhenAll task, its helper
        // action (then under its own key) turned every plain await into the helper too (an independent consumer check).
        const string Plain = "await [|_events.RecordAsync(name)|];";
        const string Tasks = "await Task.WhenAll(new[] { [|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user) });";
        const string PlainFixed = """
                    try
                    {
                        await _events.RecordAsync(name);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """;
        const string TasksFixed = "await Task.WhenAll(new[] { SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken), _repository.SaveAsync(user) });";
        var source = WhenAllTemplate.Replace("$$", whenAllFirst
            ? "        " + Tasks + "\n        " + Plain
            : "        " + Plain + "\n        " + Tasks);
        var fixedSource = WhenAllTemplate.Replace("$$", whenAllFirst
            ? "        " + TasksFixed + "\n" + PlainFixed.TrimEnd()
            : PlainFixed + "\n        " + TasksFixed);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task Wrap_TopLevelStatement_NoBracesAroundTheTry()
    {
        // An independent consumer's Program.cs: the top-level await came out as `{ try … }` with a stray blank line. (No
        // blank line after the try: this file shows no habit of one after a block.)
        var program = """
            using System;
            using System.Threading.Tasks;

            var metrics = new Metrics();
            Console.WriteLine("start");

            // startup metric: an outage must not fail the run
            await {|MM0002:metrics.RecordLatencyAsync("startup")|};
            Console.WriteLine("done");

            sealed class Metrics
            {
                public Task RecordLatencyAsync(string op) => Task.CompletedTask;
            }
            """;
        var fixedProgram = """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            var metrics = new Metrics();
            Console.WriteLine("start");

            // startup metric: an outage must not fail the run
            try
            {
                await metrics.RecordLatencyAsync("startup");
            }
            catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
            {
            }
            Console.WriteLine("done");

            sealed class Metrics
            {
                public Task RecordLatencyAsync(string op) => Task.CompletedTask;
            }
            """;
        var test = new VerifyFix.Test { CodeActionEquivalenceKey = Wrap };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(program);
        test.FixedState.Sources.Add(fixedProgram);
        await test.RunAsync(CancellationToken.None);
    }
}
