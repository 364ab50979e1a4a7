using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>The awaitable types rules and fixes reason about, matched by name and namespace (no compilation needed).</summary>
internal static class TaskTypes
{
    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c> of <c>System.Threading.Tasks</c>.</summary>
    public static bool IsTaskOrValueTask(ITypeSymbol? type)
        => type is INamedTypeSymbol
        {
            Name: "Task" or "ValueTask",
            Arity: 0 or 1,
            ContainingType: null,
            ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
        };

    /// <summary>True for the non-generic <c>System.Threading.Tasks.Task</c>.</summary>
    public static bool IsNonGenericTask(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Task", Arity: 0 } && IsTaskOrValueTask(type);

    /// <summary>True for <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>: an awaitable with a result.</summary>
    public static bool IsTaskOfResult(ITypeSymbol? type)
        => type is INamedTypeSymbol { Arity: 1 } && IsTaskOrValueTask(type);
}
