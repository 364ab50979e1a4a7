using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>MM0001 on half-typed code: never throws (an AD0001 would fail these tests), reports what is still bound.</summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    private static Task VerifyIncompleteAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            // The sources do not compile on purpose; only the analyzer's diagnostics (and the absence of AD0001) are checked.
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task MissingSemicolonAndBraces_StillReportsBoundForms()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                private string _model;

                public Narrator(Task<string> pending, Task warmUp)
                {
                    _model = [|pending.Result|]
                    [|warmUp.Wait()|]
            """;
        await VerifyIncompleteAsync(source);
    }

    [Fact]
    public async Task UnresolvedSymbols_DoNotReportOrThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator : MissingBase
            {
                private readonly Missing _field = Unknown().Result;

                public Narrator(MissingType pending) : base(pending.Result)
                {
                    var a = pending.Result;
                    pending.Wait();
                    pending.GetAwaiter().GetResult();
                    Task.WaitAll(pending, Undeclared);
                    NotAMethod();
                    this.Nothing.Result.Wait();
                }
            }
            """;
        await VerifyIncompleteAsync(source);
    }

    [Fact]
    public async Task IncompleteInvocations_DoNotThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator(Task pending)
                {
                    Task.WaitAll(
                    pending.Wait(
                    pending.GetAwaiter().
                    Helper(
                }

                private void Helper(int x) => Task.Run(() => { }).Wait(
            }
            """;
        await VerifyIncompleteAsync(source);
    }

    [Fact]
    public async Task OwnMethodWithErrorsInItsBody_StillSummarised()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator()
                {
                    [|Load()|];
                    Broken();
                    NoBody();
                }

                private void Load()
                {
                    var x = Undeclared.Value;
                    Task.Run(async () => { }).Wait();
                }

                private void Broken() { Broken(; }

                private void NoBody();
            }
            """;
        await VerifyIncompleteAsync(source);
    }

    [Fact]
    public async Task MethodWithBothBodies_AndConstructorWithBoth_DoNotThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            class Narrator
            {
                public Narrator(Task pending) { [|pending.Wait()|]; } => [|pending.Wait()|];

                private void Twice() { Task.Run(() => { }).Wait(); } => Task.Run(() => { }).Wait();
            }
            """;
        await VerifyIncompleteAsync(source);
    }

    [Fact]
    public async Task ConstructorOutsideAType_AndStrayInitializers_DoNotThrow()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            Narrator(Task<int> pending) { var x = pending.Result; }

            class
            {
                int _x = Task.FromResult(1).Result;
            }

            class Good
            {
                public Good( => Task.Run(() => { }).Wait();
            }

            class Fine
            {
                public Fine(Task warmup) => warmup.Wait();
            }
            """;
        var (diagnostics, exceptions) = await MM0001Host.AnalyzeAsync(source);

        // Nothing is bound as construction code in the unrecoverable declarations; the well-formed type is still analyzed.
        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Construction of 'Fine' blocks on 'warmup'; wait for it on first async use or in an async factory instead", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CompilationWithoutTaskType_RegistersNothingAndDoesNotThrow()
    {
        var (diagnostics, exceptions) = await MM0001Host.AnalyzeAsync(
            System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.MetadataReference>.Empty,
            /* lang=c#-test */ """
            namespace System.Threading.Tasks
            {
                public class Task<T> { public T Result => default; }
            }

            class Narrator
            {
                private readonly string _model;

                public Narrator(System.Threading.Tasks.Task<string> pending) => _model = pending.Result;
            }
            """);

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task UserDefinedTaskOfTWithoutTask_IsNotTreatedAsBlocking()
    {
        // Only the real System.Threading.Tasks types count, never look-alikes of the same simple name in other namespaces.
        var (diagnostics, exceptions) = await MM0001Host.AnalyzeAsync(/* lang=c#-test */ """
            namespace Fakes
            {
                public sealed class Task<T> { public T Result => default!; public void Wait() { } }
            }

            class Narrator
            {
                public Narrator(Fakes.Task<string> pending)
                {
                    var model = pending.Result;
                    pending.Wait();
                }
            }
            """);

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }
}
