using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;
using ModelManagement.Samples.OptionalDependencies;
using Xunit;

namespace ModelManagement.Samples.Tests.Integration;

/// <summary>
/// The model registry integration (per-integration test structure): happy path, error handling and data flow in one
/// class. The error-handling test keeps MM0007 quiet.
/// </summary>
public sealed class ModelRegistryIntegrationTests
{
    [Fact]
    public async Task GenerateAsync_UsesTheRegistryDefaultModel()
    {
        var generator = new OptionalRegistryNarrativeGenerator(new InMemoryModelRegistry());

        var narrative = await generator.GenerateAsync("dragons");

        Assert.StartsWith("[narrator-large]", narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountModelsAsync_WhenTheRegistryIsDown_SurfacesItsError()
    {
        var generator = new OptionalRegistryNarrativeGenerator(new UnreachableModelRegistry());

        await Assert.ThrowsAsync<TimeoutException>(() => generator.CountModelsAsync());
    }

    [Fact]
    public async Task Publish_MakesTheModelVisibleToLaterCounts()
    {
        var generator = new OptionalRegistryNarrativeGenerator(new InMemoryModelRegistry());

        generator.Publish(new ModelInfo("narrator-tiny", "0.9"));

        Assert.Equal(2, await generator.CountModelsAsync());
    }

    /// <summary>A registry whose every call times out, as a deployed registry does when its host is unreachable.</summary>
    private sealed class UnreachableModelRegistry : IModelRegistry
    {
        public string DefaultModel => throw new TimeoutException("model registry unreachable");

        public Task<ModelInfo?> FindAsync(string name, CancellationToken cancellationToken = default)
            => Task.FromException<ModelInfo?>(new TimeoutException("model registry unreachable"));

        public Task<IReadOnlyList<ModelInfo>> ListAsync(CancellationToken cancellationToken = default)
            => Task.FromException<IReadOnlyList<ModelInfo>>(new TimeoutException("model registry unreachable"));

        public void Register(ModelInfo model) => throw new TimeoutException("model registry unreachable");
    }
}
