using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>The new local's type follows the file's <c>csharp_style_var_*</c> preference (shared LocalTypes).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Theory]
    [InlineData("csharp_style_var_elsewhere = false:warning", "ValidationResult validation")]
    [InlineData("csharp_style_var_elsewhere = false", "ValidationResult validation")]
    [InlineData("csharp_style_var_elsewhere = true:warning", "var validation")]
    [InlineData("csharp_style_var_when_type_is_apparent = false:warning", "var validation")] // a call's result is not apparent
    [InlineData("csharp_style_var_for_built_in_types = false:warning", "var validation")]
    public async Task ReturnFallback_ExplicitTypesPreferred_DeclaresTheResultType(string editorConfig, string declaration)
    {
        // An independent consumer's `csharp_style_var_elsewhere = false` (IDE0008 as a warning, EnforceCodeStyleInBuild):
        // the fix's `var validation` added a warning to a clean build.
        var source = Generator("""
                    await [|_validator.ValidateAsync(story)|];
            """);
        var fixedSource = Generator($$"""
                    {{declaration}} = await _validator.ValidateAsync(story);
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback, editorConfig: editorConfig);
    }

    [Fact]
    public async Task ReturnFallback_OutDiscard_ExplicitTypesPreferred_DeclaresTheOutType()
    {
        var source = ReportGenerator("""
                    [|_reports.Validate(story, out _)|]; // screened
            """);
        var fixedSource = ReportGenerator("""
                    _reports.Validate(story, out ValidationReport validation); // screened
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """);
        await VerifyReportFixAsync(source, fixedSource, Fallback, editorConfig: "csharp_style_var_elsewhere = false:suggestion");
    }

    [Fact]
    public async Task ReturnFallback_ExplicitTypesPreferred_TypeFromANamespaceNotImported_AddsTheUsing()
    {
        const string Screening = "\nnamespace Screening\n{\n    public sealed class Verdict { public bool IsValid { get; set; } }\n\n    public interface IScreen { Verdict Validate(string story); }\n}\n";
        var source = Generator("""
                    [|_screen.Validate(story)|];
            """, members: "    private readonly Screening.IScreen _screen;\n") + Screening;
        var fixedSource = Generator("""
                    Verdict validation = _screen.Validate(story);
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """, members: "    private readonly Screening.IScreen _screen;\n").Replace("using Domain;\n", "using Domain;\nusing Screening;\n", System.StringComparison.Ordinal) + Screening;
        await VerifyFixAsync(source, fixedSource, Fallback, editorConfig: "csharp_style_var_elsewhere = false:warning");
    }
}
