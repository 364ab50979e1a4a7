using System;

namespace ModelManagement.Patterns;

/// <summary>
/// Marks a field, property or parameter holding a dependency that may be absent (null), such as a model registry
/// that only some deployments provide. The MM0003 analyzer requires every dereference to be null-checked.
/// </summary>
/// <remarks>The analyzer matches the attribute by name, so an attribute of the same name in any namespace works too.</remarks>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter,
    AllowMultiple = false,
    Inherited = true)]
public sealed class OptionalDependencyAttribute : Attribute
{
}
