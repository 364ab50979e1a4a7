using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// "Initialize lazily on first async use" writes its references to the type's own members as the project's
/// <c>dotnet_style_qualification_for_*</c> settings ask: <c>this.</c> where they require it, plain names by default.
/// </summary>
public sealed class MM0001BlockingWaitInConstructorFixQualificationTests
{
    private const string Source = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); Task OpenAsync(); }

        public sealed class LlmClient
        {
            private readonly IModelStore _store;
            private readonly IReadOnlyList<string> _models = new List<string>();

            public LlmClient(IModelStore store)
            {
                this._store = store;
                [|this._store.OpenAsync().Wait()|];
            }

            public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return this._models[0] + prompt;
            }
        }
        """;

    private const string QualifiedFix = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); Task OpenAsync(); }

        public sealed class LlmClient
        {
            private readonly IModelStore _store;
            private readonly IReadOnlyList<string> _models = new List<string>();
            private readonly AsyncInitializer _initializer;

            public LlmClient(IModelStore store)
            {
                this._store = store;
                this._initializer = new AsyncInitializer(this.InitializeAsync);
            }

            private async Task InitializeAsync()
            {
                await this._store.OpenAsync().ConfigureAwait(false);
            }

            public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
            {
                await this._initializer.EnsureInitializedAsync(cancellationToken);
                await Task.Yield();
                return this._models[0] + prompt;
            }
        }
        """;

    private static async Task VerifyAsync(string fixedSource, string editorConfig)
    {
        var test = new Verify.Test
        {
            TestCode = Source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task QualificationRequired_WritesThis()
        => VerifyAsync(
            QualifiedFix,
            "root = true\n\n[*.cs]\ndotnet_style_qualification_for_field = true:error\ndotnet_style_qualification_for_method = true:error\n");

    [Fact]
    public Task Ca2007TurnedOn_TheWrittenAwaitIsConfigured_EvenNextToAnUnconfigurableYield()
        => VerifyAsync(
            // An independent consumer's library (CA2007 = warning): a method whose only await is `Task.Yield()`, which cannot
            // be configured, got a plain `await _initializer…` and a new CA2007 warning.
            QualifiedFix
                .Replace("this._initializer = new AsyncInitializer(this.InitializeAsync);", "_initializer = new AsyncInitializer(InitializeAsync);", System.StringComparison.Ordinal)
                .Replace("await this._initializer.EnsureInitializedAsync(cancellationToken);", "await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);", System.StringComparison.Ordinal),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.CA2007.severity = warning\n");

    [Fact]
    public Task NoQualificationSetting_WritesPlainNames()
        => VerifyAsync(
            QualifiedFix
                .Replace("this._initializer = new AsyncInitializer(this.InitializeAsync);", "_initializer = new AsyncInitializer(InitializeAsync);", System.StringComparison.Ordinal)
                .Replace("await this._initializer.EnsureInitializedAsync(", "await _initializer.EnsureInitializedAsync(", System.StringComparison.Ordinal),
            "root = true\n");
}
