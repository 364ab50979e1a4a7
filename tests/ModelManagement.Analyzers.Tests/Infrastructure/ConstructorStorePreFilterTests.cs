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
/// MM0003 binds a constructor for a parameter only when its syntax may store or forward it
/// (<see cref="OptionalDependencies.ConstructorFacts.MayStoreOrForward"/>). That pre-filter must keep every constructor
/// whose bound body does store or forward the parameter: checked on every constructor parameter of the generated corpus
/// and of a file of shapes, against the operation walk itself.
/// </summary>
public sealed class ConstructorStorePreFilterTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System;

        public interface IRegistry { string Name { get; } }
        public interface ILoggerFactory { object Create(); }

        public class Base { protected IRegistry Inherited; }

        public sealed class Shapes : Base
        {
            private IRegistry _a, _b, _c, _d, _e, _f;
            private readonly object _logger;
            private IRegistry Property { get; set; }

            public Shapes(IRegistry a = null, IRegistry b = null, object c = null, IRegistry d = null, ILoggerFactory loggerFactory = null, IRegistry e = null)
                : this(a, 1)
            {
                _a = a;
                this._b = (b);
                _c = (IRegistry)c;
                (_d, _e) = (d, e);
                Inherited = a;
                Property = b!;
                _logger = loggerFactory?.Create() ?? new object();
                Func<IRegistry> later = () => _f = e;
            }

            private Shapes(IRegistry forwarded, int marker)
            {
                _f = forwarded;
            }
        }
        """;

    [Fact]
    public async Task EveryStoreOrForwardTheOperationWalkFinds_PassesTheSyntaxFilter()
    {
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(Shapes, lines: 8_000);

        var stores = 0;
        var skipped = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol constructor)
                {
                    continue;
                }

                var facts = OptionalDependencies.ConstructorFacts.Collect(constructor, constructor.ContainingType, model, compilation, CancellationToken.None);
                foreach (var parameter in constructor.Parameters)
                {
                    var walked = facts.Stores.Any(store => store.Ordinal == parameter.Ordinal) || facts.Forwards.Any(forward => forward.Ordinal == parameter.Ordinal);
                    var kept = OptionalDependencies.ConstructorFacts.MayStoreOrForward(constructor, parameter, CancellationToken.None);
                    if (walked)
                    {
                        stores++;
                        Assert.True(kept, $"pre-filter dropped '{parameter.Name}' of {constructor.ContainingType.Name} in {tree.FilePath}");
                    }
                    else if (!kept)
                    {
                        skipped++;
                    }
                }
            }
        }

        // Both kinds must occur, or the test proves nothing: stores to keep, and read-only parameters to skip.
        Assert.True(stores >= 10, $"only {stores} stores");
        Assert.True(skipped >= 1, "no read-only parameter skipped");
    }
}
