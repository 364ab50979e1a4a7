using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The caller's <c>CancellationToken</c> inside the guarded block of a flag (semantic-kernel's FunctionStore and
/// ContextualFunctionProvider): the shared load gets <c>CancellationToken.None</c>, the caller's token cancels its wait.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task Fix_FlagBlockPassesTheCallersToken_LoadGetsNone_WaitGetsTheToken()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class FunctionStore
            {
                private readonly ICatalogStore _store;
                private bool _isCollectionExistenceAsserted = false;

                public FunctionStore(ICatalogStore store) => _store = store;

                public async Task SearchAsync(string query, CancellationToken cancellationToken = default)
                {
                    if ([|!_isCollectionExistenceAsserted|])
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        if ((await _store.LoadAsync().ConfigureAwait(false)).Models.Length == 0)
                        {
                            throw new InvalidOperationException("Collection does not exist.");
                        }

                        _isCollectionExistenceAsserted = true;
                    }

                    await Task.Delay(1, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class FunctionStore
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public FunctionStore(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task SearchAsync(string query, CancellationToken cancellationToken = default)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

                    await Task.Delay(1, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                private async Task InitializeAsync()
                {
                    await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
                    if ((await _store.LoadAsync().ConfigureAwait(false)).Models.Length == 0)
                    {
                        throw new InvalidOperationException("Collection does not exist.");
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_TokenUsedOtherThanAsAnArgument_UsesLocalState()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task WarmAsync(CancellationToken cancellationToken)
                {
                    if ([|!_warm|])
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await _store.WarmUpAsync();
                        _warm = true;
                    }
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_TokenLocalNotTheCallersParameter_UsesLocalState()
    {
        // A token made in the method (here with a timeout) carries meaning the shared load would lose.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    var token = timeout.Token;
                    if ([|!_warm|])
                    {
                        await Task.Delay(1, token);
                        _warm = true;
                    }
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }

    [Fact]
    public async Task NoFix_ValueLoadedWithTheCallersToken_UsesLocalState()
    {
        // Readers of an AsyncLazy<T> await it without a token: the caller's token would cancel nothing any more.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync(CancellationToken cancellationToken)
                {
                    if ([|_catalog == null|])
                    {
                        await Task.Delay(1, cancellationToken);
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await AssertRefusalAsync(source, MM0005FixRefusal.UsesLocalState);
    }
}
