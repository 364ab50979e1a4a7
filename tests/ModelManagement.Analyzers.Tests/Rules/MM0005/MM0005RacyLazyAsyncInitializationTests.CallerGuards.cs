using System.Threading;
using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 on a private method or local function whose every call is awaited under its caller's guard (the csharp-sdk's
/// <c>IdentityAssertionGrantProvider</c>: the token lock is taken by the only caller of the endpoint resolver).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task LockAroundOnlyTheCheckOrOnlyTheWrite_IsNoGuard_Reports()
    {
        // A real RabbitMQ publisher re-checked its channel inside `lock (_sync)`, awaited the connection outside it (no await
        // is allowed in a lock) and wrote the channel in a second lock: 20 first calls opened 20 connections. A lock cannot
        // span the load, so it guards nothing here; the same code without the locks was reported all along.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Publisher
            {
                private readonly object _sync = new object();
                private readonly ICatalogStore _store;
                private Catalog _channel;
                private Catalog _other;

                public Publisher(ICatalogStore store) => _store = store;

                public async Task<Catalog> ChannelAsync()
                {
                    if (_channel != null) return _channel;
                    lock (_sync)
                    {
                        if ({|#0:_channel != null|}) return _channel;
                    }

                    var created = await _store.LoadAsync();
                    lock (_sync)
                    {
                        _channel = created;
                    }

                    return _channel;
                }

                public async Task<Catalog> OtherAsync()
                {
                    lock (_sync)
                    {
                        if ({|#1:_other != null|}) return _other;
                    }

                    _other = await _store.LoadAsync();
                    return _other;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_channel"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_other"));
    }

    [Fact]
    public async Task BlazorFirstRenderBranch_DoesNotReport_AnotherMethodOrALambdaThereDoes()
    {
        // fluentui-blazor and ant-design-blazor (22 reports): `if (firstRender) { Module ??= await … }` in
        // OnAfterRenderAsync runs once per component; the same load in another method still races with it.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components;

            namespace Microsoft.AspNetCore.Components
            {
                public abstract class ComponentBase
                {
                    protected virtual Task OnAfterRenderAsync(bool firstRender) => Task.CompletedTask;
                }
            }

            public sealed class FluentButton : ComponentBase
            {
                private readonly ICatalogStore _store;
                private Catalog _module;
                private Catalog _other;
                private Func<Task> _later;
                private bool _initialized;
                private bool _shown;

                public FluentButton(ICatalogStore store) => _store = store;

                protected override async Task OnAfterRenderAsync(bool firstRender)
                {
                    if (firstRender && _store != null)
                    {
                        _module ??= await _store.LoadAsync();
                        _later = async () => { [|_other|] ??= await _store.LoadAsync(); };
                    }

                    if (firstRender && !_initialized) // the check in the first-render condition itself (Blazorise's charts)
                    {
                        await _store.LoadAsync();
                        _initialized = true;
                    }

                    if ([|!_shown|]) // not under the flag: every render after the first may get here
                    {
                        await _store.LoadAsync();
                        _shown = true;
                    }
                }

                public async Task ClickAsync()
                {
                    [|_module|] ??= await _store.LoadAsync();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateMethodsAwaitedThroughWhenAllUnderTheCallersSemaphore_DoNotReport_OutsideItTheyDo()
    {
        // azure-iot-sdk-csharp's AmqpUnit: `await Task.WhenAll(OpenReceiverAsync(ct), OpenSenderAsync(ct))` under the
        // link semaphore; every task has finished when the await does (4 reports).
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LinkUnit
            {
                private readonly SemaphoreSlim _sem = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _receiver;
                private Catalog _sender;
                private Catalog _other;

                public LinkUnit(ICatalogStore store) => _store = store;

                public async Task EnableAsync()
                {
                    await _sem.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.WhenAll(OpenReceiverAsync(), OpenSenderAsync()).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sem.Release();
                    }
                }

                public async Task RefreshAsync() => await Task.WhenAll(OpenOtherAsync(), Task.Delay(1));

                private async Task OpenReceiverAsync()
                {
                    if (_receiver == null)
                    {
                        _receiver = await _store.LoadAsync().ConfigureAwait(false);
                    }
                }

                private async Task OpenSenderAsync()
                {
                    if (_sender == null)
                    {
                        _sender = await _store.LoadAsync().ConfigureAwait(false);
                    }
                }

                private async Task OpenOtherAsync()
                {
                    if ([|_other == null|])
                    {
                        _other = await _store.LoadAsync().ConfigureAwait(false);
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateMethodOnlyCalledUnderTheCallersSemaphore_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return (await ResolveAsync().ConfigureAwait(false)).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                public async Task<string> FirstAsync()
                {
                    using (await AsyncLock.LockAsync())
                    {
                        var catalog = await this.ResolveAsync();
                        return catalog.Models[0];
                    }
                }

                // Reached only through a private step that is itself only called under the lock.
                public async Task<string> LastAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        return await LastModelAsync();
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                private async Task<string> LastModelAsync()
                {
                    var catalog = await ResolveAsync();
                    return catalog.Models[catalog.Models.Length - 1];
                }

                private async Task<Catalog> ResolveAsync()
                {
                    if (_catalog != null)
                    {
                        return _catalog;
                    }

                    var loaded = await _store.LoadAsync();
                    _catalog = loaded;
                    return loaded;
                }

                private static class AsyncLock
                {
                    public static Task<System.IDisposable> LockAsync() => Task.FromResult<System.IDisposable>(null);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LocalFunctionOnlyCalledUnderTheSemaphore_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        return (await ResolveAsync()).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }

                    async Task<Catalog> ResolveAsync()
                    {
                        if (_catalog == null)
                        {
                            _catalog = await _store.LoadAsync();
                        }

                        return _catalog;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateMethodWithAnUnguardedCaller_Reports()
    {
        // One guarded caller is not enough: CountUnlockedAsync enters without the lock.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        return (await ResolveAsync()).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                public async Task<int> CountUnlockedAsync() => (await ResolveAsync()).Models.Length;

                private async Task<Catalog> ResolveAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("@ResolveAsync")]
    [InlineData("Resolv\\u0065Async")]
    [InlineData("this.ResolveAsync")]
    public async Task PrivateMethodWithAnUnguardedCallerSpelledDifferently_Reports(string call)
    {
        // The callers are found in the file's text: a verbatim or escaped spelling of the name is still a call.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        // ResolveAsync() in a comment and "ResolveAsync()" in a string are no calls
                        return (await ResolveAsync()).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                public async Task<int> CountUnlockedAsync() => (await CALL()).Models.Length;

                private async Task<Catalog> ResolveAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """.Replace("CALL", call);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateMethodCalledUnderTheLockButNotAwaitedThere_Reports()
    {
        // The lock is released as soon as the task is returned (or a delegate may run the method anywhere): not a guard.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private Catalog _other;

                public TokenProvider(ICatalogStore store) => _store = store;

                public Task<Catalog> StartAsync()
                {
                    _lock.Wait();
                    try
                    {
                        return ResolveAsync();
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                public async Task<Catalog> OtherAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        Func<Task<Catalog>> load = ResolveOtherAsync;
                        return await ResolveOtherAsync();
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                private async Task<Catalog> ResolveAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                private async Task<Catalog> ResolveOtherAsync()
                {
                    if ({|MM0005:_other == null|})
                    {
                        _other = await _store.LoadAsync();
                    }

                    return _other;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NonPrivateMethodOrNoCaller_Reports()
    {
        // An internal method may be called from anywhere in the assembly; an uncalled private one has no guarded caller.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private Catalog _unused;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        return (await ResolveAsync()).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                internal async Task<Catalog> ResolveAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                private async Task<Catalog> NeverCalledAsync()
                {
                    if ({|MM0005:_unused == null|})
                    {
                        _unused = await _store.LoadAsync();
                    }

                    return _unused;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PartialTypeDeclaredInAnotherFileToo_Reports()
    {
        // The other file may call the method without the lock: callers are only looked for in the file of the check.
        var guarded = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed partial class TokenProvider
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public TokenProvider(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    await _lock.WaitAsync();
                    try
                    {
                        return (await ResolveAsync()).Models.Length;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                private async Task<Catalog> ResolveAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        var other = /* lang=c#-test */ """
            public sealed partial class TokenProvider
            {
                public string Name => "token";
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/TokenProvider.cs", guarded + Domain));
        test.TestState.Sources.Add(("/0/TokenProvider.Name.cs", other));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("await using var connection = await Connection.OpenAsync();")]
    [InlineData("using var response = await Connection.OpenAsync();")]
    [InlineData("using (await Connection.OpenAsync().ConfigureAwait(false))")]
    public async Task AwaitedDisposableThatIsNoLock_IsNoGuard_Reports(string heldResource)
    {
        // aspire's GuestAppHostProject: the caller holds an RPC connection (`await using var rpcClient = await
        // ConnectAsync(…)`), not a lock, around the call; in the checking function itself, the same.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class GuestHost
            {
                private readonly ICatalogStore _store;
                private Catalog _runtime;
                private Catalog _other;

                public GuestHost(ICatalogStore store) => _store = store;

                public async Task<int> InstallAsync()
                {
                    HELD
                    {
                        await EnsureRuntimeAsync();
                        return _runtime.Models.Length;
                    }
                }

                public async Task<Catalog> OtherAsync()
                {
                    HELD
                    {
                        if ({|MM0005:_other == null|})
                        {
                            _other = await _store.LoadAsync();
                        }

                        return _other;
                    }
                }

                private async Task EnsureRuntimeAsync()
                {
                    if ({|MM0005:_runtime == null|})
                    {
                        _runtime = await _store.LoadAsync();
                    }
                }
            }

            public sealed class Connection : IDisposable, IAsyncDisposable
            {
                public static Task<Connection> OpenAsync() => Task.FromResult(new Connection());
                public void Dispose() { }
                public ValueTask DisposeAsync() => default;
            }
            """.Replace("HELD", heldResource);
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("using (await _mutex.LockAsync())")]
    [InlineData("using (await _mutex.WriteLockAsync().ConfigureAwait(false))")]
    [InlineData("using (await _mutex.EnterAsync())")]
    [InlineData("using var held = await _mutex.AcquireAsync();")]
    [InlineData("using var held = await _gate.TakeAsync();")]
    [InlineData("using (await _mutex.LockAsync().AnyContext())")] // Foundatio's ConfigureAwait(false) extension (the triage)
    [InlineData("using var held = await _gate.TakeAsync().AnyContext();")]
    public async Task AwaitedAsyncLock_IsAGuard_ForTheCheckAndForCallers(string heldLock)
    {
        // Nito's AsyncLock, vs-threading's AsyncReaderWriterLock/AsyncSemaphore, and any call on a lock-like receiver.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class GuestHost
            {
                private readonly ICatalogStore _store;
                private readonly AsyncMutex _mutex = new AsyncMutex();
                private readonly GateLock _gate = new GateLock();
                private Catalog _runtime;
                private Catalog _other;

                public GuestHost(ICatalogStore store) => _store = store;

                public async Task<int> InstallAsync()
                {
                    HELD
                    {
                        await EnsureRuntimeAsync();
                        return _runtime.Models.Length;
                    }
                }

                public async Task<Catalog> OtherAsync()
                {
                    HELD
                    {
                        if (_other == null)
                        {
                            _other = await _store.LoadAsync();
                        }

                        return _other;
                    }
                }

                private async Task EnsureRuntimeAsync()
                {
                    if (_runtime == null)
                    {
                        _runtime = await _store.LoadAsync();
                    }
                }
            }

            public sealed class AsyncMutex
            {
                public Task<IDisposable> LockAsync() => Task.FromResult<IDisposable>(null);
                public Task<IDisposable> WriteLockAsync() => Task.FromResult<IDisposable>(null);
                public Task<IDisposable> EnterAsync() => Task.FromResult<IDisposable>(null);
                public Task<IDisposable> AcquireAsync() => Task.FromResult<IDisposable>(null);
            }

            public sealed class GateLock
            {
                public Task<IDisposable> TakeAsync() => Task.FromResult<IDisposable>(null);
            }

            public static class TaskExtensions
            {
                public static System.Runtime.CompilerServices.ConfiguredTaskAwaitable<T> AnyContext<T>(this Task<T> task) => task.ConfigureAwait(false);
            }
            """.Replace("HELD", heldLock);
        await VerifyAsync(source);
    }
    [Fact]
    public async Task PrivateMethodStartedUnderTheCallersBusyFlag_DoesNotReport()
    {
        // Triage FP8, azure-webjobs-sdk's PrimaryHostCoordinator: the lease timer claims `_processingLease` before it
        // starts the renewal and releases it in the task's continuation, so no two runs overlap. The same claim around an
        // awaited call (released in a finally), and a one-shot latch never released, guard their callee too.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class PrimaryHostCoordinator
            {
                private readonly ICatalogStore _store;
                private bool _processingLease;
                private bool _refreshing;
                private bool _started;
                private Catalog _hostId;
                private Catalog _snapshot;
                private Catalog _warm;

                public PrimaryHostCoordinator(ICatalogStore store) => _store = store;

                public void ProcessLeaseTimerTick(object state)
                {
                    if (_processingLease)
                    {
                        return;
                    }

                    _processingLease = true;

                    AcquireOrRenewLeaseAsync()
                        .ContinueWith(t =>
                        {
                            _ = t.Exception;
                            _processingLease = false;
                        }, TaskContinuationOptions.ExecuteSynchronously);
                }

                public async Task RefreshAsync()
                {
                    if (this._refreshing) return;
                    this._refreshing = true;
                    try
                    {
                        await RefreshSnapshotAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _refreshing = false;
                    }
                }

                public void Start()
                {
                    if (_started) throw new InvalidOperationException("started");
                    _started = true;
                    _ = WarmAsync();
                }

                private async Task AcquireOrRenewLeaseAsync()
                {
                    if (_hostId == null)
                    {
                        _hostId = await _store.LoadAsync();
                    }
                }

                private async Task RefreshSnapshotAsync()
                {
                    if (_snapshot == null)
                    {
                        _snapshot = await _store.LoadAsync();
                    }
                }

                private async Task WarmAsync()
                {
                    if (_warm == null)
                    {
                        _warm = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("if (_busy) return; _busy = true; _ = LoadOnceAsync(); _busy = false;")] // released while the task runs
    [InlineData("if (_busy) return; _busy = true; try { _ = LoadOnceAsync(); } finally { _busy = false; }")]
    [InlineData("if (_busy) return; _ = LoadOnceAsync();")] // tested, never claimed
    [InlineData("_busy = true; _ = LoadOnceAsync();")] // claimed, never tested
    [InlineData("if (_busy) return; _busy = true; _busy = false; await LoadOnceAsync();")] // released before the call
    [InlineData("_ = LoadOnceAsync(); if (_busy) return; _busy = true;")] // the claim comes after
    [InlineData("if (_count > 0) return; _count = 1; _ = LoadOnceAsync();")] // no bool flag
    [InlineData("var busy = false; if (busy) return; busy = true; _ = LoadOnceAsync();")] // a local is no shared claim
    [InlineData("if (_busy) return; _busy = true; Task.Run(() => LoadOnceAsync());")] // started from a lambda
    [InlineData("if (_busy) return; _busy = true; _ = LoadOnceAsync(); } public async Task OtherAsync() { _ = LoadOnceAsync();")] // a second, unclaimed caller
    public async Task PrivateMethodStartedWithoutAHeldBusyFlag_Reports(string caller)
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Coordinator
            {
                private readonly ICatalogStore _store;
                private bool _busy;
                private int _count;
                private Catalog _catalog;

                public Coordinator(ICatalogStore store) => _store = store;

                public async Task TickAsync()
                {
                    CALLER
                    await Task.Yield();
                }

                private async Task LoadOnceAsync()
                {
                    if ({|MM0005:_catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }
            }
            """.Replace("CALLER", caller);
        await VerifyAsync(source);
    }
}
