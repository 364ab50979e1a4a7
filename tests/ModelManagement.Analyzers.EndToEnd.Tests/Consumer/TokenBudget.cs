using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;

namespace Contoso.Storytelling
{
    /// <summary>Per-model token limits, derived from the catalogue on first use (lazy async initialization).</summary>
    public sealed class TokenBudget
    {
        private readonly AsyncLazy<IReadOnlyDictionary<string, int>> _limits;

        public TokenBudget(IModelCatalogSource catalog)
        {
            _limits = new AsyncLazy<IReadOnlyDictionary<string, int>>(async () =>
            {
                var models = await catalog.FetchModelNamesAsync().ConfigureAwait(false);
                var limits = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var model in models)
                {
                    limits[model] = model.EndsWith("-xl", StringComparison.Ordinal) ? 8192 : 2048;
                }

                return limits;
            });
        }

        public async Task<int> LimitForAsync(string model, CancellationToken cancellationToken)
        {
            var limits = await _limits.GetValueAsync(cancellationToken).ConfigureAwait(false);
            return limits.TryGetValue(model, out var limit) ? limit : 1024;
        }
    }
}
