using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;

/// <summary>A plan, or the typed reason no MM0004 fix is offered (with the node it is about).</summary>
internal readonly struct MM0004PlanResult
{
    private MM0004PlanResult(MM0004FixPlan? plan, MM0004FixRefusal refusal, SyntaxNode? node)
    {
        Plan = plan;
        Refusal = refusal;
        Node = node;
    }

    public MM0004FixPlan? Plan { get; }

    public MM0004FixRefusal Refusal { get; }

    public SyntaxNode? Node { get; }

    public static MM0004PlanResult Of(MM0004FixPlan plan) => new(plan, MM0004FixRefusal.None, null);

    public static MM0004PlanResult Refused(MM0004FixRefusal refusal, SyntaxNode? node) => new(null, refusal, node);
}
