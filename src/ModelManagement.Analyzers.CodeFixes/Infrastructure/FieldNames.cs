using System;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The spelling of a private field a fix adds, taken from the type's own private fields of the same kind (instance or
/// static): <c>_word</c>, <c>m_word</c>/<c>s_word</c>, or plain <c>word</c> (StyleCop's SA1309 forbids the underscore; a
/// project that writes <c>this.store</c> gets <c>this.initializer</c>). The most common spelling among the declared fields
/// wins, and so does the case of the letter after the prefix (<c>m_Word</c> next to <c>m_PackagesDataStore</c>); a type
/// without such fields gets <c>_word</c> (<c>s_word</c> is never guessed for static fields without a neighbour).
/// </summary>
internal static class FieldNames
{
    public static string PrivateField(INamedTypeSymbol type, string word, bool isStatic = false)
    {
        int underscore = 0, hungarian = 0, plain = 0, prefixedUpper = 0, prefixedLower = 0, hungarianUpper = 0;
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false, DeclaredAccessibility: Accessibility.Private } field
                || field.IsStatic != isStatic || field.Name.Length < 2)
            {
                continue;
            }

            var prefix = Prefix(field.Name);
            var upper = field.Name.Length > prefix.Length && char.IsUpper(field.Name[prefix.Length]);
            switch (prefix)
            {
                case "_":
                    underscore++;
                    (upper ? ref prefixedUpper : ref prefixedLower)++;
                    break;
                case "":
                    plain += char.IsLower(field.Name[0]) ? 1 : 0;
                    break;
                default:
                    hungarian++;
                    hungarianUpper += upper ? 1 : 0;
                    break;
            }
        }

        // The letter after the prefix follows the neighbours too: `m_PackagesDataStore` gets `m_Initializer`.
        if (hungarian > underscore && hungarian > plain)
        {
            return (isStatic ? "s_" : "m_") + Cased(word, hungarianUpper * 2 > hungarian);
        }

        return plain > underscore ? word : "_" + Cased(word, prefixedUpper > prefixedLower);
    }

    private static string Cased(string word, bool upper)
        => upper && word.Length > 0 ? char.ToUpperInvariant(word[0]) + word.Substring(1) : word;

    /// <summary><paramref name="word"/> with <paramref name="neighbour"/>'s prefix (<c>_initialized</c>: <c>_initializer</c>).</summary>
    public static string SpelledLike(string neighbour, string word) => Prefix(neighbour) + word;

    private static string Prefix(string name)
        => name.StartsWith("s_", StringComparison.Ordinal) ? "s_"
            : name.StartsWith("m_", StringComparison.Ordinal) ? "m_"
            : name.StartsWith("_", StringComparison.Ordinal) ? "_"
            : string.Empty;
}
