using System;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// A fix planner's answer: a plan, or the typed reason no fix is offered (a value of the rule's refusal enum, whose
/// default value means "not refused") with the node it is about.
/// </summary>
internal readonly struct FixPlanResult<TPlan, TRefusal>
    where TPlan : class
    where TRefusal : struct, Enum
{
    private FixPlanResult(TPlan? plan, TRefusal refusal, SyntaxNode? node)
    {
        Plan = plan;
        Refusal = refusal;
        Node = node;
    }

    /// <summary>The plan; null when refused.</summary>
    public TPlan? Plan { get; }

    /// <summary>Why no plan was made; the default value when there is a plan.</summary>
    public TRefusal Refusal { get; }

    /// <summary>The node the refusal is about (the check, a foreign write, a synchronous reader, …).</summary>
    public SyntaxNode? Node { get; }

    public static FixPlanResult<TPlan, TRefusal> Of(TPlan plan) => new(plan, default, null);

    public static FixPlanResult<TPlan, TRefusal> Refuse(TRefusal refusal, SyntaxNode? node) => new(null, refusal, node);
}
