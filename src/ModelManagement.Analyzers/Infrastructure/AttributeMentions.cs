using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether a compilation's source can apply an attribute: some file's text starts an identifier with its name without the
/// <c>Attribute</c> suffix (<c>CentralizedBy</c>, <c>Validator</c> — written with or without the suffix, qualified, or as
/// an alias's target, every way of applying it writes that identifier; <c>ServerUrlValidator</c> is another type's name),
/// or an identifier spelled with a Unicode escape whose value starts with it. One
/// vectorised pass per file; the answer is kept for the tree's lifetime (a tree's text never changes), so a new
/// compilation after an edit rescans only the edited files.
/// </summary>
internal sealed class AttributeMentions
{
    /// <summary><c>[CentralizedBy]</c> (MM0006), anchored on the 'z', far rarer in code than the 'C'.</summary>
    public static readonly AttributeMentions CentralizedBy = new("CentralizedBy", "CentralizedBy".IndexOf('z'));

    private static readonly ConcurrentDictionary<string, AttributeMentions> ByName = new(StringComparer.Ordinal);
    private static readonly object Yes = new();
    private static readonly object No = new();

    private readonly string _name;
    private readonly ImmutableArray<WordTextIndex.Word> _words;
    private readonly ConditionalWeakTable<SyntaxTree, object> _answers = new();

    private AttributeMentions(string name, int anchor)
    {
        _name = name;
        _words = ImmutableArray.Create(new WordTextIndex.Word(name, wholeWord: false, anchor, startsWord: true)).AddRange(WordTextIndex.Escapes);
    }

    /// <summary>The mentions of the attribute class <paramref name="attributeClassName"/> (with or without its suffix).</summary>
    public static AttributeMentions For(string attributeClassName)
    {
        var name = attributeClassName.Length > "Attribute".Length && attributeClassName.EndsWith("Attribute", StringComparison.Ordinal)
            ? attributeClassName.Substring(0, attributeClassName.Length - "Attribute".Length)
            : attributeClassName;
        return name == CentralizedBy._name ? CentralizedBy : ByName.GetOrAdd(name, static n => new AttributeMentions(n, anchor: -1));
    }

    public bool AnyIn(Compilation compilation, CancellationToken cancellationToken)
    {
        char[]? buffer = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!_answers.TryGetValue(tree, out var answer))
            {
                buffer ??= new char[WordTextIndex.BufferLength(_words)];
                var computed = Mentions(tree, buffer, cancellationToken) ? Yes : No;
                answer = _answers.GetValue(tree, _ => computed);
            }

            if (ReferenceEquals(answer, Yes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one file mentions the attribute (the same kept answer <see cref="AnyIn(Compilation, CancellationToken)"/> uses).</summary>
    public bool AnyIn(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_answers.TryGetValue(tree, out var answer))
        {
            var computed = Mentions(tree, new char[WordTextIndex.BufferLength(_words)], cancellationToken) ? Yes : No;
            answer = _answers.GetValue(tree, _ => computed);
        }

        return ReferenceEquals(answer, Yes);
    }

    internal bool Mentions(SyntaxTree tree, char[] buffer, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var positions = WordTextIndex.Find(text, _words, buffer, cancellationToken);
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
                && token.ValueText.StartsWith(_name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
