using System;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;

namespace Contoso.Storytelling
{
    internal static class Program
    {
        public static async Task<int> Main()
        {
            // Side effects that fail are reported here instead of failing the request.
            SideEffect.FailureHandler = failure => Console.WriteLine("SIDE EFFECT FAILED: " + failure.Message);

            var catalogSource = new StaticModelCatalogSource("storyteller-xl", "storyteller-mini");
            var llm = new LlmClient(catalogSource);
            var prompts = new PromptLibrary(new StaticPromptSource());
            var registry = new InMemoryModelRegistry("storyteller-xl", "storyteller-mini");
            var catalog = new ModelCatalogService("storyteller-mini", registry);
            var budget = new TokenBudget(catalogSource);
            var generator = new NarrativeGenerator(llm, prompts, catalog, new UnavailableHistoryStore(), new ConsoleTelemetry());

            var names = new ModelNameCache(catalogSource);
            await Task.WhenAll(names.CountAsync(), names.CountAsync());
            Console.WriteLine("CATALOGUE FETCHES: " + names.Fetches);
            Console.WriteLine("TOKEN LIMIT: " + await budget.LimitForAsync(catalog.ResolveModel(null), CancellationToken.None));
            var writer = new GuardedStoryWriter(new KeywordGuardrail("forbidden"));
            Console.WriteLine("GUARDED STORY: " + await writer.WriteAsync("a forbidden spell", CancellationToken.None));
            var narrative = await generator.GenerateAsync("a lighthouse keeper's last night", CancellationToken.None);
            Console.WriteLine("NARRATIVE: " + narrative);
            catalog.NoteUsage(catalog.ResolveModel(null));
            Console.WriteLine(catalog.DescribeDefault());
            new LegacyReportPublisher(Console.Out, registry).Publish(narrative);
            Console.WriteLine("DONE");
            return 0;
        }
    }
}
