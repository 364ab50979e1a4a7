using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The planner's answer: a plan, or a typed refusal with the node that caused it.</summary>
internal readonly struct MM0005PlanResult
{
    private MM0005PlanResult(MM0005LazyPlan? plan, MM0005FixRefusal refusal, SyntaxNode? node)
    {
        Plan = plan;
        Refusal = refusal;
        Node = node;
    }

    public MM0005LazyPlan? Plan { get; }

    public MM0005FixRefusal Refusal { get; }

    /// <summary>The node the refusal is about (the check, a foreign write, a synchronous reader, …).</summary>
    public SyntaxNode? Node { get; }

    public static MM0005PlanResult Of(MM0005LazyPlan plan) => new(plan, MM0005FixRefusal.None, null);

    public static MM0005PlanResult Refuse(MM0005FixRefusal refusal, SyntaxNode? node) => new(null, refusal, node);
}
