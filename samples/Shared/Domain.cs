using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;

namespace ModelManagement.Samples.Domain;

/// <summary>A model known to the registry.</summary>
public sealed record ModelInfo(string Name, string Version);

/// <summary>The central model registry. Only some deployments have one: services take it as an optional dependency.</summary>
public interface IModelRegistry
{
    string DefaultModel { get; }

    Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken = default);

    void Register(ModelInfo model);
}

/// <summary>Where an LLM client loads its model catalogue from (a remote call in production).</summary>
public interface IModelStore
{
    Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Keeps a history of generated results (a database in production). Only the historical log processor writes to it
/// (centralized processing: it batches, guards and counts the writes); anything else that writes bypasses it: MM0006.
/// </summary>
[CentralizedBy(typeof(ModelManagement.Samples.SideEffects.HistoricalLogProcessor))]
public interface IHistoricalLogStore
{
    Task LogResultAsync(string entry, CancellationToken cancellationToken = default);
}

/// <summary>In-memory model store for the sample.</summary>
public sealed class InMemoryModelStore : IModelStore
{
    public async Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default)
    {
        await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        return new[] { new ModelInfo("narrator-large", "2.1"), new ModelInfo("narrator-small", "1.4") };
    }
}

/// <summary>In-memory registry for the sample.</summary>
public sealed class InMemoryModelRegistry : IModelRegistry
{
    private readonly List<ModelInfo> _models = new() { new ModelInfo("narrator-large", "2.1") };

    public string DefaultModel => _models[0].Name;

    public Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default)
        => Task.FromResult(_models.Find(m => m.Name == name));

    public Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ModelInfo>>(_models.ToArray());

    public void Register(ModelInfo model) => _models.Add(model);
}

/// <summary>A history store that fails, as a database does when it is down.</summary>
public sealed class UnavailableHistoricalLogStore : IHistoricalLogStore
{
    public Task LogResultAsync(string entry, CancellationToken cancellationToken = default)
        => Task.FromException(new InvalidOperationException("history database unavailable"));
}
