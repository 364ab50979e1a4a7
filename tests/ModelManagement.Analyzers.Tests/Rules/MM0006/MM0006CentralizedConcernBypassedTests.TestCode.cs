using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>MM0006's test-code exemption, against the real xunit, NUnit, MSTest and FluentAssertions assemblies.</summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    private static Task VerifyWithFrameworksAsync(string source, ImmutableArray<MetadataReference> references, params DiagnosticResult[] expected)
        => VerifyAsync(source, LanguageVersion.Latest, null, references, expected);

    [Fact]
    public async Task XunitFactAndTheoryClasses_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;
            using Xunit;

            public sealed class SqlHistoryWriterTests
            {
                private readonly SqlHistoryWriter _writer = new SqlHistoryWriter();

                [Fact]
                public async Task InsertAsync_Completes() => await _writer.InsertAsync("row");

                [Theory]
                [InlineData("a")]
                public void Pending_IsZero(string entry)
                {
                    _ = _writer.InsertAsync(entry);
                    Assert.Equal(0, _writer.Pending);
                }

                private sealed class Fixture
                {
                    public Task Seed(IHistoryWriter writer) => writer.InsertAsync("seed");
                }
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.Xunit);
    }

    [Fact]
    public async Task InheritedXunitTestMethod_DerivedClassIsTestCode_NotReported()
    {
        var source = /* lang=c#-test */ """
            using App.History;
            using Xunit;

            public abstract class HistoryWriterContract
            {
                protected abstract IHistoryWriter Create();

                [Fact]
                public void StartsEmpty() => Assert.Equal(0, Create().Pending);
            }

            public sealed class SqlHistoryWriterContract : HistoryWriterContract
            {
                protected override IHistoryWriter Create()
                {
                    var writer = new SqlHistoryWriter();
                    writer.InsertAsync("warm-up").Wait();
                    return writer;
                }
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.Xunit);
    }

    [Fact]
    public async Task NUnitTestTestCaseAndTestCaseSourceClasses_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using App.History;
            using NUnit.Framework;

            public sealed class WriterTests
            {
                [Test]
                public void Insert() => new SqlHistoryWriter().InsertAsync("x").Wait();
            }

            public sealed class CaseTests
            {
                [TestCase("x")]
                public void Insert(string entry) => new SqlHistoryWriter().InsertAsync(entry).Wait();
            }

            public sealed class SourceTests
            {
                private static IEnumerable<string> Entries() { yield return "x"; }

                [TestCaseSource(nameof(Entries))]
                public void Insert(string entry) => new SqlHistoryWriter().InsertAsync(entry).Wait();
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.NUnit);
    }

    [Fact]
    public async Task MSTestTestMethodAndDataTestMethod_NotReported()
    {
        var source = /* lang=c#-test */ """
            using App.History;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public sealed class WriterTests
            {
                [TestMethod]
                public void Insert() => new SqlHistoryWriter().InsertAsync("x").Wait();

                [DataTestMethod]
                [DataRow("y")]
                public void InsertRow(string entry) => new SqlHistoryWriter().InsertAsync(entry).Wait();
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.MSTest);
    }

    [Fact]
    public async Task FluentAssertionsInsideXunitTest_NotReported()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using App.History;
            using FluentAssertions;
            using Xunit;

            public sealed class WriterBehaviour
            {
                [Fact]
                public async Task Insert_DoesNotThrow()
                {
                    IHistoryWriter writer = new SqlHistoryWriter();
                    Func<Task> act = () => writer.InsertAsync("row");
                    await act.Should().NotThrowAsync();
                    writer.Pending.Should().Be(0);
                }
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.Xunit.AddRange(TestFrameworkReferences.FluentAssertions));
    }

    [Fact]
    public async Task HelperWithoutTestMethods_InTestProject_Reports()
    {
        // Only types that declare or inherit a test method are test code; a shared helper is ordinary code.
        var source = /* lang=c#-test */ """
            using App.History;
            using Xunit;

            public static class HistorySeeder
            {
                public static void Seed(IHistoryWriter writer) => writer.[|InsertAsync|]("seed").Wait();
            }

            public sealed class SeederTests
            {
                [Fact]
                public void Seeds() => HistorySeeder.Seed(new SqlHistoryWriter());
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.Xunit);
    }

    [Fact]
    public async Task SetUpOfAFixtureBaseClass_IsTestCode()
    {
        // A triage of Prowlarr: the abstract base of its NUnit fixtures has [OneTimeSetUp]/[SetUp] but no [Test]; its set-up
        // runs for every fixture and was reported, while the same call in the fixture was not. A helper without set-up still
        // reports.
        var source = /* lang=c#-test */ """
            using App.History;
            using NUnit.Framework;

            public abstract class IntegrationTestBase
            {
                protected IHistoryWriter Writer;

                [OneTimeSetUp]
                public void StartTarget()
                {
                    Writer = new SqlHistoryWriter();
                    Writer.InsertAsync("warm-up").Wait();
                }
            }

            public sealed class WriterFixture : IntegrationTestBase
            {
                [Test]
                public void Insert() => Writer.InsertAsync("x").Wait();
            }

            public static class Seeder
            {
                public static void Seed(IHistoryWriter writer) => writer.[|InsertAsync|]("seed").Wait();
            }
            """;
        await VerifyWithFrameworksAsync(source, TestFrameworkReferences.NUnit);
    }

    [Fact]
    public async Task TestAttributeNameWithoutFramework_Reports()
    {
        // A look-alike [Fact] that is not xunit's does not make a type test code.
        var source = /* lang=c#-test */ """
            using App.History;

            public sealed class FactAttribute : System.Attribute { }

            public sealed class NotReallyTests
            {
                [Fact]
                public void Insert(IHistoryWriter writer) => writer.[|InsertAsync|]("x").Wait();
            }
            """;
        await VerifyAsync(source);
    }
}
