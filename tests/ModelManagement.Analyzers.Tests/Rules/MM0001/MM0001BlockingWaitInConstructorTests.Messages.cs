using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001: the message names what is actually waited for, not an adapter member.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task ValueTaskAsTaskResult_NamesTheValueTaskCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IModelStore { ValueTask<int> CountAsync(); }

            public sealed class NarrativeGenerator
            {
                private readonly int _count;

                public NarrativeGenerator(IModelStore store)
                {
                    _count = {|#0:store.CountAsync().AsTask().Result|};
                    {|#1:store.CountAsync().AsTask().Wait()|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("NarrativeGenerator", "CountAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("NarrativeGenerator", "CountAsync()"));
    }

    [Fact]
    public async Task DelegateInvocationResult_NamesTheDelegate()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class ModelRegistry
            {
                private readonly Func<Task<string>> _fetchDefault;
                private readonly string _default;
                private readonly string _fallback;

                public ModelRegistry(Func<Task<string>> fetchDefault, Func<Task<string>> fetchFallback)
                {
                    _fetchDefault = fetchDefault;
                    _default = {|#0:_fetchDefault().Result|};
                    _fallback = {|#1:fetchFallback.Invoke().GetAwaiter().GetResult()|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ModelRegistry", "_fetchDefault()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ModelRegistry", "fetchFallback()"));
    }

    [Fact]
    public async Task TaskCompletionSourceTaskResult_NamesTheSource()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class GuardrailMonitor
            {
                private readonly TaskCompletionSource<bool> _ready = new TaskCompletionSource<bool>();
                private readonly bool _enabled;

                public GuardrailMonitor()
                {
                    _enabled = {|#0:_ready.Task.Result|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("GuardrailMonitor", "_ready.Task"));
    }

    [Fact]
    public async Task ResultInPropertyPattern_ReportedNamingTheMatchedTask()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class HistoricalLogProcessor
            {
                private readonly IReadOnlyList<string> _entries = new List<string>();
                private readonly int _mode;

                public HistoricalLogProcessor(Task<IReadOnlyList<string>> pending, Task<int> mode)
                {
                    if (pending is { IsCompleted: true, {|#0:Result|}: var entries })
                    {
                        _entries = entries;
                    }

                    _mode = mode switch { { {|#1:Result|}: > 0 } => 1, _ => 0 };
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("HistoricalLogProcessor", "pending"),
            Verify.Diagnostic().WithLocation(1).WithArguments("HistoricalLogProcessor", "mode"));
    }
}
