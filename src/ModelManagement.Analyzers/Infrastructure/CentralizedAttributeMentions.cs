using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether a compilation's source can apply <c>[CentralizedBy]</c>: some file's text holds <c>CentralizedBy</c> (the
/// attribute's name with or without its suffix, qualified, or as an alias's target — every way of applying it writes
/// that), or an identifier spelled with a Unicode escape whose value holds it. One vectorised pass per file; the answer
/// is kept for the tree's lifetime (a tree's text never changes), so a new compilation after an edit rescans only the
/// edited files.
/// </summary>
internal static class CentralizedAttributeMentions
{
    private const string Name = "CentralizedBy";

    // Anchored on the 'z', far rarer in code than the 'C'.
    private static readonly ImmutableArray<WordTextIndex.Word> Words =
        ImmutableArray.Create(new WordTextIndex.Word(Name, wholeWord: false, anchor: Name.IndexOf('z'))).AddRange(WordTextIndex.Escapes);

    private static readonly ConditionalWeakTable<SyntaxTree, object> Answers = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    public static bool AnyIn(Compilation compilation, CancellationToken cancellationToken)
    {
        char[]? buffer = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!Answers.TryGetValue(tree, out var answer))
            {
                buffer ??= new char[WordTextIndex.BufferLength(Words)];
                var computed = Mentions(tree, buffer, cancellationToken) ? Yes : No;
                answer = Answers.GetValue(tree, _ => computed);
            }

            if (ReferenceEquals(answer, Yes))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Mentions(SyntaxTree tree, char[] buffer, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var positions = WordTextIndex.Find(text, Words, buffer, cancellationToken);
        SyntaxNode? root = null;
        foreach (var position in positions)
        {
            if (text[position] != '\\')
            {
                return true; // the name itself (in a comment or string it only keeps the rule on)
            }

            // An escape counts only inside an identifier that spells the name (Centr\u0061lizedBy); escapes in strings,
            // characters and comments are common and say nothing.
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken)
                && token.Span.Contains(position)
                && token.ValueText.IndexOf(Name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
