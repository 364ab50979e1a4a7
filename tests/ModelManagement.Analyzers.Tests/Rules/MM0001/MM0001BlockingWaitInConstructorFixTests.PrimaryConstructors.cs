using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

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
