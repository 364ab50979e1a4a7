using System.Diagnostics.Metrics;

namespace ModelManagement.Patterns.Internal;

/// <summary>
/// The one <see cref="Meter"/> of the library (<see cref="SideEffect.MeterName"/>). Every helper creates its counters
/// on it, so a listener subscribes to a single meter name for all of them.
/// </summary>
internal static class PatternsMeter
{
    public static Meter Instance { get; } = new(SideEffect.MeterName);
}
