using System;

namespace ModelManagement.Patterns;

/// <summary>
/// Marks a method, or every method of a type or interface, as a side effect: logging, telemetry, metrics or
/// auditing whose failure must never fail the operation that triggered it. The MM0002 analyzer requires an
/// awaited call to such a method to be guarded (try/catch, or <c>SideEffect.TryAsync</c>).
/// </summary>
/// <remarks>The analyzer matches the attribute by name, so an attribute of the same name in any namespace works too.</remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    AllowMultiple = false,
    Inherited = true)]
public sealed class SideEffectAttribute : Attribute
{
}
