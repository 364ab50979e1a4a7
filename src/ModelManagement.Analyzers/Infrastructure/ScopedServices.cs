using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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
        if (_compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is null)
        {
            return ImmutableHashSet<INamedTypeSymbol>.Empty; // no service collection to register anything with: no text is read
        }

        // First the scoped registrations, in the files that write one (most compilations have none: nothing is bound).
        var scopedWords = WordsOf(Registrations);
        var scoped = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (scopedWords.Contains(tree, new TextSpan(0, tree.Length), cancellationToken))
            {
                Collect(tree, Registrations, names: null, scoped, cancellationToken);
            }
        }

        if (scoped.Count == 0)
        {
            return ImmutableHashSet<INamedTypeSymbol>.Empty;
        }

        // Then another lifetime for one of those classes: only calls whose syntax names one of them are bound.
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var type in scoped)
        {
            names.Add(type.Name);
        }

        var other = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var classNames = names.ToImmutable();
        var otherWords = WordsOf(OtherLifetimes);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (otherWords.Contains(tree, new TextSpan(0, tree.Length), cancellationToken))
            {
                Collect(tree, OtherLifetimes, classNames, other, cancellationToken);
            }
        }

        foreach (var type in other)
        {
            scoped.Remove(type);
        }

        return scoped.ToImmutable();
    }

    private void Collect(SyntaxTree tree, string[] methods, ImmutableHashSet<string>? names, ImmutableHashSet<INamedTypeSymbol>.Builder found, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation
                || MethodName(invocation.Expression) is not { } name
                || Array.IndexOf(methods, name) < 0
                || (names is not null && !NamesAny(invocation, names)))
            {
                continue;
            }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel(): the registrations are in other files than the reported member's.
            model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            if (RegisteredClass(invocation, model, cancellationToken) is { } registered)
            {
                found.Add(registered.OriginalDefinition);
            }
        }
    }

    /// <summary>Whether the call's text names one of <paramref name="names"/> (a type argument or a <c>typeof</c>).</summary>
    private static bool NamesAny(InvocationExpressionSyntax invocation, ImmutableHashSet<string> names)
    {
        foreach (var identifier in invocation.DescendantNodes())
        {
            if (identifier is IdentifierNameSyntax or GenericNameSyntax && names.Contains(((SimpleNameSyntax)identifier).Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static WordTextIndex WordsOf(string[] methods)
        => new(ImmutableArray.CreateRange(Array.ConvertAll(methods, static name => new WordTextIndex.Word(name))));

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
