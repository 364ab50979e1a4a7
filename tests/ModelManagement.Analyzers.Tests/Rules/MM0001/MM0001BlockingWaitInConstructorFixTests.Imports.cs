using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>The fix adds <c>using ModelManagement.Patterns;</c> only when that makes no name of the document ambiguous.</summary>
public sealed class MM0001BlockingWaitInConstructorFixImportTests
{
    [Fact]
    public async Task OwnAttributeNamedLikeAPatternsType_KeepsQualifiedNamesInsteadOfAmbiguousUsing()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Contoso.Platform;

            namespace Contoso.Platform
            {
                [System.AttributeUsage(System.AttributeTargets.Field)]
                public sealed class OptionalDependencyAttribute : System.Attribute { }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }
            }

            namespace Contoso.Services
            {
                public sealed class LlmClient
                {
                    [OptionalDependency]
                    private readonly object _audit = null;
                    private readonly IReadOnlyList<string> _models;

                    public LlmClient(IModelStore store)
                    {
                        _models = [|store.LoadModelsAsync().Result|];
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        return _models[0] + prompt + _audit;
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Contoso.Platform;

            namespace Contoso.Platform
            {
                [System.AttributeUsage(System.AttributeTargets.Field)]
                public sealed class OptionalDependencyAttribute : System.Attribute { }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }
            }

            namespace Contoso.Services
            {
                public sealed class LlmClient
                {
                    [OptionalDependency]
                    private readonly object _audit = null;
                    private IReadOnlyList<string> _models;
                    private readonly ModelManagement.Patterns.AsyncInitializer _initializer;

                    public LlmClient(IModelStore store)
                    {
                        _initializer = new ModelManagement.Patterns.AsyncInitializer(() => InitializeAsync(store));
                    }

                    private async Task InitializeAsync(IModelStore store)
                    {
                        _models = await store.LoadModelsAsync().ConfigureAwait(false);
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await _initializer.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
                        await Task.Yield();
                        return _models[0] + prompt + _audit;
                    }
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
        };
        await test.RunAsync(CancellationToken.None);
    }
}
