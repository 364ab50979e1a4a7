using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 on loops whose own condition tests the member: a worker or read loop that runs until a latch is set
/// (hazelcast's near-cache test's <c>while (!_stop)</c>, Octonica.ClickHouseClient's <c>do { … } while (!_endOfStream)</c>)
/// is not an initialization; a loop that writes the member on every pass (a retried load) still is. And a protocol flag
/// set back by an own method only its checking caller runs (<c>if (_endOfStream) await RepeatQuery();</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task LoopRunningUntilALatchSomeIterationSets_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IMap { Task SetAsync(int value); Task<int> GetAsync(); }

            public sealed class StressTest
            {
                private readonly IMap _map;
                private bool _stop;
                private bool _endOfStream;
                private int _violations;

                public StressTest(IMap map) => _map = map;

                public async Task SetLoopAsync()
                {
                    var i = 0;
                    while (!_stop)
                    {
                        i++;
                        await _map.SetAsync(i);
                        var seen = await _map.GetAsync();
                        if (seen == i) continue; // the usual pass: the flag stays unset

                        _violations++;
                        _stop = true;
                    }
                }

                public async Task DrainAsync()
                {
                    do
                    {
                        var code = await _map.GetAsync();
                        switch (code)
                        {
                            case 0:
                                _endOfStream = true;
                                break;
                            case 1:
                                await _map.SetAsync(code);
                                break;
                        }
                    } while (!_endOfStream);
                }

                public async Task PollAsync()
                {
                    for (var round = 0; !_stop && round < 10; round++)
                    {
                        if (await _map.GetAsync() < 0)
                        {
                            _stop = true;
                        }
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LoopLeftByAnExitCheckOfALatchSomeIterationSets_DoesNotReport_OneWritingOnEveryPassStillDoes()
    {
        // A triage of a Discord game bot: the battle loop `while (true) { if (_winners is not null) { await …; break; } … }`
        // is `while (_winners is null)` written another way — 3 reports before.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IInput { Task<bool> ForfeitRequestedAsync(); Task<string> LoadAsync(); }

            public sealed class BattleSimulator
            {
                private readonly IInput _input;
                private string _winners;
                private string _token;

                public BattleSimulator(IInput input) => _input = input;

                public async Task<string> StartAsync()
                {
                    while (true)
                    {
                        if (_winners != null)
                        {
                            await Task.Delay(10);
                            break;
                        }

                        if (await _input.ForfeitRequestedAsync())
                            _winners = "team2";
                    }

                    return _winners;
                }

                public async Task<string> RoundsAsync()
                {
                    for (var round = 0; ; round++)
                    {
                        if (_winners != null) return _winners;
                        await Task.Delay(1);
                        if (round > 3) _winners = "draw";
                    }
                }

                public async Task<string> TokenAsync()
                {
                    while (true)
                    {
                        if ({|#0:_token != null|}) break; // a retried load: written on every pass that goes round
                        _token = await _input.LoadAsync();
                    }

                    return _token;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_token"));
    }

    [Fact]
    public async Task LoopWritingTheMemberOnEveryPass_StillReports()
    {
        // A retried load writes the member each time round (also inside the `try` of a retry): the loop is the initialization.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<string> LoadAsync(); }

            public sealed class Client
            {
                private readonly IStore _store;
                private string _token;
                private bool _connected;

                public Client(IStore store) => _store = store;

                public async Task<string> TokenAsync()
                {
                    while ({|#0:_token == null|})
                    {
                        try
                        {
                            _token = await _store.LoadAsync();
                        }
                        catch (InvalidOperationException)
                        {
                            await Task.Delay(10);
                        }
                    }

                    return _token;
                }

                public async Task ConnectAsync()
                {
                    for (var attempt = 0; {|#1:!_connected && attempt < 3|}; attempt++)
                    {
                        await _store.LoadAsync();
                        _connected = true;
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_token"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_connected"));
    }

    [Fact]
    public async Task FlagSetBackByAnOwnMethodRunOnlyUnderItsCheck_DoesNotReport_AClearNobodyChecksStillDoes()
    {
        // Octonica.ClickHouseClient's column writer: `_endOfStream` is set when the server ends the stream, and set back
        // by RepeatQuery(), which SendTable runs only `if (_endOfStream)` — a protocol state, not a one-time initialization.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface ISession { Task SendAsync(); Task<int> ReadAsync(); }

            public sealed class ColumnWriter
            {
                private readonly ISession _session;
                private bool _endOfStream;
                private bool _loaded;

                public ColumnWriter(ISession session) => _session = session;

                public async Task SendTableAsync()
                {
                    if (_endOfStream)
                        await RepeatQueryAsync();

                    await _session.SendAsync();
                }

                public async Task EndWriteAsync()
                {
                    if (_endOfStream)
                        return;

                    await _session.SendAsync();
                    _endOfStream = true;
                }

                private async Task RepeatQueryAsync()
                {
                    await _session.SendAsync();
                    _endOfStream = false;
                }

                public async Task LoadAsync()
                {
                    if ({|#0:_loaded|})
                        return;

                    await _session.ReadAsync();
                    _loaded = true;
                }

                public void Invalidate() => _loaded = false; // a clear nobody runs under a check: still an initialization flag
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"));
    }

    [Fact]
    public async Task CursorTheCheckingFunctionClearsAfterLoadingIt_DoesNotReport_AClearBeforeTheLoadOrInACatchStillDoes()
    {
        // monotorrent's HttpPeerConnection.ReceiveAsync: `if (CurrentRequest == null) { await …; CurrentRequest = new
        // HttpRequestData(…); }` … `if (CurrentRequest.Complete) { … CurrentRequest = null; }` — the request being received,
        // moved on and cleared by the same function: a cursor, not a value loaded once.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class Request { public int Remaining; }

            public sealed class PeerConnection
            {
                private readonly Queue<Request> _pending = new Queue<Request>();
                private Request _current;
                private Request _cached;
                private Request _guarded;

                public async Task<int> ReceiveAsync()
                {
                    if (_current == null)
                    {
                        await Task.Yield();
                        _current = _pending.Dequeue();
                    }

                    _current.Remaining--;
                    if (_current.Remaining == 0)
                    {
                        _current = _pending.Count > 0 ? _pending.Dequeue() : null;
                        if (_current is { Remaining: 0 })
                        {
                            _current = null;
                        }
                    }

                    return 1;
                }

                public async Task<Request> CachedAsync()
                {
                    if ({|#0:_cached == null|})
                    {
                        _cached = null;
                        await Task.Yield();
                        _cached = _pending.Peek();
                    }

                    return _cached;
                }

                public async Task<Request> GuardedAsync()
                {
                    if ({|#1:_guarded == null|})
                    {
                        try
                        {
                            await Task.Yield();
                            _guarded = _pending.Peek();
                        }
                        catch (InvalidOperationException)
                        {
                            _guarded = null;
                            throw;
                        }
                    }

                    return _guarded;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_cached"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_guarded"));
    }

    [Fact]
    public async Task ValueRotatedWhenUsedUp_DoesNotReport_AClearUnderAnotherConditionStillDoes()
    {
        // A triage of DiscordChatExporter's partitioned export: a full writer is closed (an own method sets it to null) and
        // the check then opens the next one — a rotation, which no single-flight helper could do. A clear under a condition
        // that does not read the value's own state (`if (force)`) is a reload on demand and still reports.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public sealed class PartWriter
            {
                public int Written { get; private set; }
                public Task WriteAsync(string line) { Written++; return Task.CompletedTask; }
                public Task CloseAsync() => Task.CompletedTask;
            }

            public sealed class PartitionedExporter
            {
                private readonly int _limit;
                private int _partition;
                private PartWriter? _writer;
                private PartWriter? _forced;
                private PartWriter? _spare;

                public PartitionedExporter(int limit) => _limit = limit;

                public async Task<PartWriter> GetWriterAsync()
                {
                    if (_writer is not null && _writer.Written >= _limit)
                    {
                        await CloseWriterAsync();
                        _partition++;
                    }

                    if (_writer is not null)
                    {
                        return _writer;
                    }

                    var writer = new PartWriter();
                    await writer.WriteAsync("header " + _partition);
                    return _writer = writer;
                }

                public async Task<PartWriter> GetSpareAsync()
                {
                    if ((_spare?.Written ?? 0) >= _limit)
                    {
                        _spare = null;
                    }

                    if (_spare is not null)
                    {
                        return _spare;
                    }

                    var writer = new PartWriter();
                    await writer.WriteAsync("header");
                    return _spare = writer;
                }

                public async Task<PartWriter> GetForcedAsync(bool force)
                {
                    if (force)
                    {
                        _forced = null;
                    }

                    if ({|#0:_forced is not null|})
                    {
                        return _forced;
                    }

                    var writer = new PartWriter();
                    await writer.WriteAsync("header");
                    return _forced = writer;
                }

                private async Task CloseWriterAsync()
                {
                    if (_writer is not null)
                    {
                        try { await _writer.CloseAsync(); }
                        finally { _writer = null; }
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_forced"));
    }
}
