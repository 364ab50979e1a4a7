using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0004ValidationResultIgnoredCodeFixProvider>;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// MM0004, stored results beyond <c>var r = Validate(x)</c>: pattern variables (<c>is var r</c>, <c>is { } r</c>,
/// <c>is T r</c>, <c>switch</c> designations) and verdicts delivered through <c>out</c> arguments; their fixes and refusals.
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    /// <summary>Validators that report through an out argument (a second file of the Domain namespace).</summary>
    private const string ReportDomain = /* lang=c#-test */ """
        using System.Collections.Generic;

        namespace Domain
        {
            public sealed class ValidationReport
            {
                public bool IsValid { get; set; }
                public string Summary { get; set; } = "";
            }

            public interface IReportingValidator
            {
                void Validate(string story, out ValidationReport report);
                bool TryValidate(string story, out ValidationReport report);
                int ValidateCount(string story, out ValidationReport report);
                [ModelManagement.Patterns.Validator]
                void Screen(string story, out ValidationReport report);
                void Inspect(string story, out ValidationReport report);
                void ValidateFlag(string story, out bool isValid);
            }
        }
        """;

    private const string ReportsField = """
            private readonly IReportingValidator _reports;
            private ValidationReport _lastReport;
            private static void Log(int count, bool valid) { }
        """;

    private static async Task VerifyStoredAsync(
        string source,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        string? editorConfig = null,
        params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.Sources.Add(("/0/Reports.cs", ReportDomain));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static string WithReports(string body, string returnType = "async Task<string>")
        => InMethod(body, members: ReportsField, returnType: returnType);

    // ---------------------------------------------------------------- stored in a lambda or local function

    [Fact]
    public async Task VerdictReadOnOnePathInsideALambda_Reports_ReadOnEveryPath_DoesNot()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    System.Func<string, string> onePath = text =>
                    {
                        var verdict = [|_validator.Validate(text)|];
                        if (text.Length > 100) return verdict.IsValid ? text : "";
                        return text;
                    };
                    System.Func<string, string> everyPath = text =>
                    {
                        var verdict = _validator.Validate(text);
                        return verdict.IsValid ? text : "";
                    };
                    return onePath(everyPath(story));
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictOfAnOuterLocalAssignedInsideALocalFunction_IsReadThere_DoesNotReport()
    {
        // The local belongs to the member; a local function that assigns it may be read by code the graph does not follow:
        // documented, "a read in a lambda or local function that mentions the local counts".
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    ValidationResult verdict;
                    string Check(string text) { verdict = _validator.Validate(text); return text; }
                    return Check(story);
            """);
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- pattern variables: reported

    [Fact]
    public async Task EmptyPropertyPatternVariableNeverRead_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if ([|_validator.Validate(story)|] is { } verdict)
                    {
                        return story;
                    }

                    return Fallback();
            """);
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task TypePatternVariableNeverRead_Reports(LanguageVersion version)
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if ([|_validator.Validate(story)|] is ValidationResult verdict)
                    {
                        story = story.Trim();
                    }

                    return story;
            """);
        await VerifyAsync(source, editorConfig: null, languageVersion: version);
    }

    [Fact]
    public async Task NegatedTypePatternThenUnreadOnTheMatchedPath_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (!([|_validator.Validate(story)|] is ValidationResult verdict)) return Fallback();
                    return story;
            """);
        await VerifyAsync(source, editorConfig: null, languageVersion: LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task NotPatternVariableUnreadAfterTheGuard_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if ([|_validator.Validate(story)|] is not { } verdict) return Fallback();
                    if (story.Length < 10) return story;
                    return verdict.IsValid ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PatternVariableReadOnlyOnOneBranch_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if ([|_validator.Validate(story)|] is ValidationResult verdict)
                    {
                        if (prompt.Length > 3 && !verdict.IsValid) return Fallback();
                        return story;
                    }

                    return Fallback();
            """);
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task SwitchCaseDesignationNeverRead_Reports(LanguageVersion version)
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    switch ([|_validator.Validate(story)|])
                    {
                        case ValidationResult verdict:
                            return story;
                        default:
                            return Fallback();
                    }
            """);
        await VerifyAsync(source, editorConfig: null, languageVersion: version);
    }

    [Fact]
    public async Task SwitchExpressionArmDesignationNeverRead_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    return await [|_guardrail.CheckAsync(story)|] switch
                    {
                        { } verdict => story,
                        _ => Fallback(),
                    };
            """);
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- pattern variables: not reported

    [Fact]
    public async Task PatternsThatTestTheVerdict_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (_validator.Validate(story) is { IsValid: false }) return Fallback();
                    if (_validator.Validate(story) is { IsValid: false } failed) return Fallback();
                    if (await _guardrail.CheckAsync(story) is { IsCompliant: true } passed) story = story.Trim();
                    if (_validator.Validate(story) is { Errors.Count: > 0 } withErrors) return Fallback();
                    if (await _moderation.ReviewAsync(story) is false) return Fallback();
                    if (_validator.Validate(story) is null) return Fallback();
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PatternVariableReadWhereItMatched_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (_validator.Validate(story) is ValidationResult first && !first.IsValid) return Fallback();
                    if (!(_validator.Validate(story) is ValidationResult second)) return Fallback();
                    if (!second.IsValid) return Fallback();
                    if (_validator.Validate(story) is not { } third) return Fallback();
                    if (!third.IsValid) return Fallback();
                    return _validator.Validate(story) is var fourth && fourth.IsValid ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SwitchesThatTestTheVerdict_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    switch (_validator.Validate(story))
                    {
                        case { IsValid: false }:
                            return Fallback();
                    }

                    switch (_validator.Validate(story))
                    {
                        case var verdict when !verdict.IsValid:
                            return Fallback();
                        default:
                            break;
                    }

                    switch (await _moderation.ReviewAsync(story))
                    {
                        case false:
                            return Fallback();
                    }

                    switch (_validator.Validate(story))
                    {
                        case ValidationResult verdict:
                            if (!verdict.IsValid) return Fallback();
                            break;
                    }

                    return await _guardrail.CheckAsync(story) switch
                    {
                        { IsCompliant: true } => story,
                        var other => Fallback() + other.Reason,
                    };
            """);
        await VerifyAsync(source);
    }

    /// <summary>
    /// Real shapes (bitwarden's <c>ValidationResult&lt;T&gt;</c> = <c>Valid&lt;T&gt;</c> | <c>Invalid&lt;T&gt;</c>, and
    /// <c>Task&lt;Error?&gt; ValidateX()</c>): a type test for a narrower type, or a null test of a result without a validity
    /// member, is the verdict itself, even when the designated variable is never read.
    /// </summary>
    [Fact]
    public async Task TypeAndNullTestsThatAreTheVerdict_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (ValidateOutcome(story) is Failed failed) return Fallback();
                    switch (ValidateOutcome(story))
                    {
                        case Failed rejected:
                            return Fallback();
                    }

                    if (await ValidateShapeAsync(story) is { } error) return Fallback();
                    if (await ValidateShapeAsync(story) is Problem problem) return Fallback();
                    if (await ValidateShapeAsync(story) is not null) return Fallback();
                    return ValidateOutcome(story) switch
                    {
                        Passed passed => story,
                        _ => Fallback(),
                    };
            """, members: """
                private static Outcome ValidateOutcome(string story) => story.Length > 0 ? new Passed() : (Outcome)new Failed();
                private static Task<Problem> ValidateShapeAsync(string story) => Task.FromResult(story.Length > 0 ? null : new Problem());
            """) + """

            public abstract class Outcome { }
            public sealed class Passed : Outcome { }
            public sealed class Failed : Outcome { public string Reason { get; set; } = ""; }
            public sealed class Problem { public string Message { get; set; } = ""; }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VarPatternOnResultWithoutValidityMember_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (ValidateShape(story) is var problems) return story;
                    return Fallback();
            """, members: """
                private static IReadOnlyList<string> ValidateShape(string story) => Array.Empty<string>();
            """).Replace("ValidateShape(story) is var", "[|ValidateShape(story)|] is var");
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- out arguments: reported

    [Fact]
    public async Task VoidValidatorWithOutReportNeverRead_Reports()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    {|#0:_reports.Validate(story, out var report)|};
                    return story;
            """);
        await VerifyStoredAsync(source, expected: Verify.Diagnostic().WithLocation(0).WithArguments("_reports.Validate"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task OutReportReadOnlyAfterEarlyReturn_Reports(LanguageVersion version)
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_reports.Validate(story, out var report)|];
                    if (story.Length < 10) return story;
                    if (!report.IsValid) return Fallback();
                    return story;
            """);
        await VerifyStoredAsync(source, version);
    }

    [Fact]
    public async Task OutIntoExistingLocalOverwrittenBeforeRead_Reports()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    ValidationReport report;
                    [|_reports.Validate(story, out report)|];
                    _reports.Validate(story.Trim(), out report);
                    return report.IsValid ? story : Fallback();
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task NonVerdictReturnStoredAndOutReportUnread_Reports()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    var count = [|_reports.ValidateCount(story, out var report)|];
                    return story + count;
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task BoolAndOutReportBothIgnored_ReportsAsDiscarded()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_reports.TryValidate(story, out var report)|];
                    return story;
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task ValidatorAttributeWithOutReport_Reports()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_reports.Screen(story, out var report)|];
                    return story;
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task OutDiscardOfTheOnlyVerdict_ReportsUnlessDiscardsAreAccepted()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_reports.Validate(story, out _)|];
                    return story;
            """);
        await VerifyStoredAsync(source);
        await VerifyStoredAsync(source.Replace("[|", "").Replace("|]", ""), editorConfig: "mm0004.discard_is_ignored = false");
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public async Task OutReportInNullableContexts_ReportsTheSame(NullableContextOptions nullable)
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_reports.Validate(story, out var lost)|];
                    _reports.Validate(story, out var kept);
                    return kept.IsValid ? story : Fallback();
            """).Replace("private readonly IReportingValidator _reports;", "private readonly IReportingValidator _reports = Create();\n    private static IReportingValidator Create() => throw new NotSupportedException();")
                .Replace("private ValidationReport _lastReport;", "private ValidationReport _lastReport = new ValidationReport();")
                .Replace("private ValidationResult _last;", "private ValidationResult _last = new ValidationResult();");
        await VerifyStoredAsync(source, nullable: nullable);
    }

    // ---------------------------------------------------------------- out arguments: not reported

    [Fact]
    public async Task DiscardedBoolWithOutReportCheckedOnEveryPath_DoesNotReport()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    _reports.TryValidate(story, out var report);
                    if (!report.IsValid) return Fallback();
                    _ = _reports.TryValidate(story, out var second);
                    return second.IsValid ? story : Fallback();
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task OutReportReadOnEveryPath_DoesNotReport()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    _reports.Validate(story, out var report);
                    if (story.Length < 10) return report.IsValid ? story : Fallback();
                    Func<bool> later = () => report.IsValid;
                    _reports.Screen(story, out var screened);
                    try { story = story.Trim(); } finally { Console.WriteLine(screened.Summary); }
                    return later() ? story : Fallback();
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task OutReportReadLaterInTheSameStatement_DoesNotReport()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    Log(_reports.ValidateCount(story, out var report), report.IsValid);
                    return story;
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task OutReportStoredToFieldOrReturnVerdictUsed_DoesNotReport()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    _reports.Validate(story, out _lastReport);
                    if (!_reports.TryValidate(story, out var unread)) return Fallback();
                    var ok = _reports.TryValidate(story, out var alsoUnread);
                    if (!ok) return Fallback();
                    return story;
            """);
        await VerifyStoredAsync(source);
    }

    [Fact]
    public async Task OutVerdictOfNonValidatorOrBoolOut_DoesNotReport()
    {
        var source = WithReports("""
                    var story = await _generator.GenerateAsync(prompt);
                    _reports.Inspect(story, out var inspected);
                    _reports.ValidateFlag(story, out var flag);
                    var cache = new Dictionary<string, ValidationReport>();
                    cache.TryGetValue(story, out var cached);
                    int.TryParse(story, out var number);
                    return story;
            """);
        await VerifyStoredAsync(source);
    }

    /// <summary>
    /// Real shape (bitwarden's tests, 16 of 24 diagnostics before): <c>Validator.TryValidateObject(model, context, results,
    /// true)</c> with the <c>bool</c> dropped and <c>results</c> inspected. A local collection passed to a parameter named for
    /// findings (<c>results</c>, <c>errors</c>, …) and read on every path afterwards is the verdict, like an out argument.
    /// </summary>
    [Fact]
    public async Task FindingsCollectionReadOnEveryPath_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var model = new Draft { Text = story };
                    var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                    System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new System.ComponentModel.DataAnnotations.ValidationContext(model), results, true);
                    if (results.Count > 0) return Fallback();
                    var errors = new List<string>();
                    _ = ValidateDraft(story, errors);
                    return errors.Count == 0 ? story : Fallback();
            """, members: """
                private static bool ValidateDraft(string story, ICollection<string> errors) { if (story.Length == 0) errors.Add("empty"); return errors.Count == 0; }
                public sealed class Draft { [System.ComponentModel.DataAnnotations.Required] public string Text { get; set; } }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FindingsCollectionUnreadOrInputCollection_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var errors = new List<string>();
                    [|ValidateDraft(story, errors)|];
                    if (story.Length > 3) return story;
                    if (errors.Count > 0) return Fallback();
                    var stories = new List<string> { story };
                    [|ValidateAll(stories)|];
                    return string.Join(",", stories);
            """, members: """
                private static bool ValidateDraft(string story, ICollection<string> errors) { if (story.Length == 0) errors.Add("empty"); return errors.Count == 0; }
                private static bool ValidateAll(List<string> stories) => stories.TrueForAll(s => s.Length > 0);
            """);
        await VerifyAsync(source);
    }

    /// <summary>
    /// Real shape (dotnet-monitor's <c>ValidationHelper.TryValidateItems</c>): the findings go into a collection the
    /// function's own caller passed, which the caller returns from <c>IValidatableObject.Validate</c>. An input collection
    /// parameter is still no sink.
    /// </summary>
    [Fact]
    public async Task FindingsCollectionOfTheCaller_DoesNotReport_ButAnInputCollectionParameterDoes()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                    ValidateItems(new object[] { story }, results);
                    return results.Count == 0 ? story : Fallback();
            """, members: """
                private static void ValidateItems(IEnumerable<object> items, ICollection<System.ComponentModel.DataAnnotations.ValidationResult> results)
                {
                    foreach (var item in items)
                    {
                        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(item, new System.ComponentModel.DataAnnotations.ValidationContext(item), results);
                    }
                }

                private static void CheckAll(List<string> stories)
                {
                    [|ValidateAll(stories)|];
                }

                private static bool ValidateAll(List<string> stories) => stories.TrueForAll(s => s.Length > 0);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OutAndPatternFormsInIncompleteCode_NeverThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Broken
            {
                private readonly IReportingValidator _reports;
                private readonly IStoryValidator _validator;

                public string Run(string story)
                {
                    _reports.Validate(story, out var );
                    _reports.Validate(out var report);
                    _reports.Missing(story, out var missing);
                    if (_validator.Validate(story) is { } ) return story;
                    switch (_validator.Validate(story)) { case var : return story; }
                    var x = [|_validator.Validate(story)|] switch { ValidationResult r => }; // r is never read
                    [|_reports.Validate(story, out var lost)|];
                    return story
                }
            
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.Sources.Add(("/0/Reports.cs", ReportDomain));
        test.CompilerDiagnostics = CompilerDiagnostics.None; // the source is broken on purpose; only MM0004 is asserted
        await test.RunAsync();
    }

    // ---------------------------------------------------------------- fixes and refusals for the new forms

    private static string ReportGenerator(string body)
        => Generator(body, members: """
                private readonly IReportingValidator _reports;
            """);

    private static async Task VerifyReportFixAsync(string source, string fixedSource, string key, LanguageVersion languageVersion = LanguageVersion.Latest, string? editorConfig = null)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
            LanguageVersion = languageVersion,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.Sources.Add(("/0/Reports.cs", ReportDomain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Reports.cs", ReportDomain));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task ReturnFallback_OutReport_BranchesRightAfterTheCallOnTheOutLocal(LanguageVersion version)
    {
        var source = ReportGenerator("""
                    // screen it
                    [|_reports.Validate(story, out var report)|]; // the report
                    [|_reports.Screen(story, out var screened)|];
                    story = story.Trim();
            """);
        var fixedSource = ReportGenerator("""
                    // screen it
                    _reports.Validate(story, out var report); // the report
                    if (!report.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    _reports.Screen(story, out var screened);
                    if (!screened.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    story = story.Trim();
            """);
        await VerifyReportFixAsync(source, fixedSource, Fallback, version);
    }

    [Fact]
    public async Task Throw_OutReportStoredWithNonVerdictReturn_BranchesAfterTheDeclaration()
    {
        var source = ReportGenerator("""
                    var count = [|_reports.ValidateCount(story, out var report)|];
                    story = story + count;
            """);
        var fixedSource = ReportGenerator("""
                    var count = _reports.ValidateCount(story, out var report);
                    if (!report.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateCount rejected the content.");
                    }

                    story = story + count;
            """);
        await VerifyReportFixAsync(source, fixedSource, Throw);
    }

    private static async Task<FixPlanResult<MM0004FixPlan, MM0004FixRefusal>> PlanReportsAsync(string source, NullableContextOptions nullable = NullableContextOptions.Disable)
    {
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parse, path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            "Refusals",
            new[] { tree, CSharpSyntaxTree.ParseText(Domain, parse, path: "/0/Domain.cs"), CSharpSyntaxTree.ParseText(ReportDomain, parse, path: "/0/Reports.cs") },
            references.Add(TestEnvironment.PatternsReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MM0004ValidationResultIgnoredAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        return MM0004FixPlanner.Plan(await tree.GetRootAsync(), compilation.GetSemanticModel(tree), diagnostic, CancellationToken.None);
    }

    [Fact]
    public async Task Refusal_PatternVariable_ForTypePatternAndSwitchDesignations()
    {
        foreach (var body in new[]
        {
            "if (_validator.Validate(story) is ValidationResult verdict) { story = story.Trim(); }",
            "if (_validator.Validate(story) is { } verdict) { story = story.Trim(); }",
            "switch (_validator.Validate(story)) { case var verdict: story = story.Trim(); break; }",
        })
        {
            var result = await PlanReportsAsync(Generator("        " + body + "\n"));
            Assert.Null(result.Plan);
            Assert.Equal(MM0004FixRefusal.PatternVariable, result.Refusal);
            Assert.NotNull(result.Node);
        }
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public async Task ReturnFallback_OutDiscard_NamesTheVerdictAndBranchesOnIt(LanguageVersion version)
    {
        var source = ReportGenerator("""
                    [|_reports.Validate(story, out _)|]; // screened
            """);
        var fixedSource = ReportGenerator("""
                    _reports.Validate(story, out var validation); // screened
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """);
        await VerifyReportFixAsync(source, fixedSource, Fallback, version);
    }

    [Fact]
    public async Task Refusal_OutVerdictMayBeNull()
    {
        var source = ReportGenerator("""
                    _maybe.ValidateMaybe(story, out var report);
            """).Replace("public class StoryGenerator", """
            public interface IMaybeValidator { void ValidateMaybe(string story, out ValidationReport? report); }

            public class StoryGenerator
            """).Replace("private readonly IReportingValidator _reports;", "private readonly IMaybeValidator _maybe = null!;")
                .Replace("private readonly IStoryValidator _validator;", "private readonly IStoryValidator _validator = null!;")
                .Replace("private readonly IGuardrail _guardrail;", "private readonly IGuardrail _guardrail = null!;")
                .Replace("private readonly IStoryGenerator _llm;", "private readonly IStoryGenerator _llm = null!;");
        var result = await PlanReportsAsync(source, NullableContextOptions.Enable);
        Assert.Null(result.Plan);
        Assert.Equal(MM0004FixRefusal.OutVerdictMayBeNull, result.Refusal);
        Assert.IsType<ArgumentSyntax>(result.Node);
    }

    [Fact]
    public async Task OutArgumentDiagnostic_CarriesTheOutLocalAndItsVerdictMember()
    {
        var result = await PlanReportsAsync(ReportGenerator("""
                    _reports.Validate(story, out var report);
            """));
        Assert.NotNull(result.Plan);
        Assert.Equal("report", result.Plan!.ExistingLocal);
        Assert.Equal("IsValid", result.Plan.ValidityMember);
        Assert.True(result.Plan.InsertAfter);
        Assert.NotNull(result.Plan.Fallback);
    }
}
