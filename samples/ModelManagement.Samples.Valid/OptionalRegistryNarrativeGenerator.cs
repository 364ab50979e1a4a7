using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.OptionalDependencies;

/// <summary>
/// Generates narratives standalone or, where a model registry is deployed, with the registry's models
/// (optional dependency injection: every use of the registry is guarded).
/// </summary>
public sealed class OptionalRegistryNarrativeGenerator
{
    private const string StandaloneModel = "narrator-small";

    private readonly IModelRegistry? _modelRegistry;

    public OptionalRegistryNarrativeGenerator(IModelRegistry? modelRegistry = null)
    {
        _modelRegistry = modelRegistry;
    }

    [MemberNotNullWhen(true, nameof(_modelRegistry))]
    public bool HasRegistry => _modelRegistry is not null;

    public async Task<string> GenerateAsync(string topic, CancellationToken cancellationToken = default)
    {
        var model = _modelRegistry?.DefaultModel ?? StandaloneModel;
        await Task.Yield();
        return $"[{model}] A story about {topic}.";
    }

    public async Task<int> CountModelsAsync(CancellationToken cancellationToken = default)
    {
        if (_modelRegistry is null)
        {
            return 1; // standalone: only the built-in model
        }

        var models = await _modelRegistry.ListAsync(cancellationToken);
        return models.Count;
    }

    public void Publish(ModelInfo model)
    {
        if (!HasRegistry)
        {
            Console.WriteLine("standalone deployment: not publishing " + model.Name);
            return;
        }

        _modelRegistry.Register(model);
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
            if (modelRegistry is null)
            {
                replayed++; // standalone: every model counts
                continue;
            }

            var known = await modelRegistry.FindAsync(model.Name, cancellationToken);
            if (known is not null)
            {
                replayed++;
            }
        }

        return replayed;
    }

    public Func<string, Task<ModelInfo?>> Finder()
        => name => modelRegistry is { } registry ? registry.FindAsync(name) : Task.FromResult<ModelInfo?>(null);
}
