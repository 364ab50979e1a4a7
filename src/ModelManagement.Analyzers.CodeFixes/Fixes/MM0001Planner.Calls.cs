using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Interprocedural sites (Form=Call): the constructor calls an own method that blocks further down. The honest rewrite
/// makes every method on the blocking path async, which is only safe when each is private, non-virtual and called from
/// nowhere but the moved code and the other converted methods.
/// </summary>
internal sealed partial class MM0001Planner
{
    private const int MaxConvertedMethods = 32;

    private string? PlanConvertedMethods(List<BlockingSite> calls, ImmutableArray<MM0001AwaitConversion>.Builder conversions)
    {
        CollectUsedNames();
        var summaries = new BlockingCallSummaries(_compilation, _types.Blocking);
        var pending = new Queue<IMethodSymbol>();
        var converted = new Dictionary<IMethodSymbol, MethodDeclarationSyntax>(SymbolEqualityComparer.Default);
        var allowedCalls = new HashSet<SyntaxNode>();
        var callSites = new List<(IInvocationOperation Invocation, IMethodSymbol Target)>();

        foreach (var site in calls)
        {
            if (site.Operation is not IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } target } invocation
                || !MM0001MemberFacts.IsOwn(target, _type))
            {
                return "the constructor reaches the blocking code through a property or local function";
            }

            var normalized = MM0001MemberFacts.Normalize(target);
            callSites.Add((invocation, normalized));
            allowedCalls.Add(invocation.Syntax);
            pending.Enqueue(normalized);
        }

        while (pending.Count > 0)
        {
            var method = pending.Dequeue();
            if (converted.ContainsKey(method))
            {
                continue;
            }

            if (converted.Count >= MaxConvertedMethods)
            {
                return "too many methods on the blocking path";
            }

            var rejection = CheckConvertible(method, out var declaration, out var model);
            if (rejection is not null)
            {
                return rejection;
            }

            converted.Add(method, declaration!);
            var body = model!.GetOperation(declaration!, _cancellationToken);
            var stack = new Stack<IOperation>();
            if (body is not null)
            {
                stack.Push(body);
            }

            while (stack.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation)
                {
                    continue; // runs later, or not at all: not on the blocking path
                }

                var form = BlockingWaitForms.Classify(operation, _types.Blocking);
                if (form is not null)
                {
                    var conversion = MM0001AwaitConversion.TryCreate(operation, form, _types);
                    if (conversion is null)
                    {
                        return "'" + operation.Syntax + "' in '" + method.Name + "' has no await equivalent";
                    }

                    conversions.Add(conversion);
                }
                else if (BlockingCallSummaries.GetOwnCallee(operation, _type, out _, out _) is { } callee
                    && summaries.Get(callee, model, _cancellationToken).Blocks)
                {
                    if (operation is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.Ordinary } nested)
                    {
                        return "'" + method.Name + "' reaches the blocking code through a property or local function";
                    }

                    var nestedTarget = MM0001MemberFacts.Normalize(nested.TargetMethod);
                    callSites.Add((nested, nestedTarget));
                    allowedCalls.Add(nested.Syntax);
                    pending.Enqueue(nestedTarget);
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        // Each converted method must be referenced only by the calls being awaited.
        foreach (var part in _parts)
        {
            foreach (var node in part.Declaration.DescendantNodes())
            {
                if (node is not SimpleNameSyntax name
                    || part.Model.GetSymbolInfo(name, _cancellationToken).Symbol is not IMethodSymbol referenced
                    || !converted.ContainsKey(MM0001MemberFacts.Normalize(referenced)))
                {
                    continue;
                }

                var invocation = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent;
                if (invocation is not InvocationExpressionSyntax || !allowedCalls.Contains(invocation))
                {
                    return "'" + referenced.Name + "' is also used elsewhere";
                }
            }
        }

        var names = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        var methods = ImmutableArray.CreateBuilder<MM0001ConvertedMethod>();
        foreach (var pair in converted)
        {
            var name = pair.Key.Name.EndsWith("Async", System.StringComparison.Ordinal) ? pair.Key.Name : UniqueName(pair.Key.Name + "Async");
            names.Add(pair.Key, name);
            var part = FindPart(pair.Value)!;
            methods.Add(new MM0001ConvertedMethod(part.Document.Id, pair.Value, name));
        }

        foreach (var (invocation, target) in callSites)
        {
            var conversion = MM0001AwaitConversion.ForCall(invocation, names[target]);
            if (conversion is null)
            {
                return "the call of '" + target.Name + "' cannot be awaited";
            }

            conversions.Add(conversion);
        }

        _convertedMethods = methods.ToImmutable();
        return null;
    }

    private string? CheckConvertible(IMethodSymbol method, out MethodDeclarationSyntax? declaration, out SemanticModel? model)
    {
        declaration = null;
        model = null;
        if (method.DeclaredAccessibility != Accessibility.Private
            || method.IsVirtual || method.IsOverride || method.IsAbstract || method.IsExtern || method.IsAsync
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || method.ExplicitInterfaceImplementations.Length > 0
            || method.ReturnsByRef || method.ReturnsByRefReadonly
            || method.ReturnType.IsRefLikeType
            || IsAwaitable(method.ReturnType))
        {
            return "'" + method.Name + "' is not a private, non-virtual, synchronous method the fix can make async";
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                return "'" + method.Name + "' has a ref, out, in or ref struct parameter";
            }
        }

        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax syntax
            || (syntax.Body is null && syntax.ExpressionBody is null)
            || FindPart(syntax) is not { } part)
        {
            return "'" + method.Name + "' has no body in the type";
        }

        foreach (var node in syntax.DescendantNodes())
        {
            if (node is YieldStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax or RefTypeSyntax or StackAllocArrayCreationExpressionSyntax)
            {
                return "'" + method.Name + "' cannot become async (iterator, unsafe or by-reference code)";
            }
        }

        if (syntax.ContainsDirectives)
        {
            return "'" + method.Name + "' contains preprocessor directives";
        }

        declaration = syntax;
        model = part.Model;
        return null;
    }

    private bool IsAwaitable(ITypeSymbol type)
        => type is INamedTypeSymbol named && _types.Blocking.IsTaskLike(named);

    /// <summary>Member names and identifiers in use (for unique new names); collected once.</summary>
    private void CollectUsedNames()
    {
        if (_takenNames.IsEmpty)
        {
            _takenNames = CodeFixes.Infrastructure.UniqueNames.TakenByMembersOf(_type, _cancellationToken);
        }
    }
}
