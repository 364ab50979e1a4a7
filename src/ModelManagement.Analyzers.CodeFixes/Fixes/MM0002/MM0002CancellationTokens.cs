using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The cancellation token a guarded side effect lets through: the one passed to the call, else the innermost function's parameter.</summary>
internal static class MM0002CancellationTokens
{
    private const int MaxAncestorDepth = 64;

    internal static ExpressionSyntax? FindCallToken(IInvocationOperation? invocation)
    {
        if (invocation is null)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && IsCancellationToken(argument.Value.Type)
                && IsPlainReference(argument.Value, 0)
                && argument.Value.Syntax is ExpressionSyntax syntax)
            {
                return syntax;
            }
        }

        return null;
    }

    private static bool IsPlainReference(IOperation operation, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        return operation switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation => true,
            IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation || IsPlainReference(field.Instance, depth + 1),
            IPropertyReferenceOperation { Property: { Name: "None", ContainingType: var type } } when IsCancellationToken(type) => false,
            IPropertyReferenceOperation property => property.Arguments.IsEmpty
                && (property.Instance is null or IInstanceReferenceOperation || IsPlainReference(property.Instance, depth + 1)),
            _ => false,
        };
    }

    internal static IdentifierNameSyntax? FindScopeToken(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var depth = 0;
        foreach (var ancestor in node.Ancestors())
        {
            if (++depth > MaxAncestorDepth)
            {
                break;
            }

            IMethodSymbol? function = null;
            var isStatic = false;
            var isMember = false;
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    function = model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
                    isStatic = lambda.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    function = model.GetDeclaredSymbol(localFunction, cancellationToken) as IMethodSymbol;
                    isStatic = localFunction.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    function = model.GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol;
                    isMember = true;
                    break;
                case MemberDeclarationSyntax:
                    return null;
            }

            if (function is not null)
            {
                foreach (var parameter in function.Parameters)
                {
                    if (IsCancellationToken(parameter.Type) && parameter.RefKind is RefKind.None or RefKind.In)
                    {
                        return SyntaxFactory.IdentifierName(EscapedIdentifier(parameter.Name));
                    }
                }
            }

            if (isStatic || isMember)
            {
                return null; // a static function cannot see the outer function's parameters
            }
        }

        return null;
    }

    private static SyntaxToken EscapedIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? SyntaxFactory.VerbatimIdentifier(default, "@" + name, name, default)
            : SyntaxFactory.Identifier(name);

    private static bool IsCancellationToken(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
