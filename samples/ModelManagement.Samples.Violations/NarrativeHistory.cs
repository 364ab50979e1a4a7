using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.SideEffects;

/// <summary>
/// Generates a narrative and records it in the history store. The narrative is ready before the history write, yet a
/// history outage (see <see cref="UnavailableHistoricalLogStore"/>) fails the whole generation: MM0002. It also writes
/// the history store directly instead of going through the <see cref="HistoricalLogProcessor"/> that owns it: MM0006.
/// </summary>
public sealed class HistoryRecordingNarrativeGenerator
{
    private readonly IHistoricalLogStore _history;

    public HistoryRecordingNarrativeGenerator(IHistoricalLogStore history) => _history = history;

    public async Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken = default)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false); // the LLM call
        var narrative = $"Chapter one: {prompt}";
        await _history.LogResultAsync(narrative, cancellationToken).ConfigureAwait(false); // expect: MM0002, MM0006
        return narrative;
    }
}

/// <summary>Processes historical log entries and records progress; every progress write can fail the batch.</summary>
public sealed class HistoricalLogProcessor
{
    private readonly IHistoricalLogStore _history;

    public HistoricalLogProcessor(IHistoricalLogStore history) => _history = history;

    public async Task<int> ProcessAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        var processed = 0;
        try
        {
            foreach (var entry in entries)
            {
                processed += entry.Length > 0 ? 1 : 0;
                await _history.LogResultAsync("processed " + entry, cancellationToken); // expect: MM0002
            }
        }
        finally
        {
            // A failing write here would even replace an exception thrown above.
            await _history.LogResultAsync($"batch of {entries.Count} done", cancellationToken); // expect: MM0002
        }

        return processed;
    }
}
