namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The planner's answer for one type: a plan (lazy, or factory when the lazy rewrite is refused), or why nothing is
/// offered — the refusal that ruled out both rewrites, or the lazy one's reason when the factory was not considered.
/// </summary>
internal sealed class MM0001Decision
{
    private MM0001Decision(MM0001Plan? plan, MM0001Refusal? refusal)
    {
        Plan = plan;
        Refusal = refusal;
    }

    /// <summary>The plan when a rewrite is offered; null otherwise.</summary>
    public MM0001Plan? Plan { get; }

    /// <summary>Why no rewrite is offered; null when <see cref="Plan"/> offers one.</summary>
    public MM0001Refusal? Refusal { get; }

    public static MM0001Decision Refused(MM0001Refusal refusal) => new(null, refusal);

    public static MM0001Decision For(MM0001Plan plan)
        => new(
            plan.Lazy is not null || plan.Factory is not null ? plan : null,
            plan.Lazy is not null || plan.Factory is not null ? null : plan.FactoryRejection ?? plan.LazyRejection);
}
