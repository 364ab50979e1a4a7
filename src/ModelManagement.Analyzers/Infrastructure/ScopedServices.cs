using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The classes the compilation registers with a dependency-injection container as scoped services only
/// (<c>services.AddScoped&lt;IRequestPermissions, RequestPermissions&gt;()</c>, <c>AddScoped&lt;Session&gt;()</c>,
/// <c>TryAddScoped</c>, <c>AddScoped(typeof(I), typeof(T))</c>) and never with another lifetime (<c>AddSingleton</c>,
/// <c>AddTransient</c>, <c>AddHostedService</c>, their <c>TryAdd</c> and keyed forms): one instance serves one request or
/// scope, whose steps run one after another, like an Entity Framework <c>DbContext</c>'s unit of work. Read once per
/// compilation, on the first question: MM0005 asks only before it reports.
/// </summary>
internal sealed class ScopedServices
{
    private static readonly string[] Registrations = { "AddScoped", "TryAddScoped", "AddKeyedScoped", "TryAddKeyedScoped" };

    private static readonly string[] OtherLifetimes =
    {
        "AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton", "AddTransient", "TryAddTransient",
        "AddKeyedTransient", "TryAddKeyedTransient", "AddHostedService",
    };

    private readonly Compilation _compilation;
    private ImmutableHashSet<INamedTypeSymbol>? _scoped;

    public ScopedServices(Compilation compilation) => _compilation = compilation;

    /// <summary>Whether <paramref name="type"/> (or its generic definition) is registered as a scoped service only.</summary>
    public bool IsScopedOnly(INamedTypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is null || type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        var scoped = Volatile.Read(ref _scoped);
        if (scoped is null)
        {
            scoped = Compute(cancellationToken);
            Interlocked.CompareExchange(ref _scoped, scoped, null);
        }

        return !scoped.IsEmpty && scoped.Contains(type.OriginalDefinition);
    }

    private ImmutableHashSet<INamedTypeSymbol> Compute(CancellationToken cancellationToken)
    {
        var scoped = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var other = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("Scoped", StringComparison.Ordinal) < 0
                && text.IndexOf("Singleton", StringComparison.Ordinal) < 0
                && text.IndexOf("Transient", StringComparison.Ordinal) < 0
                && text.IndexOf("AddHostedService", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || MethodName(invocation.Expression) is not { } name)
                {
                    continue;
                }

                var isScoped = Array.IndexOf(Registrations, name) >= 0;
                if (!isScoped && Array.IndexOf(OtherLifetimes, name) < 0)
                {
                    continue;
                }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel(): the registrations are in other files than the reported member's.
                model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (RegisteredClass(invocation, model, cancellationToken) is { } registered)
                {
                    (isScoped ? scoped : other).Add(registered.OriginalDefinition);
                }
            }
        }

        foreach (var type in other)
        {
            scoped.Remove(type);
        }

        return scoped.ToImmutable();
    }

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The class an <c>IServiceCollection</c> extension registers: its last type argument when that is a class, else its last
    /// <c>typeof(…)</c> argument that names a class; null for a factory-only or interface-only registration.
    /// </summary>
    private static INamedTypeSymbol? RegisteredClass(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsExtensionMethod: true } method
            || (method.ReducedFrom ?? method).Parameters is not [{ Type.Name: "IServiceCollection" }, ..])
        {
            return null;
        }

        if (method.TypeArguments.Length > 0)
        {
            return method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol { TypeKind: TypeKind.Class } implementation ? implementation : null;
        }

        INamedTypeSymbol? last = null;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is TypeOfExpressionSyntax typeOf
                && model.GetTypeInfo(typeOf.Type, cancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Class } named)
            {
                last = named;
            }
        }

        return last;
    }
}
