using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Every use of a private method — a call or a method-group reference, its own recursive calls included — found in its
/// type's declarations (the only place one can be) by name and confirmed by symbol. Shared by MM0005's single-caller
/// helpers and MM0003's caller guards.
/// </summary>
internal static class PrivateMethodUses
{
    /// <summary>The uses with the model that binds them; null when one cannot be decided (a file outside the compilation, an ambiguous name).</summary>
    public static List<(SimpleNameSyntax Name, SemanticModel Model)>? Find(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
        => method.DeclaredAccessibility == Accessibility.Private ? FindInDeclaringType(method, compilation, cancellationToken) : null;

    /// <summary>
    /// Every use of a method only this assembly can call — private (found in its type's declarations), or <c>internal</c>/
    /// <c>private protected</c> and neither virtual nor an interface implementation (found in every file of the compilation
    /// that spells its name; a friend assembly's calls through <c>InternalsVisibleTo</c> are not seen: they are tests) —
    /// with the model that binds each; null when they cannot be decided or the method may have callers elsewhere.
    /// With <c>publicToo</c> (the assembly is known to have no callers outside it: a test assembly's xunit fixture type) a
    /// public method's uses are searched like an internal one's.
    /// </summary>
    public static List<(SimpleNameSyntax Name, SemanticModel Model)>? FindInAssembly(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken, bool publicToo = false)
    {
        if (method.DeclaredAccessibility == Accessibility.Private)
        {
            return FindInDeclaringType(method, compilation, cancellationToken);
        }

        if (method is not { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false }
            || !method.ExplicitInterfaceImplementations.IsEmpty
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct })
        {
            return null;
        }

        if (PrivateNestedTypeHolding(method) is { ContainingType: { } outer })
        {
            // A member of a private nested type (a test class's `private sealed class Fixture { public async Task<Client>
            // CreateClientAsync() … }`): only the code of the type around it can call it — unless through an interface.
            return ImplementsAnInterfaceMember(method) ? null : FindInType(outer, method, compilation, cancellationToken);
        }

        if (method.DeclaredAccessibility is not (Accessibility.Internal or Accessibility.ProtectedAndInternal)
            && !(publicToo && method.DeclaredAccessibility == Accessibility.Public))
        {
            return null;
        }

        var words = new WordTextIndex(ImmutableArray.Create(new WordTextIndex.Word(method.Name)).AddRange(WordTextIndex.Escapes));
        var uses = new List<(SimpleNameSyntax, SemanticModel)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (words.Contains(tree, new TextSpan(0, tree.Length), cancellationToken) && !AddUses(tree.GetRoot(cancellationToken), method, compilation, uses, cancellationToken))
            {
                return null;
            }
        }

        return uses;
    }

    /// <summary>
    /// The uses of any ordinary method found in its own type's declarations (for a private method, all of them; for a
    /// protected one, those of the type that declares it); null when they cannot be decided.
    /// </summary>
    public static List<(SimpleNameSyntax Name, SemanticModel Model)>? FindInDeclaringType(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
        => method.ContainingType is { } type ? FindInType(type, method, compilation, cancellationToken) : null;

    /// <summary>
    /// The innermost type around <paramref name="method"/> (its own included) declared <c>private</c> inside another type,
    /// when there is one: the method is then callable only from that other type's code, whatever its own accessibility.
    /// </summary>
    public static INamedTypeSymbol? PrivateNestedTypeHolding(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility == Accessibility.Private && type.ContainingType is not null)
            {
                return type;
            }
        }

        return null;
    }

    private static bool ImplementsAnInterfaceMember(IMethodSymbol method)
    {
        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(SimpleNameSyntax Name, SemanticModel Model)>? FindInType(INamedTypeSymbol type, IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var uses = new List<(SimpleNameSyntax, SemanticModel)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                return null;
            }

            if (!AddUses(declaration, method, compilation, uses, cancellationToken))
            {
                return null;
            }
        }

        return uses;
    }

    /// <summary>Adds the names in <paramref name="scope"/> bound to <paramref name="method"/>; false when one cannot be decided.</summary>
    private static bool AddUses(SyntaxNode scope, IMethodSymbol method, Compilation compilation, List<(SimpleNameSyntax, SemanticModel)> uses, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        foreach (var token in scope.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != method.Name || token.Parent is not SimpleNameSyntax name)
            {
                continue; // the declaration's own name is a token of the method, not a name
            }

            model ??= SemanticModels.For(compilation, scope.SyntaxTree);
            if (model is null)
            {
                return false; // a declaration in another compilation: its uses cannot be decided here
            }

            var info = model.GetSymbolInfo(name, cancellationToken);
            if (info.Symbol is not { } symbol)
            {
                if (info.CandidateSymbols.IsEmpty)
                {
                    continue; // another kind of name spelled the same
                }

                return false; // an ambiguous or failed call may be this one
            }

            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, method.OriginalDefinition))
            {
                uses.Add((name, model));
            }
        }

        return true;
    }
}
