using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class FixPlanResultTests
{
    private enum Reason
    {
        None,
        Refused,
    }

    [Fact]
    public void Of_CarriesThePlanAndNoRefusal()
    {
        var result = FixPlanResult<string, Reason>.Of("plan");

        Assert.Equal("plan", result.Plan);
        Assert.Equal(Reason.None, result.Refusal);
        Assert.Null(result.Node);
    }

    [Fact]
    public void Refuse_CarriesTheReasonAndTheNode()
    {
        var node = SyntaxFactory.ParseExpression("x");

        var result = FixPlanResult<string, Reason>.Refuse(Reason.Refused, node);

        Assert.Null(result.Plan);
        Assert.Equal(Reason.Refused, result.Refusal);
        Assert.Same(node, result.Node);
    }
}
