using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>Why the helper fix is not offered: one typed reason per helper row of docs/rules/MM0002.md.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    /// <summary>A service whose log store is optional (an optional constructor parameter stored into a field, MM0003's kind).</summary>
    private static string OptionalStoreService(string body) => $$"""
        using System.Threading.Tasks;
        using Domain;
        using ModelManagement.Patterns;

        public sealed class AuditedService
        {
            private readonly IHistoricalLogStore _history;

            public AuditedService(IHistoricalLogStore history = null)
            {
                _history = history;
            }

            public async Task<string> RunAsync(string result)
            {
        {{body}}
                return result;
            }
        }
        """;

    [Fact]
    public async Task HelperRefusal_OptionalDependency_TheAbsentSinksFailureWouldBeSwallowedInsideTheLambda()
    {
        // An independent consumer (IDE): the helper action on `await _auditor.AuditAsync(input);` gave
        // `SideEffect.TryAsync(() => _auditor.AuditAsync(input))`, MM0003 was still reported inside the lambda with no fix,
        // and the absent dependency's NullReferenceException was swallowed as a side-effect failure.
        var site = await AnalyzeSiteAsync(OptionalStoreService("""
                    await _history.LogResultAsync(result);
            """));
        Assert.Equal(MM0002HelperRefusal.OptionalDependency, site.HelperRefusal);
        Assert.False(site.CanUseHelper);
        Assert.True(site.CanWrap);

        var amongWhenAll = await AnalyzeSiteAsync(OptionalStoreService("""
                    await Task.WhenAll(Task.Delay(1), _history.LogResultAsync(result));
            """));
        Assert.Equal(MM0002HelperRefusal.OptionalDependency, amongWhenAll.HelperRefusal);

        var required = await AnalyzeSiteAsync(OptionalStoreService("""
                    await _history.LogResultAsync(result);
            """).Replace("IHistoricalLogStore history = null", "IHistoricalLogStore history"));
        Assert.Equal(MM0002HelperRefusal.None, required.HelperRefusal);
    }

    [Fact]
    public async Task UseHelper_OptionalDependencyReceiver_IsNotOffered_TryCatchIs()
    {
        var source = OptionalStoreService("""
                    await [|_history.LogResultAsync(result)|];
            """);
        await VerifyFixAsync(source, source, Helper);
        await VerifyFixAsync(source, source.Replace("""
                    await [|_history.LogResultAsync(result)|];
            """, """
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """), Wrap);
    }

    [Fact]
    public async Task HelperRefusal_EachReasonIsTyped()
    {
        Assert.Equal(MM0002HelperRefusal.None, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync(result);
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.DeclaresOrAssigns, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync(result is var copy ? copy : "");
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.OptionalSink, (await AnalyzeSiteAsync(Service("""
                    await (_history?.LogResultAsync(result) ?? Task.CompletedTask);
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.WaitAsync, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync(result).WaitAsync(TimeSpan.FromSeconds(1));
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.HandledAround, (await AnalyzeSiteAsync(Service("""
                    try { await _history.LogResultAsync(result); result += "."; }
                    catch (InvalidOperationException) { result = "pending"; }
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.DirectiveInsideTheCall, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync(result
            #if DEBUG
                        + "!"
            #endif
                        );
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.AwaitInsideTheCall, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync("generated " + await Task.FromResult(result));
            """))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.NoHelper, (await AnalyzeSiteAsync(Service("""
                    await _history.LogResultAsync(result);
            """, usings: ""), keepReference: reference => !IsNamed(reference, "ModelManagement.Patterns"))).HelperRefusal);
        Assert.Equal(MM0002HelperRefusal.CannotMoveIntoLambda, (await AnalyzeSiteAsync("""
            using System.Threading.Tasks;
            using Domain;

            public struct Reporter(IHistoricalLogStore history)
            {
                public async Task RunAsync(string s)
                {
                    await history.LogResultAsync(s);
                }
            }
            """)).HelperRefusal);
    }

    [Fact]
    public async Task DefaultFix_ASiteOnlyTheHelperTakes_GetsItUnderTheDefaultKey_PlainAwaitsStillGetTryCatch()
    {
        // A shapes round: the first MM0002 site of a `dotnet format` run was an expression body holding `#if` (try/catch
        // refused, only the helper offered, under its own key), and every plain await of the run got the helper too.
        var source = Service("""
                    await [|_history.LogResultAsync(result)|];
            """, parameters: "string prompt", members: """
                private async Task FinishAsync(string text) =>
            #if DEBUG
                    await Task.CompletedTask;
            #else
                    await [|_history.LogResultAsync(text)|];
            #endif
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt", members: """
                private async Task FinishAsync(string text) =>
            #if DEBUG
                    await Task.CompletedTask;
            #else
                    await SideEffect.TryAsync(() => _history.LogResultAsync(text));
            #endif
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }
}
