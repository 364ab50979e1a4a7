using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.Benchmarks;
using ModelManagement.Analyzers.Benchmarks.Harness;

if (Array.IndexOf(args, "--help") >= 0 || Array.IndexOf(args, "-h") >= 0)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (Debugger.IsAttached || !IsOptimized())
{
    Console.Error.WriteLine("warning: not a Release build; figures are not representative (use -c Release).");
}

var cancellationToken = CancellationToken.None;
var report = new Report();
void Log(string message) => Console.Error.WriteLine(message);

report.Line("# ModelManagement.Analyzers benchmark");
report.Line(string.Empty);
report.Line(FormattableString.Invariant($"- Command: `dotnet run -c Release --project benchmarks/ModelManagement.Analyzers.Benchmarks -- {string.Join(' ', args)}`"));
report.Line(FormattableString.Invariant($"- Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}; machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; host Roslyn {PeerAnalyzers.HostRoslynVersion}"));
report.Line($"- Load average at start: {LoadAverage()} (other processes share the CPU: prefer the CPU-time columns and medians)");

var sets = AnalyzerSets.Create(options.Peers, options.Roslynator, perRule: options.Alone, options.Marginal, Log);

if (options.Analysis)
{
    var workload = options.CorpusFolders.Count == 0
        ? Workload.FromGenerated(options.Lines, options.Seed)
        : Workload.FromFolders(options.CorpusFolders, options.ExcludeTests, options.ReferenceFolders);
    report.Line(FormattableString.Invariant($"- Corpus: {workload.Description}, {workload.Lines:N0} lines in {workload.Files:N0} files; {options.Iterations} measured round(s) after {options.Warmups} warm-up round(s); sequential analysis, fresh compilation per run"));
    var measured = sets.Select(options.Only);
    if (sets.Replay is not null && measured.Any(s => s.Name == AnalyzerSets.ReplaySetName))
    {
        sets.Replay.Load(await AnalysisBenchmark.CollectDiagnosticsAsync(workload, sets.Ours, cancellationToken));
        Log($"pre-pass: {sets.Replay.Count:N0} MM diagnostics to replay");
    }

    Log($"analysis benchmark on {workload.Lines:N0} lines ({measured.Count} sets)…");
    var results = await AnalysisBenchmark.RunAsync(workload, measured, options.Warmups, options.Iterations, Log, cancellationToken);
    AnalysisReport.Write(report, sets, results);

    if (options.Sizes.Count > 0 && options.CorpusFolders.Count == 0)
    {
        await Linearity.RunAsync(report, sets, options, Log, cancellationToken);
    }
}

if (options.Fixes)
{
    await CodeFixLatency.RunAsync(report, options, Log, cancellationToken);
}


if (options.Helpers)
{
    HelperBenchmarks.Run(report, options.HelperCalls, Log);
}

report.Line(string.Empty);
report.Line($"Load average at end: {LoadAverage()}.");
report.Save(options.Output);
Log($"report written to {Path.GetFullPath(options.Output)}");
return 0;

static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static bool IsOptimized()
{
    var attribute = (DebuggableAttribute?)Attribute.GetCustomAttribute(typeof(BenchmarkOptions).Assembly, typeof(DebuggableAttribute));
    return attribute is null || !attribute.IsJITOptimizerDisabled;
}
