using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>Why the try/catch fix is not offered: one typed reason per row of docs/rules/MM0002.md.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private static async Task<MM0002Site> AnalyzeSiteAsync(string source, Func<MetadataReference, bool>? keepReference = null)
    {
        var (diagnostic, tree, model) = await TestCompilations.SingleDiagnosticAsync(source, Domain, new MM0002SideEffectAwaitNotGuardedAnalyzer(), keepReference);
        var site = MM0002SiteAnalysis.Analyze(await tree.GetRootAsync(), model, diagnostic, CancellationToken.None);
        Assert.NotNull(site);
        return site!;
    }

    [Fact]
    public async Task WrapRefusal_AwaitInsideTheCall_TheOperationInItsArgumentsWouldBeSwallowed()
    {
        // An independent consumer: `await audit.AuditAsync("submitted #" + await orders.SubmitAsync(order));` wrapped whole
        // swallowed the declined payment as an audit failure, and the method reported the order placed.
        var source = Service("""
                    await _history.LogResultAsync("generated " + await Task.FromResult(result));
            """);
        var site = await AnalyzeSiteAsync(source.Replace("[|", "").Replace("|]", ""));
        Assert.Equal(MM0002WrapRefusal.AwaitInsideTheCall, site.WrapRefusal);
        Assert.False(site.CanWrap);
        Assert.False(site.CanUseHelper);
    }

    [Fact]
    public async Task WrapRefusal_TheAwaitOfALazyValueAwaitedBefore_IsNoOperation_TheCallIsStillWrapped_AFirstAwaitIsOne()
    {
        // A consumer round: MM0005's fix awaits the value at the check and turns the author's `_levels.Count` in a side
        // effect's argument into `(await _levels.GetValueAsync(ct)).Count`; counted as an await inside the call, MM0002 was
        // refused after MM0005 and applied before it, so `dotnet format` left an MM0002 error in two runs of three. Loaded
        // by then, the value cannot fail inside the call. A lazy first awaited in the call is an operation like any other:
        // the next round's wrap swallowed its load failure ("levels store down") as a logging failure.
        const string Levels = "private readonly AsyncLazy<string[]> _levels = new AsyncLazy<string[]>(() => Task.FromResult(new string[0]));";
        var awaitedBefore = Service(
            """
                    await _levels.GetValueAsync(cancellationToken).ConfigureAwait(false);
                    if (result.Length > 0)
                    {
                        await _history.LogResultAsync("levels " + (await _levels.GetValueAsync(cancellationToken).ConfigureAwait(false)).Length + " " + (await _levels).Length);
                    }
            """,
            members: Levels);
        Assert.Equal(MM0002WrapRefusal.None, (await AnalyzeSiteAsync(awaitedBefore)).WrapRefusal);

        var firstInTheCall = Service(
            """
                    await _history.LogResultAsync("levels " + (await _levels.GetValueAsync(cancellationToken)).Length);
            """,
            members: Levels);
        Assert.Equal(MM0002WrapRefusal.AwaitInsideTheCall, (await AnalyzeSiteAsync(firstInTheCall)).WrapRefusal);

        var other = Service(
            """
                    await _levels.GetValueAsync(cancellationToken);
                    await _history.LogResultAsync("levels " + (await _levels.GetValueAsync(cancellationToken)).Length + await Task.FromResult(prompt));
            """,
            members: Levels);
        Assert.Equal(MM0002WrapRefusal.AwaitInsideTheCall, (await AnalyzeSiteAsync(other)).WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_AwaitOnlyInsideALambdaArgument_IsStillWrapped()
    {
        var source = Service("""
                    await _history.LogResultAsync(new System.Func<Task<string>>(async () => await Task.FromResult(result)).ToString());
            """);
        var site = await AnalyzeSiteAsync(source);
        Assert.Equal(MM0002WrapRefusal.None, site.WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_TaskOfWhenAll()
    {
        var source = Service("""
                    await Task.WhenAll(_history.LogResultAsync(result), Task.Delay(1));
            """);
        var site = await AnalyzeSiteAsync(source);
        Assert.Equal(MM0002WrapRefusal.TaskOfWhenAll, site.WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_DeclaresAVariable()
    {
        var source = Service("""
                    await _history.LogResultAsync(result is var copy ? copy : "");
            """);
        var site = await AnalyzeSiteAsync(source);
        Assert.Equal(MM0002WrapRefusal.DeclaresOrAssigns, site.WrapRefusal);
    }

    [Fact]
    public async Task AwaitInsideTheCall_NeitherFixIsOffered()
    {
        var source = Service("""
                    await [|_history.LogResultAsync("generated " + await Task.FromResult(result))|];
            """);
        await VerifyFixAsync(source, source, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }

    [Fact]
    public async Task WrapRefusal_NotAStatement_AnAwaitInAForLoopsIncrementor()
    {
        // Reported (the loop runs it as a statement), but a try cannot stand in a for clause.
        var source = Service("""
                    for (var i = 0; i < 3; await _history.LogResultAsync(result)) { i++; }
            """);
        var site = await AnalyzeSiteAsync(source);
        Assert.Equal(MM0002WrapRefusal.NotAStatement, site.WrapRefusal);
        Assert.False(site.CanWrap);
    }

    [Fact]
    public async Task WrapRefusal_NoFailureSink_WithoutPatternsAndTrace()
    {
        // Neither ModelManagement.Patterns nor System.Diagnostics.TraceSource (where Trace lives) is referenced: the catch
        // would have nowhere to count the failure.
        var source = Service("""
                    await _history.LogResultAsync(result);
            """, usings: "");
        var site = await AnalyzeSiteAsync(source, keepReference: reference => !IsNamed(reference, "ModelManagement.Patterns") && !IsNamed(reference, "System.Diagnostics.TraceSource"));
        Assert.Equal(MM0002WrapRefusal.NoFailureSink, site.WrapRefusal);
        Assert.False(site.CanWrap);
        Assert.False(site.CanUseHelper);

        var withTrace = await AnalyzeSiteAsync(source, keepReference: reference => !IsNamed(reference, "ModelManagement.Patterns"));
        Assert.Equal(MM0002WrapRefusal.None, withTrace.WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_DirectiveAcrossStatement_AnIfOpenedInTheStatementClosesAfterIt()
    {
        var source = Service("""
                    await _history.LogResultAsync(result
            #if DEBUG
                        + "!");
                    result += "?";
            #else
                        );
            #endif
            """);
        var site = await AnalyzeSiteAsync(source);
        Assert.Equal(MM0002WrapRefusal.DirectiveAcrossStatement, site.WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_DirectiveAcrossStatement_AnExpressionBodyHoldingADirective()
    {
        var source = Service("", members: """
                private async Task FinishAsync(string text) => await _history.LogResultAsync(text
            #if DEBUG
                    + "!"
            #endif
                    );
            """);
        var (diagnostic, tree, model) = await TestCompilations.SingleDiagnosticAsync(source, Domain, new MM0002SideEffectAwaitNotGuardedAnalyzer());
        var site = MM0002SiteAnalysis.Analyze(await tree.GetRootAsync(), model, diagnostic, CancellationToken.None);
        Assert.NotNull(site);
        Assert.Equal(MM0002WrapRefusal.DirectiveAcrossStatement, site!.WrapRefusal);
    }

    [Fact]
    public async Task WrapRefusal_DirectiveOutsideTheLambdasBody_IsNoReason_OneInsideIs()
    {
        // The try goes into the lambda's body: a `#if` block on the lines before the lambda is not cut.
        var outside = Service("""
                    await new System.Func<Task>(
            #if DEBUG
                        // debug builds log the same way
            #endif
                        async () => await _history.LogResultAsync(result))();
            """);
        Assert.Equal(MM0002WrapRefusal.None, (await AnalyzeSiteAsync(outside)).WrapRefusal);

        var inside = Service("""
                    await new System.Func<Task>(async () => await _history.LogResultAsync(result
            #if DEBUG
                        + "!"
            #endif
                        ))();
            """);
        Assert.Equal(MM0002WrapRefusal.DirectiveAcrossStatement, (await AnalyzeSiteAsync(inside)).WrapRefusal);
    }

    private static bool IsNamed(MetadataReference reference, string assemblyName)
        => reference.Display is { } display
            && System.IO.Path.GetFileNameWithoutExtension(display).Equals(assemblyName, StringComparison.OrdinalIgnoreCase);
}
