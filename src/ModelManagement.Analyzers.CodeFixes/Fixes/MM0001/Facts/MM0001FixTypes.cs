using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The types the MM0001 fixes read or write, resolved once per planned compilation.</summary>
internal sealed class MM0001FixTypes
{
    private MM0001FixTypes(Compilation compilation, BlockingWaitTypes blocking, INamedTypeSymbol cancellationToken, bool waitAsyncAllowed = true)
    {
        Compilation = compilation;
        Blocking = blocking;
        CancellationToken = cancellationToken;
        AsyncInitializer = compilation.GetTypeByMetadataName("ModelManagement.Patterns.AsyncInitializer");
        ICollection = compilation.GetTypeByMetadataName("System.Collections.ICollection");
        ICollectionOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.ICollection`1");
        TaskHasWaitAsync = waitAsyncAllowed && HasWaitAsync(blocking.Task, cancellationToken);
    }

    public Compilation Compilation { get; }

    public BlockingWaitTypes Blocking { get; }

    public INamedTypeSymbol Task => Blocking.Task;

    public INamedTypeSymbol CancellationToken { get; }

    /// <summary>ModelManagement.Patterns.AsyncInitializer, or null when the project does not reference the runtime helpers.</summary>
    public INamedTypeSymbol? AsyncInitializer { get; }

    public INamedTypeSymbol? ICollection { get; }

    public INamedTypeSymbol? ICollectionOfT { get; }

    /// <summary>
    /// True when <c>Task.WaitAsync(CancellationToken)</c> exists (.NET 6 and later): a cancellable wait becomes a cancellable
    /// await. False when a target framework the same file also builds for lacks it (<see cref="WithoutWaitAsync"/>).
    /// </summary>
    public bool TaskHasWaitAsync { get; }

    /// <summary>These types for a file also compiled for a target framework without <c>Task.WaitAsync</c> (netstandard2.0 next to net8.0).</summary>
    public MM0001FixTypes WithoutWaitAsync() => new(Compilation, Blocking, CancellationToken, waitAsyncAllowed: false);

    /// <summary>Whether <paramref name="compilation"/> has <c>Task.WaitAsync(CancellationToken)</c>.</summary>
    public static bool HasWaitAsync(Compilation compilation)
        => TryCreate(compilation, out var types) && types.TaskHasWaitAsync;

    public static bool TryCreate(Compilation compilation, [NotNullWhen(true)] out MM0001FixTypes? types)
    {
        types = null;
        if (!BlockingWaitTypes.TryCreate(compilation, out var blocking)
            || compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is not { TypeKind: not TypeKind.Error } cancellationToken)
        {
            return false;
        }

        types = new MM0001FixTypes(compilation, blocking, cancellationToken);
        return true;
    }

    /// <summary>True when <paramref name="type"/> is a collection (an array, or implements ICollection or ICollection&lt;T&gt;).</summary>
    public bool IsCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        if (IsCollectionInterface(type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsCollectionInterface(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCollectionInterface(ITypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ICollectionOfT)
            || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ICollection);

    private static bool HasWaitAsync(INamedTypeSymbol task, INamedTypeSymbol cancellationToken)
    {
        foreach (var member in task.GetMembers("WaitAsync"))
        {
            if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 1 } method
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
