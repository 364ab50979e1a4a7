using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The flag form whose check only awaits an own method that ends by setting the flag (<c>if (!_loaded) await LoadAsync();</c>,
/// osu-server-spectator's <c>ChatFilters</c>, a race a triage demonstrated with 20 loads and a "Collection was modified"):
/// the initializer runs that method, and the method's write goes.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string FlagSetByMethodSource = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public sealed class ChatFilters
        {
            private readonly ICatalogStore _store;
            private readonly List<string> _blocked = new List<string>();
            private bool filtersInitialised;

            public ChatFilters(ICatalogStore store)
            {
                _store = store;
            }

            public async Task<string> FilterAsync(string input)
            {
                if ([|!filtersInitialised|])
                    await initialiseFilters();

                foreach (var word in _blocked)
                    input = input.Replace(word, "***");

                return input;
            }

            private async Task initialiseFilters()
            {
                var catalog = await _store.LoadAsync();
                _blocked.AddRange(catalog.Models);

                // ready for every caller
                filtersInitialised = true; // once
            }
        }
        """;

    [Fact]
    public async Task Fix_FlagSetAtTheEndOfTheAwaitedMethod_TheInitializerRunsIt_AndTheWriteGoes()
    {
        // The initializer is named for what the flag says is initialised (`filtersInitialised` → `filtersInitializer`, determ).
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class ChatFilters
            {
                private readonly ICatalogStore _store;
                private readonly List<string> _blocked = new List<string>();
                private readonly AsyncInitializer filtersInitializer;

                public ChatFilters(ICatalogStore store)
                {
                    filtersInitializer = new AsyncInitializer(initialiseFilters);
                    _store = store;
                }

                public async Task<string> FilterAsync(string input)
                {
                    await filtersInitializer.EnsureInitializedAsync();

                    foreach (var word in _blocked)
                        input = input.Replace(word, "***");

                    return input;
                }

                private async Task initialiseFilters()
                {
                    var catalog = await _store.LoadAsync();
                    _blocked.AddRange(catalog.Models);

                    // ready for every caller
                    // once
                }
            }
            """;
        await VerifyFixAsync(FlagSetByMethodSource, fixedSource);
    }

    [Fact]
    public async Task Fix_FlagSetAtTheEndOfAConfiguredAwaitedMethod_WithACommentOnTheCheck_GetsItsOwnInitializeMethod()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelRegistry
            {
                private readonly ICatalogStore _store;
                private string[] _models;
                private bool _ready;

                public ModelRegistry(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    // the registry loads on first use
                    if ([|!_ready|])
                    {
                        await LoadModelsAsync().ConfigureAwait(false);
                    }

                    return _models.Length;
                }

                private async Task LoadModelsAsync()
                {
                    var catalog = await _store.LoadAsync().ConfigureAwait(false);
                    _models = catalog.Models;
                    _ready = true;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class ModelRegistry
            {
                private readonly ICatalogStore _store;
                private string[] _models;
                private readonly AsyncInitializer _initializer;

                public ModelRegistry(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task<int> CountAsync()
                {
                    // the registry loads on first use
                    await _initializer.EnsureInitializedAsync().ConfigureAwait(false);

                    return _models.Length;
                }

                private async Task LoadModelsAsync()
                {
                    var catalog = await _store.LoadAsync().ConfigureAwait(false);
                    _models = catalog.Models;
                }

                private async Task InitializeAsync()
                {
                    await LoadModelsAsync().ConfigureAwait(false);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("await LoadModelsAsync();")]
    [InlineData("await LoadModelsAsync().ConfigureAwait(false);")] // was missed: the summary was asked for ConfigureAwait's method
    [InlineData("await this.LoadModelsAsync().ConfigureAwait(true);")]
    public async Task OwnMethodWritingTheFlagAfterItsAwait_PlainOrConfigured_Reports(string call)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ModelRegistry
            {
                private readonly ICatalogStore _store;
                private string[] _models;
                private bool _ready;

                public ModelRegistry(ICatalogStore store) => _store = store;

                public async Task<int> CountAsync()
                {
                    if ({|#0:!_ready|})
                    {
                        CALL
                    }

                    return _models.Length;
                }

                private async Task LoadModelsAsync()
                {
                    var catalog = await _store.LoadAsync().ConfigureAwait(false);
                    _models = catalog.Models;
                    _ready = true;
                }
            }
            """.Replace("CALL", call, System.StringComparison.Ordinal);
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_ready"));
    }

    [Fact]
    public async Task NoFix_FlagSettingMethodCalledElsewhereToo_InitializationMethodUsedElsewhere()
    {
        // RefreshAsync would load again, unseen by the initializer, once the write is gone.
        var source = FlagSetByMethodSource.Replace(
            "    private async Task initialiseFilters()",
            "    public Task RefreshAsync() => initialiseFilters();\n\n    private async Task initialiseFilters()",
            System.StringComparison.Ordinal);
        Assert.NotEqual(FlagSetByMethodSource, source);
        await AssertRefusalAsync(source, MM0005FixRefusal.InitializationMethodUsedElsewhere);
    }

    [Theory]
    [InlineData("if (catalog.Models.Length == 0) return;\n        ", "a return before the write leaves the flag false")]
    [InlineData("filtersInitialised = true;\n        Touch();\n        ", "the write is not the method's last statement")]
    public async Task NoFix_FlagSettingMethodThatMaySkipTheWrite_UnsupportedShape(string insertion, string why)
    {
        var source = FlagSetByMethodSource
            .Replace("        _blocked.AddRange(catalog.Models);", "        " + insertion + "_blocked.AddRange(catalog.Models);", System.StringComparison.Ordinal)
            .Replace("    private async Task initialiseFilters()", "    private void Touch() { }\n\n    private async Task initialiseFilters()", System.StringComparison.Ordinal);
        if (why.StartsWith("the write", System.StringComparison.Ordinal))
        {
            source = source.Replace("        filtersInitialised = true; // once\n", string.Empty, System.StringComparison.Ordinal);
        }

        Assert.NotEqual(FlagSetByMethodSource, source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedShape);
    }

    [Fact]
    public async Task NoFix_FlagSettingMethodNotPrivate_UnsupportedShape()
    {
        // Callable from outside the type: the flag's write is all that tells a later check the load happened.
        var source = FlagSetByMethodSource.Replace("    private async Task initialiseFilters()", "    internal async Task initialiseFilters()", System.StringComparison.Ordinal);
        Assert.NotEqual(FlagSetByMethodSource, source);
        await AssertRefusalAsync(source, MM0005FixRefusal.UnsupportedShape);
    }
}
