using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Finding a <see cref="System.Threading.CancellationToken"/> a fix can pass on. One rule for every fix: only a parameter
/// taken <em>by value</em> counts — an <c>out</c> token is unassigned on entry, and a <c>ref</c>/<c>in</c> one can be
/// captured by no lambda and declared by no async method, which is where fixes pass tokens.
/// </summary>
internal static class CancellationTokens
{
    /// <summary>True for <c>System.Threading.CancellationToken</c> (no compilation needed: matched by name and namespace).</summary>
    public static bool IsCancellationToken(ITypeSymbol? type)
        => type is INamedTypeSymbol
        {
            Name: "CancellationToken",
            ContainingType: null,
            ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
        };

    /// <summary>The first cancellation-token parameter of <paramref name="method"/> taken by value, or null.</summary>
    public static IParameterSymbol? FindParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.None && IsCancellationToken(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// The token parameter code at <paramref name="node"/> can use: of the innermost enclosing lambda, local function or
    /// member that has one, not looking past a static lambda or local function (it cannot see outer parameters), and only
    /// when its name still binds to it at <paramref name="node"/> (an inner parameter or local may shadow it).
    /// </summary>
    public static IParameterSymbol? FindInScope(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            IMethodSymbol? function;
            bool last;
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    function = model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
                    last = lambda.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    function = model.GetDeclaredSymbol(localFunction, cancellationToken) as IMethodSymbol;
                    last = localFunction.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    function = model.GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol;
                    last = true;
                    break;
                case MemberDeclarationSyntax:
                    return null;
                default:
                    continue;
            }

            if (function is not null && FindParameter(function) is { } parameter)
            {
                return BindsTo(model, node.SpanStart, parameter) ? parameter : null;
            }

            if (last)
            {
                return null;
            }
        }

        return null;
    }

    private static bool BindsTo(SemanticModel model, int position, IParameterSymbol parameter)
    {
        var visible = model.LookupSymbols(position, name: parameter.Name);
        return visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], parameter);
    }
}
