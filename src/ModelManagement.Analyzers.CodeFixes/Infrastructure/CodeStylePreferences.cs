using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// A code-style preference the file's <c>.editorconfig</c> sets (<c>csharp_style_var_elsewhere = false:warning</c>): the
/// value before any severity, trimmed (<c>false</c>), or null when unset. Shared by <see cref="LocalTypes"/> and
/// <see cref="MethodBodyStyle"/>, which write what the fixes add in the project's style.
/// </summary>
internal static class CodeStylePreferences
{
    public static string? Get(Project project, SyntaxTree tree, string key)
    {
        if (!project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value))
        {
            return null;
        }

        var colon = value.IndexOf(':');
        return (colon < 0 ? value : value.Substring(0, colon)).Trim();
    }

    /// <summary>Whether the preference <paramref name="key"/> is set to <paramref name="expected"/> (ignoring case and severity).</summary>
    public static bool Is(Project project, SyntaxTree tree, string key, string expected)
        => string.Equals(Get(project, tree, key), expected, System.StringComparison.OrdinalIgnoreCase);
}
