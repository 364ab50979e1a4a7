using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The lazy rewrite of a type.</summary>
internal sealed class MM0001LazyPlan
{
    public MM0001LazyPlan(
        string? directMethodName,
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        int insertIndex,
        ImmutableArray<MM0001CapturedVariable> parameters,
        ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> ensureTargets,
        ImmutableArray<MM0001StateMember> stateMembers,
        string initializerFieldName,
        string constructorAccessibility,
        bool needsDocumentation)
    {
        NeedsDocumentation = needsDocumentation;
        DirectMethodName = directMethodName;
        MovedStatements = movedStatements;
        MovesExpressionBody = movesExpressionBody;
        InsertIndex = insertIndex;
        Parameters = parameters;
        EnsureTargets = ensureTargets;
        StateMembers = stateMembers;
        InitializerFieldName = initializerFieldName;
        ConstructorAccessibility = constructorAccessibility;
    }

    /// <summary>The existing own init method the initializer runs directly (no new initialization method), or null.</summary>
    public string? DirectMethodName { get; }

    /// <summary>Statements of the constructor body that move, in order.</summary>
    public ImmutableArray<StatementSyntax> MovedStatements { get; }

    /// <summary>The constructor is expression-bodied and its expression moves.</summary>
    public bool MovesExpressionBody { get; }

    /// <summary>Index in the constructor body where the initializer is assigned.</summary>
    public int InsertIndex { get; }

    public ImmutableArray<MM0001CapturedVariable> Parameters { get; }

    /// <summary>Async members that get <c>await _initializer.EnsureInitializedAsync(...)</c> first.</summary>
    public ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> EnsureTargets { get; }

    public ImmutableArray<MM0001StateMember> StateMembers { get; }

    public string InitializerFieldName { get; }

    /// <summary>Accessibility of a constructor the fix has to write (the type had only the implicit one).</summary>
    public string ConstructorAccessibility { get; }

    /// <summary>A written constructor is visible outside the assembly and the project checks documentation comments (CS1591).</summary>
    public bool NeedsDocumentation { get; }
}
