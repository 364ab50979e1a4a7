using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Tests.Robustness;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>MM0006 on half-typed code and lists, and the inherited-member boundary.</summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    [Fact]
    public async Task HalfTypedCode_NoAnalyzerException_CompleteUsesStillReported()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using App.History;
            using ModelManagement.Patterns;

            [CentralizedBy(typeof(HistoricalLogProcessor))]
            [CentralizedBy(typeof())]
            [CentralizedBy]
            [CentralizedBy(null)]
            public sealed class Broken
            {
                public void Write() { }
            }

            public sealed class NarrativeService
            {
                public async Task Run(IHistoryWriter history, Broken broken, Missing missing)
                {
                    await history.InsertAsync("complete");
                    await history.InsertAsync(
                    broken.Write(;
                    missing.InsertAsync("x");
                    history.
                }
            }
            """;
        var list = new InMemoryAdditionalText("CentralizedSymbols.txt", "M:App.History.IHistoryWriter.InsertAsync(;T:\nT:App.History.SqlHistoryWriter;T:App.History.HistoricalLogProcessor\n\u0000;;#\n");
        var run = await RobustnessHarness.AnalyzeAsync(
            new[] { RobustnessHarness.Parse(source + Domain) },
            additionalFiles: ImmutableArray.Create<AdditionalText>(list));

        RobustnessHarness.AssertNoAnalyzerException(run, "half-typed MM0006 code");
        var lines = run.Diagnostics.Where(d => d.Id == "MM0006").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToArray();
        Assert.Contains(18, lines); // the complete call
        Assert.Contains(20, lines); // broken.Write( still binds to the centralized method
    }

    [Fact]
    public async Task ListedInterface_MembersOfItsBaseInterface_NotCentralized()
    {
        var source = /* lang=c#-test */ """
            namespace App
            {
                public interface IRepositoryBase<T> { void Add(T item); }
                public interface IRepository<T> : IRepositoryBase<T> { void Purge(); }
                public sealed class OrderService { }

                public sealed class Checkout
                {
                    public void Pay(IRepository<string> orders)
                    {
                        orders.Add("order");
                        orders.[|Purge|]();
                    }
                }
            }
            """;
        await VerifyWithFileAsync(source, "T:App.IRepository`1;T:App.OrderService\n");
    }
}
