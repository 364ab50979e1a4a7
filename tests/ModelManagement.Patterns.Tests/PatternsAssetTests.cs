using System.Reflection;
using System.Runtime.Versioning;

namespace ModelManagement.Patterns.Tests;

/// <summary>
/// The same test sources run against both assets the package ships: ModelManagement.Patterns.Tests loads the net8.0
/// build, ModelManagement.Patterns.NetStandard.Tests the netstandard2.0 one. This test proves which one is loaded.
/// </summary>
public sealed class PatternsAssetTests
{
    [Fact]
    public void LoadedAsset_IsTheOneThisProjectTests()
    {
#if PATTERNS_NETSTANDARD2_0
        const string expected = ".NETStandard,Version=v2.0";
#else
        const string expected = ".NETCoreApp,Version=v8.0";
#endif
        var framework = typeof(SideEffect).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();

        Assert.Equal(expected, framework?.FrameworkName);
    }
}
