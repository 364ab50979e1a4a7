using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The cancellation token a guarded side effect lets through: the one passed to the call, else the innermost function's parameter.</summary>
internal static class MM0002CancellationTokens
{
    internal static ExpressionSyntax? FindCallToken(IInvocationOperation? invocation)
    {
        if (invocation is null)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && CancellationTokens.IsCancellationToken(argument.Value.Type)
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
            IPropertyReferenceOperation { Property: { Name: "None", ContainingType: var type } } when CancellationTokens.IsCancellationToken(type) => false,
            IPropertyReferenceOperation property => property.Arguments.IsEmpty
                && (property.Instance is null or IInstanceReferenceOperation || IsPlainReference(property.Instance, depth + 1)),
            _ => false,
        };
    }

    /// <summary>The innermost enclosing function's token parameter that still binds at <paramref name="node"/> (shared rule: <see cref="CancellationTokens.FindInScope"/>).</summary>
    internal static IdentifierNameSyntax? FindScopeToken(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => CancellationTokens.FindInScope(model, node, cancellationToken) is { } parameter
            ? SyntaxFactory.IdentifierName(UniqueNames.Identifier(parameter.Name))
            : null;
}
