namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// Keys and values of the <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that
/// <see cref="MM0005RacyLazyAsyncInitializationAnalyzer"/> attaches to each MM0005 diagnostic, for the code fix.
/// </summary>
internal static class MM0005Properties
{
    /// <summary>Key: the name of the checked member written after the await (message argument {0}).</summary>
    public const string Member = "Member";

    /// <summary>Key: the form of the check: <see cref="Condition"/> or <see cref="CoalesceAssignment"/>.</summary>
    public const string Form = "Form";

    /// <summary>Form: an <c>if</c>, <c>?:</c> or <c>??</c> condition testing the member.</summary>
    public const string Condition = "Condition";

    /// <summary>Form: <c>_x ??= await LoadAsync();</c>.</summary>
    public const string CoalesceAssignment = "CoalesceAssignment";
}
