using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.LazyInitialization;

/// <summary>
/// The narrative generator with lazily loaded state: the model list is an <see cref="AsyncLazy{T}"/> of the instance
/// and the shared default style an <see cref="AsyncLazy{T}"/> of the type; neither blocks during construction.
/// </summary>
public sealed class NarrativeGenerator
{
    private static readonly AsyncLazy<string> DefaultStyle = new(LoadStyleAsync);

    private readonly AsyncLazy<IReadOnlyList<ModelInfo>> _models;

    public NarrativeGenerator(IModelRegistry registry)
    {
        _models = new AsyncLazy<IReadOnlyList<ModelInfo>>(() => registry.ListAsync());
    }

    public async Task<string> NarrateAsync(string topic, CancellationToken cancellationToken = default)
    {
        var style = await DefaultStyle.GetValueAsync(cancellationToken).ConfigureAwait(false);
        var models = await _models.GetValueAsync(cancellationToken).ConfigureAwait(false);
        return $"{style}: a story about {topic} told by {models.Count} model(s)";
    }

    private static async Task<string> LoadStyleAsync()
    {
        await Task.Delay(1).ConfigureAwait(false);
        return "epic";
    }
}
