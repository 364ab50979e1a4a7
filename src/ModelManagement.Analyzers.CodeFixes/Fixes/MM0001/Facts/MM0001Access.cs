using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>A reference to an own field, property or event; <c>InDeferredCode</c>: inside a lambda, anonymous method or local function.</summary>
internal readonly record struct MM0001Access(ISymbol Member, MM0001Receiver Receiver, bool InDeferredCode);
