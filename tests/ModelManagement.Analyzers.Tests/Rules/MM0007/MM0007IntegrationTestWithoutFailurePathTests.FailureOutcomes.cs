using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0007IntegrationTestWithoutFailurePathAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0007;

/// <summary>
/// MM0007: an assertion expecting a failure outcome — an HTTP failure status, a gRPC status other than OK, an ASP.NET Core
/// <c>StatusCodes</c> 4xx/5xx constant, an enum member named for a failure — covers a failure path, the way HTTP
/// integration tests check a rejection (triage FP7: microsoft-identity-web's signing-key issuer test asserts
/// <c>HttpStatusCode.Unauthorized</c>). A success status, a status outside an assertion and a constant that is no enum
/// member do not.
/// </summary>
public sealed partial class MM0007IntegrationTestWithoutFailurePathTests
{
    private const string StatusStandIns = /* lang=c#-test */ """
        namespace Microsoft.AspNetCore.Http
        {
            public static class StatusCodes
            {
                public const int Status200OK = 200;
                public const int Status404NotFound = 404;
                public const int Status429TooManyRequests = 429;
            }
        }

        namespace Grpc.Core
        {
            public enum StatusCode { OK = 0, Cancelled = 1, NotFound = 5, Unavailable = 14 }
        }

        public static class Limits
        {
            public const int DefaultTimeout = 30;
        }

        public sealed class Outcome
        {
            public bool Succeeded { get; set; }
            public bool Success { get; set; }
            public bool Ok { get; set; }
            public bool Passed { get; set; }
            public bool IsSuccess() => Succeeded;
            public bool IsEmpty() => true;
        }
        """;

    [Theory]
    [InlineData("Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);")]
    [InlineData("Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);")] // 502: no failure word, a failure status
    [InlineData("Assert.Equal((HttpStatusCode)503, response.StatusCode);")]
    [InlineData("Assert.True(response.StatusCode == HttpStatusCode.NotFound);")]
    [InlineData("Assert.Equal(404, (int)response.StatusCode);")]
    [InlineData("Assert.Equal(StatusCodes.Status429TooManyRequests, (int)response.StatusCode);")]
    [InlineData("Assert.Equal(StatusCode.Unavailable, grpcStatus);")]
    [InlineData("Assert.Equal(TaskStatus.Canceled, task.Status);")] // an enum member named for a failure
    [InlineData("Assert.All(new[] { response }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));")]
    [InlineData("Assert.False(response.IsSuccessStatusCode);")] // the 2026-12-06 triage: duplicati's read-only destination test
    [InlineData("Assert.True(!response.IsSuccessStatusCode);")]
    [InlineData("Assert.Equal(false, response.IsSuccessStatusCode);")]
    [InlineData("Assert.False(result.IsSuccess());")] // a triage: braintree's `Assert.IsFalse(result.IsSuccess())`, 166 such tests
    [InlineData("Assert.False(result.Succeeded);")]
    [InlineData("Assert.True(!result.Success);")]
    [InlineData("Assert.False(result.Ok);")] // the success flags MM0004's fix branches on: Ok, Passed
    [InlineData("Assert.False(result.Passed);")]
    public async Task XunitAssertionExpectingAFailureOutcome_DoesNotReport(string assertion)
    {
        await VerifyAsync(StatusTestClass("[Fact]", assertion, "Xunit"));
    }

    [Theory]
    [InlineData("Assert.Equal(HttpStatusCode.OK, response.StatusCode);")]
    [InlineData("Assert.Equal(HttpStatusCode.Created, response.StatusCode);")]
    [InlineData("Assert.Equal((HttpStatusCode)302, response.StatusCode);")]
    [InlineData("Assert.Equal(200, (int)response.StatusCode);")]
    [InlineData("Assert.Equal(404, System.Environment.ProcessorCount);")] // a 4xx number, but no status code read
    [InlineData("Assert.Equal(StatusCodes.Status200OK, (int)response.StatusCode);")]
    [InlineData("Assert.Equal(StatusCode.OK, grpcStatus);")]
    [InlineData("Assert.Equal(Limits.DefaultTimeout, 30);")] // a constant named for a failure word, no enum member
    [InlineData("if (response.StatusCode == HttpStatusCode.NotFound) { return; } Assert.NotNull(response);")] // not asserted
    [InlineData("var expected = HttpStatusCode.NotFound; Assert.Equal(expected, response.StatusCode);")] // a local is not followed
    [InlineData("Xunit.Abstractions.ITestOutputHelper output = null; output?.WriteLine($\"got {HttpStatusCode.NotFound}\"); Assert.NotNull(response);")] // logged, not asserted
    [InlineData("Assert.True(response.IsSuccessStatusCode);")] // the happy path
    [InlineData("Assert.Equal(true, response.IsSuccessStatusCode);")]
    [InlineData("if (!response.IsSuccessStatusCode) { return; } Assert.NotNull(response);")] // read, not asserted
    [InlineData("Assert.False(response.Content is null);")] // false expected of something else
    [InlineData("Assert.True(result.IsSuccess());")] // a result's success
    [InlineData("Assert.False(result.IsEmpty());")] // false expected of a flag that is no success
    public async Task XunitAssertionExpectingASuccessOrNoOutcome_Reports(string assertion)
    {
        await VerifyAsync(
            StatusTestClass("[Fact]", assertion, "Xunit"),
            expected: Verify.Diagnostic().WithLocation(0).WithArguments("GatewayIntegrationTests"));
    }

    [Theory]
    [InlineData("[NUnit.Framework.Test]", "NUnit.Framework.Assert.That(response.StatusCode, NUnit.Framework.Is.EqualTo(HttpStatusCode.NotFound));", "NUnit.Framework")]
    [InlineData("[TestMethod]", "Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);", "Microsoft.VisualStudio.TestTools.UnitTesting")]
    [InlineData("[Xunit.Fact]", "response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);", "FluentAssertions")]
    [InlineData("[Xunit.Fact]", "((int)response.StatusCode).Should().Be(500);", "FluentAssertions")]
    [InlineData("[NUnit.Framework.Test]", "NUnit.Framework.Assert.That(response.IsSuccessStatusCode, NUnit.Framework.Is.False, \"A read-only test should fail\");", "NUnit.Framework")]
    [InlineData("[NUnit.Framework.Test]", "NUnit.Framework.Legacy.ClassicAssert.IsFalse(response.IsSuccessStatusCode);", "NUnit.Framework")]
    [InlineData("[TestMethod]", "Assert.IsFalse(response.IsSuccessStatusCode);", "Microsoft.VisualStudio.TestTools.UnitTesting")]
    [InlineData("[Xunit.Fact]", "response.IsSuccessStatusCode.Should().BeFalse();", "FluentAssertions")]
    [InlineData("[TestMethod]", "Assert.IsFalse(result.IsSuccess());", "Microsoft.VisualStudio.TestTools.UnitTesting")]
    [InlineData("[Xunit.Fact]", "result.Success.Should().BeFalse();", "FluentAssertions")]
    public async Task OtherFrameworksAssertionExpectingAFailureOutcome_DoesNotReport(string attribute, string assertion, string framework)
    {
        await VerifyAsync(StatusTestClass(attribute, assertion, framework));
    }

    [Theory]
    [InlineData("[NUnit.Framework.Test]", "NUnit.Framework.Assert.That(response.StatusCode, NUnit.Framework.Is.EqualTo(HttpStatusCode.OK));", "NUnit.Framework")]
    [InlineData("[Xunit.Fact]", "response.StatusCode.Should().Be(HttpStatusCode.Accepted);", "FluentAssertions")]
    [InlineData("[NUnit.Framework.Test]", "NUnit.Framework.Assert.That(response.IsSuccessStatusCode, NUnit.Framework.Is.True);", "NUnit.Framework")]
    [InlineData("[Xunit.Fact]", "response.IsSuccessStatusCode.Should().BeTrue();", "FluentAssertions")]
    public async Task OtherFrameworksAssertionExpectingSuccess_Reports(string attribute, string assertion, string framework)
    {
        await VerifyAsync(
            StatusTestClass(attribute, assertion, framework),
            expected: Verify.Diagnostic().WithLocation(0).WithArguments("GatewayIntegrationTests"));
    }

    [Theory]
    [InlineData("Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);", false)]
    [InlineData("Assert.Equal(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, (int)response.StatusCode);", false)]
    [InlineData("response.StatusCode.Should().Be(HttpStatusCode.Conflict);", false)]
    [InlineData("Assert.Equal(HttpStatusCode.OK, response.StatusCode);", true)]
    [InlineData("var status = HttpStatusCode.NotFound; Assert.NotNull(response);", true)]
    [InlineData("Assert.False(response.IsSuccessStatusCode);", false)]
    [InlineData("response.IsSuccessStatusCode.Should().BeFalse();", false)]
    [InlineData("Assert.True(response.IsSuccessStatusCode);", true)]
    [InlineData("Assert.False(new Outcome().IsSuccess());", false)] // a result object's success flag, read from syntax
    [InlineData("new Outcome().Success.Should().BeFalse();", false)]
    [InlineData("Assert.True(new Outcome().IsSuccess());", true)]
    [InlineData("Assert.False(new Outcome().IsEmpty());", true)]
    public async Task InheritedTestInTheSameProject_IsReadForAFailureOutcome(string assertion, bool reports)
    {
        // An inherited body is read from its syntax: the same outcomes, as written.
        var test = CreateTest(
            /* lang=c#-test */ """
            public sealed class {|#0:GatewayIntegrationTests|} : GatewayContractTests
            {
            }
            """);
        test.TestState.Sources.Add(("/0/GatewayContractTests.cs", """
            using System.Net;
            using System.Net.Http;
            using FluentAssertions;
            using Xunit;

            public abstract class GatewayContractTests
            {
                [Fact]
                public void Get_Works()
                {
                    var response = new HttpResponseMessage(HttpStatusCode.OK);
                    ASSERTION
                }
            }
            """.Replace("ASSERTION", assertion) + StatusStandIns));
        if (reports)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("GatewayIntegrationTests"));
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static string StatusTestClass(string attribute, string assertion, string framework) => """
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Grpc.Core;
        using FRAMEWORK;

        public sealed class {|#0:GatewayIntegrationTests|}
        {
            ATTRIBUTE
            public void Get_ReturnsTheModel()
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK);
                var grpcStatus = StatusCode.OK;
                var task = Task.CompletedTask;
                var result = new Outcome();
                ASSERTION
            }
        }

        """.Replace("FRAMEWORK", framework).Replace("ATTRIBUTE", attribute).Replace("ASSERTION", assertion) + StatusStandIns;
}
