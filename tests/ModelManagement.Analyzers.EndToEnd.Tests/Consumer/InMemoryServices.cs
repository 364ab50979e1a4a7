using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    public sealed class StaticModelCatalogSource : IModelCatalogSource
    {
        private readonly string[] _models;

        public StaticModelCatalogSource(params string[] models) => _models = models;

        public Task<IReadOnlyList<string>> FetchModelNamesAsync(CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<string>>(_models);
    }

    public sealed class StaticPromptSource : IPromptSource
    {
        public async Task<IReadOnlyDictionary<string, string>> LoadTemplatesAsync()
        {
            await Task.Yield();
            return new Dictionary<string, string> { ["narrative"] = "tell the story of {topic}" };
        }
    }

    public sealed class InMemoryModelRegistry : IModelRegistry
    {
        private readonly HashSet<string> _models;

        public InMemoryModelRegistry(string defaultModel, params string[] others)
        {
            DefaultModel = defaultModel;
            _models = new HashSet<string>(others, StringComparer.Ordinal) { defaultModel };
        }

        public string DefaultModel { get; }

        public bool Contains(string model) => _models.Contains(model);

        public void MarkUsed(string model) => Console.WriteLine("REGISTRY: " + model + " used");
    }

    /// <summary>The history database is down.</summary>
    public sealed class UnavailableHistoryStore : IHistoryStore
    {
        public Task LogResultAsync(string narrative, CancellationToken cancellationToken)
            => Task.FromException(new InvalidOperationException("history database is unavailable"));
    }

    public sealed class ConsoleTelemetry : ITelemetrySink
    {
        public Task PublishAsync(string eventName, CancellationToken cancellationToken)
        {
            Console.WriteLine("TELEMETRY: " + eventName);
            return Task.CompletedTask;
        }
    }
}
