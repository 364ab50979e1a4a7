using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// The fix adds <c>using ModelManagement.Patterns;</c> only when that makes no name of the document ambiguous, and
/// collects the type's sites the way the analyzer reports them (a site silenced by <c>#pragma</c> is not moved).
/// </summary>
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
                        await _initializer.EnsureInitializedAsync(cancellationToken);
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

    [Fact]
    public async Task OwnTypeNamedLikeAPatternsTypeUsedInAMethodBody_KeepsQualifiedNames()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Contoso.Platform;

            namespace Contoso.Platform
            {
                public static class SideEffect { public static string Note(string text) => text; }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }
            }

            namespace Contoso.Services
            {
                public sealed class LlmClient
                {
                    private readonly IReadOnlyList<string> _models;

                    public LlmClient(IModelStore store)
                    {
                        _models = [|store.LoadModelsAsync().Result|];
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        return SideEffect.Note(_models[0] + prompt);
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
                public static class SideEffect { public static string Note(string text) => text; }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }
            }

            namespace Contoso.Services
            {
                public sealed class LlmClient
                {
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
                        await _initializer.EnsureInitializedAsync(cancellationToken);
                        await Task.Yield();
                        return SideEffect.Note(_models[0] + prompt);
                    }
                }
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task OwnTypeNamedLikeAPatternsTypeInTheCodesOwnNamespace_StillGetsTheUsing()
    {
        // Types of the enclosing namespace win over imported ones: the new using makes nothing ambiguous.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Contoso.Services
            {
                public static class SideEffect { public static string Note(string text) => text; }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

                public sealed class LlmClient
                {
                    private readonly IReadOnlyList<string> _models;

                    public LlmClient(IModelStore store)
                    {
                        _models = [|store.LoadModelsAsync().Result|];
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        return SideEffect.Note(_models[0] + prompt);
                    }
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            namespace Contoso.Services
            {
                public static class SideEffect { public static string Note(string text) => text; }

                public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

                public sealed class LlmClient
                {
                    private IReadOnlyList<string> _models;
                    private readonly AsyncInitializer _initializer;

                    public LlmClient(IModelStore store)
                    {
                        _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    }

                    private async Task InitializeAsync(IModelStore store)
                    {
                        _models = await store.LoadModelsAsync().ConfigureAwait(false);
                    }

                    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                    {
                        await _initializer.EnsureInitializedAsync(cancellationToken);
                        await Task.Yield();
                        return SideEffect.Note(_models[0] + prompt);
                    }
                }
            }
            """;
        await RunAsync(source, fixedSource);
    }

    [Fact]
    public async Task WaitSilencedByPragma_StaysInTheConstructorWhileTheReportedOneMoves()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); Task<int> CountAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;
                private readonly int _count;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
            #pragma warning disable MM0001 // known to complete synchronously
                    _count = store.CountAsync().Result;
            #pragma warning restore MM0001
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return _models[0] + prompt + _count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); Task<int> CountAsync(); }

            public sealed class LlmClient
            {
                private IReadOnlyList<string> _models;
                private readonly int _count;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
            #pragma warning disable MM0001 // known to complete synchronously
                    _count = store.CountAsync().Result;
            #pragma warning restore MM0001
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                    await Task.Yield();
                    return _models[0] + prompt + _count;
                }
            }
            """;

        // The silenced wait has no diagnostic, so it is not one of the type's sites and stays where the user put it (if it
        // were taken along, its #pragma lines would move too, and the fix declines to move preprocessor directives). The
        // source holds its own pragmas, so the framework's "wrap everything in #pragma" check does not apply.
        await RunAsync(source, fixedSource, TestBehaviors.SkipSuppressionCheck);
    }

    [Fact]
    public async Task WaitInAGeneratedPartOfTheType_IsNotTakenAlong()
    {
        // The analyzer does not report in generated code, so that wait is not a site: the generated file is not edited.
        var generated = /* lang=c#-test */ """
            // <auto-generated/>
            using System.Threading.Tasks;

            public sealed partial class LlmClient
            {
                private readonly int _version = Task.FromResult(3).Result;
            }
            """;
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed partial class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return _models[0] + prompt + _version;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed partial class LlmClient
            {
                private IReadOnlyList<string> _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                    await Task.Yield();
                    return _models[0] + prompt + _version;
                }
            }
            """;
        var test = new Verify.Test
        {
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
        };
        test.TestState.Sources.Add(("/0/LlmClient.cs", source));
        test.TestState.Sources.Add(("/0/LlmClient.Generated.cs", generated));
        test.FixedState.Sources.Add(("/0/LlmClient.cs", fixedSource));
        test.FixedState.Sources.Add(("/0/LlmClient.Generated.cs", generated));
        await test.RunAsync(CancellationToken.None);
    }

    private static Task RunAsync(string source, string fixedSource, TestBehaviors behaviors = TestBehaviors.None)
        => new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
            TestBehaviors = behaviors,
        }.RunAsync(CancellationToken.None);

}
