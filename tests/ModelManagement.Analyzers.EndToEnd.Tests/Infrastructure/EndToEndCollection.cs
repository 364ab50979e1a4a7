namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every end-to-end test shares one pack of the solution and runs sequentially: the child builds are heavy, and
/// running them side by side on a small machine only makes each slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedSolutionFixture>
{
    public const string Name = "End to end";
}
