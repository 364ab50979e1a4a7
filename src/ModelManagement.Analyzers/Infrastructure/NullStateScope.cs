using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>What the null-state analysis of one operation block needs to know: what it tracks and where it reports.</summary>
internal sealed class NullStateScope
{
    public NullStateScope(
        OptionalDependencies dependencies,
        ImmutableArray<ISymbol> members,
        NullStateKnownSymbols symbols,
        Action<NullStateDereference> report,
        CancellationToken cancellationToken)
        : this(dependencies, members, ImmutableArray<ISymbol>.Empty, ImmutableArray<ISymbol>.Empty, symbols, report, calleeParametersMayBeNull: true, cancellationToken)
    {
    }

    private NullStateScope(
        OptionalDependencies dependencies,
        ImmutableArray<ISymbol> members,
        ImmutableArray<ISymbol> extraParameters,
        ImmutableArray<ISymbol> nonNullAtEntry,
        NullStateKnownSymbols symbols,
        Action<NullStateDereference>? report,
        bool calleeParametersMayBeNull,
        CancellationToken cancellationToken)
    {
        CalleeParametersMayBeNull = calleeParametersMayBeNull;
        Dependencies = dependencies;
        Members = members;
        ExtraParameters = extraParameters;
        NonNullAtEntry = nonNullAtEntry;
        Symbols = symbols;
        Report = report;
        CancellationToken = cancellationToken;
    }

    public OptionalDependencies Dependencies { get; }

    /// <summary>Optional fields, properties and captured primary-constructor parameters (original definitions).</summary>
    public ImmutableArray<ISymbol> Members { get; }

    /// <summary>Further parameters tracked as maybe-null at entry (a constructor's optional and forwarded-into parameters).</summary>
    public ImmutableArray<ISymbol> ExtraParameters { get; }

    /// <summary>Members known to hold a value at entry (a constructor's members with non-null initializers).</summary>
    public ImmutableArray<ISymbol> NonNullAtEntry { get; }

    public NullStateKnownSymbols Symbols { get; }

    /// <summary>Called for each dereference of a maybe-null optional value; null when the analysis only asks for exit states.</summary>
    public Action<NullStateDereference>? Report { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether an own method called here is read with its parameters maybe-null (what it assigns from one may be null:
    /// <c>Swap(null)</c>), as in member bodies and the helpers they follow; construction reads its own calls with the
    /// parameters set, as the constructor's values are.
    /// </summary>
    public bool CalleeParametersMayBeNull { get; }

    /// <summary>A scope for deciding, over one constructor, which stored members null can reach at its exit.</summary>
    public static NullStateScope ForConstructor(
        OptionalDependencies dependencies,
        ImmutableArray<ISymbol> members,
        ImmutableArray<ISymbol> parameters,
        ImmutableArray<ISymbol> nonNullAtEntry,
        NullStateKnownSymbols symbols,
        CancellationToken cancellationToken,
        bool calleeParametersMayBeNull = false)
        => new(dependencies, members, parameters, nonNullAtEntry, symbols, report: null, calleeParametersMayBeNull, cancellationToken);

    /// <summary>A member (field/property on <c>this</c> or static, or a captured primary-constructor parameter) that is optional.</summary>
    public bool IsOptionalMember(ISymbol member) => OptionalDependencies.Contains(Members, member.OriginalDefinition);

    /// <summary>
    /// A parameter tracked inside the body it belongs to: an optional parameter of the type's constructors, a captured
    /// primary-constructor parameter, or any parameter marked <c>[OptionalDependency]</c>.
    /// </summary>
    public bool IsTrackedParameter(IParameterSymbol parameter)
    {
        var definition = parameter.OriginalDefinition;
        return OptionalDependencies.Contains(Members, definition)
            || OptionalDependencies.Contains(ExtraParameters, definition)
            || Dependencies.IsCandidateConstructorParameter(definition)
            || (Symbols.HasMarkerAttribute
                && Symbols.CanBeNull(parameter.Type)
                && OptionalDependencies.HasAttributeNamed(parameter.GetAttributes(), OptionalDependencies.AttributeName));
    }
}
