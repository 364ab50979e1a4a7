using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>MM0003 on half-typed code, older language versions and unusual shapes: no analyzer exception (AD0001), sensible results.</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task MissingSemicolon_StillReports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    [|registry|].Register("n"){|CS1002:|}
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MissingClosingBraces_DoesNotThrow()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Publish()
                {
                    [|_registry|].Register("m");
                    if (_registry != null)
                    {
                        _registry.Register("n");{|CS1513:|}{|CS1513:|}
            """;

        // The type swallows the appended declarations; the last brace is missing at the end of the file.
        var test = new Verify.Test { TestCode = source + Domain + "{|CS1513:|}" };
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task UnresolvedTypesAndMembers_DoesNotThrow()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly {|CS0246:IMissingRegistry|} _missing;
                private readonly IModelRegistry _registry;

                public NarrativeGenerator({|CS0246:IMissingRegistry|} missing = null, IModelRegistry registry = null)
                {
                    _missing = missing;
                    _registry = registry;
                }

                public void Publish()
                {
                    _missing.Register("n");
                    _registry.{|CS1061:Unknown|}();
                    {|CS0103:undefined|}.Go();
                    if (_registry.{|CS1061:IsReady|}) { }
                    [|_registry|].Register("n");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConstructorAssignmentOfErrorExpression_DoesNotThrow()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    _registry = registry +{|CS1525:;|}
                    (_registry, {|CS0103:_other|}) = (registry, 1);
                }

                public void Publish() => {|CS0201:_registry.{|CS1001:|}{|CS1002:|}
            |}}
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DeepExpression_DoesNotThrow()
    {
        // The left spine is walked without recursion: every term is an unguarded dereference and reports.
        var terms = new System.Text.StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            terms.Append(" + {|#" + i + ":registry|}.DefaultModel");
        }

        var source = "public sealed class NarrativeGenerator(IModelRegistry registry = null)\n{\n    public string Text() => \"\"" + terms + ";\n}\n";
        await VerifyAsync(source, Uses(600, "registry"));
    }

    [Fact]
    public async Task CSharp73WithoutPatterns_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    _registry = registry;
                }

                public void Publish()
                {
                    if (!(_registry is null))
                    {
                        _registry.Register("a");
                    }

                    [|_registry|].Register("b");
                }
            }
            """;
        await VerifyAsync(source, NullableContextOptions.Disable, LanguageVersion.CSharp7_3);
    }

    [Fact]
    public async Task GenericOptionalDependency_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class Cache<T>
                where T : class, IModelRegistry
            {
                private readonly T _fallback;

                public Cache(T fallback = null) => _fallback = fallback;

                public string Describe() => [|_fallback|].ToString();
            }

            public sealed class Holder<T>
            {
                private readonly T _value;

                public Holder(T value = default) => _value = value;

                // An unconstrained T may be anything, data included: not a dependency.
                public string Describe() => _value.ToString();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StructWithOptionalDependency_Reports()
    {
        var source = /* lang=c#-test */ """
            public readonly struct RegistryHandle
            {
                private readonly IModelRegistry _registry;

                public RegistryHandle(IModelRegistry registry = null) => _registry = registry;

                public int Count => [|_registry|].Count;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OtherInstanceOfSameType_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public bool SameDefault(NarrativeGenerator other) => other._registry.DefaultModel == "x";
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TypeWithoutOptionalDependencies_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class LlmClient
            {
                private readonly IModelRegistry _registry;

                public LlmClient(IModelRegistry registry) => _registry = registry;

                public void Publish() => _registry.Register("n");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task GuardCombinedWithUnresolvedOperand_StillGuards()
    {
        // The `&&` with an unresolved operand is error-typed and converted to bool; its null test still guards the uses
        // (dotnet/extensions' ResilienceMetricsEnricher, scanned without its Polly reference). The unguarded use reports.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Publish(object outcome)
                {
                    if (_registry is not null && {|CS0103:Missing|}.Flag)
                    {
                        _registry.Register("a");
                    }

                    if (!(_registry == null || {|CS0103:Missing|}.Flag))
                    {
                        _registry.Register("b");
                    }

                    if (_registry != null && outcome is {|CS0246:MissingOutcome|} { Failed: true })
                    {
                        // Roslyn computes this `&&` as a stored value before branching: the check still counts.
                        _registry.Register("c");
                    }

                    if ({|CS0103:Missing|}.Flag && _registry is null)
                    {
                        return;
                    }

                    [|_registry|].Register("d");
                }
            }
            """;
        await VerifyAsync(source);
    }
}
