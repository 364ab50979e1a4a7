using System.Collections.Generic;

namespace Contoso.Storytelling
{
    /// <summary>Renders prompts from templates loaded once.</summary>
    public sealed class PromptLibrary
    {
        private readonly Dictionary<string, string> _templates = new Dictionary<string, string>();

        public PromptLibrary(IPromptSource source)
        {
            var templates = source.LoadTemplatesAsync().ConfigureAwait(false).GetAwaiter().GetResult(); // expect: MM0001
            foreach (var template in templates)
            {
                _templates[template.Key] = template.Value;
            }
        }

        public string Render(string purpose, string topic)
            => _templates.TryGetValue(purpose, out var template) ? template.Replace("{topic}", topic) : topic;
    }
}
