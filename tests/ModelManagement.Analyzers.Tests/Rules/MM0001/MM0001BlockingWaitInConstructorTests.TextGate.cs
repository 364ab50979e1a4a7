using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// MM0001's syntactic pre-filter: a type none of whose declarations spells a blocking member's name as a whole word
/// (<c>Result</c>, <c>Wait</c>, <c>WaitAll</c>, <c>WaitAny</c>, <c>GetResult</c>; <c>Run</c>/<c>Join</c> with vs-threading or
/// Nito.AsyncEx) gets no operation actions. These pin that the filter never hides a real site.
/// </summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    [Fact]
    public async Task BlockingMemberSpelledWithUnicodeEscape_IsStillReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Catalogue
            {
                private readonly int _count;

                public Catalogue(Task<int> load, Task<int> counted)
                {
                    {|MM0001:load.Wai\u0074()|};
                    _count = {|MM0001:counted.R\u0065sult|};
                }

                public int Count => _count;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BlockingOwnCalleeInAnotherPartialPart_IsReportedAtTheCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed partial class Catalogue
            {
                private int _count;

                public Catalogue(Task<int> load)
                {
                    {|MM0001:Load(load)|};
                }

                public int Count => _count;
            }
            """;
        var other = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed partial class Catalogue
            {
                private void Load(Task<int> load) => _count = load.GetAwaiter().GetResult();
            }
            """;
        var test = new Verify.Test { TestState = { Sources = { source, other } } };
        await test.RunAsync();
    }

    [Fact]
    public async Task NamesThatOnlyContainABlockingMembersName_DoNotBlock()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class FunctionResult { public int ResultCount { get; set; } }

            public sealed class Catalogue
            {
                private readonly FunctionResult _result;
                private readonly Task _pending;

                public Catalogue(Task pending, FunctionResult result)
                {
                    _result = result;
                    _pending = pending.WaitAsync(System.TimeSpan.FromSeconds(1));
                    var count = _result.ResultCount;
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
