using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>MM0004: what a naive "result unused" rule would flag but this one must not.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task ResultReturned_DoesNotReport()
    {
        var source = InMethod("""
                    return prompt;
            """, returnType: "string", members: """
                public Task<ValidationResult> CheckAsync(string story) => _validator.ValidateAsync(story);
                public async Task<ValidationResult> CheckAwaitedAsync(string story) { return await _validator.ValidateAsync(story); }
                public bool Check(string story) => _validator.TryValidate(story, out _);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DiscardFollowedByALeaveOrAReadOfTheValidatorsVerdictState_DoesNotReport_ButOtherNextStatementsDo()
    {
        // Avalonia's PropertyAccessorNode: `else ValidateNonNullSource(source); return;` validates for its effect (the node
        // reports the error) and hands nothing on. elsa's endpoints: `ValidateInput(request); if (ValidationFailed) …` read
        // the verdict from the validator's own state, as `validator.Validate(x); if (validator.HasErrors) …` does. Another
        // member of that state (`Enabled`), another receiver's verdict, or a next statement that hands the content on
        // keep the report.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;

            public sealed class Checker
            {
                private readonly List<string> _errors = new List<string>();
                public bool HasErrors => _errors.Count > 0;
                public bool Enabled { get; set; }
                public bool Validate(string story) { if (story.Length == 0) { _errors.Add("empty"); return false; } return true; }
            }

            public sealed class Node
            {
                private readonly List<string> _failures = new List<string>();
                private readonly Checker _checker = new Checker();
                private readonly Checker _other = new Checker();
                private object _value;

                private bool ValidationFailed => _failures.Count > 0;

                private bool ValidateNonNullSource(object source)
                {
                    if (source is null) { _failures.Add("Value is null."); _value = null; return false; }
                    return true;
                }

                public void OnSourceChanged(object source, bool acceptsNull)
                {
                    if (source is null)
                    {
                        if (acceptsNull)
                            _value = null;
                        else
                            ValidateNonNullSource(source);
                        return;
                    }

                    _value = source;
                }

                public string Handle(object request)
                {
                    ValidateNonNullSource(request);
                    if (ValidationFailed) return "400";
                    _checker.Validate(request.ToString());
                    if (_checker.HasErrors) return "400";
                    this.ValidateNonNullSource(request);
                    if (!this.ValidationFailed) { }
                    {|#0:_checker.Validate(request.ToString())|};
                    if (_checker.Enabled) return "ok";
                    {|#1:_other.Validate(request.ToString())|};
                    if (_checker.HasErrors) return "400";
                    {|#2:ValidateNonNullSource(request)|};
                    _value = request;
                    var isValid = request.ToString().Length > 0;
                    {|#3:ValidateNonNullSource(request)|};
                    if (!isValid) return "400";
                    throw new System.InvalidOperationException();
                }

                public void Throws(object request)
                {
                    ValidateNonNullSource(request);
                    throw new System.ArgumentException("bad");
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_checker.Validate"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_other.Validate"),
            Verify.Diagnostic().WithLocation(2).WithArguments("ValidateNonNullSource"),
            Verify.Diagnostic().WithLocation(3).WithArguments("ValidateNonNullSource"));
    }

    [Fact]
    public async Task ResultPassedOn_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    Consume(await _validator.ValidateAsync(story));
                    var all = new List<ValidationResult> { _validator.Validate(story) };
                    await Task.WhenAll(_validator.ValidateAsync(story), _validator.ValidateAsync(story));
                    return story;
            """, members: """
                private static void Consume(ValidationResult result) { }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ResultStoredToFieldOrProperty_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _last = await _validator.ValidateAsync(story);
                    Last = _validator.Validate(story);
                    return story;
            """, members: """
                public ValidationResult Last { get; private set; }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ResultUsedInCondition_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    if (!(await _validator.ValidateAsync(story)).IsValid) return Fallback();
                    if (!_validator.TryValidate(story, out _)) return Fallback();
                    if (_validator.Validate(story) is { IsValid: false }) return Fallback();
                    while (!(await _guardrail.CheckAsync(story)).IsCompliant) story = Fallback();
                    return (await _guardrail.ScanAsync(story)).IsSafe ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictsCombinedWithShortCircuit_DoNotReport()
    {
        // eShop's view models: the second verdict is not read when the first already failed, and the combination is the check.
        var source = InMethod("""
                    var first = _validator.TryValidate(prompt, out _);
                    var second = _validator.TryValidate(prompt + "!", out _);
                    var third = _validator.TryValidate(prompt + "?", out _);
                    return first && (second || !third);
            """, returnType: "bool");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictsCombinedInABranchCondition_DoNotReport_ButAnUnrelatedGuardDoes()
    {
        // `second` goes unread only where `first` already failed and the fallback is returned; in `verbose && !third` an
        // unrelated flag skips the check, so the story can be returned with `third` unread.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var first = _validator.Validate(story);
                    var second = await _validator.ValidateAsync(story + "!");
                    if (!(first.IsValid && second.IsValid))
                    {
                        return Fallback();
                    }

                    var verdict = first.IsValid && second.IsValid ? story : Fallback();
                    var third = [|_validator.Validate(verdict)|];
                    if (prompt.Length > 10 && !third.IsValid)
                    {
                        return Fallback();
                    }

                    return verdict;
            """);
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("bool all;\n        all = first || second;\n        return all;")]
    [InlineData("var all = first || second;\n        return all;")]
    [InlineData("Accept(first && second);\n        return true;")]
    public async Task VerdictsCombinedIntoALocalOrAnArgument_DoNotReport(string use)
    {
        var source = InMethod("""
                    var first = _validator.TryValidate(prompt, out _);
                    var second = _validator.TryValidate(prompt + "!", out _);
            """ + "        " + use + "\n", returnType: "bool", members: """
                private static void Accept(bool valid) { }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StoredAndReadOnEveryPath_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var validation = await _validator.ValidateAsync(story);
                    if (!validation.IsValid)
                    {
                        return Fallback();
                    }

                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VoidAndTaskValidators_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    await _validator.ValidateAndThrowAsync(story);
                    _validator.ValidateArguments(story);
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CallsToldToThrowOnFailure_DoNotReport_ButFalseOrAnotherLambdaDoes()
    {
        // esprima's `Validate(line, column, throwOnError: true)` and FluentValidation's
        // `validator.Validate(instance, o => o.ThrowOnFailures())`: a failure throws, so the dropped verdict decides nothing.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    Validate(story, throwOnError: true);
                    Validate(story, true);
                    ValidateWith(story, o => o.ThrowOnFailures());
                    ValidateWith(story, o => { o.ThrowOnError = true; });
                    [|Validate(story, throwOnError: false)|];
                    [|ValidateWith(story, o => o.IncludeRuleSets("x"))|];
                    return story;
            """, members: """
                private static bool Validate(string story, bool throwOnError) => story.Length > 0 || !throwOnError;
                private static bool ValidateWith(string story, System.Action<ValidationStrategy> configure) => story.Length > 0;

                public sealed class ValidationStrategy
                {
                    public bool ThrowOnError { get; set; }
                    public ValidationStrategy ThrowOnFailures() { ThrowOnError = true; return this; }
                    public ValidationStrategy IncludeRuleSets(string name) => this;
                }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NamesThatOnlyStartWithTheWord_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _validator.Validated(story);
                    Validation(story);
                    ValidatesNothing(story);
                    return story;
            """, members: """
                private static int Validation(string story) => story.Length;
                private static int ValidatesNothing(string story) => story.Length;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NamedValidatorHandingBackData_DoesNotReport()
    {
        // Found on real code (bitwarden, elsa): a Validate… method that returns what it looked up throws on failure, like a
        // void validator. Its result is data, not a verdict, so dropping it ignores nothing.
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    await ValidateUserTokenAsync(story);
                    ValidateHosts(story);
                    ValidateOwners(story);
                    ValidateSession<Account>(story);
                    ValidateOrdinal(story, 0);
                    ValidateItemSize(story, "story");
                    await ValidateMessageLength(story);
                    ValidateChunkSizes(story);
                    ValidateTransforms(story);
                    ValidateEndpoint(story);
                    return story;
            """, members: """
                public sealed class Account { public string Name { get; set; } }
                private static Task<Account> ValidateUserTokenAsync(string token) => Task.FromResult(new Account());
                private static System.Net.IPAddress[] ValidateHosts(string hosts) => new[] { System.Net.IPAddress.Loopback };
                private static IEnumerable<Account> ValidateOwners(string story) => new[] { new Account() };
                private static T ValidateSession<T>(string token) where T : new() => new T();
                // An integer named for data (EF Core's ValidateOrdinal, orleans' ValidateItemSize): thrown on failure, not counted.
                private static int ValidateOrdinal(string entry, int original) => original;
                private static long ValidateItemSize(string item, string name) => item.Length;
                private static Task<int> ValidateMessageLength(string story) => Task.FromResult(story.Length);
                private static IReadOnlyList<int> ValidateChunkSizes(string story) => new[] { story.Length };
                // Tuples whose named elements are data (ServiceStack's ValidateTransforms, found by a triage): the parsed rules.
                private static List<(string Match, System.Text.RegularExpressions.Regex Regex, string Replacement, bool Global)> ValidateTransforms(string story) => new();
                private static (string Host, int Port) ValidateEndpoint(string story) => ("localhost", 80);
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GuardReturningItsArgument_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _validator.ValidateNotNull(story);
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FluentBuilderReturningItsReceiver_DoesNotReport()
    {
        var source = InMethod("""
                    var options = new OptionsBuilder();
                    options.ValidateDataAnnotations().ValidateOnStart();
                    options.ValidateOnStart();
                    var result = new ValidationResult();
                    result.AddError("too long");
                    return prompt;
            """, returnType: "string");
        await VerifyAsync(source);
    }

    /// <summary>
    /// A guard library's chain (<c>Guard.Validate(x).NotNull()</c>): each chained method returns its receiver's type, so it is
    /// a builder step, not a verdict, even when the chain type has an <c>IsValid</c> member and the step's name starts with
    /// <c>Validate</c> (instance or extension). Only the chain's head is judged: dropped on its own, it is reported.
    /// </summary>
    [Fact]
    public async Task FluentGuardChainReturningItsReceiver_DoesNotReport_ButALoneHeadDoes()
    {
        var source = InMethod("""
                    Guard.Validate(prompt).NotNull().NotEmpty();
                    Guard.Validate(prompt).ValidateLength(100);
                    Guard.Validate(prompt).ValidateRange();
                    var clause = Guard.Validate(prompt);
                    clause.NotNull();
                    clause.ValidateLength(10);
                    [|Guard.Validate(prompt)|];
                    return clause.IsValid ? prompt : Fallback();
            """, returnType: "string") + """

            public static class Guard
            {
                public static GuardClause<T> Validate<T>(T value) => new GuardClause<T>(value);
            }

            public sealed class GuardClause<T>
            {
                public GuardClause(T value) { Value = value; }
                public T Value { get; }
                public bool IsValid { get; private set; } = true;
                public GuardClause<T> NotNull() { IsValid &= Value != null; return this; }
                public GuardClause<T> ValidateLength(int max) => this;
            }

            public static class GuardExtensions
            {
                public static GuardClause<string> NotEmpty(this GuardClause<string> clause) => clause;
                public static GuardClause<T> ValidateRange<T>(this GuardClause<T> clause) => clause;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NonVerdictTypeWithoutValidatorName_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    _guardrail.Summarize(story);
                    var summary = _guardrail.Summarize(story);
                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task BoolWithoutValidatorNameOrAttribute_DoesNotReport()
    {
        var source = InMethod("""
                    var list = new List<string>();
                    list.Remove(prompt);
                    var set = new HashSet<string>();
                    set.Add(prompt);
                    return prompt;
            """, returnType: "string");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Nameof_DoesNotReport()
    {
        var source = InMethod("""
                    return nameof(_validator.Validate) + nameof(IStoryValidator.ValidateAsync);
            """, returnType: "string");
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ExpressionBodiedLambdaAsAction_DoesNotReport()
    {
        var source = InMethod("""
                    Action act = () => _validator.Validate(prompt);
                    Func<Task> actAsync = () => _validator.ValidateAsync(prompt);
                    Run(() => _validator.Validate(prompt));
                    return prompt;
            """, returnType: "string", members: """
                private static void Run(Action action) => action();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInLambda_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await _guardrail.CheckAsync(story);
                    Func<bool> ok = () => verdict.IsCompliant;
                    return ok() ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInLocalFunction_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await _guardrail.CheckAsync(story);
                    return Decide();

                    string Decide() => verdict.IsCompliant ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInFinally_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = _validator.Validate(story);
                    try
                    {
                        return story;
                    }
                    finally
                    {
                        _last = verdict;
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInCatch_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = _validator.Validate(story);
                    try
                    {
                        story = story.Trim();
                        return story;
                    }
                    catch (Exception) when (!verdict.IsValid)
                    {
                        return Fallback();
                    }
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInsideUsingBlock_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await _guardrail.CheckAsync(story);
                    using (var cts = new CancellationTokenSource())
                    {
                        if (!verdict.IsCompliant) return Fallback();
                    }

                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PathsEndingInThrow_DoNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = await _guardrail.CheckAsync(story);
                    if (story.Length == 0) throw new InvalidOperationException("empty");
                    return verdict.IsCompliant ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReadInLoopCondition_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var verdict = _guardrail.Inspect(story);
                    while (!verdict.IsCompliant)
                    {
                        story = Fallback();
                        verdict = _guardrail.Inspect(story);
                    }

                    return story;
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReassignedFromItself_CountsAsRead_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var ok = _validator.TryValidate(story, out _);
                    ok = ok && _validator.TryValidate(story.Trim(), out _);
                    return ok ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task BoolVerdictFoldedIntoAnAccumulatedFlag_DoesNotReport_ButOverwrittenByAnotherVerdictDoes()
    {
        // jellyfin's ItemImageProvider.MergeImages: `var changed = item.ValidateImages(); … changed = true; … return changed;`
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var changed = _validator.TryValidate(story, out _);
                    if (story.Length > 10)
                    {
                        changed = true;
                    }

                    var strict = _validator.TryValidate(story.Trim(), out _);
                    if (story.Length > 20)
                    {
                        strict = false;
                    }

                    var ok = [|_validator.TryValidate(story, out _)|];
                    ok = _validator.TryValidate(story.Trim(), out _);
                    return changed && strict && ok ? story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DeconstructedOrTupled_IsPassedOn_DoesNotReport()
    {
        var source = InMethod("""
                    var story = await _generator.GenerateAsync(prompt);
                    var pair = (story, _validator.Validate(story));
                    return pair.Item2.IsValid ? pair.story : Fallback();
            """);
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GeneratedCode_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            // <auto-generated/>
            using Domain;

            public static class Generated
            {
                public static string Run(IStoryValidator validator, string story)
                {
                    validator.Validate(story);
                    return story;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AttributeWithAnotherName_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class ValidatesAttribute : Attribute { }

            public static class Checks
            {
                [Validates] public static int Review(string story) => story.Length;

                public static string Run(string story)
                {
                    Review(story);
                    return story;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InsideTestMethods_DoesNotReport_ButTheirHelpersDo()
    {
        // bitwarden's validator tests: `await sutProvider.Sut.ValidateAsync(request);` then assertions on the mocks. A test
        // drives the validator to check how it behaves; its verdict is the test's subject, not content handed on.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            public sealed class StoryValidatorTests
            {
                private readonly IStoryValidator _validator = null;

                [Xunit.Fact]
                public async Task Validate_CallsTheModeration()
                {
                    await _validator.ValidateAsync("story");
                    _ = _validator.Validate("story");
                }

                [NUnit.Framework.TestCase("story")]
                public void Validate_NUnit(string story) => _validator.Validate(story);

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                public async Task Validate_MSTest()
                {
                    await Task.Run(() => _validator.Validate("story"));
                }

                private async Task<string> ArrangeAsync(string story)
                {
                    await {|#0:_validator.ValidateAsync(story)|};
                    return story;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.TestState.AdditionalReferences.AddRange(ModelManagement.Analyzers.Tests.Verifiers.TestFrameworkReferences.TestAttributes);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_validator.ValidateAsync"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task InsideBenchmarkClasses_DoesNotReport_ButALookAlikeAttributeDoes()
    {
        // FluentValidation's ValidationBenchmark: `[Benchmark] public object Validate() { … t = _validator.Validate(model); … }`
        // times the validation itself, and so do the class's helpers. An attribute of the same name from another namespace
        // proves nothing.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Domain;

            namespace BenchmarkDotNet.Attributes
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class BenchmarkAttribute : System.Attribute { }
            }

            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class BenchmarkAttribute : System.Attribute { }
            }

            public class ValidationBenchmark
            {
                private readonly IStoryValidator _validator = null;

                [BenchmarkDotNet.Attributes.Benchmark]
                public object Validate_SingleRule()
                {
                    object t = null;
                    for (var i = 0; i < 10; ++i) { t = _validator.Validate("story"); }
                    _validator.Validate("story");
                    return t;
                }

                [BenchmarkDotNet.Attributes.Benchmark]
                public void Stage() => Run();

                // graphql-dotnet's DetailedBenchmark: a helper that dispatches to the stage being timed.
                private void Run() => _validator.Validate("story");
            }

            public class LookAlikeBenchmark
            {
                private readonly IStoryValidator _validator = null;

                [Other.Benchmark]
                public void LookAlike() => {|#0:_validator.Validate("story")|};
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_validator.Validate"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task DataWithAValidityMember_DoesNotReport_ButAVerdictNamedTypeDoes()
    {
        // orleans: `AllocatePage(0);` returns an `ArcBufferPage` with `bool IsValid`, and `Interlocked.Exchange(ref _current,
        // next)` hands back the previous `Element`, which has one too. Data that knows whether it is usable is no verdict;
        // a type named like one (`ModerationDecision`) is, without any validator name or attribute.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ArcBufferPage { public bool IsValid => true; }
            public sealed class Element { public bool IsValid { get; set; } }
            public sealed class ModerationDecision { public bool IsSafe { get; set; } }

            public sealed class BufferWriter
            {
                private Element _current = new Element();

                public void Reset(Element next)
                {
                    AllocatePage(0);
                    Interlocked.Exchange(ref _current, next);
                }

                public async Task<string> PublishAsync(string story)
                {
                    await {|#0:DecideAsync(story)|};
                    return story;
                }

                private ArcBufferPage AllocatePage(int sizeHint) => new ArcBufferPage();

                private Task<ModerationDecision> DecideAsync(string story) => Task.FromResult(new ModerationDecision());
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("DecideAsync"));
    }

    [Fact]
    public async Task StoredPlainValueOfAValidateMethod_UnreadOnAPath_DoesNotReport_AVerdictDoes()
    {
        // Real-code hunt (stryker's `var basePath = BasePathInput.Validate();`, Humanizer's `ValidateFractionalSecondGrammar`):
        // a validator returning a string or a number returns the validated value and throws on failure; a path that does
        // not read the value drops no verdict. A stored verdict unread on a path is still reported, and so is an enum,
        // which is often the verdict itself (`enum Verdict { Allowed, Blocked }`).
        var source = InMethod("""
                    var path = ValidatePath(prompt);
                    var kind = {|#1:ValidateKind(prompt)|};
                    var length = ValidateLength(prompt);
                    var verdict = {|#0:_validator.Validate(prompt)|};
                    if (prompt.Length > 3) return prompt;
                    return path + kind + length + verdict.IsValid;
            """, members: """
                private static string ValidatePath(string p) => p.Length > 0 ? p : throw new System.ArgumentException(nameof(p));
                private static System.DayOfWeek ValidateKind(string p) => System.DayOfWeek.Monday;
                private static int? ValidateLength(string p) => p.Length;
            """);
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(1).WithArguments("ValidateKind"), // an enum is often the verdict itself
            Verify.Diagnostic().WithLocation(0).WithArguments("_validator.Validate"));
    }

    [Fact]
    public async Task NullableErrorMessageOfAValidator_IsAVerdict_ReportedDiscardedOrStoredUnread()
    {
        // An independent consumer: `string? ValidatePrompt(string prompt)` returns the error (null when valid). Neither the
        // "hands the argument back" guard nor the "plain value" exemption fits a result that may be null where the input
        // may not; `string ValidateNotEmpty(string s)` returning its input stays a guard.
        var test = new Verify.Test
        {
            NullableContextOptions = Microsoft.CodeAnalysis.NullableContextOptions.Enable,
            TestCode = /* lang=c#-test */ """
                public static class PromptRules
                {
                    public static string? ValidatePrompt(string prompt) => prompt.Length == 0 ? "empty" : null;
                    public static string ValidateNotEmpty(string prompt) => prompt.Length == 0 ? throw new System.ArgumentException("empty") : prompt;

                    public static string Use(string prompt)
                    {
                        {|#0:ValidatePrompt(prompt)|};
                        var error = {|#1:ValidatePrompt(prompt + "!")|};
                        ValidateNotEmpty(prompt);
                        var checkedPrompt = ValidateNotEmpty(prompt);
                        return prompt;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("ValidatePrompt"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("ValidatePrompt"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task TryValidatorWhoseNotNullWhenOutValueIsReadOnEveryPath_DoesNotReport_AnUnreadPathDoes()
    {
        // Snap.Hutao's `ResponseValidator.TryValidate(response, out EndIds? raw)`: `[NotNullWhen(true)] out` makes the value
        // null exactly when validation failed; `?? fallback`, `??=` and a nullable return handle it. A path that drops the
        // value drops the verdict too.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Diagnostics.CodeAnalysis;

            public sealed class Response { public string? Data { get; set; } }

            public static class ResponseValidator
            {
                public static bool TryValidate(Response response, [NotNullWhen(true)] out string? data)
                {
                    data = response.Data;
                    return data is not null;
                }
            }

            public sealed class Client
            {
                public string? Returned(Response response)
                {
                    ResponseValidator.TryValidate(response, out var raw);
                    return raw;
                }

                public string Coalesced(Response response)
                {
                    ResponseValidator.TryValidate(response, out string? value);
                    return value ?? string.Empty;
                }

                public string Dropped(Response response, bool quick)
                {
                    {|#0:ResponseValidator.TryValidate(response, out var raw)|};
                    if (quick)
                    {
                        return "quick";
                    }

                    return raw ?? string.Empty;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("ResponseValidator.TryValidate"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}

/// <summary>MM0004: reads that a Release build drops.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task VerdictReadOnlyByDebugAssert_Reports_ATraceCallOrARealCheckDoesNot()
    {
        // The s35 shapes round: `Debug.Assert(ok, error)` is [Conditional("DEBUG")], gone from a Release build, where the
        // content is handed on with its verdict unread. A [Conditional("TRACE")] call stays in Release builds and counts.
        var source = /* lang=c#-test */ """
            using System;
            using System.Diagnostics;

            public sealed class Verdict { public bool IsValid { get; set; } public string Error { get; set; } = ""; }
            public interface IGuard { Verdict ValidateOutput(string text); bool TryValidateJson(string json, out string error); }

            public sealed class Publisher
            {
                private readonly IGuard _guard;

                public Publisher(IGuard guard) => _guard = guard;

                public string PublishAssert(string json)
                {
                    var ok = {|#0:_guard.TryValidateJson(json, out var error)|};
                    Debug.Assert(ok, error); // removed in Release
                    return json;
                }

                public string PublishAssertMember(string text)
                {
                    var v = {|#1:_guard.ValidateOutput(text)|};
                    Debug.Assert(v.IsValid);
                    return text;
                }

                public string PublishTrace(string text)
                {
                    var v = _guard.ValidateOutput(text);
                    Trace.WriteLineIf(!v.IsValid, "invalid: " + v.Error);
                    return text;
                }

                public string PublishChecked(string text)
                {
                    var v = _guard.ValidateOutput(text);
                    Debug.Assert(v.IsValid);
                    if (!v.IsValid) throw new InvalidOperationException(v.Error);
                    return text;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_guard.TryValidateJson"), Verify.Diagnostic().WithLocation(1).WithArguments("_guard.ValidateOutput"));
    }
}

/// <summary>MM0004: a dropped bool whose failure detail, the verdict's other channel, is tested.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task DroppedBoolWhoseErrorOutputIsTestedOnEveryPath_DoesNotReport_LoggedOnlyOrUnreadDoes()
    {
        // The s35 consumer round (FeatureManagement's RecurrenceValidator): `TryValidateSettings(s, out string paramName,
        // out string reason); if (reason != null) throw new ArgumentException(reason, paramName);` — the fix's throw
        // replaced the method's own ArgumentException (5 of 69 tests failed after dotnet format). The failure detail is
        // set exactly when validation failed; testing it checks the verdict. Logging it only, or not reading it on every
        // path, still reports.
        var source = /* lang=c#-test */ """
            using System;

            public class Settings { public int Start; }

            public static class RecurrenceValidator
            {
                public static bool TryValidateSettings(Settings settings, out string paramName, out string reason)
                {
                    paramName = settings.Start < 0 ? "Start" : null;
                    reason = settings.Start < 0 ? "negative" : null;
                    return paramName == null;
                }
            }

            public static class Assert
            {
                public static void Equal(string expected, string actual) { if (expected != actual) throw new Exception(actual); }
            }

            public class Filter
            {
                public Settings Bind(Settings settings)
                {
                    RecurrenceValidator.TryValidateSettings(settings, out string paramName, out string reason);
                    if (reason != null)
                    {
                        throw new ArgumentException(reason, paramName);
                    }

                    return settings;
                }

                public void Check(Settings settings, string expectedReason)
                {
                    RecurrenceValidator.TryValidateSettings(settings, out _, out string errorMessage);
                    Assert.Equal(expectedReason, errorMessage);
                }

                public Settings Logged(Settings settings)
                {
                    {|#0:RecurrenceValidator.TryValidateSettings(settings, out _, out var reason)|};
                    Console.WriteLine(reason);
                    return settings;
                }

                public Settings SometimesTested(Settings settings, bool strict)
                {
                    {|#1:RecurrenceValidator.TryValidateSettings(settings, out _, out var reason)|};
                    if (strict && reason != null) throw new ArgumentException(reason);
                    return settings;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("RecurrenceValidator.TryValidateSettings"),
            Verify.Diagnostic().WithLocation(1).WithArguments("RecurrenceValidator.TryValidateSettings"));
    }
}

/// <summary>MM0004: a failure detail turned into a verdict, and one only formatted for a log.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task ErrorDetailComparedIntoAVerdict_DoesNotReport_ButOneOnlyDefaultedInALogDoes()
    {
        // A fix-shapes round: an adapter from the Try form to a verdict object was reported when it compared (`errors.Count
        // == 0`) but not with a pattern (`errors.Count is 0`); its throw fix turned the validator into one that threw. A
        // detail only defaulted with `??` inside a log line decides nothing and was not reported.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;

            public sealed class Verdict
            {
                public Verdict(bool isValid, IReadOnlyList<string> errors) { IsValid = isValid; Errors = errors; }
                public bool IsValid { get; }
                public IReadOnlyList<string> Errors { get; }
            }

            public sealed class StoryRules
            {
                public bool TryValidateStory(string story, out IReadOnlyList<string> errors)
                {
                    errors = story.Length > 10 ? new[] { "too long" } : new string[0];
                    return errors.Count == 0;
                }

                public bool TryValidateText(string story, out string error)
                {
                    error = story.Length > 10 ? "too long" : null;
                    return error == null;
                }

                public Verdict ValidateA(string story)
                {
                    TryValidateStory(story, out var errors);
                    return new Verdict(errors.Count == 0, errors);
                }

                public Verdict ValidateB(string story)
                {
                    TryValidateStory(story, out var errors);
                    return new Verdict(errors.Count is 0, errors);
                }

                public string Tell(string story)
                {
                    {|#0:TryValidateText(story, out var error)|};
                    Console.WriteLine($"checked: {error ?? "ok"}");
                    return story;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("TryValidateText"));
    }
}

/// <summary>MM0004: a verdict whose requirement depends on the validated content's own state.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task VerdictRequiredOnlyInAStateOfTheValidatedContent_DoesNotReport_AnUnrelatedGuardDoes()
    {
        // The s35 triage (IoTSharp's collection templates): `if (template.Status == Active && !validation.Success) return …;`
        // — a draft may be saved invalid; the content's own state decides whether the verdict matters. A guard on anything
        // else (a flag of the caller) can skip the check and still reports.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;

            public enum TemplateStatus { Draft, Active }

            public sealed class Template
            {
                public TemplateStatus Status { get; set; }
                public string Key { get; set; } = "";
            }

            public sealed class TemplateValidationResult { public bool Success { get; set; } }

            public static class TemplateService
            {
                public static TemplateValidationResult Validate(Template t) => new TemplateValidationResult { Success = t.Key.Length > 0 };
            }

            public sealed class TemplatesController
            {
                private readonly List<Template> _store = new List<Template>();

                public string Create(Template template)
                {
                    var validation = TemplateService.Validate(template);
                    if (template.Status == TemplateStatus.Active && !validation.Success)
                    {
                        return "invalid";
                    }

                    _store.Add(template);
                    return "OK";
                }

                public string CreateStrict(Template template, bool strict)
                {
                    var validation = {|#0:TemplateService.Validate(template)|};
                    if (strict && !validation.Success)
                    {
                        return "invalid";
                    }

                    _store.Add(template);
                    return "OK";
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("TemplateService.Validate"));
    }
}
