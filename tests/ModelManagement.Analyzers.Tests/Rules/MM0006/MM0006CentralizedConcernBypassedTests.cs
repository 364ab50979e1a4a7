using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>MM0006 analyzer: which uses of a centralized symbol are reported, and where.</summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    /// <summary>The history store every test source uses: centralized in HistoricalLogProcessor; appended to each source.</summary>
    internal const string Domain = /* lang=c#-test */ """

        namespace App.History
        {
            using System;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoricalLogProcessor))]
            public interface IHistoryWriter
            {
                Task InsertAsync(string entry);
                int Pending { get; }
            }

            public sealed class SqlHistoryWriter : IHistoryWriter, IDisposable
            {
                public Task InsertAsync(string entry) => Task.CompletedTask;
                public int Pending => 0;
                public string ConnectionString { get; set; } = "";
                public void Dispose() { }
            }

            /// <summary>The one place that writes history: batching, retries, auditing.</summary>
            public class HistoricalLogProcessor
            {
                private readonly IHistoryWriter _writer;
                public HistoricalLogProcessor(IHistoryWriter writer) => _writer = writer;
                public Task RecordAsync(string entry) => _writer.InsertAsync(entry);
            }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, LanguageVersion.Latest, null, ImmutableArray<MetadataReference>.Empty, expected);

    private static Task VerifyWithFileAsync(string source, string centralizedSymbols, params DiagnosticResult[] expected)
        => VerifyAsync(source, LanguageVersion.Latest, centralizedSymbols, ImmutableArray<MetadataReference>.Empty, expected);

    private static async Task VerifyAsync(
        string source,
        LanguageVersion languageVersion,
        string? centralizedSymbols,
        ImmutableArray<MetadataReference> references,
        DiagnosticResult[] expected,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        IEnumerable<(string Name, string Text)>? extraSources = null)
    {
        var test = new Verify.Test
        {
            TestCode = source + Domain,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        if (centralizedSymbols is not null)
        {
            test.TestState.AdditionalFiles.Add(("CentralizedSymbols.txt", centralizedSymbols));
        }

        foreach (var extra in extraSources ?? System.Array.Empty<(string, string)>())
        {
            test.TestState.Sources.Add(extra);
        }

        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    // ----- reported: every kind of use -----

    [Fact]
    public async Task CallOnCentralizedInterface_OutsideOwner_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;

            public sealed class NarrativeService
            {
                private readonly IHistoryWriter _history;
                public NarrativeService(IHistoryWriter history) => _history = history;
                public async Task<string> GenerateAsync(string prompt)
                {
                    var narrative = "Once upon a time: " + prompt;
                    await _history.{|#0:InsertAsync|}(narrative);
                    return narrative;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("IHistoryWriter.InsertAsync(string)", "'HistoricalLogProcessor'"));
    }

    [Fact]
    public async Task CallThroughImplementation_ImplementsCentralizedMember_Reports()
    {
        var source = /* lang=c#-test */ """
            using App.History;

            public sealed class Archiver
            {
                public void Archive(SqlHistoryWriter writer, string text)
                {
                    _ = writer.{|#0:InsertAsync|}(text);
                    _ = writer.{|#1:Pending|};
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("SqlHistoryWriter.InsertAsync(string)", "'HistoricalLogProcessor'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SqlHistoryWriter.Pending", "'HistoricalLogProcessor'"));
    }

    [Fact]
    public async Task MethodAttribute_OnlyThatMemberIsCentralized()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public sealed class AuditLog
            {
                [CentralizedBy(typeof(AuditProcessor))]
                public void Append(string entry) { }
                public int Count => 0;
            }

            public sealed class AuditProcessor { }

            public sealed class Checkout
            {
                public int Pay(AuditLog log)
                {
                    log.[|Append|]("paid");
                    return log.Count;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StaticMemberOfCentralizedClass_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(MailProcessor))]
            public static class SmtpGateway
            {
                public static void Send(string to) { }
                public static int Sent;
            }

            public sealed class MailProcessor { }

            public sealed class Signup
            {
                public void Welcome(string user)
                {
                    SmtpGateway.[|Send|](user);
                    SmtpGateway.[|Sent|]++;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ChainOfCentralizedUses_ReportsTheOuterUseOnly()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(Pipeline))]
            public sealed class ContextPool
            {
                public static ContextPool Shared { get; } = new ContextPool();
                public object Get() => new object();
                public ContextPool Self => this;
            }

            public sealed class Pipeline { }

            public sealed class Strategy
            {
                public object Run() => ContextPool.Shared.Self.{|#0:Get|}();
                public ContextPool Pool => ContextPool.{|#1:Shared|};
                public string Describe() => ContextPool.{|#2:Shared|}.ToString();
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ContextPool.Get()", "'Pipeline'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ContextPool.Shared", "'Pipeline'"),
            Verify.Diagnostic().WithLocation(2).WithArguments("ContextPool.Shared", "'Pipeline'"));
    }

    [Fact]
    public async Task CreatingCentralizedClass_ReportsAtTheType()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class HistoryDb
            {
                public void Insert(string row) { }
            }

            public sealed class HistoryProcessor { }

            public sealed class Report
            {
                public void Save() => new [|HistoryDb|]().ToString();
                public void SaveRow() => new HistoryDb().[|Insert|]("row"); // one bypass, one diagnostic: the outer use
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CentralizedConstructor_OnlyThatConstructorIsCentralized()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public sealed class Connection
            {
                public Connection() { }
                [CentralizedBy(typeof(ConnectionPool))]
                public Connection(string connectionString) { }
            }

            public sealed class ConnectionPool { }

            public sealed class Repository
            {
                public object Open() => new [|Connection|]("db");
                public object Fake() => new Connection();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TargetTypedNew_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class HistoryDb
            {
                public HistoryDb(int shards) { }
            }

            public sealed class HistoryProcessor { }

            public sealed class Setup
            {
                private HistoryDb _db = [|new(4)|];
                public HistoryDb Db => _db;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PropertyIndexerEventAndFieldAccess_Report()
    {
        var source = /* lang=c#-test */ """
            using System;
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(CacheProcessor))]
            public sealed class ResultCache
            {
                public int Size { get; set; }
                public string this[int index] => "";
                public event EventHandler Evicted;
                public int Hits;
                public void OnEvict() => Evicted?.Invoke(this, EventArgs.Empty);
            }

            public sealed class CacheProcessor { }

            public sealed class Dashboard
            {
                public string Show(ResultCache cache)
                {
                    cache.[|Size|] = 10;
                    cache.[|Evicted|] += (s, e) => { };
                    return [|cache[0]|] + cache.[|Hits|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MethodGroupAndDelegateConversion_Report()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using App.History;

            public sealed class Pipeline
            {
                public Func<string, Task> Sink(IHistoryWriter writer) => writer.[|InsertAsync|];
                public Func<string, Task> Explicit(IHistoryWriter writer) => new Func<string, Task>(writer.[|InsertAsync|]);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideLambdaLocalFunctionAndFieldInitializer_Report()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using App.History;

            public sealed class Batch
            {
                private static readonly IHistoryWriter Shared = new SqlHistoryWriter();
                private readonly int _pending = Shared.[|Pending|];

                public Task RunAsync(string[] entries)
                {
                    var tasks = entries.Select(e => Shared.[|InsertAsync|](e)).ToArray();
                    return Task.WhenAll(tasks.Concat(new[] { Last() }));

                    Task Last() => Shared.[|InsertAsync|]("done " + _pending);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OverrideOfCentralizedMember_IsCentralized()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public abstract class Store
            {
                [CentralizedBy(typeof(StoreProcessor))]
                public abstract void Write(string row);
            }

            public sealed class FileStore : Store
            {
                public override void Write(string row) { }
            }

            public sealed class StoreProcessor { }

            public sealed class Exporter
            {
                public void Export(FileStore store) => store.[|Write|]("row");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SeveralOwners_MessageNamesEach()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(AuditProcessor))]
            [CentralizedBy(typeof(ComplianceProcessor))]
            public sealed class AuditTrail
            {
                public void Append(string entry) { }
            }

            public sealed class AuditProcessor { }
            public sealed class ComplianceProcessor { }

            public sealed class Login
            {
                public void Done(AuditTrail trail) => trail.{|#0:Append|}("login");
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("AuditTrail.Append(string)", "'AuditProcessor' or 'ComplianceProcessor'"));
    }

    [Fact]
    public async Task SubclassOfOwner_IsNotAnOwner()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;

            public sealed class FastLogProcessor : HistoricalLogProcessor
            {
                private readonly IHistoryWriter _direct;
                public FastLogProcessor(IHistoryWriter writer) : base(writer) => _direct = writer;
                public Task FastAsync(string entry) => _direct.[|InsertAsync|](entry);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NestedTypeOfCentralizedType_IsCentralized()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoryProcessor))]
            public sealed class HistoryDb
            {
                public sealed class Batch
                {
                    public void Flush() { }
                }
            }

            public sealed class HistoryProcessor { }

            public sealed class Importer
            {
                public object Import() => new [|HistoryDb.Batch|]();
                public void Flush() => new HistoryDb.Batch().[|Flush|]();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnAttributeOfTheSameName_InAnyNamespace_Counts()
    {
        var source = /* lang=c#-test */ """
            namespace Company.Architecture
            {
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                public sealed class CentralizedByAttribute : System.Attribute
                {
                    public CentralizedByAttribute(params System.Type[] processors) { }
                }
            }

            namespace Company.Billing
            {
                [Company.Architecture.CentralizedBy(typeof(InvoiceProcessor), typeof(RefundProcessor))]
                public sealed class Ledger
                {
                    public void Post(decimal amount) { }
                }

                public sealed class InvoiceProcessor { }
                public sealed class RefundProcessor { }

                public sealed class Checkout
                {
                    public void Pay(Ledger ledger) => ledger.{|#0:Post|}(10m);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Ledger.Post(decimal)", "'InvoiceProcessor' or 'RefundProcessor'"));
    }

    [Fact]
    public async Task CentralizedExtensionMethodAndConditionalAccess_Report()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;
            using App.History;

            [CentralizedBy(typeof(HistoricalLogProcessor))]
            public static class HistoryExtensions
            {
                public static void Flush(this IHistoryWriter writer) { }
            }

            public sealed class Shutdown
            {
                public int? Stop(IHistoryWriter writer)
                {
                    writer.[|Flush|]();
                    return writer?.[|Pending|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GenericCentralizedType_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(RepositoryProcessor))]
            public sealed class Repository<T>
            {
                public void Save<TKey>(TKey key, T item) { }
            }

            public sealed class RepositoryProcessor { }

            public sealed class Orders
            {
                public void Place(Repository<string> repository) => repository.[|Save|](1, "order");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TopLevelStatements_Report()
    {
        var source = /* lang=c#-test */ """
            using App.History;

            IHistoryWriter writer = new SqlHistoryWriter();
            await writer.[|InsertAsync|]("started");
            """;
        var test = new Verify.Test { TestCode = source + Domain };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CSharp73_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;

            public sealed class LegacyJob
            {
                public Task Run(IHistoryWriter writer)
                {
                    return writer.[|InsertAsync|]("legacy");
                }
            }
            """;
        await VerifyAsync(source.Replace("\r\n", "\n"), LanguageVersion.CSharp7_3, null, ImmutableArray<MetadataReference>.Empty, System.Array.Empty<DiagnosticResult>(), extraSources: null);
    }

    [Fact]
    public async Task NullableEnabled_Reports()
    {
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;
            using App.History;

            public sealed class OptionalHistory
            {
                private readonly IHistoryWriter? _writer;
                public OptionalHistory(IHistoryWriter? writer = null) => _writer = writer;
                public Task Note(string entry) => _writer?.[|InsertAsync|](entry) ?? Task.CompletedTask;
            }
            """;
        await VerifyAsync(source, LanguageVersion.Latest, null, ImmutableArray<MetadataReference>.Empty, System.Array.Empty<DiagnosticResult>(), NullableContextOptions.Enable);
    }
}
