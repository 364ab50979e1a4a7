using System;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>A consumer build: the process result and its SARIF log (null when the compiler never ran).</summary>
internal sealed record ConsumerBuild(ProcessResult Process, SarifLog? Sarif)
{
    public SarifLog RequireSarif()
        => Sarif ?? throw new InvalidOperationException("The build wrote no SARIF log (did the compiler run?)" + Environment.NewLine + Process);

    public override string ToString() => Process + Environment.NewLine + "SARIF results:" + Environment.NewLine + (Sarif?.ToString() ?? "(no log)");
}
