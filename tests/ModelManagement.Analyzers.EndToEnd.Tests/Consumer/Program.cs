using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    internal static class Program
    {
        public static async Task<int> Main()
        {
            var llm = new LlmClient(new StaticModelCatalogSource("storyteller-xl", "storyteller-mini"));
            var prompts = new PromptLibrary(new StaticPromptSource());
            var registry = new InMemoryModelRegistry("storyteller-xl", "storyteller-mini");
            var catalog = new ModelCatalogService("storyteller-mini", registry);
            var generator = new NarrativeGenerator(llm, prompts, catalog, new UnavailableHistoryStore(), new ConsoleTelemetry());

            var narrative = await generator.GenerateAsync("a lighthouse keeper's last night", CancellationToken.None);
            Console.WriteLine("NARRATIVE: " + narrative);
            Console.WriteLine(catalog.DescribeDefault());
            new LegacyReportPublisher(Console.Out, registry).Publish(narrative);
            Console.WriteLine("DONE");
            return 0;
        }
    }
}
