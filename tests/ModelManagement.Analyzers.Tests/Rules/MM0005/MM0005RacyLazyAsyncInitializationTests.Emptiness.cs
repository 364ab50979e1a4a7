using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// <c>string.IsNullOrEmpty(_token)</c> / <c>IsNullOrWhiteSpace</c> as the check (a fix-shapes round on real code: a token
/// holder and a token service cached their token this way and raced like their <c>_token == null</c> twin — two
/// concurrent calls, two loads).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task EmptinessTestOfACachedString_IsACheck_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenHolder
            {
                private string _token;
                private string _refresh;
                private string _name;

                private static async Task<string> LoadAsync() { await Task.Delay(1); return "t"; }

                public async Task<string> GetTokenAsync()
                {
                    if ({|#0:string.IsNullOrEmpty(_token)|})
                    {
                        _token = await LoadAsync();
                    }

                    return _token;
                }

                public async Task<string> GetRefreshAsync()
                {
                    if ({|#1:!string.IsNullOrWhiteSpace(_refresh)|})
                        return _refresh;

                    _refresh = await LoadAsync();
                    return _refresh;
                }

                public async Task<string> GetNameAsync()
                {
                    if ({|#2:string.IsNullOrEmpty(this._name)|}) this._name = await LoadAsync();
                    return this._name;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_token"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_refresh"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_name"));
    }

    [Fact]
    public async Task EmptinessTest_GuardedOrNotOfTheTrackedState_DoesNotReport()
    {
        // Under a semaphore (double-checked), of a parameter or local, of another instance's field, or of a string written
        // before the await: no race on this instance's cache.
        var source = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class TokenService
            {
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
                private string _token;
                private string _label;

                private static async Task<string> LoadAsync() { await Task.Delay(1); return "t"; }

                public async Task<string> GetTokenAsync()
                {
                    if (!string.IsNullOrEmpty(_token)) return _token;
                    await _gate.WaitAsync();
                    try
                    {
                        if (string.IsNullOrEmpty(_token))
                        {
                            _token = await LoadAsync();
                        }

                        return _token;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }

                public async Task<string> ForAsync(string given, TokenService other)
                {
                    var local = given;
                    if (string.IsNullOrEmpty(given)) given = await LoadAsync();
                    if (string.IsNullOrEmpty(local)) local = await LoadAsync();
                    if (string.IsNullOrEmpty(other._label)) other._label = await LoadAsync();
                    if (string.IsNullOrEmpty(_label)) { _label = "pending"; await LoadAsync(); }
                    return given + local;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("if ([|string.IsNullOrEmpty(_token)|]) { _token = await LoadAsync(); } return _token;")]
    [InlineData("if ([|!string.IsNullOrWhiteSpace(_token)|]) return _token; _token = await LoadAsync(); return _token;")]
    public async Task NoFix_EmptinessTest_EmptyValueLoadsAgain(string body)
    {
        // The check loads again after an empty result; AsyncLazy<T> would keep the empty value for good.
        var source = /* lang=c#-test */ $$"""
            using System.Threading.Tasks;

            public sealed class TokenHolder
            {
                private string _token;

                private static async Task<string> LoadAsync() { await Task.Delay(1); return ""; }

                public async Task<string> GetTokenAsync()
                {
                    {{body}}
                }
            }
            """;
        await VerifyNoFixAsync(source);
        await AssertRefusalAsync(source, MM0005FixRefusal.EmptyValueLoadsAgain);
    }
}
