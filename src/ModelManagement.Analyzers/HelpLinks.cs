namespace ModelManagement.Analyzers;

/// <summary>Builds the help link of a rule: its page under docs/rules in the repository.</summary>
internal static class HelpLinks
{
    public const string RulesBaseUri = "https://github.com/modelmanagement/ModelManagement.Analyzers/blob/main/docs/rules/";

    public static string For(string id) => RulesBaseUri + id + ".md";
}
