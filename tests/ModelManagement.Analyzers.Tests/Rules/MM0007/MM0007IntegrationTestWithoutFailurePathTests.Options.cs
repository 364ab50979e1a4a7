using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0007IntegrationTestWithoutFailurePathAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0007;

/// <summary>MM0007 .editorconfig options: each key on and off, bad values ignored.</summary>
public sealed partial class MM0007IntegrationTestWithoutFailurePathTests
{
    private const string DegradeNamedSource = /* lang=c#-test */ """
        using Xunit;

        public class {|#0:RegistryIntegrationTests|}
        {
            [Fact]
            public void GetModel_Works() { }

            [Fact]
            public void GetModel_DegradesOnce() { }
        }

        public class {|#1:CatalogIntegrationTests|}
        {
            [Fact]
            public void List_Works() { }

            [Fact]
            public void List_WhenTheCatalogIsDown_UsesTheFallbackList() { }
        }

        public class CacheIntegrationTests
        {
            [Fact]
            public void Get_Works() => Assert.Throws<System.ArgumentException>(() => Get(""));

            private static void Get(string key) => throw new System.ArgumentException(nameof(key));
        }
        """;

    [Fact]
    public async Task NoOptions_DefaultWordsApply()
        => await VerifyAsync(DegradeNamedSource, expected: Verify.Diagnostic().WithLocation(0).WithArguments("RegistryIntegrationTests"));

    [Fact]
    public async Task AdditionalWords_AddToTheDefaults()
        => await VerifyAsync(DegradeNamedSource, editorConfig: "mm0007.additional_failure_path_name_words = Degrades");

    [Fact]
    public async Task Words_ReplaceTheDefaults()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = degrades",
            expected: Verify.Diagnostic().WithLocation(1).WithArguments("CatalogIntegrationTests"));

    [Fact]
    public async Task WordsNone_OnlyExceptionAssertionsCover()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = none",
            expected: new[]
            {
                Verify.Diagnostic().WithLocation(0).WithArguments("RegistryIntegrationTests"),
                Verify.Diagnostic().WithLocation(1).WithArguments("CatalogIntegrationTests"),
            });

    [Fact]
    public async Task ReplacedAndAdditionalWords_Combine()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = Outage\nmm0007.additional_failure_path_name_words = Degrades, IsDown",
            expected: System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());

    [Fact]
    public async Task ReplacedWords_DropTheDefaults()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = Outage\nmm0007.additional_failure_path_name_words = Degrades",
            expected: Verify.Diagnostic().WithLocation(1).WithArguments("CatalogIntegrationTests"));

    [Fact]
    public async Task BadValues_AreIgnored()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = time-out, !!, (\nmm0007.additional_failure_path_name_words = ,, ,",
            expected: Verify.Diagnostic().WithLocation(0).WithArguments("RegistryIntegrationTests"));

    [Fact]
    public async Task PartlyBadList_KeepsTheValidEntries()
        => await VerifyAsync(
            DegradeNamedSource,
            editorConfig: "mm0007.failure_path_name_words = re-try, Degrades",
            expected: Verify.Diagnostic().WithLocation(1).WithArguments("CatalogIntegrationTests"));

    [Fact]
    public async Task OptionsOfAnotherFolder_DoNotApply()
    {
        var test = CreateTest(DegradeNamedSource);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("RegistryIntegrationTests"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[other/**.cs]\nmm0007.additional_failure_path_name_words = Degrades\n"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
