using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// MM0002 inside the processor that owns a concern (pattern 6): its own writes are its operation, not a side effect to
/// swallow. Found by an independent consumer: `dotnet format` guarded `HistoricalLogProcessor`'s `await RecordAsync(…)`
/// in its drain loop, so the drain yielded entries it never wrote.
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private const string OwnersSource = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        namespace History
        {
            [CentralizedBy(typeof(HistoricalLogProcessor))]
            public interface IHistoryLog { Task LogEntryAsync(string entry); }

            public interface IAuditLog { Task LogAsync(string entry); }

            public interface IMetrics { Task TrackAsync(string name); }

            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoryLog _log;
                private readonly IAuditLog _audit;
                private readonly IMetrics _metrics;

                public HistoricalLogProcessor(IHistoryLog log, IAuditLog audit, IMetrics metrics)
                {
                    _log = log;
                    _audit = audit;
                    _metrics = metrics;
                }

                public async Task<int> DrainAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken)
                {
                    var written = 0;
                    foreach (var entry in entries)
                    {
                        await RecordAsync(entry, cancellationToken);
                        await _log.LogEntryAsync(entry);
                        written++;
                    }

                    await Task.WhenAll(this.RecordAsync("drained", cancellationToken), _log.LogEntryAsync("drained"));
                    await {|#0:_audit.LogAsync("drained")|};
                    await {|#1:_metrics.TrackAsync("history.drained")|};
                    return written;
                }

                public Task RecordAsync(string entry, CancellationToken cancellationToken) => _log.LogEntryAsync(entry);

                private sealed class Batch
                {
                    public async Task FlushAsync(HistoricalLogProcessor owner, IHistoryLog log) => await log.LogEntryAsync("batch");
                }
            }

            public sealed class NarrativeService
            {
                private readonly HistoricalLogProcessor _history;

                public NarrativeService(HistoricalLogProcessor history) => _history = history;

                public async Task<string> TellAsync(string prompt, CancellationToken cancellationToken)
                {
                    await {|#2:_history.RecordAsync(prompt, cancellationToken)|};
                    return prompt;
                }
            }
        }
        """;

    [Fact]
    public async Task InsideTheProcessorThatOwnsTheConcern_ItsOwnWritesAreNotSideEffects_OtherSinksAndOutsideCallersAre()
    {
        var test = new Verify.Test { TestCode = OwnersSource };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_audit.LogAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_metrics.TrackAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("_history.RecordAsync"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task OwnerNamedByACentralizedSymbolsFile_ItsWritesToWhatItOwnsAreNotSideEffects()
    {
        // The audit log has no attribute; a CentralizedSymbols file gives it to the processor. Without the file the
        // processor's audit write is reported like any other.
        var withFile = new Verify.Test { TestCode = OwnersSource.Replace("{|#0:_audit.LogAsync(\"drained\")|}", "_audit.LogAsync(\"drained\")") };
        withFile.TestState.AdditionalFiles.Add(("CentralizedSymbols.txt", "T:History.IAuditLog;T:History.HistoricalLogProcessor\n"));
        withFile.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_metrics.TrackAsync"));
        withFile.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("_history.RecordAsync"));
        await withFile.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task WithoutAnyCentralization_TheProcessorsWritesAreSideEffectsAsBefore()
    {
        var source = OwnersSource
            .Replace("[CentralizedBy(typeof(HistoricalLogProcessor))]", string.Empty)
            .Replace("await RecordAsync(entry, cancellationToken);", "await {|#3:RecordAsync(entry, cancellationToken)|};")
            .Replace("await _log.LogEntryAsync(entry);", "await {|#4:_log.LogEntryAsync(entry)|};")
            .Replace("await Task.WhenAll(this.RecordAsync(\"drained\", cancellationToken), _log.LogEntryAsync(\"drained\"));", "await {|#8:Task.WhenAll({|#5:this.RecordAsync(\"drained\", cancellationToken)|}, {|#6:_log.LogEntryAsync(\"drained\")|})|};")
            .Replace("=> await log.LogEntryAsync(\"batch\");", "=> await {|#7:log.LogEntryAsync(\"batch\")|};");
        var test = new Verify.Test { TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(3).WithArguments("RecordAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(4).WithArguments("_log.LogEntryAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(5).WithLocation(8).WithArguments("this.RecordAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(6).WithLocation(8).WithArguments("_log.LogEntryAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_audit.LogAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_metrics.TrackAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(7).WithArguments("log.LogEntryAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithArguments("_history.RecordAsync"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
