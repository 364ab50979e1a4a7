using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The factory rewrite of a type: the constructor statements from the first blocking one on (or its expression body), the
/// constructor parameters they read, the creations (in async code) that become <c>await T.CreateAsync(...)</c>, the state
/// members that change, the names written, and the indexes of the constructor parameters the constructor still uses.
/// <c>DirectMethodName</c>: the existing own init method the factory awaits directly, or null.
/// <c>AddsCancellationToken</c>: the factory takes a new <c>CancellationToken</c> parameter named
/// <c>CancellationTokenName</c>; false when the constructor already takes one (by value), which the factory takes in its
/// place, under that name, and passes on where the constructor used it.
/// </summary>
internal sealed record MM0001FactoryPlan(
    string? DirectMethodName,
    ImmutableArray<StatementSyntax> MovedStatements,
    bool MovesExpressionBody,
    ImmutableArray<MM0001CapturedVariable> Parameters,
    ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> Callers,
    ImmutableArray<MM0001StateMember> StateMembers,
    string FactoryName,
    string CancellationTokenName,
    bool AddsCancellationToken,
    string InstanceName,
    Accessibility FactoryAccessibility,
    ImmutableArray<int> KeptParameters,
    bool NeedsDocumentation);
