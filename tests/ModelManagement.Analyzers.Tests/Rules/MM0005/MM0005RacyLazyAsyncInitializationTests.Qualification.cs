using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using FixVerify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The fix writes its own member references as the project's <c>dotnet_style_qualification_for_*</c> settings ask
/// (semantic-kernel requires <c>this.</c> as an error), starts the moved code without the blank line that followed the
/// removed check, and awaits the initializer with <c>ConfigureAwait(false)</c> where the method already awaits that way.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string QualifyEverything = "root = true\n\n[*.cs]\ndotnet_style_qualification_for_field = true:error\ndotnet_style_qualification_for_property = true:error\ndotnet_style_qualification_for_method = true:error\ndotnet_style_qualification_for_event = true:error\n";

    private static async Task VerifyQualifiedFixAsync(string source, string fixedSource, string editorConfig)
    {
        var test = new FixVerify.Test
        {
            TestCode = source + Domain,
            FixedCode = fixedSource + Domain,
            CodeActionEquivalenceKey = MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_ProjectQualifiesMembers_WritesThis_AndDropsTheBlankLineAfterTheCheck()
    {
        // The shape of semantic-kernel's LocalProxy.InitializeStepAsync.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LocalProxy
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private bool _isInitialized = false;

                public LocalProxy(ICatalogStore store)
                {
                    this._store = store;
                }

                public async Task InitializeStepAsync()
                {
                    if ([|this._isInitialized|])
                    {
                        return;
                    }

                    // Load once
                    this._catalog = await this._store.LoadAsync().ConfigureAwait(false);
                    this._isInitialized = true;
                }

                public int Count => this._catalog.Models.Length;
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class LocalProxy
            {
                private readonly ICatalogStore _store;
                private Catalog _catalog;
                private readonly AsyncInitializer _initializer;

                public LocalProxy(ICatalogStore store)
                {
                    this._initializer = new AsyncInitializer(this.InitializeAsync);
                    this._store = store;
                }

                public async Task InitializeStepAsync()
                {
                    await this._initializer.EnsureInitializedAsync().ConfigureAwait(false);
                }

                private async Task InitializeAsync()
                {
                    // Load once
                    this._catalog = await this._store.LoadAsync().ConfigureAwait(false);
                }

                public int Count => this._catalog.Models.Length;
            }
            """;
        await VerifyQualifiedFixAsync(source, fixedSource, QualifyEverything);

        // Without the settings (Roslyn's default: no this.), the same fix writes plain names.
        await VerifyQualifiedFixAsync(
            source,
            fixedSource
                .Replace("this._initializer = new AsyncInitializer(this.InitializeAsync);", "_initializer = new AsyncInitializer(InitializeAsync);", System.StringComparison.Ordinal)
                .Replace("await this._initializer.EnsureInitializedAsync()", "await _initializer.EnsureInitializedAsync()", System.StringComparison.Ordinal),
            "root = true\n");
    }

    [Fact]
    public async Task Fix_Ca2007TurnedOn_TheWrittenAwaitIsConfigured_WhereTheMethodAwaitsPlainly()
    {
        // A project that asks for ConfigureAwait on every await (CA2007) gets it on the written await too, or the fix would
        // add the warning; without CA2007 a method awaiting plainly keeps a plain await (its context may matter).
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    if ([|!_warm|])
                    {
                        await _store.WarmUpAsync();
                        _warm = true;
                    }

                    await Task.Yield();
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public Warmer(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task WarmAsync()
                {
                    await _initializer.EnsureInitializedAsync();

                    await Task.Yield();
                }

                private async Task InitializeAsync()
                {
                    await _store.WarmUpAsync();
                }
            }
            """;
        await VerifyQualifiedFixAsync(source, fixedSource, "root = true\n");
        await VerifyQualifiedFixAsync(
            source,
            fixedSource.Replace("await _initializer.EnsureInitializedAsync();", "await _initializer.EnsureInitializedAsync().ConfigureAwait(false);", System.StringComparison.Ordinal),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.CA2007.severity = warning\n");
    }

    [Fact]
    public async Task Fix_MethodConfiguresEveryAwaitThroughAnExtension_TheWrittenAwaitIsConfigured()
    {
        // `dotnet format` on Foundatio-style code: every await goes through `AnyContext()`, an extension returning
        // `ConfigureAwait(false)`. A plain await written among them brought the caller's context back (a deadlock under
        // a caller that blocks on the UI thread): the written await is configured.
        var source = /* lang=c#-test */ """
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;

            public static class TaskExtensions
            {
                public static ConfiguredTaskAwaitable AnyContext(this Task task) => task.ConfigureAwait(false);
            }

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private bool _warm;

                public Warmer(ICatalogStore store) => _store = store;

                public async Task WarmAsync()
                {
                    if ([|!_warm|])
                    {
                        await _store.WarmUpAsync().AnyContext();
                        _warm = true;
                    }

                    await Task.Delay(1).AnyContext();
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class TaskExtensions
            {
                public static ConfiguredTaskAwaitable AnyContext(this Task task) => task.ConfigureAwait(false);
            }

            public sealed class Warmer
            {
                private readonly ICatalogStore _store;
                private readonly AsyncInitializer _initializer;

                public Warmer(ICatalogStore store)
                {
                    _initializer = new AsyncInitializer(InitializeAsync);
                    _store = store;
                }

                public async Task WarmAsync()
                {
                    await _initializer.EnsureInitializedAsync().ConfigureAwait(false);

                    await Task.Delay(1).AnyContext();
                }

                private async Task InitializeAsync()
                {
                    await _store.WarmUpAsync().AnyContext();
                }
            }
            """;
        await VerifyQualifiedFixAsync(source, fixedSource, "root = true\n");
    }

    [Fact]
    public Task Fix_ProjectQualifiesMembers_StaticMembersKeepPlainNames()
        => VerifyQualifiedFixAsync(StaticValueSource, StaticValueFixed, QualifyEverything); // this. would not compile on a static member
}
