using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The task, awaitable and awaiter types whose members block the calling thread, resolved once per compilation.
/// Only <see cref="Task"/> is essential; the others are null when the target framework lacks them.
/// </summary>
internal sealed class BlockingWaitTypes
{
    private BlockingWaitTypes(Compilation compilation, INamedTypeSymbol task)
    {
        Task = task;
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ConfiguredTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable");
        ConfiguredTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1");
        ConfiguredValueTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable");
        ConfiguredValueTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1");
        TaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");
    }

    public INamedTypeSymbol Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitableOfT { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitableOfT { get; }

    public INamedTypeSymbol? TaskAwaiter { get; }

    public INamedTypeSymbol? TaskAwaiterOfT { get; }

    public INamedTypeSymbol? ValueTaskAwaiter { get; }

    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }

    /// <summary>Resolves the types; false (register nothing) when the compilation has no usable System.Threading.Tasks.Task.</summary>
    public static bool TryCreate(Compilation compilation, [NotNullWhen(true)] out BlockingWaitTypes? types)
    {
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        if (task is null || task.TypeKind == TypeKind.Error)
        {
            types = null;
            return false;
        }

        types = new BlockingWaitTypes(compilation, task);
        return true;
    }

    /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt; (by original definition): the types whose <c>Result</c> blocks.</summary>
    public bool HasBlockingResult(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return Is(definition, TaskOfT) || Is(definition, ValueTaskOfT);
    }

    /// <summary>One of the awaiter types whose <c>GetResult()</c> blocks until the awaited work completes.</summary>
    public bool IsAwaiter(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return Is(definition, TaskAwaiter)
            || Is(definition, TaskAwaiterOfT)
            || Is(definition, ConfiguredTaskAwaiter)
            || Is(definition, ConfiguredTaskAwaiterOfT)
            || Is(definition, ValueTaskAwaiter)
            || Is(definition, ValueTaskAwaiterOfT)
            || Is(definition, ConfiguredValueTaskAwaiter)
            || Is(definition, ConfiguredValueTaskAwaiterOfT);
    }

    /// <summary>A task, value task or configured awaitable: a receiver of <c>GetAwaiter()</c> or <c>ConfigureAwait(...)</c> in a blocking chain.</summary>
    public bool IsTaskLike(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return Is(definition, Task)
            || Is(definition, TaskOfT)
            || Is(definition, ValueTask)
            || Is(definition, ValueTaskOfT)
            || Is(definition, ConfiguredTaskAwaitable)
            || Is(definition, ConfiguredTaskAwaitableOfT)
            || Is(definition, ConfiguredValueTaskAwaitable)
            || Is(definition, ConfiguredValueTaskAwaitableOfT);
    }

    private static bool Is(INamedTypeSymbol definition, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(definition, known);
}
