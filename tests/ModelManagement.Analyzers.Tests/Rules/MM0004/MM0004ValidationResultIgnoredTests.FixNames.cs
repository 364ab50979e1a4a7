using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>The new local's name (shared UniqueNames.TakenAt): <c>validation</c> unless it would clash or capture a use.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task ReturnFallback_NameDeclaredOnlyInASiblingBlock_KeepsValidation(LanguageVersion languageVersion)
    {
        // Was validation1: the name was avoided wherever the member declared it.
        var source = Generator("""
                    if (seed.Length == 0)
                    {
                        var validation = "empty";
                        Console.WriteLine(validation);
                    }
                    else
                    {
                        await [|_validator.ValidateAsync(story)|];
                    }
            """);
        var fixedSource = Generator("""
                    if (seed.Length == 0)
                    {
                        var validation = "empty";
                        Console.WriteLine(validation);
                    }
                    else
                    {
                        var validation = await _validator.ValidateAsync(story);
                        if (!validation.IsValid)
                        {
                            return await FallbackAsync(seed);
                        }
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback, languageVersion);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task ReturnFallback_FieldNamedValidationUsedInTheBlock_PicksAnotherName(LanguageVersion languageVersion)
    {
        var source = Generator("""
                    await [|_validator.ValidateAsync(story)|];
                    story += validation;
            """, members: "    private readonly string validation = \"checked\";\n");
        var fixedSource = Generator("""
                    var validation1 = await _validator.ValidateAsync(story);
                    if (!validation1.IsValid)
                    {
                        return await FallbackAsync(seed);
                    }

                    story += validation;
            """, members: "    private readonly string validation = \"checked\";\n");
        await VerifyFixAsync(source, fixedSource, Fallback, languageVersion);
    }
}
