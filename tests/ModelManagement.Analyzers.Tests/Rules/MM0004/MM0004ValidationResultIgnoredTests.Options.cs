using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>MM0004 .editorconfig options (each key on and off, bad values ignored), language versions, nullable, broken code.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private const string OptionsSource = /* lang=c#-test */ """
        using System;

        namespace MyCompany.Safety
        {
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class GuardrailAttribute : Attribute { }

            public sealed class Verdict { public bool Passed { get; set; } public bool IsValid { get; set; } }

            public static class Checks
            {
                public static bool ValidateLength(string s) => s.Length > 0;
                public static bool CheckTone(string s) => s.Length > 0;
                [Guardrail] public static int Screen(string s) => s.Length;
                public static Verdict Judge(string s) => new Verdict();
                public static int Audit(string s) => s.Length;
            }

            public static class Caller
            {
                public static string Run(string s)
                {
                    {|#0:Checks.ValidateLength(s)|};
                    {|#1:Checks.CheckTone(s)|};
                    {|#2:Checks.Screen(s)|};
                    {|#3:Checks.Judge(s)|};
                    {|#4:Checks.Audit(s)|};
                    return s;
                }
            }
        }
        """;

    private static readonly string[] OptionsSourceCalls =
    {
        "Checks.ValidateLength", "Checks.CheckTone", "Checks.Screen", "Checks.Judge", "Checks.Audit",
    };

    private static DiagnosticResult At(int location)
        => Verify.Diagnostic().WithLocation(location).WithArguments(OptionsSourceCalls[location]);

    [Fact]
    public async Task NoOptions_ReportsOnlyDefaultMatches()
        => await VerifyAsync(OptionsSource, editorConfig: null, expected: new[] { At(0), At(3) });

    [Fact]
    public async Task AdditionalMethodPrefixes_AddToTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0004.additional_validator_method_prefixes = Check", expected: new[] { At(0), At(1), At(3) });

    [Fact]
    public async Task MethodPrefixes_ReplaceTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0004.validator_method_prefixes = Check", expected: new[] { At(1), At(3) });

    [Fact]
    public async Task AdditionalValidatorAttributes_AcceptNameWithoutSuffix()
        => await VerifyAsync(OptionsSource, "mm0004.additional_validator_attributes = MyCompany.Safety.Guardrail", expected: new[] { At(0), At(2), At(3) });

    [Fact]
    public async Task ValidityMembers_ReplaceTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0004.validity_members = Passed", expected: new[] { At(0), At(3) });

    [Fact]
    public async Task ValidityMembers_WithoutAnyMatchingMember_DropTheTypeForm()
        => await VerifyAsync(OptionsSource, "mm0004.validity_members = IsApproved", expected: new[] { At(0) });

    [Fact]
    public async Task AdditionalValidityMembers_KeepTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0004.additional_validity_members = Passed", expected: new[] { At(0), At(3) });

    [Fact]
    public async Task IncludedSymbols_AddMethods()
        => await VerifyAsync(OptionsSource, "mm0004.included_symbols = MyCompany.Safety.Checks.Audit", expected: new[] { At(0), At(3), At(4) });

    [Fact]
    public async Task ExcludedSymbols_WinOverPrefixAndIncluded()
        => await VerifyAsync(
            OptionsSource,
            "mm0004.included_symbols = M:MyCompany.Safety.Checks.Audit(System.String)\nmm0004.excluded_symbols = MyCompany.Safety.Checks.ValidateLength, MyCompany.Safety.Checks.Audit",
            expected: new[] { At(3) });

    [Fact]
    public async Task ExcludedType_ExcludesAllItsMethods()
        => await VerifyAsync(OptionsSource, "mm0004.excluded_symbols = MyCompany.Safety.Checks", expected: System.Array.Empty<DiagnosticResult>());

    [Fact]
    public async Task BadValues_AreIgnored()
        => await VerifyAsync(OptionsSource, "mm0004.validator_method_prefixes = 1bad, !!\nmm0004.validity_members = ???\nmm0004.excluded_symbols = <<", expected: new[] { At(0), At(3) });

    [Fact]
    public async Task EmptyPrefixList_DisablesTheNameForm()
        => await VerifyAsync(OptionsSource, "mm0004.validator_method_prefixes = none", expected: new[] { At(3) });

    [Fact]
    public async Task DiscardIsIgnoredFalse_AcceptsUnderscoreAssignment()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _ = await _validator.ValidateAsync(story);
                    await [|_validator.ValidateAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source, "mm0004.discard_is_ignored = false");
    }

    [Fact]
    public async Task DiscardIsIgnoredTrue_ReportsUnderscoreAssignment()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _ = [|_validator.Validate(story)|];
                    return story;
            """);
        await VerifyAsync(source, "mm0004.discard_is_ignored = true");
    }

    // ---------------------------------------------------------------- language versions, nullable, broken code

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task LanguageVersions_ReportTheSame(LanguageVersion version)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Service
            {
                private readonly IStoryValidator _validator;
                public Service(IStoryValidator validator) { _validator = validator; }

                public async Task<string> RunAsync(string story)
                {
                    await [|_validator.ValidateAsync(story)|];
                    var kept = _validator.Validate(story);
                    if (!kept.IsValid) { return "fallback"; }
                    var lost = [|_validator.Validate(story)|];
                    return story;
                }
            }
            """;
        await VerifyAsync(source, editorConfig: null, languageVersion: version);
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public async Task NullableContexts_ReportTheSame(NullableContextOptions nullable)
    {
        var source = InMethod("""
                    string? story = await _generator.GenerateAsync(prompt);
                    var verdict = await [|_guardrail.CheckAsync(story!)|];
                    ValidationResult? checkedResult = _validator.Validate(story!);
                    return checkedResult?.IsValid == true ? story! : Fallback();
            """).Replace("private ValidationResult _last;", "private ValidationResult? _last;");
        await VerifyAsync(source, editorConfig: null, nullable: nullable);
    }

    [Fact]
    public async Task IncompleteCode_NeverThrows()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Broken
            {
                private readonly IStoryValidator _validator;

                public async Task<string> RunAsync(string story)
                {
                    var r = _validator.Validate();
                    await _validator.Missing(story);
                    var q = Unknown.Validate(story);
                    [|_validator.Validate(story)|]
                    return story
                }
            
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.CompilerDiagnostics = CompilerDiagnostics.None; // the source is broken on purpose; only MM0004 is asserted
        await test.RunAsync();
    }
}
