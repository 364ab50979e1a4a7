using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// MM0002 fixes as QA met them from the package: trivia of expression bodies, half-typed code, Fix All keeping each
/// side effect independent, and the no-token catch (filtered, so CA1031 stays quiet).
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    // ---------------------------------------------------------------- trivia of expression bodies

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedMethodWithTrailingComment_KeepsTheComment()
    {
        var source = Service("", members: """
                public async Task FlushAsync() => await [|_history.LogResultAsync("flush")|]; // flush history
            """);
        var fixedSource = Service("", members: """
                public async Task FlushAsync()
                {
                    try
                    {
                        await _history.LogResultAsync("flush"); // flush history
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedMethodWithCommentsEverywhere_KeepsThemAll()
    {
        var source = Service("", members: """
                // Flushes the history.
                public async Task FlushAsync(CancellationToken token) // no retries
                    // the write itself
                    => /* best effort */ await [|_history.LogResultAsync("flush")|] /* done */ ; // flush history

                private int Count => 1;
            """);
        var fixedSource = Service("", members: """
                // Flushes the history.
                public async Task FlushAsync(CancellationToken token) // no retries
                {
                    // the write itself
                    /* best effort */
                    try
                    {
                        await _history.LogResultAsync("flush"); /* done */ // flush history
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                }

                private int Count => 1;
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_ExpressionBodiedLocalFunctionAndLambdaWithComments_KeepThem()
    {
        var source = Service("""
                    Func<Task> write = async () => /* quick */ await [|_history.LogResultAsync(result)|]; // the lambda
                    await write();
                    await FlushAsync();

                    async Task FlushAsync() => await [|_telemetry.FlushAsync()|]; // local flush
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    Func<Task> write = async () =>
                    {
                        /* quick */
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }; // the lambda
                    await write();
                    await FlushAsync();

                    async Task FlushAsync()
                    {
                        try
                        {
                            await _telemetry.FlushAsync(); // local flush
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task UseHelper_ExpressionBodiedMethodWithComments_KeepsThem()
    {
        var source = Service("", members: """
                public async Task FlushAsync() /* a */ => /* b */ await [|_history.LogResultAsync("flush")|] /* c */ ; // flush history
            """);
        var fixedSource = Service("", members: """
                public async Task FlushAsync() /* a */ => /* b */ await SideEffect.TryAsync(() => _history.LogResultAsync("flush")) /* c */ ; // flush history
            """);
        await VerifyFixAsync(source, fixedSource, Helper);
    }

    // ---------------------------------------------------------------- half-typed code

    [Theory]
    [InlineData(Wrap)]
    [InlineData(Helper)]
    public async Task HalfTypedStatement_NoFixIsOffered(string key)
    {
        // As typed: the call's span runs to the next line, where the parser's missing ')' and ';' sit.
        var source = HalfTypedTemplate.Replace("$$", "await [|LogThingAsync({|CS1026:|}{|CS1002:|}\n|]");
        await VerifyFixAsync(source, source, key);
    }

    private const string HalfTypedTemplate = /* lang=c#-test */ """
        using System.Threading.Tasks;

        public sealed class Processor
        {
            public async Task ProcessAsync()
            {
                $$    }

            private static Task LogThingAsync() => Task.CompletedTask;
        }
        """;

    [Theory]
    [InlineData(Wrap)]
    [InlineData(Helper)]
    public async Task SkippedTokensOrMissingBraceAroundTheStatement_NoFixIsOffered(string key)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Processor
            {
                public async Task ProcessAsync(bool flush)
                {
                    if (flush)
                    {
                        await [|LogThingAsync()|]; {|CS1513:)|}
                    }
                }

                private static Task LogThingAsync() => Task.CompletedTask;
            }
            """;
        await VerifyFixAsync(source, source, key);
    }

    [Fact]
    public async Task FixAll_DocumentWithHalfTypedMethod_FixesOnlyTheCompleteMethod()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Processor
            {
                public async Task CompleteAsync()
                {
                    await [|LogThingAsync()|];
                    await [|LogOtherAsync()|];
                }

                public async Task TypingAsync()
                {
                    await [|LogOtherAsync()|];
                    $$    }

                private static Task LogThingAsync() => Task.CompletedTask;

                private static Task LogOtherAsync() => Task.CompletedTask;
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Processor
            {
                public async Task CompleteAsync()
                {
                    try
                    {
                        await LogThingAsync();
                    }
                    catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    try
                    {
                        await LogOtherAsync();
                    }
                    catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                }

                public async Task TypingAsync()
                {
                    await [|LogOtherAsync()|];
                    $$    }

                private static Task LogThingAsync() => Task.CompletedTask;

                private static Task LogOtherAsync() => Task.CompletedTask;
            }
            """;
        const string HalfTyped = "await [|LogThingAsync({|CS1026:|}{|CS1002:|}\n|]";
        var test = new VerifyFix.Test
        {
            TestCode = source.Replace("$$", HalfTyped),
            FixedCode = fixedSource.Replace("$$", HalfTyped),
            CodeActionEquivalenceKey = Wrap,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync(CancellationToken.None);
    }

    // ---------------------------------------------------------------- Fix All keeps each side effect independent

    [Fact]
    public async Task FixAll_ThreeAdjacentSideEffects_GuardsEachIndependently()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
                    await [|_telemetry.FlushAsync()|];
                    await [|_history.Audit_WriteAsync(result)|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    try
                    {
                        await _history.Audit_WriteAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");

        // The same result one diagnostic at a time and by Fix All (no batch-only shape).
        await VerifyFixAsync(source, fixedSource, Wrap, iterations: 3);
    }

    [Fact]
    public async Task FixAll_AdjacentStatementsAroundRegion_KeepTheRegionOutsideEachTry()
    {
        var source = Service("""
                    #region side effects
                    await [|_history.LogResultAsync(result)|];
                    #endregion
                    await [|_telemetry.FlushAsync()|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    #region side effects
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    #endregion
                    try
                    {
                        await _telemetry.FlushAsync();
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap, iterations: 2);
    }

    [Fact]
    public async Task FixAll_NestedReportedAwaits_GuardsTheInnerOne_TheOuterAwaitsWorkInItsArguments()
    {
        // The outer call awaits Task.Run's work in its argument: a try/catch around it would swallow that work's failure
        // as a logging failure (MM0002WrapRefusal.AwaitInsideTheCall), so only the inner side effect is guarded.
        var source = Service("""
                    await [|_history.LogResultAsync(await Task.Run(async () =>
                    {
                        await [|_telemetry.FlushAsync()|];
                        return result;
                    }))|];
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    await {|#0:_history.LogResultAsync(await Task.Run(async () =>
                    {
                        try
                        {
                            await _telemetry.FlushAsync();
                        }
                        catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                        {
                        }
                        return result;
                    }))|};
            """, parameters: "string prompt");
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Wrap,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.ExpectedDiagnostics.Add(VerifyFix.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
        await test.RunAsync(CancellationToken.None);
    }

    // ---------------------------------------------------------------- no token: filtered catch; C# 5; no Patterns

    [Fact]
    public async Task WrapInTryCatch_WithoutToken_CSharp5_CatchesWithoutFilter()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Processor
            {
                public async Task ProcessAsync()
                {
                    await [|LogThingAsync()|];
                }

                private static Task LogThingAsync() { return Task.FromResult(0); }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Processor
            {
                public async Task ProcessAsync()
                {
                    try
                    {
                        await LogThingAsync();
                    }
                    catch (System.Exception ex)
                    {
                        SideEffect.ReportFailure(ex);
                    }
                }

                private static Task LogThingAsync() { return Task.FromResult(0); }
            }
            """;
        await VerifyFixWithoutDomainAsync(source, fixedSource, Wrap, LanguageVersion.CSharp5);
    }

}
