using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    /// <summary>Generates a narrative, keeps it in the history store and publishes telemetry about it.</summary>
    public sealed class NarrativeGenerator
    {
        private readonly LlmClient _llm;
        private readonly PromptLibrary _prompts;
        private readonly ModelCatalogService _catalog;
        private readonly IHistoryStore _history;
        private readonly ITelemetrySink _telemetry;

        public NarrativeGenerator(LlmClient llm, PromptLibrary prompts, ModelCatalogService catalog, IHistoryStore history, ITelemetrySink telemetry)
        {
            _llm = llm;
            _prompts = prompts;
            _catalog = catalog;
            _history = history;
            _telemetry = telemetry;
        }

        public async Task<string> GenerateAsync(string topic, CancellationToken cancellationToken)
        {
            var model = _catalog.ResolveModel(null);
            var prompt = _prompts.Render("narrative", topic);
            var narrative = await _llm.CompleteAsync(model, prompt, cancellationToken).ConfigureAwait(false);

            // Bookkeeping after the real work is done.
            await _history.LogResultAsync(narrative, cancellationToken).ConfigureAwait(false); // expect: MM0002
            await _telemetry.PublishAsync("narrative.generated", cancellationToken); // expect: MM0002

            return narrative;
        }

        public async Task<string> RegenerateAsync(string topic, CancellationToken cancellationToken)
        {
            var narrative = await GenerateAsync(topic, cancellationToken).ConfigureAwait(false);
            try
            {
                await _telemetry.PublishAsync("narrative.regenerated", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("telemetry failed: " + ex.Message);
            }

            return narrative;
        }
    }
}
