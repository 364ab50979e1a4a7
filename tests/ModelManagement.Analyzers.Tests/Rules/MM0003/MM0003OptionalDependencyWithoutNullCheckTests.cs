using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.Rules;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>MM0003 analyzer: what is an optional dependency, which dereferences report, which guards prove non-null.</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    /// <summary>The dependency every test source uses; appended to each source.</summary>
    internal const string Domain = /* lang=c#-test */ """

        public interface IModelRegistry
        {
            string DefaultModel { get; }
            string[] Models { get; }
            int Count { get; }
            System.Threading.Tasks.Task<string> FindAsync(string name);
            System.Threading.Tasks.Task RegisterAsync(string name);
            void Register(string name);
        }

        public sealed class DefaultRegistry : IModelRegistry
        {
            public string DefaultModel => "narrator";
            public string[] Models => new[] { DefaultModel };
            public int Count => 1;
            public System.Threading.Tasks.Task<string> FindAsync(string name) => System.Threading.Tasks.Task.FromResult(name);
            public System.Threading.Tasks.Task RegisterAsync(string name) => System.Threading.Tasks.Task.CompletedTask;
            public void Register(string name) { }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, NullableContextOptions.Disable, LanguageVersion.Latest, expected);

    private static Task VerifyNullableAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(source, NullableContextOptions.Enable, LanguageVersion.Latest, expected);

    private static async Task VerifyAsync(string source, NullableContextOptions nullable, LanguageVersion languageVersion, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source + Domain,
            NullableContextOptions = nullable,
            LanguageVersion = languageVersion,

            // With nullable reference types on, verify the compiler's warnings too (CS8602 next to MM0003).
            CompilerDiagnostics = nullable == NullableContextOptions.Enable ? CompilerDiagnostics.Warnings : CompilerDiagnostics.Errors,
        };
        test.DisabledDiagnostics.Add("CS1591"); // test sources carry no XML docs
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnannotatedNullCheckHelpers_ProveByTheirName_OnlyForNullableParameters()
    {
        // MassTransit: `if (_pipe.IsNotEmpty()) await _pipe.Send(context);` with `IsNotEmpty(this IPipe<T>? pipe)` carrying
        // no [NotNullWhen]. A static bool helper taking `T?` says by its name which outcome rules null out; one whose
        // parameter is not declared nullable was never meant to see null and proves nothing.
        var source = /* lang=c#-test */ """
            public static class RegistryChecks
            {
            #nullable enable
                public static bool IsNotEmpty(this IModelRegistry? registry) => registry is not null && registry.Count > 0;
                public static bool IsNullOrEmpty(this IModelRegistry? registry) => registry is null || registry.Count == 0;
                public static bool IsUsable(IModelRegistry? registry) => registry != null;
                public static bool HasModels(IModelRegistry registry) => registry.Count > 0;
            #nullable restore
            }

            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    _registry = registry;
                }

                public void Extension()
                {
                    if (_registry.IsNotEmpty())
                        _registry.Register("a");
                }

                public string Static() => RegistryChecks.IsUsable(_registry) ? _registry.DefaultModel : "none";

                public void Negative()
                {
                    if (_registry.IsNullOrEmpty())
                    {
                        return;
                    }

                    _registry.Register("c");
                }

                public void WrongBranchOfANegativeName()
                {
                    if (_registry.IsNullOrEmpty())
                    {
                        {|#0:_registry|}.Register("d");
                    }
                }

                public void WrongBranchOfAPositiveName()
                {
                    if (!_registry.IsNotEmpty())
                    {
                        {|#1:_registry|}.Register("e");
                    }
                }

                public void NotNullableParameter()
                {
                    if (RegistryChecks.HasModels(_registry))
                    {
                        {|#2:_registry|}.Register("f");
                    }
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_registry"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_registry"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_registry"));
    }

    // ----- what is an optional dependency -----

    [Fact]
    public async Task FieldStoredFromNullDefaultParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    _registry = registry;
                }

                public void Publish(string model)
                {
                    {|#0:_registry|}.Register(model);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }

    [Fact]
    public async Task FieldStoredWithThisQualifier_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null)
                {
                    this._registry = registry;
                }

                public void Publish(string model)
                {
                    {|#0:this._registry|}.Register(model);
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }

    [Fact]
    public async Task PropertyStoredFromDefaultLiteralParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                public NarrativeGenerator(IModelRegistry registry = default)
                {
                    Registry = registry;
                }

                public IModelRegistry Registry { get; }

                public string Model() => [|Registry|].DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TupleAssignmentStore_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;
                private readonly string _name;

                public NarrativeGenerator(string name, IModelRegistry registry = null)
                {
                    (_name, _registry) = (name, registry);
                }

                public void Publish() => [|_registry|].Register(_name);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConstructorChainingForwardsOptionalParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class LlmClient
            {
                private readonly IModelRegistry _registry;
                private readonly int _retries;

                public LlmClient(IModelRegistry registry = null) : this(registry, 3)
                {
                }

                private LlmClient(IModelRegistry registry, int retries)
                {
                    _registry = registry;
                    _retries = retries;
                }

                public int Count() => [|_registry|].Count + _retries;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OptionalDependencyAttributeOnField_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public sealed class HistoricalLogProcessor
            {
                [OptionalDependency]
                public IModelRegistry Registry;

                public string Model() => [|Registry|].DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OptionalDependencyAttributeFromAnyNamespace_Reports()
    {
        var source = /* lang=c#-test */ """
            namespace Company.Shared
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class OptionalDependencyAttribute : System.Attribute { }
            }

            public sealed class HistoricalLogProcessor
            {
                [Company.Shared.OptionalDependency]
                public IModelRegistry Registry { get; set; }

                public void Process() => [|Registry|].Register("log");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OptionalDependencyAttributeOnMethodParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public static class Publishing
            {
                public static void Publish([OptionalDependency] IModelRegistry registry, string model)
                {
                    [|registry|].Register(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OptionalDependencyAttributeOnBaseClassMember_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public abstract class ServiceBase
            {
                [OptionalDependency]
                protected IModelRegistry Registry { get; set; }
            }

            public sealed class NarrativeGenerator : ServiceBase
            {
                public void Publish() => [|Registry|].Register("n");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task InheritedPropertyStoredFromOptionalParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            public abstract class ServiceBase
            {
                protected IModelRegistry Registry { get; set; }
            }

            public sealed class NarrativeGenerator : ServiceBase
            {
                public NarrativeGenerator(IModelRegistry registry = null) => Registry = registry;

                public void Publish() => [|Registry|].Register("n");
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StaticOptionalField_Reports()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            public static class RegistryLocator
            {
                [OptionalDependency]
                public static IModelRegistry Current;

                public static string Model() => [|Current|].DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrimaryConstructorCapturedParameter_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish(string model) => [|registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PrimaryConstructorFieldInitializer_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                private readonly IModelRegistry _registry = registry;

                public void Publish(string model) => [|_registry|].Register(model);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RecordPositionalProperty_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed record GeneratorOptions(string Name, IModelRegistry Registry = null)
            {
                public string Model() => [|Registry|].DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConstructorParameterInsideConstructor_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class LlmClient
            {
                private readonly IModelRegistry _registry;
                private readonly string _model;

                public LlmClient(IModelRegistry registry = null)
                {
                    _registry = registry;
                    _model = [|registry|].DefaultModel;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullableValueTypeValue_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class LlmClient
            {
                private readonly TimeSpan? _timeout;

                public LlmClient([ModelManagement.Patterns.OptionalDependency] TimeSpan? timeout = null) => _timeout = timeout;

                public double Seconds() => [|_timeout|].Value.TotalSeconds;

                public double Explicit() => ((TimeSpan)[|_timeout|]).TotalSeconds;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task PartialClassWithConstructorInOtherFile_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(/* lang=c#-test */ """
            public sealed partial class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;
            }
            """ + Domain);
        test.TestState.Sources.Add(/* lang=c#-test */ """
            public sealed partial class NarrativeGenerator
            {
                public void Publish() => [|_registry|].Register("n");
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    // ----- which dereferences report -----

    [Fact]
    public async Task PropertyAccess_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public string Describe()
                {
                    var model = [|registry|].DefaultModel;
                    return model;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ElementAccess_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator([ModelManagement.Patterns.OptionalDependency] string[] models = null)
            {
                public string First() => [|models|][0];
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitOfOptionalTask_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class LlmClient([ModelManagement.Patterns.OptionalDependency] Task warmUp = null)
            {
                public async Task RunAsync()
                {
                    await [|warmUp|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AwaitedInvocation_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public async Task PublishAsync(string model)
                {
                    await [|registry|].RegisterAsync(model);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ForEachOverOptional_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;

            public sealed class HistoricalLogProcessor([ModelManagement.Patterns.OptionalDependency] IEnumerable<string> entries = null)
            {
                public int Count()
                {
                    var count = 0;
                    foreach (var entry in [|entries|])
                    {
                        count += entry.Length;
                    }

                    return count;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UsingOfOptional_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class HistoricalLogProcessor(IDisposable session = null)
            {
                public void Process()
                {
                    using ([|session|])
                    {
                    }
                }

                public void Declaration()
                {
                    using var current = [|session|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LockOnOptional_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class HistoricalLogProcessor([ModelManagement.Patterns.OptionalDependency] object gate = null)
            {
                private int _count;

                public void Process()
                {
                    lock ([|gate|])
                    {
                        _count++;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task DelegateInvocation_Reports()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator(Action<string> onGenerated = null)
            {
                public void Generate(string text) => [|onGenerated|](text);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task Deconstruction_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class ModelRef
            {
                public string Name = "n";
                public string Version = "1";
                public void Deconstruct(out string name, out string version) => (name, version) = (Name, Version);
            }

            public sealed class LlmClient([ModelManagement.Patterns.OptionalDependency] ModelRef preferred = null)
            {
                public string Describe()
                {
                    var (name, version) = [|preferred|];
                    return name + version;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ToStringOnOptional_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class LlmClient(IModelRegistry registry = null)
            {
                public string Describe() => [|registry|].ToString();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConditionalExpressionChoosingTheDependency_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null, IModelRegistry fallback = null)
            {
                public void Publish(bool primary)
                {
                    ({|#0:primary ? registry : fallback|}).Register("n");
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("registry"));
    }

    [Fact]
    public async Task LocalCopiedFromMember_ReportsOnLocal()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    var local = registry;
                    {|#0:local|}.Register("n");
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("local"));
    }

    [Fact]
    public async Task Message_NamesTheMemberAsDeclared()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _modelRegistry;

                public NarrativeGenerator(IModelRegistry modelRegistry = null) => _modelRegistry = modelRegistry;

                public void Publish() => {|#0:_modelRegistry|}.Register("n");
            }
            """;
        var expected = Verify.Diagnostic()
            .WithLocation(0)
            .WithMessage("Optional dependency '_modelRegistry' may be null here; guard it (optional dependency injection)");
        await VerifyAsync(source, expected);
    }

    // ----- flow: paths where the value is not known to be non-null -----

    [Fact]
    public async Task CheckWithoutExitBeforeUse_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    if (registry == null)
                    {
                        System.Console.WriteLine("standalone");
                    }

                    [|registry|].Register("n");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task UseInNullBranch_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public string Model()
                {
                    if (registry != null)
                    {
                        return registry.DefaultModel;
                    }
                    else
                    {
                        return [|registry|].DefaultModel;
                    }
                }

                public void Other()
                {
                    if (registry is null)
                    {
                        [|registry|].Register("n");
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ConditionalAccessComparisonOnFalseBranch_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    if (registry?.Count > 0)
                    {
                        return;
                    }

                    [|registry|].Register("empty");
                }

                public void Other()
                {
                    if (registry?.DefaultModel == null)
                    {
                        [|registry|].Register("no model");
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task AssignedNullAfterCheck_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Reset()
                {
                    if (_registry == null)
                    {
                        return;
                    }

                    _registry = null;
                    [|_registry|].Register("n");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task EveryDereferenceOnAPath_Reports()
    {
        // Unlike CS8602, a dereference proves nothing: every unguarded use would throw in the standalone deployment.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    {|#0:registry|}.Register("a");
                    {|#1:registry|}.Register("b");
                    _ = {|#2:registry|}.Count;
                }
            }
            """;
        await VerifyAsync(source, Uses(3, "registry"));
    }

    [Fact]
    public async Task DereferenceOnOneArmThenMerge_ReportsOnceWithBothUses()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish(bool first)
                {
                    if (first)
                    {
                        {|#0:registry|}.Register("a");
                    }

                    {|#1:registry|}.Register("b");
                }
            }
            """;
        await VerifyAsync(source, Uses(2, "registry"));
    }

    [Fact]
    public async Task LambdaCapturingCheckedValueAssignedElsewhere_Reports()
    {
        // The captured parameter is reset by another member, so the lambda may run when it is null again.
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Detach() => registry = null;

                public Action Publisher()
                {
                    if (registry == null)
                    {
                        return () => { };
                    }

                    return () => [|registry|].Register("n");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LocalFunctionOverCheckedStableValue_DoesNotReport()
    {
        // Never assigned after construction, the captured parameter keeps the state it had at every call.
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public void Publish()
                {
                    if (registry == null)
                    {
                        return;
                    }

                    Register("n");

                    void Register(string name) => registry.Register(name);
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task LoopResetsOnBackEdge_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class HistoricalLogProcessor
            {
                private IModelRegistry _registry;

                public HistoricalLogProcessor(IModelRegistry registry = null) => _registry = registry;

                public void Process(string[] entries)
                {
                    if (_registry == null)
                    {
                        return;
                    }

                    foreach (var entry in entries)
                    {
                        [|_registry|].Register(entry);
                        _registry = null;
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SwitchSectionWithoutCheck_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry registry = null)
            {
                public string Model(int mode)
                {
                    switch (mode)
                    {
                        case 0:
                            if (registry == null)
                            {
                                return "none";
                            }

                            return registry.DefaultModel;
                        case 1:
                            return [|registry|].DefaultModel;
                        default:
                            return "none";
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task FinallyAfterCheckInsideTry_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class HistoricalLogProcessor(IModelRegistry registry = null)
            {
                public void Process()
                {
                    try
                    {
                        if (registry == null)
                        {
                            return;
                        }

                        registry.Register("started");
                    }
                    finally
                    {
                        [|registry|].Register("finished");
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CatchBlock_Reports()
    {
        var source = /* lang=c#-test */ """
            public sealed class HistoricalLogProcessor(IModelRegistry registry = null)
            {
                public void Process(System.Action work)
                {
                    try
                    {
                        work();
                    }
                    catch (System.InvalidOperationException)
                    {
                        [|registry|].Register("failed");
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullableEnabled_ReportsAlongsideCompilerWarning()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry? _registry;

                public NarrativeGenerator(IModelRegistry? registry = null) => _registry = registry;

                public void Publish() => {|#0:_registry|}.Register("n");
            }
            """;
        await VerifyNullableAsync(
            source,
            DiagnosticResult.CompilerWarning("CS8602").WithLocation(0),
            Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }

    [Fact]
    public async Task NullableEnabledSuppressedByBangOnlyForCompiler_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry? registry = null)
            {
                public void Publish() => registry!.Register("n");
            }
            """;
        await VerifyNullableAsync(source);
    }

    [Fact]
    public async Task ObliviousFieldWithNullableEnabledFile_Reports()
    {
        var source = /* lang=c#-test */ """
            #nullable disable
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;

                public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;

                public void Publish() => [|_registry|].Register("n");
            }
            #nullable restore
            """;
        await VerifyNullableAsync(source);
    }
}
