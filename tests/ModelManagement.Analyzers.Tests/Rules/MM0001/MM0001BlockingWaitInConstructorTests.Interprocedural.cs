using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001: construction code that calls the type's own members which block.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task OwnMethodThatBlocks_ReportedAtTheConstructorsCall()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IModelStore _store;
                private IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _store = store;
                    {|#0:LoadCatalogue()|};
                }

                private void LoadCatalogue()
                {
                    _models = _store.LoadModelsAsync().Result;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "LoadModelsAsync()"));
    }

    [Fact]
    public async Task OwnAsyncMethodThatAwaitsNothing_IsFollowed_ItsBlockingRunsAtTheCall()
    {
        // A fix-shapes round on real code (a Postgres test fixture): the constructor waits on `EnsureContainerStarted()`, an
        // `async Task` that awaits nothing — the wait blocks on a finished task — and inside a lock it blocked on the
        // container's start and the database set-up. All of an async method that awaits nothing runs at the call; one
        // that awaits is still not followed (what blocks after its first await runs after construction) — waiting on it is
        // the blocking.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Container { public async Task StartAsync() => await Task.Delay(1); }

            public sealed class PostgresFixture
            {
                private static readonly object Sync = new object();
                private static Container _container;
                private static bool _started;

                public PostgresFixture()
                {
                    {|#0:EnsureContainerStarted()|}.Wait();
                    _ = {|#1:StartLocal()|};
                    {|#2:WarmAsync().Wait()|};

                    async Task StartLocal() => new Container().StartAsync().Wait();
                }

                private async Task EnsureContainerStarted()
                {
                    if (_started) return;
                    lock (Sync)
                    {
                        if (_started) return;
                        _container = new Container();
                        _container.StartAsync().Wait();
                        _started = true;
                    }
                }

                private async Task WarmAsync()
                {
                    await Task.Yield();
                    new Container().StartAsync().Wait();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("PostgresFixture", "StartAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("PostgresFixture", "StartAsync()"),
            Verify.Diagnostic().WithLocation(2).WithArguments("PostgresFixture", "WarmAsync()"));
    }

    [Fact]
    public async Task OwnMethodsThreeDeep_ReportedAtTheFirstCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class NarrativeGenerator
            {
                private string _template;

                public NarrativeGenerator()
                {
                    _template = {|#0:Prepare()|};
                }

                private string Prepare() => Normalize(Fetch());

                private static string Normalize(string text) => text.Trim();

                private string Fetch() => ReadTemplate();

                private string ReadTemplate() => DownloadAsync("intro").GetAwaiter().GetResult();

                private static Task<string> DownloadAsync(string name) => Task.Run(() => name);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "DownloadAsync()"));
    }

    [Fact]
    public async Task MutuallyRecursiveOwnMethods_OneBlocks_ReportedAndTerminates()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class HistoricalLogProcessor
            {
                public HistoricalLogProcessor(int pages)
                {
                    [|Walk(pages)|];
                }

                private void Walk(int page)
                {
                    if (page > 0)
                    {
                        Step(page - 1);
                    }
                }

                private void Step(int page)
                {
                    Walk(page);
                    Flush();
                }

                private void Flush() => Task.Run(async () => { }).Wait();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CycleEnteredTwice_SecondCallerStillReported()
    {
        // The first walk from A cuts the cycle at A while summarising B; B's answer must not be cached as "does not block".
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Graph
            {
                public Graph()
                {
                    [|A()|];
                    [|B()|];
                }

                private void A()
                {
                    B();
                    D();
                }

                private void B() => A();

                private void D() => Task.Run(async () => { }).Wait();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SelfRecursiveOwnMethod_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Retrier
            {
                public Retrier() => [|Try(3)|];

                private static int Try(int attempts) => attempts == 0 ? ConnectAsync().Result : Try(attempts - 1);

                private static Task<int> ConnectAsync() => Task.Run(() => 0);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StaticHelperFromStaticInitializerAndStaticConstructor_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class ModelDefaults
            {
                private static readonly string DefaultModel = {|#0:ReadDefault()|};
                private static readonly int Limit;

                static ModelDefaults()
                {
                    Limit = {|#1:ReadLimit()|};
                }

                private static string ReadDefault() => FetchAsync().Result;

                private static int ReadLimit() => ReadDefault().Length;

                private static Task<string> FetchAsync() => Task.Run(() => "narrator-large");
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ModelDefaults", "FetchAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ModelDefaults", "FetchAsync()"));
    }

    [Fact]
    public async Task PartialClass_HelperInAnotherFile_ReportedAtTheCall()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("LlmClient.cs", /* lang=c#-test */ """
            using System.Threading.Tasks;

            public partial class LlmClient
            {
                private readonly string _model;

                public LlmClient()
                {
                    _model = {|#0:ResolveModel()|};
                }
            }
            """));
        test.TestState.Sources.Add(("LlmClient.Catalogue.cs", /* lang=c#-test */ """
            using System.Threading.Tasks;

            public partial class LlmClient
            {
                private string ResolveModel() => FindModel();

                private static string FindModel() => LookupAsync().ConfigureAwait(false).GetAwaiter().GetResult();

                private static Task<string> LookupAsync() => Task.Run(() => "narrator-large");
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "LookupAsync()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PartialMethodImplementedInAnotherFile_ReportedAtTheCall()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Registry.cs", /* lang=c#-test */ """
            public partial class Registry
            {
                public Registry() => [|Populate()|];

                partial void Populate();
            }
            """));
        test.TestState.Sources.Add(("Registry.Generated.cs", /* lang=c#-test */ """
            using System.Threading.Tasks;

            public partial class Registry
            {
                partial void Populate() => Task.Run(async () => { }).Wait();
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task LocalFunctionCalledByConstructor_ReportedAtTheCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                private readonly string _voice;

                public Narrator(Task<string> voice)
                {
                    _voice = {|#0:Resolve()|};

                    string Resolve() => voice.Result.ToUpperInvariant();
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Narrator", "voice"));
    }

    [Fact]
    public async Task NestedLocalFunctionsCalledByConstructor_ReportedAtTheOuterCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator(Task warmup)
                {
                    [|Outer()|];

                    void Outer()
                    {
                        Inner();

                        void Inner() => warmup.Wait();
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OwnPropertyGetterThatBlocks_ReportedAtTheRead()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class GuardrailMonitor
            {
                private readonly Task<int> _threshold = Task.FromResult(3);
                private readonly int _limit;

                public GuardrailMonitor()
                {
                    _limit = {|#0:Threshold|} * 2;
                    _limit += {|#1:this.Threshold|};
                }

                private int Threshold => _threshold.Result;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("GuardrailMonitor", "_threshold"),
            Verify.Diagnostic().WithLocation(1).WithArguments("GuardrailMonitor", "_threshold"));
    }

    [Fact]
    public async Task OwnPropertySetterThatBlocks_ReportedAtTheAssignment()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class GuardrailMonitor
            {
                public GuardrailMonitor()
                {
                    [|Mode|] = "strict";
                }

                private string Mode
                {
                    get => "";
                    set => ApplyAsync(value).Wait();
                }

                private static Task ApplyAsync(string mode) => Task.Run(() => { });
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SealedOverrideAndMethodsOfSealedTypesAndStructs_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            abstract class Loader
            {
                protected abstract void Load();
            }

            class CatalogueLoader : Loader
            {
                public CatalogueLoader() => [|Load()|];

                protected sealed override void Load() => Task.Run(async () => { }).Wait();
            }

            sealed class SealedLoader : Loader
            {
                public SealedLoader() => [|Load()|];

                protected override void Load() => Task.Run(async () => { }).Wait();
            }

            struct Window
            {
                public Window(int size) => [|Prime()|];

                private void Prime() => Task.Run(async () => { }).Wait();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task GenericOwnMethodInGenericType_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Cache<TKey>
            {
                private readonly TKey _first;

                public Cache(Task<TKey> first)
                {
                    _first = {|#0:Unwrap<TKey>(first)|};
                    var copy = {|#1:Cache<int>.Unwrap<int>(Task.FromResult(1))|};
                }

                private static T Unwrap<T>(Task<T> task) => task.Result;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Cache", "task"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Cache", "task"));
    }

    [Fact]
    public async Task OwnMethodOfAnotherInstance_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            sealed class Node
            {
                private readonly Node _parent;

                public Node(Node parent)
                {
                    _parent = parent;
                    [|parent.Refresh()|];
                }

                private void Refresh() => Task.Run(async () => { }).Wait();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OwnCallInPrimaryConstructorBaseArgument_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class ServiceBase(string model);

            class Narrator(Task<string> model) : ServiceBase({|#0:Read(model)|})
            {
                private static string Read(Task<string> pending) => pending.Result;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Narrator", "pending"));
    }

    [Fact]
    public async Task BlockingOnOwnCallThatAlsoBlocks_TheCallIsReported_TheWaitOnItsCompletedTaskIsNot()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator()
                {
                    // StartAsync blocks inside and returns a completed task: the call blocks, the wait on its task does not.
                    {|#0:StartAsync()|}.Wait();
                }

                private Task StartAsync()
                {
                    Task.Run(async () => { }).Wait();
                    return Task.CompletedTask;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Narrator", "Task.Run(...)"));
    }
}
