using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Rules;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>MM0002 fixes: "Guard side effect with try/catch" and "Run side effect through SideEffect helper", Fix All.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private const string Wrap = MM0002SideEffectAwaitNotGuardedCodeFixProvider.WrapInTryCatchKey;
    private const string Helper = MM0002SideEffectAwaitNotGuardedCodeFixProvider.UseSideEffectHelperKey;

    /// <summary>Like <see cref="VerifyFixAsync"/> for a source that declares its own types (the shared domain needs C# 7.1).</summary>
    private static async Task VerifyFixWithoutDomainAsync(string source, string fixedSource, string key, LanguageVersion languageVersion)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
            LanguageVersion = languageVersion,
        };
        await test.RunAsync(CancellationToken.None);
    }

    private static async Task VerifyFixAsync(
        string source,
        string fixedSource,
        string key,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        bool withPatterns = true,
        int? iterations = null)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
            LanguageVersion = languageVersion,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        if (!withPatterns)
        {
            test.TestState.AdditionalReferences.Clear();
        }

        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static string Service(string body, string usings = "using ModelManagement.Patterns;\n", string parameters = "string prompt, CancellationToken cancellationToken", string members = "") => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Domain;
        {{usings}}
        public sealed class NarrativeService
        {
            private readonly IHistoricalLogStore _history;
            private readonly ITelemetry _telemetry;

            public NarrativeService(IHistoricalLogStore history, ITelemetry telemetry)
            {
                _history = history;
                _telemetry = telemetry;
            }

            public async Task<string> GenerateAsync({{parameters}})
            {
                var result = prompt.ToUpperInvariant();
        {{body}}
                return result;
            }
        {{members}}
        }
        """;

    // ---------------------------------------------------------------- fix 1: try/catch

    [Fact]
    public async Task WrapInTryCatch_WithTokenParameter_CSharp12_UsesIsNot()
    {
        var source = Service("""
                    // keep a record of the result
                    await [|_history.LogResultAsync(result)|].ConfigureAwait(false); // best effort
            """);
        var fixedSource = Service("""
                    // keep a record of the result
                    try
                    {
                        await _history.LogResultAsync(result).ConfigureAwait(false); // best effort
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap, LanguageVersion.CSharp12);
    }

    [Fact]
    public async Task WrapInTryCatch_WithTokenParameter_CSharp8_UsesNegatedIs()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result, cancellationToken)|];
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result, cancellationToken);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap, LanguageVersion.CSharp8);
    }

    [Fact]
    public async Task WrapInTryCatch_TokenPassedToTheCall_IsTheOneFiltered()
    {
        var source = Service("""
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await [|_history.LogResultAsync(result, cts.Token)|];
            """);
        var fixedSource = Service("""
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    try
                    {
                        await _history.LogResultAsync(result, cts.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cts.Token.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_WithoutToken_ReportsThroughTheFilter()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_WithoutUsingOfPatterns_AddsTheUsing()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, usings: "");
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_UsingWouldMakeANameAmbiguous_KeepsTheHelperQualified()
    {
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Domain;
            using Local;

            namespace Local
            {
                public sealed class SideEffect { }
            }

            public sealed class Service
            {
                private readonly IHistoricalLogStore _history;
                private readonly SideEffect _marker = new SideEffect();

                public Service(IHistoricalLogStore history) => _history = history;

                public async Task RunAsync()
                {
            $$
                }
            }
            """;
        var source = Template.Replace("$$", "        await [|_history.LogResultAsync(\"done\")|];");
        var fixedSource = Template.Replace("$$", """
                    try
                    {
                        await _history.LogResultAsync("done");
                    }
                    catch (Exception ex) when (ModelManagement.Patterns.SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """.TrimEnd());
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Theory]
    [InlineData("public string SideEffect { get; set; } = \"none\";")]
    [InlineData("private sealed class SideEffect { }")]
    public async Task WrapInTryCatch_AMemberNamedSideEffectInScope_KeepsTheHelperQualifiedWithoutAnUnusedUsing(string member)
    {
        // An independent consumer: a `SideEffect` property of the class kept the name qualified, and the using the fix
        // added stayed unused (IDE0005).
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Domain;

            public sealed class Incident
            {
                private readonly IHistoricalLogStore _history;

                public Incident(IHistoricalLogStore history) => _history = history;

                ##

                public async Task CloseAsync()
                {
            $$
                }
            }
            """;
        var source = Template.Replace("##", member).Replace("$$", "        await [|_history.LogResultAsync(\"closing\")|];");
        var fixedSource = Template.Replace("##", member).Replace("$$", """
                    try
                    {
                        await _history.LogResultAsync("closing");
                    }
                    catch (Exception ex) when (ModelManagement.Patterns.SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """.TrimEnd());
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_NameExIsTaken_PicksAnotherName()
    {
        var source = Service("""
                    var ex = result.Length;
                    await [|_history.LogResultAsync(result)|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    var ex = result.Length;
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex1) when (SideEffect.ReportAndSwallow(ex1))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_EmbeddedStatement_BecomesABracedTryStatement()
    {
        var source = Service("""
                    if (result.Length > 0)
                        await [|_telemetry.FlushAsync()|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    if (result.Length > 0)
                    {
                        try
                        {
                            await _telemetry.FlushAsync();
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_LabeledStatement_TryAfterTheLabelWithoutAnExtraBlock()
    {
        // An independent consumer: `again: { try { … } catch … { } }`; a label takes the try itself. (The statement after it
        // gets a blank line where the file separates blocks with one, like after any try: this file does not.)
        var source = Service("""
                    var attempts = 0;
                again:
                    await [|_telemetry.FlushAsync()|];
                    if (++attempts < 2) goto again;
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    var attempts = 0;
                again:
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    if (++attempts < 2) goto again;
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task OptionalSinkChosenByAConditional_IsWrapped_TheHelperIsNotOffered()
    {
        var source = Service("""
                    await (_telemetry is null ? Task.CompletedTask : [|_telemetry.FlushAsync()|]); // optional sink
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await (_telemetry is null ? Task.CompletedTask : _telemetry.FlushAsync()); // optional sink
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task SideEffectChosenByASwitchExpressionArm_IsWrapped_ASwitchOfTwoCallsIsNot()
    {
        // The s35 shapes round: the `?:` form was reported and wrapped, the same choice written as a switch expression was
        // not reported. A switch choosing between two calls is no optional sink (each arm is judged as what it is).
        var source = Service("""
                    await (prompt switch { "chat" => [|_telemetry.FlushAsync()|], _ => Task.CompletedTask }); // chat only
                    await (prompt switch { "a" => Task.Delay(1), _ => Task.Delay(2) });
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await (prompt switch { "chat" => _telemetry.FlushAsync(), _ => Task.CompletedTask }); // chat only
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    await (prompt switch { "a" => Task.Delay(1), _ => Task.Delay(2) });
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task ChoiceBetweenCallsOfOneSideEffect_IsWrapped_CallsOfTwoMethodsAreNot()
    {
        // A fix-shapes round: `await (ok ? log.LogEventAsync("ok") : log.LogEventAsync("fail"));` was not reported while the
        // same line with `Task.CompletedTask` in one branch was: whichever runs, the await is the side effect's. Two different
        // methods are no single side effect (`Task.Delay` or a flush).
        var source = Service("""
                    await (prompt.Length > 0 ? [|_telemetry.FlushAsync()|] : _telemetry.FlushAsync()); // either way
                    await (prompt switch { "a" => [|_telemetry.FlushAsync()|], "b" => Task.CompletedTask, _ => _telemetry.FlushAsync() });
                    await (prompt.Length > 0 ? _telemetry.FlushAsync() : Task.Delay(1));
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await (prompt.Length > 0 ? _telemetry.FlushAsync() : _telemetry.FlushAsync()); // either way
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    try
                    {
                        await (prompt switch { "a" => _telemetry.FlushAsync(), "b" => Task.CompletedTask, _ => _telemetry.FlushAsync() });
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    await (prompt.Length > 0 ? _telemetry.FlushAsync() : Task.Delay(1));
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task BareConditionalAccessAwaited_IsReportedAndWrapped_TheHelperIsNotOffered()
    {
        // An independent consumer: `await _audit?.LogEventAsync(..)` on a required dependency got no diagnostic at all,
        // while the `?? Task.CompletedTask` form was reported.
        var source = Service("""
                    await _telemetry?[|.FlushAsync()|]; // flush
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await _telemetry?.FlushAsync(); // flush
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task OptionalSinkChosenByAConditionalAmongTheTasksOfWhenAll_TheHelperWrapsTheCall()
    {
        var source = Service("""
                    await Task.WhenAll(Task.Delay(1), _telemetry is null ? Task.CompletedTask : [|_telemetry.FlushAsync()|]);
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    await Task.WhenAll(Task.Delay(1), _telemetry is null ? Task.CompletedTask : SideEffect.TryAsync(() => _telemetry.FlushAsync()));
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap); // a task of WhenAll gets the helper under the first action's key
    }

    [Fact]
    public async Task OptionalSinkAmongTheTasksOfWhenAll_NeitherFixIsOffered()
    {
        // The helper would need the sink inside its lambda, and a try around the WhenAll would swallow the work's failures.
        var source = Service("""
                    await Task.WhenAll(Task.Delay(1), _telemetry?[|.FlushAsync()|] ?? Task.CompletedTask);
            """, parameters: "string prompt");
        await VerifyFixAsync(source, source, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task WrapInTryCatch_OptionalSinkWithCompletedTask_IsWrapped_TheHelperIsNotOffered()
    {
        var source = Service("""
                    await (_telemetry?[|.FlushAsync()|] ?? Task.CompletedTask); // optional sink
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await (_telemetry?.FlushAsync() ?? Task.CompletedTask); // optional sink
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);

        // The helper would need the sink inside its lambda: not offered, so its key changes nothing.
        var helper = new VerifyFix.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = Helper };
        helper.TestState.Sources.Add(("/0/Domain.cs", Domain));
        helper.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        await helper.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WrapInTryCatch_EmbeddedStatementUnderADirective_BracesStayInsideTheRegion()
    {
        var source = Service("""
                    if (result.Length > 0)
            #if DEBUG
                        // flush in debug builds
                        await [|_telemetry.FlushAsync()|];
            #endif
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    if (result.Length > 0)
            #if DEBUG
                    // flush in debug builds
                    {
                        try
                        {
                            await _telemetry.FlushAsync();
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
            #endif
            """, parameters: "string prompt");
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Wrap,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId,
            ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols("DEBUG")));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WrapInTryCatch_EmbeddedStatementOnTheIfLine_GetsBracesOnTheirOwnLines()
    {
        var source = Service("""
                    if (result.Length > 0) await [|_telemetry.FlushAsync()|];
                    foreach (var word in result.Split(' ')) await [|_history.LogResultAsync(word)|]; // each
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    if (result.Length > 0)
                    {
                        try
                        {
                            await _telemetry.FlushAsync();
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
                    foreach (var word in result.Split(' '))
                    {
                        try
                        {
                            await _history.LogResultAsync(word); // each
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_EmbeddedInLoopsAndUsing_GetsBraces_CommentsMoveIn()
    {
        var source = Service("""
                    foreach (var word in result.Split(' '))
                        // one entry per word
                        await [|_history.LogResultAsync(word)|];
                    while (result.Length > 100 && prompt.Length > 0)
                        await [|_history.LogResultAsync(result.Substring(1))|]; // trim
                    using (var gate = new System.IO.MemoryStream())
                        await [|_telemetry.FlushAsync()|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    foreach (var word in result.Split(' '))
                    {
                        // one entry per word
                        try
                        {
                            await _history.LogResultAsync(word);
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
                    while (result.Length > 100 && prompt.Length > 0)
                    {
                        try
                        {
                            await _history.LogResultAsync(result.Substring(1)); // trim
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
                    using (var gate = new System.IO.MemoryStream())
                    {
                        try
                        {
                            await _telemetry.FlushAsync();
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_InCatchBlock_WrapsInsideTheCatch()
    {
        var source = Service("""
                    try
                    {
                        result = result.Trim();
                    }
                    catch (InvalidOperationException failure)
                    {
                        await [|_history.LogResultAsync(failure.Message)|];
                        throw;
                    }
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        result = result.Trim();
                    }
                    catch (InvalidOperationException failure)
                    {
                        try
                        {
                            await _history.LogResultAsync(failure.Message);
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                        throw;
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedLambda_GetsABlockBody()
    {
        var source = Service("""
                    Func<Task> write = async () => await [|_history.LogResultAsync(result)|];
                    await write();
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    Func<Task> write = async () =>
                    {
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    };
                    await write();
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedMethod_GetsABlockBody()
    {
        var source = Service("", members: """
                private async Task FlushAsync(CancellationToken token) => await [|_telemetry.FlushAsync()|];
            """);
        var fixedSource = Service("", members: """
                private async Task FlushAsync(CancellationToken token)
                {
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedMethodBelowARegion_GetsABlockBody_TheRegionStays()
    {
        // An independent consumer: a `#region … #endregion` above the member made the try/catch fix refuse (the directive
        // check looked at the whole member, leading lines included), so `dotnet format` applied the helper fix instead.
        var source = Service("", members: """
                #region Sizes
                private int Size => 0;
                #endregion

                private async Task FlushAsync(CancellationToken token) => await [|_telemetry.FlushAsync()|];
            """);
        var fixedSource = Service("", members: """
                #region Sizes
                private int Size => 0;
                #endregion

                private async Task FlushAsync(CancellationToken token)
                {
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_LambdaTokenParameter_IsPreferredOverTheMethods()
    {
        var source = Service("""
                    Func<CancellationToken, Task> write = async ct => await [|_history.LogResultAsync(result)|];
                    await write(cancellationToken);
            """);
        var fixedSource = Service("""
                    Func<CancellationToken, Task> write = async ct =>
                    {
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            SideEffect.ReportFailure(ex);
                        }
                    };
                    await write(cancellationToken);
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_CSharp5_RethrowsCancellationWithoutFilter()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistory { Task LogResultAsync(string entry); }

            public sealed class Processor
            {
                private readonly IHistory _history;

                public Processor(IHistory history) { _history = history; }

                public async Task ProcessAsync(string entry, CancellationToken cancellationToken)
                {
                    await [|_history.LogResultAsync(entry)|];
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistory { Task LogResultAsync(string entry); }

            public sealed class Processor
            {
                private readonly IHistory _history;

                public Processor(IHistory history) { _history = history; }

                public async Task ProcessAsync(string entry, CancellationToken cancellationToken)
                {
                    try
                    {
                        await _history.LogResultAsync(entry);
                    }
                    catch (Exception ex)
                    {
                        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                        {
                            throw;
                        }

                        SideEffect.ReportFailure(ex);
                    }
                }
            }
            """;
        await VerifyFixWithoutDomainAsync(source, fixedSource, Wrap, LanguageVersion.CSharp5);
    }

    [Fact]
    public async Task WrapInTryCatch_EnclosingCatchOfATypeParameter_IsLetThrough_ACatchThatRethrowsIsNot()
    {
        // A re-verification: `catch (TEx)` was ignored (its FormatException was swallowed as a logging failure), and a
        // catch that only rethrows handles nothing, so what it catches is guarded.
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Domain;
            using ModelManagement.Patterns;

            public sealed class Service
            {
                private readonly IHistoricalLogStore _history;

                public Service(IHistoricalLogStore history) => _history = history;

                public async Task<string> RunAsync<TEx>(string result)
                    where TEx : Exception
                {
                    try
                    {
                        try
                        {
                            result = result.Trim();
            $$
                        }
                        catch (InvalidOperationException)
                        {
                            throw;
                        }
                    }
                    catch (TEx)
                    {
                        return "handled";
                    }

                    return result;
                }
            }
            """;
        var source = Template.Replace("$$", "                await [|_history.LogResultAsync(result)|];");
        var fixedSource = Template.Replace("$$", """
                            try
                            {
                                await _history.LogResultAsync(result);
                            }
                            catch (Exception ex) when (ex is not TEx && SideEffect.ReportAndSwallow(ex))
                            {
                            }
            """.TrimEnd());
        await VerifyFixAsync(source, fixedSource, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task AloneInATryWithNarrowerCatches_TheHelperIsNotOffered()
    {
        // The try/catch fix joins the author's catches; the helper would swallow what they handle.
        var source = Service("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|];
                    }
                    catch (NotSupportedException)
                    {
                    }
            """);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task WrapInTryCatch_CSharp5_NestedInATryCatchingANarrowerType_RethrowsItFirst()
    {
        const string Template = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistory { Task LogResultAsync(string entry); }

            public sealed class Processor
            {
                private readonly IHistory _history;

                public Processor(IHistory history) { _history = history; }

                public async Task<string> ProcessAsync(string entry, CancellationToken cancellationToken)
                {
                    try
                    {
                        entry = entry.Trim();
            $$
                        return entry;
                    }
                    catch (TimeoutException)
                    {
                        return "late";
                    }
                }
            }
            """;
        var source = Template.Replace("$$", "            await [|_history.LogResultAsync(entry)|];");
        var fixedSource = Template.Replace("$$", """
                        try
                        {
                            await _history.LogResultAsync(entry);
                        }
                        catch (Exception ex)
                        {
                            if (ex is TimeoutException)
                            {
                                throw;
                            }

                            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                            {
                                throw;
                            }

                            SideEffect.ReportFailure(ex);
                        }

            """.TrimEnd('\n'));
        await VerifyFixWithoutDomainAsync(source, fixedSource, Wrap, LanguageVersion.CSharp5);
    }

    [Fact]
    public async Task WrapInTryCatch_WithoutPatternsReference_TracesTheFailure()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, usings: "", parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex)
                    {
                        System.Diagnostics.Trace.TraceWarning(ex.ToString());
                    }
            """, usings: "", parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap, withPatterns: false);
    }

    [Fact]
    public async Task WrapInTryCatch_OutVariableInTheCall_IsNotOffered()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Processor
            {
                public async Task ProcessAsync()
                {
                    await [|LogAttemptAsync(out var attempt)|];
                    System.Console.WriteLine(attempt);
                }

                private static Task LogAttemptAsync(out int attempt)
                {
                    attempt = 1;
                    return Task.CompletedTask;
                }
            }
            """;
        await VerifyFixAsync(source, source, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    // ---------------------------------------------------------------- Fix All

    [Fact]
    public async Task FixAll_WrapInTryCatch_GuardsEachStatementOnItsOwn()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result, cancellationToken)|].ConfigureAwait(false);
                    await [|_telemetry.FlushAsync()|].ConfigureAwait(false);
                    result = result.Trim();
                    await [|_telemetry.FlushAsync()|].ConfigureAwait(false);
            """);
        var oneByOne = Service("""
                    try
                    {
                        await _history.LogResultAsync(result, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                    try
                    {
                        await _telemetry.FlushAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                    result = result.Trim();
                    try
                    {
                        await _telemetry.FlushAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        // Fix All means what one fix per diagnostic means: a failing first side effect never skips the second.
        await VerifyFixAsync(source, oneByOne, Wrap, iterations: 3);
    }

    [Fact]
    public async Task FixAll_UseHelper_RewritesEachAwait()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
                    await [|_telemetry.FlushAsync()|].ConfigureAwait(false);
            """);
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.LogResultAsync(result), cancellationToken);
                    await SideEffect.TryAsync(() => _telemetry.FlushAsync(), cancellationToken).ConfigureAwait(false);
            """);
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    // ---------------------------------------------------------------- fix 2: SideEffect helper

    [Fact]
    public async Task UseHelper_WithTokenAndConfigureAwait_KeepsBoth()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|].ConfigureAwait(false); // best effort
            """);
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.LogResultAsync(result), cancellationToken).ConfigureAwait(false); // best effort
            """);
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    [Fact]
    public async Task UseHelper_CommentBeforeConfigureAwait_IsKept()
    {
        // A mutation crash hunt: `LogAsync(…)/* c1 */.ConfigureAwait(false)` lost its comment.
        var source = Service("""
                    await [|_history.LogResultAsync(result)|]/* c1 */.ConfigureAwait(false);
            """);
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.LogResultAsync(result), cancellationToken) /* c1 */.ConfigureAwait(false);
            """);
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    [Fact]
    public async Task UseHelper_WithoutToken_PassesNone()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, usings: "", parameters: "string prompt");
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.LogResultAsync(result));
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    [Fact]
    public async Task UseHelper_ValueTask_ConvertsWithAsTask()
    {
        var source = Service("""
                    await [|_history.TrackAsync(result)|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.TrackAsync(result).AsTask());
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp12, "static () => ")]
    [InlineData(LanguageVersion.CSharp8, "() => ")]
    public async Task UseHelper_NothingCaptured_StaticLambdaOnlyFromCSharp9(LanguageVersion languageVersion, string lambda)
    {
        const string Template = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class AuditLogger
            {
                public static Task WriteAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync()
                {
                    $$;
                }
            }
            """;
        var source = Template.Replace("$$", "await [|AuditLogger.WriteAsync(\"done\")|]");
        var fixedSource = Template.Replace("$$", "await SideEffect.TryAsync(" + lambda + "AuditLogger.WriteAsync(\"done\"))");
        await VerifyFixAsync(source, fixedSource, Helper, languageVersion);
    }

    [Fact]
    public async Task UseHelper_RefParameterOrStructThis_IsNotOffered()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public struct Counter
            {
                private int _count;

                public async Task FlushAsync()
                {
                    await [|LogCountAsync()|];
                }

                private Task LogCountAsync() => Task.FromResult(_count);
            }

            public static class Writer
            {
                public static Task WriteAsync(in int value)
                {
                    return LogValueAsync(value);
                }

                public static async Task WriteAllAsync(int value)
                {
                    await [|LogValueAsync(value)|];
                }

                private static Task LogValueAsync(in int value) => Task.CompletedTask;
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public struct Counter
            {
                private int _count;

                public async Task FlushAsync()
                {
                    await [|LogCountAsync()|];
                }

                private Task LogCountAsync() => Task.FromResult(_count);
            }

            public static class Writer
            {
                public static Task WriteAsync(in int value)
                {
                    return LogValueAsync(value);
                }

                public static async Task WriteAllAsync(int value)
                {
                    await SideEffect.TryAsync(() => LogValueAsync(value));
                }

                private static Task LogValueAsync(in int value) => Task.CompletedTask;
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Helper,
        };

        // The struct's diagnostic stays: markup in the fixed code marks it as expected there.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UseHelper_WithoutPatternsReference_IsNotOffered()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, usings: "");
        await VerifyFixAsync(source, source, Helper, withPatterns: false);
    }

    [Fact]
    public async Task UseHelper_AwaitInsideTheArguments_IsNotOffered()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(await _history.RecordEntryAsync(result) + result)|];
            """);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task WaitAsyncWithATimeout_IsReported_AndWrapKeepsTheTimeout()
    {
        // An independent consumer: a side effect awaited with a timeout (`.WaitAsync(…)`, .NET 6) went unreported; its
        // failure, and the TimeoutException, fail the operation as surely as a plain await's.
        var source = Service("""
                    await [|_history.LogResultAsync(result)|].WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result).WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WaitAsyncWithATimeout_HelperIsNotOffered()
    {
        // SideEffect.TryAsync would need the timeout inside its lambda (or as SideEffectOptions.Timeout): try/catch only.
        var source = Service("""
                    await [|_history.LogResultAsync(result)|].WaitAsync(TimeSpan.FromSeconds(1));
            """);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task WrapInTryCatch_AloneInATryWithNarrowerCatches_JoinsThemInsteadOfNesting()
    {
        // dotnet format on wolverine: `try { await _store.LogRecordsAsync(..); } catch (NotSupportedException) { }` got a
        // second try inside the first, so the author's handler never saw its failure again (counted as a side-effect
        // failure instead). The new catch goes after the narrower ones.
        var source = Service("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|]; // recorded
                    }
                    catch (NotSupportedException)
                    {
                        // the store does not persist: expected
                    }
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result); // recorded
                    }
                    catch (NotSupportedException)
                    {
                        // the store does not persist: expected
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_TryHoldingMoreThanTheSideEffect_StillNests_LettingTheAuthorsExceptionsThrough()
    {
        // The try guards other work too: a new catch there would swallow that work's failures as well. The nested catch
        // lets what the author's catch handles go on to it, as before the fix (an independent consumer's appeals desk
        // answered "pending" when the auditor was unavailable; the first fix swallowed that and answered the decision).
        var source = Service("""
                    try
                    {
                        result = result.Trim();
                        await [|_history.LogResultAsync(result)|];
                    }
                    catch (NotSupportedException)
                    {
                    }
            """);
        var fixedSource = Service("""
                    try
                    {
                        result = result.Trim();
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception ex) when (ex is not NotSupportedException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
                        {
                            SideEffect.ReportFailure(ex);
                        }
                    }
                    catch (NotSupportedException)
                    {
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Theory]
    [InlineData(LanguageVersion.Latest, "ex is not System.IO.IOException && ex is not TimeoutException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)")]
    [InlineData(LanguageVersion.CSharp7_3, "!(ex is System.IO.IOException) && !(ex is TimeoutException) && (!(ex is OperationCanceledException) || !cancellationToken.IsCancellationRequested)")]
    public async Task WrapInTryCatch_NestedInTrysThatCatchNarrowerTypes_LetsEachThroughToItsHandler_AndTheHelperIsNotOffered(LanguageVersion version, string filter)
    {
        // Every enclosing try of the method counts, with or without a filter on the author's catch; a catch of Exception
        // of an outer try handles everything the new catch does not, so it adds nothing.
        var source = Service("""
                    try
                    {
                        try
                        {
                            result = result.Trim();
                            await [|_history.LogResultAsync(result)|];
                        }
                        catch (System.IO.IOException io) when (io.HResult != 0)
                        {
                            result = "io";
                        }
                    }
                    catch (TimeoutException)
                    {
                        result = "late";
                    }
            """);
        var fixedSource = Service($$"""
                    try
                    {
                        try
                        {
                            result = result.Trim();
                            try
                            {
                                await _history.LogResultAsync(result);
                            }
                            catch (Exception ex) when ({{filter}})
                            {
                                SideEffect.ReportFailure(ex);
                            }
                        }
                        catch (System.IO.IOException io) when (io.HResult != 0)
                        {
                            result = "io";
                        }
                    }
                    catch (TimeoutException)
                    {
                        result = "late";
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap, version);
        await VerifyFixAsync(source, source, Helper, version);
    }

    [Fact]
    public async Task ValueTaskAsTaskWithATimeout_IsReported_AndWrapKeepsTheCall()
    {
        // A ValueTask side effect awaited with a timeout needs `.AsTask()` first (ValueTask has no WaitAsync); the await
        // fails with the side effect as surely as a plain one.
        var source = Service("""
                    await [|_history.TrackAsync(result)|].AsTask().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.TrackAsync(result).AsTask().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task ValueTaskAsTask_IsReported_AndTheHelperConvertsItItself()
    {
        var source = Service("""
                    await [|_history.TrackAsync(result)|].AsTask().ConfigureAwait(false);
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    await SideEffect.TryAsync(() => _history.TrackAsync(result).AsTask()).ConfigureAwait(false);
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    [Fact]
    public async Task UseHelper_StructPrimaryConstructorParameter_IsNotOffered_TryCatchIs()
    {
        // A crash hunt: `SideEffect.TryAsync(() => history.LogResultAsync(s))` in a struct with a primary constructor
        // captured `history`, which is `this` state there (CS9111).
        var source = """
            using System.Threading.Tasks;
            using Domain;
            using ModelManagement.Patterns;

            public struct Reporter(IHistoricalLogStore history)
            {
                public async Task RunAsync(string s)
                {
                    await [|history.LogResultAsync(s)|];
                }
            }
            """;
        await VerifyFixAsync(source, source, Helper);
        await VerifyFixAsync(source, source.Replace("""
                    await [|history.LogResultAsync(s)|];
            """, """
                    try
                    {
                        await history.LogResultAsync(s);
                    }
                    catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """), Wrap);
    }
}
