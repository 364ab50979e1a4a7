using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005: what a naive "check, await, write" rule would flag but is single-flight or not shared state.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{

    [Fact]
    public async Task TypeTestOfACachedObject_IsNoCheck_ButPatternsThatOnlyTestForNullAre()
    {
        // Flurl's FlurlResponse.GetJsonAsync<T>: `if (_capturedBody is T body) return body;` on an `object` field asks
        // whether the captured body has the type the caller wants; its false outcome (a body of another type, which is
        // re-deserialized and written) is no "not loaded yet". `is ModelList c` on a `ModelList` field and `is IModelList c` on
        // one whose type implements it only test for null, and stay checks.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelList { }
            public sealed class ModelList : IModelList { }
            public interface IBodyStore { Task<ModelList> LoadAsync(); Task<object> ReadAsync(); }

            public sealed class Response
            {
                private readonly IBodyStore _store;
                private object _capturedBody;
                private ModelList _catalog;
                private ModelList _other;

                public Response(IBodyStore store) => _store = store;

                public async Task<T> GetJsonAsync<T>()
                {
                    if (_capturedBody is T body)
                    {
                        return body;
                    }

                    _capturedBody = await _store.ReadAsync();
                    return (T)_capturedBody;
                }

                public async Task<ModelList> GetCatalogAsync()
                {
                    if ({|#0:_catalog is ModelList c|})
                    {
                        return c;
                    }

                    _catalog = await _store.LoadAsync();
                    return _catalog;
                }

                public async Task<IModelList> GetOtherAsync()
                {
                    if ({|#1:_other is IModelList c|})
                    {
                        return c;
                    }

                    _other = await _store.LoadAsync();
                    return _other;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_other"));
    }

    [Fact]
    public async Task SemaphoreDoubleCheckWithAForceOperandFirst_DoesNotReport_WithoutTheSemaphoreItDoes()
    {
        // The triage (Nethereum's chain list provider): `!forceReload &&` in front of the member's test let a path past the
        // re-check under the semaphore; any operand of the re-check that tests the member counts.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ChainList
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Catalog _all;
                private Catalog _other;

                public ChainList(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAllAsync(bool forceReload = false)
                {
                    if (!forceReload && _all != null)
                        return _all;

                    await _lock.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        if (!forceReload && _all != null)
                            return _all;

                        _all = await _store.LoadAsync().ConfigureAwait(false);
                        return _all;
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                public async Task<Catalog> GetOtherAsync(bool forceReload = false)
                {
                    if ([|!forceReload && _other != null|])
                        return _other;

                    _other = await _store.LoadAsync().ConfigureAwait(false);
                    return _other;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SemaphoreSlimDoubleCheckedInTryFinally_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog != null)
                    {
                        return _catalog;
                    }

                    await _gate.WaitAsync();
                    try
                    {
                        if (_catalog == null)
                        {
                            _catalog = await _store.LoadAsync();
                        }

                        return _catalog;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SemaphoreSlimDoubleCheckedWithCoalesceAssignmentAndReset_DoesNotReport()
    {
        // MassTransit's MongoDbScopedBusContext.AddSend: the re-check under the lock is `??=`, and a committed transaction
        // is reset to null first (a reset initializes nothing). Also the plain early-return form with `??=` under the lock.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ScopedBusContext
            {
                private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
                private readonly ICatalogStore _store;
                private Guid? _transactionId;
                private Guid? _committedId;
                private Catalog _catalog;

                public ScopedBusContext(ICatalogStore store) => _store = store;

                public async Task AddSend(CancellationToken cancellationToken)
                {
                    if (_transactionId == null || WasCommitted())
                    {
                        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            if (WasCommitted())
                            {
                                _transactionId = null;
                            }

                            _transactionId ??= await StartAsync().ConfigureAwait(false);
                        }
                        finally
                        {
                            _lock.Release();
                        }
                    }
                }

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog != null)
                    {
                        return _catalog;
                    }

                    await _lock.WaitAsync();
                    try
                    {
                        return _catalog ??= await _store.LoadAsync();
                    }
                    finally
                    {
                        _lock.Release();
                    }
                }

                private bool WasCommitted() => _transactionId == _committedId;

                private static Task<Guid?> StartAsync() => Task.FromResult<Guid?>(Guid.NewGuid());
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SemaphoreWaitedBeforeCheckWithoutTry_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

                public async Task<Catalog> GetAsync()
                {
                    await _gate.WaitAsync().ConfigureAwait(false);
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    _gate.Release();
                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AsyncLockTakenWithUsingAwait_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private readonly AsyncLock _lock = new AsyncLock();

                public async Task<Catalog> GetAsync()
                {
                    using (await _lock.LockAsync())
                    {
                        if (_catalog == null)
                        {
                            _catalog = await _store.LoadAsync();
                        }
                    }

                    return _catalog;
                }
            }

            public sealed class AsyncLock
            {
                public Task<IDisposable> LockAsync() => Task.FromResult<IDisposable>(null);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UsingDeclarationOfAsyncLock_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private readonly AsyncLock _lock = new AsyncLock();

                public async Task<Catalog> GetAsync()
                {
                    using var held = await _lock.LockAsync();
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }

            public sealed class AsyncLock
            {
                public Task<IDisposable> LockAsync() => Task.FromResult<IDisposable>(null);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TaskCachedWithCoalesceAssignment_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private Task<Catalog> _loading;

                public async Task<Catalog> GetAsync()
                {
                    _loading ??= _store.LoadAsync();
                    return await _loading;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TaskCachedInIfBeforeAwait_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private Task<Catalog> _loading;

                public async Task<Catalog> GetAsync()
                {
                    if (_loading == null)
                    {
                        _loading = _store.LoadAsync();
                    }

                    return await _loading;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FlagClaimedBeforeFirstAwait_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _started;

                public async Task StartAsync()
                {
                    if (!_started)
                    {
                        _started = true;
                        _catalog = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CheckOfLocal_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    Catalog local = null;
                    if (local == null)
                    {
                        local = await _store.LoadAsync();
                    }

                    return local;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CheckOfParameter_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync(Catalog cached)
                {
                    if (cached == null)
                    {
                        cached = await _store.LoadAsync();
                    }

                    return cached;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitOfOurAsyncLazyThenFlag_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly AsyncLazy<Catalog> _catalog;
                private bool _ready;

                public LlmClient(ICatalogStore store) => _catalog = new AsyncLazy<Catalog>(() => store.LoadAsync());

                public async Task<Catalog> GetAsync()
                {
                    if (!_ready)
                    {
                        await _catalog.GetValueAsync().ConfigureAwait(false);
                        _ready = true;
                    }

                    return await _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitOfAsyncInitializerThenFlag_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly AsyncInitializer _initializer;
                private bool _ready;

                public LlmClient(ICatalogStore store) => _initializer = new AsyncInitializer(() => store.WarmUpAsync());

                public async Task EnsureAsync()
                {
                    if (!_ready)
                    {
                        await _initializer.EnsureInitializedAsync();
                        _ready = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitOfLazyTaskValue_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly Lazy<Task<Catalog>> _lazy;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _lazy = new Lazy<Task<Catalog>>(() => store.LoadAsync());

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog == null)
                    {
                        _catalog = await _lazy.Value;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CoalesceAssignmentAwaitingAsyncLazy_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly AsyncLazy<Catalog> _lazy;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _lazy = new AsyncLazy<Catalog>(() => store.LoadAsync());

                public async Task<Catalog> GetAsync() => _catalog ??= await _lazy;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InterlockedCompareExchangeOnTheMember_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog == null)
                    {
                        var loaded = await _store.LoadAsync();
                        Interlocked.CompareExchange(ref _catalog, loaded, null);
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SynchronousMethod_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Catalog Get()
                {
                    if (_catalog == null)
                    {
                        _catalog = _store.LoadAsync().GetAwaiter().GetResult();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task WriteAfterTheBranchesMerge_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private int _calls;

                public async Task<Catalog> RefreshAsync()
                {
                    if (_catalog == null)
                    {
                        _calls++;
                    }

                    var loaded = await _store.LoadAsync();
                    _catalog = loaded;
                    return loaded;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UncheckedMemberWrittenAfterAwait_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private string _lastModel;

                public async Task<string> RememberAsync()
                {
                    if (_catalog == null)
                    {
                        throw new InvalidOperationException("not configured");
                    }

                    _lastModel = (await _store.LoadAsync()).Models[0];
                    return _lastModel;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ComputedProperty_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private Catalog[] _slots = new Catalog[1];

                private Catalog Current
                {
                    get => _slots[0];
                    set => _slots[0] = value;
                }

                public async Task<Catalog> GetAsync()
                {
                    if (Current == null)
                    {
                        Current = await _store.LoadAsync();
                    }

                    return Current;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FieldOfAnotherInstance_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task CopyToAsync(LlmClient other)
                {
                    if (other._catalog == null)
                    {
                        other._catalog = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("public async ValueTask DisposeAsync()")]
    [InlineData("async ValueTask IAsyncDisposable.DisposeAsync()")] // explicit implementation (MassTransit's ConstantPipeContextHandle)
    public async Task DisposeAsyncGuardFlag_DoesNotReport(string declaration)
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient : IAsyncDisposable
            {
                private readonly IAsyncDisposable _connection;
                private bool _disposed;

                public LlmClient(IAsyncDisposable connection) => _connection = connection;

                DECLARATION
                {
                    if (_disposed)
                    {
                        return;
                    }

                    await _connection.DisposeAsync();
                    _disposed = true;
                }
            }
            """.Replace("DECLARATION", declaration);
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("DeleteAsync")]
    [InlineData("CloseAsync")]
    [InlineData("StopAsync")]
    [InlineData("ShutdownAsync")]
    [InlineData("TeardownAsync")] // wolverine's queues (the triage)
    [InlineData("TerminateAsync")]
    [InlineData("DisconnectAsync")]
    [InlineData("OnCloseAsync")]
    [InlineData("OnClosedAsync")]
    [InlineData("HandleDisconnectAsync")]
    [InlineData("MarkStoppedAsync")]
    [InlineData("TryDeleteAsync")]
    [InlineData("DoDisposeAsync")]
    [InlineData("OnClosingAsync")] // the 2026-12-06 triage: NSwagStudio's WPF OnClosing confirms closing once
    [InlineData("OnFormClosingAsync")] // WinForms
    [InlineData("OnWindowClosingAsync")]
    [InlineData("DisposingAsync")]
    [InlineData("HandleShuttingDownAsync")]
    public async Task TeardownGuardFlag_DoesNotReport(string method)
    {
        await VerifyAsync(GuardFlagSource.Replace("METHOD", method).Replace("CHECK", "this.IsDeleted"));
    }

    /// <summary>`if (this.IsDeleted) return; await …; this.IsDeleted = true;` in a method named METHOD (check written CHECK).</summary>
    private const string GuardFlagSource = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        public class AgentThread
        {
            private readonly Func<Task> _deleteRemote;

            public AgentThread(Func<Task> deleteRemote) => _deleteRemote = deleteRemote;

            public bool IsDeleted { get; private set; }

            public virtual async Task METHOD()
            {
                if (CHECK)
                {
                    return;
                }

                await _deleteRemote();
                this.IsDeleted = true;
            }
        }
        """;

    [Fact]
    public async Task DbContextMembers_DoNotReport_ButTheSameStateOfAnotherTypeDoes()
    {
        // eShop's OrderingContext: a DbContext is one unit of work (a second operation started before the first completed
        // throws), so the transaction it begins once per unit has one caller at a time. EF 6's DbContext likewise, and a base
        // named DbContext that does not resolve yet (a package still restoring); a type that is no DbContext, or one named
        // so in another namespace, keeps its report.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext { }
            }

            namespace System.Data.Entity
            {
                public class DbContext { }
            }

            namespace Other
            {
                public class DbContext { }
            }

            public class OrderingContext : Microsoft.EntityFrameworkCore.DbContext
            {
                private readonly ICatalogStore _store;
                private Catalog _currentTransaction;

                public OrderingContext(ICatalogStore store) => _store = store;

                public async Task<Catalog> BeginTransactionAsync()
                {
                    if (_currentTransaction != null)
                    {
                        return null;
                    }

                    _currentTransaction = await _store.LoadAsync();
                    return _currentTransaction;
                }

                public void CommitTransaction() => _currentTransaction = null;
            }

            public sealed class DerivedContext : OrderingContext
            {
                private Catalog _cached;

                public DerivedContext(ICatalogStore store) : base(store) { }

                public async Task<Catalog> PeekAsync(ICatalogStore store)
                {
                    if (_cached == null)
                    {
                        _cached = await store.LoadAsync();
                    }

                    return _cached;
                }
            }

            public sealed class LegacyContext : System.Data.Entity.DbContext
            {
                private Catalog _cached;

                public async Task<Catalog> PeekAsync(ICatalogStore store)
                {
                    if (_cached == null)
                    {
                        _cached = await store.LoadAsync();
                    }

                    return _cached;
                }
            }

            public sealed class NotResolvedYet : {|CS0246:DbContext|}
            {
                private Catalog _cached;

                public async Task<Catalog> PeekAsync(ICatalogStore store)
                {
                    if (_cached == null)
                    {
                        _cached = await store.LoadAsync();
                    }

                    return _cached;
                }
            }

            public sealed class Lookalike : Other.DbContext
            {
                private Catalog _cached;

                public async Task<Catalog> PeekAsync(ICatalogStore store)
                {
                    if ({|#0:_cached == null|})
                    {
                        _cached = await store.LoadAsync();
                    }

                    return _cached;
                }
            }

            public sealed class UnitOfWork
            {
                private readonly ICatalogStore _store;
                private Catalog _currentTransaction;

                public UnitOfWork(ICatalogStore store) => _store = store;

                public async Task<Catalog> BeginTransactionAsync()
                {
                    if ({|#1:_currentTransaction != null|})
                    {
                        return null;
                    }

                    _currentTransaction = await _store.LoadAsync();
                    return _currentTransaction;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_cached"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_currentTransaction"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mm0005.single_caller_types = Marten.IDocumentSession, global::Agents.Executor")]
    [InlineData("mm0005.single_caller_types = T:Agents.Executor`1 ; Nope..Bad")]
    [InlineData("mm0005.single_caller_types = Session, SloganWriter")] // the concrete types themselves (a triage asked)
    public async Task TypesConfiguredAsSingleCaller_AreNotJudged_TheirStaticMembersAndOtherTypesAre(string? option)
    {
        // The triage of unseen repositories: a Marten session (a unit of work like a DbContext) and an agent framework's
        // executors, whose handlers the framework runs one message at a time. `mm0005.single_caller_types` names such base
        // classes or interfaces (by their qualified name; `T:`, `global::` and arity are accepted). A static member of such
        // a type, and a type the list does not name, stay judged.
        var listsExecutor = option is not null;
        var listsSession = option?.Contains("IDocumentSession") == true || option?.Contains("= Session") == true;
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace Marten { public interface IDocumentSession { } }

            namespace Agents { public abstract class Executor { } public abstract class Executor<T> : Executor { } }

            public sealed class Session : Marten.IDocumentSession
            {
                private Catalog _batch;

                public async Task<Catalog> StartBatchAsync(ICatalogStore store)
                {
                    if (SESSION_OPEN_batch == nullSESSION_CLOSE)
                    {
                        _batch = await store.LoadAsync();
                    }

                    return _batch;
                }
            }

            public sealed class SloganWriter : Agents.Executor<string>
            {
                private Catalog _session;
                private static Catalog s_shared;

                public async Task<Catalog> HandleAsync(ICatalogStore store)
                {
                    if (EXECUTOR_OPEN_session == nullEXECUTOR_CLOSE)
                    {
                        _session = await store.LoadAsync();
                    }

                    return _session;
                }

                public static async Task<Catalog> SharedAsync(ICatalogStore store)
                {
                    if ({|#2:s_shared == null|})
                    {
                        s_shared = await store.LoadAsync();
                    }

                    return s_shared;
                }
            }
            """
            .Replace("SESSION_OPEN", listsSession ? "" : "{|#0:").Replace("SESSION_CLOSE", listsSession ? "" : "|}")
            .Replace("EXECUTOR_OPEN", listsExecutor ? "" : "{|#1:").Replace("EXECUTOR_CLOSE", listsExecutor ? "" : "|}");
        var test = new Verify.Test { TestCode = source + Domain };
        if (option is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + option + "\n"));
        }

        if (!listsSession)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_batch"));
        }

        if (!listsExecutor)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_session"));
        }

        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("s_shared"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task InterlockedClaimOfAnotherFlagBeforeTheCheck_DoesNotReport_ButAClaimThatDoesNotLeaveDoes()
    {
        // DisCatSharp's bad-domain checker (the triage of unseen repositories): `if (Interlocked.Exchange(ref _initialized,
        // 1) == 1) return;` lets one caller through, so the check after it is single-flight; so is a check inside
        // `if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)`. An exchange whose result leads nowhere guards nothing.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public static class BadDomainChecker
            {
                private static Catalog s_parser;
                private static Catalog s_rules;
                private static Catalog s_other;
                private static int _initialized;
                private static int _state;
                private static int _count;

                internal static async Task LoadAsync(ICatalogStore store)
                {
                    if (Interlocked.Exchange(ref _initialized, 1) == 1)
                        return;

                    try
                    {
                        if (s_parser is null)
                        {
                            s_parser = await store.LoadAsync().ConfigureAwait(false);
                        }
                    }
                    catch (Exception)
                    {
                        Interlocked.Exchange(ref _initialized, 0);
                    }
                }

                internal static async Task RulesAsync(ICatalogStore store)
                {
                    if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
                    {
                        if (s_rules == null)
                        {
                            s_rules = await store.LoadAsync().ConfigureAwait(false);
                        }
                    }
                }

                internal static async Task OtherAsync(ICatalogStore store)
                {
                    Interlocked.Increment(ref _count);
                    if (Interlocked.Exchange(ref _count, 0) > 5)
                    {
                        Console.WriteLine("many");
                    }

                    if ({|#0:s_other == null|})
                    {
                        s_other = await store.LoadAsync().ConfigureAwait(false);
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("s_other"));
    }

    [Theory]
    [InlineData("OnLoadAsync")]
    [InlineData("OnlyCloseOnceAsync")] // "On" is no leading word here
    [InlineData("OnLoadingAsync")] // -ing forms of other verbs
    [InlineData("OnOpeningAsync")]
    [InlineData("OnFormLoadAsync")]
    [InlineData("DocumentAsync")]
    [InlineData("TryLoadAsync")]
    public async Task GuardFlagOfAMethodNotNamedForTeardown_Reports(string method)
    {
        var source = GuardFlagSource.Replace("METHOD", method).Replace("CHECK", "{|#0:this.IsDeleted|}");
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("IsDeleted"));
    }

    [Fact]
    public async Task ReadLoopWhoseLatchAnOwnOnCloseSets_DoesNotReport()
    {
        // Triage FP12 (puppeteer-sharp's WebSocketTransport): `while (!IsClosed)` reads until an own OnClose(..) sets the
        // latch; that write records a shutdown, it initializes nothing.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Transport
            {
                private readonly Func<CancellationToken, Task<int>> _receive;

                public Transport(Func<CancellationToken, Task<int>> receive) => _receive = receive;

                public bool IsClosed { get; private set; }

                public async Task ReadAsync(CancellationToken cancellationToken)
                {
                    while (!IsClosed)
                    {
                        var kind = await _receive(cancellationToken).ConfigureAwait(false);
                        if (kind == 0)
                        {
                            OnClose("closed");
                            return;
                        }
                    }
                }

                private void OnClose(string reason)
                {
                    if (!IsClosed)
                    {
                        IsClosed = true;
                        Console.WriteLine(reason);
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LatchSetByAnOwnTeardownMethod_DoesNotReport_ButOneSetByAnOwnLoadDoes()
    {
        // DSharpPlus' gateway client: errors are ignored once closure was requested; otherwise it tries to resume and, when
        // that fails, an own Terminate…() sets the latch. That write records a shutdown, it initializes nothing. The same
        // flag written by an own method of any other name is still judged by what that method writes.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class GatewayClient
            {
                private bool _closureRequested;
                private bool _connected;
                private CancellationTokenSource _cts = new CancellationTokenSource();

                public void Connect()
                {
                    _closureRequested = false;
                    _cts = new CancellationTokenSource();
                }

                public async Task HandleErrorAsync(int code)
                {
                    if (_closureRequested)
                    {
                        return;
                    }

                    bool resumed = await TryResumeAsync();
                    if (!resumed)
                    {
                        await TerminateCurrentFrameAsync();
                    }
                }

                public async Task SendAsync(string payload)
                {
                    if ({|#0:!_connected|})
                    {
                        await Task.Yield();
                        await OpenFrameAsync();
                    }
                }

                private Task<bool> TryResumeAsync() => Task.FromResult(false);

                private async Task TerminateCurrentFrameAsync()
                {
                    _closureRequested = true;
                    await Task.Yield();
                    _cts.Cancel();
                }

                private async Task OpenFrameAsync()
                {
                    _connected = true;
                    await Task.Yield();
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_connected"));
    }

    [Fact]
    public async Task AwaitOnlyInsideLambdaOfTheBranch_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private Func<Task> _warmUp;

                public async Task<Catalog> GetAsync()
                {
                    if (_warmUp == null)
                    {
                        _warmUp = async () => await _store.WarmUpAsync();
                    }

                    await _warmUp();
                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitOnTheAlreadyInitializedBranchOnly_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog != null)
                    {
                        await _store.WarmUpAsync();
                        return _catalog;
                    }

                    _catalog = new Catalog();
                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GeneratedCode_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            // <auto-generated/>
            using System.Threading.Tasks;

            public sealed class GeneratedClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public GeneratedClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ThrowOnMissingStateThenAwait_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<string> DescribeAsync()
                {
                    if (_catalog is null)
                    {
                        throw new InvalidOperationException("load first");
                    }

                    await _store.WarmUpAsync();
                    return _catalog.Models[0];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ThrowWhenAlreadyDone_RunOnceGuard_DoesNotReport()
    {
        // dotnet/extensions' ScenarioRun.EvaluateAsync: the check rejects a second call instead of serving a cached value.
        // The same check that returns the value is a lazy initialization and reports.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class ScenarioRun
            {
                private readonly ICatalogStore _store;
                private Catalog _result;
                private Catalog _cached;

                public ScenarioRun(ICatalogStore store) => _store = store;

                public async Task<Catalog> EvaluateAsync()
                {
                    if (_result is not null)
                    {
                        throw new InvalidOperationException($"{nameof(ScenarioRun)} has already been evaluated.");
                    }

                    var evaluated = await _store.LoadAsync();
                    _result = evaluated;
                    return evaluated;
                }

                public async Task<Catalog> GetAsync()
                {
                    if ({|#0:_cached is not null|})
                    {
                        return _cached;
                    }

                    _cached = await _store.LoadAsync();
                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task ErrorResultWhenAlreadyDone_RunOnceGuard_DoesNotReport_ButASuccessResultDoes()
    {
        // The triage (Remora.Discord's WebSocketPayloadTransportService.ConnectAsync): the Result-style form of the guard
        // above returns an error instead of throwing, as a new error object or through a static `Fail` factory. Returning
        // a success when already connected serves the state like a cache: the race stays reported.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Result { public static Result Success { get; } = new Result(); public static Result Fail(string message) => new Result(); }
            public class ResultError : Result { public ResultError(string message) { } }
            public sealed class InvalidOperationError : ResultError { public InvalidOperationError(string message) : base(message) { } }

            public sealed class Transport
            {
                private readonly ICatalogStore _store;
                private Catalog _socket;
                private Catalog _other;
                private Catalog _third;
                private Catalog _fourth;

                public Transport(ICatalogStore store) => _store = store;

                public async Task<Result> ConnectAsync()
                {
                    if (_socket is not null)
                    {
                        return new InvalidOperationError("The transport service is already connected.");
                    }

                    _socket = await _store.LoadAsync();
                    return Result.Success;
                }

                public async Task<Result> OpenAsync()
                {
                    if (_other != null)
                        return Result.Fail("already open");

                    _other = await _store.LoadAsync();
                    return Result.Success;
                }

                public async Task<Result> AttachAsync()
                {
                    if (_fourth is not null)
                    {
                        return new {|CS0246:UnloadedPackageError|}("already attached"); // a package's type the IDE has not loaded yet
                    }

                    _fourth = await _store.LoadAsync();
                    return Result.Success;
                }

                public async Task<Result> EnsureAsync()
                {
                    if ({|#0:_third is not null|})
                    {
                        return Result.Success;
                    }

                    _third = await _store.LoadAsync();
                    return Result.Success;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_third"));
    }

    [Fact]
    public async Task PrivateCoreOfMoveNextReturnedNotAwaited_DoesNotReport_ReturnedByAnyOtherMethodItDoes()
    {
        // The triage (grpc-dotnet's HttpContentClientStreamReader): `MoveNext` hands its caller the task of a private
        // `MoveNextCore` (through a local it also stores) instead of awaiting it; the reader's contract allows one call at
        // a time. The same helper returned by an ordinary method may run twice at once.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class StreamReader
            {
                private readonly ICatalogStore _store;
                private Task<bool> _moveNextTask;
                private Catalog _response;
                private Catalog _other;

                public StreamReader(ICatalogStore store) => _store = store;

                public Task<bool> MoveNext(CancellationToken cancellationToken)
                {
                    var task = MoveNextCore(cancellationToken);
                    _moveNextTask = task;
                    return task;
                }

                public Task<bool> FetchAsync() => FetchCore();

                private async Task<bool> MoveNextCore(CancellationToken cancellationToken)
                {
                    if (_response == null)
                    {
                        _response = await _store.LoadAsync();
                    }

                    return _response.Models.Length > 0;
                }

                private async Task<bool> FetchCore()
                {
                    if ([|_other == null|])
                    {
                        _other = await _store.LoadAsync();
                    }

                    return _other.Models.Length > 0;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateHelperItsTestsAwaitOneCallAtATime_DoesNotReport_ButAHelperCalledOtherwiseDoes()
    {
        // squidex's TextIndexerTests.GetProcessAsync: a private lazy helper every test awaits directly. The framework runs a
        // class's tests one after another, so nothing calls it twice at once. A helper a test's lambda calls (which may
        // run eight times together), one started without an await, and a public one (other code may call it) still report.
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class IndexerTests
            {
                private readonly ICatalogStore _store = null;
                private Catalog _process;
                private Catalog _concurrent;
                private Catalog _started;
                private Catalog _public;

                [Xunit.Fact]
                public async Task Indexes()
                {
                    var process = await GetProcessAsync();
                    Xunit.Assert.NotNull(process);
                }

                [Xunit.Fact]
                public async Task IndexesTwice()
                {
                    await GetProcessAsync().ConfigureAwait(false);
                    await this.GetProcessAsync();
                    await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => await GetConcurrentAsync()));
                    var pending = GetStartedAsync();
                    await GetStartedAsync();
                    await pending;
                    await GetPublicAsync();
                    await SearchAsync();
                }

                private Catalog _index;

                private async Task<int> SearchAsync()
                {
                    var index = await GetIndexAsync(); // a helper's helper (squidex's SearchAsync over GetProcessAsync)
                    return index.Models.Length;
                }

                private async Task<Catalog> GetIndexAsync()
                {
                    if (_index == null)
                    {
                        _index = await _store.LoadAsync();
                    }

                    return _index;
                }

                private async Task<Catalog> GetProcessAsync()
                {
                    if (_process == null)
                    {
                        _process = await _store.LoadAsync();
                    }

                    return _process;
                }

                private async Task<Catalog> GetConcurrentAsync() => {|#0:_concurrent|} ??= await _store.LoadAsync();

                private async Task<Catalog> GetStartedAsync()
                {
                    if ({|#1:_started == null|})
                    {
                        _started = await _store.LoadAsync();
                    }

                    return _started;
                }

                public async Task<Catalog> GetPublicAsync()
                {
                    if ({|#2:_public == null|})
                    {
                        _public = await _store.LoadAsync();
                    }

                    return _public;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_concurrent"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_started"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("_public"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task PublicMethodOfAPrivateNestedFixtureItsTestsAwait_DoesNotReport_AFixtureOthersCanReachDoes()
    {
        // A triage of unseen repositories (OllamaChat's MCP server tests, 5 reports): `await using var fixture = new
        // WebFixture(); var client = await fixture.CreateClientAsync();` in each test, the fixture a private nested type
        // whose public CreateClientAsync caches its client. Only the test class's code can call it, and its tests await it
        // one call at a time. The same fixture as a type of its own (any code may call it) and a nested fixture whose
        // method a test's lambda calls are still judged.
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class WebServerTests
            {
                private readonly ICatalogStore _store = null;

                [Xunit.Fact]
                public async Task AdvertisesSchema()
                {
                    var fixture = new WebFixture(_store);
                    var catalog = await fixture.CreateClientAsync();
                    Xunit.Assert.NotNull(catalog);
                    await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await new LambdaFixture(_store).CreateClientAsync()));
                    await new SharedFixture(_store).CreateClientAsync();
                }

                private sealed class WebFixture
                {
                    private readonly ICatalogStore _store;
                    private Catalog _client;

                    public WebFixture(ICatalogStore store) => _store = store;

                    public async Task<Catalog> CreateClientAsync()
                    {
                        if (_client is not null)
                        {
                            return _client;
                        }

                        _client = await _store.LoadAsync();
                        return _client;
                    }
                }

                private sealed class LambdaFixture
                {
                    private readonly ICatalogStore _store;
                    private Catalog _client;

                    public LambdaFixture(ICatalogStore store) => _store = store;

                    public async Task<Catalog> CreateClientAsync() => {|#0:_client|} ??= await _store.LoadAsync();
                }
            }

            public sealed class SharedFixture
            {
                private readonly ICatalogStore _store;
                private Catalog _client;

                public SharedFixture(ICatalogStore store) => _store = store;

                public async Task<Catalog> CreateClientAsync() => {|#1:_client|} ??= await _store.LoadAsync();
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_client"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_client"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task PublicMethodOfAnXunitFixtureItsTestsAwait_DoesNotReport_OneATestsLambdaCallsDoes()
    {
        // A triage of unseen repositories (opentelemetry-dotnet-instrumentation's OracleCollectionFixture, 2 reports): a
        // public method of an `ICollectionFixture<T>`/`IClassFixture<T>` fixture configures its container once, awaited only
        // by the tests of its collection or class, which xunit runs one at a time, and nothing outside the test assembly
        // calls it. A fixture method a test's lambda runs four times at once is still judged.
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;
            using Xunit;

            [CollectionDefinition("oracle")]
            public sealed class OracleCollection : ICollectionFixture<OracleFixture> { }

            public sealed class OracleFixture
            {
                private readonly ICatalogStore _store = null;
                private bool _tracingConfigured;
                private Catalog _catalog;

                public async Task EnableTracingAsync()
                {
                    if (_tracingConfigured)
                    {
                        return;
                    }

                    await _store.WarmUpAsync();
                    _tracingConfigured = true;
                }

                public async Task<Catalog> CatalogAsync() => {|#0:_catalog|} ??= await _store.LoadAsync();
            }

            [Collection("oracle")]
            public sealed class OracleTests
            {
                private readonly OracleFixture _oracle;

                public OracleTests(OracleFixture oracle) => _oracle = oracle;

                [Fact]
                public async Task SubmitsTraces()
                {
                    await _oracle.EnableTracingAsync();
                    await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await _oracle.CatalogAsync()));
                }
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task MethodOfAnXunitFixturesBaseClass_DoesNotReport_ABaseNoFixtureDerivesFromDoes()
    {
        // The s35 triage (IoTSharp's AppInstance): one fixture per database derives from an abstract base that caches the
        // login; the tests await `_fixture.LoginAsync()`, declared on the base. xunit calls it on the fixture instance it
        // made, one test at a time, whichever class declares it. A class no fixture derives from is still judged.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Xunit;

            public abstract class AppInstance
            {
                private readonly ICatalogStore _store = null;
                private Catalog _login;

                public async Task<Catalog> LoginAsync()
                {
                    if (_login is not null)
                    {
                        return _login;
                    }

                    _login = await _store.LoadAsync();
                    return _login;
                }
            }

            public sealed class SqliteAppFixture : AppInstance { }

            public abstract class OtherBase
            {
                private readonly ICatalogStore _store = null;
                private Catalog _login;

                public async Task<Catalog> LoginAsync()
                {
                    if ({|#0:_login is not null|})
                    {
                        return _login;
                    }

                    _login = await _store.LoadAsync();
                    return _login;
                }
            }

            public sealed class Other : OtherBase { }

            public sealed class ApiSmokeTests : IClassFixture<SqliteAppFixture>
            {
                private readonly SqliteAppFixture _fixture;
                private readonly Other _other = new Other();

                public ApiSmokeTests(SqliteAppFixture fixture) => _fixture = fixture;

                [Fact]
                public async Task Login_ReturnsToken()
                {
                    await _fixture.LoginAsync();
                    await _other.LoginAsync();
                }

                [Fact]
                public Task Login_Returned() => _fixture.LoginAsync();
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_login"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task XunitFixtureMethodsAwaitingEachOther_DoNotReport_OneAnotherTypeCallsDoes()
    {
        // The s34 triage (couchbase's Stellar and Combination fixtures, 3 reports): the fixture's public helpers, awaited by
        // the tests, also await each other and a private BuildAsync — every caller is a test or such a helper, run one at a
        // time — also through a test class's captured primary-constructor parameter. Control: a fixture helper a
        // non-fixture type's public method awaits is still judged.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Xunit;

            [CollectionDefinition("stellar")]
            public sealed class StellarCollection : ICollectionFixture<StellarFixture> { }

            public sealed class StellarFixture
            {
                private readonly ICatalogStore _store = null;
                private Catalog _cluster;
                private Catalog _other;

                private async Task BuildAsync()
                {
                    _cluster ??= await _store.LoadAsync();
                }

                public async Task<Catalog> DefaultBucket()
                {
                    if (_cluster == null)
                    {
                        await BuildAsync();
                    }

                    return _cluster;
                }

                public async Task<Catalog> GetDefaultScope()
                {
                    await BuildAsync();
                    return await DefaultBucket();
                }

                public async Task<Catalog> OtherAsync() => {|#0:_other|} ??= await _store.LoadAsync();
            }

            public sealed class Outsider
            {
                public async Task<Catalog> UseAsync(StellarFixture fixture) => await fixture.OtherAsync();
            }

            [Collection("stellar")]
            public sealed class StellarTests
            {
                private readonly StellarFixture _fixture;

                public StellarTests(StellarFixture fixture) => _fixture = fixture;

                [Fact]
                public async Task Bucket() => await _fixture.DefaultBucket();

                [Fact]
                public async Task Scope()
                {
                    await _fixture.GetDefaultScope();
                    await _fixture.OtherAsync();
                }
            }

            [Collection("stellar")]
            public sealed class StellarKvTests(StellarFixture fixture)
            {
                [Fact]
                public async Task Get() => await fixture.GetDefaultScope();
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_other"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task InsideTestMethods_DoesNotReport_ButTheirLambdasAndHelpersDo()
    {
        // jellyfin's integration tests: `_accessToken ??= await AuthHelper.CompleteStartupAsync(client)` in every [Fact].
        // The framework calls a test method; no two callers race through it. A helper the tests call, and a lambda a test
        // runs eight times at once, are still judged.
        var source = /* lang=c#-test */ """
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class CatalogControllerTests
            {
                private static Catalog _token;
                private Catalog _catalog;
                private Catalog _shared;
                private readonly ICatalogStore _store = null;

                [Xunit.Fact]
                public async Task Get_Ok()
                {
                    var token = _token ??= await _store.LoadAsync();
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }

                [Xunit.Theory]
                [Xunit.InlineData(1)]
                public async Task Get_Theory(int n)
                {
                    _token ??= await _store.LoadAsync();
                }

                [NUnit.Framework.Test]
                public async Task Get_NUnit()
                {
                    _token ??= await _store.LoadAsync();
                }

                [Xunit.Fact]
                public async Task Concurrent_Callers()
                {
                    // The test's own lambdas can race: eight callers at once.
                    await Task.WhenAll(System.Linq.Enumerable.Range(0, 8).Select(async _ =>
                    {
                        if ({|#1:_catalog == null|})
                        {
                            _catalog = await _store.LoadAsync();
                        }
                    }));
                    await Task.WhenAll(System.Linq.Enumerable.Range(0, 8).Select(async _ => {|#2:_token|} ??= await _store.LoadAsync()));
                }

                private async Task<Catalog> SharedAsync()
                {
                    if ({|#0:_shared == null|})
                    {
                        _shared = await _store.LoadAsync();
                    }

                    return _shared;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_shared"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_catalog"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("_token"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task SetUpMethods_DoNotReport_ButAnInitializeAsyncOfNoFrameworkDoes()
    {
        // The framework calls a fixture's set-up once before the tests (independent consumer: an xunit IAsyncLifetime
        // fixture loading policies). An InitializeAsync that implements no framework interface is an ordinary method.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class GateFixture : Xunit.IAsyncLifetime
            {
                private Catalog _policies;
                private readonly ICatalogStore _store = null;

                public async Task InitializeAsync()
                {
                    if (_policies == null)
                    {
                        _policies = await _store.LoadAsync();
                    }
                }

                public Task DisposeAsync() => Task.CompletedTask;
            }

            public sealed class ExplicitFixture : Xunit.IAsyncLifetime
            {
                private Catalog _policies;
                private readonly ICatalogStore _store = null;

                async Task Xunit.IAsyncLifetime.InitializeAsync() => _policies ??= await _store.LoadAsync();

                Task Xunit.IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
            }

            public sealed class NUnitAndMSTestSetUps
            {
                private Catalog _a;
                private Catalog _b;
                private static Catalog _c;
                private readonly ICatalogStore _store = null;

                [NUnit.Framework.OneTimeSetUp]
                public async Task OneTimeSetUpAsync() => _a ??= await _store.LoadAsync();

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestInitialize]
                public async Task InitAsync() => _b ??= await _store.LoadAsync();

                [Microsoft.VisualStudio.TestTools.UnitTesting.ClassInitialize]
                public static async Task ClassInitAsync(Microsoft.VisualStudio.TestTools.UnitTesting.TestContext context) => _c ??= await new Loader().LoadAsync();
            }

            public sealed class Loader { public Task<Catalog> LoadAsync() => Task.FromResult(new Catalog()); }

            public class FixtureBase : Xunit.IAsyncLifetime
            {
                public virtual Task InitializeAsync() => Task.CompletedTask;

                public Task DisposeAsync() => Task.CompletedTask;
            }

            public sealed class DerivedFixture : FixtureBase
            {
                private Catalog _connection;
                private readonly ICatalogStore _store = null;

                public override async Task InitializeAsync()
                {
                    await base.InitializeAsync();
                    _connection ??= await _store.LoadAsync();
                }
            }

            public sealed class NotAFixture
            {
                private Catalog _policies;
                private readonly ICatalogStore _store = null;

                public async Task InitializeAsync()
                {
                    if ({|#0:_policies == null|})
                    {
                        _policies = await _store.LoadAsync();
                    }
                }
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_policies"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task OverrideOfAHookTheBaseSetUpAwaits_DoesNotReport_ButAHookCalledElsewhereOrPublicDoes()
    {
        // Exceptionless' search tests: the base's IAsyncLifetime.InitializeAsync awaits a protected virtual
        // ResetDataAsync before each test, and a test class overrides it to seed its data once. Controls: a hook the base
        // also awaits from an ordinary method, and a public hook, which anyone may call.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public abstract class IntegrationTestsBase : Xunit.IAsyncLifetime
            {
                public virtual async Task InitializeAsync() => await ResetDataAsync();

                public Task DisposeAsync() => Task.CompletedTask;

                protected virtual Task ResetDataAsync() => Task.CompletedTask;
            }

            public class EventStackFilterQueryTests : IntegrationTestsBase
            {
                private static Catalog _testData;
                private readonly ICatalogStore _store = null;

                protected override async Task ResetDataAsync()
                {
                    if (_testData != null)
                    {
                        return;
                    }

                    await base.ResetDataAsync();
                    _testData = await _store.LoadAsync();
                }

                [Xunit.Fact]
                public void Filter_ReturnsOpenStacks() { }
            }

            public abstract class ServiceBase : Xunit.IAsyncLifetime
            {
                public async Task InitializeAsync() => await WarmUpAsync();

                public Task DisposeAsync() => Task.CompletedTask;

                public async Task RefreshAsync() => await WarmUpAsync();

                protected abstract Task WarmUpAsync();

                public abstract Task OpenAsync();
            }

            public sealed class Service : ServiceBase
            {
                private Catalog _a;
                private Catalog _b;
                private readonly ICatalogStore _store = null;

                protected override async Task WarmUpAsync()
                {
                    if ({|#0:_a == null|})
                    {
                        _a = await _store.LoadAsync();
                    }
                }

                public override async Task OpenAsync()
                {
                    if ({|#1:_b == null|})
                    {
                        _b = await _store.LoadAsync();
                    }
                }
            }
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_a"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_b"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task MemberWrittenByAnIfThatLeavesAndAgainAfterIt_DoesNotReport_AClassicEarlyReturnDoes()
    {
        // Real-code hunt: wolverine's leader lease takes the lock when it has none and returns; otherwise it renews it and
        // writes it again: state written on both outcomes of the check, not a value loaded once.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Leadership
            {
                private readonly ICatalogStore _store;
                private Catalog _lease;
                private Catalog _cached;

                public Leadership(ICatalogStore store) => _store = store;

                public async Task<bool> TryAttainAsync()
                {
                    var next = new Catalog();
                    if (_lease == null)
                    {
                        if ((await _store.LoadAsync()) != null) { _lease = next; return true; }
                        return false;
                    }

                    if ((await _store.LoadAsync()) != null) { _lease = next; return true; }
                    return false;
                }

                public async Task<Catalog> GetAsync()
                {
                    if ({|#0:_cached != null|})
                    {
                        return _cached;
                    }

                    _cached = await _store.LoadAsync();
                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task CallerFastPathInFrontOfACalleeThatChecksItself_ReportsOnlyTheCallee()
    {
        // Real-code hunt (wolverine's MultiTenantedMessageStore, duplicati's SharePoint backend): the race is the
        // callee's own check-await-write; the caller's `if (!_initialized) await InitializeAsync();` is a fast path in front
        // of it, and fixing the callee fixes both. A callee that does not check first still makes the caller's check racy.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Store
            {
                private bool _initialized;
                private bool _warm;

                private async Task MigrateAsync()
                {
                    if (!_initialized)
                    {
                        await InitializeAsync();
                    }

                    if ({|#1:!_warm|})
                    {
                        await WarmAsync();
                    }
                }

                public async Task InitializeAsync()
                {
                    if ({|#0:_initialized|}) return;
                    await Task.Delay(1);
                    _initialized = true;
                }

                private async Task WarmAsync()
                {
                    await Task.Delay(1);
                    _warm = true;
                }

                public Task RunAsync() => MigrateAsync();
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_initialized"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_warm"));
    }

    [Fact]
    public async Task CoalescedCursorMovedOnLaterInTheFunction_DoesNotReport_APlainCoalesceDoes()
    {
        // Real-code hunt: Brighter's AzureServiceBusMessageBatches — `_current ??= await CreateAsync();`, and when the batch
        // is full `_current = await CreateAsync();` again: a cursor the function moves on, not a value loaded once.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Batches
            {
                private readonly ICatalogStore _store;
                private Catalog _current;
                private Catalog _cached;

                public Batches(ICatalogStore store) => _store = store;

                public async Task<bool> TryAddAsync(string model)
                {
                    _current ??= await _store.LoadAsync();
                    if (_current.Models.Length < 10) return true;
                    _current = await _store.LoadAsync();
                    return _current.Models.Length < 10;
                }

                public async Task<Catalog> GetAsync(bool wrap)
                {
                    {|#0:_cached|} ??= await _store.LoadAsync();
                    if (wrap)
                    {
                        _cached = new Catalog { Models = _cached.Models }; // a conditional rewrap (wolverine's ListeningAgent): still racy
                    }

                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task CheckedStateMovedOnLaterInTheFunction_DoesNotReport_LikeTheCoalesceForm()
    {
        // dotnet format on agentfw: `if (_stateCache is null) { _stateCache = await Read…; }` and, after the work,
        // `_stateCache = newState;` — state the function moves on, as the `??=` cursor above, not a value loaded once.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Executor
            {
                private readonly ICatalogStore _store;
                private Catalog _state;
                private Catalog _cached;

                public Executor(ICatalogStore store) => _store = store;

                public async Task InvokeAsync()
                {
                    if (_state is null)
                    {
                        _state = await _store.LoadAsync();
                    }

                    var next = new Catalog { Models = _state.Models };
                    await _store.WarmUpAsync();
                    _state = next;
                }

                public async Task<Catalog> GetAsync(bool wrap)
                {
                    if ({|#0:_cached is null|})
                    {
                        _cached = await _store.LoadAsync();
                    }

                    if (wrap)
                    {
                        _cached = new Catalog { Models = _cached.Models }; // a conditional rewrap: still racy
                    }

                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task CheckedStateMovedOnInsideALaterTryOrUsing_DoesNotReport_ButOnlyInItsHandlerOrABranchDoes()
    {
        // orleans's cosmos membership table (the 2026-12-06 triage): the silo's row is cached for its ETag and replaced by
        // the row each update returns, inside `try { … _self = replaced; } catch { _self = null; throw; }`. A later write
        // only in the handler, or in one branch of the try, is no moving on.
        var source = /* lang=c#-test */ """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class MembershipTable
            {
                private readonly ICatalogStore _store;
                private Catalog _self;
                private Catalog _other;
                private Catalog _handled;
                private Catalog _branch;

                public MembershipTable(ICatalogStore store) => _store = store;

                public async Task UpdateAsync()
                {
                    if (_self is null)
                    {
                        _self = await _store.LoadAsync();
                    }

                    try
                    {
                        var replaced = await _store.LoadAsync();
                        _self = replaced;
                    }
                    catch (Exception)
                    {
                        _self = null;
                        throw;
                    }
                }

                public async Task RenewAsync(Stream stream)
                {
                    if (_other == null)
                    {
                        _other = await _store.LoadAsync();
                    }

                    using (stream)
                    {
                        lock (stream)
                        {
                            _other = new Catalog { Models = _other.Models };
                        }
                    }
                }

                public async Task HandleAsync()
                {
                    if ({|#0:_handled == null|})
                    {
                        _handled = await _store.LoadAsync();
                    }

                    try
                    {
                        await _store.WarmUpAsync();
                    }
                    catch (Exception)
                    {
                        _handled = null;
                        throw;
                    }
                }

                public async Task BranchAsync(bool renew)
                {
                    if ({|#1:_branch == null|})
                    {
                        _branch = await _store.LoadAsync();
                    }

                    try
                    {
                        if (renew)
                        {
                            _branch = await _store.LoadAsync();
                        }
                    }
                    finally
                    {
                        await _store.WarmUpAsync();
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_handled"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_branch"));
    }

    [Fact]
    public async Task MemberRewrittenOnBothOutcomes_DoesNotReport_ButAnElseThatOnlyReadsDoes()
    {
        // LlmTornado's runtime configurations: the conversation is started or continued, and written either way — state
        // updated on every call, which no single-flight helper expresses.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Conversation
            {
                private readonly ICatalogStore _store;
                private Catalog _current;
                private Catalog _cached;

                public Conversation(ICatalogStore store) => _store = store;

                public async Task<Catalog> AddAsync()
                {
                    if (_current == null)
                    {
                        _current = await _store.LoadAsync();
                    }
                    else
                    {
                        await _store.WarmUpAsync();
                        _current = new Catalog { Models = _current.Models };
                    }

                    return _current;
                }

                public async Task<Catalog> GetAsync()
                {
                    if ({|#0:_cached == null|})
                    {
                        _cached = await _store.LoadAsync();
                    }
                    else
                    {
                        System.Console.WriteLine(_cached.Models.Length);
                    }

                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task MemoizedTaskReadIntoALocalUnderALock_DoesNotReport_AFreshTaskInTheLocalDoes()
    {
        // A fix-shapes round: the lock may not hold an await, so the memo is taken into a local under it and awaited after:
        // `lock (_gate) { load = _load ??= LoadAsync(); } _models = await load;` loads once, and was reported. A local that
        // holds a fresh task on some path runs the work once per caller.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Models
            {
                private readonly object _gate = new object();
                private readonly ICatalogStore _store;
                private Task<Catalog> _load;
                private Catalog _models;
                private Catalog _other;

                public Models(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_models != null) return _models;
                    Task<Catalog> load;
                    lock (_gate) { load = _load ??= _store.LoadAsync(); }
                    _models = await load;
                    return _models;
                }

                public async Task<Catalog> OtherAsync(bool fresh)
                {
                    if ({|#0:_other != null|}) return _other;
                    Task<Catalog> load;
                    lock (_gate) { load = _load ??= _store.LoadAsync(); }
                    if (fresh) load = _store.LoadAsync();
                    _other = await load;
                    return _other;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_other"));
    }

    [Fact]
    public async Task AwaitOfAMemoizedTask_ThenFlag_DoesNotReport_ButAFreshTaskDoes()
    {
        // orleans' ConfirmationWorker.Confirmed: every caller awaits the one stored task; the flag only records that it
        // finished. A task created afresh by each caller runs the work twice.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class ConfirmationWorker
            {
                private readonly ICatalogStore _store;
                private Task _pending;
                private bool _complete;
                private Task<Catalog> _loading;
                private bool _loaded;
                private Task _fresh;
                private bool _warm;

                public ConfirmationWorker(ICatalogStore store) => _store = store;

                public async Task<bool> ConfirmedAsync()
                {
                    if (_complete) return _complete;
                    _pending = _pending ?? _store.WarmUpAsync();
                    try
                    {
                        await _pending;
                        _complete = true;
                    }
                    catch (Exception)
                    {
                        _pending = null;
                    }

                    return _complete;
                }

                public async Task<bool> LoadedAsync()
                {
                    if (!_loaded)
                    {
                        _loading ??= _store.LoadAsync();
                        await _loading.ConfigureAwait(false);
                        _loaded = true;
                    }

                    return _loaded;
                }

                public async Task WarmAsync()
                {
                    if ({|#0:!_warm|})
                    {
                        _fresh = _store.WarmUpAsync();
                        await _fresh;
                        _warm = true;
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_warm"));
    }

    [Fact]
    public async Task MemoWrittenWhereItIsAwaited_OrInAnOwnHelper_DoesNotReport_AFreshTaskDoes()
    {
        // A fix-shapes round: the memoized task written in the await itself (`_x = await (_loading ??= LoadAsync())`, its
        // C# 7.3 spelling, `LazyInitializer.EnsureInitialized(ref _loading, …)`) or handed out by an own member that only
        // memoizes it (a method or get-only property `=> _loading ??= …`) is the one task every caller awaits, as with
        // `_loading ??= …; await _loading;`. A task assigned afresh, or an own helper starting one per call, loads per caller.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Catalogs
            {
                private readonly ICatalogStore _store;
                private Task<Catalog> _loading;
                private Catalog _a, _b, _c, _d, _e, _f, _g, _h, _i, _j, _k;

                public Catalogs(ICatalogStore store) => _store = store;

                private Task<Catalog> LoadOnceAsync() => _loading ??= _store.LoadAsync();

                private Task<Catalog> Loading
                {
                    get { return _loading ?? (_loading = _store.LoadAsync()); }
                }

                private Task<Catalog> LoadFreshAsync() => _store.LoadAsync();

                public async Task<Catalog> A()
                {
                    if (_a == null) { _a = await (_loading ??= _store.LoadAsync()); }
                    return _a;
                }

                public async Task<Catalog> B()
                {
                    if (_b == null) _b = await (_loading ?? (_loading = _store.LoadAsync())).ConfigureAwait(false);
                    return _b;
                }

                public async Task<Catalog> C()
                {
                    if (_c == null) _c = await LazyInitializer.EnsureInitialized(ref _loading, () => _store.LoadAsync());
                    return _c;
                }

                public async Task<Catalog> D()
                {
                    if (_d != null) return _d;
                    _d = await LoadOnceAsync();
                    return _d;
                }

                public async Task<Catalog> E()
                {
                    return _e ??= await Loading;
                }

                public async Task<Catalog> F()
                {
                    if ({|#0:_f == null|}) { _f = await (_loading = _store.LoadAsync()); }
                    return _f;
                }

                public async Task<Catalog> G()
                {
                    if ({|#1:_g != null|}) return _g;
                    _g = await LoadFreshAsync();
                    return _g;
                }

                public async Task<Catalog> H()
                {
                    var context = new LoadContext();
                    if ({|#2:_h == null|}) { _h = await (context.Loading ??= _store.LoadAsync()); }
                    return _h;
                }

                public async Task<Catalog> I()
                {
                    if ({|#3:_i == null|}) { _loading = null; _i = await (_loading ??= _store.LoadAsync()); }
                    return _i;
                }

                public async Task<Catalog> J()
                {
                    if ({|#4:_j == null|}) { _j = await new Catalogs(_store).LoadOnceAsync(); }
                    return _j;
                }

                public async Task<Catalog> K()
                {
                    var context = new LoadContext();
                    if ({|#5:_k == null|}) { context.Loading ??= _store.LoadAsync(); _k = await context.Loading; }
                    return _k;
                }
            }

            public sealed class LoadContext
            {
                public Task<Catalog> Loading { get; set; }
            }
            """;
        // A second fix-shapes round: a memo on a per-call holder (written in the await, or stored and then awaited), one
        // cleared right before it is written, and the memo helper of a fresh instance are shared by nobody (five first
        // callers, five loads).
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_f"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_g"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_h"),
            Verify.Diagnostic().WithLocation(3).WithArguments("_i"),
            Verify.Diagnostic().WithLocation(4).WithArguments("_j"),
            Verify.Diagnostic().WithLocation(5).WithArguments("_k"));
    }

    [Fact]
    public async Task FailureLatchWrittenInACatch_DoesNotReport_ButAWriteInTheTryDoes()
    {
        // orleans' MembershipTableCleanupAgent: `if (_unsupported) return; await CleanupAsync();` where the cleanup sets
        // `_unsupported = true;` in its `catch (NotImplementedException)`. The write records a failure; nothing is
        // initialized. The same check over a helper that writes the flag after its await in the `try` reports.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class CleanupAgent
            {
                private readonly ICatalogStore _store;
                private bool _unsupported;
                private bool _directUnsupported;
                private bool _warmed;

                public CleanupAgent(ICatalogStore store) => _store = store;

                public async Task RunAsync()
                {
                    if (_unsupported)
                    {
                        return;
                    }

                    await CleanupAsync();
                }

                public async Task RunDirectAsync()
                {
                    if (!_directUnsupported)
                    {
                        try
                        {
                            await _store.WarmUpAsync();
                        }
                        catch (NotImplementedException)
                        {
                            _directUnsupported = true;
                        }
                    }
                }

                public async Task WarmAsync()
                {
                    if ({|#0:!_warmed|})
                    {
                        await WarmCoreAsync();
                    }
                }

                private async Task CleanupAsync()
                {
                    try
                    {
                        await _store.WarmUpAsync();
                    }
                    catch (NotImplementedException)
                    {
                        _unsupported = true;
                    }
                }

                private async Task WarmCoreAsync()
                {
                    try
                    {
                        await _store.WarmUpAsync();
                        _warmed = true;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_warmed"));
    }

    [Fact]
    public async Task AsyncEnumeratorMoveNextAsync_DoesNotReport_ButAnotherMethodDoes()
    {
        // EF Core's Cosmos query enumerators: `if (!_data.HasValue) { await _inner.MoveNextAsync(); _data = …; }` inside
        // MoveNextAsync. IAsyncEnumerator<T> forbids overlapping MoveNextAsync calls: one caller, a state machine.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class CatalogEnumerator : IAsyncEnumerator<Catalog>
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private Catalog _cached;

                public CatalogEnumerator(ICatalogStore store) => _store = store;

                public Catalog Current => _data;

                public async ValueTask<bool> MoveNextAsync()
                {
                    if (_data == null)
                    {
                        _data = await _store.LoadAsync();
                        return true;
                    }

                    return false;
                }

                public async Task<Catalog> CachedAsync() // not a step (Peek…, Next…): still judged
                {
                    if ({|#0:_cached == null|})
                    {
                        _cached = await _store.LoadAsync();
                    }

                    return _cached;
                }

                public ValueTask DisposeAsync() => default;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task HostedServiceStartAsync_DoesNotReport_ButAStartAsyncOfNoHostedServiceDoes()
    {
        // aspire's CLI telemetry: the host calls IHostedService.StartAsync once per service, so its
        // `if (!_isInitialized) { …await…; _isInitialized = true; }` has no second caller (like BackgroundService.ExecuteAsync),
        // nor does a private helper only it awaits. A StartAsync of no hosted service, and its helper, may have many.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            namespace Microsoft.Extensions.Hosting
            {
                public interface IHostedService
                {
                    Task StartAsync(CancellationToken cancellationToken);
                    Task StopAsync(CancellationToken cancellationToken);
                }
            }

            public sealed class TelemetryService : Microsoft.Extensions.Hosting.IHostedService
            {
                private readonly ICatalogStore _store;
                private bool _isInitialized;

                public TelemetryService(ICatalogStore store) => _store = store;

                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    if (!_isInitialized)
                    {
                        await _store.WarmUpAsync();
                        _isInitialized = true;
                    }

                    await ConnectAsync().ConfigureAwait(false);
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                private Catalog _connection;

                private async Task ConnectAsync()
                {
                    if (_connection == null)
                    {
                        _connection = await _store.LoadAsync();
                    }
                }
            }

            public sealed class ExplicitService : Microsoft.Extensions.Hosting.IHostedService
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public ExplicitService(ICatalogStore store) => _store = store;

                async Task Microsoft.Extensions.Hosting.IHostedService.StartAsync(CancellationToken cancellationToken)
                {
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public sealed class Engine
            {
                private readonly ICatalogStore _store;
                private bool _isInitialized;

                public Engine(ICatalogStore store) => _store = store;

                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    if ({|#0:!_isInitialized|})
                    {
                        await _store.WarmUpAsync();
                        _isInitialized = true;
                    }

                    await ConnectAsync();
                }

                private Catalog _connection;

                private async Task ConnectAsync()
                {
                    if ({|#1:_connection == null|})
                    {
                        _connection = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_isInitialized"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_connection"));
    }

    [Fact]
    public async Task OnceRaisedLifecycleOverrides_DoNotReport_ALookalikeAndAnotherMethodDo()
    {
        // A triage of unseen repositories: ClassIsland's Avalonia settings window (`OnOpened`, raised once per opening on
        // the UI thread) and Blazor's `OnInitializedAsync` (run once per component instance): a first-time flag there has
        // no second caller. A method of that name overriding nothing of theirs, and another method, are still judged.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            namespace Avalonia.Controls { public class Window { protected virtual void OnOpened(EventArgs e) { } } }
            namespace Microsoft.AspNetCore.Components { public abstract class ComponentBase { protected virtual Task OnInitializedAsync() => Task.CompletedTask; } }
            namespace Lookalike { public class Window { protected virtual void OnOpened(EventArgs e) { } } }

            public sealed class SettingsWindow : Avalonia.Controls.Window
            {
                private bool _isFirstNavigated;

                protected override async void OnOpened(EventArgs e)
                {
                    base.OnOpened(e);
                    if (_isFirstNavigated)
                    {
                        return;
                    }

                    await NavigateAsync("general");
                    _isFirstNavigated = true;
                }

                private Task NavigateAsync(string page) => Task.Delay(10);
            }

            public sealed class ModelList : Microsoft.AspNetCore.Components.ComponentBase
            {
                private string[] _models;
                private string[] _others;

                protected override async Task OnInitializedAsync()
                {
                    if (_models == null)
                    {
                        _models = await LoadAsync();
                    }
                }

                public async Task RefreshAsync()
                {
                    if ({|#0:_others == null|})
                    {
                        _others = await LoadAsync();
                    }
                }

                private Task<string[]> LoadAsync() => Task.FromResult(new[] { "a" });
            }

            public sealed class PlainWindow : Lookalike.Window
            {
                private bool _navigated;

                protected override async void OnOpened(EventArgs e)
                {
                    if ({|#1:_navigated|})
                    {
                        return;
                    }

                    await Task.Delay(10);
                    _navigated = true;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_others"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_navigated"));
    }

    [Fact]
    public async Task BackgroundServiceExecuteAsync_DoesNotReport_ButAnotherMethodAndAnOwnExecuteAsyncDo()
    {
        // An independent consumer's reconnect loop: the host calls ExecuteAsync once per service, so its
        // `if (_client == null) { _client = await ConnectAsync(ct); }` has no second caller to race with.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Microsoft.Extensions.Hosting
            {
                public abstract class BackgroundService
                {
                    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
                }
            }

            public sealed class UsageFlushService : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly ICatalogStore _store;
                private Catalog _client;
                private Catalog _cached;

                public UsageFlushService(ICatalogStore store) => _store = store;

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        try
                        {
                            if (_client == null)
                            {
                                _client = await _store.LoadAsync();
                            }

                            await Task.Delay(10, stoppingToken);
                        }
                        catch (InvalidOperationException)
                        {
                            _client = null;
                        }
                    }
                }

                public async Task<Catalog> PeekAsync()
                {
                    if ({|#0:_cached == null|})
                    {
                        _cached = await _store.LoadAsync();
                    }

                    return _cached;
                }
            }

            public sealed class Job
            {
                private readonly ICatalogStore _store;
                private Catalog _client;

                public Job(ICatalogStore store) => _store = store;

                public async Task ExecuteAsync(CancellationToken cancellationToken)
                {
                    if ({|#1:_client == null|})
                    {
                        _client = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_cached"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_client"));
    }

    [Fact]
    public async Task CoalesceAssignmentInTeardownOrMoveNextAsync_DoesNotReport_LikeTheIfForm()
    {
        // wolverine's StickyPostgresqlQueueListenerAgent.StopAsync: `_tenantEndpoint ??= await …;`. The exemptions held for
        // the `if` form only; the `??=` form was reported. A lambda inside a teardown method is still judged, as before.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class ListenerAgent : IAsyncDisposable
            {
                private readonly ICatalogStore _store;
                private Catalog _endpoint;
                private Catalog _other;
                private Catalog _cached;

                public ListenerAgent(ICatalogStore store) => _store = store;

                public async Task StopAsync()
                {
                    _endpoint ??= await _store.LoadAsync();
                    Func<Task> later = async () => { {|#1:_other|} ??= await _store.LoadAsync(); };
                    await later();
                }

                public async ValueTask DisposeAsync() => _endpoint ??= await _store.LoadAsync();

                public async Task<Catalog> GetAsync() => {|#0:_cached|} ??= await _store.LoadAsync();
            }

            public sealed class CatalogEnumerator : IAsyncEnumerator<Catalog>
            {
                private readonly ICatalogStore _store;
                private Catalog _data;

                public CatalogEnumerator(ICatalogStore store) => _store = store;

                public Catalog Current => _data;

                public async ValueTask<bool> MoveNextAsync()
                {
                    _data ??= await _store.LoadAsync();
                    return _data != null;
                }

                public ValueTask DisposeAsync() => default;
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_cached"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_other"));
    }

    [Fact]
    public async Task KeyedCacheElementWrites_AreNotJudged_TheWholeFieldWrittenThatWayIs()
    {
        // A real-code check (d-german/cache-example): `if (!Cache.ContainsKey(key)) Cache[key] = await …;` races per key, but the
        // rule judges a member written as a whole; an element write is not one (documented under "Not reported").
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class Calculator
            {
                private readonly Dictionary<int, int> _cache = new Dictionary<int, int>();
                private Dictionary<int, int> _all;

                public async Task<int> GetValueAsync(int key)
                {
                    if (!_cache.ContainsKey(key))
                    {
                        _cache[key] = await CalculateAsync(key);
                    }

                    return _cache[key];
                }

                public async Task<int> CountAsync()
                {
                    if ({|#0:_all == null|})
                    {
                        _all = await LoadAllAsync();
                    }

                    return _all.Count;
                }

                private static Task<int> CalculateAsync(int key) => Task.FromResult(key * 2);
                private static Task<Dictionary<int, int>> LoadAllAsync() => Task.FromResult(new Dictionary<int, int>());
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_all"));
    }
}
