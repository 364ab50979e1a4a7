using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// MM0001 fix shapes a mutation crash hunt turned into code that no longer compiled: an assignment in a
/// <c>checked</c>/<c>unchecked</c> block (the readonly field kept its modifier: CS0191), and a constructor parameter named
/// only in <c>nameof</c> (data flow sees no read, so the moved code lost it: CS0103).
/// </summary>
public sealed class MM0001FixCrashHuntTests
{
    [Fact]
    public async Task Factory_AssignmentInUncheckedBlock_DropsReadonlyLikeInAPlainBlock()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public class Cache
            {
                private readonly string _value;

                public Cache(Func<Task<string>> load)
                {
                    unchecked
                    {
                        _value = [|load().Result|];
                    }
                }

                public string Value => _value;
            }
            public static class OpenCacheCreator { public static async Task<Cache> OpenAsync(Func<Task<string>> load) { await Task.Yield(); return new Cache(load); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Cache
            {
                private string _value;

                private Cache()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Cache> CreateAsync(Func<Task<string>> load, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Cache();
                    await instance.InitializeAsync(load).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Func<Task<string>> load)
                {
                    unchecked
                    {
                        _value = await load().ConfigureAwait(false);
                    }
                }

                public string Value => _value;
            }
            public static class OpenCacheCreator { public static async Task<Cache> OpenAsync(Func<Task<string>> load) { await Task.Yield(); return await Cache.CreateAsync(load); } }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Lazy_RegionLinesRightAboveTheWait_StayInTheConstructor()
    {
        // A consumer run on real shapes: `#endregion` sat in the wait's leading trivia and refused the fix. It closes the
        // region above; the new statement stands where the wait stood, after it.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    #region fields
                    _store = store;
                    #endregion
                    // the catalogue
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    return _models.Count;
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
                    #region fields
                    _store = store;
                    #endregion
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    // the catalogue
                    _models = await store.LoadModelsAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync(CancellationToken cancellationToken = default)
                {
                    await _initializer.EnsureInitializedAsync(cancellationToken);
                    await Task.Yield();
                    return _models.Count;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Factory_ExpressionBodiedConstructor_CommentsOfTheExpressionMoveWithIt()
    {
        // A crash hunt: `=> /* c1 */ _v = …` lost its comment when the factory dropped the expression body.
        // The comment after the `;` (c3) moves with the statement too (the s35 shapes round found it on the private
        // constructor's closing brace).
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public class Cache
            {
                private readonly string _value;

                public Cache(Func<Task<string>> load) => /* c1 */ _value = [|load().Result|] /* c2 */; // c3

                public string Value => _value;
            }
            public static class OpenCacheCreator { public static async Task<Cache> OpenAsync(Func<Task<string>> load) { await Task.Yield(); return new Cache(load); } }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Cache
            {
                private string _value;

                private Cache()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<Cache> CreateAsync(Func<Task<string>> load, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new Cache();
                    await instance.InitializeAsync(load).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Func<Task<string>> load)
                {
                    _value = await load().ConfigureAwait(false); /* c1 */ /* c2 */ // c3
                }

                public string Value => _value;
            }
            public static class OpenCacheCreator { public static async Task<Cache> OpenAsync(Func<Task<string>> load) { await Task.Yield(); return await Cache.CreateAsync(load); } }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConditionalLinesRightAboveTheWait_AreRefusedWithMovedCodeCannotMove()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Narrator
            {
                private readonly string _name;

                public Narrator(Task<string> pending)
                {
            #if TRACE
                    System.Console.WriteLine("loading");
            #endif
                    _name = [|pending.Result|];
                }

                public async Task<string> NameAsync()
                {
                    await Task.Yield();
                    return _name;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ParameterNamedOnlyInNameof_IsRefusedWithMovedCodeCannotMove()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Narrator
            {
                private readonly string _name;

                public Narrator(Task<string> pending)
                {
                    _name = [|Task.Run(async () => "x").Result|] + nameof(pending);
                }

                public async Task<string> NameAsync()
                {
                    await Task.Yield();
                    return _name;
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Lazy_CommentsOnDroppedChainParts_AreKept()
    {
        // An independent consumer check: `// (L3)` on the `.GetAwaiter()` line was lost; the crash hunt: `Wait(/* forever */)`.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator
            {
                private string _template;

                public NarrativeGenerator(Task warmUp)
                {
                    _template = [|LoadTemplateAsync()   // (L2)
                        .GetAwaiter()   // (L3)
                        .GetResult()|];   // (L4)
                    [|warmUp.Wait(/* forever */)|];
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "{0}");

                public async Task<string> GenerateAsync(string subject)
                {
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public sealed class NarrativeGenerator
            {
                private string _template;
                private readonly AsyncInitializer _initializer;

                public NarrativeGenerator(Task warmUp)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(warmUp));
                }

                private async Task InitializeAsync(Task warmUp)
                {
                    _template = await LoadTemplateAsync()   // (L2)
                                                            // (L3)
                        .ConfigureAwait(false);   // (L4)
                    await warmUp /* forever */.ConfigureAwait(false);
                }

                private static Task<string> LoadTemplateAsync() => Task.Run(() => "{0}");

                public async Task<string> GenerateAsync(string subject)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return string.Format(_template, subject);
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey };
        await test.RunAsync(CancellationToken.None);
    }
}
