using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Reads of ambient state — values that belong to the code running at the moment (its execution context, thread or
/// caller), not to the object: <c>AsyncLocal&lt;T&gt;.Value</c>, <c>ThreadLocal&lt;T&gt;.Value</c>, <c>[ThreadStatic]</c>
/// fields, <c>Activity.Current</c>, <c>CultureInfo.CurrentCulture</c>/<c>CurrentUICulture</c>, <c>Thread.CurrentThread</c>
/// and <c>CurrentPrincipal</c>, <c>ClaimsPrincipal.Current</c>, <c>Transaction.Current</c>,
/// <c>SynchronizationContext.Current</c>, <c>TaskScheduler.Current</c>, <c>ExecutionContext.Capture()</c>,
/// <c>IHttpContextAccessor.HttpContext</c>. Read in a constructor they are the creator's; deferred to the first async use
/// (which <c>AsyncInitializer</c> runs without the caller's execution context), they are someone else's or nobody's — an
/// independent consumer's tenant catalogue loaded "none/…" instead of "acme/…". Found directly in the moved code or in
/// the source members it calls (properties, methods — also of other projects of the solution — two calls deep, within a
/// budget).
/// </summary>
internal static class MM0001AmbientState
{
    private const int MaxDepth = 2;
    private const int NodeBudget = 4000;

    /// <summary>The first node of <paramref name="roots"/> (or of what they call) that reads ambient state, or null.</summary>
    public static SyntaxNode? FirstRead(Solution solution, Compilation compilation, IEnumerable<SyntaxNode> roots, CancellationToken cancellationToken)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var budget = NodeBudget;
        foreach (var root in roots)
        {
            if (Find(solution, compilation, root, depth: 0, visited, ref budget, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The model that binds <paramref name="tree"/>: this project's compilation, or — for a callee in another project of the
    /// solution — that project's, which building this project's compilation has built already; null when it is not at hand.
    /// </summary>
    private static SemanticModel? ModelFor(Solution solution, Compilation compilation, SyntaxTree tree)
    {
        if (compilation.ContainsSyntaxTree(tree))
        {
            return compilation.GetSemanticModel(tree);
        }

        return solution.GetDocument(tree)?.Project is { } project && project.TryGetCompilation(out var other) && other.ContainsSyntaxTree(tree)
            ? other.GetSemanticModel(tree)
            : null;
    }

    private static SimpleNameSyntax? Find(Solution solution, Compilation compilation, SyntaxNode root, int depth, HashSet<ISymbol> visited, ref int budget, CancellationToken cancellationToken)
    {
        if (ModelFor(solution, compilation, root.SyntaxTree) is not { } model)
        {
            return root.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault(); // a body that cannot be searched may read anything
        }

        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (--budget < 0)
            {
                return null;
            }

            if (node is not SimpleNameSyntax name)
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is null)
            {
                continue;
            }

            if (IsAmbient(symbol))
            {
                return name;
            }

            // A source member the moved code calls runs when it runs: `TenantContext.Current => _current.Value`.
            if (depth < MaxDepth && symbol is IMethodSymbol or IPropertySymbol && visited.Add(symbol.OriginalDefinition))
            {
                foreach (var body in Bodies(symbol.OriginalDefinition, cancellationToken))
                {
                    // A member of another project of the solution is bound with that project's compilation (this one's
                    // would throw: the crash a re-verification found); one that cannot be searched counts as a read.
                    if (Find(solution, compilation, body, depth + 1, visited, ref budget, cancellationToken) is not null)
                    {
                        return name; // reported where the moved code reaches it
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<SyntaxNode> Bodies(ISymbol symbol, CancellationToken cancellationToken)
    {
        var method = symbol switch
        {
            IPropertySymbol property => property.GetMethod,
            IMethodSymbol m => m,
            _ => null,
        };

        if (method is null)
        {
            yield break;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow, // `int P => …;`
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };

            if (body is not null)
            {
                yield return body;
            }
        }
    }

    private static bool IsAmbient(ISymbol symbol)
    {
        switch (symbol)
        {
            case IFieldSymbol field:
                foreach (var attribute in field.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ThreadStaticAttribute" } attributeClass && IsIn(attributeClass, "System"))
                    {
                        return true;
                    }
                }

                return false;

            case IPropertySymbol property:
                var type = property.ContainingType;
                if (type is null)
                {
                    return false;
                }

                return property.Name switch
                {
                    "Value" => type.Name is "AsyncLocal" or "ThreadLocal" && type.Arity == 1 && IsIn(type, "System", "Threading"),
                    "Current" => property.IsStatic
                        && ((type.Name == "Activity" && IsIn(type, "System", "Diagnostics"))
                            || (type.Name == "Transaction" && IsIn(type, "System", "Transactions"))
                            || (type.Name == "ClaimsPrincipal" && IsIn(type, "System", "Security", "Claims"))
                            || (type.Name is "SynchronizationContext" && IsIn(type, "System", "Threading"))
                            || (type.Name is "TaskScheduler" && IsIn(type, "System", "Threading", "Tasks"))),
                    "CurrentCulture" or "CurrentUICulture" => type.Name is "CultureInfo" or "Thread" && (IsIn(type, "System", "Globalization") || IsIn(type, "System", "Threading")),
                    "CurrentThread" or "CurrentPrincipal" => type.Name == "Thread" && IsIn(type, "System", "Threading"),
                    "HttpContext" => type.Name == "IHttpContextAccessor" && IsIn(type, "Microsoft", "AspNetCore", "Http"),
                    _ => false,
                };

            case IMethodSymbol { Name: "Capture", ContainingType: { Name: "ExecutionContext" } executionContext }:
                return IsIn(executionContext, "System", "Threading");

            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="type"/> is a top-level type of the namespace <paramref name="names"/> (outermost first).</summary>
    private static bool IsIn(INamedTypeSymbol type, params string[] names)
        => type.ContainingType is null && Namespaces.IsExactly(type.ContainingNamespace, names);
}
