using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// MM0001 binds an own member to summarise it only when its declaration spells a blocking member's name or names a
/// method or property of its type (<see cref="BlockingCallSummaries.MayBlockOrCallOwn"/>). The gated summaries must equal
/// the ungated ones: checked for every method and property accessor of the generated corpus and of a file of shapes.
/// </summary>
public sealed class BlockingSummaryNameGateTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System.Threading.Tasks;

        public sealed class Catalogue
        {
            private readonly Task<string> _load = Task.FromResult("x");
            private string _name;

            public Catalogue()
            {
                _name = Leaf();
                Chain();
                _name = Name;
                _name = Indirect();
                Local();

                void Local() => Deeper();
            }

            public string Name => Load();

            private string Leaf() => _name + "!";
            private void Chain() => Middle();
            private void Middle() => _name = Load();
            private string Load() => _load.Result;
            private string Indirect() { var text = _name; return text + Name; }
            private void Deeper() => _load.Wait();
            private int Count() => _name.Length;
        }

        public sealed class Indexed
        {
            private readonly Task<int>[] _items = { Task.FromResult(1) };

            public Indexed() { var x = Read(); }

            public int this[int i] => _items[i].Result;

            private int Read() => this[0];
        }
        """;

    [Fact]
    public async Task GatedSummaries_EqualUngatedOnes_AndLeavesAreNotBound()
    {
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(Shapes, lines: 8_000);
        Assert.True(BlockingWaitTypes.TryCreate(compilation, out var types));
        var waits = new WordTextIndex(BlockingWaitForms.Words(compilation));
        var gated = new BlockingCallSummaries(compilation, types!, waits);

        var blocking = 0;
        var skipped = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().Where(node => node is MethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }))
            {
                var symbol = node is ArrowExpressionClauseSyntax arrow
                    ? (model.GetDeclaredSymbol(arrow.Parent!) as IPropertySymbol)?.GetMethod
                    : model.GetDeclaredSymbol(node) as IMethodSymbol;
                if (symbol is null)
                {
                    continue;
                }

                // A fresh ungated instance per member: nothing it caches can come from the gated one.
                var expected = new BlockingCallSummaries(compilation, types!).Get(symbol, model, CancellationToken.None);
                var actual = gated.Get(symbol, model, CancellationToken.None);
                Assert.Equal(expected.Blocks, actual.Blocks);
                Assert.Equal(expected.Path, actual.Path);
                blocking += expected.Blocks ? 1 : 0;
                skipped += gated.MayBlockOrCallOwn(symbol, CancellationToken.None) ? 0 : 1;
            }
        }

        // Both kinds must occur, or the test proves nothing.
        Assert.True(blocking >= 5, $"only {blocking} blocking members");
        Assert.True(skipped >= 10, $"only {skipped} members skipped unbound");
    }
}
