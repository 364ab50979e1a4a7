using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A call whose method, as it runs, is a source method that is not <c>async</c> and returns a completed task on every
/// path (<c>return Task.CompletedTask;</c>, <c>=&gt; Task.FromResult(x)</c>), or an <c>async</c> one that awaits nothing:
/// the task-shaped API of synchronous work, so a wait on its task blocks on nothing (DisCatSharp's hosted-service <c>ConfigureAsync</c>, btcpayserver's embedded
/// currency table, Brighter's test mappers). The method that runs must be known: a non-virtual method, a sealed override,
/// or the implementation in the exact type of the receiver (<c>new Mapper().MapAsync(…)</c>, <c>this.M()</c> in a sealed type).
/// </summary>
internal static class CompletedTaskMethods
{
    private const int MaxBaseDepth = 32;

    public static bool ReturnsOnlyCompletedTasks(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = Resolve(invocation);
        if (method is null || method.IsAbstract || method.IsExtern
            || Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration)
        {
            return false;
        }

        if (method.IsAsync)
        {
            // An `async` method that awaits nothing runs to its end before it returns its task (LANCommander's
            // `async Task StopAsync() { _cts.Cancel(); … }`, waited by a constructor): the wait blocks on nothing.
            return RunsWholeAtTheCall(method, cancellationToken);
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            return IsCompletedTask(arrow.Expression);
        }

        if (declaration.Body is not { } body)
        {
            return false;
        }

        var returns = 0;
        foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is YieldStatementSyntax)
            {
                return false;
            }

            if (node is ReturnStatementSyntax returned)
            {
                if (returned.Expression is not { } value || !IsCompletedTask(value))
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }

    /// <summary>
    /// An <c>async</c> method or local function that awaits nothing: its whole body runs at the call, before its (completed)
    /// task is returned — so what blocks in it blocks its caller.
    /// </summary>
    public static bool RunsWholeAtTheCall(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!method.IsAsync || method.OriginalDefinition.DeclaringSyntaxReferences is not { Length: 1 } references)
        {
            return false;
        }

        var body = references[0].GetSyntax(cancellationToken) switch
        {
            MethodDeclarationSyntax declaration => declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody,
            LocalFunctionStatementSyntax local => local.Body ?? (SyntaxNode?)local.ExpressionBody,
            _ => null,
        };
        return body is not null && !Awaits(body);
    }

    /// <summary>
    /// Whether the body awaits (an <c>await</c> expression, <c>await foreach</c>, <c>await using</c>) or yields, outside the
    /// lambdas and local functions it declares.
    /// </summary>
    private static bool Awaits(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case AwaitExpressionSyntax:
                case YieldStatementSyntax:
                case CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The method the call runs, when it can be known; else null.</summary>
    private static IMethodSymbol? Resolve(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod.OriginalDefinition;
        if (!target.IsVirtual && !target.IsAbstract && !target.IsOverride && target.ContainingType?.TypeKind != TypeKind.Interface)
        {
            return target;
        }

        if (target.IsOverride && target.IsSealed)
        {
            return target;
        }

        var exact = invocation.Instance switch
        {
            IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
            IInstanceReferenceOperation { Type: INamedTypeSymbol { IsSealed: true } sealedType } => sealedType,
            { Type: INamedTypeSymbol { IsSealed: true } sealedType } => sealedType,
            _ => null,
        };
        if (exact is null)
        {
            return null;
        }

        if (target.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return exact.FindImplementationForInterfaceMember(invocation.TargetMethod) is IMethodSymbol implementation ? implementation.OriginalDefinition : null;
        }

        var depth = 0;
        for (var type = exact; type is not null && depth < MaxBaseDepth; type = type.BaseType, depth++)
        {
            foreach (var member in type.GetMembers(target.Name))
            {
                if (member is IMethodSymbol candidate && Overrides(candidate, target))
                {
                    return candidate.OriginalDefinition;
                }
            }
        }

        return null;
    }

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol target)
    {
        var depth = 0;
        for (var current = candidate; current is not null && depth < MaxBaseDepth; current = current.OverriddenMethod, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Task.CompletedTask</c>, <c>Task.FromResult(x)</c>, <c>ValueTask.CompletedTask</c>, <c>ValueTask.FromResult(x)</c>.</summary>
    private static bool IsCompletedTask(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        var access = expression switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } completed => completed,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult" } fromResult } => fromResult,
            _ => null,
        };
        return access?.Expression switch
        {
            IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Task" or "ValueTask" } => true,
            _ => false,
        };
    }
}
