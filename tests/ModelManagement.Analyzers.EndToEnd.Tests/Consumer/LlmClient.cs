using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    /// <summary>A thin LLM client that picks the first model its catalogue offers.</summary>
    public sealed class LlmClient
    {
        private readonly IReadOnlyList<string> _models;

        public LlmClient(IModelCatalogSource catalog)
        {
            if (catalog == null)
            {
                throw new ArgumentNullException(nameof(catalog));
            }

            // The catalogue is fetched while the client is constructed.
            _models = catalog.FetchModelNamesAsync().Result; // expect: MM0001
        }

        public async Task<string> CompleteAsync(string model, string prompt, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            var chosen = model.Length > 0 ? model : _models[0];
            return "[" + chosen + "] Once upon a time, " + prompt + ".";
        }
    }
}
