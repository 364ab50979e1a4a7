using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 and <c>?.</c> where null still throws: <c>await _x?.M()</c> awaits a null task and <c>foreach (… in _x?.Items)</c>
/// enumerates null, both a NullReferenceException when the dependency is absent (an independent consumer's
/// <c>await _auditor?.AuditAsync(..)</c> threw after every fix had run).
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task AwaitedOrEnumeratedNullConditional_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Registration
            {
                private readonly IModelRegistry _registry;

                public Registration(IModelRegistry registry = null) => _registry = registry;

                public async Task RegisterAsync(string name)
                {
                    await {|#0:_registry|}?.RegisterAsync(name);
                    var found = await ({|#1:_registry|}?.FindAsync(name));
                    foreach (var model in {|#2:_registry|}?.Models)
                    {
                        System.Console.WriteLine(model + found);
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("_registry"));
    }

    [Fact]
    public async Task NullConditionalThatIsNotAwaitedOrIsChecked_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Registration
            {
                private readonly IModelRegistry _registry;

                public Registration(IModelRegistry registry = null) => _registry = registry;

                public async Task RegisterAsync(string name)
                {
                    _ = _registry?.RegisterAsync(name);
                    await (_registry?.RegisterAsync(name) ?? Task.CompletedTask);
                    var count = _registry?.Models.Length ?? 0;
                    if (_registry != null)
                    {
                        await _registry?.RegisterAsync(name);
                    }

                    foreach (var model in _registry?.Models ?? new string[0])
                    {
                        System.Console.WriteLine(model + count);
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Fix_AwaitedNullConditional_IsGuarded()
    {
        var members = /* lang=c#-test */ """
                public async Task RegisterAsync(string name)
                {
                    // keep me
                    await {|#0:_registry|}?.RegisterAsync(name);
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                public async Task RegisterAsync(string name)
                {
                    // keep me
                    if (_registry is not null)
                    {
                        await _registry?.RegisterAsync(name);
                    }
                }
            """;
        await VerifyFixAsync(members, fixedMembers, expected: new[] { Uses(1) });
    }
}
