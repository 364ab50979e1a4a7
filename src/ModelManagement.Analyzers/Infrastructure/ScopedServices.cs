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
/// <c>TryAddScoped</c>, <c>AddScoped(typeof(I), typeof(T))</c>, and the descriptor forms handed to <c>Add</c>,
/// <c>TryAdd</c> or <c>TryAddEnumerable</c>: <c>ServiceDescriptor.Scoped&lt;I, T&gt;()</c>,
/// <c>ServiceDescriptor.Describe(typeof(I), typeof(T), ServiceLifetime.Scoped)</c>,
/// <c>new ServiceDescriptor(typeof(I), typeof(T), ServiceLifetime.Scoped)</c>) and never with another lifetime
/// (<c>AddSingleton</c>, <c>AddTransient</c>, <c>AddHostedService</c>, their <c>TryAdd</c> and keyed forms, and the
/// descriptors' <c>Singleton</c>/<c>Transient</c>), or with Autofac as <c>builder.RegisterType&lt;T&gt;()…InstancePerLifetimeScope()</c>
/// (or <c>InstancePerRequest()</c>, <c>InstancePerMatchingLifetimeScope(…)</c>; a <c>RegisterType</c> chain without one is
/// per dependency or a single instance: another lifetime): one instance serves one request or scope, whose steps run one after
/// another, like an Entity Framework <c>DbContext</c>'s unit of work. Read once per compilation, on the first question:
/// MM0005 asks only before it reports.
/// </summary>
internal sealed class ScopedServices
{
    private static readonly string[] Registrations = { "AddScoped", "TryAddScoped", "AddKeyedScoped", "TryAddKeyedScoped" };

    private static readonly string[] OtherLifetimes =
    {
        "AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton", "AddTransient", "TryAddTransient",
        "AddKeyedTransient", "TryAddKeyedTransient", "AddHostedService",
    };

    // ServiceDescriptor's static factories, by lifetime; Describe and the constructor take a ServiceLifetime argument.
    private static readonly string[] ScopedDescriptors = { "Scoped", "KeyedScoped" };

    private static readonly string[] OtherDescriptors = { "Singleton", "KeyedSingleton", "Transient", "KeyedTransient" };

    private const string DescriptorType = "ServiceDescriptor";

    // Autofac: `builder.RegisterType<T>()…InstancePerLifetimeScope()`; a chain without one of these is per dependency
    // (Autofac's default) or `SingleInstance()`: another lifetime.
    private static readonly string[] AutofacScoped = { "InstancePerLifetimeScope", "InstancePerRequest", "InstancePerMatchingLifetimeScope" };

    private const string AutofacRegistration = "RegisterType";

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
        if (_compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is null
            && _compilation.GetTypeByMetadataName("Autofac.ContainerBuilder") is null)
        {
            return ImmutableHashSet<INamedTypeSymbol>.Empty; // no container to register anything with: no text is read
        }

        // First the scoped registrations, in the files that write one (most compilations have none: nothing is bound).
        var scopedWords = WordsOf(Registrations, DescriptorType, AutofacScoped);
        var scoped = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (scopedWords.Contains(tree, new TextSpan(0, tree.Length), cancellationToken))
            {
                Collect(tree, scopedLifetime: true, names: null, scoped, cancellationToken);
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
        var otherWords = WordsOf(OtherLifetimes, DescriptorType, AutofacRegistration);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (otherWords.Contains(tree, new TextSpan(0, tree.Length), cancellationToken))
            {
                Collect(tree, scopedLifetime: false, classNames, other, cancellationToken);
            }
        }

        foreach (var type in other)
        {
            scoped.Remove(type);
        }

        return scoped.ToImmutable();
    }

    private void Collect(SyntaxTree tree, bool scopedLifetime, ImmutableHashSet<string>? names, ImmutableHashSet<INamedTypeSymbol>.Builder found, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax)
                || LifetimeIsScoped(node) != scopedLifetime
                || (names is not null && !NamesAny(node, names)))
            {
                continue;
            }

            model ??= SemanticModels.For(_compilation, tree);
            if (model is null)
            {
                return;
            }

            if (RegisteredClass(node, model, cancellationToken) is { } registered)
            {
                found.Add(registered.OriginalDefinition);
            }
        }
    }

    /// <summary>
    /// The lifetime a registration call or descriptor spells, read from its syntax: true for scoped, false for another
    /// lifetime, null when the node registers nothing by its name (the symbol is checked after, on the candidates only).
    /// </summary>
    private static bool? LifetimeIsScoped(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when MethodName(invocation.Expression) is { } name:
                if (Array.IndexOf(Registrations, name) >= 0)
                {
                    return true;
                }

                if (Array.IndexOf(OtherLifetimes, name) >= 0)
                {
                    return false;
                }

                if (Array.IndexOf(AutofacScoped, name) >= 0)
                {
                    return true;
                }

                if (name == AutofacRegistration)
                {
                    return ChainCallsAnyOf(invocation, AutofacScoped) ? null : false; // scoped: counted at its Instance… call
                }

                if (invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && NamesDescriptorType(receiver))
                {
                    return Array.IndexOf(ScopedDescriptors, name) >= 0 ? true
                        : Array.IndexOf(OtherDescriptors, name) >= 0 ? false
                        : name == "Describe" ? LifetimeArgument(invocation.ArgumentList)
                        : null;
                }

                return null;
            case ObjectCreationExpressionSyntax creation when NamesDescriptorType(creation.Type):
                return LifetimeArgument(creation.ArgumentList);
            default:
                return null;
        }
    }

    /// <summary>Whether a call chained onto <paramref name="invocation"/> (<c>X().A().B()</c>) is named one of <paramref name="names"/>.</summary>
    private static bool ChainCallsAnyOf(InvocationExpressionSyntax invocation, string[] names)
    {
        for (SyntaxNode node = invocation; node.Parent is MemberAccessExpressionSyntax access && access.Expression == node && access.Parent is InvocationExpressionSyntax next; node = next)
        {
            if (Array.IndexOf(names, access.Name.Identifier.ValueText) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>RegisterType…(…)</c> call at the start of the chain <paramref name="invocation"/> ends, or null.</summary>
    private static InvocationExpressionSyntax? AutofacRegistrationOf(InvocationExpressionSyntax invocation)
    {
        for (var current = invocation; current.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner }; current = inner)
        {
            if (MethodName(inner.Expression) == AutofacRegistration)
            {
                return inner;
            }
        }

        return null;
    }

    private static bool NamesDescriptorType(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == DescriptorType,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == DescriptorType,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == DescriptorType,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == DescriptorType,
        _ => false,
    };

    /// <summary>A <c>ServiceLifetime.Scoped</c> (true) or <c>.Singleton</c>/<c>.Transient</c> (false) argument; null without one.</summary>
    private static bool? LifetimeArgument(ArgumentListSyntax? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is MemberAccessExpressionSyntax { Expression: var lifetimeType, Name.Identifier.ValueText: var member }
                && lifetimeType is IdentifierNameSyntax { Identifier.ValueText: "ServiceLifetime" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ServiceLifetime" } or QualifiedNameSyntax { Right.Identifier.ValueText: "ServiceLifetime" })
            {
                return member switch
                {
                    "Scoped" => true,
                    "Singleton" or "Transient" => false,
                    _ => null,
                };
            }
        }

        return null;
    }

    /// <summary>Whether the call's text names one of <paramref name="names"/> (a type argument or a <c>typeof</c>).</summary>
    private static bool NamesAny(SyntaxNode invocation, ImmutableHashSet<string> names)
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

    private static WordTextIndex WordsOf(string[] methods, string descriptorType, params string[] autofac)
        => new(ImmutableArray.CreateRange(Array.ConvertAll(methods, static name => new WordTextIndex.Word(name)))
            .Add(new WordTextIndex.Word(descriptorType))
            .AddRange(Array.ConvertAll(autofac, static name => new WordTextIndex.Word(name))));

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The class a registration registers: an <c>IServiceCollection</c> extension, or a <c>ServiceDescriptor</c> factory or
    /// constructor of <c>Microsoft.Extensions.DependencyInjection</c>. Its last type argument when that is a class, else its
    /// last <c>typeof(…)</c> argument that names a class; null for a factory-only or interface-only registration.
    /// </summary>
    private static INamedTypeSymbol? RegisteredClass(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is InvocationExpressionSyntax chained && Array.IndexOf(AutofacScoped, MethodName(chained.Expression)) >= 0)
        {
            node = AutofacRegistrationOf(chained) is { } registration ? registration : node;
        }

        return model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol method
            && ((method is { Name: AutofacRegistration } && Namespaces.RootName(method.ContainingNamespace) == "Autofac")
                || (method is { IsExtensionMethod: true } && (method.ReducedFrom ?? method).Parameters is [{ Type.Name: "IServiceCollection" }, ..])
                || (method.ContainingType is { Name: DescriptorType } descriptor && Namespaces.IsExactly(descriptor.ContainingNamespace, "Microsoft", "Extensions", "DependencyInjection")))
            ? LastClassArgument(method, node, model, cancellationToken)
            : null;
    }

    private static INamedTypeSymbol? LastClassArgument(IMethodSymbol method, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.TypeArguments.Length > 0)
        {
            return method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol { TypeKind: TypeKind.Class } implementation ? implementation : null;
        }

        var arguments = node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            ObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        INamedTypeSymbol? last = null;
        foreach (var argument in arguments?.Arguments ?? default)
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
