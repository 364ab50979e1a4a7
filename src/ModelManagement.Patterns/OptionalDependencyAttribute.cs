using System;

namespace ModelManagement.Patterns;

/// <summary>
/// Marks a field, property or parameter holding a dependency that may be absent (null), such as a model registry
/// that only some deployments provide. The MM0003 analyzer requires every dereference to be null-checked.
/// </summary>
/// <remarks>
/// <para>
/// A constructor parameter whose default is <c>null</c> (<c>IModelRegistry? modelRegistry = null</c>) and the field or
/// property it is stored in are optional dependencies without this attribute; mark members the analyzer cannot infer,
/// such as a settable property filled by a container, a field assigned outside the constructor, or a method parameter.
/// </para>
/// <para>The analyzer matches the attribute by name, so an attribute of the same name in any namespace works too.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class NarrativeGenerator
/// {
///     [OptionalDependency]
///     public IModelRegistry? Registry { get; set; }
///
///     public string Model() => Registry?.DefaultModel ?? "narrator-small";
/// }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter,
    AllowMultiple = false,
    Inherited = true)]
public sealed class OptionalDependencyAttribute : Attribute
{
}
