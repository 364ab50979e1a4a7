using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Interprocedural sites (Form=Call): the constructor calls an own method that blocks further down. The honest rewrite
/// makes every method on the blocking path async, which is only safe when each is private, non-virtual and called from
/// nowhere but the moved code and the other converted methods.
/// </summary>
internal static class MM0001BlockingPath
{
    private const int MaxConvertedMethods = 32;

    /// <summary>
    /// The methods on the blocking path below <paramref name="calls"/> (named uniquely against <paramref name="taken"/>), with
    /// the await conversions of their waits and of the calls into them added to <paramref name="conversions"/>; or why not.
    /// </summary>
    public static (ImmutableArray<MM0001ConvertedMethod> Methods, ImmutableHashSet<string> Taken, MM0001Refusal? Refusal) Plan(
        INamedTypeSymbol type,
        MM0001FixTypes types,
        ImmutableArray<MM0001TypePart> parts,
        List<MM0001Site> calls,
        ImmutableHashSet<string> taken,
        ImmutableArray<MM0001AwaitConversion>.Builder conversions,
        CancellationToken cancellationToken)
    {
        var summaries = new BlockingCallSummaries(types.Compilation, types.Blocking);
        string? wrappingForm = null; // a wait on the path that throws AggregateException: it leaves every call above it so
        var pending = new Queue<IMethodSymbol>();
        var converted = new Dictionary<IMethodSymbol, MethodDeclarationSyntax>(SymbolEqualityComparer.Default);
        var allowedCalls = new HashSet<SyntaxNode>();
        var callSites = new List<(IInvocationOperation Invocation, IMethodSymbol Target)>();

        foreach (var site in calls)
        {
            if (site.Operation is not IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } target } invocation
                || !MM0001MemberFacts.IsOwn(target, type))
            {
                return (default, taken, new MM0001Refusal(MM0001RefusalReason.OwnMethodCannotBecomeAsync));
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
                return (default, taken, new MM0001Refusal(MM0001RefusalReason.OwnMethodCannotBecomeAsync));
            }

            var rejection = CheckConvertible(method, parts, types, out var declaration, out var model, cancellationToken);
            if (rejection is not null)
            {
                return (default, taken, rejection);
            }

            converted.Add(method, declaration!);
            var body = model!.GetOperation(declaration!, cancellationToken);
            var stack = new Stack<IOperation>();
            if (body is not null)
            {
                stack.Push(body);
            }

            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation)
                {
                    continue; // runs later, or not at all: not on the blocking path
                }

                var form = BlockingWaitForms.Classify(operation, types.Blocking, earlierWaitsFinish: false); // `a.Result` after `Task.WaitAll(a, b)` is awaited too
                if (form is not null)
                {
                    wrappingForm ??= MM0001AwaitConversion.WrapsExceptions(form) ? form : null;
                    if (MM0001AwaitConversion.WrappedExceptionHandling(operation.Syntax, form) is var handling and not MM0001RefusalReason.None)
                    {
                        return (default, taken, new MM0001Refusal(handling, node: operation.Syntax));
                    }

                    var conversion = MM0001AwaitConversion.TryCreate(operation, form, types);
                    if (conversion is null)
                    {
                        return (default, taken, new MM0001Refusal(MM0001RefusalReason.NoAwaitEquivalent, node: operation.Syntax));
                    }

                    conversions.Add(conversion);
                }
                else if (BlockingCallSummaries.GetOwnCallee(operation, type, out _, out _) is { } callee
                    && summaries.Get(callee, model, cancellationToken).Blocks)
                {
                    if (operation is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.Ordinary } nested)
                    {
                        return (default, taken, new MM0001Refusal(MM0001RefusalReason.OwnMethodCannotBecomeAsync));
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

        // `try { Reload(); } catch (IOException) { … }`: the AggregateException of a `.Result` inside Reload left the call
        // wrapped; awaited, the handler around the call would see (or stop seeing) the inner exception.
        if (wrappingForm is not null)
        {
            foreach (var (invocation, _) in callSites)
            {
                if (MM0001AwaitConversion.WrappedExceptionHandling(invocation.Syntax, wrappingForm) is var handling and not MM0001RefusalReason.None)
                {
                    return (default, taken, new MM0001Refusal(handling, node: invocation.Syntax));
                }
            }
        }

        // Each converted method must be referenced only by the calls being awaited.
        foreach (var part in parts)
        {
            foreach (var node in part.Declaration.DescendantNodes())
            {
                if (node is not SimpleNameSyntax name
                    || part.Model.GetSymbolInfo(name, cancellationToken).Symbol is not IMethodSymbol referenced
                    || !converted.ContainsKey(MM0001MemberFacts.Normalize(referenced)))
                {
                    continue;
                }

                var invocation = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent;
                if (invocation is not InvocationExpressionSyntax || !allowedCalls.Contains(invocation))
                {
                    return (default, taken, new MM0001Refusal(MM0001RefusalReason.OwnMethodUsedElsewhere, referenced));
                }
            }
        }

        var names = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        var methods = ImmutableArray.CreateBuilder<MM0001ConvertedMethod>();
        foreach (var pair in converted)
        {
            var name = pair.Key.Name;
            if (!name.EndsWith("Async", System.StringComparison.Ordinal))
            {
                name = UniqueNames.ChooseAsync(name + "Async", taken);
                taken = taken.Add(name);
            }

            names.Add(pair.Key, name);
            var part = MM0001TypePart.Find(parts, pair.Value)!;
            methods.Add(new MM0001ConvertedMethod(part.Document.Id, pair.Value, name));
        }

        foreach (var (invocation, target) in callSites)
        {
            var conversion = MM0001AwaitConversion.ForCall(invocation, names[target]);
            if (conversion is null)
            {
                return (default, taken, new MM0001Refusal(MM0001RefusalReason.NoAwaitEquivalent, target));
            }

            conversions.Add(conversion);
        }

        return (methods.ToImmutable(), taken, null);
    }

    private static MM0001Refusal? CheckConvertible(
        IMethodSymbol method, ImmutableArray<MM0001TypePart> parts, MM0001FixTypes types, out MethodDeclarationSyntax? declaration, out SemanticModel? model, CancellationToken cancellationToken)
    {
        declaration = null;
        model = null;
        if (method.DeclaredAccessibility != Accessibility.Private
            || method.IsVirtual || method.IsOverride || method.IsAbstract || method.IsExtern || method.IsAsync
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || method.ExplicitInterfaceImplementations.Length > 0
            || method.ReturnsByRef || method.ReturnsByRefReadonly
            || method.ReturnType.IsRefLikeType
            || (method.ReturnType is INamedTypeSymbol named && types.Blocking.IsTaskLike(named))
            || method.Parameters.Any(static parameter => parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax
            || (syntax.Body is null && syntax.ExpressionBody is null)
            || MM0001TypePart.Find(parts, syntax) is not { } part
            || syntax.ContainsDirectives
            || syntax.DescendantNodes().Any(static node => node is YieldStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax or RefTypeSyntax or StackAllocArrayCreationExpressionSyntax))
        {
            return new MM0001Refusal(MM0001RefusalReason.OwnMethodCannotBecomeAsync, method);
        }

        declaration = syntax;
        model = part.Model;
        return null;
    }
}
