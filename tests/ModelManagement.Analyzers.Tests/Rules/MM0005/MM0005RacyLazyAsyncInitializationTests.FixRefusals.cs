using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 fix refusals a crash hunt found: a reader through another instance (the rewrite threw InvalidCastException),
/// <c>[ThreadStatic]</c> state (an initializer runs on one thread only), half-typed code (a rewrite of a guessed parse).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Theory]
    [InlineData("return other._catalog.Models.Length;")]
    [InlineData("return ((LlmClient)(object)other)._catalog.Models.Length;")]
    [InlineData("return ReferenceEquals(other._catalog, _catalog) ? 1 : 0;")]
    public async Task NoFix_StateReadThroughAnotherInstance(string read)
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
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

                public async Task<int> CountOtherAsync(LlmClient other)
                {
                    await Task.Yield();
                    READ
                }
            }
            """.Replace("READ", read);
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.ReadThroughAnotherInstance);
    }

    [Theory]
    [InlineData("#if DEBUG", "#endif")] // the tests compile without DEBUG: the reader is another configuration's
    [InlineData("#if NEVER_DEFINED", "#else\n    public int Unused => 0;\n#endif")]
    public async Task NoFix_MemberInInactiveCode(string open, string close)
    {
        // Applied to real code: a reader in another configuration's (or target framework's) #if branch was left reading the
        // field as the old type, and that configuration no longer compiled (CS1061).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }

            OPEN
                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _catalog.Models.Length;
                }
            CLOSE
            }
            """.Replace("OPEN", open).Replace("CLOSE", close);
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.MemberInInactiveCode);
    }

    [Fact]
    public async Task NoFix_ThreadStaticState()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public static class PerThreadCatalog
            {
                public static ICatalogStore Store;

                [ThreadStatic]
                private static Catalog t_catalog;

                public static async Task<Catalog> GetAsync()
                {
                    if ([|t_catalog == null|])
                    {
                        t_catalog = await Store.LoadAsync();
                    }

                    return t_catalog;
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.ThreadStaticState);
    }

    [Fact]
    public async Task Fix_StaticStateReadThroughItsTypeName_IsConverted()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class SharedCatalog
            {
                public static ICatalogStore Store;
                private static Catalog s_catalog;

                public static async Task<Catalog> GetAsync()
                {
                    if ([|s_catalog == null|])
                    {
                        s_catalog = await Store.LoadAsync();
                    }

                    return SharedCatalog.s_catalog;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class SharedCatalog
            {
                public static ICatalogStore Store;
                private static readonly AsyncLazy<Catalog> s_catalog = new AsyncLazy<Catalog>(LoadCatalogAsync);

                public static async Task<Catalog> GetAsync()
                {
                    return await SharedCatalog.s_catalog;
                }

                private static async Task<Catalog> LoadCatalogAsync()
                {
                    return await Store.LoadAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_HalfTypedCodeInTheMovedStatements()
    {
        // A crash hunt: `_data = await _store.` mid-typing was moved into the initialization and re-indented.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (!_initialized)
                    {
                        _data = await _store.
                        await _store.WarmUpAsync();
                        _initialized = true;
                    }

                    return _data;
                }
            }
            """;
        var result = await PlanAsync(source, halfTyped: true);

        Assert.Null(result.Plan);
        Assert.Equal(MM0005FixRefusal.SyntaxErrors, result.Refusal);
    }
}
