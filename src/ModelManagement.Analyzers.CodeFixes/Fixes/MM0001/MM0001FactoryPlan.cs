using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The factory rewrite of a type.</summary>
internal sealed class MM0001FactoryPlan
{
    public MM0001FactoryPlan(
        string? directMethodName,
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        ImmutableArray<MM0001CapturedVariable> parameters,
        ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> callers,
        ImmutableArray<MM0001StateMember> stateMembers,
        string factoryName,
        string cancellationTokenName,
        string instanceName,
        Accessibility factoryAccessibility,
        ImmutableArray<int> keptParameters,
        bool needsDocumentation)
    {
        DirectMethodName = directMethodName;
        KeptParameters = keptParameters;
        NeedsDocumentation = needsDocumentation;
        MovedStatements = movedStatements;
        MovesExpressionBody = movesExpressionBody;
        Parameters = parameters;
        Callers = callers;
        StateMembers = stateMembers;
        FactoryName = factoryName;
        CancellationTokenName = cancellationTokenName;
        InstanceName = instanceName;
        FactoryAccessibility = factoryAccessibility;
    }

    /// <summary>The existing own init method the factory awaits directly (no new initialization method), or null.</summary>
    public string? DirectMethodName { get; }

    /// <summary>The constructor body's statements from the first blocking one to the end.</summary>
    public ImmutableArray<StatementSyntax> MovedStatements { get; }

    public bool MovesExpressionBody { get; }

    /// <summary>Constructor parameters the moved code reads.</summary>
    public ImmutableArray<MM0001CapturedVariable> Parameters { get; }

    /// <summary>Object creations (in async code) that become <c>await T.CreateAsync(...)</c>.</summary>
    public ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> Callers { get; }

    public ImmutableArray<MM0001StateMember> StateMembers { get; }

    public string FactoryName { get; }

    public string CancellationTokenName { get; }

    public string InstanceName { get; }

    public Accessibility FactoryAccessibility { get; }

    /// <summary>Indexes of the constructor parameters the constructor still uses (the others only served the moved code).</summary>
    public ImmutableArray<int> KeptParameters { get; }

    /// <summary>The factory is visible outside the assembly and the project checks documentation comments (CS1591).</summary>
    public bool NeedsDocumentation { get; }
}
