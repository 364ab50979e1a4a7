using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The types the null-state analysis (MM0003) recognises, resolved once per compilation. The nullable-analysis
/// attributes (<c>MemberNotNull</c>, <c>NotNull</c>, <c>DoesNotReturnIf</c>, …) are matched by name instead, because
/// older target frameworks declare them as internal polyfills in any namespace.
/// </summary>
internal sealed class NullStateKnownSymbols
{
    /// <summary>Framework classes that carry values, not services, although they have methods.</summary>
    private static readonly string[] DataTypeNames =
    {
        "System.Uri",
        "System.Version",
        "System.Type",
        "System.Exception",
        "System.Text.Encoding",
        "System.Text.StringBuilder",
        "System.Globalization.CultureInfo",
        "System.TimeZoneInfo",
        "System.Text.RegularExpressions.Regex",
        "System.Text.Json.JsonSerializerOptions",
        "System.Text.Json.JsonDocument",
        "System.Text.Json.Nodes.JsonNode",
        "System.Reflection.MemberInfo",
        "System.Reflection.Assembly",
        "System.Reflection.ParameterInfo",
        "System.Threading.Tasks.Task",
        "System.Threading.CancellationTokenSource",
        "System.Delegate",
    };

    private readonly ConcurrentDictionary<ITypeSymbol, bool> _dependencyTypes = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol?[] _dataTypes;
    private readonly NullTolerantParameters _tolerantParameters;

    private NullStateKnownSymbols(
        INamedTypeSymbol nullableOfT,
        INamedTypeSymbol? argumentNullException,
        INamedTypeSymbol? debug,
        INamedTypeSymbol? trace,
        INamedTypeSymbol? enumerable,
        INamedTypeSymbol?[] dataTypes,
        bool hasMarkerAttribute,
        NullTolerantParameters tolerantParameters)
    {
        _tolerantParameters = tolerantParameters;
        NullableOfT = nullableOfT;
        ArgumentNullException = argumentNullException;
        Debug = debug;
        Trace = trace;
        Enumerable = enumerable;
        _dataTypes = dataTypes;
        HasMarkerAttribute = hasMarkerAttribute;
    }

    /// <summary><c>System.Nullable&lt;T&gt;</c>: optional value-type dependencies are <c>T?</c>.</summary>
    public INamedTypeSymbol NullableOfT { get; }

    /// <summary><c>System.ArgumentNullException</c>, whose <c>ThrowIfNull</c> proves its argument non-null.</summary>
    public INamedTypeSymbol? ArgumentNullException { get; }

    /// <summary><c>System.Diagnostics.Debug</c>, whose <c>Assert</c> proves its condition.</summary>
    public INamedTypeSymbol? Debug { get; }

    /// <summary><c>System.Diagnostics.Trace</c>, whose <c>Assert</c> proves its condition.</summary>
    public INamedTypeSymbol? Trace { get; }

    /// <summary><c>System.Collections.IEnumerable</c>: what implements it is a collection, i.e. data.</summary>
    public INamedTypeSymbol? Enumerable { get; }

    /// <summary>
    /// True when a type named <c>OptionalDependencyAttribute</c> (declared in source in any namespace, by a library, or
    /// ModelManagement.Patterns' own) can be on a symbol this compilation uses (<see cref="AttributeReach"/>: declared in
    /// source or by a library, or ModelManagement.Patterns' own applied by a library or written in the source). Without
    /// one no member's or parameter's attributes are ever read (every consumer references ModelManagement.Patterns;
    /// most never write <c>[OptionalDependency]</c>).
    /// </summary>
    public bool HasMarkerAttribute { get; }

    private static readonly ImmutableArray<string> MarkerAttributeNames = ImmutableArray.Create(OptionalDependencies.AttributeName);

    /// <summary>Resolves the known symbols; false when the compilation has no usable core library.</summary>
    public static bool TryCreate(Compilation compilation, CancellationToken cancellationToken, out NullStateKnownSymbols symbols)
    {
        var nullable = compilation.GetSpecialType(SpecialType.System_Nullable_T);
        if (nullable.TypeKind == TypeKind.Error)
        {
            symbols = null!;
            return false;
        }

        var dataTypes = new INamedTypeSymbol?[DataTypeNames.Length];
        for (var i = 0; i < DataTypeNames.Length; i++)
        {
            dataTypes[i] = compilation.GetTypeByMetadataName(DataTypeNames[i]);
        }

        var hasMarker = AttributeReach.AnyCanBeApplied(compilation, MarkerAttributeNames, cancellationToken);

        symbols = new NullStateKnownSymbols(
            nullable,
            compilation.GetTypeByMetadataName("System.ArgumentNullException"),
            compilation.GetTypeByMetadataName("System.Diagnostics.Debug"),
            compilation.GetTypeByMetadataName("System.Diagnostics.Trace"),
            compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable),
            dataTypes,
            hasMarker,
            new NullTolerantParameters(compilation));
        return true;
    }

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _alwaysThrows = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _handlesNullReceiver = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// A source extension method that handles a null <c>this</c> itself (<see cref="Shapes.HandlesNullReceiver"/>), or whose
    /// <c>this</c> only goes where null is accepted (<see cref="NullTolerantParameters"/>: ML.NET's <c>ctx.CheckValue(…)</c>),
    /// cached per method.
    /// </summary>
    public bool HandlesNullReceiver(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (_handlesNullReceiver.TryGetValue(definition, out var known))
        {
            return known;
        }

        var result = Shapes.HandlesNullReceiver(definition) || _tolerantParameters.AcceptsNull(definition, 0, cancellationToken);
        _handlesNullReceiver.TryAdd(definition, result);
        return result;
    }

    /// <summary>
    /// A method of this compilation that cannot return, though not marked <c>[DoesNotReturn]</c>: a static, private or sealed
    /// (non-overridable) ordinary method, or a local function, whose body is <c>=&gt; throw …</c> or a block ending in <c>throw</c> with no
    /// <c>return</c> (AutoMapper's <c>static void ThrowInvalid() =&gt; throw new InvalidOperationException();</c> after a
    /// null check). Cached per method.
    /// </summary>
    public bool AlwaysThrows(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsAbstract || method.IsVirtual || method.IsOverride && !method.IsSealed
            || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1 || method.PartialImplementationPart is not null)
        {
            return false;
        }

        return _alwaysThrows.GetOrAdd(method.OriginalDefinition, static m =>
            m.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                MethodDeclarationSyntax { ExpressionBody.Expression: ThrowExpressionSyntax } => true,
                MethodDeclarationSyntax { Body: { Statements: { Count: > 0 } statements } body } =>
                    statements[statements.Count - 1] is ThrowStatementSyntax && !ContainsReturn(body),
                LocalFunctionStatementSyntax { ExpressionBody.Expression: ThrowExpressionSyntax } => true,
                LocalFunctionStatementSyntax { Body: { Statements: { Count: > 0 } localStatements } localBody } =>
                    localStatements[localStatements.Count - 1] is ThrowStatementSyntax && !ContainsReturn(localBody),
                _ => false,
            });
    }

    private static bool ContainsReturn(BlockSyntax body)
    {
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax or YieldStatementSyntax or GotoStatementSyntax or LabeledStatementSyntax)
            {
                return true; // a way out, or back in before the throw
            }
        }

        return false;
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

    /// <summary>
    /// True when a value of <paramref name="type"/> is a <b>dependency</b> (a service the type calls), not <b>data</b>:
    /// interfaces, abstract classes, delegates, and classes with behaviour (an accessible instance method of their own).
    /// Data: strings, value types (<c>T?</c> too), records, arrays, collections (anything enumerable), property bags
    /// (classes with properties only), generated types (<c>[GeneratedCode]</c>/<c>[CompilerGenerated]</c>, protocol-buffers
    /// messages), exceptions,
    /// and value-like framework classes (<c>Uri</c>, <c>Type</c>, <c>CultureInfo</c>, <c>Task</c>, …). Memoised per type.
    /// </summary>
    public bool IsDependencyType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (_dependencyTypes.TryGetValue(type, out var known))
        {
            return known;
        }

        var result = ClassifyDependency(type);
        _dependencyTypes.TryAdd(type, result);
        return result;
    }

    private bool ClassifyDependency(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol typeParameter)
        {
            // `T` constrained to a service interface or class is that service; an unconstrained T is anything.
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (IsDependencyType(constraint))
                {
                    return true;
                }
            }

            return false;
        }

        if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Error || type.IsValueType
            || type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return false; // arrays, pointers, dynamic, value types, string, object
        }

        if (named.TypeKind == TypeKind.Delegate)
        {
            return true;
        }

        if (named.IsRecord || IsGenerated(named) || IsProtobufMessage(named) || IsEnumerable(named) || InheritsDataType(named) || DeclaresArithmetic(named))
        {
            return false;
        }

        if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
        {
            return true;
        }

        return named.TypeKind == TypeKind.Class && HasBehaviour(named);
    }

    /// <summary>
    /// A class (or a base of it) declaring arithmetic or comparison operators (<c>operator +</c>, <c>operator *</c>,
    /// <c>operator &lt;</c>, …, not just <c>==</c>/<c>!=</c>): a value with value semantics — a tensor, an amount, a vector
    /// (TorchSharp's <c>Tensor</c>) — not a service that may be absent.
    /// </summary>
    private static bool DeclaresArithmetic(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            // By name first: the member names come from the declaration or the metadata without building a symbol.
            foreach (var name in current.MemberNames)
            {
                if (!name.StartsWith("op_", System.StringComparison.Ordinal) || name is "op_Equality" or "op_Inequality" or "op_True" or "op_False")
                {
                    continue;
                }

                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator, IsImplicitlyDeclared: false })
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool IsEnumerable(INamedTypeSymbol type)
    {
        if (Enumerable is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Enumerable))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, Enumerable))
            {
                return true;
            }
        }

        return false;
    }

    private bool InheritsDataType(INamedTypeSymbol type)
    {
        var current = type;
        for (var depth = 0; current is not null && depth < 32; depth++, current = current.BaseType)
        {
            foreach (var data in _dataTypes)
            {
                if (data is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, data))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A protocol-buffers message (it implements <c>Google.Protobuf.IMessage</c>): generated data whose generator marks each
    /// member <c>[GeneratedCode]</c> rather than the type, so its <c>MergeFrom</c>/<c>WriteTo</c> plumbing would read as
    /// behaviour (TensorFlow.NET's <c>SaverDef saver_def = null</c>). gRPC clients implement no such interface.
    /// </summary>
    private static bool IsProtobufMessage(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented is { Name: "IMessage", ContainingNamespace: { Name: "Protobuf", ContainingNamespace: { Name: "Google", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGenerated(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "GeneratedCodeAttribute" or "CompilerGeneratedAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An accessible instance method of its own (or of a base class other than object) that is not a data helper nor
    /// returns its own type (<c>Merge(other)</c>, <c>With…(value)</c>, copies: what options and value objects have).
    /// </summary>
    private static bool HasBehaviour(INamedTypeSymbol type)
    {
        var current = type;
        for (var depth = 0; current is not null && current.SpecialType != SpecialType.System_Object && depth < 32; depth++, current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsImplicitlyDeclared: false } method
                    && method.DeclaredAccessibility is not Accessibility.Private
                    && !IsDataHelper(method)
                    && !SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, current.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Object members, validation and serialization hooks, and parameterless conversions of the instance itself
    /// (<c>ToByteArray()</c>, <c>ToDto()</c>, <c>AsSpan()</c>: garnet's SyncMetadata). A conversion that takes what it
    /// converts (<c>ToDto(Model model)</c>) is a mapper's behaviour, and one returning an awaitable (<c>Task ToBroker()</c>)
    /// an operation.
    /// </summary>
    private static bool IsDataHelper(IMethodSymbol method)
    {
        var name = method.Name;
        return name is "ToString" or "Equals" or "GetHashCode" or "Deconstruct" or "Clone" or "Validate" or "ToJson" or "CompareTo"
            || name.StartsWith("ShouldSerialize", System.StringComparison.Ordinal)
            || (method.Parameters.IsEmpty && !method.ReturnsVoid && !Shapes.IsAwaitable(method.ReturnType) && name.Length > 2
                && (name.StartsWith("To", System.StringComparison.Ordinal) || name.StartsWith("As", System.StringComparison.Ordinal))
                && char.IsUpper(name[2]));
    }
}
