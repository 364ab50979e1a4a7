namespace Contoso.Storytelling
{
    /// <summary>Chooses the model for a request; uses the model registry when the deployment has one.</summary>
    public sealed class ModelCatalogService
    {
        private readonly IModelRegistry? _registry;
        private readonly string _fallbackModel;

        public ModelCatalogService(string fallbackModel, IModelRegistry? registry = null)
        {
            _fallbackModel = fallbackModel;
            _registry = registry;
        }

        public string ResolveModel(string? requested)
        {
            if (requested != null && _registry != null && _registry.Contains(requested))
            {
                return requested;
            }

            return _registry?.DefaultModel ?? _fallbackModel;
        }

        public void NoteUsage(string model)
        {
            _registry.MarkUsed(model); // expect: MM0003
        }

        public string DescribeDefault()
        {
            // Forgets that standalone deployments run without a registry.
            return "DEFAULT MODEL: " + _registry.DefaultModel; // expect: MM0003
        }
    }
}
