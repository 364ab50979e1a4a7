using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;

namespace Contoso.Storytelling
{
    /// <summary>Where the LLM client finds the models it may use (a remote catalogue in production).</summary>
    public interface IModelCatalogSource
    {
        Task<IReadOnlyList<string>> FetchModelNamesAsync(CancellationToken cancellationToken = default);
    }

    /// <summary>Prompt templates, keyed by purpose (a configuration service in production).</summary>
    public interface IPromptSource
    {
        Task<IReadOnlyDictionary<string, string>> LoadTemplatesAsync();
    }

    /// <summary>The central model registry; only some deployments have one.</summary>
    public interface IModelRegistry
    {
        string DefaultModel { get; }

        bool Contains(string model);

        void MarkUsed(string model);
    }

    /// <summary>Keeps every generated narrative for later analysis (a database in production).</summary>
    public interface IHistoryStore
    {
        Task LogResultAsync(string narrative, CancellationToken cancellationToken);
    }

    /// <summary>Product telemetry. Publishing is a side effect: it must never fail a generation.</summary>
    [SideEffect]
    public interface ITelemetrySink
    {
        Task PublishAsync(string eventName, CancellationToken cancellationToken);
    }
}
