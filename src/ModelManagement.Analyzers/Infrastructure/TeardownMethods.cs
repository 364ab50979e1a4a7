using System;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Methods named for ending something (<c>Dispose*</c>, <c>Close*</c>, <c>Delete*</c>, <c>Stop*</c>, <c>Shutdown*</c>,
/// <c>Commit*</c>, <c>Rollback*</c>, <c>Abort*</c>, <c>Terminate*</c>, <c>Teardown*</c>): what they check guards against
/// running twice and what they write records an end, neither is an initialization. A message's <c>Complete*</c> is not
/// listed: an LLM client's <c>CompleteAsync(prompt)</c> is where lazy loads live. <c>Disconnect*</c> ends a connection.
/// An event handler's or a helper's word in front counts too (<c>OnClose</c>, <c>OnClosed</c>, <c>HandleDisconnect</c>,
/// <c>MarkStopped</c>, <c>TryDelete</c>, <c>DoDispose</c>: puppeteer-sharp's transport sets its <c>IsClosed</c> latch in
/// <c>OnClose</c>), and so do the verbs' <c>-ing</c> forms and a window's or form's own event (WPF's <c>OnClosing</c>,
/// where NSwagStudio confirms closing once; WinForms' <c>OnFormClosing</c>).
/// </summary>
internal static class TeardownMethods
{
    // The verbs, and their -ing forms where the verb is no prefix of it (`Stopping`, `Aborting` start with their verb).
    private static readonly string[] Verbs =
    {
        "Dispose", "Close", "Delete", "Stop", "Shutdown", "Commit", "Rollback", "Abort", "Terminate", "Teardown", "TearDown", "Disconnect",
        "Disposing", "Closing", "Deleting", "ShuttingDown", "Committing", "RollingBack", "Terminating", "TearingDown",
    };

    private static readonly string[] Leads = { "On", "Handle", "Mark", "Try", "Do" };

    // A window's or form's own teardown event after the lead: WinForms' `OnFormClosing`, `OnWindowClosing`.
    private static readonly string[] Subjects = { "Form", "Window" };

    /// <summary>
    /// True when the method's name (an explicit implementation's too: <c>IAsyncDisposable.DisposeAsync</c>) starts with a
    /// teardown verb, alone or after one of the leading words <c>On</c>, <c>Handle</c>, <c>Mark</c>, <c>Try</c>, <c>Do</c>.
    /// </summary>
    public static bool IsTeardown(IMethodSymbol method)
    {
        var name = NamePrefix.MemberName(method.Name);
        if (StartsWithVerb(name, 0))
        {
            return true;
        }

        foreach (var lead in Leads)
        {
            if (name.Length > lead.Length && name.StartsWith(lead, StringComparison.Ordinal) && char.IsUpper(name[lead.Length]))
            {
                if (StartsWithVerb(name, lead.Length))
                {
                    return true;
                }

                foreach (var subject in Subjects)
                {
                    if (string.CompareOrdinal(name, lead.Length, subject, 0, subject.Length) == 0 && StartsWithVerb(name, lead.Length + subject.Length))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool StartsWithVerb(string name, int start)
    {
        foreach (var verb in Verbs)
        {
            if (string.CompareOrdinal(name, start, verb, 0, verb.Length) == 0 && name.Length - start >= verb.Length)
            {
                return true;
            }
        }

        return false;
    }
}
