using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>The lazy rewrite in a project that runs StyleCop: the fields it writes and changes keep SA1214's order.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lazy_ProjectWithStyleCop_ReadonlyFieldsStayBeforeTheMutableOnes_SA1214(bool styleCop)
    {
        // A consumer round on a StyleCop repository (warnings as errors): the loaded state loses `readonly` (the initializer
        // assigns it), which put the readonly `_limit` after it, and the initializer field went after the mutable `_hits`.
        // With StyleCop's analyzers in the project both readonly fields move up; without them the fields stay where they were.
        // The comment that opened `CountAsync` no longer does: SA1515 wants the blank line above it (Polly's build broke).
        var source = """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadAsync(); }

            public sealed class ModelDirectory
            {
                private readonly string[] _models;
                // the most models a caller sees
                private readonly int _limit;
                private int _hits;

                public ModelDirectory(IModelStore store, int limit)
                {
                    _limit = limit;
                    _models = {|MM0001:store.LoadAsync().Result|};
                }

                public async Task<int> CountAsync()
                {
                    // one more caller
                    await Task.Yield();
                    _hits++;
                    return _models.Length < _limit ? _models.Length : _limit;
                }
            }
            """;
        var fields = styleCop
            ? """
                // the most models a caller sees
                private readonly int _limit;
                private readonly AsyncInitializer _initializer;
                private string[] _models;
                private int _hits;
            """
            : """
                private string[] _models;
                // the most models a caller sees
                private readonly int _limit;
                private int _hits;
                private readonly AsyncInitializer _initializer;
            """;
        // StyleCop orders members (SA1202: private after public): the new private method goes after the last method.
        const string Initialize = "\n    private async Task InitializeAsync(IModelStore store)\n    {\n        _models = await store.LoadAsync().ConfigureAwait(false);\n    }\n";
        var fixedSource = """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadAsync(); }

            public sealed class ModelDirectory
            {

            """ + fields + """


                public ModelDirectory(IModelStore store, int limit)
                {
                    _limit = limit;
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }
            {{BEFORE}}
                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
            """ + (styleCop ? "\n\n" : "\n") + """
                    // one more caller
                    await Task.Yield();
                    _hits++;
                    return _models.Length < _limit ? _models.Length : _limit;
                }
            {{AFTER}}}
            """;
        fixedSource = fixedSource.Replace("{{BEFORE}}", styleCop ? "" : Initialize).Replace("{{AFTER}}", styleCop ? Initialize : "");
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
        };
        if (styleCop)
        {
            test.SolutionTransforms.Add(TestEnvironment.WithStyleCopAnalyzers);
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Factory_ProjectWithStyleCop_CreateAsyncBeforeTheMethods_InitializeAsyncAfterThem()
    {
        // A fix-shapes round: `CreateAsync` and the private `InitializeAsync` went right after the constructor, before a
        // property and the public methods (StyleCop's SA1201 and SA1202, errors under warnings as errors).
        var source = """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadAsync(); }

            public sealed class ModelDirectory
            {
                private readonly string[] _models;

                public ModelDirectory(IModelStore store)
                {
                    _models = {|MM0001:store.LoadAsync().Result|};
                }

                public int Count => _models.Length;

                public string First() => _models[0];

                public static async Task<int> CountAllAsync(IModelStore store)
                {
                    var directory = new ModelDirectory(store);
                    await Task.Yield();
                    return directory.Count;
                }
            }
            """;
        var fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadAsync(); }

            public sealed class ModelDirectory
            {
                private string[] _models;

                private ModelDirectory()
                {
                }

                public int Count => _models.Length;

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<ModelDirectory> CreateAsync(IModelStore store, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModelDirectory();
                    await instance.InitializeAsync(store).ConfigureAwait(false);
                    return instance;
                }

                public string First() => _models[0];

                public static async Task<int> CountAllAsync(IModelStore store)
                {
                    var directory = await CreateAsync(store);
                    await Task.Yield();
                    return directory.Count;
                }

                private async Task InitializeAsync(IModelStore store)
                {
                    _models = await store.LoadAsync().ConfigureAwait(false);
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Factory,
        };
        test.SolutionTransforms.Add(TestEnvironment.WithStyleCopAnalyzers);
        await test.RunAsync(CancellationToken.None);
    }
}
