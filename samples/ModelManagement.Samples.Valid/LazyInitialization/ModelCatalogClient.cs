using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Patterns;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// The catalogue client with single-flight lazy initialization (what the MM0005 fix writes): the first request starts
/// the load, every request that arrives meanwhile awaits the same load, and a failed load is retried by the next one.
/// </summary>
public sealed class ModelCatalogClient
{
    private readonly IModelStore _store;
    private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();
    private readonly AsyncInitializer _initializer;

    public ModelCatalogClient(IModelStore store)
    {
        _initializer = new AsyncInitializer(InitializeAsync);
        _store = store;
    }

    public async Task<string> DescribeAsync(string prompt)
    {
        await _initializer.EnsureInitializedAsync();

        var model = _models.FirstOrDefault() ?? throw new InvalidOperationException("no model available");
        return $"[{model.Name}] {prompt}";
    }

    private async Task InitializeAsync()
    {
        _models = await _store.LoadModelsAsync().ConfigureAwait(false);
    }
}
