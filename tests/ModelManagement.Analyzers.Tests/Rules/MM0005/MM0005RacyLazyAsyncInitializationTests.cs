using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>MM0005 analyzer: which hand-rolled lazy initializations race, reported at the check.</summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    /// <summary>The store every test source loads from; appended to each source.</summary>
    internal const string Domain = /* lang=c#-test */ """

        public sealed class Catalog
        {
            public string[] Models { get; set; }
        }

        public interface ICatalogStore
        {
            System.Threading.Tasks.Task<Catalog> LoadAsync();
            System.Threading.Tasks.Task WarmUpAsync();
        }
        """;

    internal static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, NullableContextOptions.Disable, LanguageVersion.Latest, expected);

    internal static async Task VerifyAsync(string source, NullableContextOptions nullable, LanguageVersion languageVersion, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source + Domain,
            NullableContextOptions = nullable,
            LanguageVersion = languageVersion,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    // ----- reported -----

    [Fact]
    public async Task SeedFlagForm_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _data;
                private bool _initialized;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<string> CompleteAsync(string prompt)
                {
                    if ({|#0:!_initialized|})
                    {
                        _data = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _data.Models[0] + prompt;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_initialized"));
    }

    [Fact]
    public async Task AwaitForeachAsTheOnlyAwait_Reports_ASynchronousLoopDoesNot()
    {
        // An independent consumer: `await foreach` over a streamed catalogue was the only await before the write, and no
        // race was reported (the same block with a plain await was).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IStreamingStore { IAsyncEnumerable<string> StreamAsync(); }

            public sealed class StreamedCatalog
            {
                private readonly IStreamingStore _store;
                private List<string> _models;
                private List<string> _local;

                public StreamedCatalog(IStreamingStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    if ({|#0:_models == null|})
                    {
                        var list = new List<string>();
                        await foreach (var model in _store.StreamAsync())
                        {
                            list.Add(model);
                        }

                        _models = list;
                    }

                    return _models.Count;
                }

                public async Task<int> LocalAsync()
                {
                    if (_local == null)
                    {
                        var list = new List<string>();
                        foreach (var model in new[] { "narrator" })
                        {
                            list.Add(model);
                        }

                        _local = list;
                    }

                    await Task.Yield();
                    return _local.Count;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_models"));
    }

    [Fact]
    public async Task NullCheckOfValue_Reports()
    {
        var source = /* lang=c#-test */ """
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
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("if ({|#0:_catalog == null || _stale|}) { _catalog = await _store.LoadAsync(); _stale = false; }")]
    [InlineData("if ({|#0:_catalog != null && !_stale|}) return _catalog;\n        _catalog = await _store.LoadAsync();\n        _stale = false;")]
    [InlineData("if ({|#0:_stale || _catalog is null|}) { _catalog = await _store.LoadAsync(); _stale = false; }")]
    public async Task RefreshFlagOfTheOtherSense_NextToANullCheck_Reports(string check)
    {
        // `_stale` is true when work is needed, unlike `_loaded`: next to a null check, its exits join the side they share
        // (a guessed sense used to cancel the null check's "needs loading" branch out).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _stale;

                public LlmClient(ICatalogStore store) => _store = store;

                public void Invalidate() => _stale = true;

                public async Task<Catalog> GetCatalogAsync()
                {
                    CHECK
                    return _catalog;
                }
            }
            """.Replace("CHECK", check);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
    }

    [Theory]
    [InlineData("if ({|#0:_catalog == null && _enabled|}) { _catalog = await _store.LoadAsync(); }")]
    [InlineData("if ({|#0:_catalog is null && useStore && _enabled|}) { _catalog = await _store.LoadAsync(); }")]
    [InlineData("if ({|#0:_enabled && _catalog == null|}) { _catalog = await _store.LoadAsync(); }")]
    [InlineData("if ({|#0:_catalog != null || !_enabled|}) return _catalog;\n        _catalog = await _store.LoadAsync();")]
    public async Task CheckAndAnUnrelatedOperand_Reports(string check)
    {
        // `_enabled`/`useStore` say nothing about initialization: the body runs only when `_catalog` is still null.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly bool _enabled;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store, bool enabled) { _store = store; _enabled = enabled; }

                public async Task<Catalog> GetCatalogAsync(bool useStore)
                {
                    CHECK
                    return _catalog;
                }
            }
            """.Replace("CHECK", check);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
    }

    [Theory]
    [InlineData("if (_catalog == null && !_loading) { _loading = true; _catalog = await _store.LoadAsync(); }")]
    [InlineData("if (_catalog != null && _enabled) { await _store.WarmUpAsync(); _catalog = new Catalog(); }")]
    [InlineData("if (_catalog == null && _enabled) { _catalog = new Catalog(); await _store.WarmUpAsync(); }")]
    public async Task CheckAndAnUnrelatedOperand_ClaimedOrNotAnInitialization_DoesNotReport(string check)
    {
        // A flag claimed before the await; work on the "already loaded" side; a write before the await.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private readonly bool _enabled;
                private Catalog _catalog;
                private bool _loading;

                public LlmClient(ICatalogStore store, bool enabled) { _store = store; _enabled = enabled; }

                public async Task<Catalog> GetCatalogAsync()
                {
                    CHECK
                    return _catalog;
                }
            }
            """.Replace("CHECK", check);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ResetToNullThenLoadAfterAwait_Reports()
    {
        // A reset to null initializes nothing (it no longer ends the path as a claim), so the load after the await races.
        var source = /* lang=c#-test */ """
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
                        _catalog = null;
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task IsNullPattern_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog is null|])
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
    public async Task EqualsDefault_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog == default|])
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
    public async Task IsNotEmptyPropertyPattern_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog is not { }|])
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
    public async Task CoalesceAssignmentWithAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    return {|#0:_catalog|} ??= await _store.LoadAsync();
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
    }

    [Fact]
    public async Task EarlyReturnForm_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|_catalog != null|])
                    {
                        return _catalog;
                    }

                    _catalog = await _store.LoadAsync();
                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task EarlyReturnOnFlag_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _loaded;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task EnsureLoadedAsync()
                {
                    if ([|_loaded|]) return;
                    _catalog = await _store.LoadAsync();
                    _loaded = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StaticField_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class SharedCatalog
            {
                private static Catalog s_catalog;

                public static async Task<Catalog> GetAsync(ICatalogStore store)
                {
                    if ([|s_catalog == null|])
                    {
                        s_catalog = await store.LoadAsync();
                    }

                    return s_catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AutoProperty_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;

                public LlmClient(ICatalogStore store) => _store = store;

                public Catalog Catalog { get; private set; }

                public async Task<Catalog> GetCatalogAsync()
                {
                    if ([|Catalog is null|])
                    {
                        Catalog = await _store.LoadAsync();
                    }

                    return Catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AsyncLambda_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Func<Task<Catalog>> Loader => async () =>
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
    public async Task AsyncLocalFunction_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public Task<Catalog> GetCatalogAsync()
                {
                    return Load();

                    async Task<Catalog> Load()
                    {
                        if ([|_catalog == null|])
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
    public async Task NullableHasValueCheck_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private int? _count;

                public async Task<int> CountAsync()
                {
                    if ([|!_count.HasValue|])
                    {
                        _count = (await _store.LoadAsync()).Models.Length;
                    }

                    return _count.Value;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FlagEqualsFalse_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _loaded;

                public async Task EnsureAsync()
                {
                    if ([|_loaded == false|])
                    {
                        _catalog = await _store.LoadAsync();
                        _loaded = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CombinedCondition_ReportsOnceAtTheWholeCondition()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ({|#0:!_initialized || _catalog == null|})
                    {
                        _catalog = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_catalog"));
    }

    [Fact]
    public async Task FlagWrittenAfterAwaitThroughLocal_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        var loaded = await _store.LoadAsync();
                        if (loaded.Models.Length == 0)
                        {
                            throw new InvalidOperationException("empty catalog");
                        }

                        _catalog = loaded;
                        _initialized = true;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitedOwnMethodWritesAfterItsAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        await InitializeAsync();
                    }

                    return _catalog;
                }

                private async Task InitializeAsync()
                {
                    _catalog = await _store.LoadAsync();
                    _initialized = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnSyncMethodWritesAfterCallersAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        var loaded = await _store.LoadAsync();
                        Apply(loaded);
                    }

                    return _catalog;
                }

                private void Apply(Catalog loaded)
                {
                    _catalog = loaded;
                    _initialized = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CoalesceExpressionWithAssignment_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    return [|_catalog|] ?? (_catalog = await _store.LoadAsync());
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConfigureAwaitFalse_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
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
                        _catalog = await _store.LoadAsync().ConfigureAwait(false);
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConditionalExpression_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    return [|_catalog != null|] ? _catalog : (_catalog = await _store.LoadAsync());
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExplicitThis_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|this._catalog == null|])
                    {
                        this._catalog = await this._store.LoadAsync();
                    }

                    return this._catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValueTaskMethod_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async ValueTask<Catalog> GetAsync()
                {
                    if ([|_catalog is null|])
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
    public async Task CheckInsideLoop_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<int> CountAllAsync(string[] names)
                {
                    var total = 0;
                    foreach (var name in names)
                    {
                        if ([|_catalog == null|])
                        {
                            _catalog = await _store.LoadAsync();
                        }

                        total += _catalog.Models.Length + name.Length;
                    }

                    return total;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SemaphoreTakenOnlyAfterTheCheck_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private readonly System.Threading.SemaphoreSlim _gate = new System.Threading.SemaphoreSlim(1, 1);

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog == null|])
                    {
                        await _gate.WaitAsync();
                        try
                        {
                            _catalog = await _store.LoadAsync(); // no second check under the gate: both callers load, one after the other
                        }
                        finally
                        {
                            _gate.Release();
                        }
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AsyncLambdaInFieldInitializer_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Registry
            {
                private static Catalog s_catalog;

                public static readonly Func<ICatalogStore, Task<Catalog>> Load = async store =>
                {
                    if ([|s_catalog == null|])
                    {
                        s_catalog = await store.LoadAsync();
                    }

                    return s_catalog;
                };
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitTaskRunThenWrite_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _warm;

                public async Task WarmAsync()
                {
                    if ([|!_warm|])
                    {
                        await Task.Run(() => _store.WarmUpAsync());
                        _warm = true;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task EarlyReturnIsNotNullPattern_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog is not null|]) return _catalog;
                    var loaded = await _store.LoadAsync();
                    _catalog = loaded;
                    return loaded;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DeconstructionWriteAfterAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        (_catalog, _initialized) = (await _store.LoadAsync(), true);
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task WriteInFinallyAfterAwait_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                private bool _initialized;

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        try
                        {
                            _catalog = await _store.LoadAsync();
                        }
                        finally
                        {
                            _initialized = true;
                        }
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CSharp73_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _initialized;

                public LlmClient(ICatalogStore store) { _store = store; }

                public async Task<Catalog> GetAsync()
                {
                    if ([|!_initialized|])
                    {
                        _catalog = await _store.LoadAsync();
                        _initialized = true;
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source, NullableContextOptions.Disable, LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task NullableEnabled_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly ICatalogStore _store;
                private Catalog? _catalog;

                public LlmClient(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if ([|_catalog is null|])
                    {
                        _catalog = await _store.LoadAsync();
                    }

                    return _catalog;
                }
            }
            """;
        await VerifyAsync(source, NullableContextOptions.Enable, LanguageVersion.Latest);
    }
}
