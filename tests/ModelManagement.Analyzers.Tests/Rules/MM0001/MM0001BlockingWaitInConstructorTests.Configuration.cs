using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001: .editorconfig options.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    private const string OwnCallSource = /* lang=c#-test */ """
        using System.Threading.Tasks;

        class LlmClient
        {
            public LlmClient(Task<string> model)
            {
                var direct = {|#0:model.Result|};
                {|#1:Load(model)|};
            }

            private static void Load(Task<string> model) => model.Wait();
        }
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("TRUE ")]
    [InlineData("nonsense")]
    public async Task FollowOwnCallsDefaultOrTrue_ReportsOwnCalls(string? value)
    {
        var test = new Verify.Test { TestCode = OwnCallSource };
        if (value is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nmm0001.follow_own_calls = " + value + "\n"));
        }

        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "model"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("LlmClient", "model"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FollowOwnCallsFalse_ReportsOnlyDirectForms()
    {
        var test = new Verify.Test { TestCode = OwnCallSource.Replace("{|#1:Load(model)|}", "Load(model)", System.StringComparison.Ordinal) };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nmm0001.follow_own_calls = false\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("LlmClient", "model"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeverityNone_ReportsNothing()
    {
        var test = new Verify.Test { TestCode = OwnCallSource.Replace("{|#0:model.Result|}", "model.Result", System.StringComparison.Ordinal).Replace("{|#1:Load(model)|}", "Load(model)", System.StringComparison.Ordinal) };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MM0001.severity = none\n"));
        await test.RunAsync();
    }
}
