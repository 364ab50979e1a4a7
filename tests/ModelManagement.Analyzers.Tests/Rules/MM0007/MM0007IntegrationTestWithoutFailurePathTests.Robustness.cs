using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Rules.MM0007;

/// <summary>MM0007 on half-typed code: never an analyzer exception (AD0001), and still a sensible answer.</summary>
public sealed partial class MM0007IntegrationTestWithoutFailurePathTests
{
    [Theory]
    [InlineData("using Xunit; public class RegistryIntegrationTests { [Fact] public void GetModel_Works() { Assert.Throws<")]
    [InlineData("using Xunit; public class RegistryIntegrationTests { [Fact( public void GetModel_Works(")]
    [InlineData("using Xunit; [Trait(\"Category\", ] public class RegistryTests { [Fact] public void Works() { } }")]
    [InlineData("using Xunit; [Trait(null, null)] public class RegistryTests { [Fact] public void Works() { } }")]
    [InlineData("using NUnit.Framework; [Category] public class RegistryTests { [Test] public void Works() { } }")]
    [InlineData("using NUnit.Framework; [Category(42)] public class RegistryTests { [Test] public void Works() { } }")]
    [InlineData("using NUnit.Framework; public class RegistryIntegrationTests : Missing { [Test] public void Works() { Throws. } }")]
    [InlineData("using Xunit; public class A : B { [Fact] public void Works() { } } public class BIntegrationTests : A { }")]
    [InlineData("using Xunit; public class RegistryIntegrationTests { [Fact] public void Works() => Record.Exception(; }")]
    [InlineData("using Xunit; public class RegistryIntegrationTests { [Fact] public void () { } [Fact] void")]
    [InlineData("using Microsoft.VisualStudio.TestTools.UnitTesting; [TestCategory()] public class RegistryTests { [TestMethod] public void Works() { Assert.ThrowsException<>(); } }")]
    [InlineData("using FluentAssertions; using Xunit; public class RegistryIntegrationTests { [Fact] public void Works() { ((System.Action)null).Should().")]
    [InlineData("public class RegistryIntegrationTests<")]
    [InlineData("[Xunit.Fact] public class RegistryIntegrationTests { }")]
    public async Task HalfTypedCode_NeverThrows(string source)
    {
        var references = new MetadataReferenceCollection();
        AddFrameworks(references, Frameworks.All);
        var compilation = await TestCompilations.CompileAsync(source, references.ToImmutableArray(), "HalfTyped");
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MM0007IntegrationTestWithoutFailurePathAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);

        // Whatever the rule decides about broken code is fine; an analyzer exception (AD0001) is not.
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task HalfTypedClassWithHappyPathTest_StillReports()
    {
        var source = /* lang=c#-test */ """
            using Xunit;

            public class [|RegistryIntegrationTests|]
            {
                [Fact]
                public void GetModel_Works()
                {
                    var x = 
                }
            }
            """;
        var test = CreateTest(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HalfTypedAssertion_StillCovers()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public void GetModel_Works()
                {
                    Assert.Throws<ArgumentException>(() => 
                }
            }
            """;
        var test = CreateTest(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AssertionWhoseLambdaDoesNotBind_StillCovers()
    {
        // The csharp-sdk's HttpTaskIntegrationTests without xunit v3: `TestContext` is unknown, so the lambda does not
        // bind and neither does the call; its candidate is still the exception assertion.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Xunit;

            public class RegistryIntegrationTests
            {
                [Fact]
                public async Task Get_Unknown_Rejects()
                {
                    await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(TestContext.Current.CancellationToken).AsTask());
                }

                private static ValueTask<int> CallAsync(CancellationToken cancellationToken) => default;
            }
            """;
        var test = CreateTest(source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }
}
