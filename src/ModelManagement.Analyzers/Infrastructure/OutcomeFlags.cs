using System.Collections.Immutable;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The names of the <c>bool</c> members through which a result object says how an operation went: success flags
/// (<c>IdentityResult.Succeeded</c>, <c>Result.IsSuccess</c>) and failure flags (<c>ValidateOptionsResult.Failed</c>).
/// MM0007 counts a success flag asserted false as a failure path; the MM0004 fix branches on them when a validation
/// result has no configured validity member.
/// </summary>
internal static class OutcomeFlags
{
    /// <summary>Success flags, in the order the MM0004 fix prefers them.</summary>
    public static readonly ImmutableArray<string> Success = ImmutableArray.Create("Succeeded", "IsSuccess", "IsSuccessful", "IsSucceeded", "Success", "IsOk", "Ok", "Passed");

    /// <summary>Failure flags, in the order the MM0004 fix prefers them (before any success flag).</summary>
    public static readonly ImmutableArray<string> Failure = ImmutableArray.Create("Failed", "IsFailed", "IsFailure", "HasFailed");

    public static bool IsSuccessName(string name) => Success.Contains(name);
}
