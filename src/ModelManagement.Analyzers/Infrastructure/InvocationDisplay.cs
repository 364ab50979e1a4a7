using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>How diagnostics name an invocation in their message.</summary>
internal static class InvocationDisplay
{
    /// <summary>The invoked expression as written, white space collapsed: <c>_history.LogResultAsync</c>.</summary>
    public static string Name(IInvocationOperation invocation)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax { Expression: { } expression })
        {
            return invocation.TargetMethod.Name;
        }

        var text = invocation.Syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation.Syntax
            ? conditional.Expression + "?" + expression // `_audit?.AuditAsync`, not `.AuditAsync`
            : expression.ToString();
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace && c != '.' && c != '?' && builder[builder.Length - 1] != '.')
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
