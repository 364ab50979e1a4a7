using System.Collections.Generic;
using ModelManagement.Analyzers.Benchmarks.Corpus;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Test code for the rules that judge test projects (MM0007): the benchmark corpus is production code, so the robustness
/// corpus sample adds this file (integration test classes with and without a failure-path test, in xunit, NUnit and
/// MSTest, against the test-framework references the harness adds).
/// </summary>
internal static class TestCodeSupplement
{
    public const string Source = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        namespace Contoso.Narratives.Tests
        {
            public sealed class RegistryClient
            {
                public Task<string> GetAsync(string name) => name.Length == 0 ? Task.FromException<string>(new ArgumentException(nameof(name))) : Task.FromResult(name);
            }

            public sealed class RegistryIntegrationTests
            {
                [Xunit.Fact]
                public async Task Get_ReturnsTheModel() => Xunit.Assert.Equal("a", await new RegistryClient().GetAsync("a"));
            }

            [Xunit.Trait("Category", "Integration")]
            public sealed class CatalogTests
            {
                [Xunit.Fact]
                public async Task Get_EmptyName() => await Xunit.Assert.ThrowsAsync<ArgumentException>(() => new RegistryClient().GetAsync(""));
            }

            [NUnit.Framework.Category("Integration")]
            public sealed class HistoryTests
            {
                [NUnit.Framework.Test]
                public void Write_Works() => NUnit.Framework.Assert.That(1, NUnit.Framework.Is.EqualTo(1));

                [NUnit.Framework.Test]
                public void Write_WhenTheStoreTimesOut_Retries() { }
            }

            [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
            public sealed class NarrativeWorkflowIntegrationTests
            {
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public void Generate_EndToEnd() { }
            }
        }
        """;

    public static CorpusFile File { get; } = new("Tests/IntegrationTests.cs", Source, CorpusGenerator.CountLines(Source));
}
