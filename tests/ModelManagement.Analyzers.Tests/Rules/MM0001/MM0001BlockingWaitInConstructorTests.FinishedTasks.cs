using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// MM0001 and waits that cannot block: on a task the constructor has just seen finish (MassTransit's <c>Response</c>:
/// <c>_r = t.Status == TaskStatus.RanToCompletion ? t.GetAwaiter().GetResult() : default;</c>), and on the synchronous run
/// of a sync/async twin (npgsql's <c>PregeneratedMessages</c>: <c>buf.WriteString(query, len, async: false).Wait()</c>).
/// </summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task WaitOnTheFinishedSideOfACompletionTest_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Response
            {
                private readonly Task<int> _pending;
                private readonly int _first;
                private readonly string _second;
                private readonly int _third;
                private readonly int _fourth;
                private readonly int _fifth;

                public Response(Task<int> first, Task<string> second, Task<int> pending, ValueTask<int> third)
                {
                    _pending = pending;
                    _first = first.Status == TaskStatus.RanToCompletion ? first.GetAwaiter().GetResult() : default;
                    _second = second.Status != TaskStatus.RanToCompletion ? null : second.Result;
                    if (pending.IsCompleted)
                    {
                        pending.Wait();
                    }

                    _third = third.IsCompletedSuccessfully ? third.Result : 0;
                    _fourth = _pending.IsFaulted || _pending.IsCanceled ? 0 : (_pending.IsCompleted && _pending.ConfigureAwait(false).GetAwaiter().GetResult() > 0 ? 1 : 0);
                    if (!first.IsCompleted)
                    {
                        throw new InvalidOperationException("not finished");
                    }

                    _fifth = first.Result;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WaitOnTheFinishedSideOfAPatternTest_DoesNotReport_TheUnfinishedSideDoes()
    {
        // An independent consumer: `pending is { IsCompletedSuccessfully: true } ? pending.Result : "x"` was reported.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Response(Task<string>? pending, Task<int> count)
            {
                private readonly string _a = pending is { IsCompletedSuccessfully: true } ? pending.Result : "x";
                private readonly int _b = count is { Status: TaskStatus.RanToCompletion, IsFaulted: false } ? count.Result : 0;
                private readonly int _c = count is not { IsCompleted: true } ? 0 : count.Result;
                private readonly int _d = count is { IsCompleted: true } and not null ? count.Result : 0;
                private readonly int _e = count is { IsCompleted: false } ? {|#0:count.Result|} : 0;
                private readonly int _f = count is { IsCompleted: true } ? 0 : {|#1:count.Result|};
                private readonly int _g = count is { IsCompleted: true } or { IsFaulted: false } ? {|#2:count.Result|} : 0;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Response", "count"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Response", "count"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Response", "count"));
    }

    [Fact]
    public async Task WaitOutsideTheTest_OnAnotherTask_OrInALambda_StillReports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Response
            {
                private readonly int _first;
                private readonly int _second;
                private readonly int _third;
                private readonly Func<int> _later;

                public Response(Task<int> first, Task<int> second)
                {
                    _first = first.IsCompleted ? 0 : {|#0:first.Result|};
                    _second = first.IsCompleted ? {|#1:second.Result|} : 0;
                    _third = first.Status == TaskStatus.Running ? {|#2:first.Result|} : 0;
                    if (first.IsCompleted)
                    {
                        _later = () => first.Result;
                    }

                    if (first.IsCompleted || second.IsCompleted)
                    {
                        {|#3:second.Wait()|};
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Response", "first"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Response", "second"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Response", "first"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Response", "second"));
    }

    [Fact]
    public async Task WaitOnTheSynchronousRunOfASyncAsyncTwin_DoesNotReport_ButTheAsyncRunDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class Pregenerated
            {
                internal static readonly byte[] Data;
                internal static readonly byte[] Other;

                static Pregenerated()
                {
                    Data = Generate();
                    Write(isAsync: false, 3).GetAwaiter().GetResult();
                    Other = {|#0:Generate2()|};
                }

                private static byte[] Generate()
                {
                    Write(async: false, 1).Wait();
                    return new byte[1];
                }

                private static byte[] Generate2()
                {
                    Write(async: true, 2).Wait();
                    return new byte[2];
                }

                private static Task Write(bool async, int length) => async ? Task.Delay(length) : Task.CompletedTask;

                private static Task Write(bool isAsync, long length) => isAsync ? Task.Delay(1) : Task.CompletedTask;
            }

            public sealed class Reader
            {
                public Reader(bool runAsynchronously)
                {
                    {|#1:Pregenerated2.Fill(runAsynchronously).Wait()|};
                }
            }

            public static class Pregenerated2
            {
                public static Task Fill(bool async) => async ? Task.Delay(1) : Task.CompletedTask;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Pregenerated", "Write()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Reader", "Fill()"));
    }
}
