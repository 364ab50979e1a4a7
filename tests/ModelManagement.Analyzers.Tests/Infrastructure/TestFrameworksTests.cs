using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>TestFrameworks against the real xunit, NUnit and MSTest assemblies (and a TUnit-shaped stub).</summary>
public sealed class TestFrameworksTests
{
    [Fact]
    public async Task NoTestFramework_CreatesNothing()
    {
        var compilation = await CompileAsync("class C { void M() { } }", ImmutableArray<MetadataReference>.Empty);
        Assert.Null(TestFrameworks.Create(compilation));
    }

    [Fact]
    public async Task Xunit_FactAndTheory_AreTestMethods()
    {
        var compilation = await CompileAsync(
            """
            using Xunit;
            public class OrderTests
            {
                [Fact] public void Fact() { }
                [Theory, InlineData(1)] public void Theory(int x) { }
                [Trait("Category", "Unit")] public void TraitOnly() { }
                public void Helper() { }
            }
            """,
            TestFrameworkReferences.Xunit);
        var frameworks = Create(compilation);
        var type = compilation.GetTypeByMetadataName("OrderTests")!;
        Assert.True(frameworks.IsTestMethod(Method(type, "Fact")));
        Assert.True(frameworks.IsTestMethod(Method(type, "Theory")));
        Assert.False(frameworks.IsTestMethod(Method(type, "TraitOnly")));
        Assert.False(frameworks.IsTestMethod(Method(type, "Helper")));
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(type));
    }

    [Fact]
    public async Task NUnit_TestTestCaseTestCaseSourceAndTheory_AreTestMethods()
    {
        var compilation = await CompileAsync(
            """
            using System.Collections.Generic;
            using NUnit.Framework;
            public class OrderTests
            {
                static IEnumerable<int> Cases() { yield return 1; }
                [Test] public void Test() { }
                [TestCase(1)] public void TestCase(int x) { }
                [TestCaseSource(nameof(Cases))] public void Source(int x) { }
                [Theory] public void Theory(int x) { }
                [SetUp] public void SetUp() { }
                [Category("Integration")] public void CategoryOnly() { }
            }
            """,
            TestFrameworkReferences.NUnit);
        var frameworks = Create(compilation);
        var type = compilation.GetTypeByMetadataName("OrderTests")!;
        Assert.True(frameworks.IsTestMethod(Method(type, "Test")));
        Assert.True(frameworks.IsTestMethod(Method(type, "TestCase")));
        Assert.True(frameworks.IsTestMethod(Method(type, "Source")));
        Assert.True(frameworks.IsTestMethod(Method(type, "Theory")));
        Assert.False(frameworks.IsTestMethod(Method(type, "SetUp")));
        Assert.False(frameworks.IsTestMethod(Method(type, "CategoryOnly")));
        Assert.False(frameworks.IsTestMethod(Method(type, "Cases")));
    }

    [Fact]
    public async Task MSTest_TestMethodAndDataTestMethod_AreTestMethods()
    {
        var compilation = await CompileAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            [TestClass]
            public class OrderTests
            {
                [TestMethod] public void Test() { }
                [DataTestMethod, DataRow(1)] public void Data(int x) { }
                [TestInitialize] public void Init() { }
            }
            """,
            TestFrameworkReferences.MSTest);
        var frameworks = Create(compilation);
        var type = compilation.GetTypeByMetadataName("OrderTests")!;
        Assert.True(frameworks.IsTestMethod(Method(type, "Test")));
        Assert.True(frameworks.IsTestMethod(Method(type, "Data")));
        Assert.False(frameworks.IsTestMethod(Method(type, "Init")));
    }

    [Fact]
    public async Task TUnit_TestAttribute_IsATestMethod()
    {
        var compilation = await CompileAsync(
            """
            namespace TUnit.Core { public class TestAttribute : System.Attribute { } }
            public class OrderTests { [TUnit.Core.Test] public void Test() { } public void Helper() { } }
            """,
            ImmutableArray<MetadataReference>.Empty);
        var frameworks = Create(compilation);
        var type = compilation.GetTypeByMetadataName("OrderTests")!;
        Assert.True(frameworks.IsTestMethod(Method(type, "Test")));
        Assert.False(frameworks.IsTestMethod(Method(type, "Helper")));
    }

    [Fact]
    public async Task CustomSubclassOfFact_IsATestAttribute()
    {
        var compilation = await CompileAsync(
            """
            using Xunit;
            public sealed class IntegrationFactAttribute : FactAttribute { }
            public class OrderTests { [IntegrationFact] public void Test() { } }
            """,
            TestFrameworkReferences.Xunit);
        var frameworks = Create(compilation);
        Assert.True(frameworks.IsTestAttribute(compilation.GetTypeByMetadataName("IntegrationFactAttribute")!));
        Assert.True(frameworks.IsTestMethod(Method(compilation.GetTypeByMetadataName("OrderTests")!, "Test")));
        Assert.False(frameworks.IsTestAttribute(compilation.GetTypeByMetadataName("Xunit.TraitAttribute")!));
    }

    [Fact]
    public async Task OverrideOfTestMethod_IsATestMethod()
    {
        var compilation = await CompileAsync(
            """
            using Xunit;
            public abstract class ContractTests { [Fact] public virtual void Roundtrip() { } public virtual void Helper() { } }
            public sealed class SqlContractTests : ContractTests { public override void Roundtrip() { } public override void Helper() { } }
            """,
            TestFrameworkReferences.Xunit);
        var frameworks = Create(compilation);
        var type = compilation.GetTypeByMetadataName("SqlContractTests")!;
        Assert.True(frameworks.IsTestMethod(Method(type, "Roundtrip")));
        Assert.False(frameworks.IsTestMethod(Method(type, "Helper")));
    }

    [Fact]
    public async Task InheritedTestMethod_FromSourceAndGenericBase_Counts()
    {
        var compilation = await CompileAsync(
            """
            using NUnit.Framework;
            public abstract class ApiTestBase<TClient> { [Test] public void Ping() { } }
            public class MiddleTests : ApiTestBase<string> { }
            public sealed class OrderTests : MiddleTests { }
            public class Plain { public void Test() { } }
            public sealed class PlainChild : Plain { }
            public struct Value { }
            public interface IContract { [Test] void Test(); }
            """,
            TestFrameworkReferences.NUnit);
        var frameworks = Create(compilation);
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("OrderTests")!));
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("MiddleTests")!));
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("ApiTestBase`1")!));
        Assert.False(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("PlainChild")!));
        Assert.False(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("Value")!));
        Assert.False(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("IContract")!));

        // Answers are cached: asking again gives the same answer.
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("OrderTests")!));
    }

    [Fact]
    public async Task InheritedTestMethod_FromMetadataBase_Counts()
    {
        var library = await CompileAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            public abstract class SharedContractTests { [TestMethod] public void Roundtrip() { } }
            """,
            TestFrameworkReferences.MSTest);
        var libraryReference = library.ToMetadataReference();
        var compilation = await CompileAsync(
            "public sealed class SqlContractTests : SharedContractTests { }",
            TestFrameworkReferences.MSTest.Add(libraryReference));
        var frameworks = Create(compilation);
        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("SqlContractTests")!));
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var compilation = await CompileAsync(
            """
            using Xunit;
            public class A : B { [Fact] public void }
            public class B : A { [Missing] public void M() { } [Fact( public void N(
            """,
            TestFrameworkReferences.Xunit);
        var frameworks = Create(compilation);
        foreach (var type in compilation.GlobalNamespace.GetTypeMembers())
        {
            frameworks.DeclaresOrInheritsTestMethod(type);
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                frameworks.IsTestMethod(method);
            }
        }

        Assert.True(frameworks.DeclaresOrInheritsTestMethod(compilation.GetTypeByMetadataName("B")!));
    }

    private static TestFrameworks Create(Compilation compilation)
    {
        var frameworks = TestFrameworks.Create(compilation);
        Assert.NotNull(frameworks);
        return frameworks!;
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();

    private static async Task<Compilation> CompileAsync(string source, ImmutableArray<MetadataReference> references)
        => await TestCompilations.CompileAsync(source, references);
}
