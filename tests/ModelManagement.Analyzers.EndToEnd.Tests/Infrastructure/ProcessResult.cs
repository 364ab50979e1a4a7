using System;
using System.Globalization;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>What a child process did: its command line, exit code and interleaved stdout/stderr.</summary>
internal sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>A transcript for assertion messages and test output.</summary>
    public override string ToString()
        => string.Format(
            CultureInfo.InvariantCulture,
            "$ {0}{1}  (in {2}; exit {3}{4}; {5:F1}s){1}{6}",
            CommandLine,
            Environment.NewLine,
            WorkingDirectory,
            ExitCode,
            TimedOut ? ", TIMED OUT and killed" : string.Empty,
            Elapsed.TotalSeconds,
            Output);
}
