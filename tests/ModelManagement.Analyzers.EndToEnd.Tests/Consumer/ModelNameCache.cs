using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    /// <summary>
    /// Caches the catalogue's model names with a hand-rolled lazy load: two requests that arrive together both fetch
    /// (MM0005). The fetch count shows it.
    /// </summary>
    public sealed class ModelNameCache
    {
        private readonly IModelCatalogSource _source;
        private IReadOnlyList<string> _names = Array.Empty<string>();
        private bool _loaded;
        private int _fetches;

        public ModelNameCache(IModelCatalogSource source) => _source = source;

        public int Fetches => Volatile.Read(ref _fetches);

        public async Task<int> CountAsync()
        {
            if (!_loaded) // expect: MM0005
            {
                Interlocked.Increment(ref _fetches);
                await Task.Delay(20).ConfigureAwait(false);
                _names = await _source.FetchModelNamesAsync().ConfigureAwait(false);
                _loaded = true;
            }

            return _names.Count;
        }
    }
}
