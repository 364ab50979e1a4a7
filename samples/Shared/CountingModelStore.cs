using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Samples.Domain;

/// <summary>A model store that counts how often the catalogue is loaded (a slow, billable call in production).</summary>
public sealed class CountingModelStore : IModelStore
{
    private int _loads;

    /// <summary>How many times <see cref="LoadModelsAsync"/> ran.</summary>
    public int Loads => Volatile.Read(ref _loads);

    public async Task<IReadOnlyList<ModelInfo>> LoadModelsAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        return new[] { new ModelInfo("narrator", "2.1") };
    }
}
