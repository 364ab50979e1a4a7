using System;

namespace ModelManagement.Patterns;

/// <summary>
/// Marks a method whose result is a validation verdict (a guardrail check, a compliance check): the MM0004 analyzer
/// reports a call whose result is discarded or never read on some path, since unchecked content would reach the caller.
/// Implementations and overrides of a marked member are validators too.
/// </summary>
/// <remarks>The analyzer matches the attribute by name, so an attribute of the same name in any namespace works too.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ValidatorAttribute : Attribute
{
}
