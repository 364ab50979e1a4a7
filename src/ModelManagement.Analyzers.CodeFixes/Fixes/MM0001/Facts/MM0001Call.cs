using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A call of an own method or accessor; <c>InDeferredCode</c>: inside a lambda, anonymous method or local function.</summary>
internal readonly record struct MM0001Call(IMethodSymbol Target, MM0001Receiver Receiver, bool InDeferredCode);
