using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary><see cref="FlowGraphs"/>: one graph per member body, whichever operation of the body asks.</summary>
public sealed class FlowGraphsTests
{
    [Fact]
    public void TwoOperationsOfOneBody_GetTheSameGraph_OfTheBodysRoot_AnotherBodyItsOwn()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                bool Validate(string s) => s.Length > 0;
                string M(string a, string b)
                {
                    var first = Validate(a);
                    var second = Validate(b);
                    return first && second ? a : b;
                }
                string N(string a) => Validate(a) ? a : "";
            }
            """);
        var compilation = CSharpCompilation.Create("T", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToArray();
        var operations = calls.Select(call => (IInvocationOperation)model.GetOperation(call)!).ToArray();

        var first = FlowGraphs.Of(operations[0], CancellationToken.None);
        var second = FlowGraphs.Of(operations[1], CancellationToken.None);
        var other = FlowGraphs.Of(operations[2], CancellationToken.None);

        Assert.Same(first, second);
        Assert.IsAssignableFrom<IMethodBodyOperation>(first.OriginalOperation);
        Assert.Null(first.OriginalOperation.Parent);
        Assert.Equal("M", ((MethodDeclarationSyntax)first.OriginalOperation.Syntax).Identifier.ValueText);
        Assert.NotSame(first, other);
        Assert.Equal("N", ((MethodDeclarationSyntax)other.OriginalOperation.Syntax).Identifier.ValueText);
    }
}
