namespace ModelManagement.Analyzers;

/// <summary>The few categories our descriptors use.</summary>
internal static class DiagnosticCategories
{
    public const string Reliability = "Reliability";
    public const string Usage = "Usage";
    public const string Design = "Design";
}
