using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// A client that loads the model catalogue on first use with a hand-rolled flag (MM0005): every request that arrives
/// while the first load is still awaiting finds the flag false and loads again, so two requests at start-up load the
/// catalogue twice, and a failed load leaves the client half-initialized.
/// </summary>
public sealed class ModelCatalogClient
{
    private readonly IModelStore _store;
    private IReadOnlyList<ModelInfo> _models = Array.Empty<ModelInfo>();
    private bool _initialized;

    public ModelCatalogClient(IModelStore store) => _store = store;

    public async Task<string> DescribeAsync(string prompt)
    {
        if (!_initialized) // expect: MM0005
        {
            _models = await _store.LoadModelsAsync().ConfigureAwait(false);
            _initialized = true;
        }

        var model = _models.FirstOrDefault() ?? throw new InvalidOperationException("no model available");
        return $"[{model.Name}] {prompt}";
    }
}
