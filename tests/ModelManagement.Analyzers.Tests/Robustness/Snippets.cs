using System.Collections.Generic;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Realistic sources covering every form of every rule (reported and not reported), kept independent of the rule
/// tests so the robustness checks do not depend on how those are written. Each compiles without errors
/// (checked by <see cref="CorpusTests.Snippets_CompileWithoutErrors"/>). The small ones are cut at every token boundary.
/// </summary>
internal static class Snippets
{
    /// <summary>The shared domain every snippet builds on (prepended to each).</summary>
    public const string Domain = /* lang=c#-test */ """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.CodeAnalysis;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public sealed record ModelInfo(string Name, string Version);

        public interface IModelStore
        {
            Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default);
            ValueTask<ModelInfo?> LoadDefaultAsync();
            Task WarmUpAsync();
        }

        public interface IModelRegistry
        {
            string DefaultModel { get; }
            Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default);
            IReadOnlyList<ModelInfo> Models { get; }
            void Register(ModelInfo model);
        }

        public interface IHistoricalLogStore
        {
            Task LogResultAsync(string entry, CancellationToken cancellationToken = default);
        }

        public class RequestLogger
        {
            public virtual Task WriteAsync(string message) => Task.CompletedTask;
        }

        public sealed class ServiceMetrics
        {
            public Task PublishAsync(string name, double value) => Task.CompletedTask;
            public ValueTask IncrementAsync(string name) => default;
        }

        [SideEffect]
        public interface IAuditTrail
        {
            Task AppendAsync(string entry);
        }

        """;

    /// <summary>(name, source without the domain) pairs; the small ones first.</summary>
    public static IReadOnlyList<(string Name, string Source)> Small { get; } = new (string, string)[]
    {
        ("ResultInConstructor", /* lang=c#-test */ """
            public sealed class LlmClient
            {
                private readonly IReadOnlyList<ModelInfo> _models;
                public LlmClient(IModelStore store) => _models = store.LoadModelsAsync().Result;
                public int Count => _models.Count;
            }
            """),
        ("WaitFormsInConstructor", /* lang=c#-test */ """
            public sealed class Warmer
            {
                private static readonly ModelInfo? Default;
                private readonly ModelInfo? _fallback = Load().GetAwaiter().GetResult();
                static Warmer() => Default = Load().ConfigureAwait(false).GetAwaiter().GetResult();
                public Warmer(IModelStore store)
                {
                    store.WarmUpAsync().Wait();
                    Task.WaitAll(store.WarmUpAsync(), store.WarmUpAsync());
                    Task.WaitAny(new[] { store.WarmUpAsync() }, 100);
                    var first = store.LoadDefaultAsync().Result;
                    Func<Task> later = async () => await store.WarmUpAsync();
                    void Local() => store.WarmUpAsync().Wait();
                }
                private static Task<ModelInfo?> Load() => Task.FromResult<ModelInfo?>(null);
            }
            """),
        ("InterproceduralCycle", /* lang=c#-test */ """
            public sealed class Catalog
            {
                private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();
                public Catalog(IModelStore store) : this(store, Prepare(store)) { }
                private Catalog(IModelStore store, int seed) { Refresh(store, seed); }
                private void Refresh(IModelStore store, int depth) { if (depth > 0) Reload(store, depth - 1); }
                private void Reload(IModelStore store, int depth) { _models = store.LoadModelsAsync().Result; Refresh(store, depth); }
                private static int Prepare(IModelStore store) => store.LoadModelsAsync().GetAwaiter().GetResult().Count;
            }
            """),
        ("SideEffectAwaits", /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IHistoricalLogStore history, RequestLogger logger, ServiceMetrics metrics, IAuditTrail audit)
            {
                public async Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken)
                {
                    var text = prompt.ToUpperInvariant();
                    await history.LogResultAsync(text, cancellationToken);
                    await logger.WriteAsync(text).ConfigureAwait(false);
                    await metrics.IncrementAsync("generated");
                    await audit.AppendAsync(text);
                    try { await TrackAsync(text); } catch (Exception ex) when (ex is not OperationCanceledException) { Debug.WriteLine(ex); }
                    try { await RecordAsync(text); } catch (InvalidOperationException) { }
                    try { return text; } finally { await history.LogResultAsync("done", cancellationToken); }
                }
                private static Task TrackAsync(string text) => Task.CompletedTask;
                private static Task RecordAsync(string text) => Task.CompletedTask;
            }
            """),
        ("SideEffectInCatchAndLambdas", /* lang=c#-test */ """
            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoricalLogStore _history;
                public HistoricalLogProcessor(IHistoricalLogStore history) => _history = history;
                public async Task ProcessAsync(IEnumerable<string> entries)
                {
                    foreach (var entry in entries)
                    {
                        try { await Task.Yield(); }
                        catch { await _history.LogResultAsync("failed: " + entry); }
                    }
                    Func<Task> log = async () => await _history.LogResultAsync("lambda");
                    async Task LocalAsync() => await _history.LogResultAsync("local");
                    await log();
                    await LocalAsync();
                }
                [SideEffect]
                public async Task LogAllAsync(string entry) => await _history.LogResultAsync(entry);
            }
            """),
        ("CentralizedArchiveBypass", /* lang=c#-test */ """
            [CentralizedBy(typeof(ArchiveProcessor))]
            public interface INarrativeArchive
            {
                Task PutAsync(string key, string text);
                int Count { get; }
            }
            public sealed class ArchiveProcessor(INarrativeArchive archive)
            {
                public Task KeepAsync(string key, string text) => archive.PutAsync(key, text);
            }
            public sealed class ArchiveBypass
            {
                private readonly INarrativeArchive _archive;
                public ArchiveBypass(INarrativeArchive archive) => _archive = archive;
                public Task SaveAsync(string text) => _archive.PutAsync("narrative", text);
                public int Size => _archive.Count;
                public Func<string, string, Task> Sink => _archive.PutAsync;
                public string Name => nameof(INarrativeArchive.PutAsync) + typeof(INarrativeArchive).Name;
            }
            """),
        ("OptionalRegistryGuards", /* lang=c#-test */ """
            public sealed class ModelRouter
            {
                private readonly IModelRegistry? _registry;
                public ModelRouter(IModelRegistry? registry = null) => _registry = registry;
                public string Pick(bool verbose)
                {
                    var a = _registry.DefaultModel;
                    if (_registry != null) a = _registry.DefaultModel;
                    if (_registry is not null && _registry.Models.Count > 0) a = _registry.Models[0].Name;
                    a = _registry is { } r ? r.DefaultModel : a;
                    a = _registry?.DefaultModel ?? a;
                    if (!(_registry == null)) _registry.Register(new ModelInfo(a, "1"));
                    if (_registry is null) return a;
                    return verbose ? _registry.DefaultModel + "!" : _registry.DefaultModel;
                }
            }
            """),
        ("OptionalDependencyFlow", /* lang=c#-test */ """
            public sealed class Summarizer
            {
                [OptionalDependency] public IModelRegistry? Registry { get; set; }
                private IModelRegistry? _backup;
                private readonly IHistoricalLogStore? _history;
                public Summarizer(IHistoricalLogStore? history = default, IModelRegistry? backup = null) => (_history, _backup) = (history, backup);
                public async Task RunAsync(IEnumerable<string> names, CancellationToken cancellationToken)
                {
                    foreach (var name in names)
                    {
                        if (Registry == null) continue;
                        var found = await Registry.FindAsync(name, cancellationToken);
                        await Task.Delay(1, cancellationToken);
                        Registry.Register(found ?? new ModelInfo(name, "0"));
                    }
                    ArgumentNullException.ThrowIfNull(_backup);
                    _backup.Register(new ModelInfo("x", "1"));
                    Debug.Assert(_history != null);
                    await _history.LogResultAsync("done", cancellationToken);
                    var copy = Registry;
                    if (copy is IModelRegistry typed) typed.Register(new ModelInfo("y", "2"));
                    _backup ??= Registry;
                    Action later = () => Registry.Register(new ModelInfo("z", "3"));
                    foreach (var model in Registry.Models) { }
                    switch (Registry) { case null: break; default: Registry.Register(new ModelInfo("w", "4")); break; }
                }
            }
            """),
        ("MemberNotNullWhen", /* lang=c#-test */ """
            public sealed class GuardrailMonitor
            {
                private readonly IModelRegistry? _registry;
                public GuardrailMonitor(IModelRegistry? registry = null) { _registry = registry; }
                [MemberNotNullWhen(true, nameof(_registry))]
                private bool HasRegistry => _registry != null;
                public string Check(string text)
                {
                    try
                    {
                        if (HasRegistry) return _registry.DefaultModel;
                        while (text.Length > 0 && _registry != null) { text = text.Substring(1) + _registry.DefaultModel; break; }
                        return text;
                    }
                    finally
                    {
                        _registry?.Register(new ModelInfo(text, "1"));
                    }
                }
            }
            """),
        ("IntegrationTestsWithoutFailurePath", /* lang=c#-test */ """
            public sealed class ModelRegistryIntegrationTests
            {
                private readonly IModelRegistry _registry = new StubRegistry();

                [Xunit.Fact]
                public void DefaultModel_IsRegistered() => Xunit.Assert.NotNull(_registry.DefaultModel);

                [Xunit.Theory, Xunit.InlineData("narrator")]
                public async Task Find_ReturnsTheModel(string name) => Xunit.Assert.Null(await _registry.FindAsync(name));

                private sealed class StubRegistry : IModelRegistry
                {
                    public string DefaultModel => "narrator";
                    public Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult<ModelInfo?>(null);
                    public IReadOnlyList<ModelInfo> Models => Array.Empty<ModelInfo>();
                    public void Register(ModelInfo model) { }
                }
            }

            [NUnit.Framework.Category("Integration")]
            public sealed class ModelStoreTests
            {
                [NUnit.Framework.Test]
                public void Load_WhenTheStoreIsDown_Throws()
                    => NUnit.Framework.Assert.ThrowsAsync<InvalidOperationException>(() => Task.FromException(new InvalidOperationException()));
            }
            """),
        ("IgnoredValidationResult", /* lang=c#-test */ """
            public sealed record StoryVerdict(bool IsCompliant, string Reason);
            public sealed class StoryGuard
            {
                public Task<StoryVerdict> CheckAsync(string story) => Task.FromResult(new StoryVerdict(!story.Contains("gore"), "policy"));
                public bool ValidateLength(string story) => story.Length < 500;
                [Validator] public int Score(string story) => story.Length;
                public StoryGuard ValidateOnStart() => this;
            }
            public sealed class GuardedWriter
            {
                private readonly StoryGuard _guard = new();
                private StoryVerdict? _last;
                public async Task<string> WriteAsync(string seed)
                {
                    var story = "A tale of " + seed;
                    await _guard.CheckAsync(story).ConfigureAwait(false);
                    _guard.ValidateLength(story);
                    _ = _guard.Score(story);
                    var verdict = await _guard.CheckAsync(story);
                    if (seed.Length == 0) return story;
                    if (!verdict.IsCompliant) return await FallbackAsync(seed);
                    var kept = await _guard.CheckAsync(story);
                    try { story = story.Trim(); } finally { _last = kept; }
                    _guard.ValidateOnStart();
                    Func<bool> later = () => _guard.ValidateLength(story);
                    if (_guard.Score(story) is var score && score > 3) { story += score; }
                    return (await _guard.CheckAsync(story)).IsCompliant && later() ? story : await FallbackAsync(seed);
                }
                public IEnumerable<string> Stream(IEnumerable<string> drafts)
                {
                    foreach (var draft in drafts)
                    {
                        var ok = _guard.ValidateLength(draft);
                        yield return draft;
                    }
                }
                private static Task<string> FallbackAsync(string seed) => Task.FromResult("A quiet tale of " + seed);
            }
            """),
        ("RacyLazyInitialization", /* lang=c#-test */ """
            public sealed class LazyCatalog
            {
                private readonly IModelStore _store;
                private readonly SemaphoreSlim _gate = new(1, 1);
                private IReadOnlyList<ModelInfo>? _models;
                private ModelInfo? _default;
                private Task? _warm;
                private bool _initialized;
                public LazyCatalog(IModelStore store) => _store = store;
                public async Task<int> CountAsync()
                {
                    if (!_initialized)
                    {
                        _models = await _store.LoadModelsAsync();
                        _initialized = true;
                    }
                    return _models?.Count ?? 0;
                }
                public async Task<ModelInfo?> DefaultAsync() => _default ??= await _store.LoadDefaultAsync();
                public async Task<IReadOnlyList<ModelInfo>> GuardedAsync()
                {
                    if (_models is { } ready) return ready;
                    await _gate.WaitAsync();
                    try { return _models ??= await _store.LoadModelsAsync(); }
                    finally { _gate.Release(); }
                }
                public Task WarmAsync() => _warm ??= _store.WarmUpAsync();
                public Func<Task> Later => async () => { if (_default is null) { _default = await _store.LoadDefaultAsync(); } };
            }
            """),
    };

    /// <summary>Larger realistic services mixing every rule; cut every few characters rather than at every token.</summary>
    public static IReadOnlyList<(string Name, string Source)> Large { get; } = new (string, string)[]
    {
        ("LlmServiceMixed", /* lang=c#-test */ """
            namespace Contoso.Narratives
            {
                public sealed partial class LlmClient<TPrompt> where TPrompt : notnull
                {
                    private readonly IModelStore _store;
                    private readonly IModelRegistry? _registry;
                    private readonly IHistoricalLogStore _history;
                    private readonly RequestLogger _logger = new();
                    private IReadOnlyList<ModelInfo> _models;

                    public LlmClient(IModelStore store, IHistoricalLogStore history, IModelRegistry? registry = null)
                    {
                        _store = store;
                        _history = history;
                        _registry = registry;
                        // Blocking: the constructor waits for the catalogue.
                        _models = LoadAll();
                    }

                    private IReadOnlyList<ModelInfo> LoadAll()
                    {
                        var models = _store.LoadModelsAsync().ConfigureAwait(false).GetAwaiter().GetResult();
                        return models.Where(m => m.Version.Length > 0).ToList();
                    }

                    /// <summary>Completes a prompt.</summary>
                    public async Task<string> CompleteAsync(TPrompt prompt, CancellationToken cancellationToken = default)
                    {
                        var model = _registry?.DefaultModel ?? _models.FirstOrDefault()?.Name ?? "none";
                        var text = $"{model}: {prompt}";
                        switch (text.Length)
                        {
                            case 0:
                                await _history.LogResultAsync("empty", cancellationToken).ConfigureAwait(false);
                                break;
                            case > 1000:
                                text = text[..1000];
                                goto default;
                            default:
                                try
                                {
                                    await _history.LogResultAsync(text, cancellationToken).ConfigureAwait(false);
                                }
                                catch (Exception ex)
                                {
                                    Debug.WriteLine(ex.Message);
                                }
                                break;
                        }

                        if (_registry == null)
                        {
                            return text;
                        }

                        var known = await _registry.FindAsync(model, cancellationToken).ConfigureAwait(false);
                        await _logger.WriteAsync(known?.Name ?? "unknown");
                        return text;
                    }
                }

                public sealed partial class LlmClient<TPrompt>
                {
                    public int Count => _models.Count;

                    public async ValueTask RefreshAsync()
                    {
                        _models = await _store.LoadModelsAsync().ConfigureAwait(false);
                        _registry.Register(_models[0]);
                    }
                }

                public readonly struct Budget
                {
                    public Budget(IModelStore store) => Tokens = store.LoadModelsAsync().Result.Count * 100;
                    public int Tokens { get; }
                }

                public sealed record PromptTemplate(string Text, IModelRegistry? Registry = null)
                {
                    public string Model => Registry.DefaultModel;
                    public string Render(IReadOnlyDictionary<string, string> values)
                        => values.Aggregate(Text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
                }
            }
            """),
    };
}
