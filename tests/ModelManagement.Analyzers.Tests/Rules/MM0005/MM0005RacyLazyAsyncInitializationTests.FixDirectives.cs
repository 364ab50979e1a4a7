using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The MM0005 value fix and preprocessor directives: an <c>#endif</c> or <c>#region</c> on the lines above the removed
/// check stays where it is (it used to go with the check: CS1027/CS1028); a directive inside the code that moves is refused.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task Fix_DirectivesAboveTheCheck_StayInPlace()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync()
                {
            #if DEBUG
                    Console.WriteLine("debug");
            #endif
            #region lazy
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
            #endregion
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync()
                {
            #if DEBUG
                    Console.WriteLine("debug");
            #endif
            #region lazy
                    return await _catalog;
            #endregion
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_DirectiveInsideTheCheck_DirectiveInMovedCode()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog == null|])
                    {
            #if DEBUG
                        Console.WriteLine("loading");
            #endif
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.DirectiveInMovedCode);
    }

    [Fact]
    public async Task NoFix_ExternConstructor_ConstructorWithoutBody()
    {
        // The crash hunt: the fix threw NullReferenceException prepending the helper's creation to a body-less constructor.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class LlmClient
            {
                private readonly ICatalogStore _store = null;
                private Catalog _catalog;

                public extern LlmClient();

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|]) _catalog = await _store.LoadAsync();
                    return _catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.ConstructorWithoutBody);
    }

    [Fact]
    public async Task Fix_CoalesceAssignment_CommentAfterTheOperatorStays()
    {
        // The crash hunt: `_catalog ??= /* cached */ await _store.LoadAsync()` lost its comment.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync() => [|_catalog|] ??= /* cached */ await _store.LoadAsync();
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<Catalog> GetCatalogAsync() => await _catalog /* cached */;

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_CoalesceAssignmentStatement_ReadAgainAfter_LeavesNoSpareAwait()
    {
        // An independent consumer: `_all ??= await …; return _all.Length;` became `await _all; return (await _all).Length;`.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    // loaded on first use
                    [|_catalog|] ??= await _store.LoadAsync(); // once

                    return _catalog.Models.Length;
                }

                public async Task<Catalog> GetAsync()
                {
                    await Task.Yield();
                    return _catalog;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly AsyncLazy<Catalog> _catalog;

                public LlmClient(ICatalogStore store)
                {
                    _catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);
                    _store = store;
                }

                public async Task<int> CountAsync()
                {
                    // loaded on first use
                    return (await _catalog).Models.Length; // once
                }

                public async Task<Catalog> GetAsync()
                {
                    await Task.Yield();
                    return await _catalog;
                }

                private async Task<Catalog> LoadCatalogAsync()
                {
                    return await _store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }
}
