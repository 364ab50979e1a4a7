using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// A load that is one await of an own parameterless method: the helper takes that method as its callback instead of a new
/// method that only awaits it (a shapes round's <c>LoadCodesAsync1() { return await LoadCodesAsync(); }</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task Fix_LoadIsOneAwaitOfAnOwnMethod_TheLazyTakesThatMethod()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class CurrencyService
            {
                private string[] _codes;

                public async Task<string[]> GetCodesAsync()
                {
                    [|_codes|] ??= await LoadCodesAsync().ConfigureAwait(false);
                    return _codes;
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class CurrencyService
            {
                private readonly AsyncLazy<string[]> _codes;

                public CurrencyService()
                {
                    _codes = new AsyncLazy<string[]>(LoadCodesAsync);
                }

                public async Task<string[]> GetCodesAsync()
                {
                    return await _codes.GetValueAsync().ConfigureAwait(false);
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_FlagWhoseWorkIsOneAwaitOfAnOwnMethod_TheInitializerTakesThatMethod()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class SearchIndex
            {
                private bool _warmed;
                private int _entries;

                public async Task<int> CountAsync()
                {
                    if ([|!_warmed|])
                    {
                        await WarmUpAsync();
                        _warmed = true;
                    }

                    return _entries;
                }

                private async Task WarmUpAsync() { await Task.Delay(5); _entries = 3; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class SearchIndex
            {
                private readonly AsyncInitializer _initializer;
                private int _entries;

                public SearchIndex()
                {
                    _initializer = new AsyncInitializer(WarmUpAsync);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();

                    return _entries;
                }

                private async Task WarmUpAsync() { await Task.Delay(5); _entries = 3; }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_OwnMethodOfAnotherTaskTypeOrWithAComment_KeepsTheNewMethod()
    {
        // The method's task is not the lazy's (Task<string[]> for a lazy of IReadOnlyList<string>): the new method converts.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class CurrencyService
            {
                private IReadOnlyList<string> _codes;

                public async Task<IReadOnlyList<string>> GetCodesAsync()
                {
                    [|_codes|] ??= await LoadCodesAsync();
                    return _codes;
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class CurrencyService
            {
                private readonly AsyncLazy<IReadOnlyList<string>> _codes;

                public CurrencyService()
                {
                    _codes = new AsyncLazy<IReadOnlyList<string>>(LoadCodes1Async);
                }

                public async Task<IReadOnlyList<string>> GetCodesAsync()
                {
                    return await _codes;
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }

                private async Task<IReadOnlyList<string>> LoadCodes1Async()
                {
                    return await LoadCodesAsync();
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);

        // A comment inside the check's block would have no place without the new method: it keeps it.
        var commented = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class CurrencyService
            {
                private string[] _codes;

                public async Task<string[]> GetCodesAsync()
                {
                    if ([|_codes == null|])
                    {
                        // from the bank, once a day
                        _codes = await LoadCodesAsync();
                    }

                    return _codes;
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }
            }
            """;
        var commentedFixed = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class CurrencyService
            {
                private readonly AsyncLazy<string[]> _codes;

                public CurrencyService()
                {
                    _codes = new AsyncLazy<string[]>(LoadCodes1Async);
                }

                public async Task<string[]> GetCodesAsync()
                {
                    return await _codes;
                }

                private async Task<string[]> LoadCodesAsync() { await Task.Delay(5); return new[] { "EUR", "USD" }; }

                private async Task<string[]> LoadCodes1Async()
                {
                    // from the bank, once a day
                    return await LoadCodesAsync();
                }
            }
            """;
        await VerifyFixAsync(commented, commentedFixed);
    }
}
