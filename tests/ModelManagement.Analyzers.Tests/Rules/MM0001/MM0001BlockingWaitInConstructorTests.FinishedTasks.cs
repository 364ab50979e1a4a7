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
    public async Task JoinOfSynchronousWorkStartedOnAnotherThread_DoesNotReport_AsyncWorkStartedSoDoes()
    {
        // A triage of real code: Tiktoken's constructor builds its token table with Task.Run while it compiles a regex, then
        // joins (fork-join of CPU work); perfview continues a deep recursion on a fresh stack with StartNew. No async work
        // runs: nothing to load on first use. A lambda that is async, returns a task or blocks itself is async work still,
        // and so is one that does not bind (a test view without its library: `_repository.Save(aggregate)` returned a task).
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            public sealed class Tokenizer
            {
                private readonly int _table;
                private readonly double _sum;
                private readonly int _loaded;
                private readonly int _blocked;
                private readonly int _viaGroup;
                private readonly int _asyncLambda;
                private readonly Repository _repository;

                public Tokenizer(IStore store, int[] keys)
                {
                    var table = Task.Run(() => Build(keys));
                    Console.WriteLine("compiling the pattern meanwhile");
                    _table = table.Result;
                    _sum = Task.Factory.StartNew(() => Sum(keys), TaskCreationOptions.LongRunning).GetAwaiter().GetResult();
                    Task.Run(() => Console.WriteLine("warm")).Wait();
                    _loaded = {|#0:Task.Run(() => store.LoadAsync()).Result|};
                    _blocked = {|#1:Task.Run(() => store.LoadAsync().Result).Result|};
                    _viaGroup = {|#2:Task.Run(LoadNow).Result|};
                    _asyncLambda = {|#3:Task.Run(async () => await store.LoadAsync() + 1).Result|};
                    {|#4:Task.Run(() => _repository.Save(keys)).Wait()|};
                }

                private static int Build(int[] keys) => keys.Length;
                private static double Sum(int[] keys) => keys.Length * 2.0;
                private static int LoadNow() => 1;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0246").WithSpan(14, 22, 14, 32).WithArguments("Repository"),
            Verify.Diagnostic().WithLocation(0).WithArguments("Tokenizer", "LoadAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Tokenizer", "Task.Run(...)"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Tokenizer", "LoadNow()"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Tokenizer", "Task.Run(...)"),
            Verify.Diagnostic().WithLocation(4).WithArguments("Tokenizer", "Task.Run(...)"));
    }

    [Fact]
    public async Task StartUpLatchOfAThreadTheConstructorStarts_DoesNotReport_ASourceCompletedByAnEventSoDoes()
    {
        // A triage of real code: Dalamud's STA service starts a dedicated thread that creates its message window and then
        // completes a TaskCompletionSource the constructor waits on — a start-up latch, the join of synchronous work, like
        // Task.Run(() => Build()).Result. A source completed by an event of async work (a connection's Connected), by an
        // async thread body, a thread body that blocks on async work itself (a fix-shapes round), or by nothing this constructor
        // starts, is still async work waited for.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IConnection { event EventHandler Connected; Task OpenAsync(); Task<int> CountAsync(); }

            public sealed class StaThreadService
            {
                private readonly TaskCompletionSource<IntPtr> _window = new(TaskCreationOptions.RunContinuationsAsynchronously);
                private readonly TaskCompletionSource _pumpReady = new();
                private readonly TaskCompletionSource<bool> _connected = new();
                private readonly TaskCompletionSource<int> _asyncBody = new();
                private readonly TaskCompletionSource<int> _otherThread = new();
                private readonly Thread _thread;

                public StaThreadService(IConnection connection)
                {
                    _thread = new Thread(ThreadBody) { IsBackground = true };
                    _thread.SetApartmentState(ApartmentState.STA);
                    _thread.Start();
                    _window.Task.Wait();

                    var started = new TaskCompletionSource<bool>();
                    new Thread(() => { started.SetResult(true); Pump(); }).Start();
                    _ = started.Task.Result;

                    new Thread(LocalBody).Start();
                    _pumpReady.Task.GetAwaiter().GetResult();

                    connection.Connected += (_, _) => _connected.TrySetResult(true);
                    _ = connection.OpenAsync();
                    {|#0:_connected.Task.Wait()|};

                    new Thread(async () => { await connection.OpenAsync(); _asyncBody.SetResult(1); }).Start();
                    {|#1:_asyncBody.Task.Wait()|};

                    new Thread(ThreadBody).Start();
                    {|#2:_otherThread.Task.Wait()|};

                    var selfWaiting = new TaskCompletionSource<int>();
                    new Thread(() => { selfWaiting.SetResult(1); selfWaiting.Task.Wait(); new Thread(() => selfWaiting.Task.Wait()).Start(); }).Start();
                    {|#4:selfWaiting.Task.Wait()|};

                    var loaded = new TaskCompletionSource<int>();
                    new Thread(() => { var count = connection.CountAsync().Result; loaded.SetResult(count); }).Start();
                    {|#3:loaded.Task.Wait()|};

                    void LocalBody() { _pumpReady.SetResult(); Pump(); }
                }

                private void ThreadBody()
                {
                    _window.SetResult(new IntPtr(42));
                    Pump();
                }

                private static void Pump() { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("StaThreadService", "_connected.Task"),
            Verify.Diagnostic().WithLocation(1).WithArguments("StaThreadService", "_asyncBody.Task"),
            Verify.Diagnostic().WithLocation(2).WithArguments("StaThreadService", "_otherThread.Task"),
            Verify.Diagnostic().WithLocation(3).WithArguments("StaThreadService", "loaded.Task"),
            Verify.Diagnostic().WithLocation(4).WithArguments("StaThreadService", "selfWaiting.Task"));
    }

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

    [Fact]
    public async Task WaitOnATaskAnEarlierStatementWaitedFor_DoesNotReport()
    {
        // An independent consumer: `Task.WaitAll(eu, us); Regions = new[] { eu.Result, us.Result };` gave three warnings
        // for one wait. Once a statement has waited for a task without a timeout, later reads of its result cannot block.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Regions
            {
                private static readonly string[] All;
                private readonly int _count;
                private readonly Task<int> _pending;
                private readonly int _pendingCount;

                static Regions()
                {
                    var eu = Task.FromResult("eu");
                    var us = Task.FromResult("us");
                    {|#0:Task.WaitAll(eu, us)|};
                    All = new[] { eu.Result, us.Result };
                }

                public Regions(Task<int> count, Task<int> pending, Task<int> later, Task<int> many, Task<int> count2, Task<int> count3, Task<int> cast, Task<int> inSwitch)
                {
                    {|#1:count.Wait()|};
                    if (count.IsFaulted) { return; }
                    _count = count.Result + count.GetAwaiter().GetResult();
                    _pending = pending;
                    var first = {|#2:_pending.Result|};
                    {
                        _pendingCount = first + _pending.ConfigureAwait(false).GetAwaiter().GetResult();
                    }

                    {|#3:Task.WaitAll(new[] { later, many })|};
                    _count += later.Result + many.Result;
                    {|#4:Task.WaitAll([count2, count3])|}; // a collection expression (and .NET 9's params ReadOnlySpan<Task>)
                    _count += count2.Result + count3.Result;
                    {|#5:((Task)cast).Wait()|}; // through a cast
                    _count += cast.Result;
                    switch (_count)
                    {
                        case 1:
                            {|#6:inSwitch.Wait()|};
                            _count += inSwitch.Result; // in a switch section
                            break;
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Regions", "Task.WaitAll(...)"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Regions", "count"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Regions", "_pending"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Regions", "Task.WaitAll(...)"),
            Verify.Diagnostic().WithLocation(4).WithArguments("Regions", "Task.WaitAll(...)"),
            Verify.Diagnostic().WithLocation(5).WithArguments("Regions", "(Task)cast"),
            Verify.Diagnostic().WithLocation(6).WithArguments("Regions", "inSwitch"));
    }

    [Fact]
    public async Task WaitAfterAnEarlierWaitThatMayNotHaveFinishedIt_StillReports()
    {
        // A timeout, WaitAny, a conditional wait, a reassignment (also by deconstruction), another task, a wait in a lambda,
        // or a label on the read that a jump may reach again after a reassignment.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Loader
            {
                private readonly int _n;
                private readonly Func<int> _later;

                public Loader(Task<int> a, Task<int> b, Task<int> c, Task<int> d, Task<int> e, Task<int> f, Func<Task<int>> load, bool warm)
                {
                    _ = {|#0:a.Wait(100)|};
                    _n = {|#1:a.Result|};
                    {|#2:Task.WaitAny(b, c)|};
                    _n += {|#3:b.Result|};
                    if (warm) {|#4:d.Wait()|};
                    _n += {|#5:d.Result|};
                    {|#6:e.Wait()|};
                    e = load();
                    _n += {|#7:e.Result|};
                    {|#8:c.Wait()|};
                    _n += {|#9:f.Result|};
                    _later = () => { f.Wait(); return 0; };
                    _n += {|#10:f.GetAwaiter().GetResult()|};
                    {|#11:Task.WaitAll(a, b)|};
                    (a, b) = (load(), load());
                    _n += {|#12:b.Result|};
                    c.Wait(); // c was waited for above: not reported
                    var again = true;
                retry:
                    _n += {|#13:c.Result|};
                    if (again) { again = false; c = load(); goto retry; }
                }
            }
            """;
        var expected = new[] { "a", "a", "Task.WaitAny(...)", "b", "d", "d", "e", "e", "c", "f", "f", "Task.WaitAll(...)", "b", "c" };
        await Verify.VerifyAnalyzerAsync(
            source,
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(expected, (member, i) => Verify.Diagnostic().WithLocation(i).WithArguments("Loader", member))));
    }
}
