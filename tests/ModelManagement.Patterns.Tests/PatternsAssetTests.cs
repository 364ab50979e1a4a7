using System;
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

    [Fact]
    public void EveryAsset_IsStrongNamed_WithTheLibrarysKey()
    {
        // A strong-named consumer whose code the fixes rewrote to use the helpers gets CS8002 from an unsigned dependency
        // (an error under TreatWarningsAsErrors; IdentityModel.OidcClient, a consumer round), and .NET Framework refuses
        // to load one.
        var token = typeof(SideEffect).Assembly.GetName().GetPublicKeyToken();

        Assert.Equal("a7183dfe91ef4f56", Convert.ToHexString(token ?? Array.Empty<byte>()).ToLowerInvariant());
    }
}
