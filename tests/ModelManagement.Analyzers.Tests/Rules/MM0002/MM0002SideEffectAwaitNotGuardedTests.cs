using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Rules;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>MM0002 analyzer: which awaits are reported and which are not.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    /// <summary>Types the test sources use: a history store, loggers, telemetry, metrics, auditors and non-side-effect services.</summary>
    internal const string Domain = /* lang=c#-test */ """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Domain
        {
            public interface IHistoricalLogStore
            {
                Task LogResultAsync(string entry, CancellationToken cancellationToken = default);
                Task<int> RecordEntryAsync(string entry);
                ValueTask TrackAsync(string entry);
                Task Audit();
                Task TraceRequestAsync(string entry);
                Task Audit_WriteAsync(string entry);
            }

            public interface IAppLogger { Task WriteAsync(string message); }
            public interface ITelemetry { Task FlushAsync(); }
            public sealed class TelemetryClient { public Task SendAsync(string name) => Task.CompletedTask; }
            public interface IRequestMetrics { Task PublishAsync(); }
            public interface IAuditor { Task SubmitAsync(string entry); }
            public static class FileAuditor { public static Task SubmitAsync(string entry) => Task.CompletedTask; }
            public interface ILoggerFactory { Task<IAppLogger> CreateAsync(); }

            public static class AppLoggerExtensions
            {
                public static Task WriteLineAsync(this IAppLogger logger, string message) => logger.WriteAsync(message + "\n");
            }

            public interface ISessionClient
            {
                Task LoginAsync();
                Task Logout();
                Task Recording();
                Task Tracert();
                Task Logarithm();
                Task Auditorium();
            }

            public interface INarrativeGenerator { Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken = default); }
        }
        """;

    private static Task VerifyAsync(
        string source,
        string? editorConfig = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        params DiagnosticResult[] expected)
        => VerifyAsync(source, editorConfig, languageVersion, nullable, extraSource: Domain, expected);

    private static async Task VerifyAsync(
        string source,
        string? editorConfig,
        LanguageVersion languageVersion,
        NullableContextOptions nullable,
        string extraSource,
        params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", extraSource));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, editorConfig: null, LanguageVersion.Latest, NullableContextOptions.Disable, expected);

    /// <summary>Wraps statements in a narrative service with the usual fields and a token parameter.</summary>
    private static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Domain;

        public sealed class NarrativeService
        {
            private readonly IHistoricalLogStore _history;
            private readonly IAppLogger _logger;
            private readonly ITelemetry _telemetry;
            private readonly TelemetryClient _client;
            private readonly IRequestMetrics _metrics;
            private readonly IAuditor _auditor;
            private readonly ISessionClient _session;
            private readonly INarrativeGenerator _generator;
            private readonly ILoggerFactory _loggerFactory;

            public NarrativeService(IHistoricalLogStore history, IAppLogger logger, ITelemetry telemetry, TelemetryClient client,
                IRequestMetrics metrics, IAuditor auditor, ISessionClient session, INarrativeGenerator generator, ILoggerFactory loggerFactory)
            {
                _history = history; _logger = logger; _telemetry = telemetry; _client = client;
                _metrics = metrics; _auditor = auditor; _session = session; _generator = generator; _loggerFactory = loggerFactory;
            }

            public async Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken)
            {
                var result = await _generator.GenerateAsync(prompt, cancellationToken);
        {{body}}
                return result;
            }
        {{members}}
        }
        """;

    // ---------------------------------------------------------------- reported: method names

    [Fact]
    public async Task LogPrefixedCall_Reports()
    {
        var source = InMethod("""
                    await {|#0:_history.LogResultAsync(result)|};
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
    }

    [Fact]
    public async Task ConfigureAwaitFalse_ReportsTheInnerInvocation()
    {
        var source = InMethod("""
                    await {|#0:_history.LogResultAsync(result, cancellationToken)|}.ConfigureAwait(false);
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
    }

    [Fact]
    public async Task ConfigureAwaitLikeExtension_ReportsTheInnerInvocation_ButNotAnotherExtension()
    {
        // Foundatio's `AnyContext()` (the triage): an extension that only configures the await, looked through like
        // ConfigureAwait. An extension that returns another task (`WithRetry()`) is the awaited call itself.
        var source = InMethod("""
                    await {|#0:_history.LogResultAsync(result)|}.AnyContext();
                    await _history.LogResultAsync(result).WithRetry();
            """) + """

            public static class TaskExtensions
            {
                public static System.Runtime.CompilerServices.ConfiguredTaskAwaitable AnyContext(this Task task) => task.ConfigureAwait(false);
                public static Task WithRetry(this Task task) => task;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
    }

    [Fact]
    public async Task ConfigureAwaitTrue_Reports()
    {
        var source = InMethod("""
                    await [|_history.LogResultAsync(result)|].ConfigureAwait(true);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideTestMethods_DoesNotReport_ButTheirHelpersDo()
    {
        // A test is the operation: a side effect that fails should fail it, and often it is what the test exercises
        // (`Flush_WhenEndpointErrors_DoesNotThrow` awaiting `sink.RecordEventAsync(..)`; an independent consumer check).
        // MM0004 and MM0005 skip test methods the same way; a helper the tests call is still judged.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class TelemetrySinkTests
            {
                private readonly ITelemetry _telemetry = null;
                private readonly IHistoricalLogStore _history = null;

                [Xunit.Fact]
                public async Task Flush_WhenEndpointErrors_DoesNotThrow()
                {
                    await _telemetry.FlushAsync();
                    await Task.Run(async () => await _history.LogResultAsync("entry"));
                }

                [NUnit.Framework.TestCase("entry")]
                public async Task Log_NUnit(string entry) => await _history.LogResultAsync(entry);

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public async Task Log_MSTest()
                {
                    await _history.LogResultAsync("entry");
                }

                private async Task ArrangeAsync()
                {
                    await {|#0:_history.LogResultAsync("arrange")|};
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InsideTestSetUp_DoesNotReport_ButTearDownAndOtherMembersDo()
    {
        // A fix-shapes round: `public async Task InitializeAsync() => await _audit.AuditAsync("seed");` was wrapped in a
        // swallowing try/catch; a failed seeding then surfaced as a misleading assertion failure in the tests. A test's
        // set-up is part of the operation, like the test. Controls: a tear-down and an ordinary helper are still judged.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class SeededTests : Xunit.IAsyncLifetime
            {
                private readonly IHistoricalLogStore _history = null;

                public async Task InitializeAsync() => await _history.LogResultAsync("seed");

                public async Task DisposeAsync() => await {|#0:_history.LogResultAsync("cleanup")|};

                [Xunit.Fact]
                public void Works() { }
            }

            [NUnit.Framework.TestFixture]
            public sealed class NUnitSeededTests
            {
                private readonly IHistoricalLogStore _history = null;

                [NUnit.Framework.OneTimeSetUp]
                public async Task SeedOnceAsync() => await _history.LogResultAsync("seed");

                [NUnit.Framework.SetUp]
                public async Task SeedAsync() { await _history.LogResultAsync("seed"); }

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestInitialize]
                public async Task InitializeMSTestAsync() { await _history.LogResultAsync("seed"); }

                public async Task HelperAsync() { await {|#1:_history.LogResultAsync("helper")|}; }

                [NUnit.Framework.Test]
                public void Works() { }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_history.LogResultAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("_history.LogResultAsync"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RecordInsideATransactionCommittedAfterIt_DoesNotReport_OneAfterTheCommitOrOutsideDoes()
    {
        // A triage of unseen repositories (ServiceStack's AutoCrud): the CRUD event is recorded in the change's own database
        // transaction, committed after it; swallowing its failure would commit the change without its event. A record
        // after the commit, or in a function that commits nothing, is still a side effect.
        var source = InMethod("""
                    using (var trans = new Transaction())
                    {
                        if (result.Length > 0)
                            await _history.LogResultAsync(result);
                        trans?.Commit();
                    }

                    var tx = new Transaction();
                    await _auditor.SubmitAsync(result);
                    await tx.CommitAsync();
                    using (var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
                    {
                        await _history.LogResultAsync("scoped");
                        scope.Complete();
                    }

                    await [|_history.LogResultAsync("committed")|];
                    await [|_telemetry.FlushAsync()|];
            """, members: """
                private async Task LaterAsync()
                {
                    var tx = new Transaction();
                    Func<Task> later = async () => { await [|_history.LogResultAsync("lambda")|]; };
                    await later();
                    tx.Commit();
                }

                private sealed class Transaction : IDisposable
                {
                    public void Commit() { }
                    public Task CommitAsync() => Task.CompletedTask;
                    public void Dispose() { }
                }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RecordOnAPathThatLeavesBeforeTheCommit_Reports_OneThatContinuesToItDoesNot()
    {
        // The s34 shapes round (an SMS alert controller): the audit of invalid input sits in a branch that returns (or
        // throws) before the transaction the other path commits — it is no part of that unit of work. A branch that falls
        // through to the commit, or breaks out of a loop before it, still is.
        var source = InMethod("""
                    if (result.Length == 0)
                    {
                        await [|_history.LogResultAsync("invalid")|];
                        return "invalid";
                    }

                    if (result.Length == 1)
                    {
                        await [|_auditor.SubmitAsync("rejected")|];
                        throw new InvalidOperationException("rejected");
                    }

                    var tx = new Transaction();
                    if (result.Length == 2)
                    {
                        await _history.LogResultAsync("short");
                    }

                    foreach (var c in result)
                    {
                        await _auditor.SubmitAsync("first");
                        break;
                    }

                    await tx.CommitAsync();
            """, members: """
                private sealed class Transaction
                {
                    public Task CommitAsync() => Task.CompletedTask;
                }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConfigureAwaitOptions_SuppressThrowingIsNotReported_OtherOptionsAre()
    {
        // .NET 8's ConfigureAwaitOptions.SuppressThrowing: the await cannot throw, so the side effect cannot break the
        // operation. Only a constant with the flag counts; a variable's value is unknown.
        var source = InMethod("""
                    await _telemetry.FlushAsync().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    await _history.LogResultAsync(result).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                    await [|_history.LogResultAsync(result)|].ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
                    var options = ConfigureAwaitOptions.SuppressThrowing;
                    await [|_telemetry.FlushAsync()|].ConfigureAwait(options);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RecordPrefixWithDiscardedTaskOfT_Reports()
    {
        var source = InMethod("""
                    await [|_history.RecordEntryAsync(result)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TrackAsyncReturningValueTask_Reports()
    {
        var source = InMethod("""
                    await [|_history.TrackAsync(result)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrefixThatIsTheWholeName_Reports()
    {
        var source = InMethod("""
                    await [|_history.Audit()|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TracePrefixFollowedByUpperCase_Reports()
    {
        var source = InMethod("""
                    await [|_history.TraceRequestAsync(prompt)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrefixFollowedByUnderscore_Reports()
    {
        var source = InMethod("""
                    await [|_history.Audit_WriteAsync(prompt)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnPrefixedMethodOnThis_Reports()
    {
        var source = InMethod("""
                    await [|LogCompletionAsync(result)|];
                    await [|this.LogCompletionAsync(result)|];
            """, """
                private Task LogCompletionAsync(string text) => _history.LogResultAsync(text);
            """);
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- reported: receivers

    [Fact]
    public async Task ReceiverTypeEndingWithLogger_Reports()
    {
        var source = InMethod("""
                    await {|#0:_logger.WriteAsync(result)|};
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_logger.WriteAsync"));
    }

    [Fact]
    public async Task ReceiverTypeEndingWithTelemetry_Reports()
    {
        var source = InMethod("""
                    await [|_telemetry.FlushAsync()|].ConfigureAwait(false);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReceiverTypeTelemetryClient_Reports()
    {
        var source = InMethod("""
                    await [|_client.SendAsync("generated")|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReceiverTypeEndingWithMetrics_Reports()
    {
        var source = InMethod("""
                    await [|_metrics.PublishAsync()|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReceiverTypeEndingWithAuditor_Reports()
    {
        var source = InMethod("""
                    await [|_auditor.SubmitAsync(result)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExtensionMethodOnLogger_Reports()
    {
        var source = InMethod("""
                    await {|#0:_logger.WriteLineAsync(result)|};
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_logger.WriteLineAsync"));
    }

    [Fact]
    public async Task StaticMethodOfAuditorType_Reports()
    {
        var source = InMethod("""
                    await [|FileAuditor.SubmitAsync(result)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GenericReceiverConstrainedToLogger_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public static class Publisher
            {
                public static async Task PublishAsync<TLogger>(TLogger logger, string text) where TLogger : IAppLogger
                {
                    await [|logger.WriteAsync(text)|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- reported: [SideEffect]

    [Fact]
    public async Task SideEffectAttributeOnMethod_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class HistoryWriter
            {
                [SideEffect]
                public Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(HistoryWriter writer)
                {
                    await [|writer.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeOnContainingType_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            [SideEffect]
            public sealed class HistoryWriter
            {
                public Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(HistoryWriter writer)
                {
                    await [|writer.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeOnInterfaceMember_CallThroughImplementation_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistorySink
            {
                [SideEffect]
                Task PersistAsync(string entry);
            }

            public sealed class SqlHistorySink : IHistorySink
            {
                public Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(SqlHistorySink sink)
                {
                    await [|sink.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeOnInterfaceMember_ExplicitImplementationThroughBaseClass_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IHistorySink
            {
                [SideEffect]
                Task PersistAsync(string entry);
            }

            public class SinkBase
            {
                public Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class DerivedSink : SinkBase, IHistorySink
            {
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(DerivedSink sink, IHistorySink contract)
                {
                    await [|sink.PersistAsync("done")|];
                    await [|contract.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeOnInterface_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            [SideEffect]
            public interface IHistorySink
            {
                Task PersistAsync(string entry);
            }

            public sealed class SqlHistorySink : IHistorySink
            {
                public Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(IHistorySink sink, SqlHistorySink sql)
                {
                    await [|sink.PersistAsync("done")|];
                    await [|sql.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeInAnyNamespace_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            namespace MyCompany.Diagnostics
            {
                [AttributeUsage(AttributeTargets.All)]
                public sealed class SideEffectAttribute : Attribute { }
            }

            namespace MyCompany.Orders
            {
                public sealed class OrderJournal
                {
                    [MyCompany.Diagnostics.SideEffect]
                    public Task AppendAsync(string entry) => Task.CompletedTask;
                }

                public sealed class Checkout
                {
                    public async Task CompleteAsync(OrderJournal journal)
                    {
                        await [|journal.AppendAsync("paid")|];
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SideEffectAttributeOnOverriddenBaseMember_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public abstract class HistorySink
            {
                [SideEffect]
                public abstract Task PersistAsync(string entry);
            }

            public sealed class SqlHistorySink : HistorySink
            {
                public override Task PersistAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Processor
            {
                public async Task ProcessAsync(SqlHistorySink sink)
                {
                    await [|sink.PersistAsync("done")|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- reported: placement

    [Fact]
    public async Task CatchOfNarrowerType_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|];
                    }
                    catch (IOException)
                    {
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TryFinallyWithoutCatch_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|];
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitInCatchBlock_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        result = result.Trim();
                    }
                    catch (Exception ex)
                    {
                        await [|_logger.WriteAsync(ex.Message)|];
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitInFinallyBlock_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        result = result.Trim();
                    }
                    catch (Exception)
                    {
                        result = "";
                    }
                    finally
                    {
                        await [|_telemetry.FlushAsync()|];
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CatchOfExceptionThatRethrows_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|];
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                        throw;
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReportInACatch_WhoseOwnCatchThrowsItTogetherWithTheHandledException_DoesNotReport_ThrowingItAloneDoes()
    {
        // Google's error-reporting middleware: the request failed; the report's own failure is thrown together with the
        // request's (`new AggregateException(reportFailure, exception)`), so nothing is replaced — the author handles it.
        // Throwing the report's failure without the request's (or only wrapping it) still replaces the request's.
        var source = InMethod("""
                    try
                    {
                        await [|_history.LogResultAsync(result)|]; // the operation: its catch ends with `throw;`
                    }
                    catch (Exception exception)
                    {
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception reportFailure)
                        {
                            throw new AggregateException(reportFailure, exception);
                        }

                        try
                        {
                            await [|_history.LogResultAsync(result)|];
                        }
                        catch (Exception reportFailure)
                        {
                            throw new InvalidOperationException("report failed", reportFailure);
                        }

                        throw;
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaInsideGuardedTry_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        Func<Task> write = async () =>
                        {
                            await [|_history.LogResultAsync(result)|];
                        };
                        await write();
                    }
                    catch (Exception)
                    {
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExpressionBodiedAsyncLambda_Reports()
    {
        var source = InMethod("""
                    Func<Task> write = async () => await [|_history.LogResultAsync(result)|];
                    await write();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LocalFunctionInsideGuardedTry_Reports()
    {
        var source = InMethod("""
                    try
                    {
                        await PersistAsync();
                    }
                    catch (Exception)
                    {
                    }

                    async Task PersistAsync()
                    {
                        await [|_history.LogResultAsync(result)|];
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExpressionBodiedMethod_Reports()
    {
        var source = InMethod("", """
                private async Task PublishAsync(string text) => await [|_auditor.SubmitAsync(text)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SeveralUnguardedSideEffects_ReportEach()
    {
        var source = InMethod("""
                    await [|_history.LogResultAsync(result)|];
                    await [|_telemetry.FlushAsync()|];
                    if (result.Length > 10)
                        await [|_metrics.PublishAsync()|];
                    switch (result.Length)
                    {
                        case 0:
                            await [|_auditor.SubmitAsync("empty")|];
                            break;
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullableEnabledWithNullForgiving_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Processor
            {
                private readonly IHistoricalLogStore? _history;

                public Processor(IHistoricalLogStore? history) => _history = history;

                public async Task ProcessAsync(string entry)
                {
                    if (_history is not null)
                    {
                        await [|_history.LogResultAsync(entry)|];
                    }

                    await [|_history!.LogResultAsync(entry)|];
                }
            }
            """;
        await VerifyAsync(source, nullable: NullableContextOptions.Enable);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp5)]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp12)]
    public async Task OlderAndNewerLanguageVersions_Report(LanguageVersion languageVersion)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Processor
            {
                private readonly IHistoricalLogStore _history;

                public Processor(IHistoricalLogStore history) { _history = history; }

                public async Task ProcessAsync(string entry)
                {
                    await [|_history.LogResultAsync(entry, default(System.Threading.CancellationToken))|];
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, LanguageVersion = languageVersion };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        // Domain.cs uses features newer than C# 5 (default literals); compiler errors do not matter to the analyzer here.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }

    // ---------------------------------------------------------------- not reported

    [Fact]
    public async Task TryWithCatchOfException_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        await _history.LogResultAsync(result).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UntypedCatch_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch
                    {
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FilteredCatchOfException_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        await _history.LogResultAsync(result, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        Console.WriteLine(ex.Message);
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CatchOfExceptionAfterNarrowerCatch_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        await _history.LogResultAsync(result);
                    }
                    catch (IOException)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NestedTryInsideGuardedTry_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        finally
                        {
                            await _telemetry.FlushAsync();
                        }
                    }
                    catch (Exception)
                    {
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitInCatchInsideInnerTryCatch_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        result = result.Trim();
                    }
                    catch (Exception ex)
                    {
                        try
                        {
                            await _logger.WriteAsync(ex.Message);
                        }
                        catch (Exception)
                        {
                        }
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ResultUsed_DoesNotReport()
    {
        var source = InMethod("""
                    var count = await _history.RecordEntryAsync(result);
                    _ = await _history.RecordEntryAsync(result);
                    Console.WriteLine(await _history.RecordEntryAsync(result) + count);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NotAwaited_DoesNotReport()
    {
        var source = InMethod("""
                    _ = _history.LogResultAsync(result);
                    var pending = _history.LogResultAsync(result);
                    await pending;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NamesThatOnlyStartWithAPrefixWord_DoNotReport()
    {
        var source = InMethod("""
                    await _session.LoginAsync();
                    await _session.Logout();
                    await _session.Recording();
                    await _session.Tracert();
                    await _session.Logarithm();
                    await _session.Auditorium();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReceiverWithoutSideEffectSuffix_DoesNotReport()
    {
        var source = InMethod("""
                    await _loggerFactory.CreateAsync();
                    await _generator.GenerateAsync(prompt, cancellationToken).ConfigureAwait(false);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideMethodThatIsItselfASideEffect_DoesNotReport()
    {
        var source = InMethod("", """
                private async Task LogSafelyAsync(string text)
                {
                    await _history.LogResultAsync(text);
                    await _telemetry.FlushAsync();
                }

                [ModelManagement.Patterns.SideEffect]
                private async Task PersistAsync(string text)
                {
                    await _history.LogResultAsync(text);
                    System.Func<Task> later = async () => await _auditor.SubmitAsync(text);
                    await later();
                }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideLoggerImplementation_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class FanOutLogger : IAppLogger
            {
                private readonly IAppLogger _first;
                private readonly IAppLogger _second;

                public FanOutLogger(IAppLogger first, IAppLogger second) { _first = first; _second = second; }

                public async Task WriteAsync(string message)
                {
                    await _first.WriteAsync(message);
                    await _second.WriteAsync(message);
                }
            }

            public sealed class ConsoleSink : IAppLogger
            {
                private readonly IAppLogger _inner;

                public ConsoleSink(IAppLogger inner) { _inner = inner; }

                public async Task WriteAsync(string message) => await _inner.WriteAsync(message);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideSideEffectLocalFunction_DoesNotReport()
    {
        var source = InMethod("""
                    try
                    {
                        await LogBothAsync().ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                    }

                    async Task LogBothAsync()
                    {
                        await _history.LogResultAsync(result);
                        await _telemetry.FlushAsync();
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaWithOwnTryCatch_DoesNotReport()
    {
        var source = InMethod("""
                    Func<Task> write = async () =>
                    {
                        try
                        {
                            await _history.LogResultAsync(result);
                        }
                        catch (Exception)
                        {
                        }
                    };
                    await write();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LambdaPassedToSideEffectHelper_DoesNotReport()
    {
        var source = InMethod("""
                    await ModelManagement.Patterns.SideEffect.TryAsync(async () => await _history.LogResultAsync(result), cancellationToken);
                    await ModelManagement.Patterns.SideEffect.TryAsync(async ct =>
                    {
                        await _history.LogResultAsync(result, ct).ConfigureAwait(false);
                        await _telemetry.FlushAsync();
                    }, cancellationToken).ConfigureAwait(false);
                    await ModelManagement.Patterns.SideEffect.TryAsync(() => _history.LogResultAsync(result));
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AttributeWithAnotherName_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            [AttributeUsage(AttributeTargets.All)]
            public sealed class SideEffectsAttribute : Attribute { }

            public sealed class Journal
            {
                [SideEffects]
                public Task AppendAsync(string entry) => Task.CompletedTask;
            }

            public sealed class Checkout
            {
                public async Task CompleteAsync(Journal journal)
                {
                    await journal.AppendAsync("paid");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NonInvocationAwaits_DoNotReport()
    {
        var source = InMethod("""
                    Task pending = _history.LogResultAsync(result);
                    await pending.ConfigureAwait(false);
                    await Task.Yield();
                    await Task.Delay(1, cancellationToken);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OptionalSinkAwaitedWithACompletedTaskInItsPlace_Reports_OtherCoalescesDoNot()
    {
        // An independent consumer: `await (audit?.AuditAsync(e, ct) ?? Task.CompletedTask);` is the natural form with an
        // optional sink, and the sink's failure fails the await when it is there.
        var source = InMethod("""
                    await (_history?{|#0:.LogResultAsync(result)|} ?? Task.CompletedTask);
                    await (_telemetry?{|#1:.FlushAsync()|} ?? Task.CompletedTask).ConfigureAwait(false);
                    await (_history?.LogResultAsync(result) ?? Task.Delay(1));
                    await (Task.CompletedTask ?? _history.LogResultAsync(result));
            """);
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_history?.LogResultAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_telemetry?.FlushAsync"));
    }

    [Fact]
    public async Task OptionalSinkChosenByAConditional_Reports_AlsoAmongTheTasksOfWhenAll()
    {
        // A re-verification: `await Task.WhenAll(work, _m is null ? Task.CompletedTask : _m.FlushAsync(ct));` still threw
        // "metrics down" after format, unreported.
        var source = InMethod("""
                    await (_telemetry is null ? Task.CompletedTask : {|#0:_telemetry.FlushAsync()|});
                    await (_telemetry != null ? {|#1:_telemetry.FlushAsync()|} : Task.CompletedTask).ConfigureAwait(false);
                    await {|#3:Task.WhenAll(Task.Delay(1), _telemetry is null ? Task.CompletedTask : {|#2:_telemetry.FlushAsync()|})|};
                    await (_telemetry is null ? Task.Delay(1) : _telemetry.FlushAsync());
            """);
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_telemetry.FlushAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_telemetry.FlushAsync"),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("_telemetry.FlushAsync"));
    }

    [Fact]
    public async Task OptionalSinkAmongTheTasksOfWhenAll_Reports()
    {
        // An independent consumer: `await Task.WhenAll(work, metrics?.FlushAsync(ct) ?? Task.CompletedTask);` failed the
        // request when the metrics sink timed out, unreported (the same call awaited alone was).
        var source = InMethod("""
                    await {|#1:Task.WhenAll(Task.Delay(1), _telemetry?{|#0:.FlushAsync()|} ?? Task.CompletedTask)|};
                    await Task.WhenAll(new[] { Task.Delay(1), _history?.LogResultAsync(result) ?? Task.Delay(1) });
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("_telemetry?.FlushAsync"));
    }

    [Fact]
    public async Task ValueTaskSideEffectAmongTheTasksOfWhenAllThroughAsTask_Reports()
    {
        // An independent consumer: `Task.WhenAll(audit, _telemetry.TrackEventAsync(..).AsTask())` left the telemetry task
        // able to fail the call, unreported (the same `.AsTask()` awaited alone was).
        var source = InMethod("""
                    await {|#1:Task.WhenAll(Task.Delay(1), {|#0:_history.TrackAsync(result)|}.AsTask())|};
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("_history.TrackAsync"));
    }

    [Fact]
    public async Task GeneratedCode_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            // <auto-generated/>
            using System.Threading.Tasks;
            using Domain;

            public sealed class GeneratedClient
            {
                public async Task SendAsync(IHistoricalLogStore history)
                {
                    await history.LogResultAsync("generated");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullableEnabledGuarded_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Domain;

            public sealed class Processor
            {
                private readonly IHistoricalLogStore? _history;

                public Processor(IHistoricalLogStore? history) => _history = history;

                public async Task ProcessAsync(string entry)
                {
                    try
                    {
                        if (_history is not null)
                        {
                            await _history.LogResultAsync(entry);
                        }
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                    }
                }
            }
            """;
        await VerifyAsync(source, nullable: NullableContextOptions.Enable);
    }

    // ---------------------------------------------------------------- incomplete code never throws

    [Fact]
    public async Task MissingSemicolon_ReportsWithoutCrashing()
    {
        var source = InMethod("""
                    await [|_history.LogResultAsync(result)|]{|CS1002:|}
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UnresolvedSymbolsAndMissingBraces_DoNotCrash()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Broken
            {
                public async Task RunAsync()
                {
                    await {|CS0103:_unknown|}.LogResultAsync("x");
                    await {|CS0103:LogSomethingAsync|}();
                    try
                    {
                        await Task.Delay(1);
                    }
                    catch ({|CS0246:Missing|})
                    {
                    }
                    await new {|CS0246:NoSuchLogger|}().WriteAsync();
                }{|CS1513:|}
            """;
        await VerifyAsync(source);
    }
}
