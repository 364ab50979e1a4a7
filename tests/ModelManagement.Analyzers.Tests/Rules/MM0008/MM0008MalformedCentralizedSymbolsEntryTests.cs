using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0008MalformedCentralizedSymbolsEntryAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0008;

/// <summary>MM0008: each unusable line of a CentralizedSymbols file is reported at that line, with the reason.</summary>
public sealed class MM0008MalformedCentralizedSymbolsEntryTests
{
    private const string Source = /* lang=c#-test */ """
        namespace App
        {
            public sealed class Db { public void Insert(string row) { } }
            public sealed class DbProcessor { }
        }
        """;

    private static async Task VerifyAsync(string fileName, string file, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Source };
        test.TestState.AdditionalFiles.Add((fileName, file));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ValidEntriesCommentsAndBlankLines_NotReported()
    {
        const string file = """
            # Only the processor writes to the database.

            M:App.Db.Insert(System.String);T:App.DbProcessor   # the one write path
              T:App.Db ; T:App.DbProcessor ;
            N:App;T:App.DbProcessor
            """;
        await VerifyAsync("CentralizedSymbols.txt", file);
    }

    [Theory]
    [InlineData("M:App.Db.Insert(System.String)", "M:App.Db.Insert(System.String)", "it names no owner; write '<symbol id>;T:<processor type>'")]
    [InlineData("M:App.Db.Insert(System.String);", "M:App.Db.Insert(System.String);", "it names no owner; write '<symbol id>;T:<processor type>'")]
    [InlineData("App.Db;T:App.DbProcessor", "App.Db;T:App.DbProcessor", "'App.Db' is not a documentation comment id (T:, N:, M:, P:, F: or E:)")]
    [InlineData("M:App.Db.Insert(System.String);App.DbProcessor", "M:App.Db.Insert(System.String);App.DbProcessor", "owner 'App.DbProcessor' is not a type id (T:)")]
    [InlineData("M:App.Db.Insert(System.String);;T:App.DbProcessor", "M:App.Db.Insert(System.String);;T:App.DbProcessor", "a field between ';' is empty")]
    [InlineData("M:App.Db.Remove(System.String);T:App.DbProcessor", "M:App.Db.Remove(System.String);T:App.DbProcessor", "'M:App.Db.Remove(System.String)' names no symbol in this compilation")]
    [InlineData("M:App.Db.Insert;T:App.DbProcessor", "M:App.Db.Insert;T:App.DbProcessor", "'M:App.Db.Insert' names no symbol in this compilation; a method with parameters is named with their types, 'M:N.T.Insert(System.String)'")]
    [InlineData("T:App.Db;T:App.Missing # typo", "T:App.Db;T:App.Missing", "owner 'T:App.Missing' names no type in this compilation")]
    [InlineData("T:App.Db;M:App.Db.Insert(System.String)", "T:App.Db;M:App.Db.Insert(System.String)", "owner 'M:App.Db.Insert(System.String)' is not a type id (T:)")]
    [InlineData("M:App.Db.Insert(System.String;T:App.DbProcessor", "M:App.Db.Insert(System.String;T:App.DbProcessor", "'M:App.Db.Insert(System.String' has a bracket that is not closed, or closed without being opened")] // resolved leniently before (a fix-shapes round)
    [InlineData("M:App.Db.Insert(System.String));T:App.DbProcessor", "M:App.Db.Insert(System.String));T:App.DbProcessor", "'M:App.Db.Insert(System.String))' has a bracket that is not closed, or closed without being opened")]
    public async Task MalformedLine_ReportedWithItsReason(string line, string entry, string reason)
    {
        var file = "# header\n" + line + "\n";
        await VerifyAsync(
            "CentralizedSymbols.txt",
            file,
            Verify.Diagnostic().WithSpan("CentralizedSymbols.txt", 2, 1, 2, 1 + entry.Length).WithArguments(entry, reason));
    }

    [Fact]
    public async Task IndentedEntry_ReportedAtTheEntryItself()
    {
        await VerifyAsync(
            "CentralizedSymbols.Vendor.txt",
            "T:App.Db;T:App.DbProcessor\n    T:App.Nope;T:App.DbProcessor   # gone\n",
            Verify.Diagnostic().WithSpan("CentralizedSymbols.Vendor.txt", 2, 5, 2, 33).WithArguments("T:App.Nope;T:App.DbProcessor", "'T:App.Nope' names no symbol in this compilation"));
    }

    [Fact]
    public async Task EveryBadLineOfAFile_ReportedOnce()
    {
        await VerifyAsync(
            "CentralizedSymbols.txt",
            "garbage\nT:App.Db;T:App.DbProcessor\n;;\nT:App.Db\n",
            Verify.Diagnostic().WithSpan("CentralizedSymbols.txt", 1, 1, 1, 8).WithArguments("garbage", "'garbage' is not a documentation comment id (T:, N:, M:, P:, F: or E:)"),
            Verify.Diagnostic().WithSpan("CentralizedSymbols.txt", 3, 1, 3, 3).WithArguments(";;", "a field between ';' is empty"),
            Verify.Diagnostic().WithSpan("CentralizedSymbols.txt", 4, 1, 4, 9).WithArguments("T:App.Db", "it names no owner; write '<symbol id>;T:<processor type>'"));
    }

    [Fact]
    public async Task OtherAdditionalFiles_NotRead()
    {
        await VerifyAsync("BannedSymbols.txt", "T:App.Db;Do not use\ngarbage\n");
    }
}
