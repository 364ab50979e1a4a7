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
    public async Task UseHelper_SideEffectAmongWhenAllArguments_GuardsOnlyThatTask()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll([|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user)).ConfigureAwait(false);
            """.TrimEnd());
        var fixedSource = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll(SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken), _repository.SaveAsync(user)).ConfigureAwait(false);
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Helper);
    }

    [Fact]
    public async Task UseHelper_SideEffectInListOfLambdas_GuardsTheLambdaBody()
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
        await VerifyShapesFixAsync(source, fixedSource, Helper, WhenAll(0, 1, "_events.LogUserEventAsync"));
    }

    [Fact]
    public async Task UseHelper_SideEffectInListBuiltByOwnMethod_GuardsTheLambdaBodyThere()
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
        await VerifyShapesFixAsync(source, fixedSource, Helper, WhenAll(0, 1, "_events.LogUserEventAsync"));
    }

    [Fact]
    public async Task WrapInTryCatch_SideEffectAmongWhenAllTasks_IsNotOffered()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    await Task.WhenAll([|_events.LogUserEventAsync(name)|], _repository.SaveAsync(user));
            """.TrimEnd());
        await VerifyShapesFixAsync(source, source, Wrap);
    }

    [Fact]
    public async Task UseHelper_FixAllOverWhenAllAndPlainAwaits_GuardsEach()
    {
        var source = WhenAllTemplate.Replace("$$", """
                    await [|_events.RecordAsync(name)|];
                    await Task.WhenAll(new[] { [|_events.LogUserEventAsync(name)|], [|_events.RecordAsync(name)|] });
            """.TrimEnd());
        var fixedSource = WhenAllTemplate.Replace("$$", """
                    await SideEffect.TryAsync(() => _events.RecordAsync(name), cancellationToken);
                    await Task.WhenAll(new[] { SideEffect.TryAsync(() => _events.LogUserEventAsync(name), cancellationToken), SideEffect.TryAsync(() => _events.RecordAsync(name), cancellationToken) });
            """.TrimEnd());
        await VerifyShapesFixAsync(source, fixedSource, Helper);
    }
}
