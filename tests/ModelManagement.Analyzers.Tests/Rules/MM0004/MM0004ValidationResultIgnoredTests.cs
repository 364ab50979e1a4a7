using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>MM0004 analyzer: which validation results count as ignored (discarded, or stored and unread on a path).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    /// <summary>Validators of every form the rule knows, plus look-alikes that are not validators.</summary>
    internal const string Domain = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Domain
        {
            public sealed class ValidationResult
            {
                public bool IsValid { get; set; }
                public IList<string> Errors { get; } = new List<string>();
                public ValidationResult AddError(string error) { Errors.Add(error); IsValid = false; return this; }
            }

            public sealed class GuardrailVerdict
            {
                public bool IsCompliant { get; set; }
                public string Reason { get; set; } = "";
            }

            public sealed class SafetyReport { public bool IsSafe; }
            public sealed class Summary { public int Count { get; set; } }

            public interface IStoryValidator
            {
                Task<ValidationResult> ValidateAsync(string story, CancellationToken cancellationToken = default);
                ValidationResult Validate(string story);
                bool TryValidate(string story, out IList<string> errors);
                Task ValidateAndThrowAsync(string story);
                void ValidateArguments(string story);
                string Validated(string story);
                string ValidateNotNull(string story);
            }

            public interface IGuardrail
            {
                Task<GuardrailVerdict> CheckAsync(string content);
                ValueTask<SafetyReport> ScanAsync(string content);
                GuardrailVerdict Inspect(string content);
                Summary Summarize(string content);
            }

            public interface IModeration
            {
                [ModelManagement.Patterns.Validator]
                Task<bool> ReviewAsync(string content);
            }

            public sealed class Moderation : IModeration
            {
                public Task<bool> ReviewAsync(string content) => Task.FromResult(content.Length > 0);
            }

            public interface IStoryGenerator { Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken = default); }

            public sealed class OptionsBuilder
            {
                public OptionsBuilder ValidateOnStart() => this;
                public OptionsBuilder ValidateDataAnnotations() => this;
            }
        }
        """;

    private static async Task VerifyAsync(
        string source,
        string? editorConfig = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, editorConfig: null, LanguageVersion.Latest, NullableContextOptions.Disable, expected);

    /// <summary>A story service with a validator, a guardrail, a moderation step and a generator.</summary>
    internal static string InMethod(string body, string members = "", string returnType = "async Task<string>", string parameters = "string prompt, CancellationToken cancellationToken") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Domain;

        public sealed class StoryService
        {
            private readonly IStoryValidator _validator;
            private readonly IGuardrail _guardrail;
            private readonly IModeration _moderation;
            private readonly IStoryGenerator _generator;
            private ValidationResult _last;

            public StoryService(IStoryValidator validator, IGuardrail guardrail, IModeration moderation, IStoryGenerator generator)
            {
                _validator = validator; _guardrail = guardrail; _moderation = moderation; _generator = generator;
            }

            public {{returnType}} RunAsync({{parameters}})
            {
        {{body}}
            }

            private static string Fallback() => "A quiet day in the village.";
        {{members}}
        }
        """;

    // ---------------------------------------------------------------- reported: discarded

    [Fact]
    public async Task AwaitedValidationDiscarded_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt, cancellationToken);
                    await {|#0:_validator.ValidateAsync(story, cancellationToken)|};
                    return story;
            """);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_validator.ValidateAsync"));
    }

    [Fact]
    public async Task ConfigureAwaitChainDiscarded_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt, cancellationToken).ConfigureAwait(false);
                    await [|_validator.ValidateAsync(story)|].ConfigureAwait(false);
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SynchronousValidationDiscarded_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_validator.Validate(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task BoolTryValidateDiscarded_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|_validator.TryValidate(story, out var errors)|];
                    return story + errors.Count;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GuardrailVerdictDiscarded_ReportsByValidityMember()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    await [|_guardrail.CheckAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValueTaskOfSafetyReportWithIsSafeField_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    await [|_guardrail.ScanAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValidatorAttributeOnInterfaceMember_ReportsCallThroughImplementation()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var moderation = new Moderation();
                    await [|moderation.ReviewAsync(story)|];
                    await [|_moderation.ReviewAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UnawaitedValidationTaskDiscarded_Reports()
    {
        var source = InMethod("""
                    var story = "x";
                    [|_validator.ValidateAsync(story)|];
                    return story;
            """, returnType: "string");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DiscardAssignment_ReportsByDefault()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _ = await [|_validator.ValidateAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnValidateMethodWithAnyResult_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|ValidateStory(story)|];
                    return story;
            """, members: """
                private static IReadOnlyList<string> ValidateStory(string story) => story.Length == 0 ? new[] { "empty" } : Array.Empty<string>();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NamedValidatorWithVerdictShapedResult_Reports()
    {
        // Only a name matches: the result must be able to carry a verdict (message, count, status, findings, error type).
        // An integer is a count only when the name says what it counts (or that it is a status code).
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    [|ValidateTitle(story.Length)|];
                    [|ValidateAndCountErrors(story)|];
                    [|ValidateViolationCount(story)|];
                    await [|ValidateStatusAsync(story)|];
                    [|ValidateTone(story)|];
                    [|ValidateRules(story)|];
                    [|ValidatePair(story)|];
                    await [|ValidateAuthorAsync(story)|];
                    [|ValidateFields(story)|];
                    [|ValidateUnnamedPair(story)|];
                    [|ValidateSuccessAndValue(story)|];
                    [|ValidateWithOutcome(story)|];
                    return story;
            """, members: """
                public enum ToneStatus { Fine, Harsh }
                public sealed class StoryError { public string Text { get; set; } }
                private static string ValidateTitle(int length) => length == 0 ? "empty" : null; // string in, string out would be a guard
                private static int ValidateAndCountErrors(string story) => story.Length > 10 ? 1 : 0;
                private static long ValidateViolationCount(string story) => 0;
                private static Task<int> ValidateStatusAsync(string story) => Task.FromResult(200);
                private static ToneStatus ValidateTone(string story) => ToneStatus.Fine;
                private static IReadOnlyList<string> ValidateRules(string story) => Array.Empty<string>();
                private static (bool Ok, string Why) ValidatePair(string story) => (true, null);
                private static Task<StoryError> ValidateAuthorAsync(string story) => Task.FromResult<StoryError>(null);
                private static Dictionary<string, string[]> ValidateFields(string story) => new();
                private static (bool, string) ValidateUnnamedPair(string story) => (true, null);
                private static (bool Success, int Length) ValidateSuccessAndValue(string story) => (true, story.Length);
                private static (ToneStatus Tone, int Length) ValidateWithOutcome(string story) => (ToneStatus.Fine, story.Length);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExpressionBodiedVoidMethodDiscarding_Reports()
    {
        var source = InMethod("""
                    return prompt;
            """, returnType: "string", members: """
                public void Check(string story) => [|_validator.Validate(story)|];
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DiscardedInForLoopIncrementor_Reports()
    {
        // A call in a for loop's initializer or incrementor is a statement too (found by the syntactic usage filter).
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    for ([|_validator.Validate(story)|]; story.Length > 100; [|_validator.Validate(story)|])
                    {
                        story = story.Substring(1);
                    }

                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DiscardedInsideBlockLambda_Reports()
    {
        var source = InMethod("""
                    Func<string, Task<string>> run = async story =>
                    {
                        await [|_guardrail.CheckAsync(story)|];
                        return story;
                    };
                    return await run(prompt);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DiscardedInLocalFunction_Reports()
    {
        var source = InMethod("""
                    return await Local(prompt);

                    async Task<string> Local(string story)
                    {
                        await [|_validator.ValidateAsync(story)|];
                        return story;
                    }
            """);
        await VerifyAsync(source);
    }

    // ---------------------------------------------------------------- reported: stored, unread on a path

    [Fact]
    public async Task StoredAndNeverRead_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var validation = await [|_validator.ValidateAsync(story)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StoredAndReadOnlyAfterEarlyReturn_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var r = [|_validator.Validate(story)|];
                    if (story.Length < 10) return story;
                    if (!r.IsValid) return Fallback();
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OverwrittenBeforeRead_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await [|_guardrail.CheckAsync(story)|];
                    story = story.Trim();
                    verdict = await _guardrail.CheckAsync(story);
                    return verdict.IsCompliant ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AssignedToExistingLocalAndUnread_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    bool ok;
                    ok = [|_validator.TryValidate(story, out _)|];
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StoredInLoopAndOverwrittenNextIteration_Reports()
    {
        var source = InMethod("""
                    var accepted = new List<string>();
                    foreach (var story in new[] { prompt, prompt + "!" })
                    {
                        var verdict = _guardrail.Inspect(story);
                        accepted.Add(story);
                    }

                    return string.Join(",", accepted);
            """.Replace("_guardrail.Inspect(story)", "[|_guardrail.Inspect(story)|]"), returnType: "string");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StoredBeforeYieldReturn_Reports()
    {
        var source = InMethod("""
                    foreach (var story in new[] { prompt })
                    {
                        var verdict = [|_guardrail.Inspect(story)|];
                        yield return story;
                        if (!verdict.IsCompliant) yield break;
                    }
            """, returnType: "IEnumerable<string>");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PatternVariableNeverRead_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if ([|_validator.Validate(story)|] is var verdict)
                    {
                        return story;
                    }

                    return Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadOnlyInOneBranch_Reports()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await [|_guardrail.CheckAsync(story)|];
                    if (prompt.Length > 3)
                    {
                        if (!verdict.IsCompliant) return Fallback();
                    }

                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadOnlyInCatchOfAnotherTry_StillReportsThePathThatSkipsIt()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = [|_validator.Validate(story)|];
                    try { story = story.Trim(); } catch (Exception) { throw; }
                    return story;
            """);
        await VerifyAsync(source);
    }
}
