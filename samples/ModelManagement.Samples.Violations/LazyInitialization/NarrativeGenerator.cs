using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// A narrative generator whose constructor blocks indirectly: it calls its own helper, which waits for the registry
/// (MM0001 reports the constructor's call and names the awaited member). The shared default style is loaded by a
/// static field initializer that blocks as well.
/// </summary>
public sealed class NarrativeGenerator
{
    private static readonly string DefaultStyle = LoadStyleAsync().ConfigureAwait(false).GetAwaiter().GetResult(); // expect: MM0001

    private readonly IModelRegistry _registry;
    private IReadOnlyList<ModelInfo> _models = new List<ModelInfo>();

    public NarrativeGenerator(IModelRegistry registry)
    {
        _registry = registry;
        RefreshModels(); // expect: MM0001
    }

    public async Task<string> NarrateAsync(string topic, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return $"{DefaultStyle}: a story about {topic} told by {_models.Count} model(s)";
    }

    private void RefreshModels()
    {
        _models = _registry.ListAsync().GetAwaiter().GetResult();
    }

    private static async Task<string> LoadStyleAsync()
    {
        await Task.Delay(1).ConfigureAwait(false);
        return "epic";
    }
}
