using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// An LLM client that needs the model catalogue before it can answer, and loads it in its constructor by blocking
/// on the store (MM0001): under a synchronization context this deadlocks, on the thread pool it stalls a thread per
/// client created, and a store failure surfaces as an AggregateException from <c>new LlmClient(...)</c>.
/// </summary>
public sealed class LlmClient
{
    private readonly IReadOnlyList<ModelInfo> _models;

    public LlmClient(IModelStore store)
    {
        _models = store.LoadModelsAsync().Result; // expect: MM0001
    }

    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken = default)
    {
        await Task.Delay(1, cancellationToken);
        var model = _models.FirstOrDefault() ?? throw new InvalidOperationException("no model available");
        return $"[{model.Name} {model.Version}] {prompt}";
    }
}
