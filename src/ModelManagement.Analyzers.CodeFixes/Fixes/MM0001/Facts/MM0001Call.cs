using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// A call of an own method or accessor; <c>InDeferredCode</c>: inside a lambda, anonymous method or local function;
/// <c>InAsyncVoidCode</c>: inside an <c>async</c> lambda or anonymous method that returns nothing (an event handler's
/// <c>async (s, e) =&gt; await ReloadAsync()</c>), where an exception the call throws ends the process.
/// </summary>
internal readonly record struct MM0001Call(IMethodSymbol Target, MM0001Receiver Receiver, bool InDeferredCode, bool InAsyncVoidCode = false);
