using System;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;
using ModelManagement.Samples.LazyInitialization;
using ModelManagement.Samples.OptionalDependencies;
using ModelManagement.Samples.PostValidation;
using ModelManagement.Samples.SideEffects;

namespace ModelManagement.Samples;

/// <summary>
/// Runs the sample service's scenarios. Built from samples/ModelManagement.Samples.Violations, some of them fail the way
/// the MM warnings predict; built from samples/ModelManagement.Samples.Valid, all of them succeed.
/// </summary>
public static class Program
{
    public static async Task<int> Main()
    {
        var failed = 0;
        failed += await RunAsync(
            "LLM client loading its model catalogue",
            async () => await new LlmClient(new InMemoryModelStore()).CompleteAsync("Tell a story").ConfigureAwait(false)).ConfigureAwait(false);
        failed += await RunAsync(
            "Narrative generator with the model registry",
            async () => await new NarrativeGenerator(new InMemoryModelRegistry()).NarrateAsync("a lighthouse").ConfigureAwait(false)).ConfigureAwait(false);
        failed += await RunAsync(
            "Narrative generator while the history database is down",
            async () => await new HistoryRecordingNarrativeGenerator(new UnavailableHistoricalLogStore()).GenerateAsync("dragons").ConfigureAwait(false)).ConfigureAwait(false);
        failed += await RunAsync(
            "Standalone narrative generator (no model registry deployed)",
            async () => await new OptionalRegistryNarrativeGenerator().GenerateAsync("knights").ConfigureAwait(false)).ConfigureAwait(false);
        failed += await RunAsync(
            "Narrative generator with the optional model registry",
            async () => await new OptionalRegistryNarrativeGenerator(new InMemoryModelRegistry()).GenerateAsync("knights").ConfigureAwait(false)).ConfigureAwait(false);
        failed += await RunAsync(
            "Two requests arriving together at a cold model catalogue client",
            LoadCatalogueOnceAsync).ConfigureAwait(false);

        failed += await RunAsync(
            "Narrative generator with a guardrail monitor (the draft violates the content policy)",
            async () => await new GuardedNarrativeGenerator(new KeywordGuardrailMonitor("violent")).GenerateAsync("pirates").ConfigureAwait(false)).ConfigureAwait(false);

        Console.WriteLine(failed == 0
            ? "All scenarios succeeded."
            : $"{failed} scenario(s) failed in the ways the MM warnings of this build point out.");
        return 0;
    }

    /// <summary>MM0005: the catalogue must load once for one client, however many requests arrive together.</summary>
    private static async Task<string> LoadCatalogueOnceAsync()
    {
        var store = new CountingModelStore();
        var client = new ModelCatalogClient(store);
        var answers = await Task.WhenAll(client.DescribeAsync("first"), client.DescribeAsync("second")).ConfigureAwait(false);
        return store.Loads == 1
            ? $"catalogue loads: 1 ({answers.Length} answers)"
            : throw new InvalidOperationException($"catalogue loads: {store.Loads} for one client (racy lazy initialization)");
    }

    private static async Task<int> RunAsync(string scenario, Func<Task<string>> run)
    {
        try
        {
            var result = await run().ConfigureAwait(false);
            Console.WriteLine($"[ok]     {scenario}: {result}");
            return 0;
        }
#pragma warning disable CA1031 // The demo reports every failure of a scenario instead of stopping at the first.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.WriteLine($"[failed] {scenario}: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }
}
