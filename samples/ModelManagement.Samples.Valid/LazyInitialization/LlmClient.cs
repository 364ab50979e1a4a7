using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// The LLM client with lazy async initialization: the constructor only records how to load the catalogue; the first
/// async call loads it (once, however many callers arrive together) and every later call finds it ready.
/// </summary>
public sealed class LlmClient
{
    private readonly AsyncInitializer _initializer;
    private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();

    public LlmClient(IModelStore store)
    {
        _initializer = new AsyncInitializer(() => InitializeAsync(store));
    }

    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken = default)
    {
        await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var model = _models.FirstOrDefault() ?? throw new InvalidOperationException("no model available");
        return $"[{model.Name} {model.Version}] {prompt}";
    }

    private async Task InitializeAsync(IModelStore store)
    {
        _models = await store.LoadModelsAsync().ConfigureAwait(false);
    }
}
