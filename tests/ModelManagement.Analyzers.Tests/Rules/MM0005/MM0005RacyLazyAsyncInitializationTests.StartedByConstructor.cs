using System.Threading.Tasks;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// A private loop the constructor starts once (Obsidian's per-connection receive loop, <c>_ = Task.Run(ReceiveLoop)</c>):
/// it runs once per instance, so its state has one caller. Started in a loop, twice, or through a delegate something
/// else may call again, it is still judged.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task PrivateLoopStartedOnceByTheConstructor_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Connection
            {
                private readonly ICatalogStore _store;
                private bool _authenticated;
                private Catalog _catalog;

                public Connection(ICatalogStore store)
                {
                    _store = store;
                    _ = Task.Run(ReceiveLoop);
                    _ = this.WarmAsync();
                }

                private async Task ReceiveLoop()
                {
                    while (true)
                    {
                        if (!_authenticated)
                        {
                            await _store.WarmUpAsync();
                            _authenticated = true;
                        }
                    }
                }

                private async Task WarmAsync()
                {
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateMethodStartedOnceThroughALambdaThatOnlyCallsIt_DoesNotReport_OtherLambdasDo()
    {
        // The s34 shapes round (the most common real form): `Task.Run(async () => await InitializeAsync()).Wait();` and
        // `_ = Task.Run(() => InitializeAsync());` in a constructor start the method once, as `Task.Run(InitializeAsync)`
        // does. Controls: a lambda that calls it twice, one that passes an argument on, and one started in a loop.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Bot
            {
                private readonly ICatalogStore _store;
                private bool _isInitialized;
                private Catalog _catalog;
                private bool _twice;
                private Catalog _withArgument;
                private bool _looped;

                public Bot(ICatalogStore store)
                {
                    _store = store;
                    Task.Run(async () => await InitializeAsync()).Wait();
                    _ = Task.Factory.StartNew(() => LoadAsync());
                    _ = Task.Run(async () => { await TwiceAsync(); await TwiceAsync(); });
                    _ = Task.Run(() => WithArgumentAsync(1));
                    for (var i = 0; i < 2; i++)
                    {
                        _ = Task.Run(() => LoopedAsync());
                    }
                }

                private async Task InitializeAsync()
                {
                    if (_isInitialized) return;
                    await _store.WarmUpAsync();
                    _isInitialized = true;
                }

                private async Task LoadAsync()
                {
                    if (_catalog == null)
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }

                private async Task TwiceAsync()
                {
                    if ([|!_twice|])
                    {
                        await _store.WarmUpAsync();
                        _twice = true;
                    }
                }

                private async Task WithArgumentAsync(int attempt)
                {
                    if ([|_withArgument == null|])
                    {
                        _withArgument = await _store.LoadAsync();
                    }
                }

                private async Task LoopedAsync()
                {
                    if ([|!_looped|])
                    {
                        await _store.WarmUpAsync();
                        _looped = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MethodStartedOnceFromAnotherMethodThatRunsOnce_DoesNotReport_OneStartedFromAMethodRunTwiceDoes()
    {
        // What MM0001's lazy fix writes for `Task.Run(InitializeAsync).Wait();` (the s34 shapes round): the initializer's
        // factory `InitializeAsync1` awaits `Task.Run(InitializeAsync)`, so InitializeAsync runs once per instance, one
        // caller at a time — its own `if (_isInitialized) return;` races with nothing. Control: the same start inside a
        // private method the constructor calls twice.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class ModelCatalog
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;
                private bool _isInitialized;
                private bool _warm;

                public ModelCatalog(ICatalogStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(InitializeAsync1);
                    _ = WarmTwiceAsync();
                    _ = WarmTwiceAsync();
                }

                private async Task InitializeAsync1()
                {
                    await Task.Run(InitializeAsync).ConfigureAwait(false);
                }

                private async Task InitializeAsync()
                {
                    if (_isInitialized) return;
                    await _store.WarmUpAsync();
                    _isInitialized = true;
                }

                private async Task WarmTwiceAsync() => await Task.Run(WarmAsync);

                private async Task WarmAsync()
                {
                    if ([|!_warm|])
                    {
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
                }

                public async Task<bool> ReadyAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return _isInitialized;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FactoryOfASingleFlightLazyTheConstructorCreates_DoesNotReport_OtherLaziesAndUsesDo()
    {
        // An independent consumer: `_lazy = new AsyncLazy<…>(LoadAsync)` in the constructor, with `if (_models is null)`
        // inside LoadAsync — the lazy runs it one caller at a time. Also AsyncInitializer, and Lazy<Task<T>> in its default,
        // `true` or ExecutionAndPublication mode, with a method group or a lambda that only calls it. Still reported: a
        // PublicationOnly Lazy (runs the factory concurrently), a lazy created again by a method, and a factory also called
        // directly.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class CatalogConnection
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _lazy;
                private readonly AsyncInitializer _initializer;
                private readonly Lazy<Task<Catalog>> _byDefault;
                private readonly Lazy<Task<Catalog>> _threadSafe;
                private readonly Lazy<Task<Catalog>> _byMode;
                private Lazy<Task<Catalog>> _racing;
                private AsyncLazy<Catalog> _renewed;
                private Catalog _a, _b, _c, _d, _e, _f, _g, _h;
                private bool _warm;

                public CatalogConnection(ICatalogStore store)
                {
                    _store = store;
                    _lazy = new AsyncLazy<Catalog>(LoadAsync);
                    _initializer = new AsyncInitializer(WarmAsync);
                    _byDefault = new Lazy<Task<Catalog>>(() => LoadByDefaultAsync());
                    _threadSafe = new Lazy<Task<Catalog>>(async () => await LoadThreadSafeAsync(), true);
                    _byMode = new Lazy<Task<Catalog>>(LoadByModeAsync, LazyThreadSafetyMode.ExecutionAndPublication);
                    _racing = new Lazy<Task<Catalog>>(LoadRacingAsync, LazyThreadSafetyMode.PublicationOnly);
                    _renewed = new AsyncLazy<Catalog>(LoadRenewedAsync);
                }

                public void Renew() => _renewed = new AsyncLazy<Catalog>(LoadRenewedAsync);

                public Task<Catalog> DirectAsync() => LoadAlsoCalledAsync();

                private async Task<Catalog> LoadAsync()
                {
                    if (_a is null)
                    {
                        _a = await _store.LoadAsync();
                    }

                    return _a;
                }

                private async Task WarmAsync()
                {
                    if (!_warm)
                    {
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
                }

                private async Task<Catalog> LoadByDefaultAsync() => _b ??= await _store.LoadAsync();

                private async Task<Catalog> LoadThreadSafeAsync() => _c ??= await _store.LoadAsync();

                private async Task<Catalog> LoadByModeAsync() => _d ??= await _store.LoadAsync();

                private async Task<Catalog> LoadRacingAsync() => [|_e|] ??= await _store.LoadAsync();

                private async Task<Catalog> LoadRenewedAsync() => [|_f|] ??= await _store.LoadAsync();

                private async Task<Catalog> LoadAlsoCalledAsync() => [|_g|] ??= await _store.LoadAsync();

                private Lazy<Task<Catalog>> Unused() => new Lazy<Task<Catalog>>(LoadAlsoCalledAsync);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrivateLoopStartedTwiceInALoopOrThroughASchedulerOrSharingStaticState_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Pool
            {
                private readonly ICatalogStore _store;
                private bool _warm;
                private Catalog _catalog;
                private bool _started;

                public Pool(ICatalogStore store, Action<Func<Task>> schedule)
                {
                    _store = store;
                    for (var i = 0; i < 4; i++)
                    {
                        _ = WorkerAsync();
                    }

                    schedule(StartAsync);
                }

                public Pool(ICatalogStore store, int twice)
                {
                    _store = store;
                    _ = LoadAsync();
                    _ = LoadAsync();
                }

                private async Task WorkerAsync()
                {
                    if ([|!_warm|])
                    {
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
                }

                private async Task LoadAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }

                private async Task StartAsync()
                {
                    if ([|!_started|])
                    {
                        await _store.WarmUpAsync();
                        _started = true;
                    }
                }
            }

            public sealed class Primer
            {
                // Started once per instance, but the flag is shared by every instance's run.
                private static bool s_primed;
                private readonly ICatalogStore _store;

                public Primer(ICatalogStore store)
                {
                    _store = store;
                    _ = PrimeAsync();
                }

                private async Task PrimeAsync()
                {
                    if ([|!s_primed|])
                    {
                        await _store.WarmUpAsync();
                        s_primed = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }
}
