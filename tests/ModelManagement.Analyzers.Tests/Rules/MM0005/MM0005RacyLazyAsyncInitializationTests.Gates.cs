using System.Threading.Tasks;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The cheap gates before any graph is built (an <c>await</c> in the member's text, a member test, a member write or an
/// own call that could write one): every shape a write can take still reaches the analysis, and the gates drop only
/// members that cannot race.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task Gate_IncrementAfterAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private int? _warmups;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    if ([|_warmups == null|])
                    {
                        await _store.WarmUpAsync();
                        _warmups++;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_WriteOnlyInsideAsyncLambdaOfSyncMethod_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Func<Task<Catalog>> Loader()
                    => async () =>
                    {
                        if ([|_catalog == null|])
                        {
                            _catalog = await _store.LoadAsync();
                        }

                        return _catalog;
                    };
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_MemberTestAndAwaitButNoWrite_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
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
                        return loaded;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_AwaitOnlyInACommentOrString_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class LlmClient
            {
                private Catalog _catalog;

                // await is mentioned here, but nothing awaits: the member passes the text gate and stays quiet
                public Catalog Get()
                {
                    if (_catalog == null)
                    {
                        _catalog = new Catalog { Models = new[] { "await" } };
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_CheckOfOwnAutoPropertyThisQualifiedFieldAndNullableHasValue_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelRegistryClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private int? _version;

                public ModelRegistryClient(ICatalogStore store) => _store = store;

                private bool Loaded { get; set; }

                public async Task LoadAsync()
                {
                    if ([|!Loaded|])
                    {
                        await _store.WarmUpAsync();
                        Loaded = true;
                    }
                }

                public async Task<Catalog> GetAsync()
                {
                    if ([|this._catalog is null|])
                    {
                        this._catalog = await _store.LoadAsync();
                    }

                    return this._catalog;
                }

                public async Task<int> VersionAsync()
                {
                    if ([|!_version.HasValue|])
                    {
                        await _store.WarmUpAsync();
                        _version = 2;
                    }

                    return _version.Value;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_OnlyAnotherObjectsStateTested_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Settings { public bool Preload { get; set; } }

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly Settings _settings;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store, Settings settings) => (_store, _settings) = (store, settings);

                public async Task RefreshAsync(Settings request)
                {
                    if (_settings.Preload || request.Preload)
                    {
                        _catalog = await _store.LoadAsync();
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Gate_CheckOnlyInALoopCondition_Reports()
    {
        // No `if` in the member: the loop's own test is the check the graph finds.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Connector
            {
                private readonly ICatalogStore _store;
                private bool _connected;

                public Connector(ICatalogStore store) => _store = store;

                public async Task ConnectAsync()
                {
                    while ([|!_connected|])
                    {
                        await _store.WarmUpAsync();
                        _connected = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }
}
