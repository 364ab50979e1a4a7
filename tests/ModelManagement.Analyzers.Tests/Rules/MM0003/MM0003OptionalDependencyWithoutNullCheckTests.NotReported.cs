using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>MM0003: every guard form the rule understands, and what is not a dereference or not optional.</summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    private const string Generator = /* lang=c#-test */ """
        using System;
        using System.Diagnostics;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;

        public sealed partial class NarrativeGenerator
        {
            private IModelRegistry _registry;

            public NarrativeGenerator(IModelRegistry registry = null) => _registry = registry;
        }

        """;

    private static Task VerifyNoDiagnosticAsync(string members)
        => VerifyAsync(Generator + "public sealed partial class NarrativeGenerator\n{\n" + members + "\n}\n");

    [Fact]
    public async Task NotEqualsNullGuard_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry != null)
                {
                    _registry.Register("n");
                }
            }
            """);
    }

    [Fact]
    public async Task ReferenceEqualsNullGuard_DoesNotReport_ButTheNullBranchOrAnotherComparisonDoes()
    {
        // C# 6/7 code's null test (an independent consumer check): `ReferenceEquals(_x, null)` and `object.Equals(null, _x)`,
        // in either order, negated or as an early return. Comparing with something other than null proves nothing.
        await VerifyAsync(Generator + "public sealed partial class NarrativeGenerator\n{\n" + /* lang=c#-test */ """
            public string Early()
            {
                if (ReferenceEquals(_registry, null)) return "none";
                return _registry.DefaultModel;
            }

            public void Negated()
            {
                if (!object.ReferenceEquals(null, _registry))
                {
                    _registry.Register("n");
                }
            }

            public void Equals()
            {
                if (!object.Equals(_registry, null)) _registry.Register("e");
            }

            public void NullBranch()
            {
                if (ReferenceEquals(_registry, null))
                {
                    [|_registry|].Register("null");
                }
            }

            public void OtherComparison(IModelRegistry other)
            {
                if (!ReferenceEquals(_registry, other))
                {
                    [|_registry|].Register("other");
                }
            }
            """ + "\n}\n");
    }

    [Fact]
    public async Task IsNotNullGuard_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry is not null)
                {
                    _registry.Register("n");
                }
            }
            """);
    }

    [Fact]
    public async Task EmptyPropertyPattern_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry is { })
                {
                    _registry.Register("n");
                }

                if (_registry is { Count: > 0 })
                {
                    _registry.Register("m");
                }
            }
            """);
    }

    [Fact]
    public async Task TypePatternWithDesignation_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry is IModelRegistry registry)
                {
                    registry.Register("n");
                    _registry.Register("m");
                }
            }
            """);
    }

    [Fact]
    public async Task IsTypeCheck_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry is IModelRegistry)
                {
                    _registry.Register("n");
                }

                if (_registry is object)
                {
                    _registry.Register("m");
                }
            }
            """);
    }

    [Fact]
    public async Task NegatedEqualsNull_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (!(_registry == null))
                {
                    _registry.Register("n");
                }

                if (!(_registry is null))
                {
                    _registry.Register("m");
                }
            }
            """);
    }

    [Fact]
    public async Task RightSideOfConditionalAnd_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public bool HasModels() => _registry != null && _registry.Count > 0;

            public bool IsEmpty() => _registry == null || _registry.Count == 0;
            """);
    }

    [Fact]
    public async Task ConditionalOperatorBranches_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public string Model() => _registry != null ? _registry.DefaultModel : "local";

            public string Other() => _registry == null ? "local" : _registry.DefaultModel;
            """);
    }

    [Fact]
    public async Task ElseBranchOfNullCheck_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public string Model()
            {
                if (_registry == null)
                {
                    return "local";
                }
                else
                {
                    return _registry.DefaultModel;
                }
            }
            """);
    }

    [Fact]
    public async Task EarlyReturnAndThrow_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry == null)
                    return;
                _registry.Register("n");
            }

            public string Model()
            {
                if (_registry is null)
                {
                    throw new InvalidOperationException("standalone");
                }

                return _registry.DefaultModel;
            }
            """);
    }

    [Fact]
    public async Task EarlyContinueAndBreak_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish(string[] models)
            {
                foreach (var model in models)
                {
                    if (_registry == null)
                    {
                        continue;
                    }

                    _registry.Register(model);
                }

                for (var i = 0; i < models.Length; i++)
                {
                    if (_registry == null)
                    {
                        break;
                    }

                    _registry.Register(models[i]);
                }
            }
            """);
    }

    [Fact]
    public async Task NullConditionalChains_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                _registry?.Register("n");
                var length = _registry?.DefaultModel.Length;
                var first = _registry?.Models[0];
            }
            """);
    }

    [Fact]
    public async Task ConditionalAccessComparedToValue_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                if (_registry?.Count > 0)
                {
                    _registry.Register("count");
                }

                if (_registry?.DefaultModel != null)
                {
                    _registry.Register("model");
                }

                if (_registry?.DefaultModel is { Length: > 0 })
                {
                    _registry.Register("pattern");
                }

                if (!string.IsNullOrEmpty(_registry?.DefaultModel))
                {
                    _registry.Register("helper");
                }
            }

            public bool Ready() => _registry?.Count == 1 && _registry.DefaultModel.Length > 0;

            public void Switch()
            {
                switch (_registry?.DefaultModel)
                {
                    case "narrator":
                        _registry.Register("narrator");
                        break;
                }
            }
            """);
    }

    [Fact]
    public async Task NullCoalescing_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public string Model() => (_registry ?? new DefaultRegistry()).DefaultModel;

            public void Publish()
            {
                var registry = _registry ?? throw new InvalidOperationException("no registry");
                registry.Register("n");
                _registry.Register("m");
            }
            """);
    }

    [Fact]
    public async Task NullCoalescingAssignment_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                _registry ??= new DefaultRegistry();
                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task ArgumentNullExceptionThrowIfNull_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                ArgumentNullException.ThrowIfNull(_registry);
                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task DebugAssert_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                Debug.Assert(_registry != null);
                _registry.Register("n");
            }

            public void Other()
            {
                Debug.Assert(_registry is not null, "configured");
                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task OwnGuardPropertyThatTestsForNull_DoesNotReport_ButOneThatTestsSomethingElseDoes()
    {
        // An independent consumer's legacy file (`#nullable disable`, no nullable attributes): `HasRegistry => _registry !=
        // null` guards like `[MemberNotNullWhen(true, …)]` would. Its forms: `is not null`, `is { }`, `!(… is null)`,
        // `this.`, a `get` accessor, `&&`. Controls: an `||`, properties testing other values, and the branch where the
        // guard is false.
        await VerifyAsync(Generator + "public sealed partial class NarrativeGenerator\n{\n" + /* lang=c#-test */ """
            private IModelRegistry _spare;
            private bool _enabled;

            public bool HasRegistry => _registry != null;
            private bool IsConfigured => this._registry is not null && _enabled;
            private bool IsSet { get { return !(_registry is null); } }
            private bool IsAny => _registry is { };
            private bool Either => _registry != null || _spare != null;
            private bool HasSpare => _spare != null;
            public bool IsEnabled => _enabled;

            public string Guarded()
            {
                if (HasRegistry)
                {
                    _registry.Register("a");
                }

                if (!IsConfigured)
                {
                    return "off";
                }

                _registry.Register("b");
                return IsSet && IsAny ? _registry.DefaultModel : "";
            }

            public void NotGuarded()
            {
                if (Either)
                {
                    {|#0:_registry|}.Register("c");
                }

                if (HasSpare || IsEnabled)
                {
                    {|#1:_registry|}.Register("d");
                }

                if (!HasRegistry)
                {
                    {|#2:_registry|}.Register("e");
                }
            }
            """ + "\n}\n",
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("_registry"));
    }

    [Fact]
    public async Task OwnGuardPropertyOverCapturedPrimaryConstructorParameter_DoesNotReport_WhereItHolds()
    {
        // An independent consumer's primary-constructor class: `HasRegistry => registry is not null` names the captured
        // parameter like a field (`[MemberNotNullWhen]` cannot name a parameter). Control: the branch where the guard is
        // false.
        await VerifyAsync(/* lang=c#-test */ """
            public sealed class Gateway(IModelRegistry registry = null)
            {
                public bool HasRegistry => registry is not null;

                public string Describe()
                {
                    if (!HasRegistry)
                    {
                        return "standalone";
                    }

                    return registry.DefaultModel;
                }

                public void Publish()
                {
                    if (HasRegistry)
                    {
                        registry.Register("a");
                    }
                    else
                    {
                        {|#0:registry|}.Register("b");
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("registry"));
    }

    [Fact]
    public async Task MemberNotNullWhenProperty_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            [MemberNotNullWhen(true, nameof(_registry))]
            public bool HasRegistry => _registry != null;

            public void Publish()
            {
                if (HasRegistry)
                {
                    _registry.Register("n");
                }

                if (!HasRegistry)
                {
                    return;
                }

                _registry.Register("m");
            }
            """);
    }

    [Fact]
    public async Task MemberNotNullWhenGuardBeforeALambda_DoesNotReport_ButTheWrongBranchDoes()
    {
        // Found by an independent consumer check (a Polly `ExecuteAsync(token => _registry.ListAsync(token))` after
        // `if (!HasRegistry) return …;`): the body mentions the member only inside the lambda, so it had no slot for the
        // attribute's promise to land in.
        var source = /* lang=c#-test */ """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Threading.Tasks;

            public sealed class Catalog
            {
                private readonly IModelRegistry _registry;

                public Catalog(IModelRegistry registry = null) => _registry = registry;

                [MemberNotNullWhen(true, nameof(_registry))]
                public bool HasRegistry => _registry != null;

                [MemberNotNullWhen(true, nameof(_registry))]
                private bool CanList() => _registry != null;

                private static Task<T> Run<T>(Func<Task<T>> work) => work();

                public Task<string> ByProperty()
                {
                    if (!HasRegistry) throw new InvalidOperationException();
                    return Run(() => _registry.FindAsync("a"));
                }

                public Task<string> ByMethod()
                {
                    if (!CanList()) throw new InvalidOperationException();
                    return Run(() => _registry.FindAsync("b"));
                }

                public Task<string> InsideTheBranch()
                {
                    if (HasRegistry)
                    {
                        return Run(() => _registry.FindAsync("c"));
                    }

                    return Task.FromResult("none");
                }

                public Task<string> WrongBranch()
                {
                    if (HasRegistry)
                    {
                        return Task.FromResult("some");
                    }

                    return Run(() => {|#0:_registry|}.FindAsync("d"));
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_registry"));
    }

    [Fact]
    public async Task MemberNotNullWhenMethod_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            [MemberNotNullWhen(true, nameof(_registry))]
            private bool TryGetRegistry() => _registry != null;

            public void Publish()
            {
                if (TryGetRegistry())
                {
                    _registry.Register("n");
                }
            }
            """);
    }

    [Fact]
    public async Task MemberNotNullMethod_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            [MemberNotNull(nameof(_registry))]
            private void EnsureRegistry() => _registry ??= new DefaultRegistry();

            public void Publish()
            {
                EnsureRegistry();
                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task DoesNotReturnHelperAndNotNullWhenHelper_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            [DoesNotReturn]
            private static void Fail() => throw new InvalidOperationException();

            private static bool IsMissing([NotNullWhen(false)] object value) => value == null;

            public void Publish()
            {
                if (_registry == null)
                {
                    Fail();
                }

                _registry.Register("n");
            }

            public void Other()
            {
                if (IsMissing(_registry))
                {
                    return;
                }

                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task AssignmentFromNonNullValue_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                _registry = new DefaultRegistry();
                _registry.Register("n");
            }
            """);
    }

    [Fact]
    public async Task LocalCopyCheckedThenUsed_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                var registry = _registry;
                if (registry != null)
                {
                    registry.Register("n");
                }
            }
            """);
    }

    [Fact]
    public async Task AwaitAndCallsBetweenCheckAndUse_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public async Task PublishAsync()
            {
                if (_registry == null)
                {
                    return;
                }

                await Task.Delay(10);
                Prepare();
                await _registry.RegisterAsync("n");
            }

            private void Prepare() { }
            """);
    }

    [Fact]
    public async Task NonDereferencingUses_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish()
            {
                Use(_registry);
                var copy = _registry;
                var name = nameof(_registry);
                var missing = _registry == null;
                object boxed = _registry;
                Console.WriteLine(_registry);
            }

            private static void Use(IModelRegistry registry) { }
            """);
    }

    [Fact]
    public async Task ExtensionMethodCallWithNullableThis_DoesNotReport()
    {
        // A `this` parameter annotated nullable accepts null: passing the dependency on is not a dereference.
        var source = Generator + /* lang=c#-test */ """
            #nullable enable
            public static class RegistryExtensions
            {
                public static string Describe(this IModelRegistry? registry) => registry == null ? "none" : registry.DefaultModel;
            }
            #nullable restore

            public sealed partial class NarrativeGenerator
            {
                public string Describe() => _registry.Describe();
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task NullForgivingOperator_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish() => _registry!.Register("n");
            """);
    }

    [Fact]
    public async Task StoreAssertedNotNull_DoesNotMakeTheMemberOptional_APlainStoreStillDoes()
    {
        // quartz's JobStoreSupport: `LockHandler = lockHandler!;`, a default set by Initialize() before any use.
        var source = /* lang=c#-test */ """
            #nullable enable
            public sealed class JobStore
            {
                private readonly IModelRegistry _other;

                public JobStore(IModelRegistry? registry = null)
                {
                    // Left null, Initialize() picks a default once the configuration is known.
                    LockHandler = registry!;
                    _other = registry!;
                    Plain = registry;
                }

                private IModelRegistry LockHandler { get; set; } = null!;

                private IModelRegistry? Plain { get; }

                public void Publish()
                {
                    LockHandler.Register("a");
                    _other.Register("b");
                    {|#0:Plain|}.Register("c");
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Plain"));
    }

    [Fact]
    public async Task ParameterOnlyEverGivenANonNullValue_LocalFunctionsKeepKnowingIt_OtherAssignmentsDoNot()
    {
        // EventStore's ClusterVNode: `configuration ??= new ConfigurationBuilder().Build();` before a local function that
        // reads it. A parameter that may be set back to null (`other = Pick();`) still is reported in the local function.
        var source = /* lang=c#-test */ """
            #nullable enable
            public interface IConfig { string Get(string key); }
            public sealed class EmptyConfig : IConfig { public string Get(string key) => ""; }
            public static class Configs { public static IConfig Build() => new EmptyConfig(); public static IConfig? Pick() => null; }

            public sealed class Node
            {
                private readonly string _mode;
                private readonly string _other;

                public Node(IConfig? configuration = null, IConfig? options = null, IConfig? other = null)
                {
                    configuration ??= Configs.Build();
                    options ??= new EmptyConfig();
                    string Read(string key) => configuration.Get(key) + options.Get(key);
                    _mode = Read("mode");
                    other ??= new EmptyConfig();
                    string ReadOther(string key) => {|#0:other|}.Get(key);
                    _other = ReadOther("x");
                    other = Configs.Pick();
                }

                public string Mode => _mode + _other;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("other"));
    }

    [Fact]
    public async Task ParameterGivenAValueOnlyByCoalesceAssignment_LambdasKeepKnowingIt_APlainAssignmentDoesNot()
    {
        // The s34 triage (ActualLab.Fusion's HashRing): `hasher ??= typeof(T) == typeof(string) ? DefaultStringHasher :
        // DefaultHasher;` then `values.Select(v => (v, hasher.Invoke(v)))`. A `??=` only writes where the parameter is
        // null, so it never makes a set value null again. Control: a parameter also assigned plainly after the lambda.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public sealed class HashRing
            {
                public static readonly Func<string, int> DefaultHasher = static v => v.Length;
                public static readonly Func<string, int> OtherHasher = static v => v.Length * 31;

                public HashRing(IEnumerable<string> values, bool other, Func<string, int>? hasher = null, Func<string, int>? second = null)
                {
                    hasher ??= other ? OtherHasher : DefaultHasher;
                    Hashes = values.Select(v => hasher.Invoke(v)).ToArray();
                    second ??= DefaultHasher;
                    Seconds = values.Select(v => {|#0:second|}(v)).ToArray();
                    second = Pick();
                }

                public int[] Hashes { get; }

                public int[] Seconds { get; }

                private static Func<string, int>? Pick() => null;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("second"));
    }

    [Fact]
    public async Task LambdaWithItsOwnCheck_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public Action Publisher() => () =>
            {
                if (_registry != null)
                {
                    _registry.Register("n");
                }
            };
            """);
    }

    [Fact]
    public async Task SwitchOnTheDependency_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public string Model()
            {
                switch (_registry)
                {
                    case null:
                        return "local";
                    default:
                        return _registry.DefaultModel;
                }
            }

            public string Expression() => _registry switch
            {
                null => "local",
                _ => _registry.DefaultModel,
            };
            """);
    }

    [Fact]
    public async Task CheckBeforeTryFinally_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Process()
            {
                if (_registry == null)
                {
                    return;
                }

                try
                {
                    _registry.Register("started");
                }
                catch (InvalidOperationException)
                {
                    _registry.Register("failed");
                }
                finally
                {
                    _registry.Register("finished");
                }
            }
            """);
    }

    [Fact]
    public async Task WhileLoopConditionCheck_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Drain()
            {
                while (_registry is not null && _registry.Count > 0)
                {
                    _registry.Register("n");
                }
            }
            """);
    }

    [Fact]
    public async Task InfiniteLoopLeftOnlyAfterCheck_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void WaitForRegistry()
            {
                while (true)
                {
                    if (_registry is not null)
                    {
                        break;
                    }

                    System.Threading.Thread.Sleep(10);
                }

                _registry.Register("ready");
            }
            """);
    }

    [Fact]
    public async Task NullableValueTypeChecks_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class LlmClient
            {
                private readonly TimeSpan? _timeout;

                public LlmClient(TimeSpan? timeout = null) => _timeout = timeout;

                public double Seconds() => _timeout.HasValue ? _timeout.Value.TotalSeconds : 30;

                public double Other() => _timeout != null ? _timeout.Value.TotalSeconds : _timeout.GetValueOrDefault().TotalSeconds;

                public bool Has() => _timeout is TimeSpan t && t.TotalSeconds > 0;
            }
            """;
        await VerifyAsync(source);
    }

    // ----- not optional, or not ours -----

    [Fact]
    public async Task StoredWithThrowOrFallback_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;

            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;
                private readonly IModelRegistry _fallback;

                public NarrativeGenerator(IModelRegistry registry = null, IModelRegistry fallback = null)
                {
                    _registry = registry ?? throw new ArgumentNullException(nameof(registry));
                    _fallback = fallback ?? new DefaultRegistry();
                }

                public void Publish()
                {
                    _registry.Register("n");
                    _fallback.Register("n");
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RequiredOrNonNullDefaultParameter_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator
            {
                private readonly IModelRegistry _registry;
                private readonly string _model;

                public NarrativeGenerator(IModelRegistry registry, string model = "narrator")
                {
                    _registry = registry;
                    _model = model;
                }

                public string Publish()
                {
                    _registry.Register(_model);
                    return _model.ToUpperInvariant();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CodeInOtherTypes_DoesNotReport()
    {
        var source = Generator + /* lang=c#-test */ """
            public sealed partial class NarrativeGenerator
            {
                internal IModelRegistry Registry => _registry;
            }

            public static class Consumer
            {
                public static string Model(NarrativeGenerator generator) => generator.Registry.DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task StaticMethodWithSameNamedParameter_DoesNotReport()
    {
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public static void Publish(IModelRegistry _registry) => _registry.Register("n");
            """);
    }

    [Fact]
    public async Task NullableEnabledWithGuard_DoesNotReport()
    {
        var source = /* lang=c#-test */ """
            public sealed class NarrativeGenerator(IModelRegistry? registry = null)
            {
                public void Publish()
                {
                    if (registry is null)
                    {
                        return;
                    }

                    registry.Register("n");
                }
            }
            """;
        await VerifyNullableAsync(source);
    }

    [Fact]
    public async Task CheckCombinedWithDynamicOperand_DoesNotReport_WhileTheWrongOperatorDoes()
    {
        // `_registry != null && payload.Enabled` over `dynamic` is not short-circuited into branches: Roslyn stores the
        // left value, applies the dynamic `&`, and branches on the operator `true` of the result. The check still guards.
        await VerifyNoDiagnosticAsync(/* lang=c#-test */ """
            public void Publish(dynamic payload)
            {
                if (_registry != null && payload.Enabled)
                {
                    _registry.Register("a");
                }

                if (_registry == null || payload.Disabled)
                {
                    return;
                }

                _registry.Register("b");
            }
            """);

        var source = Generator + /* lang=c#-test */ """
            public sealed partial class NarrativeGenerator
            {
                public void Publish(dynamic payload)
                {
                    if (_registry != null || payload.Enabled)
                    {
                        [|_registry|].Register("c");
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Components", "Inject")]
    [InlineData("System.ComponentModel.Composition", "Import")]
    [InlineData("Unity", "Dependency")]
    public async Task MemberSetByAContainer_OverriddenByAnOptionalConstructorArgument_DoesNotReport_WithoutTheAttributeItDoes(string attributeNamespace, string attribute)
    {
        // DevToys' Monaco editor (34 reports): Blazor injects `JSRuntime` after construction; the optional constructor
        // argument only lets a test replace it, so null never stays in the member. Without the attribute nothing else
        // sets it, and the use is reported.
        var source = /* lang=c#-test */ $$"""
            namespace {{attributeNamespace}}
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class {{attribute}}Attribute : System.Attribute { }
            }

            public class InjectedEditor
            {
                [{{attributeNamespace}}.{{attribute}}]
                protected IModelRegistry Registry { get; set; } = default!;

                public InjectedEditor(IModelRegistry registry = null)
                {
                    if (registry is not null)
                    {
                        Registry = registry;
                    }
                }

                public string Model() => Registry.DefaultModel;
            }

            public class PlainEditor
            {
                protected IModelRegistry Registry { get; set; }

                public PlainEditor(IModelRegistry registry = null)
                {
                    Registry = registry;
                }

                public string Model() => [|Registry|].DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task MemberSetByAContainer_WhoseAttributeDoesNotResolveYet_DoesNotReport()
    {
        // DevToys' `[Import] protected ISettingsProvider SettingsProvider = default!;` with the MEF package not restored:
        // the attribute binds to an error type named as written.
        var source = /* lang=c#-test */ """
            public class InjectedEditor
            {
                [{|CS0246:{|CS0246:Import|}|}]
                protected IModelRegistry Registry = default!;

                public InjectedEditor(IModelRegistry registry = null)
                {
                    if (registry is not null)
                    {
                        Registry = registry;
                    }
                }

                public string Model() => Registry.DefaultModel;
            }
            """;
        await VerifyAsync(source);
    }
}
