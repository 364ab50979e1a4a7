using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The types the null-state analysis (MM0003) recognises, resolved once per compilation. The nullable-analysis
/// attributes (<c>MemberNotNull</c>, <c>NotNull</c>, <c>DoesNotReturnIf</c>, …) are matched by name instead, because
/// older target frameworks declare them as internal polyfills in any namespace.
/// </summary>
internal sealed class NullStateKnownSymbols
{
    private NullStateKnownSymbols(
        INamedTypeSymbol nullableOfT,
        INamedTypeSymbol? argumentNullException,
        INamedTypeSymbol? debug,
        INamedTypeSymbol? trace)
    {
        NullableOfT = nullableOfT;
        ArgumentNullException = argumentNullException;
        Debug = debug;
        Trace = trace;
    }

    /// <summary><c>System.Nullable&lt;T&gt;</c>: optional value-type dependencies are <c>T?</c>.</summary>
    public INamedTypeSymbol NullableOfT { get; }

    /// <summary><c>System.ArgumentNullException</c>, whose <c>ThrowIfNull</c> proves its argument non-null.</summary>
    public INamedTypeSymbol? ArgumentNullException { get; }

    /// <summary><c>System.Diagnostics.Debug</c>, whose <c>Assert</c> proves its condition.</summary>
    public INamedTypeSymbol? Debug { get; }

    /// <summary><c>System.Diagnostics.Trace</c>, whose <c>Assert</c> proves its condition.</summary>
    public INamedTypeSymbol? Trace { get; }

    /// <summary>Resolves the known symbols; false when the compilation has no usable core library.</summary>
    public static bool TryCreate(Compilation compilation, out NullStateKnownSymbols symbols)
    {
        var nullable = compilation.GetSpecialType(SpecialType.System_Nullable_T);
        if (nullable.TypeKind == TypeKind.Error)
        {
            symbols = null!;
            return false;
        }

        symbols = new NullStateKnownSymbols(
            nullable,
            compilation.GetTypeByMetadataName("System.ArgumentNullException"),
            compilation.GetTypeByMetadataName("System.Diagnostics.Debug"),
            compilation.GetTypeByMetadataName("System.Diagnostics.Trace"));
        return true;
    }

    /// <summary>True for <c>T?</c> where T is a value type.</summary>
    public bool IsNullableValueType(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsGenericType: true } named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, NullableOfT);

    /// <summary>True when a value of <paramref name="type"/> can be null: reference types, <c>T?</c>, unconstrained type parameters.</summary>
    public bool CanBeNull(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type.IsReferenceType)
        {
            return true;
        }

        if (type is ITypeParameterSymbol typeParameter)
        {
            return !typeParameter.HasValueTypeConstraint && !typeParameter.HasUnmanagedTypeConstraint;
        }

        return IsNullableValueType(type);
    }
}
