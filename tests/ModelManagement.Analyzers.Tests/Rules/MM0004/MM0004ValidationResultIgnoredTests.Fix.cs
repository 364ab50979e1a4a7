using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0004ValidationResultIgnoredCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>MM0004 fixes: "Return the fallback when validation fails" and "Throw when validation fails", Fix All.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    private const string Fallback = MM0004ValidationResultIgnoredCodeFixProvider.ReturnFallbackKey;
    private const string Throw = MM0004ValidationResultIgnoredCodeFixProvider.ThrowKey;

    private static async Task VerifyFixAsync(
        string source,
        string fixedSource,
        string key,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Disable,
        int? iterations = null,
        string? editorConfig = null)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>A generator with a validator, a guardrail and a fallback taking the seed.</summary>
    private static string Generator(string body, string members = "", string usings = "using System;\n") => $$"""
        {{usings}}using System.Threading;
        using System.Threading.Tasks;
        using Domain;

        public class StoryGenerator
        {
            private readonly IStoryValidator _validator;
            private readonly IGuardrail _guardrail;
            private readonly IStoryGenerator _llm;

            public StoryGenerator(IStoryValidator validator, IGuardrail guardrail, IStoryGenerator llm)
            {
                _validator = validator; _guardrail = guardrail; _llm = llm;
            }

            public async Task<string> GenerateAsync(string seed, CancellationToken cancellationToken)
            {
                var story = await _llm.GenerateAsync(seed, cancellationToken).ConfigureAwait(false);
        {{body}}
                return story;
            }

            private Task<string> FallbackAsync(string seed) => Task.FromResult("A quiet day in " + seed + ".");
        {{members}}
        }
        """;

    [Fact]
    public async Task ReturnFallback_VerdictReadOnlyByDebugAssert_GetsTheBranch()
    {
        // A fix-shapes round: a verdict read only by `Debug.Assert` is reported (a Release build drops the call), but the fix
        // counted that read as the code acting on the verdict later (VerdictReadLater) and offered nothing.
        var source = Generator("""
                    var verdict = [|_validator.Validate(story)|];
                    System.Diagnostics.Debug.Assert(verdict.IsValid); // checked in Debug builds only
            """);
        var fixedSource = Generator("""
                    var verdict = _validator.Validate(story);
                    if (!verdict.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    System.Diagnostics.Debug.Assert(verdict.IsValid); // checked in Debug builds only
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_InsideALambdaAndALocalFunction_ReturnsTheFallback()
    {
        // An independent consumer: in a lambda or a local function the fix always threw, though a fallback fit (the
        // search for `return draft;` never entered the function's own body).
        var source = Generator("""
                    System.Func<string, Task<string>> review = async draft =>
                    {
                        await [|_validator.ValidateAsync(draft, cancellationToken)|].ConfigureAwait(false);
                        return draft;
                    };
                    story = await review(story).ConfigureAwait(false);
                    story = Trim(story);

                    string Trim(string draft)
                    {
                        [|_validator.Validate(draft)|];
                        return draft;
                    }
            """, members: """
                private static string DraftFallback(string draft) => "(withheld)";
            """);
        var fixedSource = Generator("""
                    System.Func<string, Task<string>> review = async draft =>
                    {
                        var validation = await _validator.ValidateAsync(draft, cancellationToken).ConfigureAwait(false);
                        if (!validation.IsValid)
                        {
                            return DraftFallback(draft);
                        }

                        return draft;
                    };
                    story = await review(story).ConfigureAwait(false);
                    story = Trim(story);

                    string Trim(string draft)
                    {
                        var validation = _validator.Validate(draft);
                        if (!validation.IsValid)
                        {
                            return DraftFallback(draft);
                        }

                        return draft;
                    }
            """, members: """
                private static string DraftFallback(string draft) => "(withheld)";
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_VerdictStoredAndNeverReadInsideALambdaAndALocalFunction_ReportsAndReturnsTheFallback()
    {
        // An independent consumer: a verdict stored in a local and never read was reported in a method's body but not in a
        // lambda or a local function (the member's graph was searched; the local lives in the function's own graph).
        var source = Generator("""
                    System.Func<string, Task<string>> review = async draft =>
                    {
                        var reviewed = await [|_validator.ValidateAsync(draft, cancellationToken)|].ConfigureAwait(false);
                        return draft;
                    };
                    story = await review(story).ConfigureAwait(false);
                    story = Trim(story);

                    string Trim(string draft)
                    {
                        var trimmed = [|_validator.Validate(draft)|];
                        return draft;
                    }
            """, members: """
                private static string DraftFallback(string draft) => "(withheld)";
            """);
        var fixedSource = Generator("""
                    System.Func<string, Task<string>> review = async draft =>
                    {
                        var reviewed = await _validator.ValidateAsync(draft, cancellationToken).ConfigureAwait(false);
                        if (!reviewed.IsValid)
                        {
                            return DraftFallback(draft);
                        }

                        return draft;
                    };
                    story = await review(story).ConfigureAwait(false);
                    story = Trim(story);

                    string Trim(string draft)
                    {
                        var trimmed = _validator.Validate(draft);
                        if (!trimmed.IsValid)
                        {
                            return DraftFallback(draft);
                        }

                        return draft;
                    }
            """, members: """
                private static string DraftFallback(string draft) => "(withheld)";
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_EmbeddedStatements_GetBraces_KeepTheElseAndTheComments()
    {
        // An independent consumer: MM0002 and MM0003 put braces around a statement written without them, MM0004 refused
        // (`NotInBlock`). The then-branch of an if with an else, a loop body and a bool verdict; comments stay. The loop
        // validates `line` but returns `story`: no fallback fits there, so the branch throws (as in a block).
        var source = Generator("""
                    if (story.Length > 0) [|_validator.Validate(story)|]; // checked
                    else story = story.Trim();
                    foreach (var line in story.Split('.'))
                        // each sentence
                        await [|_validator.ValidateAsync(line, cancellationToken)|].ConfigureAwait(false);
                    while (story.Length > 100)
                        [|IsShort(story)|];
            """, members: """
                [ModelManagement.Patterns.Validator]
                private static bool IsShort(string text) => text.Length < 100;
            """);
        var fixedSource = Generator("""
                    if (story.Length > 0)
                    {
                        var validation = _validator.Validate(story); // checked
                        if (!validation.IsValid)
                        {
                            return await FallbackAsync(seed).ConfigureAwait(false);
                        }
                    }
                    else story = story.Trim();
                    foreach (var line in story.Split('.'))
                    {
                        // each sentence
                        var validation = await _validator.ValidateAsync(line, cancellationToken).ConfigureAwait(false);
                        if (!validation.IsValid)
                        {
                            throw new InvalidOperationException("Validation failed: ValidateAsync rejected the content.");
                        }
                    }
                    while (story.Length > 100)
                    {
                        if (!IsShort(story))
                        {
                            return await FallbackAsync(seed).ConfigureAwait(false);
                        }
                    }
            """, members: """
                [ModelManagement.Patterns.Validator]
                private static bool IsShort(string text) => text.Length < 100;
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_CallNotAwaited_FallbackAwaitedLikeTheFunctionsOtherAwaits()
    {
        // The validated call is synchronous: the fallback's await follows the function's own awaits — configured in the
        // generator above (every await says `.ConfigureAwait(false)`), plain where the function awaits plainly.
        const string configured = "await _llm.GenerateAsync(seed, cancellationToken).ConfigureAwait(false);";
        const string plain = "await _llm.GenerateAsync(seed, cancellationToken);";
        var source = Generator("""
                    [|_validator.Validate(story)|];
            """);
        var fixedSource = Generator("""
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
        await VerifyFixAsync(
            source.Replace(configured, plain),
            fixedSource.Replace(configured, plain).Replace("return await FallbackAsync(seed).ConfigureAwait(false);", "return await FallbackAsync(seed);"),
            Fallback);
    }

    [Fact]
    public async Task ReturnFallback_DiscardedAwaitedVerdict_DeclaresLocalAndKeepsConfigureAwait()
    {
        var source = Generator("""
                    // the guardrail
                    await [|_validator.ValidateAsync(story, cancellationToken)|].ConfigureAwait(false); // checked
            """);
        var fixedSource = Generator("""
                    // the guardrail
                    var validation = await _validator.ValidateAsync(story, cancellationToken).ConfigureAwait(false); // checked
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_ProjectQualifiesMethods_WritesThis_StaticFallbackStaysPlain()
    {
        // The fallback is one of the type's own members: named like every fix names them, `this.` where the project's
        // .editorconfig asks for it (IDE0009 stays quiet), a plain name for a static member.
        const string qualify = "dotnet_style_qualification_for_method = true:warning\ndotnet_style_qualification_for_field = true:warning";
        var source = Generator("""
                    await [|_validator.ValidateAsync(story, cancellationToken)|].ConfigureAwait(false);
            """);
        var fixedSource = Generator("""
                    var validation = await _validator.ValidateAsync(story, cancellationToken).ConfigureAwait(false);
                    if (!validation.IsValid)
                    {
                        return await this.FallbackAsync(seed).ConfigureAwait(false);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback, editorConfig: qualify);

        var staticSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Domain;

            public class StoryGenerator
            {
                private readonly IStoryValidator _validator;

                public StoryGenerator(IStoryValidator validator) => this._validator = validator;

                public string Generate(string story)
                {
                    [|this._validator.Validate(story)|];
                    return story;
                }

                private static string StoryFallback(string story) => "A quiet day.";
            }
            """;
        var staticFixed = """
            using System.Threading;
            using System.Threading.Tasks;
            using Domain;

            public class StoryGenerator
            {
                private readonly IStoryValidator _validator;

                public StoryGenerator(IStoryValidator validator) => this._validator = validator;

                public string Generate(string story)
                {
                    var validation = this._validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return StoryFallback(story);
                    }

                    return story;
                }

                private static string StoryFallback(string story) => "A quiet day.";
            }
            """;
        await VerifyFixAsync(staticSource, staticFixed, Fallback, editorConfig: qualify);
    }

    [Fact]
    public async Task ReturnFallback_StaticFallbackShadowedByALocalOrParameter_KeepsItsTypeName()
    {
        // Crash hunt: a plain `FallbackText` returned the local of that name (the unvalidated value), and `Fallback(story)`
        // called a string parameter (CS0149). Qualified by its type, the simplifier keeps the type name only there.
        var source = """
            using Domain;

            public class FieldGen
            {
                private static readonly string FallbackText = "static text";
                private readonly IStoryValidator _validator;

                public FieldGen(IStoryValidator validator) => _validator = validator;

                public string Shadowed(string seed)
                {
                    var FallbackText = seed;
                    [|_validator.Validate(FallbackText)|];
                    return FallbackText;
                }
            }

            public class Gen2
            {
                private readonly IStoryValidator _validator;

                public Gen2(IStoryValidator validator) => _validator = validator;

                private static string Fallback(string story) => "fallback";

                public string Run(string Fallback)
                {
                    var story = Fallback + "!";
                    [|_validator.Validate(story)|];
                    return story;
                }
            }
            """;
        var fixedSource = """
            using Domain;

            public class FieldGen
            {
                private static readonly string FallbackText = "static text";
                private readonly IStoryValidator _validator;

                public FieldGen(IStoryValidator validator) => _validator = validator;

                public string Shadowed(string seed)
                {
                    var FallbackText = seed;
                    var validation = _validator.Validate(FallbackText);
                    if (!validation.IsValid)
                    {
                        return FieldGen.FallbackText;
                    }

                    return FallbackText;
                }
            }

            public class Gen2
            {
                private readonly IStoryValidator _validator;

                public Gen2(IStoryValidator validator) => _validator = validator;

                private static string Fallback(string story) => "fallback";

                public string Run(string Fallback)
                {
                    var story = Fallback + "!";
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return Gen2.Fallback(story);
                    }

                    return story;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Throw_DiscardedSynchronousVerdict_NamesTheValidator()
    {
        var source = Generator("""
                    [|_validator.Validate(story)|];
            """);
        var fixedSource = Generator("""
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task Throw_WithoutUsingSystem_KeepsTheQualifiedName()
    {
        var source = Generator("""
                    [|_validator.Validate(story)|];
            """, usings: "");
        var fixedSource = Generator("""
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

            """, usings: "");
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task ReturnFallback_BoolResult_NegatesTheCallInPlace()
    {
        var source = Generator("""
                    [|_validator.TryValidate(story, out var errors)|];
                    Console.WriteLine(errors.Count);
            """);
        var fixedSource = Generator("""
                    if (!_validator.TryValidate(story, out var errors))
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    Console.WriteLine(errors.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_LinesBelowTheBranch_StayAsTheyWere()
    {
        // LANCommander under `dotnet format`: two blank lines (or a blank and a whitespace-only one) after the call became
        // one, as the formatter makes of the elastic line end after a new block. Both lines stay (the whitespace-only one
        // may lose its spaces to the formatter).
        var source = Generator("""
                    [|_validator.TryValidate(story, out var errors)|];


                    Console.WriteLine(errors.Count);
                    [|_validator.TryValidate(story, out var again)|];

                    
                    Console.WriteLine(again.Count);
            """);
        var fixedSource = Generator("""
                    if (!_validator.TryValidate(story, out var errors))
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }


                    Console.WriteLine(errors.Count);
                    if (!_validator.TryValidate(story, out var again))
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }


                    Console.WriteLine(again.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_FileThatGluesStatementsToBlocks_GetsNoBlankLineAfterTheBranch()
    {
        // LANCommander: a blank line was added below the branch in a file whose blocks are followed directly by the next
        // statement. A file without blocks to learn from still gets one (the tests above).
        var source = Generator("""
                    if (seed.Length > 10)
                    {
                        seed = seed.Substring(0, 10);
                    }
                    if (seed.Length == 0)
                    {
                        seed = "none";
                    }
                    [|_validator.TryValidate(story, out var errors)|];
                    Console.WriteLine(errors.Count);
            """);
        var fixedSource = Generator("""
                    if (seed.Length > 10)
                    {
                        seed = seed.Substring(0, 10);
                    }
                    if (seed.Length == 0)
                    {
                        seed = "none";
                    }
                    if (!_validator.TryValidate(story, out var errors))
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }
                    Console.WriteLine(errors.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Throw_BlankLineAfterTheBranch_FollowsTheMembersHabit_NotWhatOtherRulesDidElsewhereInTheFile(bool otherMethodStillHasItsBlock)
    {
        // fmtdet F3: `dotnet format` applies the rules in an order that changes from run to run. With the blocks counted in the
        // whole file, MM0005's conversion of `if (!_loaded) { … }` (followed by a blank line) in GetAsync turned a tie into
        // "glued", and the branch came out with or without a blank line depending on which rule ran first. GenerateAsync
        // glues its own block to the next statement, so the branch is glued either way.
        var members = otherMethodStillHasItsBlock
            ? """
                private bool _loaded;
                private string _data;

                public async Task<string> GetAsync()
                {
                    if (!_loaded)
                    {
                        _data = await Task.FromResult("x");
                        _loaded = true;
                    }

                    return _data;
                }
            """
            : """
                private string _data;

                public async Task<string> GetAsync()
                {
                    await Task.Yield();

                    return _data;
                }
            """;
        var source = Generator("""
                    [|_validator.Validate(story)|];
                    if (seed.Length > 10)
                    {
                        seed = seed.Substring(0, 10);
                    }
                    Console.WriteLine(seed);
            """, members);
        var fixedSource = Generator("""
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }
                    if (seed.Length > 10)
                    {
                        seed = seed.Substring(0, 10);
                    }
                    Console.WriteLine(seed);
            """, members);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Throw_BlankLineAfterTheBranch_TheSameWhetherMM0005RemovedTheMembersOnlyBlockOrNot(bool mm0005RanFirst)
    {
        // determ (consume7 F1): the member's only block was MM0005's racy `if (!_loaded) { … }`, glued to the validation.
        // When MM0005's conversion ran first the block was gone (the file decided: blank line), when it ran after, the
        // block glued the branch (no blank line): two outputs from one start. A block a fix writes or removes no longer
        // counts, so the member shows no habit either way and the branch gets its blank line in both orders.
        var check = mm0005RanFirst
            ? """
                    await Task.Yield();
            """
            : """
                    if (!_loaded)
                    {
                        _cached = story;
                        _loaded = true;
                    }
            """;
        const string Members = """
                private bool _loaded;
                private string _cached;
            """;
        var source = Generator(check + """

                    [|_validator.Validate(story)|];
            """, Members);
        var fixedSource = Generator(check + """

                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

            """, Members);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task ReturnFallback_BoolResultWithTrailingComment_CommentEndsTheConditionLine()
    {
        // An independent consumer check saw the comment moved onto the `}` line and no blank line after the branch.
        var source = Generator("""
                    [|_validator.TryValidate(story, out var errors)|]; // the second opinion
                    Console.WriteLine(errors.Count);
            """);
        var fixedSource = Generator("""
                    if (!_validator.TryValidate(story, out var errors)) // the second opinion
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    Console.WriteLine(errors.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_CommentsBetweenTheCallAndItsSemicolon_AreKept()
    {
        // An independent consumer check saw `Validate(s) /* keep */;` lose the comment (only the one after `;` survived).
        var source = Generator("""
                    await [|_validator.ValidateAsync(story, cancellationToken)|] /* keep A */ ;
                    [|_validator.TryValidate(story, out var errors)|] /* keep B */; // keep C
                    Console.WriteLine(errors.Count);
            """);
        var fixedSource = Generator("""
                    var validation = await _validator.ValidateAsync(story, cancellationToken); /* keep A */
                    if (!validation.IsValid)
                    {
                        return await FallbackAsync(seed);
                    }

                    if (!_validator.TryValidate(story, out var errors)) /* keep B */ // keep C
                    {
                        return await FallbackAsync(seed);
                    }

                    Console.WriteLine(errors.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_LineCommentThenCommentBeforeTheSemicolon_BothKeptOnTheirOwnLines()
    {
        var source = Generator("""
                    [|_validator.TryValidate(story, out var errors)|] // keep D
                        /* keep E */;
                    Console.WriteLine(errors.Count);
            """);
        var fixedSource = Generator("""
                    if (!_validator.TryValidate(story, out var errors)) // keep D
                    /* keep E */
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

                    Console.WriteLine(errors.Count);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_AwaitedBoolFromValidatorAttribute_KeepsAwait()
    {
        var source = Generator("""
                    var moderation = new Moderation();
                    await [|moderation.ReviewAsync(story)|];
            """);
        var fixedSource = Generator("""
                    var moderation = new Moderation();
                    if (!await moderation.ReviewAsync(story))
                    {
                        return await FallbackAsync(seed);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_StoredUnreadResult_BranchesRightAfterTheStore()
    {
        var source = Generator("""
                    var verdict = await [|_guardrail.CheckAsync(story)|];
                    story = story.Trim();
            """);
        var fixedSource = Generator("""
                    var verdict = await _guardrail.CheckAsync(story);
                    if (!verdict.IsCompliant)
                    {
                        return await FallbackAsync(seed);
                    }

                    story = story.Trim();
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task Throw_StoredBoolAssignedToExistingLocal_TestsTheLocal()
    {
        var source = Generator("""
                    bool ok;
                    ok = [|_validator.TryValidate(story, out _)|];
            """);
        var fixedSource = Generator("""
                    bool ok;
                    ok = _validator.TryValidate(story, out _);
                    if (!ok)
                    {
                        throw new InvalidOperationException("Validation failed: TryValidate rejected the content.");
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task ReturnFallback_NameTaken_PicksAFreshName()
    {
        var source = Generator("""
                    var validation = "taken";
                    await [|_validator.ValidateAsync(story)|];
                    Console.WriteLine(validation);
            """);
        var fixedSource = Generator("""
                    var validation = "taken";
                    var validation1 = await _validator.ValidateAsync(story);
                    if (!validation1.IsValid)
                    {
                        return await FallbackAsync(seed);
                    }

                    Console.WriteLine(validation);
            """);
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Theory]
    [InlineData(Fallback)]
    [InlineData(Throw)]
    public async Task FixAll_TwoDiscardedVerdictsInOneMember_GetDistinctLocals(string key)
    {
        var source = Generator("""
                    await [|_validator.ValidateAsync(story)|];
                    story = story.Trim();
                    await [|_validator.ValidateAsync(story)|];
            """);
        var body = key == Fallback ? "return await FallbackAsync(seed);" : "throw new InvalidOperationException(\"Validation failed: ValidateAsync rejected the content.\");";
        var fixedSource = Generator($$"""
                    var validation = await _validator.ValidateAsync(story);
                    if (!validation.IsValid)
                    {
                        {{body}}
                    }

                    story = story.Trim();
                    var validation1 = await _validator.ValidateAsync(story);
                    if (!validation1.IsValid)
                    {
                        {{body}}
                    }

            """);
        await VerifyFixAsync(source, fixedSource, key, iterations: 2);
    }

    [Fact]
    public async Task ReturnFallback_CSharp73_AndNullableEnabled_Compiles()
    {
        var source = Generator("""
                    var verdict = await [|_guardrail.CheckAsync(story)|];
            """);
        var fixedSource = Generator("""
                    var verdict = await _guardrail.CheckAsync(story);
                    if (!verdict.IsCompliant)
                    {
                        return await FallbackAsync(seed);
                    }

            """);
        await VerifyFixAsync(source, fixedSource, Fallback, LanguageVersion.CSharp7_3);
        await VerifyFixAsync(source, fixedSource, Fallback, LanguageVersion.Latest, NullableContextOptions.Enable);
    }

    [Fact]
    public async Task ReturnFallback_ArgumentByOnlyCandidateOfItsType()
    {
        var source = Generator("""
                    await [|_validator.ValidateAsync(story)|];
            """, members: """
                private static string StaticFallback(int attempt, CancellationToken token) => "fallback " + attempt;
            """).Replace("private Task<string> FallbackAsync(string seed) => Task.FromResult(\"A quiet day in \" + seed + \".\");", "");
        var fixedSource = Generator("""
                    var validation = await _validator.ValidateAsync(story);
                    if (!validation.IsValid)
                    {
                        return StaticFallback(attempt, cancellationToken);
                    }

            """, members: """
                private static string StaticFallback(int attempt, CancellationToken token) => "fallback " + attempt;
            """).Replace("private Task<string> FallbackAsync(string seed) => Task.FromResult(\"A quiet day in \" + seed + \".\");", "");
        source = source.Replace("string seed, CancellationToken", "string seed, int attempt, CancellationToken");
        fixedSource = fixedSource.Replace("string seed, CancellationToken", "string seed, int attempt, CancellationToken");
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    private const string OptionalCheck = """
            private readonly Func<string, ValidationResult> _check;
            private readonly IStoryValidator _optionalValidator;
        """;

    [Fact]
    public async Task Throw_OptionalDelegateThroughConditionalAccess_FailsOnlyOnAFalseVerdict()
    {
        // An independent consumer: `_check?.Invoke(story);` dropped the verdict of an optional validator unreported. An
        // absent validator (null) passes; only a failed verdict throws.
        var source = Generator("""
                    _check?[|.Invoke(story)|]; // optional
            """, members: OptionalCheck);
        var fixedSource = Generator("""
                    var validation = _check?.Invoke(story); // optional
                    if (validation?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: _check rejected the content.");
                    }

            """, members: OptionalCheck);
        await VerifyFixAsync(source, fixedSource, Throw);
        await VerifyFixAsync(source, fixedSource, Throw, LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task Throw_OptionalBoolValidatorThroughConditionalAccess_ComparesWithFalse()
    {
        var source = Generator("""
                    _optionalValidator?[|.TryValidate(story, out var errors)|];
            """, members: OptionalCheck);
        var fixedSource = Generator("""
                    if (_optionalValidator?.TryValidate(story, out var errors) == false)
                    {
                        throw new InvalidOperationException("Validation failed: TryValidate rejected the content.");
                    }

            """, members: OptionalCheck);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task ReturnFallback_OptionalValidatorThroughConditionalAccess_TestsTheMemberConditionally()
    {
        var source = Generator("""
                    _optionalValidator?[|.Validate(story)|];
            """, members: OptionalCheck);
        var fixedSource = Generator("""
                    var validation = _optionalValidator?.Validate(story);
                    if (validation?.IsValid == false)
                    {
                        return await FallbackAsync(seed).ConfigureAwait(false);
                    }

            """, members: OptionalCheck);
        await VerifyFixAsync(source, fixedSource, Fallback);
        await VerifyFixAsync(source, fixedSource, Fallback, LanguageVersion.Latest, NullableContextOptions.Enable);
    }

    [Fact]
    public async Task Throw_OptionalDelegateVerdictStoredAndUnread_BranchesOnAFalseVerdict()
    {
        var source = Generator("""
                    var verdict = _check?[|.Invoke(story)|];
                    story = story.Trim();
            """, members: OptionalCheck);
        var fixedSource = Generator("""
                    var verdict = _check?.Invoke(story);
                    if (verdict?.IsValid == false)
                    {
                        throw new InvalidOperationException("Validation failed: _check rejected the content.");
                    }

                    story = story.Trim();
            """, members: OptionalCheck);
        await VerifyFixAsync(source, fixedSource, Throw);
    }

    [Fact]
    public async Task FixAll_StartedWhereNoFallbackFits_StillReturnsTheFallbackWhereOneDoes()
    {
        // An independent consumer: `dotnet format` takes the first site's first fix for all sites. The first site here has
        // no fallback (a void method), so its only fix was "Throw" — and every other site threw too, though a fallback
        // fitted there. The throw now carries the fallback's key: each site gets the best fix it has.
        var source = """
            using System.Threading.Tasks;
            using Domain;

            public class StoryService
            {
                private readonly IStoryValidator _validator;

                public StoryService(IStoryValidator validator) => _validator = validator;

                public void Check(string story)
                {
                    [|_validator.Validate(story)|];
                }

                public string Review(string story)
                {
                    [|_validator.Validate(story)|];
                    return story;
                }

                private string Fallback() => "A quiet day.";
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using Domain;

            public class StoryService
            {
                private readonly IStoryValidator _validator;

                public StoryService(IStoryValidator validator) => _validator = validator;

                public void Check(string story)
                {
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
                    }
                }

                public string Review(string story)
                {
                    var validation = _validator.Validate(story);
                    if (!validation.IsValid)
                    {
                        return Fallback();
                    }

                    return story;
                }

                private string Fallback() => "A quiet day.";
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback);
    }

    [Fact]
    public async Task ReturnFallback_NoMemberFits_TheFallbackTheFunctionAlreadyReturnsIsTaken()
    {
        // An independent consumer's guardrail: blocked content paged the on-call and answered with a fallback constant of
        // another type; the fix threw instead (no member of the type fitted). The fallback the function already returns
        // is the one to answer with.
        var source = """
            using System.Threading.Tasks;

            public static class Narratives
            {
                public const string FallbackNarrative = "The story could not be told safely today.";
            }

            public sealed class ScreenResult { public bool IsSafe { get; set; } }

            public interface IAlerts { Task SendAsync(string m); }

            public sealed class GuardrailMonitor
            {
                private readonly IAlerts _alerts;

                public GuardrailMonitor(IAlerts alerts) => _alerts = alerts;

                public ScreenResult Screen(string text) => new ScreenResult { IsSafe = !text.Contains("forbidden") };

                public async Task<string> GuardAsync(string text)
                {
                    [|Screen(text)|]; // verdict ignored

                    if (!text.Contains("weapon"))
                    {
                        return text;
                    }

                    await _alerts.SendAsync("blocked");
                    return Narratives.FallbackNarrative;
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;

            public static class Narratives
            {
                public const string FallbackNarrative = "The story could not be told safely today.";
            }

            public sealed class ScreenResult { public bool IsSafe { get; set; } }

            public interface IAlerts { Task SendAsync(string m); }

            public sealed class GuardrailMonitor
            {
                private readonly IAlerts _alerts;

                public GuardrailMonitor(IAlerts alerts) => _alerts = alerts;

                public ScreenResult Screen(string text) => new ScreenResult { IsSafe = !text.Contains("forbidden") };

                public async Task<string> GuardAsync(string text)
                {
                    var validation = Screen(text); // verdict ignored
                    if (!validation.IsSafe)
                    {
                        return Narratives.FallbackNarrative;
                    }

                    if (!text.Contains("weapon"))
                    {
                        return text;
                    }

                    await _alerts.SendAsync("blocked");
                    return Narratives.FallbackNarrative;
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, MM0004ValidationResultIgnoredCodeFixProvider.ReturnFallbackKey);
    }
}

/// <summary>MM0004 fix layout in blocks written on one line.</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task NoFallback_InABlockLambdaOnOneLine_PutsEveryStatementOnItsOwnLine()
    {
        // The s35 shapes round: `s => { _m.Validate(s); return s; }` became `s => {` … `return s; };`, the branch spliced
        // into the one-line block without laying it out.
        var source = /* lang=c#-test */ """
            using System;

            public sealed class Verdict { public bool IsValid { get; set; } }
            public interface IModerator { Verdict Validate(string s); }

            public sealed class Gate
            {
                private readonly IModerator _m;

                public Gate(IModerator m) => _m = m;

                public Func<string, string> Keeper() => s => { [|_m.Validate(s)|]; return s; };
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;

            public sealed class Verdict { public bool IsValid { get; set; } }
            public interface IModerator { Verdict Validate(string s); }

            public sealed class Gate
            {
                private readonly IModerator _m;

                public Gate(IModerator m) => _m = m;

                public Func<string, string> Keeper() => s =>
                {
                    var validation = _m.Validate(s);
                    if (!validation.IsValid)
                    {
                        throw new InvalidOperationException("Validation failed: Validate rejected the content.");
                    }

                    return s;
                };
            }
            """;
        await VerifyFixAsync(source, fixedSource, Fallback); // no fallback fits: the throw is the site's only action, under this key
    }
}
