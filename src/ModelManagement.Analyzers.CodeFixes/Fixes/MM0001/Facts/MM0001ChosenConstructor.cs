using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The constructor whose body (or whose instances' initializers) blocks: the sites the rewrite moves (each with its
/// constructor), the constructor (null when the type has only the implicit one), the declaration that holds it, and the
/// other explicit constructors, which all chain to it.
/// </summary>
internal sealed record MM0001ChosenConstructor(
    ImmutableArray<MM0001Site> Sites,
    ConstructorDeclarationSyntax? Constructor,
    MM0001TypePart Part,
    ImmutableArray<(ConstructorDeclarationSyntax Syntax, IMethodSymbol Symbol, MM0001TypePart Part)> Others,
    bool Primary = false)
{
    private const int MaxConstructorChain = 32;

    /// <summary>Chooses the constructor, or refuses the shape (several blocking constructors, constructors that do not chain to it, …).</summary>
    public static (MM0001ChosenConstructor? Choice, MM0001Refusal? Refusal) Choose(
        INamedTypeSymbol type, ImmutableArray<MM0001TypePart> parts, ImmutableArray<MM0001Site> reported, CancellationToken cancellationToken)
    {
        // Static constructors and initializers, constructor initializer arguments: no instance to hang the work on, or
        // code that must run before the base constructor. Those diagnostics stay; the others of the type can be fixed.
        var sites = ImmutableArray.CreateBuilder<MM0001Site>();
        ConstructorDeclarationSyntax? bodyConstructor = null;
        foreach (var site in reported)
        {
            switch (site.Site)
            {
                case MM0001Properties.SiteConstructor:
                    if (site.Node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { } constructor
                        || constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
                        || (constructor.Body is null && constructor.ExpressionBody is null))
                    {
                        return (null, new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo, node: site.Node));
                    }

                    if (bodyConstructor is not null && bodyConstructor != constructor)
                    {
                        return (null, new MM0001Refusal(MM0001RefusalReason.ConstructorShape, node: site.Node));
                    }

                    bodyConstructor = constructor;
                    sites.Add(site with { Constructor = constructor });
                    break;
                case MM0001Properties.SiteFieldInitializer or MM0001Properties.SitePropertyInitializer:
                    sites.Add(site);
                    break;
            }
        }

        if (sites.Count == 0)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo));
        }

        var explicitConstructors = new List<(ConstructorDeclarationSyntax Syntax, IMethodSymbol Symbol, MM0001TypePart Part)>();
        var primary = false;
        foreach (var declared in type.InstanceConstructors)
        {
            if (!declared.IsImplicitlyDeclared && declared.DeclaringSyntaxReferences.Length == 1
                && declared.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is ClassDeclarationSyntax)
            {
                // The primary constructor (C# 12): it has no body, only the initializers run in it, and every other
                // constructor chains to it (the language requires `: this(…)`).
                primary = true;
                continue;
            }

            // A C# 14 partial constructor is its implementing declaration, the one with the body: the defining one
            // (`public partial C(IStore store);`) is no other constructor (the shapes round's PartialHost).
            var constructor = declared.PartialImplementationPart ?? declared;
            foreach (var reference in constructor.IsImplicitlyDeclared ? ImmutableArray<SyntaxReference>.Empty : constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax syntax || MM0001TypePart.Find(parts, syntax) is not { } part)
                {
                    return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
                }

                explicitConstructors.Add((syntax, constructor, part));
            }
        }

        if (bodyConstructor is null)
        {
            // Only initializers block: they run in every constructor that does not chain to this(...); there must be one.
            foreach (var (syntax, _, _) in explicitConstructors)
            {
                if (!ChainsToThis(syntax))
                {
                    if (bodyConstructor is not null)
                    {
                        return (null, new MM0001Refusal(MM0001RefusalReason.ConstructorShape));
                    }

                    bodyConstructor = syntax;
                }
            }

            if (bodyConstructor is null && explicitConstructors.Count > 0 && !primary)
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
            }
        }
        else if (ChainsToThis(bodyConstructor))
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.ConstructorShape));
        }

        // The implicit constructor: the part holding the first blocking initializer gets the written one.
        var constructorPart = bodyConstructor is null ? sites[0].Part : MM0001TypePart.Find(parts, bodyConstructor);
        if (constructorPart is null || (bodyConstructor is not null && bodyConstructor.Body is null && bodyConstructor.ExpressionBody is null))
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
        }

        // Every other constructor must run the chosen one (this(...) chains), or its instances would miss the work.
        var others = ImmutableArray.CreateBuilder<(ConstructorDeclarationSyntax, IMethodSymbol, MM0001TypePart)>();
        foreach (var other in explicitConstructors)
        {
            if (other.Syntax == bodyConstructor)
            {
                continue;
            }

            if (!primary && !ChainsTo(parts, other.Syntax, other.Part, bodyConstructor, cancellationToken))
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.ConstructorShape));
            }

            others.Add(other);
        }

        return (new MM0001ChosenConstructor(sites.ToImmutable(), bodyConstructor, constructorPart, others.ToImmutable(), primary), null);
    }

    private static bool ChainsToThis(ConstructorDeclarationSyntax constructor)
        => constructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword };

    private static bool ChainsTo(ImmutableArray<MM0001TypePart> parts, ConstructorDeclarationSyntax start, MM0001TypePart startPart, ConstructorDeclarationSyntax? target, CancellationToken cancellationToken)
    {
        var current = start;
        var part = startPart;
        for (var step = 0; step < MaxConstructorChain; step++)
        {
            if (current.Initializer is not { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword } initializer
                || part.Model.GetSymbolInfo(initializer, cancellationToken).Symbol is not IMethodSymbol next
                || next.IsImplicitlyDeclared
                || next.DeclaringSyntaxReferences.Length != 1
                || next.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax nextSyntax)
            {
                return false;
            }

            if (nextSyntax == target)
            {
                return true;
            }

            current = nextSyntax;
            part = MM0001TypePart.Find(parts, nextSyntax) ?? part;
        }

        return false;
    }
}
