using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// A <c>!</c> on the result of <c>?.</c> vouches for the task or the collection, not for the dependency: awaiting or
/// enumerating it still throws when the dependency is absent (a scenario round: nullable code silences CS8602 on the
/// awaited task that way, and the rule went silent exactly there).
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task AwaitedOrEnumeratedNullConditional_UnderASuppressionOfTheResult_Reports()
    {
        var source = /* lang=c#-test */ """
            #nullable enable
            using System.Threading.Tasks;

            public interface IRegistry { Task<string> ResolveAsync(string purpose); string[] Models { get; } Task PingAsync(); }

            public sealed class StoryService
            {
                private readonly IRegistry? _registry;

                public StoryService(IRegistry? registry = null) => _registry = registry;

                public async Task<string> ModelAsync() => await {|#0:_registry|}?.ResolveAsync("story")!;

                public async Task PingAsync() => await ({|#1:_registry|}?.PingAsync())!;

                public int Count()
                {
                    var n = 0;
                    foreach (var model in {|#2:_registry|}?.Models!)
                    {
                        n += model.Length;
                    }

                    return n;
                }

                public async Task<string> VouchedAsync() => await _registry!.ResolveAsync("story"); // the dependency itself
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_registry"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_registry"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_registry"));
    }

    [Fact]
    public async Task Fix_AwaitedNullConditionalUnderASuppression_IsGuarded_TheNeedlessOperatorsGo()
    {
        var members = /* lang=c#-test */ """
                public async Task RegisterAsync(string name)
                {
                    // keep me
                    await {|#0:_registry|}?.RegisterAsync(name)!; // silenced CS8602
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                public async Task RegisterAsync(string name)
                {
                    // keep me
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(name); // silenced CS8602
                    }
                }
            """;
        await VerifyFixAsync(members, fixedMembers, expected: new[] { Uses(1) });
    }
}

/// <summary>The guard fix where the <c>!</c> sits outside parentheses, or another <c>?.</c> stays in the chain (a fix-shapes round).</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task Fix_ParenthesizedNullConditionalUnderASuppression_KeepsTheParentheses_NoCast_AnotherNullConditionalKeepsTheSuppression()
    {
        var members = /* lang=c#-test */ """
                public void List()
                {
                    foreach (var model in ({|#0:_registry|}?.Models)!) // every model
                    {
                        Log(model);
                    }

                    foreach (var letter in {|#1:_registry|}?.DefaultModel?.ToCharArray()!)
                    {
                        Log(letter.ToString());
                    }
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                public void List()
                {
                    if (_registry is not null)
                    {
                        foreach (var model in (_registry.Models)) // every model
                        {
                            Log(model);
                        }

                        foreach (var letter in _registry.DefaultModel?.ToCharArray()!)
                        {
                            Log(letter.ToString());
                        }
                    }
                }
            """;
        await VerifyFixAsync(members, fixedMembers, expected: new[] { Uses(2) });
    }
}
