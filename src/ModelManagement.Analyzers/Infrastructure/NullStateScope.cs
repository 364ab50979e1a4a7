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
    {
        Dependencies = dependencies;
        Members = members;
        Symbols = symbols;
        Report = report;
        CancellationToken = cancellationToken;
    }

    public OptionalDependencies Dependencies { get; }

    /// <summary>Optional fields, properties and captured primary-constructor parameters (original definitions).</summary>
    public ImmutableArray<ISymbol> Members { get; }

    public NullStateKnownSymbols Symbols { get; }

    /// <summary>Called for each dereference of a maybe-null optional value.</summary>
    public Action<NullStateDereference> Report { get; }

    public CancellationToken CancellationToken { get; }

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
            || Dependencies.IsCandidateConstructorParameter(definition)
            || (Symbols.CanBeNull(parameter.Type)
                && OptionalDependencies.HasAttributeNamed(parameter.GetAttributes(), OptionalDependencies.AttributeName));
    }
}
