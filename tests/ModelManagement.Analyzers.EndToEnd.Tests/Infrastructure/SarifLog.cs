using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>The results of a compiler SARIF 2.1 error log (<c>-p:ErrorLog=file.sarif%2Cversion=2.1</c>).</summary>
internal sealed class SarifLog
{
    private SarifLog(string path, IReadOnlyList<SarifResult> results)
    {
        Path = path;
        Results = results;
    }

    public string Path { get; }

    public IReadOnlyList<SarifResult> Results { get; }

    public static SarifLog Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
        if (version != "2.1.0")
        {
            throw new InvalidDataException(path + " is SARIF version '" + version + "', expected 2.1.0");
        }

        var results = new List<SarifResult>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var ruleId = result.GetProperty("ruleId").GetString() ?? string.Empty;

                // SARIF's default level is "warning" when the property is absent.
                var level = result.TryGetProperty("level", out var l) ? l.GetString() ?? "warning" : "warning";
                var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                var suppressed = result.TryGetProperty("suppressions", out var s) && s.GetArrayLength() > 0;
                string? file = null;
                var line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                    {
                        file = ToLocalPath(uri.GetString());
                    }

                    if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine))
                    {
                        line = startLine.GetInt32();
                    }
                }

                results.Add(new SarifResult(ruleId, level, message, file, line, suppressed));
            }
        }

        return new SarifLog(path, results);
    }

    /// <summary>Results of our rules (MMxxxx) that are not suppressed in source.</summary>
    public IEnumerable<SarifResult> OurResults => Results.Where(r => r.RuleId.StartsWith("MM", StringComparison.Ordinal) && !r.IsSuppressed);

    public override string ToString()
        => Results.Count == 0 ? "(no results)" : string.Join(Environment.NewLine, Results.Select(r => r.ToString()));

    private static string? ToLocalPath(string? uri)
        => uri is null ? null
            : Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath
            : Uri.UnescapeDataString(uri);
}
