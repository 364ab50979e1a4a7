using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// Sync-over-async validators: a verdict blocked on with <c>.Result</c>, <c>.GetAwaiter().GetResult()</c> or <c>.Wait()</c>
/// is read like an awaited one (a fix-shapes round: only <c>GetAwaiter().GetResult()</c> was reported, and at
/// <c>GetResult</c>, whose name the message gave).
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    /// <summary>A legacy synchronous API over an asynchronous validator and guardrail.</summary>
    private static string SyncOverAsync(string members) => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Domain;

        public sealed class Headlines
        {
            private readonly IStoryValidator _validator;
            private readonly IGuardrail _guardrail;

            public Headlines(IStoryValidator validator, IGuardrail guardrail)
            {
                _validator = validator;
                _guardrail = guardrail;
            }
        {{members}}
        }
        """;

    [Fact]
    public async Task SyncOverAsyncVerdict_DroppedThroughResultWaitOrGetResult_IsReportedAtTheValidatorCall()
    {
        var source = SyncOverAsync("""
                public string Publish(string story)
                {
                    var verdict = {|#0:_validator.ValidateAsync(story)|}.Result;
                    {|#1:_validator.ValidateAsync(story + "!")|}.Wait();
                    {|#2:_validator.ValidateAsync(story + "?")|}.GetAwaiter().GetResult();
                    var report = {|#3:_guardrail.ScanAsync(story)|}.ConfigureAwait(false).GetAwaiter().GetResult();
                    _ = {|#4:_guardrail.CheckAsync(story)|}.Result;
                    ({|#5:_guardrail.CheckAsync(story + ".")|}).Wait();
                    return story;
                }

                public void Touch(string story) => {|#6:_validator.ValidateAsync(story)|}.Wait(); // an expression body (a fix-shapes round)
            """);
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_validator.ValidateAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_validator.ValidateAsync"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_validator.ValidateAsync"),
            Verify.Diagnostic().WithLocation(3).WithArguments("_guardrail.ScanAsync"),
            Verify.Diagnostic().WithLocation(4).WithArguments("_guardrail.CheckAsync"),
            Verify.Diagnostic().WithLocation(5).WithArguments("_guardrail.CheckAsync"),
            Verify.Diagnostic().WithLocation(6).WithArguments("_validator.ValidateAsync"));
    }

    [Fact]
    public async Task SyncOverAsyncVerdict_ActedOnOrHandedOn_IsNotReported()
    {
        var source = SyncOverAsync("""
                public string Publish(string story)
                {
                    var verdict = _validator.ValidateAsync(story).Result;
                    if (!verdict.IsValid) return "withheld";
                    if (!_validator.ValidateAsync(story + "!").Result.IsValid) return "withheld";
                    if (!_guardrail.CheckAsync(story).GetAwaiter().GetResult().IsCompliant) return "withheld";
                    _validator.ValidateAndThrowAsync(story).Wait(); // a Task without a verdict: the throw is the verdict
                    var completed = _validator.ValidateAsync(story).Wait(100); // the author reads the wait's own answer
                    Func<string, ValidationResult> check = s => _validator.ValidateAsync(s).Result; // handed to the caller
                    return _guardrail.ScanAsync(story).Result.IsSafe && completed ? story : check(story).Errors[0];
                }

                public ValidationResult Check(string story) => _validator.ValidateAsync(story).GetAwaiter().GetResult();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Throw_SyncOverAsyncVerdicts_BranchOnTheBlockedValue_WaitReadsItWithResult_FixAll()
    {
        var source = SyncOverAsync("""
                public string Stored(string story)
                {
                    var verdict = [|_validator.ValidateAsync(story)|].Result; // legacy sync API
                    return story;
                }

                public string Waited(string story)
                {
                    // checked before publishing
                    [|_validator.ValidateAsync(story)|].Wait(); // blocks the request thread
                    return story;
                }

                public string Blocked(string story)
                {
                    [|_validator.ValidateAsync(story)|].ConfigureAwait(false).GetAwaiter().GetResult();
                    return story;
                }
            """);
        var fixedSource = SyncOverAsync("""
                public string Stored(string story)
                {
                    var verdict = _validator.ValidateAsync(story).Result; // legacy sync API
                    if (!verdict.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return story;
                }

                public string Waited(string story)
                {
                    // checked before publishing
                    var validation = _validator.ValidateAsync(story).Result; // blocks the request thread
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return story;
                }

                public string Blocked(string story)
                {
                    var validation = _validator.ValidateAsync(story).ConfigureAwait(false).GetAwaiter().GetResult();
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return story;
                }
            """);
        // No fallback member: the throw is the only fix, under the fallback key (what Fix All and dotnet format take).
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_WaitedVerdictOfABoolValidator_TestsItsResult()
    {
        var source = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Reviewer
            {
                private readonly IModeration _moderation;

                public Reviewer(IModeration moderation) => _moderation = moderation;

                public string Review(string content)
                {
                    [|_moderation.ReviewAsync(content)|].Wait();
                    return content;
                }

                private static string Fallback(string content) => "(withheld)";
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Domain;

            public sealed class Reviewer
            {
                private readonly IModeration _moderation;

                public Reviewer(IModeration moderation) => _moderation = moderation;

                public string Review(string content)
                {
                    if (!_moderation.ReviewAsync(content).Result)
                    {
                        return Fallback(content);
                    }

                    return content;
                }

                private static string Fallback(string content) => "(withheld)";
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Refusal_WaitWithArguments_ResultWouldDropTheTimeout()
        => await AssertRefusedAsync(SyncOverAsync("""
                public string Publish(string story, CancellationToken cancellationToken)
                {
                    _validator.ValidateAsync(story).Wait(cancellationToken);
                    return story;
                }
            """), MM0004FixRefusal.WaitWithArguments);

    [Fact]
    public async Task SyncOverAsyncVerdict_OfAnOptionalValidatorOrThroughAsTask_IsReported_AStoredTaskIsNot()
    {
        // A consumer round: `_optional?.ValidateAsync(o).Result` (the natural way to call an optional asynchronous
        // validator from synchronous code) and `ValidateQuickAsync(o).AsTask()` (a ValueTask made a Task) went unreported.
        var source = SyncOverAsync("""
                private readonly IStoryValidator _optional;

                public string Publish(string story)
                {
                    var verdict = _optional?{|#0:.ValidateAsync(story)|}.Result;
                    _optional?{|#1:.ValidateAsync(story + "!")|}.GetAwaiter().GetResult();
                    _optional?{|#2:.ValidateAsync(story + "?")|}.Wait();
                    var report = {|#3:_guardrail.ScanAsync(story)|}.AsTask().Result;
                    var task = _validator.ValidateAsync(story); // the task is stored: not followed
                    task.Wait();
                    return story;
                }

                public async Task<string> PublishAsync(string story)
                {
                    await {|#4:_guardrail.ScanAsync(story)|}.AsTask();
                    return story;
                }
            """);
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments(".ValidateAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments(".ValidateAsync"),
            Verify.Diagnostic().WithLocation(2).WithArguments(".ValidateAsync"),
            Verify.Diagnostic().WithLocation(3).WithArguments("_guardrail.ScanAsync"),
            Verify.Diagnostic().WithLocation(4).WithArguments("_guardrail.ScanAsync"));
    }

    [Fact]
    public async Task Throw_OptionalValidatorBlockedOn_FailsOnlyOnAFalseVerdict_WaitReadsItWithResult()
    {
        var source = SyncOverAsync("""
                private readonly IStoryValidator _optional;

                public string Stored(string story)
                {
                    var verdict = _optional?[|.ValidateAsync(story)|].Result;
                    return story;
                }

                public string Waited(string story)
                {
                    _optional?[|.ValidateAsync(story)|].Wait(); // optional check
                    return story;
                }
            """);
        var fixedSource = SyncOverAsync("""
                private readonly IStoryValidator _optional;

                public string Stored(string story)
                {
                    var verdict = _optional?.ValidateAsync(story).Result;
                    if (verdict?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return story;
                }

                public string Waited(string story)
                {
                    var validation = _optional?.ValidateAsync(story).Result; // optional check
                    if (validation?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                    }

                    return story;
                }
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Refusal_WaitAsAVoidExpressionBody_NotInBlock()
        => await AssertRefusedAsync(SyncOverAsync("""
                public void Touch(string story) => _validator.ValidateAsync(story).Wait();
            """), MM0004FixRefusal.NotInBlock);
}
