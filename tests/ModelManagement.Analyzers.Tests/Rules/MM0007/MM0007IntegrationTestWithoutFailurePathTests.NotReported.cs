using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0007IntegrationTestWithoutFailurePathAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0007;

/// <summary>MM0007: integration test classes that cover a failure path, and classes the rule leaves alone.</summary>
public sealed partial class MM0007IntegrationTestWithoutFailurePathTests
{
    [Theory]
    [InlineData("GetModel_ReturnsError_WhenMissing")]
    [InlineData("GetModel_Fails_WhenOffline")]
    [InlineData("GetModel_ThrowsForEmptyName")]
    [InlineData("GetModel_SurfacesTheException")]
    [InlineData("InvalidName_IsRejected")]
    [InlineData("GetModel_HonoursTheTimeout")]
    [InlineData("GetModel_UsesTheFallbackModel")]
    [InlineData("GetModel_WhenRegistryUnavailable")]
    [InlineData("GetModel_StopsOnCancellation")]
    [InlineData("get_model_when_registry_times_out_or_errors")]
    [InlineData("handles_TIMEOUT")]
    [InlineData("completion_times_out")]
    [InlineData("Completion_TimedOut")]
    [InlineData("request_time_out")]
    [InlineData("registry_un_available")]
    [InlineData("StringIncrement_DefaultRejectsWhenBoundExceeded")]
    [InlineData("Connect_IsRefusedWithoutCredentials")]
    [InlineData("Publish_AccessDenied")]
    [InlineData("GetModel_Unauthorized")]
    [InlineData("GetModel_Forbidden")]
    [InlineData("GetModel_not_found")]
    [InlineData("Server_Returns400_WhenLastEventIdRefersToWrongSession")]
    [InlineData("Register_ReturnsBadRequest")]
    [InlineData("Load_WithMissingModel_ReturnsNull")]
    [InlineData("ResilientCatalog_FallsBackToBuiltinModel_WhenLlmIsDown")]
    [InlineData("Route_WhenRegistryIsOffline_KeepsServing")]
    [InlineData("Delete_NonExistent_ReturnsFalse")] // dotnet/extensions' OpenAIHostedFileClientIntegrationTests
    [InlineData("NonExistingReadModelReturnsNull")] // EventFlow's read-model store suites
    [InlineData("Get_NotExistingKey_ReturnsNull")]
    [InlineData("GetFileInfo_WhenFileDoesNotExist_ReturnsNull")]
    [InlineData("ColdStart_PrimaryDelayed_HedgingEnabled_CollectionRead_IsHedgedAsync")] // Cosmos' metadata hedging tests: a delayed region is injected
    [InlineData("Read_WhenRegionDegraded_UsesTheSecondary")]
    [InlineData("Query_FaultInjectionOnGateway_Retries")]
    [InlineData("Send_WithChaosPolicy_Recovers")]
    [InlineData("Watch_ShouldRecover_AfterNetworkPause")] // dotnet-etcd's WatchResilienceTests (docker pause, then unpause)
    [InlineData("Watch_RecoversAfterServerRestart")]
    public async Task TestNamedForAFailurePath_DoesNotReport(string testName)
    {
        var source = /* lang=c#-test */ $$"""
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_Works() { }

                [Fact]
                public void {{testName}}() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task XunitAssertThrows_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Registry;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName() => Assert.Throws<ArgumentException>(() => new ModelRegistryClient().GetModel(""));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task XunitThrowsAnyAsync_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public async Task GetModel_EmptyName()
                {
                    await Assert.ThrowsAnyAsync<Exception>(() => new ModelRegistryClient().GetModelAsync(""));
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task XunitRecordException_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using Registry;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName()
                {
                    var caught = Record.Exception(() => new ModelRegistryClient().GetModel(""));
                    Assert.NotNull(caught);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UsingStaticXunitAssert_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Registry;
            using static Xunit.Assert;

            public class RegistryIntegrationTests
            {
                [Xunit.Fact]
                public void GetModel_EmptyName() => Throws<ArgumentException>(() => new ModelRegistryClient().GetModel(""));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NUnitAssertThrowsAndCatchAsync_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using NUnit.Framework;
            using Registry;

            [Category("Integration")]
            public class RegistryTests
            {
                [Test]
                public void GetModel_EmptyName() => Assert.Throws<ArgumentException>(() => new ModelRegistryClient().GetModel(""));
            }

            [Category("Integration")]
            public class AsyncRegistryTests
            {
                [Test]
                public void GetModel_EmptyName() => Assert.CatchAsync(() => new ModelRegistryClient().GetModelAsync(""));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NUnitThrowsConstraint_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using NUnit.Framework;
            using Registry;

            public class RegistryIntegrationTests
            {
                [Test]
                public void GetModel_EmptyName()
                    => Assert.That(() => new ModelRegistryClient().GetModel(""), Throws.TypeOf<ArgumentException>());
            }

            public class CatalogIntegrationTests
            {
                [Test]
                public void GetModel_EmptyName()
                    => Assert.That(() => new ModelRegistryClient().GetModel(""), Throws.Exception);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MSTestAssertThrowsException_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            using Registry;

            [TestClass]
            public class RegistryIntegrationTests
            {
                [TestMethod]
                public async Task GetModel_EmptyName()
                    => await Assert.ThrowsExceptionAsync<RegistryUnavailableException>(() => new ModelRegistryClient().GetModelAsync(""));
            }

            [TestClass]
            public class CatalogIntegrationTests
            {
                [TestMethod]
                public void GetModel_EmptyName() => Assert.ThrowsExactly<ArgumentException>(() => new ModelRegistryClient().GetModel(""));
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MSTestExpectedExceptionAttribute_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            using Registry;

            [TestClass]
            public class RegistryIntegrationTests
            {
                [TestMethod]
                public void GetModel_Works() => Assert.AreEqual("a", new ModelRegistryClient().GetModel("a"));

                [TestMethod]
                [ExpectedException(typeof(ArgumentException))]
                public void GetModel_EmptyName() => new ModelRegistryClient().GetModel("");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FluentAssertionsThrowAndNotThrow_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using FluentAssertions;
            using Registry;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName()
                {
                    Action act = () => new ModelRegistryClient().GetModel("");
                    act.Should().Throw<ArgumentException>().WithParameterName("name");
                }
            }

            public class CatalogIntegrationTests
            {
                [Fact]
                public async Task GetModel_EmptyName()
                {
                    Func<Task> act = () => new ModelRegistryClient().GetModelAsync("");
                    await act.Should().ThrowAsync<RegistryUnavailableException>();
                }
            }

            public class LookupIntegrationTests
            {
                [Fact]
                public void GetModel_SurvivesRetries()
                {
                    Action act = () => new ModelRegistryClient().GetModel("a");
                    act.Should().NotThrow();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ShouldlyAndAwesomeAssertions_MatchedByNamespaceAndName_DoNotReport()
    {
        // Neither library is referenced: stand-ins with their namespaces and names show any version matches.
        var source = /* lang=c#-test */ """
            using System;
            using Shouldly;
            using AwesomeAssertions;
            using Xunit;

            namespace Shouldly
            {
                public static class Should { public static Exception Throw<T>(Action action) => null; }
                public static class ShouldThrowExtensions { public static Exception ShouldThrow<T>(this Action action) => null; }
            }

            namespace AwesomeAssertions
            {
                public sealed class ActionAssertions { public void NotThrow() { } }
                public static class AssertionExtensions { public static ActionAssertions Should(this Action action) => new ActionAssertions(); }
            }

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName() => Should.Throw<ArgumentException>(() => { });
            }

            public class CatalogIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName()
                {
                    Action act = () => { };
                    act.ShouldThrow<ArgumentException>();
                }
            }

            public class LookupIntegrationTests
            {
                [Fact]
                public void GetModel_Survives()
                {
                    Action act = () => { };
                    act.Should().NotThrow();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TUnitTestAndThrowsAssertion_DoNotReport()
    {
        // TUnit is not referenced: a stand-in with its namespaces and names, as for Shouldly.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            namespace TUnit.Core
            {
                public sealed class TestAttribute : Attribute { }
            }

            namespace TUnit.Assertions
            {
                public sealed class DelegateAssertion { public Task Throws<T>() => Task.CompletedTask; }
                public static class Assert { public static DelegateAssertion That(Action action) => new DelegateAssertion(); }
            }

            public class RegistryIntegrationTests
            {
                [TUnit.Core.Test]
                public async Task GetModel_EmptyName() => await TUnit.Assertions.Assert.That(() => { }).Throws<ArgumentException>();
            }
            """;
        await VerifyAsync(source, frameworks: Frameworks.None);
    }

    [Fact]
    public async Task AssertionInsideLambdaOrLocalFunction_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public async Task GetModel_EmptyName()
                {
                    Func<Task> check = async () => await Assert.ThrowsAsync<RegistryUnavailableException>(() => new ModelRegistryClient().GetModelAsync(""));
                    await check();
                }
            }

            public class CatalogIntegrationTests
            {
                [Fact]
                public void GetModel_EmptyName()
                {
                    Verify();

                    void Verify() => Assert.Throws<ArgumentException>(() => new ModelRegistryClient().GetModel(""));
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AbstractIntegrationTestClass_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            public abstract class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task IntegrationNamedClassWithoutTestMethods_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Xunit;

            public sealed class RegistryIntegrationTests : IDisposable
            {
                public void GetModel_Works() { }
                public void Dispose() { }
            }

            public sealed class DatabaseFixtureForIntegrationTest { }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UnitTestClass_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            public class RegistryTests
            {
                [Fact]
                public void GetModel_Works() { }
            }

            public class IntegrationTestsForRegistry
            {
                [Fact]
                public void GetModel_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OtherCategoriesAndTraits_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            [Trait("Category", "Unit")]
            public class RegistryTests
            {
                [Fact]
                public void GetModel_Works() { }
            }

            [Trait("Kind", "Integration")]
            public class CatalogTests
            {
                [Fact]
                public void GetModel_Works() { }
            }

            public class LookupTests
            {
                [Fact, Trait("Category", "Integration")]
                public void GetModel_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NUnitAndMSTestOtherCategories_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;

            [Category("Slow")]
            public class RegistryTests
            {
                [Test]
                public void GetModel_Works() { }
            }

            [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
            [Microsoft.VisualStudio.TestTools.UnitTesting.TestCategory("Nightly")]
            public class CatalogTests
            {
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public void GetModel_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InheritedTestNamedForAFailure_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using NUnit.Framework;

            public abstract class StoreContractTests
            {
                [Test]
                public void Read_Fails_WhenTheStoreIsDown() { }
            }

            public sealed class SqlStoreIntegrationTests : StoreContractTests
            {
                [Test]
                public void Read_Works() { }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InheritedTestAssertingAnExceptionInTheSameProject_DoesNotReport()
    {
        var test = CreateTest(
            /* lang=c#-test */ """
            public sealed class SqlStoreIntegrationTests : StoreContractTests
            {
                protected override void Read() => throw new System.InvalidOperationException();
            }
            """);
        test.TestState.Sources.Add(("/0/StoreContractTests.cs", /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Xunit;

            public abstract class StoreContractTests
            {
                [Fact]
                public async Task Read_Works() => await Xunit.Assert.ThrowsAsync<System.InvalidOperationException>(() => Task.Run(Read));

                protected abstract void Read();
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InheritedTestFromAnotherAssemblyNamedForAFailure_DoesNotReport()
    {
        var library = await TestCompilations.EmitAsync(
            """
            using Xunit;
            public abstract class StoreContractTests
            {
                [Fact]
                public void Read_Throws_WhenTheStoreIsDown() { }
            }
            """,
            TestFrameworkReferences.Xunit);
        var test = CreateTest("public sealed class SqlStoreIntegrationTests : StoreContractTests { }");
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PartialClassWithFailureTestInTheOtherPart_DoesNotReport()
    {
        var test = CreateTest(
            /* lang=c#-test */ """
            using Xunit;

            public partial class RegistryIntegrationTests
            {
                [Fact]
                public void Lookup_Works() { }
            }
            """);
        test.TestState.Sources.Add(("/0/Test1.cs", /* lang=c#-test */ """
            using System;
            using Xunit;

            public partial class RegistryIntegrationTests
            {
                [Fact]
                public void Lookup_EmptyName() => Assert.Throws<ArgumentException>(() => new Registry.ModelRegistryClient().GetModel(""));
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task OverriddenTestMethodAssertingAnException_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Xunit;

            public abstract class StoreContractTests
            {
                [Fact]
                public virtual void Read_Works() { }
            }

            public sealed class SqlStoreIntegrationTests : StoreContractTests
            {
                public override void Read_Works() => Assert.Throws<InvalidOperationException>(() => Read());

                private static void Read() => throw new InvalidOperationException();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NoTestFrameworkReferenced_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;

            namespace MyTests
            {
                public sealed class FactAttribute : Attribute { }

                public class RegistryIntegrationTests
                {
                    [Fact]
                    public void GetModel_Works() { }
                }
            }
            """;
        await VerifyAsync(source, frameworks: Frameworks.None);
    }

    [Fact]
    public async Task GeneratedIntegrationTestClass_DoesNotReport()
    {
        var test = CreateTest(string.Empty);
        test.TestState.Sources.Add(("/0/RegistryIntegrationTests.g.cs", /* lang=c#-test */ """
            // <auto-generated/>
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_Works() { }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CSharp73_FailureTest_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Registry;
            using NUnit.Framework;

            public class RegistryIntegrationTests
            {
                [Test]
                public void GetModel_Works() { }

                [Test]
                public void GetModel_EmptyName()
                {
                    Assert.Throws(typeof(ArgumentException), delegate { new ModelRegistryClient().GetModel(""); });
                }
            }
            """;
        await VerifyAsync(source, languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task TestThatCatchesAndRecordsTheFailure_Covers_ASwallowOrRethrowOnlyDoesNot()
    {
        // Real-code hunt: duplicati's parity test provokes corruption and records it in a catch
        // (`catch (Exception) { detected = true; }`): a failure-path test without a keyword or an assertion API. A catch
        // that swallows, logs and rethrows, returns or skips (ai-dev-gallery's `Assert.Inconclusive` when the network is
        // down) checks nothing.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class ParityIntegrationTests
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task BackupDetectsCorruptedArchive()
                {
                    var detected = false;
                    try { await _client.GetModelAsync(""); } catch (Exception) { detected = true; }
                    Assert.True(detected);
                }
            }

            public sealed class {|#0:CleanupIntegrationTests|}
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task GetModel_ReturnsTheModel()
                {
                    try { Assert.Equal("gpt", await _client.GetModelAsync("gpt")); } catch { throw; }
                    try { await _client.GetModelAsync("warm"); } catch { }
                    try { await _client.GetModelAsync("log"); } catch (Exception ex) { Console.WriteLine(ex); throw; }
                    try { await _client.GetModelAsync("skip"); } catch (TimeoutException) { return; }
                    try { await _client.GetModelAsync("net"); } catch (InvalidOperationException ex) { Skip(ex.Message); }
                    try { await _client.GetModelAsync("hub"); } catch (ArgumentException ex) { Microsoft.VisualStudio.TestTools.UnitTesting.Assert.Inconclusive(ex.Message); }
                    try { await _client.GetModelAsync("io"); } catch (System.IO.IOException ex) { Assert.Fail("should not throw: " + ex.Message); }
                    try { await _client.GetModelAsync("ok"); } catch (Exception ex) { Console.WriteLine(ex); Assert.True(true); }
                }

                private static void Skip(string reason) => Console.WriteLine(reason);
            }
            """;
        await VerifyAsync(source, expected: Verify.Diagnostic().WithLocation(0).WithArguments("CleanupIntegrationTests"));
    }

    /// <summary>The class marked <c>{|#0:Name|}</c> in <paramref name="source"/> is reported, or nothing is.</summary>
    private static Task VerifyReportedOrNotAsync(string source, string className, bool reported)
        => reported
            ? VerifyAsync(source, expected: Verify.Diagnostic().WithLocation(0).WithArguments(className))
            : VerifyAsync(source.Replace("{|#0:" + className + "|}", className, System.StringComparison.Ordinal));

    [Theory]
    [InlineData("try { await _client.GetModelAsync(\"\"); Assert.Fail(\"expected a failure\"); } catch (HttpRequestException) { }", false)]
    [InlineData("try { await _client.GetModelAsync(\"\"); Assert.True(false, \"expected a failure\"); } catch (System.TimeoutException ex) { Console.WriteLine(ex); }", false)]
    [InlineData("try { await _client.GetModelAsync(\"\"); Assert.Fail(\"expected\"); } catch (Exception) { }", true)] // catches the assertion's own failure too
    [InlineData("try { Assert.Fail(\"expected\"); } catch (HttpRequestException) { }", true)] // nothing called before it
    [InlineData("try { await _client.GetModelAsync(\"\"); Assert.Fail(\"expected\"); } catch (HttpRequestException) { throw; }", true)]
    public async Task ExpectedExceptionIdiom_TryCallAssertFailCatchTheType_Covers(string body, bool reported)
    {
        // A fix-shapes round: the idiom older suites wrote before Assert.Throws — call, `Assert.Fail` after it in the try, an
        // empty catch of the expected type — passes only when the call throws. Controls: `catch (Exception)`, which swallows
        // the assertion's own failure, a try with nothing before the failing assertion, a handler that rethrows.
        var source = $$"""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class {|#0:MetricsIntegrationTests|}
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task Push_Works() => Assert.Equal("gpt", await _client.GetModelAsync("gpt"));

                [Fact]
                public async Task Push_SecondCase()
                {
                    {{body}}
                }
            }
            """;
        await VerifyReportedOrNotAsync(source, "MetricsIntegrationTests", reported);
    }

    [Theory]
    [InlineData("[Fact(Skip = \"flaky\")]", true)]
    [InlineData("[Fact(Skip = \"\")]", false)] // an empty reason runs the test
    [InlineData("[Fact]", false)]
    public async Task SkippedFailurePathTest_DoesNotCover(string attribute, bool reported)
    {
        // A fix-shapes round: the class's only failure-path test was `[Fact(Skip = "flaky")]`, which never runs.
        var source = $$"""
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class {|#0:CacheIntegrationTests|}
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task Get_Works() => Assert.Equal("gpt", await _client.GetModelAsync("gpt"));

                {{attribute}}
                public async Task Get_WhenCacheUnavailable_Fails() => await Assert.ThrowsAsync<System.Exception>(() => _client.GetModelAsync(""));
            }
            """;
        await VerifyReportedOrNotAsync(source, "CacheIntegrationTests", reported);
    }

    [Theory]
    [InlineData("handles_multiple_attempts_until_deadlettered")]
    [InlineData("PoisonMessage_IsForwarded")]
    [InlineData("RestoreFromCorruptedArchive")]
    [InlineData("ExpiredLease_IsTakenOver")]
    public async Task FailureVocabularyOfMessagingAndStorage_Covers(string name)
    {
        // Real-code hunt (wolverine, duplicati): dead letters, poison messages, corruption and expiry are failure paths.
        // (Retry and Recover are not: `Get_WithRetryPolicyConfigured_ReturnsModel` is a happy path.)
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Registry;
            using Xunit;

            public sealed class QueueIntegrationTests
            {
                private readonly ModelRegistryClient _client = new ModelRegistryClient();

                [Fact]
                public async Task NAME() => Assert.Equal("gpt", await _client.GetModelAsync("gpt"));
            }
            """.Replace("NAME", name);
        await VerifyAsync(source);
    }
}
