using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>MM0002 .editorconfig options: each key on and off, bad values ignored.</summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private const string OptionsSource = /* lang=c#-test */ """
        using System.Threading.Tasks;

        namespace MyCompany.Audit
        {
            public interface IAuditTrail
            {
                Task WriteAsync(string entry);
                Task<int> SealAsync();
            }

            public interface IEventSink
            {
                Task EmitEventAsync(string name);
                Task LogAsync(string name);
            }

            public sealed class RequestMetrics
            {
                public Task ComputeAsync() => Task.CompletedTask;
            }
        }

        namespace MyCompany.Orders
        {
            using MyCompany.Audit;

            public sealed class Checkout
            {
                private readonly IAuditTrail _trail;
                private readonly IEventSink _sink;
                private readonly RequestMetrics _requestMetrics;

                public Checkout(IAuditTrail trail, IEventSink sink, RequestMetrics requestMetrics)
                {
                    _trail = trail;
                    _sink = sink;
                    _requestMetrics = requestMetrics;
                }

                public async Task CompleteAsync()
                {
                    await {|#0:_trail.WriteAsync("paid")|};
                    await {|#1:_trail.SealAsync()|};
                    await {|#2:_sink.EmitEventAsync("paid")|};
                    await {|#3:_sink.LogAsync("paid")|};
                    await {|#4:_requestMetrics.ComputeAsync()|};
                }
            }
        }
        """;

    private static readonly string[] OptionsSourceCalls =
    {
        "_trail.WriteAsync", "_trail.SealAsync", "_sink.EmitEventAsync", "_sink.LogAsync", "_requestMetrics.ComputeAsync",
    };

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location)
        => Verify.Diagnostic().WithLocation(location).WithArguments(OptionsSourceCalls[location]);

    [Fact]
    public async Task NoOptions_ReportsOnlyDefaultMatches()
        => await VerifyAsync(OptionsSource, editorConfig: null, expected: new[] { At(3), At(4) });

    [Fact]
    public async Task AdditionalMethodPrefixes_AddToTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0002.additional_side_effect_method_prefixes = Emit", expected: new[] { At(2), At(3), At(4) });

    [Fact]
    public async Task MethodPrefixes_ReplaceTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0002.side_effect_method_prefixes = Emit, Write", expected: new[] { At(0), At(2), At(4) });

    [Fact]
    public async Task MethodPrefixesNone_DisablesNameMatching()
        => await VerifyAsync(OptionsSource, "mm0002.side_effect_method_prefixes = none", expected: new[] { At(4) });

    [Fact]
    public async Task ReceiverSuffixes_ReplaceTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0002.side_effect_receiver_suffixes = Sink", expected: new[] { At(2), At(3) });

    [Fact]
    public async Task AdditionalReceiverSuffixes_AddToTheDefaults()
        => await VerifyAsync(OptionsSource, "mm0002.additional_side_effect_receiver_suffixes = AuditTrail", expected: new[] { At(0), At(1), At(3), At(4) });

    [Fact]
    public async Task IncludedType_MakesEveryMethodASideEffect()
        => await VerifyAsync(OptionsSource, "mm0002.included_symbols = MyCompany.Audit.IAuditTrail", expected: new[] { At(0), At(1), At(3), At(4) });

    [Fact]
    public async Task IncludedMethod_MakesThatMethodASideEffect()
        => await VerifyAsync(OptionsSource, "mm0002.included_symbols = global::MyCompany.Audit.IAuditTrail.WriteAsync(string), MyCompany.Audit.IEventSink.EmitEventAsync", expected: new[] { At(0), At(2), At(3), At(4) });

    [Fact]
    public async Task ExcludedMethod_WinsOverThePrefix()
        => await VerifyAsync(OptionsSource, "mm0002.excluded_symbols = MyCompany.Audit.IEventSink.LogAsync", expected: new[] { At(4) });

    [Fact]
    public async Task ExcludedType_WinsOverTheReceiverSuffix()
        => await VerifyAsync(OptionsSource, "mm0002.excluded_symbols = MyCompany.Audit.RequestMetrics", expected: new[] { At(3) });

    [Fact]
    public async Task ExcludedType_WinsOverIncludedType()
        => await VerifyAsync(
            OptionsSource,
            "mm0002.included_symbols = MyCompany.Audit.IAuditTrail\nmm0002.excluded_symbols = MyCompany.Audit.IAuditTrail.SealAsync",
            expected: new[] { At(0), At(3), At(4) });

    [Fact]
    public async Task BadValues_AreIgnored()
        => await VerifyAsync(
            OptionsSource,
            "mm0002.side_effect_method_prefixes = 123, !!, Log-\nmm0002.side_effect_receiver_suffixes = ,, ,\nmm0002.included_symbols = <>, My..Bad, ::\nmm0002.excluded_symbols = (",
            expected: new[] { At(3), At(4) });

    [Fact]
    public async Task PartlyBadList_KeepsTheValidEntries()
        => await VerifyAsync(OptionsSource, "mm0002.side_effect_method_prefixes = 9Lives, Emit", expected: new[] { At(2), At(4) });

    [Fact]
    public async Task IncludedContainingMethod_KeepsItsBodyQuiet()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace MyCompany.Audit
            {
                public interface IEventSink { Task LogAsync(string name); }

                public sealed class Forwarder
                {
                    private readonly IEventSink _sink;

                    public Forwarder(IEventSink sink) { _sink = sink; }

                    public async Task ForwardAsync(string name)
                    {
                        await _sink.LogAsync(name);
                    }

                    public async Task OtherAsync(string name)
                    {
                        await [|_sink.LogAsync(name)|];
                    }
                }
            }
            """;
        await VerifyAsync(source, "mm0002.included_symbols = MyCompany.Audit.Forwarder.ForwardAsync");
    }
}
