using System.Threading;
using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// An override of a protected hook that its base classes (and its own type) only await while holding a guard: SlimMessageBus'
/// NATS consumer overrides <c>OnStart</c>, which <c>AbstractConsumer</c> awaits through a private helper from
/// <c>Start</c>/<c>DoStart</c> under its semaphore (the third 2026-12-06 triage, and the second one's internal-override case).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string HookBase = /* lang=c#-test */ """
        using System.Threading;
        using System.Threading.Tasks;

        public interface ISubscription { }
        public interface IConnection { Task<ISubscription> SubscribeAsync(string subject); }

        public abstract class AbstractConsumer
        {
            private readonly SemaphoreSlim _semaphore = new(1, 1);

            public bool IsStarted { get; private set; }

            public async Task Start()
            {
                await _semaphore.WaitAsync().ConfigureAwait(false);
                try
                {
                    await InternalOnStart().ConfigureAwait(false);
                    IsStarted = true;
                }
                finally
                {
                    _semaphore.Release();
                }
            }

            public async Task DoStart()
            {
                await _semaphore.WaitAsync().ConfigureAwait(false);
                try
                {
                    await InternalOnStart().ConfigureAwait(false);
                }
                finally
                {
                    _semaphore.Release();
                }
            }

            private async Task InternalOnStart() => await OnStart().ConfigureAwait(false);

            protected internal abstract Task OnStart();

            protected abstract Task OnResume();

            public async Task Resume() => await OnResume();
        }

        public abstract class LayeredConsumer : AbstractConsumer
        {
            public async Task Restart() => await OnStart();
        }
        """;

    [Fact]
    public async Task OverrideOfAHookItsBaseOnlyAwaitsUnderItsSemaphore_DoesNotReport_OneCalledUnguardedDoes()
    {
        var consumers = /* lang=c#-test */ """
            public sealed class SubjectConsumer : AbstractConsumer
            {
                private readonly IConnection _connection;
                private ISubscription _subscription;
                private ISubscription _resumed;

                public SubjectConsumer(IConnection connection) => _connection = connection;

                protected internal override async Task OnStart()
                {
                    _subscription ??= await _connection.SubscribeAsync("orders");
                }

                protected override async Task OnResume()
                {
                    {|MM0005:_resumed|} ??= await _connection.SubscribeAsync("resumed");
                }
            }

            public sealed class CalledByItself : AbstractConsumer
            {
                private readonly IConnection _connection;
                private ISubscription _subscription;

                public CalledByItself(IConnection connection) => _connection = connection;

                public Task Warm() => OnStart();

                protected internal override async Task OnStart()
                {
                    {|MM0005:_subscription|} ??= await _connection.SubscribeAsync("orders");
                }

                protected override Task OnResume() => Task.CompletedTask;
            }

            public sealed class Layered : LayeredConsumer
            {
                private readonly IConnection _connection;
                private ISubscription _subscription;

                public Layered(IConnection connection) => _connection = connection;

                protected internal override async Task OnStart()
                {
                    if ({|MM0005:_subscription == null|})
                    {
                        _subscription = await _connection.SubscribeAsync("orders");
                    }
                }

                protected override Task OnResume() => Task.CompletedTask;
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/AbstractConsumer.cs", HookBase));
        test.TestState.Sources.Add(("/0/Consumers.cs", "using System.Threading.Tasks;\n\n" + consumers));
        await test.RunAsync(CancellationToken.None);
    }
}
