using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

// Shapes of current C# code and its frameworks: primary constructors, UI-bound types, `Task.Run` of the own init method,
// the expression-bodied style, view-model properties.

/// <summary>
/// The lazy rewrite of a class with a primary constructor (C# 12): only its initializers can block, there is no body to
/// create the initializer in, so an accessor creates it on first use; the factory is refused (no constructor to hide).
/// </summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Fact]
    public async Task PrimaryConstructor_BlockingFieldInitializer_MovesIntoInitialization_CreatedByAnAccessor()
    {
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public interface IModelClient { Task<string> LoadModelAsync(); }

            public sealed class LlmGateway(IModelClient client)
            {
                // the model every completion uses
                private readonly string _model = [|client.LoadModelAsync().GetAwaiter().GetResult()|];

                public async Task<string> CompleteAsync(string prompt)
                {
                    await Task.Yield();
                    return _model + ": " + prompt;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable enable
            using System.Threading;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelClient { Task<string> LoadModelAsync(); }

            public sealed class LlmGateway(IModelClient client)
            {
                // the model every completion uses
                private string _model = null!;
                private AsyncInitializer? _initializer;

                private AsyncInitializer Initializer => LazyInitializer.EnsureInitialized(ref _initializer, () => new AsyncInitializer(InitializeAsync));

                private async Task InitializeAsync()
                {
                    _model = await client.LoadModelAsync().ConfigureAwait(false);
                }

                public async Task<string> CompleteAsync(string prompt)
                {
                    await Initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _model + ": " + prompt;
                }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }

    [Fact]
    public async Task PrimaryConstructor_ParameterAlsoReadByAnInitializerThatStays_IsRefused()
    {
        // `client` read by InitializeAsync is captured into the instance; read by `_client = client` too, CS9124 would warn.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelClient { Task<string> LoadModelAsync(); }

            public sealed class LlmGateway(IModelClient client)
            {
                private readonly IModelClient _client = client;
                private readonly string _model = [|client.LoadModelAsync().Result|];

                public async Task<string> CompleteAsync(string prompt)
                {
                    await Task.Yield();
                    return _model + await _client.LoadModelAsync();
                }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
        await VerifyNoFixAsync(source, Factory);
    }
}

/// <summary>Types bound to a UI thread: the lazy rewrite would run their construction work on the thread pool.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Fact]
    public async Task UiElementWithAnAsyncReader_NoLazyRewrite_TheFactoryKeepsTheCallersContext()
    {
        // An MM0001 consumer round: a MAUI page filling its bound collection from `.Result` got the lazy rewrite, and the
        // AsyncInitializer filled it on a pool thread (a bound collection throws there).
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Microsoft.Maui.Controls { public class BindableObject { } public class ContentPage : BindableObject { } }

            public interface IMovies { Task<List<string>> LoadAsync(); }

            public sealed class MoviesPage : Microsoft.Maui.Controls.ContentPage
            {
                private readonly List<string> _items = new List<string>();

                public MoviesPage(IMovies movies)
                {
                    foreach (var movie in [|movies.LoadAsync().Result|])
                    {
                        _items.Add(movie);
                    }
                }

                public async Task<int> RefreshAsync() { await Task.Yield(); return _items.Count; }
            }
            """;
        await VerifyNoFixAsync(source, Lazy);
    }

    [Fact]
    public async Task ViewModel_Factory_AwaitsWithoutConfigureAwait()
    {
        // An MM0001 consumer round, MovLib's WPF MainViewModel: the factory's configured awaits filled the collection its
        // view binds to on a pool thread. A type implementing INotifyPropertyChanged is bound to its view's thread.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading.Tasks;

            public interface IMovies { Task<List<string>> LoadAsync(); }

            public abstract class ViewModelBase : INotifyPropertyChanged
            {
                public event PropertyChangedEventHandler PropertyChanged;
            }

            public sealed class MainViewModel : ViewModelBase
            {
                public List<string> Movies { get; } = new List<string>();

                public MainViewModel(IMovies movies)
                {
                    Movies.AddRange([|movies.LoadAsync().Result|]);
                }

                public static async Task<int> OpenAsync(IMovies movies) { var model = new MainViewModel(movies); await Task.Yield(); return model.Movies.Count; }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IMovies { Task<List<string>> LoadAsync(); }

            public abstract class ViewModelBase : INotifyPropertyChanged
            {
                public event PropertyChangedEventHandler PropertyChanged;
            }

            public sealed class MainViewModel : ViewModelBase
            {
                public List<string> Movies { get; } = new List<string>();

                private MainViewModel()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<MainViewModel> CreateAsync(IMovies movies, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new MainViewModel();
                    await instance.InitializeAsync(movies).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(IMovies movies)
                {
                    Movies.AddRange(await movies.LoadAsync());
                }

                public static async Task<int> OpenAsync(IMovies movies) { var model = await CreateAsync(movies); await Task.Yield(); return model.Movies.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }
}

/// <summary><c>Task.Run(own init method).Wait()</c>: the method is run directly, with no wrapper around the <c>Task.Run</c>.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Theory]
    [InlineData("Task.Run(InitializeAsync).Wait();")]
    [InlineData("Task.Run(() => InitializeAsync()).Wait();")]
    [InlineData("Task.Run(async () => await InitializeAsync()).GetAwaiter().GetResult();")]
    [InlineData("Task.Run(() => this.InitializeAsync()).Wait();")]
    [InlineData("Task.Run(async () => await InitializeAsync().ConfigureAwait(false)).Wait();")] // a second fix-shapes round
    [InlineData("Task.Factory.StartNew(InitializeAsync).Unwrap().Wait();")]
    public async Task Lazy_TaskRunOfTheOwnInitMethod_TheInitializerRunsTheMethod(string wait)
    {
        // An MM0001 consumer round: 7 of 29 real sites (biodiversitydata-se/SOS ×4, a chatbot, a MAUI database, a test
        // class) got an `InitializeAsync1` wrapper awaiting `Task.Run(InitializeAsync)` again.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface ITaxa { Task<List<string>> GetAllAsync(); }

            public sealed class TaxonManager
            {
                private readonly ITaxa _store;
                private List<string> _taxa;

                public TaxonManager(ITaxa store)
                {
                    _store = store;
                    // Load the taxa during initialization
                    [|WAIT|]
                }

                private async Task InitializeAsync()
                {
                    _taxa = await _store.GetAllAsync();
                }

                public async Task<int> CountAsync() { await Task.Yield(); return _taxa.Count; }
            }
            """.Replace("[|WAIT|]", "[|" + wait.TrimEnd(';') + "|];", System.StringComparison.Ordinal);
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ITaxa { Task<List<string>> GetAllAsync(); }

            public sealed class TaxonManager
            {
                private readonly ITaxa _store;
                private List<string> _taxa;
                private readonly AsyncInitializer _initializer;

                public TaxonManager(ITaxa store)
                {
                    _store = store;
                    // Load the taxa during initialization
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _taxa = await _store.GetAllAsync();
                }

                public async Task<int> CountAsync() { await _initializer.EnsureInitializedAsync(); await Task.Yield(); return _taxa.Count; }
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }
}

/// <summary>The new initialization method follows <c>csharp_style_expression_bodied_methods</c> (no IDE0022 added).</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Theory]
    [InlineData("csharp_style_expression_bodied_methods = true:warning", true)]
    [InlineData("csharp_style_expression_bodied_methods = when_on_single_line", true)]
    [InlineData("csharp_style_expression_bodied_methods = false:silent", false)]
    public async Task Lazy_ExpressionBodiedMethodsPreferred_TheOneStatementInitializeMethodGetsAnArrow(string option, bool arrow)
    {
        // A consumer round (DuendeSoftware/foss sets the option): the one-statement InitializeAsync was written with a block,
        // which IDE0022 flags — an error under EnforceCodeStyleInBuild with warnings as errors.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private readonly string[] _models;

                public LlmClient(IModelStore store)
                {
                    _models = [|store.LoadModelsAsync().Result|];
                }

                public async Task<string> FirstAsync()
                {
                    await Task.Yield();
                    return _models[0];
                }
            }
            """;
        var method = arrow
            ? "    private async Task InitializeAsync(IModelStore store) => _models = await store.LoadModelsAsync().ConfigureAwait(false);\n"
            : "    private async Task InitializeAsync(IModelStore store)\n    {\n        _models = await store.LoadModelsAsync().ConfigureAwait(false);\n    }\n";
        var fixedSource = """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IModelStore { Task<string[]> LoadModelsAsync(); }

            public sealed class LlmClient
            {
                private string[] _models;
                private readonly AsyncInitializer _initializer;

                public LlmClient(IModelStore store)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(store));
                }

            METHOD
                public async Task<string> FirstAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _models[0];
                }
            }
            """.Replace("METHOD\n", method + "\n", System.StringComparison.Ordinal);
        await VerifyAsync(source, fixedSource, Lazy, editorConfig: option);
    }
}

/// <summary>A property whose accessors have bodies, assigned by the moved code: its setter does the work, it takes no initializer.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Fact]
    public async Task Factory_PropertyWithAccessorBodiesAssigned_GetsNoNullForgivingInitializer()
    {
        // A fix-shapes round: `Status { get => _status; set => _status = value.Trim(); } = null!;` (CS8050) — the view-model
        // property shape `set => SetProperty(ref _status, value)` on the factory path UI-bound types take.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public sealed class StatusHolder
            {
                private string _status = "idle";

                public string Status { get => _status; set => _status = value.Trim(); }

                public StatusHolder(Task<int> count)
                {
                    Status = [|count.Result|] + " models";
                }
            }

            public static class Opener { public static async Task<string> OpenAsync(Task<int> count) { await Task.Yield(); return new StatusHolder(count).Status; } }
            """;
        var fixedSource = /* lang=c#-test */ """
            #nullable enable
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class StatusHolder
            {
                private string _status = "idle";

                public string Status { get => _status; set => _status = value.Trim(); }

                private StatusHolder()
                {
                }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<StatusHolder> CreateAsync(Task<int> count, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new StatusHolder();
                    await instance.InitializeAsync(count).ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync(Task<int> count)
                {
                    Status = await count.ConfigureAwait(false) + " models";
                }
            }

            public static class Opener { public static async Task<string> OpenAsync(Task<int> count) { await Task.Yield(); return (await StatusHolder.CreateAsync(count)).Status; } }
            """;
        await VerifyAsync(source, fixedSource, Factory);
    }
}

/// <summary>"Initialize, then log that it worked": the log line right after the wait moves along with it.</summary>
public sealed partial class MM0001BlockingWaitInConstructorFixTests
{
    [Fact]
    public async Task Lazy_LogLineRightAfterTheWait_MovesAlong()
    {
        // An MM0001 round on real constructors (a Supabase database service): `_client.InitializeAsync().Wait();
        // _logger.LogInformation("… initialized successfully");` refused the lazy rewrite (LaterCallsWouldRunFirst), and the
        // factory could not serve the DI container that creates the service.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IAppLogger { void LogInformation(string message); }
            public interface IClient { Task InitializeAsync(); Task<string> QueryAsync(string sql); }

            public sealed class DatabaseService
            {
                private readonly IClient _client;
                private readonly IAppLogger _logger;

                public DatabaseService(IClient client, IAppLogger logger)
                {
                    _client = client;
                    _logger = logger;
                    [|_client.InitializeAsync().Wait()|];
                    _logger.LogInformation("Database client initialized successfully");
                }

                public async Task<string> QueryAsync(string sql) => await _client.QueryAsync(sql);

                public static async Task<string> RunAsync(IClient client, IAppLogger logger) => await new DatabaseService(client, logger).QueryAsync("select 1");
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IAppLogger { void LogInformation(string message); }
            public interface IClient { Task InitializeAsync(); Task<string> QueryAsync(string sql); }

            public sealed class DatabaseService
            {
                private readonly IClient _client;
                private readonly IAppLogger _logger;
                private readonly AsyncInitializer _initializer;

                public DatabaseService(IClient client, IAppLogger logger)
                {
                    _client = client;
                    _logger = logger;
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    await _client.InitializeAsync().ConfigureAwait(false);
                    _logger.LogInformation("Database client initialized successfully");
                }

                public async Task<string> QueryAsync(string sql)
                {
                    await _initializer.EnsureInitializedAsync();
                    return await _client.QueryAsync(sql);
                }

                public static async Task<string> RunAsync(IClient client, IAppLogger logger) => await new DatabaseService(client, logger).QueryAsync("select 1");
            }
            """;
        await VerifyAsync(source, fixedSource, Lazy);
    }
}
