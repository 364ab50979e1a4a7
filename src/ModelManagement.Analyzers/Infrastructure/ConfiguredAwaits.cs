using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Extension methods that only configure how their receiver is awaited, like <c>ConfigureAwait(false)</c> does: Foundatio's
/// <c>task.AnyContext()</c> and its kind (<c>static ConfiguredTaskAwaitable&lt;T&gt; AnyContext&lt;T&gt;(this Task&lt;T&gt; task)</c>).
/// What is awaited is the receiver's work; the rules look through such a call as through <c>ConfigureAwait</c>.
/// </summary>
internal static class ConfiguredAwaits
{
    /// <summary>An extension method whose only parameter is its receiver and whose result is a configured awaitable.</summary>
    public static bool IsConfigureLikeExtension(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod)
        {
            return false;
        }

        var declared = method.ReducedFrom ?? method;
        return declared.Parameters.Length == 1 && IsConfiguredAwaitable(method.ReturnType);
    }

    /// <summary>The receiver of such a call (<c>task</c> in <c>task.AnyContext()</c>), or null for any other operation.</summary>
    public static IOperation? ConfiguredOperand(IOperation operation)
        => operation is IInvocationOperation invocation && IsConfigureLikeExtension(invocation.TargetMethod)
            ? invocation.Instance ?? (invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null)
            : null;

    private static bool IsConfiguredAwaitable(ITypeSymbol type)
        => type.Name is "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable"
            && Namespaces.IsExactly(type.ContainingNamespace, "System", "Runtime", "CompilerServices");
}
