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
                    await (({|#3:_registry|})?.RegisterAsync(name));
                    foreach (var model in {|#2:_registry|}?.Models)
                    {
                        System.Console.WriteLine(model + found);
                    }
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(3).WithLocation(2).WithArguments("_registry"));
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
                    await {|#0:_registry|}?.RegisterAsync(name); // the needless ?. goes (CS8602 on the maybe-null task otherwise)
                }
            """;
        var fixedMembers = /* lang=c#-test */ """
                public async Task RegisterAsync(string name)
                {
                    // keep me
                    if (_registry is not null)
                    {
                        await _registry.RegisterAsync(name); // the needless ?. goes (CS8602 on the maybe-null task otherwise)
                    }
                }
            """;
        await VerifyFixAsync(members, fixedMembers, expected: new[] { Uses(1) });
    }

    [Fact]
    public async Task NullCheckThatCallsAThrowHelper_DoesNotReport_AHelperThatMayReturnDoes()
    {
        // Real-code hunt: AutoMapper's `if (_options == null) { ThrowInvalid(); } return _options.Items;` with
        // `static void ThrowInvalid() => throw …;` and no [DoesNotReturn]: the helper cannot return.
        var source = /* lang=c#-test */ """
            using System;

            public class Context
            {
                private readonly IModelRegistry _registry;

                public Context(IModelRegistry registry = null) => _registry = registry;

                public string[] Models
                {
                    get
                    {
                        if (_registry == null)
                        {
                            ThrowInvalid();
                        }

                        return _registry.Models;
                    }
                }

                public string DefaultModel
                {
                    get
                    {
                        if (_registry == null)
                        {
                            Fail("no registry");
                        }

                        return _registry.DefaultModel;
                    }
                }

                public void Register(string name)
                {
                    if (_registry == null)
                    {
                        void Missing() => throw new InvalidOperationException("no registry");
                        Missing();
                    }

                    _registry.Register(name);
                }

                public int Count
                {
                    get
                    {
                        if (_registry == null)
                        {
                            MaybeThrow(true);
                            Report();
                        }

                        return {|#0:_registry|}.Count;
                    }
                }

                private static void ThrowInvalid() => throw new InvalidOperationException("no registry");

                private void Fail(string message)
                {
                    Console.WriteLine(message);
                    throw new InvalidOperationException(message);
                }

                private static void MaybeThrow(bool really)
                {
                    if (really) throw new InvalidOperationException();
                }

                protected virtual void Report() => throw new InvalidOperationException();
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }
}
