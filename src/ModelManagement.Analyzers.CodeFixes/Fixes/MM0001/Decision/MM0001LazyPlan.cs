using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The lazy rewrite of a type: the constructor statements that move (or its expression body), where the initializer is
/// created, the constructor variables the initialization takes, the async members that await it first, the state members
/// that change, and the names written. <c>DirectMethodName</c>: the existing own init method the initializer runs directly
/// (no new initialization method), or null. <c>ConstructorAccessibility</c> and <c>NeedsDocumentation</c> describe the
/// constructor the fix writes when the type had only the implicit one.
/// </summary>
internal sealed record MM0001LazyPlan(
    string? DirectMethodName,
    ImmutableArray<StatementSyntax> MovedStatements,
    bool MovesExpressionBody,
    int InsertIndex,
    ImmutableArray<MM0001CapturedVariable> Parameters,
    ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> EnsureTargets,
    ImmutableArray<MM0001StateMember> StateMembers,
    string InitializerFieldName,
    string ConstructorAccessibility,
    bool NeedsDocumentation,
    string? InitializerAccessorName = null);
