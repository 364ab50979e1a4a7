using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.SideEffects;

/// <summary>
/// Generates a narrative and records it through the <see cref="HistoricalLogProcessor"/>, the one place that writes
/// history (centralized processing). A history outage is counted and reported, and the narrative is still returned; the
/// caller's own cancellation still cancels.
/// </summary>
public sealed class HistoryRecordingNarrativeGenerator
{
    private readonly HistoricalLogProcessor _history;

    public HistoryRecordingNarrativeGenerator(IHistoricalLogStore history) => _history = new HistoricalLogProcessor(history);

    public async Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken = default)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false); // the LLM call
        var narrative = $"Chapter one: {prompt}";
        await _history.SaveAsync(narrative, cancellationToken).ConfigureAwait(false);
        return narrative;
    }
}

/// <summary>
/// Owns the history store (centralized processing): saves single results and processes batches of entries; progress
/// writes go through the SideEffect helper with a timeout.
/// </summary>
public sealed class HistoricalLogProcessor
{
    private static readonly SideEffectOptions ProgressWrite = new() { Timeout = TimeSpan.FromSeconds(2), Name = "history.progress" };

    private readonly IHistoricalLogStore _history;

    public HistoricalLogProcessor(IHistoricalLogStore history) => _history = history;

    /// <summary>Saves one result; a history outage is reported, never thrown, and the caller's cancellation still cancels.</summary>
    public async Task SaveAsync(string entry, CancellationToken cancellationToken = default)
    {
        try
        {
            await _history.LogResultAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SideEffect.ReportFailure(ex);
        }
    }

    public async Task<int> ProcessAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        var processed = 0;
        try
        {
            foreach (var entry in entries)
            {
                processed += entry.Length > 0 ? 1 : 0;
                await SideEffect.TryAsync(ct => _history.LogResultAsync("processed " + entry, ct), ProgressWrite, cancellationToken);
            }
        }
        finally
        {
            await SideEffect.TryAsync(
                async ct => await _history.LogResultAsync($"batch of {entries.Count} done", ct).ConfigureAwait(false),
                ProgressWrite,
                cancellationToken);
        }

        return processed;
    }
}
