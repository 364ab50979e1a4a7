using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 on flags and slots that are not one-time initializations, from a scan of orleans, cosmos, grpc, csharp-sdk and
/// EventStore: an end-of-data latch or used-up retry (<c>if (_done) return false;</c>), a status recomputed from data
/// (<c>_isBlocked = _len &lt; buffer.Length;</c>), any enumerator step and a <c>Stream</c>'s read (their contracts forbid
/// overlapping calls), and a check made while a semaphore taken in the <c>if</c> condition is held.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task EndLatchReturningATerminalValue_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IRoutingCache { Task RefreshAsync(CancellationToken cancellationToken); Task<string[]> PageAsync(); }

            public sealed class RangeGoneRetryPolicy
            {
                private readonly IRoutingCache _cache;
                private bool _retried;
                private bool _exhausted;
                private bool _finished;
                private bool _drained;

                public RangeGoneRetryPolicy(IRoutingCache cache) => _cache = cache;

                public async Task<bool> ShouldRetryAsync(int statusCode, CancellationToken cancellationToken)
                {
                    if (statusCode != 410) return false;
                    if (_retried) return false;
                    await _cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    _retried = true;
                    return true;
                }

                public async Task<IReadOnlyList<string>> ReadAsync()
                {
                    if (_exhausted == true)
                    {
                        return Array.Empty<string>();
                    }

                    var page = await _cache.PageAsync();
                    _exhausted = true;
                    return page;
                }

                public async Task<int> CountAsync()
                {
                    if ((_finished)) return 0;
                    var page = await _cache.PageAsync();
                    _finished = true;
                    return page.Length;
                }

                public async Task<IReadOnlyList<string>> DrainAsync()
                {
                    if (_drained)
                    {
                        return [];
                    }

                    var page = await _cache.PageAsync();
                    _drained = true;
                    return page;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task EndLatchReturningAnOptionsNoneOrAnEmptyProperty_DoesNotReport_ButReturningTheCachedValueDoes()
    {
        // ErsatzTV's subtitle reader (the triage of unseen repositories): `if (_isFinished) return Option<T>.None;` once
        // the pipe ended, LanguageExt's "nothing more", like `false` or `[]`. `ImmutableArray<T>.Empty` and `string.Empty`
        // likewise; a flag whose set branch returns the cached value still skips a load and is reported.
        var source = /* lang=c#-test */ """
            using System.Collections.Immutable;
            using System.Threading.Tasks;

            public readonly struct Option<T>
            {
                public static Option<T> None => default;
                public static Option<T> Some(T value) => default;
            }

            public sealed class SubtitleReader
            {
                private readonly ICatalogStore _store;
                private bool _isFinished;
                private bool _drained;
                private bool _done;
                private bool _loaded;
                private string _cached;

                public SubtitleReader(ICatalogStore store) => _store = store;

                public async Task<Option<Catalog>> NextAsync()
                {
                    if (_isFinished)
                    {
                        return Option<Catalog>.None;
                    }

                    var catalog = await _store.LoadAsync();
                    _isFinished = true;
                    return Option<Catalog>.Some(catalog);
                }

                public async Task<ImmutableArray<string>> DrainAsync()
                {
                    if (_drained) return ImmutableArray<string>.Empty;
                    var catalog = await _store.LoadAsync();
                    _drained = true;
                    return ImmutableArray.Create(catalog.Models);
                }

                public async Task<string> TextAsync()
                {
                    if (_done) return string.Empty;
                    var catalog = await _store.LoadAsync();
                    _done = true;
                    return catalog.Models[0];
                }

                public async Task<string> NameAsync()
                {
                    if ({|#0:_loaded|}) return _cached;
                    var catalog = await _store.LoadAsync();
                    _cached = catalog.Models[0];
                    _loaded = true;
                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"));
    }

    [Fact]
    public async Task EndLatchReturningANothingMoreFactory_DoesNotReport_ButARetryOrSuccessFactoryDoes()
    {
        // cosmos's PartitionKeyRangeGoneRetryPolicy (the 2026-12-06 triage): `if (this.retried) return
        // ShouldRetryResult.NoRetry();` — a used-up retry whose terminal value comes from a parameterless factory named for
        // "nothing more". A factory of another meaning (`RetryAfter(…)`, `Success()`), or a name that only begins with
        // the letters (`Nowhere()`), still reports.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class ShouldRetryResult
            {
                public static ShouldRetryResult NoRetry() => new ShouldRetryResult();
                public static ShouldRetryResult StopNow() => new ShouldRetryResult();
                public static ShouldRetryResult RetryAfter(TimeSpan delay) => new ShouldRetryResult();
                public static ShouldRetryResult Success() => new ShouldRetryResult();
                public static ShouldRetryResult Nowhere() => new ShouldRetryResult();
            }

            public sealed class GoneRetryPolicy
            {
                private readonly ICatalogStore _store;
                private bool _retried;
                private bool _stopped;
                private bool _refreshed;
                private bool _warm;
                private bool _moved;

                public GoneRetryPolicy(ICatalogStore store) => _store = store;

                public async Task<ShouldRetryResult> ShouldRetryAsync()
                {
                    if (_retried)
                    {
                        return ShouldRetryResult.NoRetry();
                    }

                    await _store.LoadAsync();
                    _retried = true;
                    return ShouldRetryResult.RetryAfter(TimeSpan.Zero);
                }

                public async Task<ShouldRetryResult> StopAsync()
                {
                    if (_stopped) return ShouldRetryResult.StopNow();
                    await _store.LoadAsync();
                    _stopped = true;
                    return ShouldRetryResult.Success();
                }

                public async Task<ShouldRetryResult> RefreshAsync()
                {
                    if ({|#0:_refreshed|}) return ShouldRetryResult.RetryAfter(TimeSpan.Zero);
                    await _store.LoadAsync();
                    _refreshed = true;
                    return ShouldRetryResult.Success();
                }

                public async Task<ShouldRetryResult> WarmAsync()
                {
                    if ({|#1:_warm|}) return ShouldRetryResult.Success();
                    await _store.LoadAsync();
                    _warm = true;
                    return ShouldRetryResult.Success();
                }

                public async Task<ShouldRetryResult> MoveAsync()
                {
                    if ({|#2:_moved|}) return ShouldRetryResult.Nowhere();
                    await _store.LoadAsync();
                    _moved = true;
                    return ShouldRetryResult.Success();
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_refreshed"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_warm"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_moved"));
    }

    [Fact]
    public async Task InitializationFlags_WhoseSetBranchSkipsTheLoad_StillReport()
    {
        // Returning nothing, `true` or the loaded value when set: the flag skips a load, as an initialization flag does.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _warm;
                private bool _loaded;
                private bool _ready;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    if ({|#0:_warm|}) return;
                    _catalog = await _store.LoadAsync();
                    _warm = true;
                }

                public async Task<bool> LoadAsync()
                {
                    if ({|#1:_loaded|}) return true;
                    _catalog = await _store.LoadAsync();
                    _loaded = true;
                    return true;
                }

                public async Task<Catalog> ReadyAsync()
                {
                    if ({|#2:!_ready|})
                    {
                        _catalog = await _store.LoadAsync();
                        _ready = _catalog != null;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_warm"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_loaded"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_ready"));
    }

    [Fact]
    public async Task StatusRecomputedFromData_DoesNotReport_ALoadResultStillDoes()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class ChunkReader
            {
                private readonly Stream _stream;
                private readonly byte[] _buffer = new byte[4096];
                private int _len, _pos;
                private bool _isBlocked;
                private bool _connected;

                public ChunkReader(Stream stream) => _stream = stream;

                public async Task<int> ReadAsync(Memory<byte> dest)
                {
                    int read = 0;
                    while (read < dest.Length)
                    {
                        if (_pos == _len)
                        {
                            _len = await _stream.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
                            _pos = 0;
                            _isBlocked = _len < _buffer.Length;
                            if (_len == 0) break;
                        }

                        int n = Math.Min(_len - _pos, dest.Length - read);
                        _pos += n;
                        read += n;
                        if (_isBlocked)
                        {
                            break;
                        }
                    }

                    return read;
                }

                public async Task ConnectAsync()
                {
                    if ({|#0:!_connected|})
                    {
                        _connected = await TryConnectAsync();
                    }
                }

                private Task<bool> TryConnectAsync() => Task.FromResult(true);
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_connected"));
    }

    [Fact]
    public async Task PrefetchStepsAndIteratorsNamedForTheirBase_DoNotReport_TheSameStepOfAServiceDoes()
    {
        // A triage of unseen repositories (Cosmos): a page enumerator's PrefetchAsync, which its MoveNextAsync awaits first,
        // and the ReadNext…Async of a `…IteratorCore` deriving from a `FeedIterator` are one reader's position. A service
        // named for neither, with the same step, is still judged.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IPageSource { Task<string> ReadPageAsync(string token); }

            public sealed class BufferedPageAsyncEnumerator
            {
                private readonly IPageSource _source;
                private string _buffered;

                public BufferedPageAsyncEnumerator(IPageSource source) => _source = source;

                public async Task PrefetchAsync()
                {
                    if (_buffered != null)
                    {
                        return;
                    }

                    _buffered = await _source.ReadPageAsync(null);
                }
            }

            public abstract class FeedIterator
            {
                public abstract Task<string> ReadNextAsync();
            }

            public abstract class FeedIteratorInternal : FeedIterator
            {
            }

            public sealed class StandByFeedIteratorCore : FeedIteratorInternal
            {
                private readonly IPageSource _source;
                private string _continuation;

                public StandByFeedIteratorCore(IPageSource source) => _source = source;

                public override Task<string> ReadNextAsync() => ReadNextInternalAsync();

                internal async Task<string> ReadNextInternalAsync()
                {
                    if (_continuation == null)
                    {
                        _continuation = await _source.ReadPageAsync("start");
                    }

                    return _continuation;
                }
            }

            public sealed class PageService
            {
                private readonly IPageSource _source;
                private string _buffered;

                public PageService(IPageSource source) => _source = source;

                public async Task PrefetchAsync()
                {
                    if ({|#0:_buffered != null|})
                    {
                        return;
                    }

                    _buffered = await _source.ReadPageAsync(null);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_buffered"));
    }

    [Fact]
    public async Task CursorsPeekAndPageSteps_DoNotReport_TheSameInAServiceDoes()
    {
        // A triage of unseen repositories: neo4j's ResultCursor.PeekAsync (a peeked record and an end-of-stream latch) and
        // tweetinvi's MultiLevelCursorIterator.NextPageAsync (the current page, refilled when used up) are one reader's
        // position, like an enumerator's MoveNextAsync (steps by name: Peek…, Next…, Fetch…, ReadNext…). A cursor's other
        // member (a header loaded once) and a service doing the same are still judged.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IRecordStream { Task<string> NextRecordAsync(); }

            public sealed class ResultCursor
            {
                private readonly IRecordStream _stream;
                private string _peeked;
                private bool _atEnd;

                public ResultCursor(IRecordStream stream) => _stream = stream;

                public async Task<string> PeekAsync()
                {
                    if (_peeked != null)
                    {
                        return _peeked;
                    }

                    if (_atEnd)
                    {
                        return null;
                    }

                    _peeked = await _stream.NextRecordAsync();
                    if (_peeked != null)
                    {
                        return _peeked;
                    }

                    _atEnd = true;
                    return null;
                }
            }

            public sealed class MultiLevelCursorIterator
            {
                private readonly IRecordStream _stream;
                private string _page;

                public MultiLevelCursorIterator(IRecordStream stream) => _stream = stream;

                public async Task<string> NextPageAsync()
                {
                    if (_page == null)
                    {
                        _page = await _stream.NextRecordAsync();
                    }

                    var page = _page;
                    _page = null;
                    return page;
                }
            }

            public sealed class RecordSource : IAsyncEnumerator<string>
            {
                private readonly IRecordStream _stream;
                private string _header;

                public RecordSource(IRecordStream stream) => _stream = stream;

                public string Current { get; private set; }

                public async Task<string> HeaderAsync()
                {
                    if ({|#1:_header == null|})
                    {
                        _header = await _stream.NextRecordAsync();
                    }

                    return _header;
                }

                public async ValueTask<bool> MoveNextAsync()
                {
                    Current = await _stream.NextRecordAsync();
                    return Current != null;
                }

                public ValueTask DisposeAsync() => default;
            }

            public sealed class RecordService
            {
                private readonly IRecordStream _stream;
                private string _peeked;

                public RecordService(IRecordStream stream) => _stream = stream;

                public async Task<string> PeekAsync()
                {
                    if ({|#0:_peeked != null|})
                    {
                        return _peeked;
                    }

                    _peeked = await _stream.NextRecordAsync();
                    return _peeked;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_peeked"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_header"));
    }

    [Fact]
    public async Task EnumeratorStepsAndStreamReads_DoNotReport_OtherMethodsStillDo()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PageEnumerator
            {
                private readonly Func<CancellationToken, Task<Exception>> _fetch;
                private Exception _bufferedException;
                private Exception _other;

                public PageEnumerator(Func<CancellationToken, Task<Exception>> fetch) => _fetch = fetch;

                public object Current { get; private set; }

                public async ValueTask<bool> MoveNextAsync(object trace, CancellationToken cancellationToken)
                {
                    if (_bufferedException != null)
                    {
                        Current = _bufferedException;
                        _bufferedException = null;
                        return true;
                    }

                    _bufferedException = await _fetch(cancellationToken).ConfigureAwait(false);
                    Current = 1;
                    return true;
                }

                public async Task<bool> MoveNext()
                {
                    if (_other == null)
                    {
                        _other = await _fetch(CancellationToken.None);
                    }

                    return _other != null;
                }

                public async Task<Exception> LoadOtherAsync() // not a step: still judged
                {
                    if ({|#0:_other == null|})
                    {
                        _other = await _fetch(CancellationToken.None);
                    }

                    return _other;
                }
            }

            public sealed class ScriptedStream : MemoryStream
            {
                private readonly Func<Task<byte[]>> _next;
                private byte[] _data;

                public ScriptedStream(Func<Task<byte[]>> next) => _next = next;

                public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                {
                    if (_data == null) _data = await _next().ConfigureAwait(false);
                    var n = Math.Min(count, _data.Length);
                    Array.Copy(_data, 0, buffer, offset, n);
                    return n;
                }

                // YoutubeExplode's MediaStream (the triage of unseen repositories): a stream's own helpers and set-up share
                // its one reader, so they are not judged either; its static state is.
                public async Task InitializeAsync() => await ResolveSegmentAsync();

                private async Task<byte[]> ResolveSegmentAsync()
                {
                    if (_data is not null) return _data;
                    return _data = await _next().ConfigureAwait(false);
                }

                private static byte[] s_preamble;

                public static async Task<byte[]> PreambleAsync(Func<Task<byte[]>> load)
                {
                    if ({|#1:s_preamble == null|}) s_preamble = await load().ConfigureAwait(false);
                    return s_preamble;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_other"),
            Verify.Diagnostic().WithLocation(1).WithArguments("s_preamble"));
    }

    [Fact]
    public async Task TurnBasedActorsAndGrains_AreNotJudged_AReentrantGrainAStaticMemberAndALookalikeAre()
    {
        // Triage FP5 (dapr's StateMachineActor.EnsureRestoredAsync, a Proto.Actor monitor): the actor runtime delivers
        // one call at a time to an instance, so lazily restored state has one caller. Orleans' [Reentrant] opts out.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            namespace Dapr.Actors.Runtime { public abstract class Actor { } }
            namespace Orleans { public abstract class Grain { } }
            namespace Orleans.Concurrency { [AttributeUsage(AttributeTargets.Class)] public sealed class ReentrantAttribute : Attribute { } }
            namespace Proto { public interface IActor { Task ReceiveAsync(object context); } }
            namespace Lookalike { public abstract class Actor { } }

            public abstract class StateMachineActor : Dapr.Actors.Runtime.Actor
            {
                private bool _restored;
                private object _state;
                private static object s_schema;

                protected abstract Task<object> LoadAsync();

                protected async Task EnsureRestoredAsync()
                {
                    if (_restored) return;
                    _state = await LoadAsync();
                    _restored = true;
                }

                protected static async Task<object> SchemaAsync(Func<Task<object>> load)
                {
                    if ({|#0:s_schema == null|}) s_schema = await load();
                    return s_schema;
                }
            }

            public sealed class CounterGrain : Orleans.Grain
            {
                private object _state;

                public async Task<object> GetAsync(Func<Task<object>> load)
                {
                    if (_state == null) _state = await load();
                    return _state;
                }
            }

            [Orleans.Concurrency.Reentrant]
            public sealed class ReentrantGrain : Orleans.Grain
            {
                private object _state;

                public async Task<object> GetAsync(Func<Task<object>> load)
                {
                    if ({|#1:_state == null|}) _state = await load();
                    return _state;
                }
            }

            public sealed class ClusterMonitor : Proto.IActor
            {
                private object _app;

                public Task ReceiveAsync(object context) => GetAppAsync(() => Task.FromResult(context));

                private async Task<object> GetAppAsync(Func<Task<object>> load)
                {
                    if (_app == null) _app = await load();
                    return _app;
                }
            }

            public sealed class NotAnActor : Lookalike.Actor
            {
                private object _state;

                public async Task<object> GetAsync(Func<Task<object>> load)
                {
                    if ({|#2:_state == null|}) _state = await load();
                    return _state;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("s_schema"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_state"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_state"));
    }

    [Fact]
    public async Task PipeWriterAndResponseBodyFeatureMethods_DoNotReport_ALookalikeInterfaceStillDoes()
    {
        // Triage FP10 (aws-lambda-dotnet's StreamingResponseBodyFeature): a response body serves one request pipeline and
        // a pipe one reader or writer at a time, like a Stream. An interface of the same name elsewhere is no such contract.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            namespace System.IO.Pipelines
            {
                public abstract class PipeWriter
                {
                    public abstract ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default);
                }
            }

            namespace Microsoft.AspNetCore.Http.Features
            {
                public interface IHttpResponseBodyFeature
                {
                    Task StartAsync(CancellationToken cancellationToken = default);
                }
            }

            namespace Lookalike
            {
                public interface IHttpResponseBodyFeature
                {
                    Task StartAsync(CancellationToken cancellationToken = default);
                }
            }

            public sealed class StreamingResponseBodyFeature : Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature
            {
                private readonly Func<Task<object>> _open;
                private bool _started;
                private object _stream;

                public StreamingResponseBodyFeature(Func<Task<object>> open) => _open = open;

                public async Task StartAsync(CancellationToken cancellationToken = default)
                {
                    if (_started) return;
                    _stream = await _open();
                    _started = true;
                }
            }

            public sealed class SegmentWriter : System.IO.Pipelines.PipeWriter
            {
                private readonly Func<Task<object>> _open;
                private object _segment;

                public SegmentWriter(Func<Task<object>> open) => _open = open;

                public override async ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default)
                {
                    if (_segment == null) _segment = await _open();
                    return true;
                }
            }

            public sealed class OtherFeature : Lookalike.IHttpResponseBodyFeature
            {
                private readonly Func<Task<object>> _open;
                private bool _started;
                private object _stream;

                public OtherFeature(Func<Task<object>> open) => _open = open;

                public async Task StartAsync(CancellationToken cancellationToken = default)
                {
                    if ({|#0:_started|}) return;
                    _stream = await _open();
                    _started = true;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_started"));
    }

    [Fact]
    public async Task WriteOnlyUnderAZeroTimeoutTryAcquire_DoesNotReport_AWaitingAcquireOrAWriteOutsideDoes()
    {
        // BililiveRecorder's close confirmation (a triage of unseen repositories): the flag is checked outside, written only
        // inside `if (await _gate.WaitAsync(0))` — a second caller is sent away while the first runs. A WaitAsync that
        // waits lets it run the work after the first; a write outside the try-acquire is unguarded.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IConfirmDialog { Task<bool> ShowAsync(); }

            public sealed class MainWindow
            {
                private readonly SemaphoreSlim _closeGate = new SemaphoreSlim(1, 1);
                private readonly IConfirmDialog _dialog;
                private bool _closeConfirmed;
                private bool _saved;
                private bool _exported;

                public MainWindow(IConfirmDialog dialog) => _dialog = dialog;

                public bool PromptCloseConfirm { get; set; } = true;

                private async void Window_Closing(object sender, System.ComponentModel.CancelEventArgs e)
                {
                    if (PromptCloseConfirm && !_closeConfirmed)
                    {
                        e.Cancel = true;

                        if (await _closeGate.WaitAsync(0))
                        {
                            try
                            {
                                if (await _dialog.ShowAsync())
                                {
                                    _closeConfirmed = true;
                                    Close();
                                    return;
                                }
                            }
                            catch (Exception) { }
                            finally
                            {
                                _closeGate.Release();
                            }
                        }
                    }
                }

                private void Close() { }

                public async Task SaveAsync()
                {
                    if ({|#0:!_saved|})
                    {
                        await _closeGate.WaitAsync();
                        try
                        {
                            await _dialog.ShowAsync();
                            _saved = true;
                        }
                        finally
                        {
                            _closeGate.Release();
                        }
                    }
                }

                public async Task ExportAsync()
                {
                    if ({|#1:!_exported|})
                    {
                        if (await _closeGate.WaitAsync(TimeSpan.Zero).ConfigureAwait(false))
                        {
                            _closeGate.Release();
                        }

                        await _dialog.ShowAsync();
                        _exported = true;
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_saved"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_exported"));
    }

    [Fact]
    public async Task CheckUnderASemaphoreTakenInTheIfCondition_DoesNotReport_TheElseBranchStillDoes()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class EncryptedIterator
            {
                private readonly SemaphoreSlim _initLock = new SemaphoreSlim(1, 1);
                private readonly Func<Task<string>> _resolveKey;
                private bool _initialized;
                private string _key;

                public EncryptedIterator(Func<Task<string>> resolveKey) => _resolveKey = resolveKey;

                public string Key => _key;

                public async Task EnsureInitializedAsync()
                {
                    if (await _initLock.WaitAsync(-1).ConfigureAwait(false))
                    {
                        if (!_initialized)
                        {
                            try
                            {
                                _key = await _resolveKey().ConfigureAwait(false);
                                _initialized = true;
                            }
                            finally
                            {
                                _initLock.Release();
                            }
                        }
                        else
                        {
                            _initLock.Release();
                        }
                    }
                    else if ({|#0:!_initialized|})
                    {
                        _key = await _resolveKey().ConfigureAwait(false);
                        _initialized = true;
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_initialized"));
    }

    [Fact]
    public async Task FlagAfterAwaitingASharedCompletionSignal_DoesNotReport_AFreshTaskBehindTheSameShapeDoes()
    {
        // A triage's real code (KurrentDB's search service): `if (!_isReady) { await ready.WaitAsync(); _isReady = true; }`
        // where `WaitAsync() => _tcs.Task` — every caller awaits the one signal the host completes; nothing runs twice.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ReadySignal
            {
                private readonly TaskCompletionSource<bool> _tcs = new TaskCompletionSource<bool>();
                public Task WaitAsync() => _tcs.Task;
                public Task StartAsync() => Task.Delay(1);
                public void SetReady() => _tcs.TrySetResult(true);
            }

            public sealed class SearchService
            {
                private readonly ReadySignal _ready;
                private readonly TaskCompletionSource<bool> _opened = new TaskCompletionSource<bool>();
                private bool _isReady;
                private bool _isOpen;
                private bool _started;

                public SearchService(ReadySignal ready) => _ready = ready;

                public async Task<int> SearchAsync()
                {
                    if (!_isReady)
                    {
                        await _ready.WaitAsync();
                        _isReady = true;
                    }

                    if (!_isOpen)
                    {
                        await _opened.Task.ConfigureAwait(false);
                        _isOpen = true;
                    }

                    if ({|#0:!_started|})
                    {
                        await _ready.StartAsync();
                        _started = true;
                    }

                    return 1;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_started"));
    }
}
