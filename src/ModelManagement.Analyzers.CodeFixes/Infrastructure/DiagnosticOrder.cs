using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Diagnostics in source order (file, start, end, id). The analyzer driver reports them in whatever order concurrent
/// analysis finished, and a Fix All that applies fixes one after another (or numbers the names it writes in passing) must
/// not let that order show in its output: the same input gives the same output, run after run (an independent consumer's
/// <c>dotnet format --verify-no-changes</c> gate saw two constructor lines swap places between runs).
/// </summary>
internal static class DiagnosticOrder
{
    public static ImmutableArray<Diagnostic> InSourceOrder(IEnumerable<Diagnostic> diagnostics)
    {
        var array = ImmutableArray.CreateRange(diagnostics);
        return array.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
            if (byFile != 0)
            {
                return byFile;
            }

            var byStart = a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            var byEnd = a.Location.SourceSpan.End.CompareTo(b.Location.SourceSpan.End);
            return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Id, b.Id);
        });
    }
}
