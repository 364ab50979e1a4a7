using System;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;
using ModelManagement.Samples.OptionalDependencies;
using Xunit;

namespace ModelManagement.Samples.Tests.Integration;

/// <summary>
/// The model registry integration, tested only while the registry answers. MM0007: no test covers a failure path
/// (registry down, timing out, invalid answer), the integration's most likely production problem.
/// </summary>
public sealed class ModelRegistryIntegrationTests // expect: MM0007
{
    [Fact]
    public async Task GenerateAsync_UsesTheRegistryDefaultModel()
    {
        var generator = new OptionalRegistryNarrativeGenerator(new InMemoryModelRegistry());

        var narrative = await generator.GenerateAsync("dragons");

        Assert.StartsWith("[narrator-large]", narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MakesTheModelVisibleToLaterCounts()
    {
        var generator = new OptionalRegistryNarrativeGenerator(new InMemoryModelRegistry());

        generator.Publish(new ModelInfo("narrator-tiny", "0.9"));

        Assert.Equal(2, await generator.CountModelsAsync());
    }
}
