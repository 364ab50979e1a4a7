using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// MM0001 and BenchmarkDotNet classes (the 2026-12-06 triage: quartznet's <c>JobDispatchBenchmark</c> builds its scheduler
/// in the constructor): the harness creates the class once per run, outside the timed methods, on a thread without a
/// synchronization context, and a lazy rewrite would move the set-up into what is measured.
/// </summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task ConstructionOfABenchmarkClass_DoesNotReport_ButItsHelpersAndLookAlikesDo()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            namespace BenchmarkDotNet.Attributes
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class BenchmarkAttribute : System.Attribute { }
            }

            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class BenchmarkAttribute : System.Attribute { }
            }

            public sealed class Scheduler
            {
                public static Task<Scheduler> BuildAsync() => Task.Run(() => new Scheduler());
                public Task RunAsync() => Task.Delay(1);
            }

            public class JobDispatchBenchmark
            {
                private readonly Scheduler _scheduler;
                private readonly Scheduler _other = Scheduler.BuildAsync().GetAwaiter().GetResult();

                public JobDispatchBenchmark() => _scheduler = Scheduler.BuildAsync().GetAwaiter().GetResult();

                [BenchmarkDotNet.Attributes.Benchmark]
                public Task Run() => _scheduler.RunAsync();

                // A helper type the benchmark creates is ordinary code.
                public sealed class Fixture
                {
                    private readonly Scheduler _scheduler;
                    public Fixture() => _scheduler = {|#0:Scheduler.BuildAsync().GetAwaiter().GetResult()|};
                }
            }

            public abstract class BenchmarkBase
            {
                [BenchmarkDotNet.Attributes.Benchmark]
                public Task Run() => Task.Delay(1);
            }

            public sealed class DerivedBenchmark : BenchmarkBase
            {
                private readonly Scheduler _scheduler;
                public DerivedBenchmark() => _scheduler = Scheduler.BuildAsync().Result;
            }

            public sealed class LookAlikeBenchmark
            {
                private readonly Scheduler _scheduler;
                public LookAlikeBenchmark() => _scheduler = {|#1:Scheduler.BuildAsync().Result|};

                [Other.Benchmark]
                public Task Run() => _scheduler.RunAsync();
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Fixture", "BuildAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("LookAlikeBenchmark", "BuildAsync()"));
    }
}
