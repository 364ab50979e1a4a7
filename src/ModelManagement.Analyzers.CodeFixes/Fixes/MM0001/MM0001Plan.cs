using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What the MM0001 fixes would do to one type, decided on the original solution: which of the two rewrites is safe and
/// every node each one touches. <see cref="MM0001Rewriter"/> applies it.
/// </summary>
internal sealed class MM0001Plan
{
    public MM0001Plan(INamedTypeSymbol type, MM0001FixTypes types, MM0001Shared shared, MM0001LazyPlan? lazy, MM0001FactoryPlan? factory, MM0001Refusal? lazyRejection, MM0001Refusal? factoryRejection)
    {
        Type = type;
        Types = types;
        Shared = shared;
        Lazy = lazy;
        Factory = factory;
        LazyRejection = lazyRejection;
        FactoryRejection = factoryRejection;
    }

    public INamedTypeSymbol Type { get; }

    public MM0001FixTypes Types { get; }

    public MM0001Shared Shared { get; }

    /// <summary>The "Initialize lazily on first async use" rewrite, or null when it is not safe.</summary>
    public MM0001LazyPlan? Lazy { get; }

    /// <summary>The "Introduce static async factory" rewrite, or null when it is not safe (or not needed: lazy is offered).</summary>
    public MM0001FactoryPlan? Factory { get; }

    /// <summary>Why the lazy rewrite is not offered; null when it is.</summary>
    public MM0001Refusal? LazyRejection { get; }

    /// <summary>Why the factory rewrite is not offered; null when it is, or was not considered (the lazy one is offered, or only the lazy one was planned).</summary>
    public MM0001Refusal? FactoryRejection { get; }
}
