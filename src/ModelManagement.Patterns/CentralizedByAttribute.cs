using System;

namespace ModelManagement.Patterns;

/// <summary>
/// Marks a type or member whose use is centralized in one or more processor types: only those processors (and the
/// marked type itself, its implementations and test code) may call it. The MM0006 analyzer reports every other use.
/// </summary>
/// <remarks>
/// <para>
/// On a type, every member of the type (and of its nested types) is centralized; on an interface, its members and every
/// member that implements them. Creating an implementation of a centralized interface is not a use; calling its
/// centralized members is. Apply the attribute several times to name several processors.
/// </para>
/// <para>
/// For code you cannot annotate (a vendor library), list the symbols in a <c>CentralizedSymbols.txt</c> additional file
/// instead (see the MM0006 rule page). The analyzer matches the attribute by name, so an attribute of the same name in
/// any namespace works too.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [CentralizedBy(typeof(HistoricalLogProcessor))]
/// public interface IHistoryWriter
/// {
///     Task InsertAsync(string entry, CancellationToken cancellationToken);
/// }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method
        | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Event,
    AllowMultiple = true,
    Inherited = false)]
public sealed class CentralizedByAttribute : Attribute
{
    /// <summary>Creates the attribute naming the processor type every use must go through.</summary>
    /// <param name="processor">The processor type that owns the concern.</param>
    public CentralizedByAttribute(Type processor) => Processor = processor;

    /// <summary>The processor type every use must go through.</summary>
    public Type Processor { get; }
}
