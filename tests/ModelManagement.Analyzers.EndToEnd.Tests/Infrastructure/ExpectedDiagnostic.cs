using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A diagnostic a consumer source file announces with a line marker <c>// expect: MM0002</c> (several IDs separated by
/// commas): the rule is expected to report on exactly that line. The expectations are data, so a rule joins the
/// end-to-end assertions by marking lines, and the fixed sources' markers (comments survive a fix) say where the
/// remaining diagnostics moved.
/// </summary>
internal sealed record ExpectedDiagnostic(string FileName, int Line, string RuleId)
{
    private static readonly Regex Marker = new(@"//\s*expect:\s*(?<ids>MM[0-9]{4}(\s*,\s*MM[0-9]{4})*)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public override string ToString() => $"{FileName}({Line}): {RuleId}";

    /// <summary>The markers of every C# file under <paramref name="directory"/> (bin and obj excluded), ordered.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> FromDirectory(string directory)
    {
        var expected = new List<ExpectedDiagnostic>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            expected.AddRange(FromText(Path.GetFileName(path), File.ReadAllText(path)));
        }

        return expected.OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<ExpectedDiagnostic> FromText(string fileName, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new ExpectedDiagnostic(fileName, i + 1, id);
            }
        }
    }
}
