using System.Threading;
using System.Threading.Tasks;
using VerifyMM0003 = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;
using VerifyMM0004 = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Robustness;

/// <summary>
/// A callee that is source of another project: in the IDE and under <c>dotnet format</c> a project reference is a
/// compilation reference, so the callee's declaring syntax belongs to another compilation, whose trees this one cannot
/// bind (<c>Compilation.GetSemanticModel</c> throws "SyntaxTree is not part of the compilation"). Found by the s35
/// consumer round: MM0004 threw for a <c>TryValidate…</c> of a referenced project (FeatureManagement under
/// <c>dotnet format</c>, whose MM0004 then went unfixed without a word), MM0003 for a source extension method called on
/// an optional dependency. Such a callee is judged like the metadata method the command-line build sees.
/// </summary>
public sealed class CrossProjectSourceTests
{
    [Fact]
    public async Task MM0004_ValidatorInAReferencedProject_IsJudgedWithoutAnException()
    {
        var test = new VerifyMM0004.Test
        {
            TestCode = /* lang=c#-test */ """
                public class App
                {
                    public string M(string s)
                    {
                        [|V.TryValidateThing(s, out var reason)|];
                        return s;
                    }
                }
                """,
        };
        test.TestState.AdditionalProjects["Lib"].Sources.Add(("/Lib/V.cs", """
            public static class V
            {
                public static bool TryValidateThing(string s, out string reason)
                {
                    reason = s.Length == 0 ? "empty" : null;
                    return reason == null;
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Lib");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MM0003_ExtensionMethodInAReferencedProject_IsJudgedWithoutAnException()
    {
        var test = new VerifyMM0003.Test
        {
            TestCode = /* lang=c#-test */ """
                public class Service
                {
                    private readonly IContext _ctx;

                    public Service(IContext ctx = null) { _ctx = ctx; }

                    public void Run(object value) { [|_ctx|].CheckValue(value); }
                }
                """,
        };
        test.TestState.AdditionalProjects["Lib"].Sources.Add(("/Lib/Contracts.cs", """
            public interface IContext { void Report(string message); }

            public static class Contracts
            {
                public static void CheckValue(this IContext ctx, object value)
                {
                    if (value == null) Fail(ctx);
                }

                private static void Fail(IContext ectx = null) => throw new System.ArgumentNullException();
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Lib");
        await test.RunAsync(CancellationToken.None);
    }
}
