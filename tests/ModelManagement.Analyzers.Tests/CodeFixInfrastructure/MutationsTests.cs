using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class MutationsTests
{
    [Theory]
    [InlineData("[|_list|] = new List<int>();", true, false)]
    [InlineData("([|_list|], _n) = (new List<int>(), 1);", true, false)]
    [InlineData("[|_list|].Add(1);", false, true)]
    [InlineData("[|_list|].Count.ToString();", false, false)]
    [InlineData("[|_array|][0] = 1;", false, true)]
    [InlineData("[|_n|]++;", true, false)]
    [InlineData("int.TryParse(\"1\", out [|_n|]);", true, false)]
    [InlineData("[|_logger|].Log(\"x\");", false, false)]
    [InlineData("[|_list|].Contains(1);", false, false)]
    public async Task AssignedOrMutated_TellsAWriteFromARead(string statement, bool assigned, bool mutated)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            using System.Collections.Generic;
            interface ILogger { void Log(string message); }
            class C
            {
                List<int> _list = new List<int>(); int[] _array = new int[1]; int _n; ILogger _logger = null!;
                void M() { {{statement}} }
            }
            """);
        var reference = code.Model.GetOperation(code.Node<ExpressionSyntax>())!;
        while (reference is not IFieldReferenceOperation)
        {
            reference = reference.ChildOperations.First();
        }

        Assert.Equal(assigned, Mutations.IsAssigned(reference));
        Assert.Equal(mutated, Mutations.IsMutated(reference, static type => type.AllInterfaces.Any(i => i.Name == "ICollection")));
    }
}
