#nullable disable
using System.IO;

namespace Contoso.Storytelling
{
    /// <summary>Older code, written before nullable reference types: the registry is optional all the same.</summary>
    public sealed class LegacyReportPublisher
    {
        private readonly TextWriter _output;
        private readonly IModelRegistry _registry;

        public LegacyReportPublisher(TextWriter output, IModelRegistry registry = null)
        {
            _output = output;
            _registry = registry;
        }

        public void Publish(string narrative)
        {
            var model = _registry.DefaultModel; // expect: MM0003
            _output.WriteLine("REPORT (" + model + "): " + narrative.Length + " characters");
        }
    }
}
