using System;
using System.Reflection;

namespace ModelManagement.Patterns.Tests;

public sealed class AttributeUsageTests
{
    [Theory]
    [InlineData(typeof(SideEffectAttribute), AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    [InlineData(typeof(OptionalDependencyAttribute), AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter)]
    public void MarkerAttribute_TargetsWhatTheAnalyzersRead(Type attributeType, AttributeTargets targets)
    {
        var usage = attributeType.GetCustomAttribute<AttributeUsageAttribute>();
        Assert.NotNull(usage);
        Assert.Equal(targets, usage!.ValidOn);
        Assert.False(usage.AllowMultiple);
        Assert.True(attributeType.IsSealed);
    }

    [Fact]
    public void CentralizedByAttribute_TargetsWhatMM0006Reads_AndRepeats()
    {
        var usage = typeof(CentralizedByAttribute).GetCustomAttribute<AttributeUsageAttribute>();
        Assert.NotNull(usage);
        Assert.Equal(
            AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method
                | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Event,
            usage!.ValidOn);
        Assert.True(usage.AllowMultiple);
        Assert.False(usage.Inherited);
        Assert.True(typeof(CentralizedByAttribute).IsSealed);
        Assert.Equal(typeof(string), new CentralizedByAttribute(typeof(string)).Processor);
    }
}
