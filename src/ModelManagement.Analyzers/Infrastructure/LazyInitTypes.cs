using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The types MM0005 needs, resolved once per compilation: <c>Task</c> (essential: without it nothing is awaited) and
/// the single-flight helpers whose await is not a race (<c>SemaphoreSlim</c>, <c>Lazy&lt;T&gt;</c>, the three
/// <c>AsyncLazy&lt;T&gt;</c> types, <c>AsyncInitializer</c>), each null when the compilation lacks it.
/// </summary>
internal sealed class LazyInitTypes
{
    private LazyInitTypes(Compilation compilation, INamedTypeSymbol task)
    {
        Task = task;
        SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
        Lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
        AsyncLazy = compilation.GetTypeByMetadataName("ModelManagement.Patterns.AsyncLazy`1");
        AsyncInitializer = compilation.GetTypeByMetadataName("ModelManagement.Patterns.AsyncInitializer");
        ThreadingAsyncLazy = compilation.GetTypeByMetadataName("Microsoft.VisualStudio.Threading.AsyncLazy`1");
        NitoAsyncLazy = compilation.GetTypeByMetadataName("Nito.AsyncEx.AsyncLazy`1");
    }

    public INamedTypeSymbol Task { get; }

    public INamedTypeSymbol? SemaphoreSlim { get; }

    public INamedTypeSymbol? Interlocked { get; }

    public INamedTypeSymbol? Lazy { get; }

    public INamedTypeSymbol? AsyncLazy { get; }

    public INamedTypeSymbol? AsyncInitializer { get; }

    public INamedTypeSymbol? ThreadingAsyncLazy { get; }

    public INamedTypeSymbol? NitoAsyncLazy { get; }

    public static bool TryCreate(Compilation compilation, [NotNullWhen(true)] out LazyInitTypes? types)
    {
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        types = task is null ? null : new LazyInitTypes(compilation, task);
        return types is not null;
    }

    /// <summary>
    /// True for a type whose await is itself single-flight: an <c>AsyncLazy&lt;T&gt;</c> (ours, vs-threading's, Nito's),
    /// an <c>AsyncInitializer</c>, or a <c>Lazy&lt;Task&gt;</c>/<c>Lazy&lt;Task&lt;T&gt;&gt;</c>.
    /// </summary>
    public bool IsSingleFlight(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        if (Is(definition, AsyncLazy) || Is(definition, AsyncInitializer) || Is(definition, ThreadingAsyncLazy) || Is(definition, NitoAsyncLazy))
        {
            return true;
        }

        return Is(definition, Lazy)
            && named.TypeArguments.Length == 1
            && named.TypeArguments[0] is INamedTypeSymbol value
            && IsTask(value);
    }

    /// <summary>What an await awaits, with <c>.ConfigureAwait(…)</c> (or an extension that only configures the await) and conversions seen through.</summary>
    public static IOperation? Unconfigured(IOperation? awaited)
    {
        var operation = Shapes.WithoutConversions(awaited);
        if (operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
        {
            return Shapes.WithoutConversions(configured);
        }

        return operation is not null && ConfiguredAwaits.ConfiguredOperand(operation) is { } extended
            ? Shapes.WithoutConversions(extended)
            : operation;
    }

    /// <summary>An await of something single-flight itself: an AsyncLazy, an AsyncInitializer, a Lazy&lt;Task&gt;'s value (ConfigureAwait seen through).</summary>
    public bool IsSingleFlightAwait(IOperation awaited)
    {
        var operation = Unconfigured(awaited);
        return operation switch
        {
            IInvocationOperation invocation => IsSingleFlight(invocation.Instance?.Type),
            IPropertyReferenceOperation property => IsSingleFlight(property.Instance?.Type) || IsSingleFlight(property.Type),
            null => false,
            _ => IsSingleFlight(operation.Type),
        };
    }

    public bool IsTask(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Task))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSemaphoreSlim(ITypeSymbol? type) => type is not null && Is(type.OriginalDefinition, SemaphoreSlim);

    public bool IsInterlocked(ITypeSymbol? type) => type is not null && Is(type.OriginalDefinition, Interlocked);

    private static bool Is(ITypeSymbol definition, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(definition, known);
}
