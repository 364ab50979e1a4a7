using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// StyleCop.Analyzers in the project being fixed: StyleCop repositories build with warnings as errors, so the code a fix
/// writes follows the StyleCop rules that are on — field order (<see cref="FieldOrder"/>, SA1214), member order (SA1201,
/// SA1202: <see cref="Members.PrivateMethodPlace"/>), a blank line above a comment line (SA1515:
/// <see cref="Statements.BlankLineBeforeCommentAfter"/>). A fix sees the project's analyzer references, not the analyzers'
/// results, as <c>dotnet format</c> loads them.
/// </summary>
internal static class StyleCopRules
{
    /// <summary>
    /// Whether <paramref name="project"/> runs StyleCop's analyzers with the rule <paramref name="ruleId"/> (on by default)
    /// not turned off for <paramref name="tree"/> (<c>dotnet_diagnostic.SA1214.severity = none</c>, <c>NoWarn</c>, a rule set).
    /// </summary>
    public static bool IsOn(Project project, SyntaxTree tree, string ruleId)
    {
        if (!project.AnalyzerReferences.Any(IsStyleCop) || project.CompilationOptions is not { } options)
        {
            return false;
        }

        if (options.SyntaxTreeOptionsProvider is { } provider
            && (provider.TryGetDiagnosticValue(tree, ruleId, CancellationToken.None, out var severity)
                || provider.TryGetGlobalDiagnosticValue(ruleId, CancellationToken.None, out severity)))
        {
            return severity != ReportDiagnostic.Suppress;
        }

        return !(options.SpecificDiagnosticOptions.TryGetValue(ruleId, out var specific) && specific == ReportDiagnostic.Suppress);
    }

    /// <summary>Whether the project runs StyleCop's member-order rules (SA1201, SA1202) on <paramref name="tree"/>.</summary>
    public static bool OrderMembers(Project project, SyntaxTree tree) => IsOn(project, tree, "SA1202") || IsOn(project, tree, "SA1201");

    private static bool IsStyleCop(Microsoft.CodeAnalysis.Diagnostics.AnalyzerReference reference)
        => string.Equals(Path.GetFileNameWithoutExtension(reference.FullPath ?? reference.Display), "StyleCop.Analyzers", System.StringComparison.OrdinalIgnoreCase);
}
