using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001 code fixes: "Initialize lazily on first async use", "Introduce static async factory", Fix All.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    private const string Lazy = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey;
    private const string Factory = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey;

    [Fact]
    public async Task ResultAssignedInConstructor_InitializesLazily()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    // the catalogue is needed by every completion
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return _models[0] + prompt;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private IReadOnlyList<string> _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    // the catalogue is needed by every completion
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                    await Task.Yield();
                    return _models[0] + prompt;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task WaitInConstructor_AwaitsTaskAndEveryAsyncMemberAwaitsTheSideEffect()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IHistoricalLogStore { Task OpenAsync(); Task AppendAsync(string entry); }

            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoricalLogStore _store;
                private bool _opened;

                public HistoricalLogProcessor(IHistoricalLogStore store)
                {
                    _store = store;
                    [|store.OpenAsync().Wait()|];
                    _opened = true;
                }

                public async Task ProcessAsync(string entry)
                {
                    await _store.AppendAsync(entry);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistoricalLogStore { Task OpenAsync(); Task AppendAsync(string entry); }

            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoricalLogStore _store;
                private bool _opened;
                private readonly AsyncInitializer _initializer;

                public HistoricalLogProcessor(IHistoricalLogStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    _opened = true;
                }

                private async Task InitializeAsync(IHistoricalLogStore store)
                {
                    await store.OpenAsync().ConfigureAwait(false);
                }

                public async Task ProcessAsync(string entry)
                {
                    await _initializer.EnsureInitializedAsync();
                    await _store.AppendAsync(entry);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task GetAwaiterGetResult_BecomesAwait()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator
            {
                private string _template;

                public NarrativeGenerator()
                {
                    _template = [|LoadTemplateAsync().GetAwaiter().GetResult()|];
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "Once upon a time, {0}.");

                public async Task<string> GenerateAsync(string subject)
                {
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator()
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _template = await LoadTemplateAsync().ConfigureAwait(false);
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "Once upon a time, {0}.");

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task ConfigureAwaitGetResultChain_AwaitsTaskWithConfigureAwaitFalse()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator
            {
                private string _template;

                public NarrativeGenerator()
                {
                    _template = [|LoadTemplateAsync()
                        .ConfigureAwait(true)
                        .GetAwaiter()
                        .GetResult()|];
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "{0}");

                public async Task<string> GenerateAsync(string subject)
                {
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator()
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _template = await LoadTemplateAsync()
                        .ConfigureAwait(false);
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "{0}");

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task WaitAllAndWaitAny_AwaitWhenAllAndWhenAny()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelRegistry { Task WarmUpAsync(string model); }

            public sealed class ModelWarmer
            {
                private readonly IModelRegistry _registry;

                public ModelWarmer(IModelRegistry registry)
                {
                    _registry = registry;
                    [|Task.WaitAll(registry.WarmUpAsync("large"), registry.WarmUpAsync("small"))|];
                    [|Task.WaitAny(new[] { registry.WarmUpAsync("edge") })|];
                }

                public async Task UseAsync()
                {
                    await _registry.WarmUpAsync("again");
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelRegistry { Task WarmUpAsync(string model); }

            public sealed class ModelWarmer
            {
                private readonly IModelRegistry _registry;
                private readonly AsyncInitializer _initializer;

                public ModelWarmer(IModelRegistry registry)
                {
                    _registry = registry;
                    _initializer = new AsyncInitializer(() => InitializeAsync(registry));
                }

                private async Task InitializeAsync(IModelRegistry registry)
                {
                    await Task.WhenAll(registry.WarmUpAsync("large"), registry.WarmUpAsync("small")).ConfigureAwait(false);
                    await Task.WhenAny(new[] { registry.WarmUpAsync("edge") }).ConfigureAwait(false);
                }

                public async Task UseAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await _registry.WarmUpAsync("again");
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_BlankLineBeforeTheBraceAfterMovedStatements_MovesWithThem()
    {
        // Brighter's message-pump tests (dotnet format on a real repository): the blank line that set the moved
        // statements off from the constructor's brace stayed behind, so the constructor ended in an empty line. The one
        // above them stays: the new statement stands where they stood.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<string> LoadAsync(); }

            public sealed class Pump
            {
                private readonly Queue<string> _queue = new Queue<string>();
                private readonly string _name;

                public Pump(IModelStore store, string name)
                {
                    _name = name;

                    // seed the queue before the first run
                    var message = [|store.LoadAsync().Result|];
                    _queue.Enqueue(message);

                }

                public async Task<int> RunAsync() { await Task.Yield(); return _queue.Count + _name.Length; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string> LoadAsync(); }

            public sealed class Pump
            {
                private readonly Queue<string> _queue = new Queue<string>();
                private readonly string _name;
                private readonly AsyncInitializer _initializer;

                public Pump(IModelStore store, string name)
                {
                    _name = name;

                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    // seed the queue before the first run
                    var message = await store.LoadAsync().ConfigureAwait(false);
                    _queue.Enqueue(message);
                }

                public async Task<int> RunAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _queue.Count + _name.Length; }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_TheNewStatementTakesTheWaitsPlace_KeepingTheBlankLinesAboveIt()
    {
        // A test class's constructor (SqliteBasicAsyncTest): the blank lines that set the wait off went with it.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IDatabase { Task InitializeAsync(); int Count { get; } }

            public sealed class BasicTest
            {
                private readonly IDatabase _sqlite;

                public BasicTest(IDatabase database)
                {
                    _sqlite = database;


                    [|_sqlite.InitializeAsync().Wait()|];
                }

                public async Task<int> CountAsync() { await Task.Yield(); return _sqlite.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IDatabase { Task InitializeAsync(); int Count { get; } }

            public sealed class BasicTest
            {
                private readonly IDatabase _sqlite;
                private readonly AsyncInitializer _initializer;

                public BasicTest(IDatabase database)
                {
                    _sqlite = database;


                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    await _sqlite.InitializeAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _sqlite.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_TheWaitInARegion_TheRegionHoldsTheNewStatement()
    {
        // A search index opened eagerly inside `#region warm-up`: the region and the blank line above it were removed,
        // though the region's comment stayed and the new statement stands where the wait stood.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class SearchIndex
            {
                private readonly string _name;
                private bool _open;

                public SearchIndex(string name)
                {
                    _name = name;

                    #region warm-up
                    // open the index eagerly so the first query is fast
                    [|OpenIndexAsync().ConfigureAwait(false).GetAwaiter().GetResult()|];
                    #endregion
                }

                private async Task OpenIndexAsync() { await Task.Yield(); _open = true; }

                public async Task<bool> QueryAsync(string text) { await Task.Yield(); return _open && text.Length > _name.Length; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class SearchIndex
            {
                private readonly string _name;
                private bool _open;
                private readonly AsyncInitializer _initializer;

                public SearchIndex(string name)
                {
                    _name = name;

                    #region warm-up
                    // open the index eagerly so the first query is fast
                    _initializer = new AsyncInitializer(OpenIndexAsync);
                    #endregion
                }

                private async Task OpenIndexAsync() { await Task.Yield(); _open = true; }

                public async Task<bool> QueryAsync(string text) { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _open && text.Length > _name.Length; }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_ARegionAroundTheFirstOfTwoMovedStatements_HoldsTheNewStatement()
    {
        // An independent consumer: `#region warm-up` around the first wait, the second wait after it; both moved and
        // the two region lines were deleted.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface ITemplateStore { Task WarmUpAsync(); Task<IDictionary<string, string>> LoadTemplatesAsync(); }

            public sealed class Cache
            {
                private readonly IDictionary<string, string> _templates;

                public Cache(ITemplateStore store)
                {
                    #region warm-up
                    // Warm the store first.
                    [|store.WarmUpAsync().Wait()|];
                    #endregion

                    _templates = [|store.LoadTemplatesAsync().GetAwaiter().GetResult()|];
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _templates.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITemplateStore { Task WarmUpAsync(); Task<IDictionary<string, string>> LoadTemplatesAsync(); }

            public sealed class Cache
            {
                private IDictionary<string, string> _templates;
                private readonly AsyncInitializer _initializer;

                public Cache(ITemplateStore store)
                {
                    #region warm-up
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    #endregion
                }

                private async Task InitializeAsync(ITemplateStore store)
                {
                    // Warm the store first.
                    await store.WarmUpAsync().ConfigureAwait(false);

                    _templates = await store.LoadTemplatesAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _templates.Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_BestEffortMemberWhoseBodyIsOneCatchAllTry_AwaitsInsideTheTry()
    {
        // A triage of unseen repositories (an LLM cache service): every member is `try { … } catch (Exception ex) { log }` —
        // the cache never fails the chat — and the await written before that try made an index-creation failure escape.
        // Inside the try it is handled like the member's other failures; a catch that rethrows or takes one type only
        // keeps the await first in the body.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IIndexStore { Task CreateIndexAsync(); Task<string> FindAsync(string key); }

            public sealed class BestEffortCache
            {
                private readonly IIndexStore _store;

                public BestEffortCache(IIndexStore store)
                {
                    _store = store;
                    [|store.CreateIndexAsync().Wait()|];
                }

                public async Task<string> GetAsync(string key)
                {
                    try
                    {
                        return await _store.FindAsync(key);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message); // a miss, never a failure
                        return null;
                    }
                }

                public async Task<string> StrictAsync(string key)
                {
                    try
                    {
                        return await _store.FindAsync(key);
                    }
                    catch (Exception)
                    {
                        throw;
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IIndexStore { Task CreateIndexAsync(); Task<string> FindAsync(string key); }

            public sealed class BestEffortCache
            {
                private readonly IIndexStore _store;
                private readonly AsyncInitializer _initializer;

                public BestEffortCache(IIndexStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IIndexStore store)
                {
                    await store.CreateIndexAsync().ConfigureAwait(false);
                }

                public async Task<string> GetAsync(string key)
                {
                    try
                    {
                        await _initializer.EnsureInitializedAsync();
                        return await _store.FindAsync(key);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message); // a miss, never a failure
                        return null;
                    }
                }

                public async Task<string> StrictAsync(string key)
                {
                    await _initializer.EnsureInitializedAsync();
                    try
                    {
                        return await _store.FindAsync(key);
                    }
                    catch (Exception)
                    {
                        throw;
                    }
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_ASleepLeftBehind_IsNoLaterWork()
    {
        // An independent consumer: a constructor ending in `Task.Delay(1).Wait();` (a sleep, not reported) got no fix,
        // refused as LaterCallsWouldRunFirst; a pause works on no other object, so deferring the warm-up past it changes
        // only the timing.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface ITemplateStore { Task WarmUpAsync(); Task<IDictionary<string, string>> LoadTemplatesAsync(); }

            public sealed class Cache
            {
                private readonly IDictionary<string, string> _templates;

                public Cache(ITemplateStore store)
                {
                    [|Task.Run(() => store.WarmUpAsync()).Wait()|];

                    _templates = [|store.LoadTemplatesAsync().GetAwaiter().GetResult()|];
                    Task.Delay(1).Wait();
                    Thread.Sleep(System.TimeSpan.FromMilliseconds(1));
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _templates.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITemplateStore { Task WarmUpAsync(); Task<IDictionary<string, string>> LoadTemplatesAsync(); }

            public sealed class Cache
            {
                private IDictionary<string, string> _templates;
                private readonly AsyncInitializer _initializer;

                public Cache(ITemplateStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    Task.Delay(1).Wait();
                    Thread.Sleep(System.TimeSpan.FromMilliseconds(1));
                }

                private async Task InitializeAsync(ITemplateStore store)
                {
                    await Task.Run(() => store.WarmUpAsync()).ConfigureAwait(false);

                    _templates = await store.LoadTemplatesAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _templates.Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_BlockingFieldInitializerAndWaitAllOverTasksStartedFirst_HandsTheTasksOver()
    {
        // An independent consumer's DualRegionCatalog got the factory (a public constructor made private) though its only
        // reader is async: with a blocking initializer, the statements starting the tasks `Task.WaitAll` waits for were
        // taken for code that runs after the initializer's creation. They stay, and hand their tasks over.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public static class BannerSource { public static Task<string> LoadBannerAsync() => Task.Run(() => "banner"); }

            public sealed class DualRegionCatalog
            {
                private readonly int _total;
                private readonly string _banner = [|BannerSource.LoadBannerAsync().Result|];

                public DualRegionCatalog(IModelStore eu, IModelStore us)
                {
                    Task<string[]> euTask = eu.LoadModelsAsync();
                    Task<string[]> usTask = us.LoadModelsAsync();
                    [|Task.WaitAll(euTask, usTask)|];
                    _total = euTask.Result.Length + usTask.Result.Length;
                }

                public async Task<string> SummaryAsync()
                {
                    await Task.Yield();
                    return _banner + ": " + _total;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public static class BannerSource { public static Task<string> LoadBannerAsync() => Task.Run(() => "banner"); }

            public sealed class DualRegionCatalog
            {
                private int _total;
                private string _banner;
                private readonly AsyncInitializer _initializer;

                public DualRegionCatalog(IModelStore eu, IModelStore us)
                {
                    Task<string[]> euTask = eu.LoadModelsAsync();
                    Task<string[]> usTask = us.LoadModelsAsync();
                    _initializer = new AsyncInitializer(() => InitializeAsync(euTask, usTask));
                }

                private async Task InitializeAsync(Task<string[]> euTask, Task<string[]> usTask)
                {
                    _banner = await BannerSource.LoadBannerAsync().ConfigureAwait(false);
                    await Task.WhenAll(euTask, usTask).ConfigureAwait(false);
                    _total = (await euTask.ConfigureAwait(false)).Length + (await usTask.ConfigureAwait(false)).Length;
                }

                public async Task<string> SummaryAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _banner + ": " + _total;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task ValueTaskResultAndWaitWithToken_AwaitValueTaskAndWaitAsync()
    {
        // A token the constructor uses bounds its wait: the factory keeps it there (deferred by the lazy rewrite, it would
        // cancel the load whenever it fires later: ConstructorTokenWouldOutliveConstruction, MM0001FixRefusalTests).
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { ValueTask<int> CountAsync(); Task ConnectAsync(); }

            public sealed class ModelCounter
            {
                private readonly CancellationTokenSource _shutdown = new CancellationTokenSource();
                private int _count;

                public ModelCounter(IModelStore store)
                {
                    [|store.ConnectAsync().Wait(_shutdown.Token)|];
                    _count = [|store.CountAsync().Result|] + 1;
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken) => await Task.FromResult(_count);
            }
            public static class OpenModelCounterCreator { public static async Task<ModelCounter> OpenAsync(IModelStore store) { await Task.Yield(); return new ModelCounter(store); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { ValueTask<int> CountAsync(); Task ConnectAsync(); }

            public sealed class ModelCounter
            {
                private readonly CancellationTokenSource _shutdown = new CancellationTokenSource();
                private int _count;

                private ModelCounter()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<ModelCounter> CreateAsync(IModelStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelCounter();
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    await store.ConnectAsync().WaitAsync(_shutdown.Token).ConfigureAwait(false);
                    _count = await store.CountAsync().ConfigureAwait(false) + 1;
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken) => await Task.FromResult(_count);
            }
            public static class OpenModelCounterCreator { public static async Task<ModelCounter> OpenAsync(IModelStore store) { await Task.Yield(); return await ModelCounter.CreateAsync(store); } }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Theory]
    [InlineData(null, "var instance")]
    [InlineData("csharp_style_var_when_type_is_apparent = false:warning", "ModelCatalogue instance")] // LocalTypes: no IDE0008 added
    [InlineData("csharp_style_var_elsewhere = false:warning", "var instance")] // `new T()` names its type
    public async Task ConstructorTakesToken_FactoryTakesThatToken_NotASecondOne(string? editorConfig, string instance)
    {
        // The factory for a constructor that already takes a token used to add another one: `CreateAsync(store, token,
        // cancellationToken = default)`, the added one only checked before creation, and callers passed both. The
        // constructor's token is the factory's: its callers keep their arguments, and it goes where the constructor used it.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadAsync(CancellationToken token); }

            public sealed class ModelCatalogue
            {
                private readonly string[] _names;

                /// <summary>Loads the catalogue.</summary>
                /// <param name="store">The store.</param>
                /// <param name="token">Cancels the load.</param>
                public ModelCatalogue(IModelStore store, CancellationToken token)
                {
                    _names = [|store.LoadAsync(token).Result|];
                }

                public int Count => _names.Length;
            }

            public static class Usage
            {
                public static async Task<int> CountAsync(IModelStore store, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new ModelCatalogue(store, cancellationToken).Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ $$"""
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadAsync(CancellationToken token); }

            public sealed class ModelCatalogue
            {
                private string[] _names;

                private ModelCatalogue()
                {
                }

                /// <summary>Loads the catalogue.</summary>
                /// <param name="store">The store.</param>
                /// <param name="token">Cancels the load.</param>
                public static async Task<ModelCatalogue> CreateAsync(IModelStore store, CancellationToken token)
                {
                    {{instance}} = new ModelCatalogue();
                    await instance.InitializeAsync(store, token).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IModelStore store, CancellationToken token)
                {
                    _names = await store.LoadAsync(token).ConfigureAwait(false);
                }

                public int Count => _names.Length;
            }

            public static class Usage
            {
                public static async Task<int> CountAsync(IModelStore store, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return (await ModelCatalogue.CreateAsync(store, cancellationToken)).Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory, editorConfig: editorConfig);
    }

    [Fact]
    public async Task Factory_CreationsInCollectionExpressionsArgumentsAndInterpolations_GetNoParentheses()
    {
        // An independent consumer: `[new(store)]` became `[(await Quota.CreateAsync(store))]`, parentheses Roslyn 4.8's
        // simplifier left; only a member access on the creation needs them.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LimitAsync(); }

            public sealed class Quota
            {
                private readonly int _limit;

                public Quota(IStore store)
                {
                    _limit = [|store.LimitAsync().Result|];
                }

                public int Limit => _limit;
            }

            public static class Usage
            {
                public static async Task<string> DescribeAsync(IStore store)
                {
                    await Task.Yield();
                    Quota[] all = [new(store), new Quota(store)];
                    var list = new List<Quota>();
                    list.Add(new Quota(store));
                    return $"{new Quota(store)} {new Quota(store).Limit} {all.Length + list.Count}";
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LimitAsync(); }

            public sealed class Quota
            {
                private int _limit;

                private Quota()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Quota> CreateAsync(IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Quota();
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IStore store)
                {
                    _limit = await store.LimitAsync().ConfigureAwait(false);
                }

                public int Limit => _limit;
            }

            public static class Usage
            {
                public static async Task<string> DescribeAsync(IStore store)
                {
                    await Task.Yield();
                    Quota[] all = [await Quota.CreateAsync(store), await Quota.CreateAsync(store)];
                    var list = new List<Quota>();
                    list.Add(await Quota.CreateAsync(store));
                    return $"{await Quota.CreateAsync(store)} {(await Quota.CreateAsync(store)).Limit} {all.Length + list.Count}";
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task ExpressionBodiedConstructor_StaysExpressionBodied()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private string[] _models;

                public LlmClient(IModelStore store) => _models = [|store.LoadModelsAsync().Result|];

                public async Task<int> CountAsync() => (await Task.FromResult(_models)).Length;

                public async Task ResetAsync()
                    => await Task.Run(() => _models = new string[0]);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private string[] _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store) => _initializer = new AsyncInitializer(() => InitializeAsync(store));

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return (await Task.FromResult(_models)).Length;
                }

                public async Task ResetAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Run(() => _models = new string[0]);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task LocalDeclaredByBlockingStatement_MovesWithTheStatementsUsingIt()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class ModelRegistryClient
            {
                private readonly Dictionary<string, int> _ranks;
                private readonly string _name;

                public ModelRegistryClient(IModelStore store, string name)
                {
                    var prefix = name + "/";
                    var models = [|store.LoadModelsAsync().Result|]; // remote call
                    _name = name;
                    _ranks = models.Select((m, i) => (prefix + m, i)).ToDictionary(p => p.Item1, p => p.Item2);
                }

                public string Name => _name;

                public async Task<int> RankAsync(string model)
                {
                    await Task.Yield();
                    return _ranks[model];
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class ModelRegistryClient
            {
                private Dictionary<string, int> _ranks;
                private readonly string _name;
                private readonly AsyncInitializer _initializer;

                public ModelRegistryClient(IModelStore store, string name)
                {
                    var prefix = name + "/";
                    _initializer = new AsyncInitializer(() => InitializeAsync(store, prefix));
                    _name = name;
                }

                private async Task InitializeAsync(IModelStore store, string prefix)
                {
                    var models = await store.LoadModelsAsync().ConfigureAwait(false); // remote call
                    _ranks = models.Select((m, i) => (prefix + m, i)).ToDictionary(p => p.Item1, p => p.Item2);
                }

                public string Name => _name;

                public async Task<int> RankAsync(string model)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _ranks[model];
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task AsyncMemberReadingThroughPrivateHelper_AwaitsInitializerFirst()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<List<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly List<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken token = default)
                {
                    var model = PickModel();
                    await Task.Delay(1, token);
                    return model + ": " + prompt;
                }

                public async Task PingAsync()
                {
                    await Task.Yield();
                }

                private string PickModel() => _models[0];
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<List<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private List<string> _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken token = default)
                {
                    await _initializer.EnsureInitializedAsync(token);
                    var model = PickModel();
                    await Task.Delay(1, token);
                    return model + ": " + prompt;
                }

                public async Task PingAsync()
                {
                    await Task.Yield();
                }

                private string PickModel() => _models[0];
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task FieldInitializerWithOneConstructor_MovesIntoInitialization()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private readonly string _template = [|Templates.LoadAsync().Result|];
                private readonly string _tone;

                public NarrativeGenerator(string tone)
                {
                    _tone = tone;
                }

                public async Task<string> GenerateAsync(string subject)
                {
                    await Task.Yield();
                    return string.Format(_template, subject) + _tone;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly string _tone;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator(string tone)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _tone = tone;
                }

                private async Task InitializeAsync()
                {
                    _template = await Templates.LoadAsync().ConfigureAwait(false);
                }

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return string.Format(_template, subject) + _tone;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task FieldInitializerWithoutConstructor_WritesConstructor()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private readonly string _template = [|Templates.LoadAsync().Result|];

                public async Task<string> GenerateAsync(string subject)
                {
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly AsyncInitializer _initializer;

                /// <summary>Initializes a new instance; its asynchronous initialization runs on first use.</summary>
                public NarrativeGenerator()
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _template = await Templates.LoadAsync().ConfigureAwait(false);
                }

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public async Task NullableContext_InitializedMembersGetNullForgivingInitializersOnlyWhenEnabled(NullableContextOptions nullable)
    {
        var source = /* lang=c#-test */ """
            #nullable disable annotations
            using System.Collections.Generic;
            using System.Threading.Tasks;

            internal interface IModelStore<T> { Task<IReadOnlyList<string>> LoadModelsAsync(); Task<string> FallbackAsync(); Task<T> DefaultsAsync(); }

            #nullable restore annotations
            internal sealed class LlmClient<TOptions>
            {
                private readonly IReadOnlyList<string> _models;
                private string? _fallback;
                private readonly TOptions _options;
                private IReadOnlyList<string> Aliases { get; }

                public LlmClient(IModelStore<TOptions> store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                    _fallback = [|store.FallbackAsync().Result|];
                    _options = [|store.DefaultsAsync().Result|];
                    Aliases = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string?> FirstAsync()
                {
                    await Task.Yield();
                    return _fallback ?? Aliases[0] ?? _models[0] + _options;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable disable annotations
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            internal interface IModelStore<T> { Task<IReadOnlyList<string>> LoadModelsAsync(); Task<string> FallbackAsync(); Task<T> DefaultsAsync(); }

            #nullable restore annotations
            internal sealed class LlmClient<TOptions>
            {
                private IReadOnlyList<string> _models = null!;
                private string? _fallback;
                private TOptions _options = default!;
                private readonly AsyncInitializer _initializer;

                private IReadOnlyList<string> Aliases { get; set; } = null!;

                public LlmClient(IModelStore<TOptions> store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore<TOptions> store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                    _fallback = await store.FallbackAsync().ConfigureAwait(false);
                    _options = await store.DefaultsAsync().ConfigureAwait(false);
                    Aliases = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string?> FirstAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _fallback ?? Aliases[0] ?? _models[0] + _options;
                }
            }
            """;
        if (nullable == NullableContextOptions.Disable)
        {
            // Without nullable reference types there is no CS8618 to avoid: no initializers ('string?' needs the context).
            source = source.Replace("string? _fallback", "string _fallback", System.StringComparison.Ordinal).Replace("Task<string?>", "Task<string>", System.StringComparison.Ordinal)
                .Replace("#nullable restore annotations", "#nullable disable", System.StringComparison.Ordinal);
            fixedSource = fixedSource.Replace("string? _fallback", "string _fallback", System.StringComparison.Ordinal).Replace("Task<string?>", "Task<string>", System.StringComparison.Ordinal)
                .Replace("#nullable restore annotations", "#nullable disable", System.StringComparison.Ordinal)
                .Replace(" } = null!;", " }", System.StringComparison.Ordinal).Replace(" = null!;", ";", System.StringComparison.Ordinal).Replace(" = default!;", ";", System.StringComparison.Ordinal);
        }

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            NullableContextOptions = nullable,
            CompilerDiagnostics = CompilerDiagnostics.Warnings, // the fix must not add CS8618 (or any warning)
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SynchronousReader_OffersFactoryAndUpdatesAsyncCallers_ConfiguringTheAwaitOnlyWhereTheCallerDoes()
    {
        var client = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public int ModelCount => _models.Count;
            }
            """;
        var callers = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public static class Startup
            {
                public static async Task<int> RunAsync(IModelStore store, CancellationToken cancellationToken)
                {
                    var client = new LlmClient(/* the store */ store);
                    await Task.Yield();
                    return client.ModelCount + new LlmClient(store).ModelCount;
                }

                public static async Task WarmUpAsync(IModelStore store)
                {
                    LlmClient client = new(store);
                    await Task.Delay(1).ConfigureAwait(false);
                    _ = client.ModelCount;
                }
            }
            """;
        var fixedClient = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private IReadOnlyList<string> _models;

                private LlmClient()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<LlmClient> CreateAsync(IModelStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new LlmClient();
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public int ModelCount => _models.Count;
            }
            """;
        var fixedCallers = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public static class Startup
            {
                public static async Task<int> RunAsync(IModelStore store, CancellationToken cancellationToken)
                {
                    var client = await LlmClient.CreateAsync(/* the store */ store, cancellationToken);
                    await Task.Yield();
                    return client.ModelCount + (await LlmClient.CreateAsync(store, cancellationToken)).ModelCount;
                }

                public static async Task WarmUpAsync(IModelStore store)
                {
                    LlmClient client = await LlmClient.CreateAsync(store).ConfigureAwait(false);
                    await Task.Delay(1).ConfigureAwait(false);
                    _ = client.ModelCount;
                }
            }
            """;
        var test = new Verify.Test { CodeActionEquivalenceKey = Factory };
        test.TestState.Sources.Add(client);
        test.TestState.Sources.Add(callers);
        test.FixedState.Sources.Add(fixedClient);
        test.FixedState.Sources.Add(fixedCallers);
        await test.RunAsync(CancellationToken.None);

        await VerifyNoFixAsync(client, Lazy);
    }

    [Fact]
    public async Task SynchronousCaller_OffersNoFix()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public int ModelCount => _models.Count;
            }

            public static class Program
            {
                public static int Main() => new LlmClient(null).ModelCount;
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }

    [Theory]
    [InlineData("public static System.Func<IModelStore, LlmClient> Create = s => new LlmClient(s);")]
    [InlineData("public static System.Type Registered = typeof(LlmClient);")]
    [InlineData("public static T Make<T>() where T : new() => new T(); public static object Registered = Make<Holder<LlmClient>>();")]
    [InlineData("public static async Task<object> ResolveAsync() { await Task.Yield(); return Resolve<LlmClient>(); } static T Resolve<T>() => default;")]
    public async Task CreationTheFactoryCannotReplace_OffersNoFactory(string use)
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public LlmClient() : this(null) { }

                public int ModelCount => _models.Count;
            }

            public sealed class Holder<T> where T : new() { }

            public static class Registry
            {
                USE
            }
            """.Replace("USE", use, System.StringComparison.Ordinal);
        if (!use.Contains("new T()", System.StringComparison.Ordinal))
        {
            source = source.Replace("public LlmClient() : this(null) { }", string.Empty, System.StringComparison.Ordinal);
        }

        await VerifyNoFixAsync(source, Factory);
    }

    [Fact]
    public async Task ConstructorCallsOwnBlockingMethod_ConvertsItToAsync()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<List<string>> LoadModelsAsync(); Task<string> LoadDefaultAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private List<string> _models;
                private string _default;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    {|#0:LoadCatalogue()|};
                }

                private void LoadCatalogue()
                {
                    _models = _store.LoadModelsAsync().Result;
                    _default = ReadDefault();
                }

                private string ReadDefault() => _store.LoadDefaultAsync().GetAwaiter().GetResult();

                public async Task<string> CompleteAsync(string prompt)
                {
                    await Task.Yield();
                    return (_models.Contains(prompt) ? prompt : _default) + "!";
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<List<string>> LoadModelsAsync(); Task<string> LoadDefaultAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private List<string> _models;
                private string _default;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(LoadCatalogueAsync);
                }

                private async Task LoadCatalogueAsync()
                {
                    _models = await _store.LoadModelsAsync().ConfigureAwait(false);
                    _default = await ReadDefaultAsync().ConfigureAwait(false);
                }

                private async Task<string> ReadDefaultAsync() => await _store.LoadDefaultAsync().ConfigureAwait(false);

                public async Task<string> CompleteAsync(string prompt)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return (_models.Contains(prompt) ? prompt : _default) + "!";
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = Lazy };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "LoadModelsAsync()"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConstructorCallsOwnBlockingMethodUsedElsewhere_OffersNoFix()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<List<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private List<string> _models;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    [|Reload()|];
                }

                public void Reload() => _models = _store.LoadModelsAsync().Result;

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _models.Count;
                }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }

    [Fact]
    public async Task FixAll_ThreeDiagnosticsInOneType_RewritesTheTypeOnce()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelRegistry { Task<string> DefaultAsync(); Task RefreshAsync(); Task WarmUpAsync(string model); }

            public sealed class ModelCatalogue
            {
                private readonly string _default;

                public ModelCatalogue(IModelRegistry registry)
                {
                    _default = [|registry.DefaultAsync().Result|];
                    // refresh before warming up
                    [|registry.RefreshAsync().Wait()|];
                    [|Task.WaitAll(registry.WarmUpAsync(_default))|]; // all at once
                }

                public async Task<string> DefaultAsync()
                {
                    await Task.Yield();
                    return _default;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelRegistry { Task<string> DefaultAsync(); Task RefreshAsync(); Task WarmUpAsync(string model); }

            public sealed class ModelCatalogue
            {
                private string _default;
                private readonly AsyncInitializer _initializer;

                public ModelCatalogue(IModelRegistry registry)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(registry));
                }

                private async Task InitializeAsync(IModelRegistry registry)
                {
                    _default = await registry.DefaultAsync().ConfigureAwait(false);
                    // refresh before warming up
                    await registry.RefreshAsync().ConfigureAwait(false);
                    await Task.WhenAll(registry.WarmUpAsync(_default)).ConfigureAwait(false); // all at once
                }

                public async Task<string> DefaultAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _default;
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            NumberOfIncrementalIterations = 1, // the first fix rewrites the whole type
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixAll_TwoTypesInOneDocumentAndAnotherDocument_EachTypeRewrittenOnce()
    {
        var first = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string> LoadAsync(string key); }

            public sealed class LlmClient
            {
                private string _model;
                private string _fallback;

                public LlmClient(IModelStore store)
                {
                    _model = [|store.LoadAsync("model").Result|];
                    _fallback = [|store.LoadAsync("fallback").Result|];
                }

                public async Task<string> ModelAsync() => await Task.FromResult(_model ?? _fallback);
            }

            public sealed class NarrativeGenerator
            {
                private string _template;

                public NarrativeGenerator(IModelStore store) => _template = [|store.LoadAsync("template").Result|];

                public async Task<string> GenerateAsync(string subject) => string.Format(await Task.FromResult(_template), subject);
            }
            """;
        var second = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor
            {
                private string _path;

                public HistoricalLogProcessor(IModelStore store) => _path = [|store.LoadAsync("path").Result|];

                public async Task<string> PathAsync() => await Task.FromResult(_path);
            }
            """;
        var fixedFirst = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string> LoadAsync(string key); }

            public sealed class LlmClient
            {
                private string _model;
                private string _fallback;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _model = await store.LoadAsync("model").ConfigureAwait(false);
                    _fallback = await store.LoadAsync("fallback").ConfigureAwait(false);
                }

                public async Task<string> ModelAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_model ?? _fallback);
                }
            }

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator(IModelStore store) => _initializer = new AsyncInitializer(() => InitializeAsync(store));

                private async Task InitializeAsync(IModelStore store)
                {
                    _template = await store.LoadAsync("template").ConfigureAwait(false);
                }

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    return string.Format(await Task.FromResult(_template), subject);
                }
            }
            """;
        var fixedSecond = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class HistoricalLogProcessor
            {
                private string _path;
                private readonly AsyncInitializer _initializer;

                public HistoricalLogProcessor(IModelStore store) => _initializer = new AsyncInitializer(() => InitializeAsync(store));

                private async Task InitializeAsync(IModelStore store)
                {
                    _path = await store.LoadAsync("path").ConfigureAwait(false);
                }

                public async Task<string> PathAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_path);
                }
            }
            """;
        var test = new Verify.Test { CodeActionEquivalenceKey = Lazy, NumberOfIncrementalIterations = 3 };
        test.TestState.Sources.Add(first);
        test.TestState.Sources.Add(second);
        test.FixedState.Sources.Add(fixedFirst);
        test.FixedState.Sources.Add(fixedSecond);
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp12)]
    public async Task LanguageVersion_LazyOutputCompiles(LanguageVersion languageVersion)
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Narration
            {
                public interface IModelStore { Task<List<string>> LoadModelsAsync(CancellationToken cancellationToken); }

                public class LlmClient
                {
                    private readonly List<string> _models;

                    public LlmClient(IModelStore store)
                    {
                        _models = [|store.LoadModelsAsync(CancellationToken.None).GetAwaiter().GetResult()|];
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        return _models.Count > 0 ? _models[0] + prompt : prompt;
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            namespace Narration
            {
                public interface IModelStore { Task<List<string>> LoadModelsAsync(CancellationToken cancellationToken); }

                public class LlmClient
                {
                    private List<string> _models;
                    private readonly AsyncInitializer _initializer;

                    public LlmClient(IModelStore store)
                    {
                        _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    }

                    private async Task InitializeAsync(IModelStore store)
                    {
                        _models = await store.LoadModelsAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        return _models.Count > 0 ? _models[0] + prompt : prompt;
                    }
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy, languageVersion);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7, "default(CancellationToken)")]
    [InlineData(LanguageVersion.CSharp7_3, "default")]
    [InlineData(LanguageVersion.CSharp12, "default")]
    public async Task LanguageVersion_FactoryUsesDefaultLiteralOnlyWhenAvailable(LanguageVersion languageVersion, string defaultToken)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelRegistry
            {
                private readonly string[] _names;
                private readonly int _limit;

                /// <summary>Loads the registry.</summary>
                /// <param name="source">Where the names come from.</param>
                /// <param name="limit">The most names kept.</param>
                public ModelRegistry(Task<string[]> source, int limit)
                {
                    _limit = limit;
                    _names = [|source.Result|];
                }

                public string[] Names => _names;

                public static async Task<ModelRegistry> OpenAsync()
                {
                    await Task.Yield();
                    return new ModelRegistry(Task.FromResult(new[] { "large" }), 1);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ModelRegistry
            {
                private string[] _names;
                private readonly int _limit;

                private ModelRegistry(int limit)
                {
                    _limit = limit;
                }

                /// <summary>Loads the registry.</summary>
                /// <param name="source">Where the names come from.</param>
                /// <param name="limit">The most names kept.</param>
                /// <param name="cancellationToken">Cancels the wait for the creation.</param>
                public static async Task<ModelRegistry> CreateAsync(Task<string[]> source, int limit, CancellationToken cancellationToken = DEFAULT)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelRegistry(limit);
                    await instance.InitializeAsync(source).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task<string[]> source)
                {
                    _names = await source.ConfigureAwait(false);
                }

                public string[] Names => _names;

                public static async Task<ModelRegistry> OpenAsync()
                {
                    await Task.Yield();
                    return await CreateAsync(Task.FromResult(new[] { "large" }), 1);
                }
            }
            """.Replace("DEFAULT", defaultToken, System.StringComparison.Ordinal);
        await VerifyAsync(source, fixedSource, Factory, languageVersion);
    }

    [Theory]
    [InlineData("[|load.Wait(System.TimeSpan.FromSeconds(5))|];")]
    [InlineData("[|load.Wait(1000)|];")]
    [InlineData("var index = [|Task.WaitAny(load)|]; _count = index;")]
    [InlineData("_count = [|Task.WaitAll(new[] { load }, 1000)|] ? 1 : 0;")]
    [InlineData("[|load.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult()|];")]
    [InlineData("var awaiter = load.GetAwaiter(); [|awaiter.GetResult()|];")]
    [InlineData("_count = pending?[|.Result|] ?? 0;")]
    [InlineData("lock (_gate) { _count = [|pending.Result|]; }")]
    public async Task BlockingFormWithoutAwaitEquivalent_OffersNoFix(string statement)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmup
            {
                private readonly object _gate = new object();
                private int _count;

                public Warmup(Task load, Task<int> pending)
                {
                    STATEMENT
                }

                public async Task<int> CountAsync() => await Task.FromResult(_count);
            }
            """.Replace("STATEMENT", statement, System.StringComparison.Ordinal);
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }

    [Theory]
    [InlineData("public sealed class Catalogue { private static readonly int s_count; static Catalogue() { s_count = [|Task.Run(async () => 1).Result|]; } public static int Count => s_count; }")]
    [InlineData("public struct Catalogue { private int _count; public Catalogue(Task<int> load) { _count = [|load.Result|]; } public async Task<int> CountAsync() => await Task.FromResult(_count); }")]
    [InlineData("public sealed record Catalogue { private readonly int _count; public Catalogue(Task<int> load) { _count = [|load.Result|]; } public async Task<int> CountAsync() => await Task.FromResult(_count); }")]
    [InlineData("public class Base { protected Base(int count) { } } public sealed class Catalogue : Base { public Catalogue(Task<int> load) : base([|load.Result|]) { } }")]
    public async Task ConstructionWithoutInstanceToDefer_OffersNoFix(string declaration)
    {
        var source = "using System.Threading.Tasks;\n\n" + declaration + "\n";
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }

    [Fact]
    public async Task LambdaInConstructorReadsState_OffersFactoryNotLazy()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class ModelWatcher
            {
                private readonly string[] _models;
                private readonly Action _report;

                public ModelWatcher(Task<string[]> load)
                {
                    _models = [|load.Result|];
                    _report = () => Console.WriteLine(_models.Length);
                }

                public async Task ReportAsync()
                {
                    await Task.Yield();
                    _report();
                }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Fact]
    public async Task AsyncMemberThatTheInitializationCalls_OffersNoLazyFix()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelCatalogue
            {
                private string[] _models;

                public ModelCatalogue()
                {
                    [|RefreshAsync().Wait()|];
                }

                // Reads and writes the state, and the initialization itself runs it: awaiting the initializer here would wait for itself.
                public async Task RefreshAsync()
                {
                    _models = await Task.FromResult(new[] { "large" });
                }

                public async Task<int> CountAsync() => await Task.FromResult(_models.Length);
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Fact]
    public async Task StateReadThroughAnotherInstanceOrNestedType_OffersNoLazyFix()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelCatalogue
            {
                private readonly string[] _models;

                public ModelCatalogue(Task<string[]> load)
                {
                    _models = [|load.Result|];
                }

                public async Task<bool> SameAsync(ModelCatalogue other)
                {
                    await Task.Yield();
                    return other._models.Length == _models.Length;
                }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Fact]
    public async Task ConstructorsChainingToTheBlockingOne_InitializeLazily()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly string[] _models;
                private readonly string _name;

                public LlmClient(IModelStore store) : this(store, "default") { }

                public LlmClient(IModelStore store, string name)
                {
                    _name = name;
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public string Name => _name;

                public async Task<string> FirstAsync() => await Task.FromResult(_models[0]);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private string[] _models;
                private readonly string _name;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store) : this(store, "default") { }

                public LlmClient(IModelStore store, string name)
                {
                    _name = name;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public string Name => _name;

                public async Task<string> FirstAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_models[0]);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task ConstructorNotChainingToTheBlockingOne_OffersNoFix()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly string[] _models;

                public LlmClient(Task<string[]> load)
                {
                    _models = [|load.Result|];
                }

                public LlmClient(string[] models)
                {
                    _models = models;
                }

                public async Task<string> FirstAsync() => await Task.FromResult(_models[0]);
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }

    [Fact]
    public async Task PartialTypeAcrossDocuments_AsyncMemberInOtherPartAwaitsInitializer()
    {
        var first = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed partial class HistoricalLogProcessor
            {
                private readonly string[] _entries;

                public HistoricalLogProcessor(Task<string[]> history)
                {
                    _entries = [|history.Result|];
                }
            }
            """;
        var second = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed partial class HistoricalLogProcessor
            {
                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return _entries.Length;
                }
            }
            """;
        var fixedFirst = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed partial class HistoricalLogProcessor
            {
                private string[] _entries;
                private readonly AsyncInitializer _initializer;

                public HistoricalLogProcessor(Task<string[]> history)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(history));
                }

                private async Task InitializeAsync(Task<string[]> history)
                {
                    _entries = await history.ConfigureAwait(false);
                }
            }
            """;
        var fixedSecond = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed partial class HistoricalLogProcessor
            {
                public async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                    await Task.Delay(1, cancellationToken);
                    return _entries.Length;
                }
            }
            """;
        var test = new Verify.Test { CodeActionEquivalenceKey = Lazy };
        test.TestState.Sources.Add(first);
        test.TestState.Sources.Add(second);
        test.FixedState.Sources.Add(fixedFirst);
        test.FixedState.Sources.Add(fixedSecond);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EarlyReturnBeforeBlocking_FactoryMovesWholeBodyAndLazyIsNotOffered()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmup
            {
                private int _count;

                public Warmup(Task<int> pending, bool skip)
                {
                    if (skip)
                    {
                        return;
                    }

                    _count = [|pending.Result|];
                }

                public async Task<int> CountAsync() => await Task.FromResult(_count);
            }
            public static class OpenWarmupCreator { public static async Task<Warmup> OpenAsync(Task<int> pending) { await Task.Yield(); return new Warmup(pending, false); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Warmup
            {
                private int _count;

                private Warmup()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Warmup> CreateAsync(Task<int> pending, bool skip, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Warmup();
                    await instance.InitializeAsync(pending, skip).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task<int> pending, bool skip)
                {
                    if (skip)
                    {
                        return;
                    }

                    _count = await pending.ConfigureAwait(false);
                }

                public async Task<int> CountAsync() => await Task.FromResult(_count);
            }
            public static class OpenWarmupCreator { public static async Task<Warmup> OpenAsync(Task<int> pending) { await Task.Yield(); return await Warmup.CreateAsync(pending, false); } }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task ConvertedHelper_NamedAfterItself_NotAfterAnotherTypesMember()
    {
        // `_store.LoadTemplateAsync` is a member of another type: it does not take the name `LoadTemplateAsync` in this
        // type, so the converted helper gets it without a number (an independent consumer check saw `LoadTemplateAsync1`).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface ITemplateStore { Task<string> LoadTemplateAsync(string name); }

            public sealed class Banner
            {
                private readonly ITemplateStore _store;
                private string _template;

                public Banner(ITemplateStore store)
                {
                    _store = store;
                    [|LoadTemplate()|];
                }

                private void LoadTemplate() => _template = _store.LoadTemplateAsync("default").GetAwaiter().GetResult();

                public async Task<string> DecorateAsync(string text) => await Task.FromResult(_template + text);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITemplateStore { Task<string> LoadTemplateAsync(string name); }

            public sealed class Banner
            {
                private readonly ITemplateStore _store;
                private string _template;
                private readonly AsyncInitializer _initializer;

                public Banner(ITemplateStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(LoadTemplateAsync);
                }

                private async Task LoadTemplateAsync() => _template = await _store.LoadTemplateAsync("default").ConfigureAwait(false);

                public async Task<string> DecorateAsync(string text)
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_template + text);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task NullableContext_CapturedVarLocalsBecomeNonNullableParameters()
    {
        // `var intro = store.LoadAsync(..)` declares `Task<string>?`, but the task is never null: a `Task<string>?`
        // parameter would make `await intro` warn CS8602 (found by an independent consumer check). The verifier compiles
        // the fixed code with nullable warnings on.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface ITemplateStore { Task<string> LoadTemplateAsync(string name); }

            public sealed class ModelWarmup
            {
                private string _intro = "";
                private string _outro = "";

                public ModelWarmup(ITemplateStore store)
                {
                    var intro = store.LoadTemplateAsync("intro");
                    var outro = store.LoadTemplateAsync("outro");
                    [|Task.WaitAll(intro, outro)|];
                    _intro = intro.Result; // not reported (the wait above finished it), moved and awaited with it
                    _outro = outro.Result;
                }

                public async Task<string> FrameAsync(string body) => await Task.FromResult(_intro + body + _outro);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITemplateStore { Task<string> LoadTemplateAsync(string name); }

            public sealed class ModelWarmup
            {
                private string _intro = "";
                private string _outro = "";
                private readonly AsyncInitializer _initializer;

                public ModelWarmup(ITemplateStore store)
                {
                    var intro = store.LoadTemplateAsync("intro");
                    var outro = store.LoadTemplateAsync("outro");
                    _initializer = new AsyncInitializer(() => InitializeAsync(intro, outro));
                }

                private async Task InitializeAsync(Task<string> intro, Task<string> outro)
                {
                    await Task.WhenAll(intro, outro).ConfigureAwait(false);
                    _intro = await intro.ConfigureAwait(false); // not reported (the wait above finished it), moved and awaited with it
                    _outro = await outro.ConfigureAwait(false);
                }

                public async Task<string> FrameAsync(string body)
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_intro + body + _outro);
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            NullableContextOptions = NullableContextOptions.Enable,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591"); // test sources carry no XML docs
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NullableContext_CapturedVarLocalReadInATupleLiteral_BecomesANonNullableParameter()
    {
        // A crash hunt: read inside a tuple literal, the local's flow state is not computed there, and the parameter came
        // out `Task<string[]>?` (CS8602 on `await t`); the value it was declared with decides instead.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface ITemplateStore { Task<string[]> LoadAsync(); }

            public sealed class Frames
            {
                private string _a = "";
                private string _b = "";

                public Frames(ITemplateStore store)
                {
                    var t = store.LoadAsync();
                    (_a, _b) = ([|t.Result|][0], "x");
                }

                public async Task<string> FrameAsync() => await Task.FromResult(_a + _b);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITemplateStore { Task<string[]> LoadAsync(); }

            public sealed class Frames
            {
                private string _a = "";
                private string _b = "";
                private readonly AsyncInitializer _initializer;

                public Frames(ITemplateStore store)
                {
                    var t = store.LoadAsync();
                    _initializer = new AsyncInitializer(() => InitializeAsync(t));
                }

                private async Task InitializeAsync(Task<string[]> t)
                {
                    (_a, _b) = ((await t.ConfigureAwait(false))[0], "x");
                }

                public async Task<string> FrameAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_a + _b);
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            NullableContextOptions = NullableContextOptions.Enable,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591"); // test sources carry no XML docs
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InitializationInputChangedBySynchronousMember_OffersNoLazyFix()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private IModelStore _store;
                private readonly string[] _models;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    _models = [|_store.LoadModelsAsync().Result|];
                }

                // Before the fix the constructor loaded from the first store; lazily, it would load from this one.
                public void UseStore(IModelStore store) => _store = store;

                public async Task<string> FirstAsync() => await Task.FromResult(_models[0]);
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Theory]
    [InlineData("_models = {|MM0001:store.LoadModelsAsync().Result|}")]
    [InlineData("_models = {|MM0001:store.LoadModelsAsync().Result|}; Unknown();")]
    [InlineData("_models = {|MM0001:store.LoadModelsAsync().Result|}; if (_models.Count > 0 {")]
    [InlineData("_models = {|MM0001:store.LoadModelsAsync().Result|}; var count = (int)\"many\";")]
    public async Task IncompleteCode_OffersNoFixAndDoesNotThrow(string statement)
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    STATEMENT
                }

                public async Task<int> CountAsync() => await Task.FromResult(_models.Count);
            }
            """.Replace("STATEMENT", statement, System.StringComparison.Ordinal);
        foreach (var key in new[] { Lazy, Factory })
        {
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = key,
                CompilerDiagnostics = CompilerDiagnostics.None, // the source does not compile on purpose
            };
            await test.RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task StaticAndInstanceSitesInOneType_FixesInstanceSitesAndLeavesStaticOne()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelRegistry { Task<IReadOnlyList<string>> ListAsync(); }

            public sealed class NarrativeGenerator
            {
                private static readonly string DefaultStyle = {|#0:LoadStyleAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};

                private readonly IModelRegistry _registry;
                private IReadOnlyList<string> _models = new List<string>();

                public NarrativeGenerator(IModelRegistry registry)
                {
                    _registry = registry;
                    {|#1:RefreshModels()|};
                }

                public async Task<string> NarrateAsync(string topic)
                {
                    await Task.Yield();
                    return DefaultStyle + topic + _models.Count;
                }

                private void RefreshModels()
                {
                    _models = _registry.ListAsync().GetAwaiter().GetResult();
                }

                private static async Task<string> LoadStyleAsync()
                {
                    await Task.Delay(1).ConfigureAwait(false);
                    return "epic";
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelRegistry { Task<IReadOnlyList<string>> ListAsync(); }

            public sealed class NarrativeGenerator
            {
                private static readonly string DefaultStyle = {|#0:LoadStyleAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};

                private readonly IModelRegistry _registry;
                private IReadOnlyList<string> _models = new List<string>();
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator(IModelRegistry registry)
                {
                    _registry = registry;
                    _initializer = new AsyncInitializer(RefreshModelsAsync);
                }

                public async Task<string> NarrateAsync(string topic)
                {
                    await _initializer.EnsureInitializedAsync().ConfigureAwait(false);
                    await Task.Yield();
                    return DefaultStyle + topic + _models.Count;
                }

                private async Task RefreshModelsAsync()
                {
                    _models = await _registry.ListAsync().ConfigureAwait(false);
                }

                private static async Task<string> LoadStyleAsync()
                {
                    await Task.Delay(1).ConfigureAwait(false);
                    return "epic";
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "LoadStyleAsync()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("NarrativeGenerator", "ListAsync()"));
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "LoadStyleAsync()"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task GetOnlyAutoPropertyInitializer_MovesAndGainsSetter()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class Catalogue { public static Task<string[]> LoadAsync() => Task.Run(() => new[] { "large" }); }

            public sealed class ModelPicker
            {
                private string[] Models { get; } = [|Catalogue.LoadAsync().Result|];

                public ModelPicker(int seed)
                {
                    Seed = seed;
                }

                public int Seed { get; }

                public async Task<string> PickAsync()
                {
                    await Task.Yield();
                    return Models[Seed % Models.Length];
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class Catalogue { public static Task<string[]> LoadAsync() => Task.Run(() => new[] { "large" }); }

            public sealed class ModelPicker
            {
                private readonly AsyncInitializer _initializer;

                private string[] Models { get; set; }

                public ModelPicker(int seed)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    Seed = seed;
                }

                private async Task InitializeAsync()
                {
                    Models = await Catalogue.LoadAsync().ConfigureAwait(false);
                }

                public int Seed { get; }

                public async Task<string> PickAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return Models[Seed % Models.Length];
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task FieldInitializerWithSynchronousReader_FactoryWritesPrivateConstructor()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            internal static class Catalogue { public static Task<string[]> LoadAsync() => Task.Run(() => new[] { "large" }); }

            internal sealed class ModelPicker
            {
                private readonly string[] _models = [|Catalogue.LoadAsync().Result|];

                public string First => _models[0];

                public static async Task<string> PickAsync()
                {
                    var picker = new ModelPicker();
                    await Task.Yield();
                    return picker.First;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            internal static class Catalogue { public static Task<string[]> LoadAsync() => Task.Run(() => new[] { "large" }); }

            internal sealed class ModelPicker
            {
                private string[] _models;

                private ModelPicker()
                {
                }

                public static async Task<ModelPicker> CreateAsync(CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelPicker();
                    await instance.InitializeAsync().ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync()
                {
                    _models = await Catalogue.LoadAsync().ConfigureAwait(false);
                }

                public string First => _models[0];

                public static async Task<string> PickAsync()
                {
                    var picker = await CreateAsync();
                    await Task.Yield();
                    return picker.First;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task CommentsAndFormatting_AreKeptAroundAndInsideMovedStatements()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(int page, int size); }

            public sealed class LlmClient
            {
                private readonly string[] _models;
                private readonly int _size;

                public LlmClient(IModelStore store, int size)
                {
                    _size = size; // kept in place

                    /* Load the first page: the catalogue is
                       small enough to fit. */
                    _models = [|store.LoadModelsAsync(
                        page: 0,      // first page
                        size: size)   // as configured
                        .Result|];    // trailing comment

                    // after
                }

                public async Task<int> CountAsync()
                {
                    // leading comment of the first statement
                    var count = _models.Length;
                    await Task.Yield();
                    return count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(int page, int size); }

            public sealed class LlmClient
            {
                private string[] _models;
                private readonly int _size;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store, int size)
                {
                    _size = size; // kept in place

                    _initializer = new AsyncInitializer(() => InitializeAsync(store, size));

                    // after
                }

                private async Task InitializeAsync(IModelStore store, int size)
                {
                    /* Load the first page: the catalogue is
                       small enough to fit. */
                    _models = await store.LoadModelsAsync(
                        page: 0,      // first page
                        size: size)   // as configured
                        .ConfigureAwait(false);    // trailing comment
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    // leading comment of the first statement
                    var count = _models.Length;
                    await Task.Yield();
                    return count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task ThisEscapesBeforeBlockingCode_InitializerCreatedFirst()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly string[] _models;

                public LlmClient(IModelStore store, List<LlmClient> registry)
                {
                    registry.Add(this); // others may call CompleteAsync from here on
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> CompleteAsync(string prompt) => await Task.FromResult(_models[0] + prompt);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private string[] _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store, List<LlmClient> registry)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    registry.Add(this); // others may call CompleteAsync from here on
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt)
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_models[0] + prompt);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task FixAll_LazyAndFactoryTypes_EachGetsTheRewriteItsFixOffers()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly string _model;

                public LlmClient(Task<string> model) => _model = [|model.Result|];

                public async Task<string> ModelAsync() => await Task.FromResult(_model);
            }

            public sealed class ModelCatalogue
            {
                private readonly string[] _names;

                public ModelCatalogue(Task<string[]> names) => _names = [|names.Result|];

                public int Count => _names.Length;
            }
            public static class OpenModelCatalogueCreator { public static async Task<ModelCatalogue> OpenAsync(Task<string[]> names) { await Task.Yield(); return new ModelCatalogue(names); } }
            """;
        var lazyOnly = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private string _model;
                private readonly AsyncInitializer _initializer;

                public LlmClient(Task<string> model) => _initializer = new AsyncInitializer(() => InitializeAsync(model));

                private async Task InitializeAsync(Task<string> model)
                {
                    _model = await model.ConfigureAwait(false);
                }

                public async Task<string> ModelAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_model);
                }
            }

            public sealed class ModelCatalogue
            {
                private readonly string[] _names;

                public ModelCatalogue(Task<string[]> names) => _names = {|#0:names.Result|};

                public int Count => _names.Length;
            }
            public static class OpenModelCatalogueCreator { public static async Task<ModelCatalogue> OpenAsync(Task<string[]> names) { await Task.Yield(); return new ModelCatalogue(names); } }
            """;
        var both = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private string _model;
                private readonly AsyncInitializer _initializer;

                public LlmClient(Task<string> model) => _initializer = new AsyncInitializer(() => InitializeAsync(model));

                private async Task InitializeAsync(Task<string> model)
                {
                    _model = await model.ConfigureAwait(false);
                }

                public async Task<string> ModelAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_model);
                }
            }

            public sealed class ModelCatalogue
            {
                private string[] _names;

                private ModelCatalogue()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<ModelCatalogue> CreateAsync(Task<string[]> names, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelCatalogue();
                    await instance.InitializeAsync(names).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task<string[]> names)
                {
                    _names = await names.ConfigureAwait(false);
                }

                public int Count => _names.Length;
            }
            public static class OpenModelCatalogueCreator { public static async Task<ModelCatalogue> OpenAsync(Task<string[]> names) { await Task.Yield(); return await ModelCatalogue.CreateAsync(names); } }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = lazyOnly, // one fix at a time, selected by key: only the lazy one is offered under that key
            BatchFixedCode = both, // Fix All: every type gets the rewrite its own fix offers
            CodeActionEquivalenceKey = Lazy,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("ModelCatalogue", "names"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NamesAlreadyTaken_NewMembersGetUniqueNames()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private readonly object _initializer = new object();
                private string _model;

                public LlmClient(Task<string> model)
                {
                    _model = [|model.Result|];
                }

                public Task InitializeAsync() => Task.Run(() => { });

                public async Task<string> ModelAsync()
                {
                    await InitializeAsync();
                    return _model + _initializer;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private readonly object _initializer = new object();
                private string _model;
                private readonly AsyncInitializer _initializer1;

                public LlmClient(Task<string> model)
                {
                    _initializer1 = new AsyncInitializer(() => Initialize1Async(model));
                }

                private async Task Initialize1Async(Task<string> model)
                {
                    _model = await model.ConfigureAwait(false);
                }

                public Task InitializeAsync() => Task.Run(() => { });

                public async Task<string> ModelAsync()
                {
                    await _initializer1.EnsureInitializedAsync();
                    await InitializeAsync();
                    return _model + _initializer;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task GenericTypeCreatedInTopLevelStatements_FactoryUpdatesTheCreation()
    {
        var program = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            var cache = new ModelCache<int>(Task.FromResult(new[] { 1, 2 }));
            await Task.Yield();
            Console.WriteLine(cache.Count);
            """;
        var cache = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelCache<T>
            {
                private readonly T[] _items;

                public ModelCache(Task<T[]> load)
                {
                    _items = [|load.Result|];
                }

                public int Count => _items.Length;
            }
            """;
        var fixedProgram = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            var cache = await ModelCache<int>.CreateAsync(Task.FromResult(new[] { 1, 2 }));
            await Task.Yield();
            Console.WriteLine(cache.Count);
            """;
        var fixedCache = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ModelCache<T>
            {
                private T[] _items;

                private ModelCache()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<ModelCache<T>> CreateAsync(Task<T[]> load, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelCache<T>();
                    await instance.InitializeAsync(load).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task<T[]> load)
                {
                    _items = await load.ConfigureAwait(false);
                }

                public int Count => _items.Length;
            }
            """;
        var test = new Verify.Test { CodeActionEquivalenceKey = Factory };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(program);
        test.TestState.Sources.Add(cache);
        test.FixedState.Sources.Add(fixedProgram);
        test.FixedState.Sources.Add(fixedCache);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InitializerWithExpressionBodiedConstructor_CreatesInitializerFirst()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private readonly string _template = [|Templates.LoadAsync().Result|];
                private readonly string _tone;

                public NarrativeGenerator(string tone) => _tone = tone;

                public async Task<string> GenerateAsync(string subject) => string.Format(await Task.FromResult(_template), subject) + _tone;
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class Templates { public static Task<string> LoadAsync() => Task.Run(() => "{0}"); }

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly string _tone;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator(string tone)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _tone = tone;
                }

                private async Task InitializeAsync()
                {
                    _template = await Templates.LoadAsync().ConfigureAwait(false);
                }

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    return string.Format(await Task.FromResult(_template), subject) + _tone;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task FollowOwnCallsOption_DisabledMovesOnlyDirectFormEnabledConvertsOwnCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient
            {
                private string _model;
                private string _fallback;

                public LlmClient(Task<string> model, Task<string> fallback)
                {
                    _model = [|model.Result|];
                    LoadFallback(fallback); // blocks too, but mm0001.follow_own_calls = false does not report it
                }

                private void LoadFallback(Task<string> fallback) => _fallback = fallback.Result;

                public async Task<string> ModelAsync() => await Task.FromResult(_model ?? _fallback);
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LlmClient
            {
                private string _model;
                private string _fallback;
                private readonly AsyncInitializer _initializer;

                public LlmClient(Task<string> model, Task<string> fallback)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(model));
                    LoadFallback(fallback); // blocks too, but mm0001.follow_own_calls = false does not report it
                }

                private async Task InitializeAsync(Task<string> model)
                {
                    _model = await model.ConfigureAwait(false);
                }

                private void LoadFallback(Task<string> fallback) => _fallback = fallback.Result;

                public async Task<string> ModelAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    return await Task.FromResult(_model ?? _fallback);
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = Lazy };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nmm0001.follow_own_calls = false\n"));
        await test.RunAsync(CancellationToken.None);

        // With the default (true) the own call is reported too and the callee becomes async along with it.
        var followed = new Verify.Test
        {
            TestCode = source.Replace("LoadFallback(fallback);", "[|LoadFallback(fallback)|];", System.StringComparison.Ordinal),
            FixedCode = fixedSource
                .Replace("_initializer = new AsyncInitializer(() => InitializeAsync(model));\n        LoadFallback(fallback); // blocks too, but mm0001.follow_own_calls = false does not report it", "_initializer = new AsyncInitializer(() => InitializeAsync(model, fallback));", System.StringComparison.Ordinal)
                .Replace("private async Task InitializeAsync(Task<string> model)\n    {\n        _model = await model.ConfigureAwait(false);\n    }", "private async Task InitializeAsync(Task<string> model, Task<string> fallback)\n    {\n        _model = await model.ConfigureAwait(false);\n        await LoadFallbackAsync(fallback).ConfigureAwait(false); // blocks too, but mm0001.follow_own_calls = false does not report it\n    }", System.StringComparison.Ordinal)
                .Replace("private void LoadFallback(Task<string> fallback) => _fallback = fallback.Result;", "private async Task LoadFallbackAsync(Task<string> fallback) => _fallback = await fallback.ConfigureAwait(false);", System.StringComparison.Ordinal),
            CodeActionEquivalenceKey = Lazy,
        };
        await followed.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SideEffectWithSynchronousUserOfItsTarget_OffersNoLazyFix()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IHistoricalLogStore { Task OpenAsync(); void Append(string entry); }

            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoricalLogStore _store;

                public HistoricalLogProcessor(IHistoricalLogStore store)
                {
                    _store = store;
                    [|store.OpenAsync().Wait()|];
                }

                // Needs the store opened: lazily, it could run first.
                public void Log(string entry) => _store.Append(entry);

                public async Task FlushAsync() => await Task.Yield();
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Fact]
    public async Task NoAsyncMemberWouldRunTheInitialization_OffersFactoryNotLazy()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmup
            {
                public Warmup(Task warmUp)
                {
                    [|warmUp.Wait()|];
                }

                public static async Task<Warmup> StartAsync()
                {
                    await Task.Yield();
                    return new Warmup(Task.CompletedTask);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Warmup
            {
                private Warmup()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Warmup> CreateAsync(Task warmUp, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Warmup();
                    await instance.InitializeAsync(warmUp).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task warmUp)
                {
                    await warmUp.ConfigureAwait(false);
                }

                public static async Task<Warmup> StartAsync()
                {
                    await Task.Yield();
                    return await CreateAsync(Task.CompletedTask);
                }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Factory_LocalsDeclaredBeforeTheWait_MoveWithIt_EarlierStatementsStayInTheConstructor()
    {
        // Independent consumer: the tasks are started into locals before `Task.WaitAll`. Their declarations move with the
        // wait (the factory cannot hand a constructor's local to InitializeAsync); `_telemetry = telemetry;` before them
        // stays, so `_telemetry` keeps `readonly` and gets no `= null!`. The comment of the parameter the private constructor
        // drops goes with it to the factory (crash hunt: it was lost).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface ITelemetry { void Track(string name); }
            public interface IStore { Task<int> CountAsync(); }

            public sealed class Pricing
            {
                private readonly ITelemetry _telemetry;
                private readonly Dictionary<string, int> _prices = new();

                public Pricing(ITelemetry telemetry, /* where the counts come from */ IStore store)
                {
                    _telemetry = telemetry; // kept before the wait
                    var first = store.CountAsync();
                    var second = store.CountAsync();
                    [|Task.WaitAll(first, second)|];
                    _prices["a"] = first.Result; // not reported (the wait above finished it), moved and awaited with it
                }

                public int Count => _prices["a"];

                public static async Task<int> RunAsync(ITelemetry telemetry, IStore store)
                {
                    var pricing = new Pricing(telemetry, store);
                    await Task.Yield();
                    return pricing.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface ITelemetry { void Track(string name); }
            public interface IStore { Task<int> CountAsync(); }

            public sealed class Pricing
            {
                private readonly ITelemetry _telemetry;
                private readonly Dictionary<string, int> _prices = new();

                private Pricing(ITelemetry telemetry)
                {
                    _telemetry = telemetry; // kept before the wait
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Pricing> CreateAsync(ITelemetry telemetry, /* where the counts come from */ IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Pricing(telemetry);
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IStore store)
                {
                    var first = store.CountAsync();
                    var second = store.CountAsync();
                    await Task.WhenAll(first, second).ConfigureAwait(false);
                    _prices["a"] = await first.ConfigureAwait(false); // not reported (the wait above finished it), moved and awaited with it
                }

                public int Count => _prices["a"];

                public static async Task<int> RunAsync(ITelemetry telemetry, IStore store)
                {
                    var pricing = await CreateAsync(telemetry, store);
                    await Task.Yield();
                    return pricing.Count;
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Factory,
            NullableContextOptions = NullableContextOptions.Enable,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Factory_TaskStartedAndNotWaitedFor_StaysFireAndForgetAsADiscard()
    {
        // A crash hunt: `_cache.WarmAsync();` after the wait moved into the async InitializeAsync as it was — CS4014 there
        // (an error under warnings-as-errors). It stays fire-and-forget, spelled the way an async method says so.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface ICache { Task WarmAsync(); Task<int> SizeAsync(); }

            public sealed class Catalog
            {
                private readonly ICache _cache;
                private int _size;

                public Catalog(ICache cache)
                {
                    _cache = cache;
                    _size = [|cache.SizeAsync().Result|];
                    _cache.WarmAsync(); // warm in the background
                    System.Func<Task> later = () => _cache.WarmAsync();
                }

                public int Size => _size;
            }
            public static class OpenCatalogCreator { public static async Task<Catalog> OpenAsync(ICache cache) { await Task.Yield(); return new Catalog(cache); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface ICache { Task WarmAsync(); Task<int> SizeAsync(); }

            public sealed class Catalog
            {
                private readonly ICache _cache;
                private int _size;

                private Catalog(ICache cache)
                {
                    _cache = cache;
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Catalog> CreateAsync(ICache cache, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Catalog(cache);
                    await instance.InitializeAsync(cache).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(ICache cache)
                {
                    _size = await cache.SizeAsync().ConfigureAwait(false);
                    _ = _cache.WarmAsync(); // warm in the background
                    System.Func<Task> later = () => _cache.WarmAsync();
                }

                public int Size => _size;
            }
            public static class OpenCatalogCreator { public static async Task<Catalog> OpenAsync(ICache cache) { await Task.Yield(); return await Catalog.CreateAsync(cache); } }
            """;
        await VerifyAsync(source, fixedSource, Factory);
        await VerifyAsync(source, fixedSource, Factory, LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task KeywordNamedVariables_KeepTheirAt_InTheNewParametersAndArguments()
    {
        // dotnet format on Brighter's tests: a local `@event` handed to the new InitializeAsync came out as `event`
        // (CS1001) in both fixes, and a constructor parameter `@class` likewise.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class MyEvent { }

            public sealed class Dispatcher
            {
                private readonly List<string> _queue = new List<string>();

                public Dispatcher(Func<MyEvent, Task<string>> map, string @class)
                {
                    var @event = new MyEvent();
                    var message = [|map(@event).Result|];
                    _queue.Add(message + @class);
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _queue.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class MyEvent { }

            public sealed class Dispatcher
            {
                private readonly List<string> _queue = new List<string>();
                private readonly AsyncInitializer _initializer;

                public Dispatcher(Func<MyEvent, Task<string>> map, string @class)
                {
                    var @event = new MyEvent();
                    _initializer = new AsyncInitializer(() => InitializeAsync(map, @class, @event));
                }

                private async Task InitializeAsync(Func<MyEvent, Task<string>> map, string @class, MyEvent @event)
                {
                    var message = await map(@event).ConfigureAwait(false);
                    _queue.Add(message + @class);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _queue.Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Lazy_InATestClass_TheTestMethodsAwaitWithoutConfigureAwait()
    {
        // dotnet format on Brighter's tests: `await _initializer.EnsureInitializedAsync();` in each
        // [Fact] drew xUnit1030 (a test should keep its framework's context), even where the test itself configures its
        // awaits; an ordinary member that configures them gets a configured one.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            public sealed class LoaderTests
            {
                private readonly string _value;

                public LoaderTests()
                {
                    _value = [|Task.Run(async () => "x").Result|];
                }

                [Xunit.Fact]
                public async Task Value_IsLoaded()
                {
                    await Task.Delay(1).ConfigureAwait(false);
                    System.Console.WriteLine(_value);
                }

                public async Task<int> LengthAsync()
                {
                    await Task.Delay(1).ConfigureAwait(false);
                    return _value.Length;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            public sealed class LoaderTests
            {
                private string _value;
                private readonly AsyncInitializer _initializer;

                public LoaderTests()
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _value = await Task.Run(async () => "x").ConfigureAwait(false);
                }

                [Xunit.Fact]
                public async Task Value_IsLoaded()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Delay(1).ConfigureAwait(false);
                    System.Console.WriteLine(_value);
                }

                public async Task<int> LengthAsync()
                {
                    await _initializer.EnsureInitializedAsync().ConfigureAwait(false);
                    await Task.Delay(1).ConfigureAwait(false);
                    return _value.Length;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Factory_KeywordNamedParameter_KeepsItsAt()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class Loader
            {
                private readonly string _value;

                public Loader(Func<string, Task<string>> load, string @class)
                {
                    _value = [|load(@class).Result|];
                }

                public string Value => _value;
            }
            public static class OpenLoaderCreator { public static async Task<Loader> OpenAsync(Func<string, Task<string>> load) { await Task.Yield(); return new Loader(load, "x"); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Loader
            {
                private string _value;

                private Loader()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Loader> CreateAsync(Func<string, Task<string>> load, string @class, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Loader();
                    await instance.InitializeAsync(load, @class).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Func<string, Task<string>> load, string @class)
                {
                    _value = await load(@class).ConfigureAwait(false);
                }

                public string Value => _value;
            }
            public static class OpenLoaderCreator { public static async Task<Loader> OpenAsync(Func<string, Task<string>> load) { await Task.Yield(); return await Loader.CreateAsync(load, "x"); } }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Factory_UsingDeclarationBeforeTheWait_MovesWithIt_SoItIsDisposedAfterTheWaitAsBefore()
    {
        // Crash hunt: kept in the constructor, `using var conn` was disposed before the wait that ran inside its lifetime.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IStore { Task<int> CountAsync(); IDisposable Open(); }

            public sealed class Counter
            {
                private readonly string _name;
                private int _count;

                public Counter(string name, IStore store)
                {
                    _name = name;
                    using var conn = store.Open();
                    _count = [|store.CountAsync().GetAwaiter().GetResult()|];
                }

                public int Count => _count;

                public static async Task<int> RunAsync(IStore store)
                {
                    var counter = new Counter("a", store);
                    await Task.Yield();
                    return counter.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStore { Task<int> CountAsync(); IDisposable Open(); }

            public sealed class Counter
            {
                private readonly string _name;
                private int _count;

                private Counter(string name)
                {
                    _name = name;
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Counter> CreateAsync(string name, IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Counter(name);
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IStore store)
                {
                    using var conn = store.Open();
                    _count = await store.CountAsync().ConfigureAwait(false);
                }

                public int Count => _count;

                public static async Task<int> RunAsync(IStore store)
                {
                    var counter = await CreateAsync("a", store);
                    await Task.Yield();
                    return counter.Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Factory_WaitOnOwnInitMethod_AwaitedDirectly_KeepsTheStatementsComments()
    {
        // No wrapper method to move the statement into: its comments go with the call that now starts its work.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;

                public Catalog(IStore store)
                {
                    _store = store;
                    // the catalogue must be complete before first use
                    [|InitializeAsync(/* all pages */).Wait()|]; // blocks the caller's thread
                }

                public int Count => _count;

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }

                public static async Task<int> CountAsync(IStore store) { var catalog = new Catalog(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;

                private Catalog(IStore store)
                {
                    _store = store;
                }

                public static async Task<Catalog> CreateAsync(IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Catalog(store);
                    // the catalogue must be complete before first use
                    await instance.InitializeAsync().ConfigureAwait(false); /* all pages */ // blocks the caller's thread
                    return instance;
                }

                public int Count => _count;

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }

                public static async Task<int> CountAsync(IStore store) { var catalog = await CreateAsync(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Lazy_WaitOnOwnInitMethod_RunDirectly_KeepsTheStatementsComments()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;

                public Catalog(IStore store)
                {
                    _store = store;
                    // the catalogue must be complete before first use
                    [|InitializeAsync().Wait()|]; // blocks the caller's thread
                }

                public async Task<int> CountAsync() { await Task.Yield(); return _count; }

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }
            }

            internal sealed class Shelf
            {
                private readonly IStore _store;
                private int _count;

                public Shelf(IStore store) { _store = store; /* warm up */ [|InitializeAsync().Wait()|]; }

                public async Task<int> CountAsync() { await Task.Yield(); return _count; }

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;
                private readonly AsyncInitializer _initializer;

                public Catalog(IStore store)
                {
                    _store = store;
                    // the catalogue must be complete before first use
                    _initializer = new AsyncInitializer(InitializeAsync); // blocks the caller's thread
                }

                public async Task<int> CountAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _count; }

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }
            }

            internal sealed class Shelf
            {
                private readonly IStore _store;
                private int _count;
                private readonly AsyncInitializer _initializer;

                public Shelf(IStore store) { _store = store; /* warm up */ _initializer = new AsyncInitializer(InitializeAsync); }

                public async Task<int> CountAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _count; }

                private async Task InitializeAsync() { _count = await _store.LoadAsync(); }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task Factory_ConstructorOnlyCallsOwnBlockingMethod_AwaitsItsAsyncFormDirectly()
    {
        // An independent consumer's shape: the constructor's one statement calls an own method that blocks. The method
        // becomes async and CreateAsync awaits it; no InitializeAsync whose only line awaits it. The task awaited twice
        // stays awaited twice, and the awaited spread needs no parentheses.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IStore { Task<IReadOnlyList<string>> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private List<string> _names = [];

                public Catalog(IStore store)
                {
                    _store = store;
                    [|Refresh()|]; // load now
                }

                public int Count => _names.Count;

                private void Refresh()
                {
                    var loaded = _store.LoadAsync();
                    loaded.Wait();
                    _names = [.. loaded.Result];
                }

                public static async Task<int> CountAsync(IStore store) { var catalog = new Catalog(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStore { Task<IReadOnlyList<string>> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private List<string> _names = [];

                private Catalog(IStore store)
                {
                    _store = store;
                }

                public static async Task<Catalog> CreateAsync(IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Catalog(store);
                    await instance.RefreshAsync().ConfigureAwait(false); // load now
                    return instance;
                }

                public int Count => _names.Count;

                private async Task RefreshAsync()
                {
                    var loaded = _store.LoadAsync();
                    await loaded.ConfigureAwait(false);
                    _names = [.. await loaded.ConfigureAwait(false)];
                }

                public static async Task<int> CountAsync(IStore store) { var catalog = await CreateAsync(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Factory_OwnBlockingMethodCalledWithOtherStatements_KeepsTheWrapper()
    {
        // Direct only when the call is all that moves: with a second statement, the wrapper runs both in order.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;
                private bool _ready;

                public Catalog(IStore store)
                {
                    _store = store;
                    [|Refresh()|];
                    _ready = true;
                }

                public int Count => _ready ? _count : -1;

                private void Refresh() => _count = _store.LoadAsync().Result;

                public static async Task<int> CountAsync(IStore store) { var catalog = new Catalog(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStore { Task<int> LoadAsync(); }

            internal sealed class Catalog
            {
                private readonly IStore _store;
                private int _count;
                private bool _ready;

                private Catalog(IStore store)
                {
                    _store = store;
                }

                public static async Task<Catalog> CreateAsync(IStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Catalog(store);
                    await instance.InitializeAsync().ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync()
                {
                    await RefreshAsync().ConfigureAwait(false);
                    _ready = true;
                }

                public int Count => _ready ? _count : -1;

                private async Task RefreshAsync() => _count = await _store.LoadAsync().ConfigureAwait(false);

                public static async Task<int> CountAsync(IStore store) { var catalog = await CreateAsync(store); await Task.Yield(); return catalog.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    [Fact]
    public async Task Factory_InAUiElement_AwaitsWithoutConfigureAwait()
    {
        // Real code (a WPF UserControl filling its combo box from a service): after a configured await the loop ran on a
        // pool thread, where WPF throws. In a type bound to a UI thread the moved waits keep the caller's context.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace System.Windows.Threading { public class DispatcherObject { } }
            namespace System.Windows.Controls { public class UserControl : System.Windows.Threading.DispatcherObject { } }

            public interface IUsers { Task<List<string>> GetAllAsync(); }

            public sealed class UserView : System.Windows.Controls.UserControl
            {
                private readonly List<string> _items = new List<string>();

                public UserView(IUsers users)
                {
                    foreach (var user in [|users.GetAllAsync().Result|])
                    {
                        _items.Add(user);
                    }
                }

                public int Count => _items.Count;

                public static async Task<int> ShowAsync(IUsers users) { var view = new UserView(users); await Task.Yield(); return view.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace System.Windows.Threading { public class DispatcherObject { } }
            namespace System.Windows.Controls { public class UserControl : System.Windows.Threading.DispatcherObject { } }

            public interface IUsers { Task<List<string>> GetAllAsync(); }

            public sealed class UserView : System.Windows.Controls.UserControl
            {
                private readonly List<string> _items = new List<string>();

                private UserView()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<UserView> CreateAsync(IUsers users, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new UserView();
                    await instance.InitializeAsync(users).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IUsers users)
                {
                    foreach (var user in await users.GetAllAsync())
                    {
                        _items.Add(user);
                    }
                }

                public int Count => _items.Count;

                public static async Task<int> ShowAsync(IUsers users) { var view = await CreateAsync(users); await Task.Yield(); return view.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }

    private static Task VerifyNoFixAsync(string source, string equivalenceKey, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable, string? editorConfig = null)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        return test.RunAsync(CancellationToken.None);
    }
}
