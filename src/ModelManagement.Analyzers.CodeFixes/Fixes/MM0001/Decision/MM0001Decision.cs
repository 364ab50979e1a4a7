namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The answer for one type: the plan when a rewrite is offered; otherwise <c>Refusal</c>, why not (the factory's reason
/// when it was considered, else the lazy rewrite's or the shape's). <c>LazyRefusal</c> and <c>FactoryRefusal</c> keep each
/// rewrite's own reason (null when it is offered or was not considered).
/// </summary>
internal sealed record MM0001Decision(MM0001Plan? Plan, MM0001Refusal? Refusal, MM0001Refusal? LazyRefusal = null, MM0001Refusal? FactoryRefusal = null);
