using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Parameters of source methods that accept <c>null</c> without failing on it: the parameter is optional with a
/// <c>null</c> default (its declaration says it may be absent), or every use of it in the body is a null test that guards
/// no <c>throw</c>, or hands it on to a parameter that accepts null in turn (three calls deep at most). ML.NET's
/// <c>Contracts</c> helpers are the case: <c>ctx.CheckValue(value, name)</c> throws when the <i>value</i> is null and passes
/// <c>ctx</c> on to <c>Process(ex, IExceptionContext ectx = null)</c>, so an absent exception context never throws. Any other
/// use — a member access, a <c>foreach</c>, a call on it, an argument of a metadata method or a non-tolerant parameter,
/// <c>?? throw</c>, a test that guards a <c>throw</c> — makes the parameter intolerant. Asked for the <c>this</c> of source
/// extension methods called on an optional dependency (MM0003), cached per parameter.
/// </summary>
internal sealed class NullTolerantParameters
{
    private const int MaxDepth = 3;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public NullTolerantParameters(Compilation compilation) => _compilation = compilation;

    /// <summary>Whether the parameter at <paramref name="ordinal"/> of <paramref name="method"/> (its unreduced definition) accepts null.</summary>
    public bool AcceptsNull(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return ordinal >= 0 && ordinal < definition.Parameters.Length && AcceptsNull(definition.Parameters[ordinal], depth: 0, cancellationToken);
    }

    private bool AcceptsNull(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        if (parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: null } && parameter.RefKind == RefKind.None)
        {
            return true; // `IExceptionContext ectx = null`: the signature says the argument may be absent
        }

        if (depth >= MaxDepth || parameter.RefKind != RefKind.None || parameter.ContainingSymbol is not IMethodSymbol { IsAbstract: false, IsVirtual: false, IsOverride: false } method)
        {
            return false;
        }

        if (_cache.TryGetValue(parameter, out var known))
        {
            return known;
        }

        var result = ReadBody(method, parameter, depth, cancellationToken);
        _cache.TryAdd(parameter, result);
        return result;
    }

    private bool ReadBody(IMethodSymbol method, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration
            || (declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody) is not { } body)
        {
            return false;
        }

        SemanticModel? model = null;
        var name = parameter.Name;
        foreach (var node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
            {
                continue;
            }

            if (Shapes.IsNullTestOf(identifier))
            {
                if (GuardsAThrow(identifier))
                {
                    return false; // `if (ctx == null) throw …;`, `ctx ?? throw …`: null is rejected
                }

                continue;
            }

            // A callee in another project (a project reference in the IDE or dotnet format) is not bound here: like a
            // metadata method, it is not known to accept null.
            model ??= SemanticModels.For(_compilation, declaration.SyntaxTree);
            if (model is null || !HandsOnToATolerantParameter(identifier, parameter, model, depth, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The identifier is an argument (or the receiver of an extension call) whose parameter accepts null.</summary>
    private bool HandsOnToATolerantParameter(IdentifierNameSyntax identifier, IParameterSymbol parameter, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, parameter))
        {
            return true; // another symbol of the same name (a local of a lambda, a member): not this parameter
        }

        SyntaxNode value = identifier;
        while (value.Parent is ParenthesizedExpressionSyntax)
        {
            value = value.Parent;
        }

        IArgumentOperation? argument = value.Parent switch
        {
            ArgumentSyntax syntax => model.GetOperation(syntax, cancellationToken) as IArgumentOperation,
            MemberAccessExpressionSyntax access when access.Expression == value
                && access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments: [var receiver, ..] }
                => receiver,
            _ => null,
        };
        return argument is { Parameter: { } target, ArgumentKind: ArgumentKind.Explicit }
            && (argument.Parent is IInvocationOperation or IObjectCreationOperation)
            && AcceptsNull(target.OriginalDefinition, depth + 1, cancellationToken);
    }

    /// <summary>Whether the null test of <paramref name="identifier"/> decides a <c>throw</c>: in an <c>if</c> whose branches throw, or <c>?? throw</c>.</summary>
    private static bool GuardsAThrow(IdentifierNameSyntax identifier)
    {
        for (SyntaxNode? node = identifier.Parent; node is not null and not StatementSyntax; node = node.Parent)
        {
            if (node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax }
                or ConditionalExpressionSyntax { WhenTrue: ThrowExpressionSyntax } or ConditionalExpressionSyntax { WhenFalse: ThrowExpressionSyntax }
                or AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression, Right: ThrowExpressionSyntax })
            {
                return true;
            }

            if (node.Parent is IfStatementSyntax ifStatement && ifStatement.Condition == node)
            {
                return Throws(ifStatement.Statement) || (ifStatement.Else is { } otherwise && Throws(otherwise.Statement));
            }
        }

        return false;
    }

    private static bool Throws(StatementSyntax statement)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ThrowStatementSyntax or ThrowExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
