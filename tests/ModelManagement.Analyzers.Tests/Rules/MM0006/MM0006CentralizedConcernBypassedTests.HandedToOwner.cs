using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>
/// A hand-written composition root: a centralized sink created straight into its processor's construction is handed to
/// the processor, like a registration with dependency injection (a scenario round's <c>new LogProcessor(new ConsoleLogSink())</c>
/// was reported).
/// </summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    [Fact]
    public async Task CreationHandedStraightToItsOwnersConstruction_NotReported_KeptOrHandedElsewhereIs()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface ILogSink { Task WriteAsync(string line); }

            [CentralizedBy(typeof(LogProcessor))]
            public sealed class ConsoleLogSink : ILogSink
            {
                public Task WriteAsync(string line) => Task.CompletedTask;
            }

            public class LogProcessor
            {
                private readonly ILogSink _sink;
                public LogProcessor(ILogSink sink) => _sink = sink;
                public Task LogAsync(string message) => _sink.WriteAsync(message);
            }

            public sealed class TimedLogProcessor : LogProcessor
            {
                public TimedLogProcessor(ILogSink sink, int milliseconds) : base(sink) { }
            }

            public sealed class EditorialDesk
            {
                public EditorialDesk(ILogSink sink) { }
            }

            public static class CompositionRoot
            {
                public static LogProcessor Create() => new LogProcessor(new ConsoleLogSink());

                public static LogProcessor CreateTimed() => new TimedLogProcessor((ILogSink)new ConsoleLogSink(), 5);

                public static ILogSink Keep()
                {
                    var sink = new {|#0:ConsoleLogSink|}();
                    return sink;
                }

                public static EditorialDesk Desk() => new EditorialDesk(new {|#1:ConsoleLogSink|}());
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("ConsoleLogSink.ConsoleLogSink()", "'LogProcessor'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("ConsoleLogSink.ConsoleLogSink()", "'LogProcessor'"));
    }
}
