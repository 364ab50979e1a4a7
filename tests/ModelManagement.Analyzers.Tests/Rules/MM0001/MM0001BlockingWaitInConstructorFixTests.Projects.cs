using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>The fixes across the projects of a solution.</summary>
public sealed class MM0001BlockingWaitInConstructorFixProjectTests
{
    [Fact]
    public async Task MovedCodeCallsAConcreteMethodOfAReferencedProject_LazyRewriteIsApplied()
    {
        // A re-verification: the ambient-state search bound the callee's body, which lives in the referenced project's
        // compilation, with this project's ("SyntaxTree is not part of the compilation"): no MM0001 fix in the whole run.
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Threading.Tasks;
                using Lib;

                public sealed class Reader
                {
                    private readonly string[] _models;

                    public Reader(Store store)
                    {
                        _models = [|store.LoadAsync().GetAwaiter().GetResult()|];
                    }

                    public async Task<string> FirstAsync()
                    {
                        await Task.Yield();
                        return _models[0];
                    }
                }
                """,
            FixedCode = /* lang=c#-test */ """
                using System.Threading.Tasks;
                using Lib;
                using ModelManagement.Patterns;

                public sealed class Reader
                {
                    private string[] _models;
                    private readonly AsyncInitializer _initializer;

                    public Reader(Store store)
                    {
                        _initializer = new AsyncInitializer(() => InitializeAsync(store));
                    }

                    private async Task InitializeAsync(Store store)
                    {
                        _models = await store.LoadAsync().ConfigureAwait(false);
                    }

                    public async Task<string> FirstAsync()
                    {
                        await _initializer.EnsureInitializedAsync();
                        await Task.Yield();
                        return _models[0];
                    }
                }
                """,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey,
        };
        test.TestState.AdditionalProjects["Lib"].Sources.Add(("/Lib/Store.cs", """
            using System.Threading.Tasks;

            namespace Lib
            {
                public sealed class Store
                {
                    public async Task<string[]> LoadAsync()
                    {
                        await Task.Delay(1);
                        return new[] { "a" };
                    }
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Lib");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MovedCodeCallsAMethodOfAReferencedProjectThatReadsAnAsyncLocal_GetsTheFactory()
    {
        // The re-verification after the crash fix: skipping the other project's bodies let a tenant read there go unseen,
        // and the lazy rewrite loaded for "none" instead of "acme". That body is searched with its own project's compilation.
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Threading.Tasks;
                using Lib;

                public sealed class TenantReader
                {
                    private readonly string _model;

                    public TenantReader(Store store)
                    {
                        _model = [|store.LoadForTenantAsync().GetAwaiter().GetResult()|];
                    }

                    public async Task<string> ModelAsync()
                    {
                        await Task.Yield();
                        return _model;
                    }
                }
                public static class TenantReaderCreator { public static async Task<TenantReader> OpenAsync(Store store) { await Task.Yield(); return new TenantReader(store); } }
                """,
            FixedCode = /* lang=c#-test */ """
                using System.Threading;
                using System.Threading.Tasks;
                using Lib;

                public sealed class TenantReader
                {
                    private string _model;

                    private TenantReader()
                    {
                    }

                    /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                    public static async Task<TenantReader> CreateAsync(Store store, CancellationToken cancellationToken = default)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var instance = new TenantReader();
                        await instance.InitializeAsync(store).ConfigureAwait(false);
                        return instance;
                    }

                    private async Task InitializeAsync(Store store)
                    {
                        _model = await store.LoadForTenantAsync().ConfigureAwait(false);
                    }

                    public async Task<string> ModelAsync()
                    {
                        await Task.Yield();
                        return _model;
                    }
                }
                public static class TenantReaderCreator { public static async Task<TenantReader> OpenAsync(Store store) { await Task.Yield(); return await TenantReader.CreateAsync(store); } }
                """,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey,
        };
        test.TestState.AdditionalProjects["Lib"].Sources.Add(("/Lib/Store.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            namespace Lib
            {
                public static class Tenant
                {
                    public static readonly AsyncLocal<string> Current = new AsyncLocal<string>();
                }

                public sealed class Store
                {
                    public async Task<string> LoadForTenantAsync()
                    {
                        var tenant = Tenant.Current.Value ?? "none";
                        await Task.Delay(1);
                        return tenant + "/m";
                    }
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Lib");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TargetTypedCreationOfATypeTheFileSpellsQualified_FactoryCallStaysQualified_NoUsingAdded()
    {
        // An independent consumer: `Round5.LambdaReader reader = new(store);` got `using Round5;` and a short factory call
        // next to the still qualified declaration.
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Threading.Tasks;

                namespace Readers
                {
                    public interface IStore { Task<int> CountAsync(); }

                    public sealed class Counter
                    {
                        private readonly int _count;

                        public Counter(IStore store)
                        {
                            _count = [|store.CountAsync().Result|];
                        }

                        public int Count => _count;
                    }
                }

                public static class Use
                {
                    public static async Task<int> RunAsync(Readers.IStore store)
                    {
                        await Task.Yield();
                        Readers.Counter counter = new(store);
                        return counter.Count;
                    }
                }
                """,
            FixedCode = /* lang=c#-test */ """
                using System.Threading;
                using System.Threading.Tasks;

                namespace Readers
                {
                    public interface IStore { Task<int> CountAsync(); }

                    public sealed class Counter
                    {
                        private int _count;

                        private Counter()
                        {
                        }

                        /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                        public static async Task<Counter> CreateAsync(IStore store, CancellationToken cancellationToken = default)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var instance = new Counter();
                            await instance.InitializeAsync(store).ConfigureAwait(false);
                            return instance;
                        }

                        private async Task InitializeAsync(IStore store)
                        {
                            _count = await store.CountAsync().ConfigureAwait(false);
                        }

                        public int Count => _count;
                    }
                }

                public static class Use
                {
                    public static async Task<int> RunAsync(Readers.IStore store)
                    {
                        await Task.Yield();
                        Readers.Counter counter = await Readers.Counter.CreateAsync(store);
                        return counter.Count;
                    }
                }
                """,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey,
        };
        await test.RunAsync(CancellationToken.None);
    }
}
