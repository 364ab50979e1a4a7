using System.IO;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>One SARIF result: rule, level (error | warning | note | none), message and primary location.</summary>
internal sealed record SarifResult(string RuleId, string Level, string Message, string? File, int Line, bool IsSuppressed)
{
    public string FileName => File is null ? "(no file)" : Path.GetFileName(File);

    public override string ToString() => $"{FileName}({Line}): {Level} {RuleId}: {Message}{(IsSuppressed ? " [suppressed]" : string.Empty)}";
}
