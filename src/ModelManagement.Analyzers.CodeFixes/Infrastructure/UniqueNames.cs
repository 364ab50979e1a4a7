using System;
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
    /// Names a new member of <paramref name="type"/> must avoid: the type's and its base types' members (a clash would be
    /// an error or hide an inherited member), the type's own name and type parameters, and every identifier written in its
    /// declarations (a local or parameter of that name would shadow the new member where the fix uses it).
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
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    taken.Add(token.ValueText);
                }
            }
        }

        return taken.ToImmutable();
    }

    /// <summary>
    /// Names a new local (or catch variable, lambda parameter) at <paramref name="node"/> must avoid: every symbol visible
    /// there, and every name declared anywhere in the enclosing member (CS0136: a local may not share a name with another
    /// local of an enclosing or nested scope).
    /// </summary>
    public static ImmutableHashSet<string> TakenAt(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var taken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var symbol in model.LookupSymbols(node.SpanStart))
        {
            taken.Add(symbol.Name);
        }

        SyntaxNode scope = node;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            scope = current;
            if (current is MemberDeclarationSyntax and not GlobalStatementSyntax)
            {
                break;
            }
        }

        foreach (var declared in scope.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var identifier = declared switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
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

        return taken.ToImmutable();
    }

    /// <summary>An identifier token for <paramref name="name"/>, written <c>@name</c> when it is a keyword (or <c>await</c>).</summary>
    public static SyntaxToken Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? SyntaxFactory.Identifier(default, SyntaxKind.IdentifierToken, "@" + name, name, default)
            : SyntaxFactory.Identifier(name);
}
