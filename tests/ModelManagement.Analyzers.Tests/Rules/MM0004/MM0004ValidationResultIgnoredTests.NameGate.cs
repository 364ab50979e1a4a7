using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// Where no verdict type can reach a call's result (<see cref="ModelManagement.Analyzers.Infrastructure.ValidityMemberReach"/>)
/// and no validator attribute or configured symbol can exist, MM0004 judges a call by the name it is written with and never
/// binds the others. Validators by name are still reported, and a library's verdict reaches the rule wherever it comes from.
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task NoVerdictTypeAnywhere_ValidatorsByNameStillReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            public sealed class StoryGate
            {
                private readonly Func<string, bool> _check = s => s.Length > 0;

                public bool ValidateStory(string story) => story.Length < 500;

                public Task<bool> ValidatePromptAsync(string prompt) => Task.FromResult(prompt.Length > 0);

                public async Task<string> TellAsync(string story)
                {
                    {|#0:ValidateStory(story)|};
                    {|#1:this.ValidateStory(story)|};
                    await {|#2:ValidatePromptAsync(story)|};
                    _check(story);
                    Screen(story);
                    return story;
                }

                private bool Screen(string story) => story.Length > 1;
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("ValidateStory"),
            Verify.Diagnostic().WithLocation(1).WithArguments("this.ValidateStory"),
            Verify.Diagnostic().WithLocation(2).WithArguments("ValidatePromptAsync"));
    }

    [Fact]
    public async Task VerdictHandedOutByItsLibrary_DiscardedCallReported()
    {
        var library = await TestCompilations.EmitAsync(
            """
            namespace Vendor.Moderation
            {
                public sealed class ModerationOutcome { public bool IsSafe { get; init; } }

                public sealed class Moderator
                {
                    public System.Threading.Tasks.Task<ModerationOutcome> CheckAsync(string text)
                        => System.Threading.Tasks.Task.FromResult(new ModerationOutcome { IsSafe = text.Length < 100 });
                }
            }
            """,
            ImmutableArray<MetadataReference>.Empty,
            "Vendor.Moderation");
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Vendor.Moderation;

                public sealed class Narrator
                {
                    public async Task<string> TellAsync(Moderator moderator, string story)
                    {
                        await {|#0:moderator.CheckAsync(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("moderator.CheckAsync"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task VerdictOfOneLibraryHandedOutByAnother_NeverNamedInSource_DiscardedCallReported()
    {
        var verdicts = await TestCompilations.EmitAsync(
            """
            namespace Vendor.Screening
            {
                public sealed class ScreeningResult { public bool IsSafe { get; init; } }

                public sealed class Sink { public void Take(ScreeningResult result) { } }
            }
            """,
            ImmutableArray<MetadataReference>.Empty,
            "Vendor.Screening");
        var screener = await TestCompilations.EmitAsync(
            """
            namespace Vendor.Gate
            {
                public sealed class Screener
                {
                    public Vendor.Screening.ScreeningResult Screen(string text) => new Vendor.Screening.ScreeningResult { IsSafe = text.Length < 100 };
                }
            }
            """,
            ImmutableArray.Create(verdicts),
            "Vendor.Gate");
        var test = new Verify.Test
        {
            TestCode = """
                public sealed class Narrator
                {
                    public string Tell(Vendor.Gate.Screener screener, string story)
                    {
                        {|#0:screener.Screen(story)|};
                        return story;
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(verdicts);
        test.TestState.AdditionalReferences.Add(screener);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("screener.Screen"));
        await test.RunAsync(CancellationToken.None);
    }
}
