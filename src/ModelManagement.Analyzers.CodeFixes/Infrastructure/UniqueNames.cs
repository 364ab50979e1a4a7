using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Names for what a fix adds (members, locals, catch variables) that clash with nothing: <c>name</c>, else <c>name1</c>,
/// <c>name2</c>, …. Callers collect the taken names once and add each name they choose (the sets are immutable).
/// </summary>
internal static class UniqueNames
{
    /// <summary><paramref name="baseName"/>, or the first of <c>baseName1</c>, <c>baseName2</c>, … not in <paramref name="taken"/>.</summary>
    public static string Choose(string baseName, ImmutableHashSet<string> taken)
    {
        var name = baseName;
        for (var i = 1; taken.Contains(name); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// A method name that keeps its <c>Async</c> suffix: <paramref name="baseName"/>, or the first of <c>Name1Async</c>,
    /// <c>Name2Async</c>, … not in <paramref name="taken"/> (<c>InitializeAsync1</c> broke VSTHRD200's "Async" suffix rule,
    /// consume9 F3). A name without the suffix is numbered as <see cref="Choose"/> does.
    /// </summary>
    public static string ChooseAsync(string baseName, ImmutableHashSet<string> taken)
    {
        const string Suffix = "Async";
        if (!baseName.EndsWith(Suffix, StringComparison.Ordinal) || baseName.Length == Suffix.Length)
        {
            return Choose(baseName, taken);
        }

        var stem = baseName.Substring(0, baseName.Length - Suffix.Length);
        var name = baseName;
        for (var i = 1; taken.Contains(name); i++)
        {
            name = stem + i.ToString(CultureInfo.InvariantCulture) + Suffix;
        }

        return name;
    }

    /// <summary>
    /// Names a new member of <paramref name="type"/> must avoid: the type's and its base types' members (a clash would be
    /// an error or hide an inherited member), the type's own name and type parameters, and every identifier written in its
    /// declarations (a local or parameter of that name would shadow the new member where the fix uses it) — except names
    /// after a dot (<c>_store.LoadTemplateAsync</c>), which are members of another type and clash with nothing here.
    /// </summary>
    public static ImmutableHashSet<string> TakenByMembersOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var taken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        taken.Add(type.Name);
        foreach (var parameter in type.TypeParameters)
        {
            taken.Add(parameter.Name);
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                taken.Add(member.Name);
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && !IsNameAfterDot(token))
                {
                    taken.Add(token.ValueText);
                }
            }
        }

        return taken.ToImmutable();
    }

    private static bool IsNameAfterDot(SyntaxToken token)
        => token.Parent is SimpleNameSyntax name
            && name.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Name == name,
                MemberBindingExpressionSyntax binding => binding.Name == name,
                QualifiedNameSyntax qualified => qualified.Right == name,
                _ => false,
            };

    /// <summary>
    /// Names a new local declared at <paramref name="node"/> (a statement) must avoid: the locals, parameters, range
    /// variables, local functions and method type parameters of the scopes enclosing it (CS0136, CS0412 — also those
    /// declared further down), every name declared anywhere inside the new local's scope (the block, switch or top-level
    /// code around <paramref name="node"/>: a nested declaration of the same name is CS0136), and every simple name used
    /// in that scope (it would bind to the new local). Names declared in sibling scopes and members the scope does not use
    /// do not count.
    /// </summary>
    public static ImmutableHashSet<string> TakenAt(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var taken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        AddEnclosingDeclarations(model, node, taken);
        AddDeclaredAndUsed(ScopeOfLocalAt(node), taken, cancellationToken);
        return taken.ToImmutable();
    }

    /// <summary>
    /// Names a variable of a new scope placed around <paramref name="node"/> must avoid — the catch variable of a try
    /// statement around it, the parameter of a lambda around it: the locals, parameters, range variables, local functions
    /// and method type parameters of the scopes enclosing <paramref name="node"/> (CS0136, CS0412 — also those declared
    /// further down), and the simple names in <paramref name="usedInside"/>, the code the new scope holds next to the
    /// variable (they must keep binding to what they bind to now). Names declared in sibling scopes (another catch,
    /// another lambda, a later block) and members <paramref name="usedInside"/> does not use do not count.
    /// </summary>
    public static ImmutableHashSet<string> TakenAround(SemanticModel model, SyntaxNode node, IEnumerable<SyntaxNode> usedInside, CancellationToken cancellationToken)
    {
        var taken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        AddEnclosingDeclarations(model, node, taken);
        foreach (var used in usedInside)
        {
            AddDeclaredAndUsed(used, taken, cancellationToken);
        }

        return taken.ToImmutable();
    }

    /// <summary>An identifier token for <paramref name="name"/>, written <c>@name</c> when it is a keyword (or <c>await</c>).</summary>
    public static SyntaxToken Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? SyntaxFactory.Identifier(default, SyntaxKind.IdentifierToken, "@" + name, name, default)
            : SyntaxFactory.Identifier(name);

    /// <summary>
    /// The names a declaration at <paramref name="node"/> would clash with in the enclosing scopes (a member only hides).
    /// From C# 8 a lambda or local function may reuse the names of the function around it, so only the innermost
    /// function's own names count (and method type parameters, always).
    /// </summary>
    private static void AddEnclosingDeclarations(SemanticModel model, SyntaxNode node, ImmutableHashSet<string>.Builder taken)
    {
        var position = node.SpanStart;
        var function = LanguageVersionHelpers.SupportsShadowingInNestedFunctions(node.SyntaxTree) ? model.GetEnclosingSymbol(position) : null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var clashes = symbol switch
            {
                ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction }
                    => function is null || SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function),
                ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => true,
                _ => false,
            };
            if (clashes)
            {
                taken.Add(symbol.Name);
            }
        }
    }

    /// <summary>The scope of a local declared at <paramref name="node"/>: its block, switch or top-level code; else its member.</summary>
    private static SyntaxNode ScopeOfLocalAt(SyntaxNode node)
    {
        SyntaxNode scope = node;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            scope = current;
            switch (current)
            {
                case BlockSyntax or SwitchStatementSyntax:
                    return current;
                case GlobalStatementSyntax:
                    return current.Parent ?? current;
                case MemberDeclarationSyntax:
                    return current;
            }
        }

        return scope;
    }

    /// <summary>
    /// Adds every name declared in <paramref name="scope"/> (nested scopes included; from C# 8 not those inside its
    /// lambdas and local functions, which may reuse the name) and every simple name it uses.
    /// </summary>
    private static void AddDeclaredAndUsed(SyntaxNode scope, ImmutableHashSet<string>.Builder taken, CancellationToken cancellationToken)
    {
        var nestedFunctionsMayShadow = LanguageVersionHelpers.SupportsShadowingInNestedFunctions(scope.SyntaxTree);
        foreach (var node in scope.DescendantNodesAndSelf(node => !nestedFunctionsMayShadow || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var identifier = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                TypeParameterSyntax typeParameter => typeParameter.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                JoinIntoClauseSyntax into => into.Identifier,
                QueryContinuationSyntax continuation => continuation.Identifier,
                _ => default,
            };
            if (identifier.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(identifier.ValueText);
            }
        }

        foreach (var node in scope.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax name)
            {
                taken.Add(name.Identifier.ValueText);
            }
        }
    }
}
