namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The rewrite of one type: the facts it was decided on, and either the lazy or the factory rewrite.</summary>
internal sealed record MM0001Plan(MM0001TypeFacts Facts, MM0001LazyPlan? Lazy, MM0001FactoryPlan? Factory);
