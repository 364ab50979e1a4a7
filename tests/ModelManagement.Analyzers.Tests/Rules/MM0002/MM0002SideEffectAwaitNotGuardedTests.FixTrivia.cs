using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>MM0002 "Guard side effect with try/catch" through the shared Statements.Wrap: directives kept whole and in place.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    [Fact]
    public async Task WrapInTryCatch_FixAllInsideARegion_SeparatesAfterTheEndRegionAsTheFileDoes()
    {
        var source = Spaced("""
                    #region audit
                    await [|_events.LogUserEventAsync("read")|];
                    await [|_events.RecordAsync("read")|];
                    #endregion
            """);
        var fixedSource = Spaced("""
                    #region audit
                    try
                    {
                        await _events.LogUserEventAsync("read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

                    try
                    {
                        await _events.RecordAsync("read");
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }
                    #endregion

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Fact]
    public async Task WrapInTryCatch_TheWrappedStatementsKeepTheirOwnSpacingAndAlignment()
    {
        // Only the new try is the fix's to lay out: the statement inside keeps its spacing (`( "read" )`, `id.ToString( )`)
        // and its arguments stay aligned under the first one, one level in with it. The clean-up formatted the whole try
        // and re-spaced both. Two sites: Fix All keeps both.
        var source = Spaced("""
                    await [|_events.LogUserEventAsync( "read" )|];
                    await [|_events.RecordAsync(string.Concat("user:",
                                                              id.ToString( )))|];
            """);
        var fixedSource = Spaced("""
                    try
                    {
                        await _events.LogUserEventAsync( "read" );
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

                    try
                    {
                        await _events.RecordAsync(string.Concat("user:",
                                                                  id.ToString( )));
                    }
                    catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                    {
                    }

            """);
        await VerifyShapesFixAsync(source, fixedSource, Wrap);
    }

    [Theory]
    [InlineData(Wrap)]
    [InlineData(Helper)]
    public async Task StatementOpeningAnIfThatClosesAfterIt_NeitherFixIsOffered(string key)
    {
        // The try's closing brace would land in the #else branch: with DEBUG defined the code would not compile. The
        // helper's lambda would close in one branch only, the same way (it was offered and broke the DEBUG build).
        var source = Service("""
                    await [|_history.LogResultAsync(
            #if DEBUG
                        "debug");
            #else
                        "release")|];
            #endif
            """);
        await VerifyFixAsync(source, source, key);
    }

    [Fact]
    public async Task WrapInTryCatch_StatementWithAWholeIfInside_IsWrapped()
    {
        var source = Service("""
                    await [|_history.LogResultAsync(
            #if DEBUG
                        "debug"
            #else
                        "release"
            #endif
                        )|];
            """);
        var fixedSource = Service("""
                    try
                    {
                        await _history.LogResultAsync(
            #if DEBUG
                        "debug"
            #else
                        "release"
            #endif
                        );
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        SideEffect.ReportFailure(ex);
                    }
            """);
        await VerifyFixAsync(source, fixedSource, Wrap);
    }
}
