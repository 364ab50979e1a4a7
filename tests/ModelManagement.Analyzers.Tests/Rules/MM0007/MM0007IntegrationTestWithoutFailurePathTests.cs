using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0007IntegrationTestWithoutFailurePathAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0007;

/// <summary>MM0007 analyzer: which integration test classes are reported (against the real test-framework assemblies).</summary>
public sealed partial class MM0007IntegrationTestWithoutFailurePathTests
{
    /// <summary>The framework assemblies a test compilation references.</summary>
    [Flags]
    internal enum Frameworks
    {
        None = 0,
        Xunit = 1,
        NUnit = 2,
        MSTest = 4,
        FluentAssertions = 8,
        All = Xunit | NUnit | MSTest | FluentAssertions,
    }

    /// <summary>The service the test sources drive: a model registry client whose calls can fail.</summary>
    internal const string Registry = /* lang=c#-test */ """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Registry
        {
            public sealed class RegistryUnavailableException : Exception { }

            public sealed class ModelRegistryClient
            {
                public Task<string> GetModelAsync(string name, CancellationToken cancellationToken = default)
                    => name.Length == 0 ? throw new RegistryUnavailableException() : Task.FromResult(name);

                public string GetModel(string name) => name.Length == 0 ? throw new ArgumentException("empty", nameof(name)) : name;
            }
        }
        """;

    [Fact]
    public async Task XunitIntegrationTests_HappyPathOnly_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class {|#0:ModelRegistryIntegrationTests|}
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task GetModel_ReturnsTheModel()
                {
                    Assert.Equal("gpt", await _client.GetModelAsync("gpt"));
                }

                [Theory]
                [InlineData("a")]
                public void GetModel_RoundTripsTheName(string name) => Assert.Equal(name, _client.GetModel(name));
            }
            """;
        await VerifyAsync(source, expected: Verify.Diagnostic().WithLocation(0).WithArguments("ModelRegistryIntegrationTests"));
    }

    [Theory]
    [InlineData("ScreenBatch_CountsBlockedItems")]
    [InlineData("Moderation_PreventsPromptInjection")]
    [InlineData("Monitor_FlagsOutputThatViolatesPolicy")]
    [InlineData("RecoverPassword_SendsTheEmail")] // a recovery feature is its normal path; recovering *after* something is not
    [InlineData("Get_WithRetryPolicyConfigured_ReturnsModel")]
    public async Task GuardrailVerdictWordsInTheName_AreNoFailurePath_Reports(string testName)
    {
        // A guardrail that blocks content works: its verdict words name its normal path, not the integration failing
        // (a re-verification saw `ScreenBatch_CountsBlockedItems` hide a class's missing failure test).
        var source = $$"""
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class {|#0:ModelRegistryIntegrationTests|}
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task {{testName}}()
                {
                    Assert.Equal("gpt", await _client.GetModelAsync("gpt"));
                }
            }
            """;
        await VerifyAsync(source, expected: Verify.Diagnostic().WithLocation(0).WithArguments("ModelRegistryIntegrationTests"));
    }

    [Fact]
    public async Task SingularIntegrationTestSuffix_Reports()
    {
        var source = /* lang=c#-test */ """
            using Registry;
            using Xunit;

            public class [|RegistryIntegrationTest|]
            {
                [Fact]
                public void GetModel_Works() => Assert.Equal("a", new ModelRegistryClient().GetModel("a"));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task XunitTraitCategoryIntegration_Reports()
    {
        var source = /* lang=c#-test */ """
            using Registry;
            using Xunit;

            [Trait("Category", "Integration")]
            public class [|RegistrySmokeTests|]
            {
                [Fact]
                public void GetModel_Works() => Assert.Equal("a", new ModelRegistryClient().GetModel("a"));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TraitNameAndValue_AnyCase_Reports()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            [Trait("category", "integration")]
            public class [|RegistrySmokeTests|]
            {
                [Fact]
                public void Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NUnitCategoryIntegration_Reports()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;
            using Registry;

            [TestFixture, Category("Integration")]
            public class [|RegistryTests|]
            {
                [Test]
                public void GetModel_Works() => Assert.That(new ModelRegistryClient().GetModel("a"), Is.EqualTo("a"));

                [TestCase("b")]
                public void GetModel_RoundTrips(string name) => Assert.That(new ModelRegistryClient().GetModel(name), Is.EqualTo(name));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NUnitCategorySubclassNamedIntegration_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using NUnit.Framework;

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class IntegrationAttribute : CategoryAttribute { }

            [Integration]
            public class [|RegistryTests|]
            {
                [Test]
                public void GetModel_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MSTestTestCategoryIntegration_Reports()
    {
        var source = /* lang=c#-test */ """
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            using Registry;

            [TestClass]
            [TestCategory("Integration")]
            public class [|RegistryTests|]
            {
                [TestMethod]
                public void GetModel_Works() => Assert.AreEqual("a", new ModelRegistryClient().GetModel("a"));

                [DataTestMethod]
                [DataRow("b")]
                public void GetModel_RoundTrips(string name) => Assert.AreEqual(name, new ModelRegistryClient().GetModel(name));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CategoryOnAbstractBaseClass_ReportsTheDerivedClass()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            [Trait("Category", "Integration")]
            public abstract class RegistryTestBase
            {
                protected string Endpoint => "http://localhost";
            }

            public sealed class [|ModelLookupTests|] : RegistryTestBase
            {
                [Fact]
                public void Lookup_Works() => Assert.NotNull(Endpoint);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OnlyInheritedHappyPathTests_ReportsTheConcreteClassNotTheAbstractBase()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;

            public abstract class StoreContractIntegrationTests
            {
                protected abstract string Read(string key);

                [Test]
                public void Read_ReturnsTheStoredValue() => Assert.That(Read("k"), Is.EqualTo("v"));
            }

            public sealed class [|SqlStoreIntegrationTests|] : StoreContractIntegrationTests
            {
                protected override string Read(string key) => "v";
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PartialClass_ReportsOnceAtTheFirstDeclaration()
    {
        var test = CreateTest(
            /* lang=c#-test */ """
            using Xunit;

            public partial class [|RegistryIntegrationTests|]
            {
                [Fact]
                public void Lookup_Works() { }
            }
            """);
        test.TestState.Sources.Add(("/0/Test1.cs", /* lang=c#-test */ """
            using Xunit;

            public partial class RegistryIntegrationTests
            {
                [Fact]
                public void Listing_Works() { }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UserDefinedAssertClassNamedLikeXunit_IsNotAnExceptionAssertion_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;

            namespace MyCompany.Testing
            {
                public static class Assert
                {
                    public static void Throws<T>(Action action) where T : Exception { }
                }

                public static class Record
                {
                    public static Exception Exception(Action action) => null;
                }

                public class [|RegistryIntegrationTests|]
                {
                    [Xunit.Fact]
                    public void Lookup_Works()
                    {
                        Assert.Throws<ArgumentException>(() => { });
                        Record.Exception(() => { });
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExceptionAssertionOnlyInANonTestHelper_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Registry;
            using Xunit;

            public class [|RegistryIntegrationTests|]
            {
                [Fact]
                public void Lookup_Works() => Assert.Equal("a", new ModelRegistryClient().GetModel("a"));

                private static void ExpectRejected(Action action) => Assert.Throws<ArgumentException>(action);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FailureWordInNonTestMethodOrClassName_Reports()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            public class [|ErrorReportingIntegrationTests|]
            {
                [Fact]
                public void Report_IsSent() => Assert.NotNull(CreateFailingClient());

                private static object CreateFailingClient() => new object();

                public void Timeout_NotATest() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NestedAndGenericIntegrationClasses_Report()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;

            public static class Suites
            {
                public class [|CacheIntegrationTests|]
                {
                    [Test]
                    public void Get_Works() { }
                }
            }

            [TestFixture(typeof(int))]
            public class [|StoreIntegrationTests|]<T>
            {
                [Test]
                public void Get_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InheritedTestFromAnotherAssembly_IsJudgedByNameOnly_Reports()
    {
        // The base class's body asserts an exception, but from another assembly only the names count.
        var library = await TestCompilations.EmitAsync(
            """
            using Xunit;
            public abstract class StoreContractTests
            {
                [Fact]
                public void Read_Works() => Assert.Throws<System.InvalidOperationException>(() => Read());
                protected abstract void Read();
            }
            """,
            TestFrameworkReferences.Xunit);
        var test = CreateTest(
            /* lang=c#-test */ """
            public sealed class [|SqlStoreIntegrationTests|] : StoreContractTests
            {
                protected override void Read() => throw new System.InvalidOperationException();
            }
            """);
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InheritedTestFromAnotherProject_IsJudgedByNameOnlyLikeTheBuild_Reports()
    {
        // In the IDE a project reference exposes the base class's source; the rule still judges it by name only, as the build does.
        var test = CreateTest(
            /* lang=c#-test */ """
            public sealed class [|SqlStoreIntegrationTests|] : StoreContractTests
            {
                protected override void Read() => throw new System.InvalidOperationException();
            }
            """);
        var shared = test.TestState.AdditionalProjects["SharedTests"];
        shared.Sources.Add(("/SharedTests/StoreContractTests.cs", """
            using Xunit;
            public abstract class StoreContractTests
            {
                [Fact]
                public void Read_Works() => Assert.Throws<System.InvalidOperationException>(() => Read());
                protected abstract void Read();
            }
            """));
        shared.AdditionalReferences.AddRange(TestFrameworkReferences.Xunit);
        test.TestState.AdditionalProjectReferences.Add("SharedTests");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AssemblyCategoryIntegration_ReportsEveryTestClass()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;

            [assembly: Category("Integration")]

            public class [|RegistryTests|]
            {
                [Test]
                public void Get_Works() { }
            }

            public class HelperWithoutTests
            {
                public void Get_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MSTestAssemblyCategoryIntegration_ReportsEveryTestClass()
    {
        var source = /* lang=c#-test */ """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [assembly: TestCategory("Integration")]

            [TestClass]
            public class [|RegistryTests|]
            {
                [TestMethod]
                public void Get_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CSharp73_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public class [|RegistryIntegrationTests|]
            {
                [Fact]
                public async Task Get_Works()
                {
                    var client = new ModelRegistryClient();
                    Assert.Equal("a", await client.GetModelAsync("a"));
                }
            }
            """;
        await VerifyAsync(source, languageVersion: LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task NullableEnabled_Reports()
    {
        var source = /* lang=c#-test */ """
            #nullable enable
            using Registry;
            using Xunit;

            public class [|RegistryIntegrationTests|]
            {
                private ModelRegistryClient? _client;

                [Fact]
                public void Get_Works() => Assert.Equal("a", (_client ??= new ModelRegistryClient()).GetModel("a"));
            }
            """;
        await VerifyAsync(source, nullable: NullableContextOptions.Enable);
    }

    internal static Verify.Test CreateTest(string source, Frameworks frameworks = Frameworks.All, string? editorConfig = null)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Registry.cs", Registry));
        AddFrameworks(test.TestState.AdditionalReferences, frameworks);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        return test;
    }

    internal static void AddFrameworks(MetadataReferenceCollection references, Frameworks frameworks)
    {
        if ((frameworks & Frameworks.Xunit) != 0)
        {
            references.AddRange(TestFrameworkReferences.Xunit);
        }

        if ((frameworks & Frameworks.NUnit) != 0)
        {
            references.AddRange(TestFrameworkReferences.NUnit);
        }

        if ((frameworks & Frameworks.MSTest) != 0)
        {
            references.AddRange(TestFrameworkReferences.MSTest);
        }

        if ((frameworks & Frameworks.FluentAssertions) != 0)
        {
            references.AddRange(TestFrameworkReferences.FluentAssertions);
        }
    }

    private static async Task VerifyAsync(
        string source,
        Frameworks frameworks = Frameworks.All,
        string? editorConfig = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, frameworks, editorConfig);
        test.LanguageVersion = languageVersion;
        test.NullableContextOptions = nullable;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
