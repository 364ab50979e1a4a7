using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>MM0003 "Guard with null check" through the shared Statements.Wrap: blank lines, comments and directives kept.</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "_registry != null")]
    [InlineData(LanguageVersion.Latest, "_registry is not null")]
    public async Task IfGuard_KeepsRegionAndCommentsAboveAndABlankLineAfter(LanguageVersion languageVersion, string condition)
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    Log("start");

                    #region registry
                    // describe the model
                    Log([|_registry|].DefaultModel); /* current */
                    #endregion
                    Log("done");
                }
            """,
            /* lang=c#-test */ $$"""
                public void Describe()
                {
                    Log("start");

                    #region registry
                    // describe the model
                    if ({{condition}})
                    {
                        Log(_registry.DefaultModel); /* current */
                    }
                    #endregion

                    Log("done");
                }
            """,
            languageVersion);
    }

    [Fact]
    public async Task IfGuard_TheGuardedStatementsKeepTheirOwnSpacingAndAlignment()
    {
        // Only the new if is the fix's to lay out: the guarded statement keeps its spacing (`Log( … )`, `+"!"`) and its
        // aligned second line moves in with it. The clean-up formatted the whole if and re-spaced them.
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    Log( [|_registry|].DefaultModel+"!" +
                         "?" );
                    Log("done");
                }
            """,
            /* lang=c#-test */ """
                public void Describe()
                {
                    if (_registry is not null)
                    {
                        Log( _registry.DefaultModel+"!" +
                             "?" );
                    }

                    Log("done");
                }
            """);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "_registry != null")]
    [InlineData(LanguageVersion.Latest, "_registry is not null")]
    public async Task IfGuard_ConsecutiveUsesAcrossAnIfDirective_GetOneGuardEachSideInsteadOfCuttingTheRegion(LanguageVersion languageVersion, string condition)
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    Log({|#0:_registry|}.DefaultModel);
            #if !NEVER_DEFINED
                    Log({|#1:_registry|}.DefaultModel + "!");
            #endif
                    Log("done");
                }
            """,
            /* lang=c#-test */ $$"""
                public void Describe()
                {
                    if ({{condition}})
                    {
                        Log(_registry.DefaultModel);
                    }

            #if !NEVER_DEFINED
                    if ({{condition}})
                    {
                        Log(_registry.DefaultModel + "!");
                    }
            #endif

                    Log("done");
                }
            """,
            languageVersion,
            expected: new[] { Uses(2) });
    }

    [Fact]
    public async Task IfGuard_NextStatementAlreadyAfterABlankLine_GetsNoSecondOne()
    {
        await VerifyFixAsync(
            /* lang=c#-test */ """
                public void Describe()
                {
                    Log([|_registry|].DefaultModel);

                    // then
                    Log("done");
                }
            """,
            /* lang=c#-test */ """
                public void Describe()
                {
                    if (_registry is not null)
                    {
                        Log(_registry.DefaultModel);
                    }

                    // then
                    Log("done");
                }
            """);
    }
}
