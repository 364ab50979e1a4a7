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

    /// <summary>MM0005: a hand-rolled lazy async initialization runs twice when two callers arrive together.</summary>
    public const string RacyLazyAsyncInitialization = "MM0005";
}
