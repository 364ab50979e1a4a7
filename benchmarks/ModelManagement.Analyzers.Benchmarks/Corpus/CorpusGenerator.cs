using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelManagement.Analyzers.Benchmarks.Corpus;

/// <summary>
/// Writes a realistic, self-contained service codebase (LLM clients, model catalogs, narrative generators,
/// historical log processors, guardrail monitors …) of a configurable size, deterministic by seed. Services take
/// optional dependencies (<c>IModelRegistry? registry = null</c>), initialize asynchronously (sometimes by blocking
/// in the constructor, sometimes lazily), await logging / metrics / audit calls (guarded and unguarded), validate
/// with fallback, check drafts with a content guardrail (verdict dropped or checked), cache catalogue names lazily
/// (racy or single-flight), save results through the archive's processor or around it, and use DTOs, interfaces,
/// LINQ, switches and loops. Roughly <see cref="CorpusOptions.ViolationRate"/> of the rule-relevant spots are
/// violations; the rest is clean code of the same shape.
/// </summary>
/// <remarks>
/// The code compiles without errors against the .NET 8 reference assemblies alone: it defines its own platform
/// contracts (and its own <c>SideEffectAttribute</c> / <c>OptionalDependencyAttribute</c> / <c>CentralizedByAttribute</c>,
/// matched by name).
/// Shared by the benchmark harness and the robustness tests, so both see the same code.
/// </remarks>
internal static class CorpusGenerator
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 6;

    private static readonly string[] Kinds =
    {
        "LlmClient", "ModelCatalog", "NarrativeGenerator", "HistoricalLogProcessor",
        "GuardrailMonitor", "PromptLibrary", "SummaryComposer", "EvaluationRunner",
    };

    private static readonly string[] Areas = { "Narratives", "Models", "History", "Guardrails", "Prompts", "Evaluation" };

    /// <summary>Generates files until the total line count reaches <paramref name="targetLines"/>.</summary>
    public static IReadOnlyList<CorpusFile> Generate(int targetLines, int seed = DefaultSeed, CorpusOptions? options = null)
    {
        options ??= new CorpusOptions();
        var random = new Random(seed);
        var files = new List<CorpusFile>();
        var platform = PlatformSource(seed);
        files.Add(new CorpusFile("Platform/Platform.cs", platform, CountLines(platform)));
        var total = files[0].LineCount;

        var unit = 0;
        while (total < targetLines)
        {
            var file = new StringBuilder();
            file.Append("// Generated benchmark corpus, seed ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append('.').Append('\n');
            file.Append("#nullable enable\n");
            file.Append("using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Linq;\n");
            file.Append("using System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Contoso.Platform;\n");
            var firstName = Kinds[unit % Kinds.Length] + unit.ToString(CultureInfo.InvariantCulture);
            var fileLines = CountLines(file.ToString());
            do
            {
                var text = Unit(unit, random, options, seed);
                file.Append('\n').Append(text);
                var lines = CountLines(text) + 1;
                fileLines += lines;
                total += lines;
                unit++;
            }
            while (fileLines < options.LinesPerFile && total < targetLines);

            var source = file.ToString();
            files.Add(new CorpusFile("Services/" + firstName + ".cs", source, CountLines(source)));
        }

        return files;
    }

    /// <summary>Counts the lines of <paramref name="text"/> (a final line without a newline counts).</summary>
    public static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.Length > 0 && text[text.Length - 1] != '\n' ? lines + 1 : lines;
    }

    private static string Unit(int index, Random random, CorpusOptions options, int seed)
    {
        var kind = Kinds[index % Kinds.Length];
        var area = Areas[(index / Kinds.Length) % Areas.Length];
        var c = new UnitContext(kind + index.ToString(CultureInfo.InvariantCulture), random, options.ViolationRate, unchecked((seed * 7919) + index));
        var sb = new StringBuilder();
        sb.Append("namespace Contoso.").Append(area).Append(".Module").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("{\n");
        var body = new StringBuilder();
        Dto(body, c);
        Service(body, c);
        Options(body, c);
        if (random.Next(2) == 0)
        {
            Defaults(body, c);
        }

        Reporter(body, c);
        Budget(body, c);
        Extensions(body, c);
        foreach (var line in body.ToString().TrimEnd('\n').Split('\n'))
        {
            if (line.Length > 0)
            {
                sb.Append("    ").Append(line);
            }

            sb.Append('\n');
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static void Dto(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        sb.Append($$"""
            /// <summary>A request handled by <see cref="{{n}}"/>.</summary>
            public sealed class {{n}}Request
            {
                public string Prompt { get; init; } = string.Empty;

                public string? ModelName { get; init; }

                public int MaxTokens { get; init; } = {{256 + (c.Random.Next(8) * 64)}};

                public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();
            }

            /// <summary>The outcome of one <see cref="{{n}}"/> call.</summary>
            public sealed record {{n}}Result(string Text, string Model, double Quality, bool UsedFallback);

            public enum {{n}}Stage
            {
                Received,
                Validated,
                Generated,
                Fallback,
                Rejected,
            }

            public interface I{{n}}
            {
                Task<{{n}}Result> ProcessAsync({{n}}Request request, CancellationToken cancellationToken = default);

                Task RefreshAsync(CancellationToken cancellationToken = default);

                string Describe();
            }


            """);
    }

    private static void Service(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        var blocking = c.Violation();
        var init = (CtorInit)c.Random.Next(blocking ? (int)CtorInit.FirstBlocking : 0, blocking ? (int)CtorInit.Count : (int)CtorInit.FirstBlocking);
        var modelsField = init == CtorInit.Lazy
            ? "private readonly Lazy<Task<IReadOnlyList<ModelInfo>>> _models;"
            : "private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();";
        sb.Append($$"""
            /// <summary>Serves <see cref="{{n}}Request"/>s; works standalone or with the central model registry.</summary>
            public sealed class {{n}} : I{{n}}
            {
                private readonly IModelStore _store;
                private readonly IAppLogger _logger;
                private readonly ServiceMetrics _metrics;
                private readonly IHistoricalLogStore _history;
                private readonly IResultArchive _archive;
                private readonly IModelRegistry? _registry;
                private readonly ComplianceAuditor? _auditor;
                {{modelsField}}
                private int _processed;

                public {{n}}(
                    IModelStore store,
                    IAppLogger logger,
                    ServiceMetrics metrics,
                    IHistoricalLogStore history,
                    IResultArchive archive,
                    IModelRegistry? registry = null,
                    ComplianceAuditor? auditor = null)
                {
                    _store = store ?? throw new ArgumentNullException(nameof(store));
                    _logger = logger ?? throw new ArgumentNullException(nameof(logger));
                    _metrics = metrics;
                    _history = history;
                    _archive = archive;
                    _registry = registry;
                    _auditor = auditor;
            {{CtorInitText(init)}}
                }

                [OptionalDependency]
                public INotificationSink? Notifications { get; set; }

                public int Processed => _processed;

            """);

        // The model source, depending on how the constructor initialized it.
        if (init == CtorInit.Lazy)
        {
            sb.Append("""
                    private Task<IReadOnlyList<ModelInfo>> GetModelsAsync() => _models.Value;

                """);
        }
        else
        {
            sb.Append("""
                    private Task<IReadOnlyList<ModelInfo>> GetModelsAsync() => Task.FromResult(_models);

                """);
        }

        if (init == CtorInit.ExplicitInitialize)
        {
            sb.Append("""

                    public async Task InitializeAsync(CancellationToken cancellationToken = default)
                    {
                        _models = await _store.LoadModelsAsync(cancellationToken).ConfigureAwait(false);
                    }

                """);
        }

        if (init is CtorInit.ViaHelper or CtorInit.ViaInstanceChain)
        {
            sb.Append("""

                    private static IReadOnlyList<ModelInfo> LoadCatalog(IModelStore store)
                    {
                        var loaded = store.LoadModelsAsync().GetAwaiter().GetResult();
                        return loaded.Where(m => m.Score > 0).ToList();
                    }

                """);
        }

        if (init == CtorInit.ViaInstanceChain)
        {
            sb.Append("""

                    private void Prepare(IModelStore store)
                    {
                        _models = LoadCatalog(store);
                    }

                """);
        }

        ProcessAsync(sb, c);
        RefreshAsync(sb, c);
        Describe(sb, c);
        RankAsync(sb, c);
        ArchiveAsync(sb, c);
        AnnounceAsync(sb, c);
        ReviewAsync(sb, c);
        CatalogNamesAsync(sb, c);
        sb.Append($$"""

                private static string Compose({{n}}Request request, ModelInfo model)
                {
                    var builder = new StringBuilder(request.Prompt.Length + 64);
                    builder.Append(model.Name).Append(':');
                    for (var i = 0; i < request.Tags.Count; i++)
                    {
                        var tag = request.Tags[i];
                        switch (tag.Length)
                        {
                            case 0:
                                continue;
                            case < 4:
                                builder.Append(' ').Append(tag.ToUpperInvariant());
                                break;
                            default:
                                builder.Append(' ').Append(tag);
                                break;
                        }
                    }

                    builder.Append(" -> ").Append(request.Prompt.Trim());
                    return builder.ToString();
                }

                private static {{n}}Result Fallback({{n}}Request request)
                {
                    var stage = request.Prompt.Length == 0 ? {{n}}Stage.Rejected : {{n}}Stage.Fallback;
                    var text = stage switch
                    {
                        {{n}}Stage.Rejected => "The request was empty.",
                        {{n}}Stage.Fallback => "A summary is not available right now.",
                        _ => string.Empty,
                    };
                    return new {{n}}Result(text, "fallback", 0.0, true);
                }

                public static string Classify(double quality) => quality switch
                {
                    >= 0.9 => "excellent",
                    >= 0.7 => "good",
                    >= 0.4 => "fair",
                    _ => "poor",
                };

                public static (double Mean, double Max, int Count) Summarize(IEnumerable<{{n}}Result> results)
                {
                    var count = 0;
                    var sum = 0.0;
                    var max = double.MinValue;
                    foreach (var result in results)
                    {
                        count++;
                        sum += result.Quality;
                        if (result.Quality > max)
                        {
                            max = result.Quality;
                        }
                    }

                    return count == 0 ? (0, 0, 0) : (sum / count, max, count);
                }
            }


            """);
    }

    private static string CtorInitText(CtorInit init) => init switch
    {
        CtorInit.Lazy => "        _models = new Lazy<Task<IReadOnlyList<ModelInfo>>>(() => store.LoadModelsAsync());",
        CtorInit.ExplicitInitialize => "        // Models are loaded by InitializeAsync, called by the host at start-up.",
        CtorInit.CachedNames => "        _models = DefaultCatalog.Names.Select(name => new ModelInfo(name, \"1.0\", 0.5)).ToList();",
        CtorInit.Result => "        _models = store.LoadModelsAsync().Result;",
        CtorInit.GetAwaiterGetResult => "        _models = store.LoadModelsAsync().GetAwaiter().GetResult();",
        CtorInit.ConfigureAwaitGetResult => "        _models = store.LoadModelsAsync().ConfigureAwait(false).GetAwaiter().GetResult();",
        CtorInit.Wait => "        store.WarmUpAsync().Wait(TimeSpan.FromSeconds(5));",
        CtorInit.WaitAll => "        var warmUps = new[] { store.WarmUpAsync(), DefaultCatalog.LoadNamesAsync() };\n        Task.WaitAll(warmUps);",
        CtorInit.ValueTaskResult => "        var fallback = store.LoadDefaultAsync().Result;\n        _models = fallback is null ? Array.Empty<ModelInfo>() : new[] { fallback };",
        CtorInit.ViaHelper => "        _models = LoadCatalog(store);",
        CtorInit.ViaInstanceChain => "        Prepare(store);",
        _ => throw new ArgumentOutOfRangeException(nameof(init)),
    };

    private static void ProcessAsync(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        var modelName = c.Violation() ? "_registry.DefaultModel" : c.Pick("_registry?.DefaultModel ?? \"default\"", "(_registry != null ? _registry.DefaultModel : \"default\")");
        var log = c.Violation()
            ? c.Pick(
                "await _logger.LogInformationAsync(\"Processed \" + request.Prompt.Length + \" characters with \" + result.Model);",
                "await _history.LogResultAsync(result.Text, cancellationToken).ConfigureAwait(false);")
            : c.Pick(
                """
                try
                        {
                            await _logger.LogInformationAsync("Processed " + request.Prompt.Length + " characters with " + result.Model).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            FailureSink.Report(ex);
                        }
                """,
                """
                try
                        {
                            await _history.LogResultAsync(result.Text, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            FailureSink.Report(ex);
                        }
                """);
        var metrics = c.Violation()
            ? c.Pick(
                "await _metrics.RecordLatencyAsync(\"process\", DateTime.UtcNow - started).ConfigureAwait(false);",
                "await _metrics.IncrementAsync(\"processed\");")
            : """
                try
                        {
                            await _metrics.RecordLatencyAsync("process", DateTime.UtcNow - started).ConfigureAwait(false);
                        }
                        catch
                        {
                            FailureSink.Count();
                        }
                """;
        sb.Append($$"""

                public async Task<{{n}}Result> ProcessAsync({{n}}Request request, CancellationToken cancellationToken = default)
                {
                    if (request is null)
                    {
                        throw new ArgumentNullException(nameof(request));
                    }

                    var started = DateTime.UtcNow;
                    var models = await GetModelsAsync().ConfigureAwait(false);
                    var modelName = request.ModelName ?? {{modelName}};
                    var candidate = models
                        .Where(m => m.Name.StartsWith(modelName, StringComparison.OrdinalIgnoreCase))
                        .OrderByDescending(m => m.Score)
                        .FirstOrDefault();
                    var text = candidate is null ? string.Empty : Compose(request, candidate);

                    // Post-validation with fallback: a weak answer is replaced, never returned.
                    var result = candidate is not null && Validation.IsAcceptable(text, {{8 + c.Random.Next(40)}})
                        ? new {{n}}Result(text, candidate.Name, candidate.Score, false)
                        : Fallback(request);
                    Interlocked.Increment(ref _processed);
                    {{log}}
                    {{metrics}}
                    return result;
                }

            """);
    }

    private static void RefreshAsync(StringBuilder sb, UnitContext c)
    {
        string block;
        if (c.Violation())
        {
            block = """
                foreach (var model in models)
                        {
                            var known = await _registry.FindAsync(model.Name, cancellationToken).ConfigureAwait(false);
                            if (known is null)
                            {
                                _registry.Register(model);
                            }
                        }
                """;
        }
        else
        {
            block = c.Pick(
                """
                if (_registry is null)
                        {
                            return;
                        }

                        foreach (var model in models)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var known = await _registry.FindAsync(model.Name, cancellationToken).ConfigureAwait(false);
                            if (known is null)
                            {
                                _registry.Register(model);
                            }
                        }
                """,
                """
                var registry = _registry;
                        if (registry != null)
                        {
                            foreach (var model in models.Where(m => m.Score > 0.1))
                            {
                                var known = await registry.FindAsync(model.Name, cancellationToken).ConfigureAwait(false);
                                if (known is null)
                                {
                                    registry.Register(model);
                                }
                            }
                        }
                """,
                """
                foreach (var model in models)
                        {
                            if (_registry is { IsAvailable: true })
                            {
                                _registry.Register(model);
                            }
                        }
                """);
        }

        sb.Append($$"""

                public async Task RefreshAsync(CancellationToken cancellationToken = default)
                {
                    var models = await GetModelsAsync().ConfigureAwait(false);
                    {{block}}
                }

            """);
    }

    private static void Describe(StringBuilder sb, UnitContext c)
    {
        var state = c.Violation()
            ? "_registry.IsAvailable ? \"online\" : \"offline\""
            : "_registry != null && _registry.IsAvailable ? \"online\" : \"offline\"";
        sb.Append($$"""

                public string Describe()
                {
                    var registryState = {{state}};
                    return string.Concat("{{c.Name}}: ", _processed.ToString(CultureInfo.InvariantCulture), " processed, registry ", registryState);
                }

            """);
    }

    private static void RankAsync(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        string audit;
        var roll = c.Random.NextDouble();
        if (roll < c.ViolationRate / 2)
        {
            audit = $"await _auditor.AuditAsync(\"rank\", \"{n}\").ConfigureAwait(false);";
        }
        else if (roll < c.ViolationRate)
        {
            audit = $$"""
                if (_auditor != null)
                        {
                            await _auditor.AuditAsync("rank", "{{n}}").ConfigureAwait(false);
                        }
                """;
        }
        else
        {
            audit = $$"""
                if (_auditor != null)
                        {
                            try
                            {
                                await _auditor.AuditAsync("rank", "{{n}}").ConfigureAwait(false);
                            }
                            catch (Exception ex)
                            {
                                FailureSink.Report(ex);
                            }
                        }
                """;
        }

        sb.Append($$"""

                public async Task<IReadOnlyDictionary<string, double>> RankAsync(IEnumerable<{{n}}Result> results, CancellationToken cancellationToken = default)
                {
                    var models = await GetModelsAsync().ConfigureAwait(false);
                    var query =
                        from r in results
                        join m in models on r.Model equals m.Name
                        group r by m.Name into g
                        orderby g.Key
                        select new { Model = g.Key, Average = g.Average(x => x.Quality) };
                    var ranking = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var item in query)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        ranking[item.Model] = Math.Round(item.Average, 3);
                    }

                    {{audit}}
                    return ranking;
                }

            """);
    }

    private static void ArchiveAsync(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;

        // The archive is centralized in ResultArchiveProcessor (MM0006): a violation saves through the store directly.
        var save = c.LaterViolation()
            ? "await _archive.SaveAsync(entry.Model, entry.Text, cancellationToken).ConfigureAwait(false);"
            : "await ResultArchiveProcessor.SaveAsync(_archive, entry.Model, entry.Text, cancellationToken).ConfigureAwait(false);";
        var final = c.Violation()
            ? "await _logger.LogInformationAsync(\"Archived \" + archived + \" results\").ConfigureAwait(false);"
            : """
                try
                            {
                                await _logger.LogInformationAsync("Archived " + archived + " results").ConfigureAwait(false);
                            }
                            catch (Exception ex)
                            {
                                FailureSink.Report(ex);
                            }
                """;
        sb.Append($$"""

                public async Task<int> ArchiveAsync(IReadOnlyList<{{n}}Result> results, CancellationToken cancellationToken = default)
                {
                    var archived = 0;
                    try
                    {
                        var index = 0;
                        while (index < results.Count)
                        {
                            var entry = results[index++];
                            if (entry.UsedFallback)
                            {
                                continue;
                            }

                            {{save}}
                            archived++;
                        }
                    }
                    finally
                    {
                        {{final}}
                    }

                    return archived;
                }

            """);
    }

    private static void AnnounceAsync(StringBuilder sb, UnitContext c)
    {
        string notify;
        var roll = c.Random.NextDouble();
        if (roll < c.ViolationRate / 2)
        {
            notify = "await Notifications.PublishAsync(topic, payload).ConfigureAwait(false);";
        }
        else if (roll < c.ViolationRate)
        {
            notify = """
                if (Notifications != null)
                        {
                            await Notifications.PublishAsync(topic, payload);
                        }
                """;
        }
        else
        {
            notify = """
                if (Notifications is { } sink)
                        {
                            try
                            {
                                await sink.PublishAsync(topic, payload).ConfigureAwait(false);
                            }
                            catch (Exception ex)
                            {
                                FailureSink.Report(ex);
                            }
                        }
                """;
        }

        sb.Append($$"""

                public async Task AnnounceAsync(string topic, CancellationToken cancellationToken = default)
                {
                    var models = await GetModelsAsync().ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    var payload = string.Join(",", models.Select(m => m.Name));
                    {{notify}}
                }

            """);
    }

    /// <summary>
    /// Post-validation with fallback (MM0004): a draft goes through the content guardrail before it is returned. The
    /// violating forms drop the verdict or read it only after an early return; the clean forms branch on it (stored,
    /// inline, or in a property pattern). <c>FallbackDraft</c> is what the "Return the fallback" fix finds.
    /// </summary>
    private static void ReviewAsync(StringBuilder sb, UnitContext c)
    {
        string body;
        if (c.Violation())
        {
            body = c.Pick(
                """
                await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false);
                        return draft;
                """,
                """
                var verdict = await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false);
                        if (draft.Length < 16)
                        {
                            return draft;
                        }

                        return verdict.IsCompliant ? draft : FallbackDraft(draft);
                """);
        }
        else
        {
            body = c.Pick(
                """
                var verdict = await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false);
                        if (!verdict.IsCompliant)
                        {
                            return FallbackDraft(draft);
                        }

                        return draft;
                """,
                """
                return (await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false)).IsCompliant ? draft : FallbackDraft(draft);
                """,
                """
                if (await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false) is { IsCompliant: false })
                        {
                            return FallbackDraft(draft);
                        }

                        return draft;
                """);
        }

        sb.Append($$"""

                private readonly IContentGuardrail _guardrail = KeywordGuardrail.Default;

                public async Task<string> ReviewAsync(string draft, CancellationToken cancellationToken = default)
                {
                    {{body}}
                }

                private static string FallbackDraft(string draft) => draft.Length == 0 ? "Nothing to review." : "This draft is being revised.";

            """);
    }

    /// <summary>
    /// Lazy asynchronous loading of the catalogue names (MM0005). The violating forms test the field, await the load and
    /// write the field after the await (two callers arriving together both load); the clean forms cache the task before
    /// any await, use a <c>Lazy&lt;Task&lt;T&gt;&gt;</c>, or hold a semaphore across the check and the write.
    /// </summary>
    private static void CatalogNamesAsync(StringBuilder sb, UnitContext c)
    {
        string members;
        if (c.Violation())
        {
            var check = c.Pick(
                """
                if (_catalogNames == null)
                        {
                            _catalogNames = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                        }
                """,
                """
                if (_catalogNames is null) _catalogNames = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                """);
            members = c.Random.Next(3) == 0
                ? """
                    private IReadOnlyList<string> _catalogNames = Array.Empty<string>();
                    private bool _catalogLoaded;

                    public async Task<int> CountCatalogNamesAsync()
                    {
                        if (!_catalogLoaded)
                        {
                            _catalogNames = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                            _catalogLoaded = true;
                        }

                        return _catalogNames.Count;
                    }
                """
                : $$"""
                    private IReadOnlyList<string>? _catalogNames;

                    public async Task<IReadOnlyList<string>> GetCatalogNamesAsync()
                    {
                        {{check}}

                        return _catalogNames;
                    }
                """;
        }
        else
        {
            members = c.Pick(
                """
                    private Task<IReadOnlyList<string>>? _catalogNames;

                    public async Task<IReadOnlyList<string>> GetCatalogNamesAsync()
                    {
                        var names = await (_catalogNames ??= DefaultCatalog.LoadNamesAsync()).ConfigureAwait(false);
                        return names;
                    }
                """,
                """
                    private readonly Lazy<Task<IReadOnlyList<string>>> _catalogNames = new Lazy<Task<IReadOnlyList<string>>>(DefaultCatalog.LoadNamesAsync);

                    public async Task<IReadOnlyList<string>> GetCatalogNamesAsync()
                    {
                        return await _catalogNames.Value.ConfigureAwait(false);
                    }
                """,
                """
                    private readonly SemaphoreSlim _catalogGate = new SemaphoreSlim(1, 1);
                    private IReadOnlyList<string>? _catalogNames;

                    public async Task<IReadOnlyList<string>> GetCatalogNamesAsync()
                    {
                        await _catalogGate.WaitAsync().ConfigureAwait(false);
                        try
                        {
                            if (_catalogNames == null)
                            {
                                _catalogNames = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                            }

                            return _catalogNames;
                        }
                        finally
                        {
                            _catalogGate.Release();
                        }
                    }
                """,
                """
                    private readonly SemaphoreSlim _catalogGate = new SemaphoreSlim(1, 1);
                    private IReadOnlyList<string>? _catalogNames;

                    public async Task<IReadOnlyList<string>> GetCatalogNamesAsync()
                    {
                        await _catalogGate.WaitAsync().ConfigureAwait(false);
                        try
                        {
                            return _catalogNames ??= await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                        }
                        finally
                        {
                            _catalogGate.Release();
                        }
                    }
                """);
        }

        sb.Append('\n').Append(members).Append("\n\n");
    }

    private static void Options(StringBuilder sb, UnitContext c)
    {
        var names = c.Violation() ? "DefaultCatalog.LoadNamesAsync().Result" : "DefaultCatalog.Names";
        sb.Append($$"""
            /// <summary>Options of <see cref="{{c.Name}}"/>.</summary>
            public sealed class {{c.Name}}Options
            {
                private readonly IReadOnlyList<string> _names = {{names}};

                public static {{c.Name}}Options Default { get; } = new {{c.Name}}Options();

                public int MaxRetries { get; set; } = {{1 + c.Random.Next(5)}};

                public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds({{10 + c.Random.Next(50)}});

                public IReadOnlyList<string> Names => _names;

                public bool Allows(string name) => _names.Contains(name, StringComparer.OrdinalIgnoreCase);
            }


            """);
    }

    private static void Defaults(StringBuilder sb, UnitContext c)
    {
        var load = c.Violation()
            ? "Names = DefaultCatalog.LoadNamesAsync().GetAwaiter().GetResult();"
            : "Names = DefaultCatalog.Names.Where(name => name.Length > 0).ToArray();";
        sb.Append($$"""
            /// <summary>Process-wide defaults of <see cref="{{c.Name}}"/>.</summary>
            public static class {{c.Name}}Defaults
            {
                static {{c.Name}}Defaults()
                {
                    {{load}}
                }

                public static IReadOnlyList<string> Names { get; }
            }


            """);
    }

    private static void Reporter(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        var model = c.Violation() ? "registry.DefaultModel" : "registry?.DefaultModel ?? \"unknown\"";
        var log = c.Violation()
            ? "await logger.LogInformationAsync(\"Reported \" + lines.Count + \" results\").ConfigureAwait(false);"
            : """
                try
                        {
                            await logger.LogInformationAsync("Reported " + lines.Count + " results").ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            await Task.Yield();
                            FailureSink.Report(ex);
                        }
                """;

        // The report passes the content guardrail before it leaves (MM0004).
        var publish = c.Violation()
            ? """
                await KeywordGuardrail.Default.CheckAsync(report, cancellationToken).ConfigureAwait(false);
                        return report;
                """
            : """
                var verdict = await KeywordGuardrail.Default.CheckAsync(report, cancellationToken).ConfigureAwait(false);
                        return verdict.IsCompliant ? report : FallbackReport(report);
                """;

        // The known model names, loaded once per process (MM0005): racy check-then-load, or a task cached before any await.
        var knownModels = c.Violation()
            ? c.Pick(
                """
                private static IReadOnlyList<string>? s_knownModels;

                    private static async Task<IReadOnlyList<string>> KnownModelsAsync()
                    {
                        if (s_knownModels != null)
                        {
                            return s_knownModels;
                        }

                        s_knownModels = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                        return s_knownModels;
                    }
                """,
                """
                private static IReadOnlyList<string>? s_knownModels;

                    private static async Task<IReadOnlyList<string>> KnownModelsAsync()
                    {
                        if (s_knownModels == null)
                        {
                            s_knownModels = await DefaultCatalog.LoadNamesAsync().ConfigureAwait(false);
                        }

                        return s_knownModels;
                    }
                """)
            : """
                private static Task<IReadOnlyList<string>>? s_knownModels;

                    private static Task<IReadOnlyList<string>> KnownModelsAsync() => s_knownModels ??= DefaultCatalog.LoadNamesAsync();
                """;
        sb.Append($$"""
            /// <summary>Writes a plain-text report of <see cref="{{n}}Result"/>s.</summary>
            public sealed class {{n}}Reporter(IAppLogger logger, IModelRegistry? registry = null)
            {
                {{knownModels}}

                public async Task<string> ReportAsync(IReadOnlyList<{{n}}Result> results, CancellationToken cancellationToken = default)
                {
                    var model = {{model}};
                    var known = await KnownModelsAsync().ConfigureAwait(false);
                    var lines = results
                        .Where(r => !r.UsedFallback && known.Contains(r.Model, StringComparer.Ordinal))
                        .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Model}: {r.Quality:F2} ({{{n}}.Classify(r.Quality)})"))
                        .ToList();
                    cancellationToken.ThrowIfCancellationRequested();
                    {{log}}
                    var report = model + Environment.NewLine + string.Join(Environment.NewLine, lines);
                    {{publish}}
                }

                private static string FallbackReport(string report) => report.Length == 0 ? "No results." : "The report is being reviewed.";
            }


            """);
    }

    private static void Budget(StringBuilder sb, UnitContext c)
    {
        sb.Append($$"""
            /// <summary>A token budget for one <see cref="{{c.Name}}"/> call.</summary>
            public readonly struct {{c.Name}}Budget : IEquatable<{{c.Name}}Budget>
            {
                public {{c.Name}}Budget(int maxTokens, double costPerToken)
                {
                    MaxTokens = maxTokens < 0 ? 0 : maxTokens;
                    CostPerToken = costPerToken;
                }

                public int MaxTokens { get; }

                public double CostPerToken { get; }

                public double Estimate(int tokens) => Math.Min(tokens, MaxTokens) * CostPerToken;

                public {{c.Name}}Budget WithMaxTokens(int maxTokens) => new(maxTokens, CostPerToken);

                public bool Equals({{c.Name}}Budget other) => MaxTokens == other.MaxTokens && CostPerToken.Equals(other.CostPerToken);

                public override bool Equals(object? obj) => obj is {{c.Name}}Budget other && Equals(other);

                public override int GetHashCode() => HashCode.Combine(MaxTokens, CostPerToken);
            }


            """);
    }

    private static void Extensions(StringBuilder sb, UnitContext c)
    {
        var n = c.Name;
        sb.Append($$"""
            public static class {{n}}Extensions
            {
                public static IEnumerable<{{n}}Result> Acceptable(this IEnumerable<{{n}}Result> results, double threshold)
                    => results.Where(r => !r.UsedFallback && r.Quality >= threshold);

                public static string ToDisplay(this {{n}}Stage stage) => stage switch
                {
                    {{n}}Stage.Received => "received",
                    {{n}}Stage.Validated => "validated",
                    {{n}}Stage.Generated => "generated",
                    {{n}}Stage.Fallback => "fallback",
                    {{n}}Stage.Rejected => "rejected",
                    _ => stage.ToString(),
                };
            }

            """);
    }

    private static string PlatformSource(int seed) => $$"""
        // Shared platform contracts of the generated service codebase (seed {{seed.ToString(CultureInfo.InvariantCulture)}}).
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Platform
        {
            /// <summary>Marks logging, telemetry and auditing members whose failure must not fail the caller.</summary>
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
            public sealed class SideEffectAttribute : Attribute
            {
            }

            /// <summary>Marks a dependency that only some deployments provide.</summary>
            [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class OptionalDependencyAttribute : Attribute
            {
            }

            public sealed record ModelInfo(string Name, string Version, double Score);

            public interface IModelStore
            {
                Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default);

                ValueTask<ModelInfo?> LoadDefaultAsync(CancellationToken cancellationToken = default);

                Task WarmUpAsync(CancellationToken cancellationToken = default);
            }

            public interface IModelRegistry
            {
                string DefaultModel { get; }

                bool IsAvailable { get; }

                Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default);

                IReadOnlyList<ModelInfo> Snapshot();

                void Register(ModelInfo model);
            }

            public interface IHistoricalLogStore
            {
                Task LogResultAsync(string entry, CancellationToken cancellationToken = default);
            }

            /// <summary>Marks a store only its processor may use (matched by name, like ModelManagement.Patterns' own).</summary>
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Method)]
            public sealed class CentralizedByAttribute : Attribute
            {
                public CentralizedByAttribute(Type owner) => Owner = owner;

                public Type Owner { get; }
            }

            [CentralizedBy(typeof(ResultArchiveProcessor))]
            public interface IResultArchive
            {
                Task SaveAsync(string key, string text, CancellationToken cancellationToken = default);
            }

            /// <summary>The one place that writes the result archive: keys are normalised here.</summary>
            public static class ResultArchiveProcessor
            {
                public static Task SaveAsync(IResultArchive archive, string key, string text, CancellationToken cancellationToken = default)
                    => archive.SaveAsync(key.Trim().ToLowerInvariant(), text, cancellationToken);
            }

            public interface IAppLogger
            {
                Task LogInformationAsync(string message);

                Task LogWarningAsync(string message, Exception? exception = null);
            }

            [SideEffect]
            public interface INotificationSink
            {
                Task PublishAsync(string topic, string payload);
            }

            public sealed class ServiceMetrics
            {
                private long _count;

                public long Count => Interlocked.Read(ref _count);

                public Task RecordLatencyAsync(string operation, TimeSpan elapsed)
                {
                    Interlocked.Increment(ref _count);
                    return elapsed < TimeSpan.Zero ? Task.FromException(new ArgumentOutOfRangeException(nameof(elapsed), operation)) : Task.CompletedTask;
                }

                public ValueTask IncrementAsync(string counter)
                {
                    Interlocked.Increment(ref _count);
                    return counter.Length == 0 ? ValueTask.FromException(new ArgumentException("empty counter name")) : default;
                }
            }

            public sealed class ComplianceAuditor
            {
                public Task AuditAsync(string action, string subject)
                    => action.Length == 0 ? Task.FromException(new ArgumentException("empty action", nameof(action))) : Task.CompletedTask;
            }

            public static class FailureSink
            {
                private static long s_failures;

                public static long Failures => Interlocked.Read(ref s_failures);

                public static void Report(Exception exception)
                {
                    ArgumentNullException.ThrowIfNull(exception);
                    Interlocked.Increment(ref s_failures);
                }

                public static void Count() => Interlocked.Increment(ref s_failures);
            }

            public static class Validation
            {
                public static bool IsAcceptable(string? text, int minLength)
                    => !string.IsNullOrWhiteSpace(text) && text.Length >= minLength && !text.Contains("<error>", StringComparison.Ordinal);
            }

            public sealed class GuardrailVerdict
            {
                public GuardrailVerdict(bool isCompliant, string reason)
                {
                    IsCompliant = isCompliant;
                    Reason = reason;
                }

                public bool IsCompliant { get; }

                public string Reason { get; }
            }

            public interface IContentGuardrail
            {
                Task<GuardrailVerdict> CheckAsync(string content, CancellationToken cancellationToken = default);
            }

            public sealed class KeywordGuardrail : IContentGuardrail
            {
                public static KeywordGuardrail Default { get; } = new KeywordGuardrail();

                public Task<GuardrailVerdict> CheckAsync(string content, CancellationToken cancellationToken = default)
                    => Task.FromResult(content.Contains("<error>", StringComparison.Ordinal)
                        ? new GuardrailVerdict(false, "error marker")
                        : new GuardrailVerdict(true, string.Empty));
            }

            public static class DefaultCatalog
            {
                public static IReadOnlyList<string> Names { get; } = new[] { "narrator-large", "narrator-small" };

                public static async Task<IReadOnlyList<string>> LoadNamesAsync()
                {
                    await Task.Yield(); // real async work: a wait on it blocks (MM0001 exempts a task-shaped method that returns a completed task)
                    return Names;
                }
            }

            public sealed class InMemoryModelStore : IModelStore
            {
                private readonly ModelInfo[] _models = { new("narrator-large", "2.1", 0.92), new("narrator-small", "1.4", 0.71) };

                public async Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                    return _models;
                }

                public ValueTask<ModelInfo?> LoadDefaultAsync(CancellationToken cancellationToken = default) => new(_models[0]);

                public Task WarmUpAsync(CancellationToken cancellationToken = default) => Task.Delay(1, cancellationToken);
            }

            public sealed class InMemoryModelRegistry : IModelRegistry
            {
                private readonly List<ModelInfo> _models = new();
                private readonly object _gate = new();

                public string DefaultModel => Snapshot().FirstOrDefault()?.Name ?? "narrator-large";

                public bool IsAvailable => true;

                public Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default)
                {
                    lock (_gate)
                    {
                        return Task.FromResult(_models.Find(m => string.Equals(m.Name, name, StringComparison.Ordinal)));
                    }
                }

                public IReadOnlyList<ModelInfo> Snapshot()
                {
                    lock (_gate)
                    {
                        return _models.ToArray();
                    }
                }

                public void Register(ModelInfo model)
                {
                    lock (_gate)
                    {
                        _models.Add(model);
                    }
                }
            }

            public sealed class ConsoleAppLogger : IAppLogger
            {
                public Task LogInformationAsync(string message) => Console.Out.WriteLineAsync(message);

                public Task LogWarningAsync(string message, Exception? exception = null)
                    => Console.Error.WriteLineAsync(exception is null ? message : message + ": " + exception.Message);
            }
        }

        """;

    private enum CtorInit
    {
        // Clean forms first.
        Lazy,
        ExplicitInitialize,
        CachedNames,

        // Blocking forms (MM0001).
        Result,
        GetAwaiterGetResult,
        ConfigureAwaitGetResult,
        Wait,
        WaitAll,
        ValueTaskResult,
        ViaHelper,
        ViaInstanceChain,
        Count,
        FirstBlocking = Result,
    }

    private sealed class UnitContext
    {
        private readonly Random _later;

        public UnitContext(string name, Random random, double violationRate, int laterSeed)
        {
            Name = name;
            Random = random;
            ViolationRate = violationRate;
            _later = new Random(laterSeed);
        }

        public string Name { get; }

        public Random Random { get; }

        public double ViolationRate { get; }

        public bool Violation() => Random.NextDouble() < ViolationRate;

        /// <summary>
        /// A violation roll for forms added after the corpus's figures were first published (MM0006), drawn from a
        /// per-unit generator so the main sequence, and with it every earlier form, stays as it was.
        /// </summary>
        public bool LaterViolation() => _later.NextDouble() < ViolationRate;

        public string Pick(params string[] choices) => choices[Random.Next(choices.Length)];
    }
}
