using System;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Methods named for ending something (<c>Dispose*</c>, <c>Close*</c>, <c>Delete*</c>, <c>Stop*</c>, <c>Shutdown*</c>,
/// <c>Commit*</c>, <c>Rollback*</c>, <c>Abort*</c>, <c>Terminate*</c>, <c>Teardown*</c>): what they check guards against
/// running twice and what they write records an end, neither is an initialization. A message's <c>Complete*</c> is not
/// listed: an LLM client's <c>CompleteAsync(prompt)</c> is where lazy loads live.
/// </summary>
internal static class TeardownMethods
{
    private static readonly string[] Verbs = { "Dispose", "Close", "Delete", "Stop", "Shutdown", "Commit", "Rollback", "Abort", "Terminate", "Teardown", "TearDown" };

    /// <summary>True when the method's name (an explicit implementation's too: <c>IAsyncDisposable.DisposeAsync</c>) starts with a teardown verb.</summary>
    public static bool IsTeardown(IMethodSymbol method)
    {
        var name = NamePrefix.MemberName(method.Name);
        foreach (var verb in Verbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
