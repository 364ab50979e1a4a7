using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// MM0004 reads a method's attributes (and those of the members it overrides or implements) only when a type with a
/// validator attribute's name exists in the compilation or one of its references. Wherever it is declared, nested or in a
/// referenced assembly, the attribute still makes a validator. These compilations do not reference ModelManagement.Patterns
/// (whose <c>ValidatorAttribute</c> would open the gate by itself).
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private const string GateLibrary = /* lang=c#-test */ """
        using System;

        namespace Vendor.Guardrails
        {
            public static class Markers
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class ValidatorAttribute : Attribute { }
            }

            public interface IToneCheck
            {
                [Markers.Validator]
                bool Screen(string text);
            }
        }
        """;

    [Fact]
    public async Task ValidatorAttributeNestedInAReferencedAssembly_MarksTheImplementedMember()
    {
        var library = await TestCompilations.EmitAsync(GateLibrary, ImmutableArray<MetadataReference>.Empty, "Vendor.Guardrails");
        var test = new Verify.Test
        {
            TestCode = """
                using Vendor.Guardrails;

                public sealed class ToneCheck : IToneCheck
                {
                    public bool Screen(string text) => text.Length < 500;
                }

                public static class Narrator
                {
                    public static string Tell(ToneCheck check, string story)
                    {
                        {|#0:check.Screen(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Remove(TestEnvironment.PatternsReference);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("check.Screen"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ValidatorAttributeNestedInSource_MarksTheMethod()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                public static class Markers
                {
                    [AttributeUsage(AttributeTargets.Method)]
                    public sealed class ValidatorAttribute : Attribute { }
                }

                public static class Narrator
                {
                    [Markers.Validator]
                    public static bool Screen(string text) => text.Length < 500;

                    public static string Tell(string story)
                    {
                        {|#0:Screen(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Remove(TestEnvironment.PatternsReference);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Screen"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PatternsValidatorAppliedByAReferencedLibrary_MarksTheMemberEvenIfTheSourceNeverNamesIt()
    {
        var library = await TestCompilations.EmitAsync(
            """
            namespace Vendor.Guardrails
            {
                public interface IToneCheck
                {
                    [ModelManagement.Patterns.Validator]
                    bool Screen(string text);
                }
            }
            """,
            ImmutableArray.Create(TestEnvironment.PatternsReference),
            "Vendor.Guardrails");
        var test = new Verify.Test
        {
            TestCode = """
                using Vendor.Guardrails;

                public static class Narrator
                {
                    public static string Tell(IToneCheck check, string story)
                    {
                        {|#0:check.Screen(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("check.Screen"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("public static class Narrator { public static bool Screen(string s) => s.Length > 0; }", false)]
    [InlineData("public static class Narrator { [ModelManagement.Patterns.Validator] public static bool Screen(string s) => s.Length > 0; }", true)]
    [InlineData("using V = ModelManagement.Patterns.ValidatorAttribute; public static class Narrator { [V] public static bool Screen(string s) => s.Length > 0; }", true)]
    [InlineData("public static class Narrator { [ModelManagement.Patterns.Valid\\u0061tor] public static bool Screen(string s) => s.Length > 0; }", true)]
    [InlineData("using ModelManagement.Patterns; public sealed class ToneValidator { [Validator] public bool Screen(string s) => s.Length > 0; }", true)]
    [InlineData("public sealed class ServerUrlValidator { public bool Check(string s) => s.Length > 0; } public sealed class ToneValidatorOptions { }", false)]
    [InlineData("public sealed class AbstractValid\\u0061tor { } // IValidator, FluentValidator<T>: other types' names", false)]
    public async Task PatternsValidatorOnly_CanBeAppliedOnlyWhereTheSourceWritesItsName(string source, bool expected)
    {
        var compilation = await TestCompilations.CompileAsync(source, ImmutableArray.Create(TestEnvironment.PatternsReference));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(expected, AttributeReach.AnyCanBeApplied(compilation, ImmutableArray.Create("ValidatorAttribute"), CancellationToken.None));
    }

    [Fact]
    public async Task ValidityMemberDeclaredByARecordsPrimaryConstructorOrABaseType_StillMakesAVerdict()
    {
        // Validity members are looked up by the declared member names first: a positional record's property and one
        // inherited from a base class must be among them.
        var test = new Verify.Test
        {
            TestCode = """
                public sealed record ModerationVerdict(bool IsSafe, string Reason);

                public abstract class CheckOutcome { public bool IsValid { get; init; } }

                public sealed class GrammarVerdict : CheckOutcome { }

                public static class Narrator
                {
                    public static ModerationVerdict Moderate(string text) => new ModerationVerdict(true, "");
                    public static GrammarVerdict Proofread(string text) => new GrammarVerdict();

                    public static string Tell(string story)
                    {
                        {|#0:Moderate(story)|};
                        {|#1:Proofread(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Remove(TestEnvironment.PatternsReference);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Moderate"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("Proofread"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ValidatorAttributes_ReplaceTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0004.validator_attributes = Guardrail", expected: new[] { At(0), At(2), At(3) });

    [Fact]
    public async Task ValidatorAttributes_ReplacingTheDefaults_DropsValidatorAttribute()
    {
        // With the list replaced, [Validator] alone no longer makes a validator (the name prefix still does).
        var source = """
            using System;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class ValidatorAttribute : Attribute { }

            public static class Narrator
            {
                [Validator] public static bool Screen(string text) => text.Length < 500;
                public static bool ValidateTone(string text) => text.Length < 500;

                public static string Tell(string story)
                {
                    Screen(story);
                    {|#0:ValidateTone(story)|};
                    return story;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalReferences.Remove(TestEnvironment.PatternsReference);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nmm0004.validator_attributes = Guardrail\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("ValidateTone"));
        await test.RunAsync(CancellationToken.None);
    }
}
