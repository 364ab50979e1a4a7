namespace ModelManagement.Analyzers;

/// <summary>The rule IDs this package reports. An ID is never reused.</summary>
public static class DiagnosticIds
{
    /// <summary>MM0001: a constructor blocks on async work.</summary>
    public const string BlockingWaitInConstructor = "MM0001";

    /// <summary>MM0002: an awaited side effect (logging, telemetry, audit) can fail the operation.</summary>
    public const string SideEffectAwaitNotGuarded = "MM0002";

    /// <summary>MM0003: an optional dependency is dereferenced where it may be null.</summary>
    public const string OptionalDependencyWithoutNullCheck = "MM0003";

    /// <summary>MM0004: the result of a validation call (a verdict, a guardrail check) is discarded or never read.</summary>
    public const string ValidationResultIgnored = "MM0004";
}
