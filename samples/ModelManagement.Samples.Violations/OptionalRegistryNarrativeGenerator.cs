using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.OptionalDependencies;

/// <summary>
/// Generates narratives standalone or, where a model registry is deployed, with the registry's models.
/// MM0003: the registry is an optional dependency but is used without a null check, so the standalone
/// deployment throws NullReferenceException.
/// </summary>
public sealed class OptionalRegistryNarrativeGenerator
{
    private readonly IModelRegistry? _modelRegistry;

    public OptionalRegistryNarrativeGenerator(IModelRegistry? modelRegistry = null)
    {
        _modelRegistry = modelRegistry;
    }

    public async Task<string> GenerateAsync(string topic, CancellationToken cancellationToken = default)
    {
        var model = _modelRegistry.DefaultModel; // expect: MM0003
        await Task.Yield();
        return $"[{model}] A story about {topic}.";
    }

    public async Task<int> CountModelsAsync(CancellationToken cancellationToken = default)
    {
        var models = await _modelRegistry.ListAsync(cancellationToken); // expect: MM0003
        return models.Count;
    }

    public void Publish(ModelInfo model)
    {
        if (model.Version.Length == 0)
        {
            Console.WriteLine("unversioned model: " + model.Name);
        }

        _modelRegistry.Register(model); // expect: MM0003
    }

    public async Task<int> RegisterAndCountAsync(ModelInfo model, CancellationToken cancellationToken = default)
    {
        // Every use counts, not only the first (the second line would still throw without a registry): one diagnostic
        // on the first use, with the second as an additional location that its fix guards too.
        _modelRegistry.Register(model); // expect: MM0003
        var models = await _modelRegistry.ListAsync(cancellationToken);
        return models.Count;
    }
}

/// <summary>Replays historical results against the models a registry knows; the registry is optional (primary constructor).</summary>
public sealed class HistoricalModelReplayer(IModelStore store, IModelRegistry? modelRegistry = null)
{
    public async Task<int> ReplayAsync(CancellationToken cancellationToken = default)
    {
        var replayed = 0;
        foreach (var model in await store.LoadModelsAsync(cancellationToken))
        {
            var known = await modelRegistry.FindAsync(model.Name, cancellationToken); // expect: MM0003
            if (known is not null)
            {
                replayed++;
            }
        }

        return replayed;
    }

    public Func<string, Task<ModelInfo?>> Finder() => name => modelRegistry.FindAsync(name); // expect: MM0003
}
