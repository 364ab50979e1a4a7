using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// The lazy rewrite's new field is spelled like the type's own private fields (shared FieldNames): <c>_initializer</c>,
/// <c>initializer</c> next to <c>store</c> (StyleCop's SA1309 forbids the underscore), <c>m_initializer</c> next to <c>m_store</c>.
/// </summary>
public sealed class MM0001BlockingWaitInConstructorFixFieldNameTests
{
    private const string Source = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public interface IModelStore { Task OpenAsync(); }

        public sealed class LlmClient
        {
            private readonly IModelStore {{store}};
            private readonly List<string> {{models}} = new List<string>();

            public LlmClient(IModelStore store)
            {
                this.{{store}} = store;
                [|this.{{store}}.OpenAsync().Wait()|];
            }

            public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return this.{{models}}[0] + prompt;
            }
        }
        """;

    private const string Fixed = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public interface IModelStore { Task OpenAsync(); }

        public sealed class LlmClient
        {
            private readonly IModelStore {{store}};
            private readonly List<string> {{models}} = new List<string>();
            private readonly AsyncInitializer {{initializer}};

            public LlmClient(IModelStore store)
            {
                this.{{store}} = store;
                {{initializer}} = new AsyncInitializer(InitializeAsync);
            }

            private async Task InitializeAsync()
            {
                await this.{{store}}.OpenAsync().ConfigureAwait(false);
            }

            public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
            {
                await {{initializer}}.EnsureInitializedAsync(cancellationToken);
                await Task.Yield();
                return this.{{models}}[0] + prompt;
            }
        }
        """;

    [Theory]
    [InlineData("_store", "_models", "_initializer")]
    [InlineData("store", "models", "initializer")] // SA1309: an underscore would add a warning
    [InlineData("m_store", "m_models", "m_initializer")]
    [InlineData("m_Store", "m_Models", "m_Initializer")] // applied to real code (openmod): `m_PackagesDataStore`, `m_Realm`
    [InlineData("_Store", "_Models", "_Initializer")]
    [InlineData("store", "_models", "_initializer")] // a tie keeps the default
    public async Task LazyRewrite_NewFieldFollowsTheTypesFieldNames(string store, string models, string initializer)
    {
        static string Fill(string template, string store, string models, string initializer)
            => template.Replace("{{store}}", store, System.StringComparison.Ordinal)
                .Replace("{{models}}", models, System.StringComparison.Ordinal)
                .Replace("{{initializer}}", initializer, System.StringComparison.Ordinal);

        var test = new Verify.Test
        {
            TestCode = Fill(Source, store, models, initializer),
            FixedCode = Fill(Fixed, store, models, initializer),
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
        };
        await test.RunAsync(CancellationToken.None);
    }
}
