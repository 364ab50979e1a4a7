using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001 code fixes: "Initialize lazily on first async use", "Introduce static async factory", Fix All.</summary>
public sealed class MM0001BlockingWaitInConstructorFixTests
{
    private const string Lazy = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey;
    private const string Factory = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey;

    [Fact]
    public async Task ResultAssignedInConstructor_InitializesLazily()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    // the catalogue is needed by every completion
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return _models[0] + prompt;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private IReadOnlyList<string> _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    // the catalogue is needed by every completion
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
                    await Task.Yield();
                    return _models[0] + prompt;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        };
        return test.RunAsync(CancellationToken.None);
    }
}
