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

    /// <summary>MM0006: a centralized symbol is used outside the processors that own it.</summary>
    public const string CentralizedConcernBypassed = "MM0006";

    /// <summary>MM0008: a line of a CentralizedSymbols*.txt additional file does not parse or names no symbol.</summary>
    public const string MalformedCentralizedSymbolsEntry = "MM0008";
    /// <summary>MM0007: an integration test class has no test of a failure path.</summary>
    public const string IntegrationTestWithoutFailurePath = "MM0007";
    /// <summary>MM0004: the result of a validation call (a verdict, a guardrail check) is discarded or never read.</summary>
    public const string ValidationResultIgnored = "MM0004";

    /// <summary>MM0005: a hand-rolled lazy async initialization runs twice when two callers arrive together.</summary>
    public const string RacyLazyAsyncInitialization = "MM0005";
}
