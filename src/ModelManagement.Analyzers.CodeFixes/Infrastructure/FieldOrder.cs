using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// StyleCop's SA1214 ("readonly fields should appear before non-readonly fields"): a fix that writes a readonly field
/// where a mutable one stood (MM0005's initializer in place of the flag), appends one after the mutable fields (MM0001's
/// initializer) or makes a readonly field mutable (MM0001's loaded state) must not break a project that enforces it — an
/// error under <c>TreatWarningsAsErrors</c> (a consumer round on a StyleCop repository). The rule compares neighbours only:
/// a readonly (or const) field right after a mutable field of the same accessibility, const-ness and static-ness.
/// </summary>
internal static class FieldOrder
{
    private const string RuleId = "SA1214";

    /// <summary>
    /// <paramref name="changed"/> with every readonly field that a fix left right after a mutable field of its group moved up
    /// before that run of mutable fields — where the project enforces SA1214 and <paramref name="original"/> (the same
    /// document before the fix) had no such pair anywhere: an author who keeps the order gets it kept, one who does not gets
    /// no field moved. A move that would cross a preprocessor directive (<c>#region</c>, <c>#if</c>) is not made.
    /// </summary>
    public static SyntaxNode KeepReadonlyFirst(SyntaxNode original, SyntaxNode changed, Project project)
    {
        if (!StyleCopRules.IsOn(project, original.SyntaxTree, RuleId)
            || original.DescendantNodes(DescendsInto).OfType<TypeDeclarationSyntax>().Any(type => FirstPair(type.Members, 1) > 0))
        {
            return changed;
        }

        var types = changed.DescendantNodes(DescendsInto).OfType<TypeDeclarationSyntax>().Where(type => FirstPair(type.Members, 1) > 0).ToList();
        return types.Count == 0 ? changed : changed.ReplaceNodes(types, static (_, rewritten) => Reordered(rewritten));
    }

    private static bool DescendsInto(SyntaxNode node) => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    private static TypeDeclarationSyntax Reordered(TypeDeclarationSyntax type)
    {
        var members = type.Members;
        var from = 1;
        while (FirstPair(members, from) is var index and > 0)
        {
            var target = index - 1;
            while (target > 0 && members[target - 1] is FieldDeclarationSyntax previous && !IsReadOnly(previous) && SameGroup(previous, (FieldDeclarationSyntax)members[index]))
            {
                target--;
            }

            if (Enumerable.Range(target + 1, index - target).Any(i => members[i].GetLeadingTrivia().Any(t => t.IsDirective)))
            {
                from = index + 1; // a region or conditional block would be torn
                continue;
            }

            // The moved field takes what opened the run — blank lines, and a `#region` or `#if` line on the run's first field
            // (a fix-shapes round: a region around the fields left SA1214 in place) — and keeps its own comments; the field
            // it now precedes takes the moved field's blank lines. A field whose comment would then follow the line above
            // without a blank line keeps its own (SA1515: a fix-shapes round's doc-commented flag lost its blank line).
            var moved = members[index];
            var first = members[target];
            var (movedSeparator, movedOwn) = Split(moved.GetLeadingTrivia());
            var (firstSeparator, firstOwn) = Split(first.GetLeadingTrivia());
            var movedTakes = HasComment(movedOwn) && !HasLineBreak(firstSeparator) && HasLineBreak(movedSeparator) ? movedSeparator : firstSeparator;
            var firstTakes = HasComment(firstOwn) && !HasLineBreak(movedSeparator) && HasLineBreak(firstSeparator) ? firstSeparator : movedSeparator;
            var list = members.ToList();
            list.RemoveAt(index);
            list[target] = first.WithLeadingTrivia(firstTakes.AddRange(firstOwn));
            list.Insert(target, moved.WithLeadingTrivia(movedTakes.AddRange(movedOwn)));
            members = SyntaxFactory.List(list);
            from = target + 1;
        }

        return type.WithMembers(members);
    }

    /// <summary>The index of the first readonly field at or after <paramref name="from"/> right after a mutable field of its group, else -1.</summary>
    private static int FirstPair(SyntaxList<MemberDeclarationSyntax> members, int from)
    {
        for (var i = from; i < members.Count; i++)
        {
            if (members[i] is FieldDeclarationSyntax field && IsReadOnly(field)
                && members[i - 1] is FieldDeclarationSyntax previous && !IsReadOnly(previous) && SameGroup(previous, field))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsReadOnly(FieldDeclarationSyntax field)
        => field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);

    private static bool SameGroup(FieldDeclarationSyntax first, FieldDeclarationSyntax second)
        => Access(first) == Access(second)
            && first.Modifiers.Any(SyntaxKind.ConstKeyword) == second.Modifiers.Any(SyntaxKind.ConstKeyword)
            && IsStatic(first) == IsStatic(second);

    private static bool IsStatic(FieldDeclarationSyntax field) => field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);

    private static int Access(FieldDeclarationSyntax field)
    {
        var modifiers = field.Modifiers;
        var isPublic = modifiers.Any(SyntaxKind.PublicKeyword);
        var isInternal = modifiers.Any(SyntaxKind.InternalKeyword);
        var isProtected = modifiers.Any(SyntaxKind.ProtectedKeyword);
        var isPrivate = modifiers.Any(SyntaxKind.PrivateKeyword);
        return isPublic ? 0 : isInternal && isProtected ? 1 : isInternal ? 2 : isProtected && isPrivate ? 3 : isProtected ? 4 : 5;
    }

    private static bool HasComment(SyntaxTriviaList trivia) => trivia.Any(t => CommentTrivia.IsComment(t) || SyntaxFacts.IsDocumentationCommentTrivia(t.Kind()));

    private static bool HasLineBreak(SyntaxTriviaList trivia) => trivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    /// <summary>
    /// Leading trivia split after its last line break or directive that only blank lines and directives come before:
    /// (separator, the rest).
    /// </summary>
    private static (SyntaxTriviaList Separator, SyntaxTriviaList Own) Split(SyntaxTriviaList trivia)
    {
        var end = 0;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia) || trivia[i].IsDirective)
            {
                end = i + 1;
            }
            else if (!trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return (SyntaxFactory.TriviaList(trivia.Take(end)), SyntaxFactory.TriviaList(trivia.Skip(end)));
    }
}
