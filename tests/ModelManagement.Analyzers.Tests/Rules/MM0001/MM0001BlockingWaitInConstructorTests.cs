using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001: the blocking forms, reported where they run during construction.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task ResultInConstructorBody_ReportsWithTypeAndAwaitedMember()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly IReadOnlyList<string> _models;

                public LlmClient(IModelStore store)
                {
                    _models = {|#0:store.LoadModelsAsync().Result|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "LoadModelsAsync()"));
    }

    [Fact]
    public async Task ResultOfFieldTask_NamesTheField()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Catalogue
            {
                private readonly Task<int> _pending = Task.FromResult(1);
                private readonly int _count;

                public Catalogue()
                {
                    _count = {|#0:_pending.Result|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Catalogue", "_pending"));
    }

    [Fact]
    public async Task ConditionalAccessResult_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Catalogue
            {
                private readonly int? _count;

                public Catalogue(Task<int> pending)
                {
                    _count = pending?[|.Result|];
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WaitOverloads_EachReported()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Warmup
            {
                public Warmup(Task task, CancellationToken token)
                {
                    // Each on its own task: once one wait returned, a later wait on the same task finds it finished.
                    [|task.ContinueWith(_ => 1).Wait()|];
                    [|task.ContinueWith(_ => 2).Wait(100)|];
                    [|task.ContinueWith(_ => 3).Wait(TimeSpan.FromSeconds(1))|];
                    [|task.ContinueWith(_ => 4).Wait(token)|];
                    [|task.ContinueWith(_ => 5).Wait(100, token)|];
                    _ = [|task.ContinueWith(_ => 6).Wait(TimeSpan.FromSeconds(1), token)|];
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WaitOnInvocation_NamesTheInvokedMethod()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Warmup
            {
                public Warmup() => {|#0:PrimeCacheAsync().Wait()|};

                private static Task PrimeCacheAsync() => Task.Run(() => { });
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Warmup", "PrimeCacheAsync()"));
    }

    [Fact]
    public async Task GetAwaiterGetResult_OnTaskAndTaskOfT_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Registry
            {
                private readonly string _default;

                public Registry()
                {
                    {|#0:ConnectAsync().GetAwaiter().GetResult()|};
                    _default = {|#1:FindDefaultAsync().GetAwaiter().GetResult()|};
                }

                private static Task ConnectAsync() => Task.Run(() => { });
                private static Task<string> FindDefaultAsync() => Task.Run(() => "narrator");
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Registry", "ConnectAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Registry", "FindDefaultAsync()"));
    }

    [Fact]
    public async Task ValueTaskForms_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Registry
            {
                public Registry(ValueTask opening, ValueTask<int> counting)
                {
                    {|#0:opening.GetAwaiter().GetResult()|};
                    var a = {|#1:counting.Result|};
                    var b = {|#2:CountAsync().GetAwaiter().GetResult()|};
                }

                private static ValueTask<int> CountAsync() => new(3);
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Registry", "opening"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Registry", "counting"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Registry", "CountAsync()"));
    }

    [Fact]
    public async Task ConfigureAwaitGetResult_AllAwaitables_ReportedNamingTheAwaitedCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator()
                {
                    {|#0:WarmAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    var a = {|#1:CountAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    {|#2:WarmValueAsync().ConfigureAwait(false).GetAwaiter().GetResult()|};
                    var b = {|#3:CountValueAsync().ConfigureAwait(true).GetAwaiter().GetResult()|};
                }

                private static Task WarmAsync() => Task.Run(() => { });
                private static Task<int> CountAsync() => Task.Run(() => 1);
                private static ValueTask WarmValueAsync() => default;
                private static ValueTask<int> CountValueAsync() => new(1);
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Narrator", "WarmAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Narrator", "CountAsync()"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Narrator", "WarmValueAsync()"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Narrator", "CountValueAsync()"));
    }

    [Fact]
    public async Task GetResultOnStoredAwaiter_Reported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator(Task<string> prompt)
                {
                    var awaiter = prompt.ConfigureAwait(false).GetAwaiter();
                    var text = {|#0:awaiter.GetResult()|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Narrator", "awaiter"));
    }

    [Fact]
    public async Task WaitAllAndWaitAny_ReportedWithFixedNames()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class HistoricalLogProcessor
            {
                public HistoricalLogProcessor(Task a, Task b)
                {
                    {|#0:Task.WaitAll(a, b)|};
                    var first = {|#1:Task.WaitAny(new[] { a, b }, 1000)|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("HistoricalLogProcessor", "Task.WaitAll(...)"),
            Verify.Diagnostic().WithLocation(1).WithArguments("HistoricalLogProcessor", "Task.WaitAny(...)"));
    }

    [Fact]
    public async Task StaticConstructor_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            static class Defaults
            {
                private static readonly string Model;

                static Defaults()
                {
                    Model = [|LoadAsync().Result|];
                }

                private static Task<string> LoadAsync() => Task.Run(() => "narrator-large");
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StaticAndInstanceFieldInitializers_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Defaults
            {
                private static readonly string Model = {|#0:LoadAsync().Result|};
                private readonly int _limit = {|#1:Task.Run(async () => 8).GetAwaiter().GetResult()|};

                private static Task<string> LoadAsync() => Task.Run(async () => "narrator-large");
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Defaults", "LoadAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Defaults", "Task.Run(...)"));
    }

    [Fact]
    public async Task PropertyInitializers_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Defaults
            {
                public static string Model { get; } = [|LoadAsync().Result|];

                public int Limit { get; set; } = [|Task.Run(async () => 4).Result|];

                private static Task<string> LoadAsync() => Task.Run(async () => "narrator-large");
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task FieldLikeEventInitializer_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            class Monitor
            {
                public event EventHandler Changed = [|CreateHandlerAsync().Result|];

                private static Task<EventHandler> CreateHandlerAsync() => Task.Run<EventHandler>(() => (s, e) => { });
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ThisAndBaseInitializerArguments_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class ServiceBase
            {
                protected ServiceBase(string model) { }
            }

            class NarrativeGenerator : ServiceBase
            {
                public NarrativeGenerator(Task<string> model) : base({|#0:model.Result|}) { }

                public NarrativeGenerator() : this({|#1:Task.Run(async () => "narrator").Result|}) { }

                private NarrativeGenerator(string model) : base(model) { }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "model"),
            Verify.Diagnostic().WithLocation(1).WithArguments("NarrativeGenerator", "Task.Run(...)"));
    }

    [Fact]
    public async Task ClassPrimaryConstructor_BaseArgumentAndInitializers_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class ServiceBase(string model)
            {
                public string Model { get; } = model;
            }

            class NarrativeGenerator(Task<string> model, Task<int> limit) : ServiceBase({|#0:model.Result|})
            {
                private readonly int _limit = {|#1:limit.Result|};

                public int Retries { get; } = {|#2:limit.GetAwaiter().GetResult()|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "model"),
            Verify.Diagnostic().WithLocation(1).WithArguments("NarrativeGenerator", "limit"),
            Verify.Diagnostic().WithLocation(2).WithArguments("NarrativeGenerator", "limit"));
    }

    [Fact]
    public async Task RecordPrimaryConstructor_BaseArgumentAndPropertyInitializer_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            record ModelDescriptor(string Name);

            record LoadedModel(Task<string> Pending) : ModelDescriptor({|#0:Pending.Result|})
            {
                public int Length { get; } = {|#1:Pending.Result|}.Length;
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("LoadedModel", "Pending"),
            Verify.Diagnostic().WithLocation(1).WithArguments("LoadedModel", "Pending"));
    }

    [Fact]
    public async Task RecordExplicitConstructor_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            record ModelInfo
            {
                public ModelInfo(Task<string> name) => Name = [|name.Result|];

                public string Name { get; }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StructAndRecordStructConstructors_Report()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            struct Quota
            {
                public int Limit;

                public Quota(Task<int> limit) { Limit = [|limit.Result|]; }
            }

            readonly record struct Budget(Task<int> Pending)
            {
                public int Tokens { get; } = [|Pending.Result|];
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task GenericType_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            class Cache<TValue>
            {
                private readonly TValue _value;

                public Cache(Func<Task<TValue>> load)
                {
                    _value = {|#0:load().Result|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Cache", "load()"));
    }

    [Fact]
    public async Task DerivedTaskReceiver_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            sealed class ModelLoad : Task<string>
            {
                public ModelLoad() : base(() => "narrator") { }
            }

            class Narrator
            {
                public Narrator(ModelLoad load, ModelLoad waited, ModelLoad awaited)
                {
                    var a = [|load.Result|];
                    [|waited.Wait()|];
                    var b = [|awaited.GetAwaiter().GetResult()|];
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TypeParameterConstrainedToTask_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Warmup<TTask, TResultTask>
                where TTask : Task
                where TResultTask : Task<int>
            {
                public Warmup(TTask task, TTask other, TResultTask counted)
                {
                    [|task.Wait()|];
                    [|other.GetAwaiter().GetResult()|];
                    var n = [|counted.Result|];
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BlockingNestedInExpressions_EachReported()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Narrator
            {
                private readonly List<string> _names;
                private readonly string _mode;

                public Narrator(Task<string> a, Task<string> b, bool fast)
                {
                    _names = new List<string> { [|a.Result|], [|b.Result|] };
                    _mode = fast ? [|a.Result|] : string.Concat("slow-", [|b.Result|]);
                    if ([|a.Result|].Length > 3)
                    {
                        _mode += "!";
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NullableEnabled_Reports()
    {
        var test = new Verify.Test
        {
            NullableContextOptions = Microsoft.CodeAnalysis.NullableContextOptions.Enable,
            TestCode = /* lang=c#-test */ """
                using System.Threading.Tasks;

                class Narrator
                {
                    private readonly string? _model;

                    public Narrator(Task<string?>? pending, Task<string?> measured)
                    {
                        _model = [|pending!.Result|];
                        var length = [|measured.Result|]!.Length;
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp12)]
    public async Task OlderAndNewerLanguageVersions_Report(LanguageVersion languageVersion)
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                private readonly string _model;

                public Narrator(Task<string> pending)
                {
                    _model = [|pending.Result|];
                    [|Task.WaitAll(pending)|];
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, languageVersion);
    }
}
