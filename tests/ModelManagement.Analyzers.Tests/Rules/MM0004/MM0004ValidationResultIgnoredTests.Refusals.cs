using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>MM0004 fix refusals: each typed reason, from the planner the provider uses (docs: "Why no fix was offered").</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private static async Task<(FixPlanResult<MM0004FixPlan, MM0004FixRefusal> Result, SyntaxTree Tree)> PlanAsync(string source)
    {
        var (diagnostic, tree, model) = await TestCompilations.SingleDiagnosticAsync(source, Domain, new MM0004ValidationResultIgnoredAnalyzer());
        return (MM0004FixPlanner.Plan(await tree.GetRootAsync(), model, diagnostic, CancellationToken.None), tree);
    }

    private static async Task AssertRefusedAsync(string source, MM0004FixRefusal expected)
    {
        var (result, _) = await PlanAsync(source);
        Assert.Null(result.Plan);
        Assert.Equal(expected, result.Refusal);
        Assert.NotNull(result.Node);
    }

    private static async Task AssertFallbackRefusedAsync(string source, MM0004FixRefusal expected)
    {
        var (result, _) = await PlanAsync(source);
        Assert.NotNull(result.Plan); // "Throw when validation fails" is still offered
        Assert.Null(result.Plan!.Fallback);
        Assert.Equal(expected, result.Plan.FallbackRefusal);
    }

    [Fact]
    public async Task FallbackRefusal_TheRejectedContentIsOnlyPassedThroughAParameterOfItsName()
    {
        // An independent consumer's guardrail: `HeadlineFallback(string reason)` got the rejected headline as its reason,
        // and the withheld headline was shown inside its own fallback.
        await AssertFallbackRefusedAsync(Generator(string.Empty, members: """
                public string Screen(string headline)
                {
                    _validator.Validate(headline);
                    return headline;
                }

                private static string HeadlineFallback(string reason) => "(headline withheld: " + reason + ")";
            """), MM0004FixRefusal.FallbackArgumentUnresolved);

        var (named, _) = await PlanAsync(Generator(string.Empty, members: """
                public string Screen(string headline)
                {
                    _validator.Validate(headline);
                    return headline;
                }

                private static string HeadlineFallback(string headline) => "(withheld: " + headline.Length + " characters)";
            """));
        Assert.EndsWith("HeadlineFallback(headline)", named.Plan?.Fallback?.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task FallbackRefusal_AVariableOfTheEnclosingFunction_IsNotPassed()
    {
        // A shapes round: inside `static string Check(string text)` and `static text => …` the fix wrote
        // `StoryFallback(story)` with the enclosing method's `story` (CS8421, CS8820); inside a plain lambda over the words
        // of the story it withheld the whole story in place of one word.
        await AssertFallbackRefusedAsync(Generator(string.Empty, members: """
                public string StaticLocal(string story)
                {
                    return Check(story.ToUpperInvariant());

                    static string Check(string text)
                    {
                        s_validator.Validate(text);
                        return text;
                    }
                }

                private static readonly IStoryValidator s_validator = null;
                private static string StoryFallback(string story) => "[withheld story of " + story.Length + "]";
            """), MM0004FixRefusal.FallbackArgumentUnresolved);

        await AssertFallbackRefusedAsync(Generator(string.Empty, members: """
                public string Words(string story)
                {
                    return string.Join("|", System.Linq.Enumerable.Select(story.Split(' '), word =>
                    {
                        _validator.Validate(word);
                        return word;
                    }));
                }

                private static string StoryFallback(string story) => "[withheld story of " + story.Length + "]";
            """), MM0004FixRefusal.FallbackArgumentUnresolved);

        // The local function's own parameter of the fallback parameter's name is passed.
        var (own, _) = await PlanAsync(Generator(string.Empty, members: """
                public string Paragraphs(string text)
                {
                    return string.Join("\n", System.Linq.Enumerable.Select(text.Split('\n'), Check));

                    string Check(string story)
                    {
                        _validator.Validate(story);
                        return story;
                    }
                }

                private static string StoryFallback(string story) => "[withheld story of " + story.Length + "]";
            """));
        Assert.EndsWith("StoryFallback(story)", own.Plan?.Fallback?.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_SyntaxErrors_InHalfTypedCode_NothingIsGluedToTheUnfinishedLine()
    {
        // An independent consumer: `if (!ok) throw …` was written after `var ok = Validate(s`, on code that did not parse.
        const string Source = """
            public sealed class Guard
            {
                public bool Validate(string s) => s.Length > 0;

                public string Check(string s)
                {
                    var ok = Validate(s
                    return s;
                }
            }
            """;
        var references = await TestEnvironment.ReferenceAssemblies.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None);
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source, path: "/0/Test0.cs");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "HalfTyped", new[] { tree }, references, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new MM0004ValidationResultIgnoredAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "MM0004");

        var result = MM0004FixPlanner.Plan(await tree.GetRootAsync(), compilation.GetSemanticModel(tree), diagnostic, CancellationToken.None);

        Assert.Null(result.Plan);
        Assert.Equal(MM0004FixRefusal.SyntaxErrors, result.Refusal);
    }

    [Fact]
    public async Task Refusal_NoVerdict_ForResultWithoutValidityMember()
        => await AssertRefusedAsync(Generator("""
                    ValidateShape(story);
            """, members: """
                private static string[] ValidateShape(string s) => new string[0];
            """), MM0004FixRefusal.NoVerdict);

    [Fact]
    public async Task Refusal_TaskNotAwaited()
        => await AssertRefusedAsync(Generator("""
                    _ = Check(story);
            """, members: """
                private string Check(string s) { _validator.ValidateAsync(s); return s; }
            """).Replace("_ = Check(story);", "story = Check(story);"), MM0004FixRefusal.TaskNotAwaited);

    [Fact]
    public async Task Refusal_VerdictReadLater_WhenAnotherPathAlreadyActsOnIt()
    {
        // Two independent checks: a branch right after the store pre-empted the fallback a later path already took
        // (a throw where short stories got the fallback; a duplicate of the later `if (!r.IsValid)`).
        await AssertRefusedAsync(Generator("""
                    var verdict = _validator.Validate(story);
                    if (story.Length > 100) return story.Substring(0, 100);
                    if (!verdict.IsValid) return await FallbackAsync(seed);
            """), MM0004FixRefusal.VerdictReadLater);
        await AssertRefusedAsync(Generator("""
                    var verdict = await _validator.ValidateAsync(story, cancellationToken);
                    if (story.Length < 10) return story;
                    Func<bool> valid = () => verdict.IsValid;
                    if (!valid()) return await FallbackAsync(seed);
            """), MM0004FixRefusal.VerdictReadLater);

        // A crash hunt: in a loop, a read before the store reads it again on the next iteration.
        await AssertRefusedAsync(Generator("""
                    ValidationResult verdict = null;
                    foreach (var part in story.Split(' '))
                    {
                        if (verdict is { IsValid: false }) story += "[fallback]";
                        verdict = _validator.Validate(part);
                    }
            """), MM0004FixRefusal.VerdictReadLater);
    }

    [Fact]
    public async Task Refusal_ValidatedAgainLater_WhenTheSameCallIsHandledAfterIt()
    {
        // Real code (a command handler): the dropped verdict was followed by the same validation, handled with the
        // handler's own exception; a branch on the first would have thrown another exception type first.
        await AssertRefusedAsync(Generator("""
                    var dropped = _validator.Validate(story);
                    var verdict = _validator.Validate(story);
                    if (!verdict.IsValid) throw new ApplicationException("invalid");
            """), MM0004FixRefusal.ValidatedAgainLater);
        await AssertRefusedAsync(Generator("""
                    _validator.Validate(story);
                    if (!_validator.Validate( story ).IsValid) return await FallbackAsync(seed);
            """), MM0004FixRefusal.ValidatedAgainLater);
    }

    [Theory]
    [InlineData("if (seed.Length > 3) { _validator.Validate(story); } else { _validator.Validate(story); }")]
    [InlineData("switch (seed.Length) { case 1: _validator.Validate(story); break; default: _validator.Validate(story); break; }")]
    public async Task ValidatedAgainOnAnExclusiveBranch_IsNoReason_TheFirstGetsItsFix(string branches)
    {
        // A shapes round: the same check under `if (strict)` and under its `else` refused the first one as validated again
        // later, though no run reaches both; after Fix All the first branch stayed unguarded.
        var (diagnostic, tree, model) = await TestCompilations.FirstDiagnosticAsync(Generator("        " + branches + "\n"), Domain, new MM0004ValidationResultIgnoredAnalyzer());
        var result = MM0004FixPlanner.Plan(await tree.GetRootAsync(), model, diagnostic, CancellationToken.None);
        Assert.NotNull(result.Plan);
        Assert.Equal(MM0004FixRefusal.None, result.Refusal);
    }

    [Fact]
    public async Task ValidationOfAnotherValueLater_TheFixIsOffered()
    {
        var (result, _) = await PlanAsync(Generator("""
                    _validator.Validate(story);
                    var title = story.Substring(0, 1);
                    if (!_validator.Validate(title).IsValid) return await FallbackAsync(seed);
            """));
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public async Task VerdictNotReadAgain_ButANameInAnotherFunction_TheFixIsOffered()
    {
        var (result, _) = await PlanAsync(Generator("""
                    var verdict = _validator.Validate(story);
                    story = story + Count(story);
            """, members: """
                private static int Count(string story)
                {
                    var verdict = story.Length;
                    return verdict;
                }
            """));
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public async Task Refusal_NotInBlock_ForExpressionBody()
        => await AssertRefusedAsync(Generator("", members: """
                public void Check(string s) => _validator.Validate(s);
            """), MM0004FixRefusal.NotInBlock);

    [Fact]
    public async Task Refusal_PatternVariable()
        => await AssertRefusedAsync(Generator("""
                    if (_validator.Validate(story) is var verdict) { story = story.Trim(); }
            """), MM0004FixRefusal.PatternVariable);

    [Fact]
    public async Task FallbackRefusal_NotReturningValidatedValue()
        => await AssertFallbackRefusedAsync(Generator("""
                    _validator.Validate(seed);
            """), MM0004FixRefusal.NotReturningValidatedValue);

    [Fact]
    public async Task FallbackRefusal_NoReturnValue()
        => await AssertFallbackRefusedAsync(Generator("", members: """
                public async Task CheckAsync(string s) { await _validator.ValidateAsync(s); }
            """), MM0004FixRefusal.NoReturnValue);

    [Fact]
    public async Task FallbackRefusal_NoFallbackMember()
        => await AssertFallbackRefusedAsync(Generator("""
                    _validator.Validate(story);
            """).Replace("FallbackAsync", "SafeStoryAsync"), MM0004FixRefusal.NoFallbackMember);

    [Fact]
    public async Task FallbackRefusal_FallbackTypeMismatch()
        => await AssertFallbackRefusedAsync(Generator("""
                    _validator.Validate(story);
            """).Replace("private Task<string> FallbackAsync(string seed) => Task.FromResult(\"A quiet day in \" + seed + \".\");", "private int FallbackCount() => 0;"),
            MM0004FixRefusal.FallbackTypeMismatch);

    [Fact]
    public async Task FallbackRefusal_AmbiguousArgument()
        => await AssertFallbackRefusedAsync(Generator("""
                    var other = seed + "!";
                    _validator.Validate(story);
            """).Replace("FallbackAsync(string seed) => Task.FromResult(\"A quiet day in \" + seed + \".\");", "FallbackAsync(string topic) => Task.FromResult(topic);"),
            MM0004FixRefusal.FallbackArgumentUnresolved);

    [Fact]
    public async Task FallbackRefusal_StaticContextCannotUseInstanceFallback()
        => await AssertFallbackRefusedAsync(Generator("", members: """
                public static string Check(IStoryValidator validator, string story)
                {
                    validator.Validate(story);
                    return story;
                }
            """), MM0004FixRefusal.NoFallbackMember);

    [Theory]
    [InlineData("""
                public System.Func<IStoryValidator, string, string> Handler() =>
                    static (validator, story) =>
                    {
                        validator.Validate(story);
                        return story;
                    };
        """)] // a static lambda (CS8821 with `return StoryFallback;`)
    [InlineData("""
                public string Check(string story)
                {
                    return Core(_validator, story);

                    static string Core(IStoryValidator validator, string text)
                    {
                        validator.Validate(text);
                        return text;
                    }
                }
        """)] // a static local function (CS8422)
    [InlineData("""
                private readonly System.Func<IStoryValidator, string, string> _check = (validator, story) =>
                {
                    validator.Validate(story);
                    return story;
                };
        """)] // a lambda in a field initializer (CS0236)
    public async Task FallbackRefusal_NoThisInAStaticLambdaLocalFunctionOrFieldInitializer(string members)
        // An independent consumer's minimal-API handlers: the instance fallback was returned where there is no `this`.
        => await AssertFallbackRefusedAsync(
            Generator("", members: members + "\n    private string StoryFallback => \"A quiet day.\";"),
            MM0004FixRefusal.NoFallbackMember);

    [Fact]
    public async Task FallbackRefusal_TheFunctionReturnsTwoDifferentFallbacks_NothingSaysWhichOne()
        => await AssertFallbackRefusedAsync("""
            using Domain;

            public static class Texts
            {
                public const string FallbackShort = "…";
                public const string FallbackLong = "The story could not be told today.";
            }

            public sealed class Teller
            {
                private readonly IStoryValidator _validator;

                public Teller(IStoryValidator validator) => _validator = validator;

                public string Tell(string story, bool brief)
                {
                    _validator.Validate(story);
                    if (brief)
                    {
                        return Texts.FallbackShort;
                    }

                    if (story.Length > 500)
                    {
                        return Texts.FallbackLong;
                    }

                    return story;
                }
            }
            """, MM0004FixRefusal.NoFallbackMember);

    private const string GenericFallback = "private Task<string> FallbackAsync(string seed) => Task.FromResult(\"A quiet day in \" + seed + \".\");";

    private static async Task AssertFallbackChosenAsync(string source, string expected)
    {
        var (result, _) = await PlanAsync(source);
        Assert.NotNull(result.Plan);
        Assert.Equal(MM0004FixRefusal.None, result.Plan!.FallbackRefusal);
        // The plan's expression is written `this.`-qualified for the simplifier; the member it names is what counts (the
        // generator's method configures its awaits, so the fallback's await is configured too).
        Assert.Matches(@"^await (this\.)?" + expected.Replace("(", @"\(").Replace(")", @"\)") + @"\.ConfigureAwait\(false\)$", result.Plan.Fallback!.NormalizeWhitespace().ToString());
    }

    [Fact]
    public async Task Fallback_SeveralFit_TheOneNamedForTheValueIsTaken_NotTheFirstDeclared()
        // A consumer: the first member named …Fallback… whose type fitted was taken — a title's fallback for a story.
        => await AssertFallbackChosenAsync(Generator("""
                    _validator.Validate(story);
            """, members: """
                private Task<string> StoryFallbackAsync(string seed) => Task.FromResult(seed);
            """).Replace(GenericFallback, "private string TitleFallback => \"Untitled\";"),
            "StoryFallbackAsync(seed)");

    [Fact]
    public async Task Fallback_SeveralFit_AGenericNameBeatsOneNamingSomethingElse()
        => await AssertFallbackChosenAsync(Generator("""
                    _validator.Validate(story);
            """).Replace(GenericFallback, "private string SummaryFallback => \"No summary\";\n" + GenericFallback),
            "FallbackAsync(seed)");

    [Fact]
    public async Task FallbackRefusal_SeveralFitAndNoNameTellsThemApart()
        => await AssertFallbackRefusedAsync(Generator("""
                    _validator.Validate(story);
            """, members: """
                private string SummaryFallback => "No summary";
            """).Replace(GenericFallback, "private string TitleFallback => \"Untitled\";"),
            MM0004FixRefusal.FallbackAmbiguous);

    [Fact]
    public async Task Fallback_OnlyOneFits_ItIsTakenWhateverItsNameSays()
        // A real-code check: the one member that fits is taken even when its name says it stands in for another value
        // (here `SummaryFallbackAsync` for a story) — names only decide between several (documented; review the preview).
        => await AssertFallbackChosenAsync(Generator("""
                    _validator.Validate(story);
            """).Replace(GenericFallback, "private Task<string> SummaryFallbackAsync(string seed) => Task.FromResult(\"No summary for \" + seed);"),
            "SummaryFallbackAsync(seed)");

    [Fact]
    public async Task Fallback_SameNamedOverloadsFit_TheFirstDeclaredIsTaken()
        => await AssertFallbackChosenAsync(Generator("""
                    _validator.Validate(story);
            """, members: """
                private Task<string> FallbackAsync(int attempt) => Task.FromResult("attempt " + attempt);
            """),
            "FallbackAsync(seed)");

    [Theory]
    [InlineData("_validateStory(story);", "_validateStory")]
    [InlineData("_validateStory.Invoke(story);", "_validateStory")]
    [InlineData("Func<string, ValidationResult> check = _validator.Validate; check(story);", "check")]
    public async Task ThrowMessage_NamesTheDelegateNotInvoke(string body, string expected)
    {
        // An independent consumer: the throw fix's message read "Validation failed: Invoke rejected the content."
        var (result, _) = await PlanAsync(Generator("        " + body, members: """
                private readonly Func<string, ValidationResult> _validateStory = s => new ValidationResult();
            """));
        Assert.NotNull(result.Plan);
        Assert.Equal(expected, result.Plan!.Validator);
    }

    [Fact]
    public async Task Refusal_InAFinallyOfAnAsyncVoidHandler_ThrowWouldGoUnobserved()
        => await AssertRefusedAsync(Generator("", members: """
                public async void OnClose(object sender, EventArgs e)
                {
                    try
                    {
                        await Task.Delay(1);
                    }
                    finally
                    {
                        _validator.Validate("state");
                        Console.WriteLine("closed");
                    }
                }
            """), MM0004FixRefusal.ThrowWouldGoUnobserved);

    [Fact]
    public async Task FallbackRefusal_CallInAFinallyBlock()
        // A crash hunt: `return Fallback();` in a finally block (CS0157). Throw is still offered (a finally may throw).
        => await AssertFallbackRefusedAsync(Generator("""
                    try { story = story.Trim(); } finally { _validator.Validate(story); }
            """), MM0004FixRefusal.FallbackInFinally);

    [Fact]
    public async Task FallbackRefusal_AnOutParameterAssignedOnlyAfterTheCall()
    {
        // A fix-shapes round: `return Fallback();` right after the call left `out int tokens` unassigned (CS0177). A throw
        // may leave it so: that fix is still offered.
        await AssertFallbackRefusedAsync(Generator(string.Empty, members: """
                public string Generate(string story, out int tokens)
                {
                    _validator.Validate(story);
                    tokens = story.Length;
                    return story;
                }

                private static string StoryFallback() => "A quiet day.";
            """), MM0004FixRefusal.FallbackLeavesOutParameterUnassigned);

        // Assigned before the call: the fallback is offered.
        var (assigned, _) = await PlanAsync(Generator(string.Empty, members: """
                public string Generate(string story, out int tokens)
                {
                    tokens = story.Length;
                    _validator.Validate(story);
                    return story;
                }

                private static string StoryFallback() => "A quiet day.";
            """));
        Assert.NotNull(assigned.Plan);
        Assert.Equal(MM0004FixRefusal.None, assigned.Plan!.FallbackRefusal);
        Assert.NotNull(assigned.Plan.Fallback);
    }

    [Theory]
    [InlineData("[Obsolete(\"use FallbackText\", true)] ")]
    [InlineData("[Obsolete(\"use FallbackText\")] ")]
    public async Task Fallback_ObsoleteMember_IsSkipped(string obsolete)
    {
        // Crash hunts: an `[Obsolete]` fallback was chosen over a usable one (CS0619 as an error, CS0618 as a warning).
        var (result, _) = await PlanAsync(Generator("""
                    _validator.Validate(story);
            """, members: """
                private string FallbackText => "A quiet day.";
            """).Replace(GenericFallback, obsolete + GenericFallback));
        Assert.NotNull(result.Plan);
        Assert.Matches(@"^(this\.)?FallbackText$", result.Plan!.Fallback!.NormalizeWhitespace().ToString());
    }

    [Fact]
    public async Task FallbackRefusal_AwaitedFallbackInsideALock()
    {
        // A crash hunt: the fallback fix wrote `return await FallbackAsync(seed);` in a lock body (CS1996).
        await AssertFallbackRefusedAsync(Generator("""
                    lock (_validator) { _validator.Validate(story); }
            """), MM0004FixRefusal.FallbackCannotBeAwaited);
    }

    [Fact]
    public async Task Refused_OptionalValidatorWithAnOutVerdict()
        // `report` is unassigned when `_optionalValidator` is null: no branch on it compiles (CS0165).
        => await AssertRefusedAsync(Generator("""
                    _checker?.Validate(story, out var report);
            """, members: """
                public interface IChecker { void Validate(string story, out ValidationResult report); }
                private readonly IChecker _checker;
            """), MM0004FixRefusal.OptionalValidatorOutVerdict);
}
