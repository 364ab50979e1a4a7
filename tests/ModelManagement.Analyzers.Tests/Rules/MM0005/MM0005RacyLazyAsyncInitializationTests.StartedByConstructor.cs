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
