using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The project's declared shipped public API: the <c>PublicAPI.Shipped.txt</c> additional files of
/// Microsoft.CodeAnalysis.PublicApiAnalyzers (one member a line, <c>Ns.Type.Type(Ns.IStore! store) -&gt; void</c>, a
/// leading <c>~</c> for nullable-oblivious entries). A fix that would change or hide a member listed there would break
/// callers outside the solution.
/// </summary>
internal static class ShippedPublicApi
{
    private const string FileName = "PublicAPI.Shipped.txt";

    /// <summary>Whether <paramref name="member"/> (a method or constructor visible outside the assembly) is listed as shipped.</summary>
    public static async Task<bool> ListsAsync(Project project, IMethodSymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
            || member.ContainingType is not { } type)
        {
            return false;
        }

        for (var container = type; container is not null; container = container.ContainingType)
        {
            if (container.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false; // not visible outside the assembly, whatever the file says
            }
        }

        var prefix = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "."
            + (member.MethodKind == MethodKind.Constructor ? type.Name : member.Name) + "(";
        foreach (var document in project.AdditionalDocuments)
        {
            if (!string.Equals(Path.GetFileName(document.FilePath ?? document.Name), FileName, StringComparison.OrdinalIgnoreCase)
                || await document.GetTextAsync(cancellationToken).ConfigureAwait(false) is not { } text)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                var entry = line.ToString().TrimStart();
                if (entry.StartsWith("~", StringComparison.Ordinal))
                {
                    entry = entry.Substring(1);
                }

                if (entry.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
