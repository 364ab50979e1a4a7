using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Robustness;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyOwnersFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// MM0002 inside the processor that owns a concern (pattern 6): its writes are reported like any other side effect, but
/// no fix is offered for its own members and what it owns (<c>OwnersOwnWork</c>): whether the write the processor exists
/// for may fail its work is the author's call. Found by an independent consumer: `dotnet format` guarded
/// `HistoricalLogProcessor`'s `await RecordAsync(…)` in its drain loop, so the drain yielded entries it never wrote.
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
                    await _audit.LogAsync("drained");
                    await _metrics.TrackAsync("history.drained");
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
                    await _history.RecordAsync(prompt, cancellationToken);
                    return prompt;
                }
            }
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InsideTheProcessorThatOwnsTheConcern_EverythingIsReported_ButItsOwnWorkGetsNoFix(bool auditListedInAFile)
    {
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(OwnersSource, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Owners.cs");
        var compilation = CSharpCompilation.Create("Owners", new[] { tree }, references.Add(TestEnvironment.PatternsReference), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MM0002SideEffectAwaitNotGuardedAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var files = auditListedInAFile
            ? ImmutableArray.Create(CentralizedSymbolsFile.Parse(new InMemoryAdditionalText("/0/CentralizedSymbols.txt", "T:History.IAuditLog;T:History.HistoricalLogProcessor\n"), CancellationToken.None))
            : ImmutableArray<CentralizedSymbolsFile>.Empty;
        var owners = CentralizationOwners.Collect(compilation, files, CancellationToken.None);
        var model = compilation.GetSemanticModel(tree);
        var root = await tree.GetRootAsync();

        var refused = new SortedSet<string>(System.StringComparer.Ordinal);
        var offered = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var site = MM0002SiteAnalysis.Analyze(root, model, diagnostic, () => owners, CancellationToken.None);
            Assert.NotNull(site);
            var call = site!.Invocation.Expression.ToString();
            if (site.WrapRefusal == MM0002WrapRefusal.OwnersOwnWork)
            {
                Assert.False(site.CanUseHelper);
                refused.Add(call);
            }
            else
            {
                offered.Add(call);
            }
        }

        // Every write is reported: the analyzer does not judge ownership (a failing write still fails the drain).
        Assert.Equal(8, diagnostics.Length);
        var expectedRefused = new SortedSet<string>(System.StringComparer.Ordinal) { "RecordAsync", "_log.LogEntryAsync", "this.RecordAsync", "log.LogEntryAsync" };
        var expectedOffered = new SortedSet<string>(System.StringComparer.Ordinal) { "_metrics.TrackAsync", "_history.RecordAsync" };
        (auditListedInAFile ? expectedRefused : expectedOffered).Add("_audit.LogAsync");
        Assert.Equal(expectedRefused, refused);
        Assert.Equal(expectedOffered, offered);
    }

    [Fact]
    public async Task InsideTheProcessorThatOwnsTheConcern_FormatLeavesItsOwnWriteAlone()
    {
        // The consumer's shape end to end: the drain loop's write is reported and no action is registered for it.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoricalLogProcessor))]
            public interface IHistoryLog { Task LogEntryAsync(string entry); }

            public sealed class HistoricalLogProcessor
            {
                private readonly IHistoryLog _log;

                public HistoricalLogProcessor(IHistoryLog log) => _log = log;

                public async Task<int> DrainAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken)
                {
                    var written = 0;
                    foreach (var entry in entries)
                    {
                        await [|RecordAsync(entry, cancellationToken)|];
                        written++;
                    }

                    return written;
                }

                public Task RecordAsync(string entry, CancellationToken cancellationToken) => _log.LogEntryAsync(entry);
            }
            """;
        var test = new VerifyOwnersFix.Test { TestCode = source, FixedCode = source };
        await test.RunAsync(CancellationToken.None);
    }
}
