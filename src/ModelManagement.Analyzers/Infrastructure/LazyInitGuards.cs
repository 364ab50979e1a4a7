using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Single-flight guards around a check, decided from the syntax around it and bound only at report time (a diagnostic
/// candidate is rare): a <c>try</c> whose <c>finally</c> releases a semaphore, an earlier <c>WaitAsync</c>/<c>Wait</c> on
/// a semaphore in an enclosing block, an async lock taken with <c>using (await …)</c>, a <c>lock</c>, and
/// <c>Interlocked.Exchange</c>/<c>CompareExchange</c> on a checked member anywhere in the function.
/// </summary>
internal static class LazyInitGuards
{
    public static bool IsGuarded(
        SyntaxNode check,
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        SyntaxNode child = check;
        for (var node = check.Parent; node is not null && node != functionBody.Parent; child = node, node = node.Parent)
        {
            switch (node)
            {
                case TryStatementSyntax { Finally: { } @finally } tryStatement when child == tryStatement.Block:
                    if (ReleasesSemaphore(@finally.Block, types, model, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case UsingStatementSyntax @using when child == @using.Statement && ContainsAwait(@using.Expression ?? (SyntaxNode?)@using.Declaration):
                case LockStatementSyntax @lock when child == @lock.Statement:
                    return true;
                case BlockSyntax block:
                    foreach (var statement in block.Statements)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } usingDeclaration
                            && ContainsAwait(usingDeclaration.Declaration))
                        {
                            return true; // `using var handle = await _lock.LockAsync();`
                        }

                        if (statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or IfStatementSyntax
                            && WaitsOnSemaphore(statement, types, model, cancellationToken))
                        {
                            return true;
                        }
                    }

                    break;
            }

            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
        }

        return ExchangesInterlocked(functionBody, testedMembers, testedCount, types, model, cancellationToken);
    }

    private static bool ReleasesSemaphore(SyntaxNode block, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Release" } access }
                && IsLockLike(model.GetTypeInfo(access.Expression, cancellationToken).Type, types))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WaitsOnSemaphore(SyntaxNode statement, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAsync" or "Wait" } access }
                && IsLockLike(model.GetTypeInfo(access.Expression, cancellationToken).Type, types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>SemaphoreSlim</c>, or a type whose name says it is a semaphore or a lock (vs-threading's AsyncSemaphore, Nito's AsyncLock).</summary>
    private static bool IsLockLike(ITypeSymbol? type, LazyInitTypes types)
        => type is not null
            && (types.IsSemaphoreSlim(type)
                || type.Name.IndexOf("Semaphore", System.StringComparison.Ordinal) >= 0
                || type.Name.IndexOf("Lock", System.StringComparison.Ordinal) >= 0);

    private static bool ContainsAwait(SyntaxNode? node)
    {
        if (node is null)
        {
            return false;
        }

        foreach (var descendant in node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant is AwaitExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExchangesInterlocked(
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        foreach (var node in functionBody.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Exchange" or "CompareExchange" } access,
                    ArgumentList.Arguments: { Count: > 0 } arguments,
                }
                || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.RefKeyword)
                || !types.IsInterlocked(model.GetTypeInfo(access.Expression, cancellationToken).Type))
            {
                continue;
            }

            var target = model.GetSymbolInfo(arguments[0].Expression, cancellationToken).Symbol?.OriginalDefinition;
            for (var i = 0; i < testedCount; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(target, testedMembers[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
