using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// A side effect whose arguments increment or add to a variable assigned before it (<c>await TrackChunkAsync(++n)</c>,
/// a streaming loop's counter — a scenario round found it reported with no fix and no reason): the try/catch keeps the
/// variable assigned and the increment before the call; only the helper, whose lambda would move the increment, refuses.
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    [Fact]
    public async Task WrapInTryCatch_IncrementOfAnAssignedLocalInTheArguments_IsWrapped_TheCounterReadAfterIt()
    {
        var source = Service("""
                    var n = 0;
                    foreach (var chunk in prompt.Split(' '))
                    {
                        await [|_history.LogResultAsync(chunk + n++)|]; // one entry per chunk
                    }

                    var total = 0;
                    await [|_history.LogResultAsync("total " + (total += n))|];
                    result += n + total;
            """);
        var fixedSource = Service("""
                    var n = 0;
                    foreach (var chunk in prompt.Split(' '))
                    {
                        try
                        {
                            await _history.LogResultAsync(chunk + n++); // one entry per chunk
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                        {
                            SideEffect.ReportFailure(ex);
                        }
                    }

                    var total = 0;
                    try
                    {
                        await _history.LogResultAsync("total " + (total += n));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }

                    result += n + total;
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapRefusal_AnAssignmentOfAnUnassignedLocal_StillDeclaresOrAssigns_TheHelperRefusesAnIncrement()
    {
        var unassigned = await AnalyzeSiteAsync(Service("""
                    int length;
                    await _history.LogResultAsync("length " + (length = result.Length));
                    result += length;
            """));
        Assert.Equal(MM0002WrapRefusal.DeclaresOrAssigns, unassigned.WrapRefusal);

        var increment = await AnalyzeSiteAsync(Service("""
                    var n = 0;
                    await _history.LogResultAsync(result + ++n);
                    result += n;
            """));
        Assert.Equal(MM0002WrapRefusal.None, increment.WrapRefusal);
        Assert.Equal(MM0002HelperRefusal.DeclaresOrAssigns, increment.HelperRefusal);
    }

    [Fact]
    public async Task BareConditionalAccessAwaitedUnderASuppression_IsWrapped_TheHelperIsNotOffered()
    {
        // A scenario round: `await _telemetry?.TrackGenerationAsync(model)!;` (how nullable code must write it) got no fix,
        // and a run with MM0003 left MM0002 for a second run.
        var source = Service("""
                    await _telemetry?[|.FlushAsync()|]!; // flush
            """, parameters: "string prompt");
        var fixedSource = Service("""
                    try
                    {
                        await _telemetry?.FlushAsync()!; // flush
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
            """, parameters: "string prompt");
        await VerifyFixAsync(source, fixedSource, Wrap);
        await VerifyFixAsync(source, source, Helper);
    }
}
