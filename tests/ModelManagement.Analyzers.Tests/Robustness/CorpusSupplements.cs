using System.Collections.Generic;
using ModelManagement.Analyzers.Benchmarks.Corpus;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// Self-contained files with forms of rules the benchmark corpus generator does not produce yet, appended to the
/// generated corpus sample so the every-rule checks are not vacuous for those rules.
/// </summary>
internal static class CorpusSupplements
{
    /// <summary>MM0004: ignored validation results (discarded, stored and unread on a path) next to checked ones.</summary>
    public const string ValidationResults = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        namespace Corpus.Supplement.Validation
        {
            public sealed class DraftVerdict
            {
                public DraftVerdict(bool isCompliant) { IsCompliant = isCompliant; }
                public bool IsCompliant { get; }
            }

            public sealed class DraftGuardrail
            {
                public Task<DraftVerdict> CheckAsync(string draft) => Task.FromResult(new DraftVerdict(draft.Length < 400));
            }

            public sealed class GuardedDrafts
            {
                private readonly DraftGuardrail _guardrail = new DraftGuardrail();

                public async Task<string> IgnoredAsync(string draft)
                {
                    await _guardrail.CheckAsync(draft).ConfigureAwait(false);
                    return draft;
                }

                public async Task<string> CheckedAsync(string draft)
                {
                    var verdict = await _guardrail.CheckAsync(draft).ConfigureAwait(false);
                    return verdict.IsCompliant ? draft : "fallback";
                }
            }
        }
        """;

    /// <summary>MM0005 forms (racy lazy async initialization, reported and guarded), self-contained so it compiles next to any corpus.</summary>
    public const string RacyLazyInitialization = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Corpus.Supplement
        {
            public interface ISupplementStore
            {
                Task<IReadOnlyList<string>> LoadAsync();
            }

            public sealed class SupplementCatalog
            {
                private readonly ISupplementStore _store;
                private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
                private IReadOnlyList<string>? _names;
                private IReadOnlyList<string>? _guarded;
                private bool _initialized;

                public SupplementCatalog(ISupplementStore store) => _store = store;

                // A racy lazy load: two callers that arrive together both load.
                public async Task<int> CountAsync()
                {
                    if (!_initialized)
                    {
                        _names = await _store.LoadAsync().ConfigureAwait(false);
                        _initialized = true;
                    }

                    return _names?.Count ?? 0;
                }

                public async Task<IReadOnlyList<string>> GuardedAsync()
                {
                    await _gate.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return _guarded ??= await _store.LoadAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
        }
        """;

    /// <summary><paramref name="files"/> followed by the supplement files.</summary>
    public static IReadOnlyList<CorpusFile> AppendTo(IReadOnlyList<CorpusFile> files)
    {
        var result = new List<CorpusFile>(files)
        {
            new("Supplement/ValidationResults.cs", ValidationResults, CorpusGenerator.CountLines(ValidationResults)),
            new("Supplement/RacyLazyInitialization.cs", RacyLazyInitialization, CorpusGenerator.CountLines(RacyLazyInitialization)),
        };
        return result;
    }
}
