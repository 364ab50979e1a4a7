using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Member declarations a fix writes or changes: modifiers, accessibility, where new members go.</summary>
internal static class Members
{
    /// <summary>The modifier tokens of <paramref name="accessibility"/> (private when it has none).</summary>
    public static SyntaxTokenList AccessibilityTokens(Accessibility accessibility)
        => accessibility switch
        {
            Accessibility.Public => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)),
            Accessibility.Internal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.InternalKeyword)),
            Accessibility.Protected => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.ProtectedKeyword)),
            Accessibility.ProtectedOrInternal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.ProtectedKeyword), SyntaxFactory.Token(SyntaxKind.InternalKeyword)),
            Accessibility.ProtectedAndInternal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ProtectedKeyword)),
            _ => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)),
        };

    /// <summary>
    /// <paramref name="modifiers"/> with their accessibility keywords (public, internal, protected, private) replaced by
    /// <c>private</c>, in the same place and with the same trivia; unchanged when they have none (already private).
    /// </summary>
    public static SyntaxTokenList WithPrivateAccessibility(SyntaxTokenList modifiers)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < modifiers.Count; i++)
        {
            if (modifiers[i].Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return modifiers;
        }

        var result = new List<SyntaxToken>();
        for (var i = 0; i < modifiers.Count; i++)
        {
            if (i == first)
            {
                result.Add(SyntaxFactory.Token(modifiers[first].LeadingTrivia, SyntaxKind.PrivateKeyword, modifiers[last].TrailingTrivia));
            }
            else if (modifiers[i].Kind() is not (SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword))
            {
                result.Add(modifiers[i]);
            }
        }

        return SyntaxFactory.TokenList(result);
    }

    /// <summary><paramref name="node"/> without its <paramref name="kind"/> modifier; the modifier's leading trivia (comments, indentation) stays.</summary>
    public static TNode RemoveModifier<TNode>(TNode node, SyntaxKind kind)
        where TNode : MemberDeclarationSyntax
    {
        var modifiers = node.Modifiers;
        var index = modifiers.IndexOf(kind);
        if (index < 0)
        {
            return node;
        }

        var removed = modifiers[index];
        modifiers = modifiers.RemoveAt(index);
        if (index < modifiers.Count)
        {
            modifiers = modifiers.Replace(modifiers[index], modifiers[index].WithLeadingTrivia(removed.LeadingTrivia.AddRange(modifiers[index].LeadingTrivia)));
            return (TNode)node.WithModifiers(modifiers);
        }

        if (index == 0 && node is BaseFieldDeclarationSyntax field)
        {
            return (TNode)(MemberDeclarationSyntax)field.WithModifiers(modifiers).WithDeclaration(
                field.Declaration.WithType(field.Declaration.Type.WithLeadingTrivia(removed.LeadingTrivia.AddRange(field.Declaration.Type.GetLeadingTrivia()))));
        }

        return (TNode)node.WithModifiers(modifiers);
    }

    /// <summary>
    /// Where a new private method goes after <paramref name="holder"/>: after the type's last method, so private methods
    /// stay below the others (StyleCop's SA1202, which puppeteer-sharp builds as an error, failed when one went right after a
    /// public method followed by other public ones), and several conversions line up in the order they were made; with no
    /// method after the holder, after the last field, constructor, event, property or indexer that follows it (SA1201: a
    /// method does not go before a property) where StyleCop orders the members (<paramref name="styleCopOrder"/>,
    /// <see cref="StyleCopRules.OrderMembers"/>); else right after the holder.
    /// </summary>
    public static MemberDeclarationSyntax PrivateMethodPlace(MemberDeclarationSyntax holder, bool styleCopOrder = true)
    {
        if (holder.Parent is not TypeDeclarationSyntax type)
        {
            return holder;
        }

        var index = type.Members.IndexOf(holder);
        MemberDeclarationSyntax? lastOfTheKindsBeforeMethods = null;
        for (var i = type.Members.Count - 1; i > index; i--)
        {
            switch (type.Members[i])
            {
                case MethodDeclarationSyntax last:
                    return last;
                case BaseFieldDeclarationSyntax or BasePropertyDeclarationSyntax or ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                    lastOfTheKindsBeforeMethods ??= type.Members[i];
                    break;
            }
        }

        return (styleCopOrder ? lastOfTheKindsBeforeMethods : null) ?? holder;
    }

    /// <summary>
    /// Where a new public static method goes after <paramref name="holder"/> in a type StyleCop orders (SA1201, SA1202,
    /// SA1204): before the first method after it, else where <see cref="PrivateMethodPlace"/> puts one. The boolean says
    /// whether to insert before (true) or after the node.
    /// </summary>
    public static (MemberDeclarationSyntax Node, bool Before) PublicStaticMethodPlace(MemberDeclarationSyntax holder)
    {
        if (holder.Parent is TypeDeclarationSyntax type)
        {
            for (var i = type.Members.IndexOf(holder) + 1; i < type.Members.Count; i++)
            {
                if (type.Members[i] is MethodDeclarationSyntax first)
                {
                    return (first, true);
                }
            }
        }

        return (PrivateMethodPlace(holder), false);
    }

    /// <summary>Inserts <paramref name="members"/> after the last field of <paramref name="type"/>, else first in it.</summary>
    public static void InsertAfterFields(DocumentEditor editor, TypeDeclarationSyntax type, params SyntaxNode[] members)
    {
        FieldDeclarationSyntax? lastField = null;
        foreach (var member in type.Members)
        {
            lastField = member as FieldDeclarationSyntax ?? lastField;
        }

        if (lastField is not null)
        {
            editor.InsertAfter(lastField, members);
        }
        else if (type.Members.Count > 0)
        {
            editor.InsertBefore(type.Members[0], members);
        }
        else
        {
            foreach (var member in members)
            {
                editor.AddMember(type, member);
            }
        }
    }
}
