using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers;

/// <summary>Every descriptor of the package, built by one factory that fills the help link.</summary>
internal static class Descriptors
{
    internal static readonly DiagnosticDescriptor MM0001_BlockingWaitInConstructor = Make(
        DiagnosticIds.BlockingWaitInConstructor,
        title: "Do not block on async work during construction",
        message: "Construction of '{0}' blocks on '{1}'; wait for it on first async use or in an async factory instead",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Blocking on a task while an object is constructed (Task.Result, Wait, GetAwaiter().GetResult(), Task.WaitAll/WaitAny, "
            + "JoinableTaskFactory.Run, JoinableTask.Join, AsyncContext.Run) "
            + "deadlocks under a synchronization context, starves thread-pool threads at start-up and surfaces failures as "
            + "AggregateException from a constructor. Load the data on first async use instead (lazy async initialization).");

    internal static readonly DiagnosticDescriptor MM0002_SideEffectAwaitNotGuarded = Make(
        DiagnosticIds.SideEffectAwaitNotGuarded,
        title: "Guard awaited side effects",
        message: "A failure of '{0}' would escape into the caller; catch and observe it",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Logging, telemetry, metrics and auditing must never fail the work that triggered them. Await such side effects "
            + "inside a try statement whose catch handles System.Exception and reports the failure (non-blocking side effects).");

    internal static readonly DiagnosticDescriptor MM0003_OptionalDependencyWithoutNullCheck = Make(
        DiagnosticIds.OptionalDependencyWithoutNullCheck,
        title: "Null-check optional dependencies before use",
        message: "Optional dependency '{0}' may be null here; guard it (optional dependency injection)",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A dependency injected through an optional constructor parameter (default null) or marked [OptionalDependency] "
            + "is absent in standalone deployments. Every dereference must be on a path where it is known to be non-null: after "
            + "'!= null', 'is not null', an early return on null, '?.', '??', ArgumentNullException.ThrowIfNull or [MemberNotNullWhen] "
            + "(optional dependency injection).");

    internal static readonly DiagnosticDescriptor MM0006_CentralizedConcernBypassed = Make(
        DiagnosticIds.CentralizedConcernBypassed,
        title: "Go through the processor that centralizes a concern",
        message: "'{0}' is centralized: use it through {1}",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Warning,
        description: "A symbol marked [CentralizedBy(typeof(Processor))] (on itself or its type, or inherited by overriding or "
            + "implementing such a member) or listed in a CentralizedSymbols*.txt additional file may only be used by its processors, "
            + "by the type that declares or implements it, and by test code. Any other use bypasses the batching, retries, ordering "
            + "and auditing the processor adds (centralized processing).");

    internal static readonly DiagnosticDescriptor MM0008_MalformedCentralizedSymbolsEntry = Make(
        DiagnosticIds.MalformedCentralizedSymbolsEntry,
        title: "Malformed CentralizedSymbols entry",
        message: "CentralizedSymbols entry '{0}' is ignored: {1}",
        DiagnosticCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "Each line of a CentralizedSymbols*.txt additional file is '<documentation comment id>;<owner type id>[;<owner type id>...]' "
            + "(T:, N:, M:, P:, F: or E: for the symbol, T: for each owner), a comment starting with '#', or blank. A line that does "
            + "not parse, or whose ids name nothing in the compilation, centralizes nothing (MM0006 does not enforce it).");

    internal static readonly DiagnosticDescriptor MM0007_IntegrationTestWithoutFailurePath = Make(
        DiagnosticIds.IntegrationTestWithoutFailurePath,
        title: "Test a failure path in every integration test class",
        message: "Integration test class '{0}' has no failure-path test; add one for the integration's errors, timeouts or unavailability",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Info,
        description: "Each integration gets its own test class covering the happy path, error handling, data flow and performance "
            + "(per-integration test structure). A class whose tests never exercise a failure (no test named for an error, failure, "
            + "exception, timeout, fallback, unavailability or cancellation, and none asserting that an exception is thrown) leaves "
            + "the integration's most likely production problems untested.");

    internal static readonly DiagnosticDescriptor MM0004_ValidationResultIgnored = Make(
        DiagnosticIds.ValidationResultIgnored,
        title: "Do not ignore validation results",
        message: "The result of '{0}' is not checked before the content is handed on; return a fallback or throw when validation fails",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Generated content must not reach the caller unless its validation completed and passed. A validation call "
            + "(a Validate/TryValidate method, a [Validator] method, or one returning a verdict with IsValid, IsCompliant, Compliant or "
            + "IsSafe) whose result is discarded, or stored and not read on some path to a return, lets unchecked content through. "
            + "Branch on the verdict and return a fallback or throw (post-validation with fallback).");

    internal static readonly DiagnosticDescriptor MM0005_RacyLazyAsyncInitialization = Make(
        DiagnosticIds.RacyLazyAsyncInitialization,
        title: "Make lazy async initialization single-flight",
        message: "'{0}' is checked, then written after an await: two callers that arrive together both run the initialization; use AsyncLazy<T> or AsyncInitializer",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A hand-rolled lazy initialization such as 'if (!_initialized) { _data = await LoadAsync(); _initialized = true; }' "
            + "lets every caller that arrives before the first load completes start its own load, and a failure half-way leaves the "
            + "state inconsistent. Hold a single-flight guard across the await (AsyncLazy<T>, AsyncInitializer, Lazy<Task<T>>, or a "
            + "SemaphoreSlim released in finally) or cache the Task before awaiting it (lazy async initialization).");

    private static DiagnosticDescriptor Make(
        string id,
        string title,
        string message,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
        => new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.For(id),
            customTags: customTags);
}
