using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// One top-level statement of the constructor (or its expression body): what it does with the type's state, whether a
/// reported wait is in it, and its data flow (the variables it declares, reads and writes).
/// </summary>
internal sealed record MM0001CodeUnit(SyntaxNode Node, int Index, MM0001MemberFacts Facts, bool HasSite, DataFlowAnalysis Flow);
