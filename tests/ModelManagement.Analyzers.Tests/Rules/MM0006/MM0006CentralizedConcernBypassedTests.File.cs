using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>MM0006's CentralizedSymbols*.txt form: for code the team cannot annotate.</summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    [Fact]
    public async Task ListedMetadataMethod_Reports_AndOwnerMayCallIt()
    {
        var source = /* lang=c#-test */ """
            using System.IO;

            namespace App
            {
                public sealed class HistoryFileProcessor
                {
                    public void Append(string line) => File.AppendAllText("history.log", line);
                }

                public sealed class Narrator
                {
                    public void Tell(string story) => File.{|#0:AppendAllText|}("history.log", story);
                    public string Read() => File.ReadAllText("history.log");
                }
            }
            """;
        await VerifyWithFileAsync(
            source,
            "M:System.IO.File.AppendAllText(System.String,System.String);T:App.HistoryFileProcessor\n",
            Verify.Diagnostic().WithLocation(0).WithArguments("File.AppendAllText(string, string?)", "'HistoryFileProcessor'"));
    }

    [Fact]
    public async Task ListedType_EveryMemberAndCreation_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Text;

            namespace App
            {
                public sealed class ReportProcessor { }

                public sealed class Narrator
                {
                    public string Tell()
                    {
                        var builder = new [|StringBuilder|]();
                        builder.[|Append|]("once");
                        return builder.[|Length|] + builder.[|ToString|]() + builder.GetHashCode();
                    }
                }
            }
            """;

        // GetHashCode is declared by System.Object, not by StringBuilder: it stays usable; ToString is StringBuilder's own override.
        await VerifyWithFileAsync(source, "T:System.Text.StringBuilder ; T:App.ReportProcessor\n");
    }

    [Fact]
    public async Task ListedNamespace_CentralizesItsTypes_AndItsOwnCodeMayUseThem()
    {
        var source = /* lang=c#-test */ """
            namespace App.Storage
            {
                public sealed class Table { public void Insert(string row) { } }
                public sealed class Index { public void Rebuild(Table table) => table.Insert("index"); }
            }

            namespace App.Storage.Blobs
            {
                public sealed class Blob { public void Put(string key) { } }
            }

            namespace App
            {
                public sealed class StorageProcessor
                {
                    public void Save(App.Storage.Table table) => table.Insert("row");
                }

                public sealed class Narrator
                {
                    public void Tell(App.Storage.Table table, App.Storage.Blobs.Blob blob)
                    {
                        table.[|Insert|]("story");
                        blob.[|Put|]("story");
                    }
                }
            }
            """;
        await VerifyWithFileAsync(source, "# the storage layer\nN:App.Storage;T:App.StorageProcessor\n");
    }

    [Fact]
    public async Task ListedConstructor_TheHashOfItsIdIsNoComment()
    {
        // An independent consumer: `M:Repro.HistoryDb.#ctor(System.String);T:Repro.HistoryProcessor` was cut at the '#'
        // (MM0008 "names no owner") and the creation outside the processor went unreported.
        var source = /* lang=c#-test */ """
            namespace Repro
            {
                public sealed class HistoryDb { public HistoryDb(string connection) { } }

                public sealed class HistoryProcessor { public HistoryDb Db { get; } = new HistoryDb("cs"); }

                public sealed class Service { public HistoryDb Open() => new {|#0:HistoryDb|}("cs"); }
            }
            """;
        await VerifyWithFileAsync(
            source,
            "# the history store's only door\nM:Repro.HistoryDb.#ctor(System.String);T:Repro.HistoryProcessor   # created by the processor alone\n",
            Verify.Diagnostic().WithLocation(0).WithArguments("HistoryDb.HistoryDb(string)", "'HistoryProcessor'"));
    }

    [Fact]
    public async Task ListedInterfaceMember_ImplementationIsCentralizedToo()
    {
        var source = /* lang=c#-test */ """
            namespace Vendor.History
            {
                public interface IHistoryDb { void Insert(string row); }
                public sealed class HistoryDb : IHistoryDb { public void Insert(string row) { } }
            }

            namespace App
            {
                public sealed class HistoricalLogProcessor { }
                public sealed class AuditProcessor { }

                public sealed class Narrator
                {
                    public void Tell(Vendor.History.HistoryDb db, Vendor.History.IHistoryDb idb)
                    {
                        db.{|#0:Insert|}("a");
                        idb.[|Insert|]("b");
                    }
                }
            }
            """;
        await VerifyWithFileAsync(
            source,
            "M:Vendor.History.IHistoryDb.Insert(System.String);T:App.HistoricalLogProcessor;T:App.AuditProcessor\n",
            Verify.Diagnostic().WithLocation(0).WithArguments("HistoryDb.Insert(string)", "'AuditProcessor' or 'HistoricalLogProcessor'"));
    }

    [Fact]
    public async Task SeveralFiles_AndAttribute_OwnersAreMerged()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            namespace App
            {
                [CentralizedBy(typeof(AuditProcessor))]
                public sealed class AuditTrail { public void Append(string entry) { } }

                public sealed class AuditProcessor { }
                public sealed class ComplianceProcessor { public void Check(AuditTrail trail) => trail.Append("checked"); }

                public sealed class Login
                {
                    public void Done(AuditTrail trail) => trail.{|#0:Append|}("login");
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add(("CentralizedSymbols.txt", "# none here\n"));
        test.TestState.AdditionalFiles.Add(("config/CentralizedSymbols.Compliance.txt", "T:App.AuditTrail;T:App.ComplianceProcessor # compliance reads the trail\n"));
        test.TestState.AdditionalFiles.Add(("BannedSymbols.txt", "T:App.Login;T:App.AuditProcessor\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("AuditTrail.Append(string)", "'AuditProcessor' or 'ComplianceProcessor'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MalformedFile_BadLinesIgnored_GoodLinesStillEnforced_NoException()
    {
        var source = /* lang=c#-test */ """
            namespace App
            {
                public sealed class Db { public void Insert(string row) { } public void Delete(string row) { } }
                public sealed class DbProcessor { }

                public sealed class Narrator
                {
                    public void Tell(Db db)
                    {
                        db.[|Insert|]("a");
                        db.Delete("b");
                    }
                }
            }
            """;
        const string file = """
            this is not an entry
            M:App.Db.Delete(System.String)
            M:App.Db.Delete(System.String);
            M:App.Db.Delete(System.String);App.DbProcessor
            M:App.Db.Delete(System.String);;T:App.DbProcessor
            X:App.Db.Delete;T:App.DbProcessor
            M:App.Db.Remove(System.String);T:App.DbProcessor
            M:App.Db.Delete(System.String);T:App.Missing
            M:App.Db.Delete(System.String);M:App.Db.Insert(System.String)
            ;;;
            #
            M:App.Db.Insert(System.String);T:App.DbProcessor;
            """;
        await VerifyWithFileAsync(source, file);
    }

    [Fact]
    public async Task FileOnly_NoAttributeTypeInCompilation_StillEnforced()
    {
        var source = /* lang=c#-test */ """
            namespace App
            {
                public sealed class Db { public void Insert(string row) { } }
                public sealed class DbProcessor { }
                public sealed class Narrator { public void Tell(Db db) => db.[|Insert|]("a"); }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalReferences.Clear(); // no ModelManagement.Patterns: no CentralizedByAttribute anywhere
        test.TestState.AdditionalFiles.Add(("CentralizedSymbols.txt", "T:App.Db;T:App.DbProcessor"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoAttributeTypeAndNoFile_NothingToIndex_SoNothingIsRegistered()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { void M() { System.Console.WriteLine(); } }");
        var references = await Verifiers.TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var without = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Plain", new[] { tree }, references);
        var withPatterns = without.AddReferences(Verifiers.TestEnvironment.PatternsReference);
        var applying = withPatterns.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "[ModelManagement.Patterns.CentralizedBy(typeof(P))] class Db { } class P { }"));
        var none = ImmutableArray<ModelManagement.Analyzers.Infrastructure.CentralizedSymbolsFile>.Empty;

        Assert.Null(ModelManagement.Analyzers.Infrastructure.CentralizedSymbolIndex.TryCreate(without, none, CancellationToken.None));

        // The attribute type alone (every consumer of the package references ModelManagement.Patterns) is not enough:
        // something must be able to carry it.
        Assert.Null(ModelManagement.Analyzers.Infrastructure.CentralizedSymbolIndex.TryCreate(withPatterns, none, CancellationToken.None));
        Assert.NotNull(ModelManagement.Analyzers.Infrastructure.CentralizedSymbolIndex.TryCreate(applying, none, CancellationToken.None));
    }
}
