using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class TaskTypesTests
{
    [Theory]
    [InlineData("System.Threading.Tasks.Task", true, true, false)]
    [InlineData("System.Threading.Tasks.Task<int>", true, false, true)]
    [InlineData("System.Threading.Tasks.ValueTask", true, false, false)]
    [InlineData("System.Threading.Tasks.ValueTask<string>", true, false, true)]
    [InlineData("Mine.Task", false, false, false)]
    [InlineData("Mine.Tasks.Task<int>", false, false, false)]
    [InlineData("object", false, false, false)]
    public async Task TaskTypes_MatchOnlySystemThreadingTasks(string type, bool taskOrValueTask, bool nonGenericTask, bool ofResult)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            namespace Mine { class Task { } namespace Tasks { class Task<T> { } } }
            class C
            {
                {{type}} [|field|];
            }
            """);
        var symbol = (IFieldSymbol)code.Model.GetDeclaredSymbol(code.Node<VariableDeclaratorSyntax>())!;

        Assert.Equal(taskOrValueTask, TaskTypes.IsTaskOrValueTask(symbol.Type));
        Assert.Equal(nonGenericTask, TaskTypes.IsNonGenericTask(symbol.Type));
        Assert.Equal(ofResult, TaskTypes.IsTaskOfResult(symbol.Type));
    }
}
