using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a timeout. Children get a clean, English, telemetry-free
/// environment without the MSBuild variables of the test host, and build servers stay off (no node reuse, no shared
/// compilation, no MSBuild server), so nothing lingers after a test. A process that outlives its timeout is killed
/// with its whole tree.
/// </summary>
internal static class DotNetCli
{
    /// <summary>Arguments that keep every build-like command from starting or reusing build servers.</summary>
    public static readonly IReadOnlyList<string> NoBuildServers = new[]
    {
        "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false",
    };

    private static readonly TimeSpan StreamDrainTimeout = TimeSpan.FromSeconds(30);

    private static readonly string DotNetExecutable = FindDotNet();

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotNetExecutable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(" ", startInfo.ArgumentList.Select(Quote));
        var output = new StringBuilder();
        var gate = new object();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }
            }
        }

        // Drains the redirected streams (the asynchronous readers finish at end of stream), bounded: a grandchild that
        // inherited the pipes and outlived the tree must not hang the test.
        var drained = process.WaitForExit(StreamDrainTimeout);
        stopwatch.Stop();
        string text;
        lock (gate)
        {
            text = output.ToString();
        }

        if (!drained)
        {
            text += Environment.NewLine + "(output streams were still open " + StreamDrainTimeout.TotalSeconds + "s after exit; output may be incomplete)";
        }

        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed, text);
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // The test host runs under `dotnet test`, whose MSBuild variables would steer the child's MSBuild.
        foreach (var name in environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
    }

    private static string FindDotNet()
    {
        // DOTNET_HOST_PATH is set by the SDK for processes it starts (the test host included): the same dotnet that runs us.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }

    private static string Quote(string argument)
        => argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\'' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
