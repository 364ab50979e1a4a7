using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A parsed <c>CentralizedSymbols*.txt</c> additional file (MM0006's list for code the team cannot annotate, read and
/// checked by MM0008). One entry a line: <c>&lt;documentation comment id&gt;;&lt;owner type id&gt;[;&lt;owner type id&gt;...]</c>;
/// <c>#</c> starts a comment; blank lines are skipped. Parsing never throws: a bad line becomes an entry with a
/// <see cref="CentralizedSymbolsProblem"/>.
/// </summary>
internal sealed class CentralizedSymbolsFile
{
    private const string FileNamePrefix = "CentralizedSymbols";
    private const string FileNameExtension = ".txt";

    /// <summary>
    /// Shared by MM0006 and MM0008: the host caches each file's parse per <see cref="AdditionalText"/> instance, so the
    /// text is split once however many analyzers and compilations read it.
    /// </summary>
    public static AdditionalTextValueProvider<CentralizedSymbolsFile> Provider { get; } = new(static text => Parse(text, CancellationToken.None));

    private CentralizedSymbolsFile(string path, ImmutableArray<CentralizedSymbolsEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    public string Path { get; }

    public ImmutableArray<CentralizedSymbolsEntry> Entries { get; }

    /// <summary><c>CentralizedSymbols.txt</c>, <c>CentralizedSymbols.Vendor.txt</c>, … (any case), in any folder.</summary>
    public static bool IsCentralizedSymbolsFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith(FileNamePrefix, StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(FileNameExtension, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the options list at least one CentralizedSymbols file.</summary>
    public static bool AnyIn(AnalyzerOptions options)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsCentralizedSymbolsFile(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parsed CentralizedSymbols files of the compilation, each parsed once (see <see cref="Provider"/>).</summary>
#pragma warning disable RS1012 // The caller registers its actions on the context; this helper only reads files through it.
    public static ImmutableArray<CentralizedSymbolsFile> ReadAll(CompilationStartAnalysisContext context)
#pragma warning restore RS1012
    {
        var builder = ImmutableArray.CreateBuilder<CentralizedSymbolsFile>();
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (IsCentralizedSymbolsFile(file.Path) && context.TryGetValue(file, Provider, out var parsed))
            {
                builder.Add(parsed);
            }
        }

        return builder.ToImmutable();
    }

    public static CentralizedSymbolsFile Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new CentralizedSymbolsFile(file.Path, ImmutableArray<CentralizedSymbolsEntry>.Empty);
        }

        var entries = ImmutableArray.CreateBuilder<CentralizedSymbolsEntry>();
        foreach (var line in text.Lines)
        {
            var entry = ParseLine(text, line);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new CentralizedSymbolsFile(file.Path, entries.ToImmutable());
    }

    /// <summary>The location of an entry in its file, for MM0008.</summary>
    public Location GetLocation(CentralizedSymbolsEntry entry) => Location.Create(Path, entry.Span, entry.LineSpan);

    /// <summary>
    /// Resolves an entry against a compilation: its symbols (several for a namespace spread over assemblies or a
    /// partial match) and owner types, or the problem that leaves it unusable.
    /// </summary>
    public static CentralizedSymbolsProblem Resolve(
        CentralizedSymbolsEntry entry,
        Compilation compilation,
        out ImmutableArray<ISymbol> symbols,
        out ImmutableArray<INamedTypeSymbol> owners,
        out string? unresolvedId)
    {
        symbols = ImmutableArray<ISymbol>.Empty;
        owners = ImmutableArray<INamedTypeSymbol>.Empty;
        unresolvedId = null;
        if (entry.Problem != CentralizedSymbolsProblem.None)
        {
            return entry.Problem;
        }

        symbols = DocumentationCommentId.GetSymbolsForDeclarationId(entry.SymbolId, compilation);
        if (symbols.IsDefaultOrEmpty)
        {
            unresolvedId = entry.SymbolId;
            return CentralizedSymbolsProblem.UnresolvedSymbol;
        }

        var ownerBuilder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(entry.OwnerIds.Length);
        foreach (var ownerId in entry.OwnerIds)
        {
            var found = false;
            foreach (var candidate in DocumentationCommentId.GetSymbolsForDeclarationId(ownerId, compilation))
            {
                if (candidate is INamedTypeSymbol type)
                {
                    ownerBuilder.Add(type.OriginalDefinition);
                    found = true;
                }
            }

            if (!found)
            {
                unresolvedId = ownerId;
                return CentralizedSymbolsProblem.UnresolvedOwner;
            }
        }

        owners = ownerBuilder.ToImmutable();
        return CentralizedSymbolsProblem.None;
    }

    /// <summary>The MM0008 reason for a problem (second message argument).</summary>
    public static string Describe(CentralizedSymbolsProblem problem, string? detail) => problem switch
    {
        CentralizedSymbolsProblem.MissingOwner => "it names no owner; write '<symbol id>;T:<processor type>'",
        CentralizedSymbolsProblem.EmptyField => "a field between ';' is empty",
        CentralizedSymbolsProblem.InvalidSymbolId => $"'{detail}' is not a documentation comment id (T:, N:, M:, P:, F: or E:)",
        CentralizedSymbolsProblem.InvalidOwnerId => $"owner '{detail}' is not a type id (T:)",
        CentralizedSymbolsProblem.UnresolvedSymbol when detail is not null && detail.StartsWith("M:", System.StringComparison.Ordinal) && detail.IndexOf('(') < 0
            => $"'{detail}' names no symbol in this compilation; a method with parameters is named with their types, 'M:N.T.Insert(System.String)'",
        CentralizedSymbolsProblem.UnresolvedSymbol => $"'{detail}' names no symbol in this compilation",
        CentralizedSymbolsProblem.UnresolvedOwner => $"owner '{detail}' names no type in this compilation",
        CentralizedSymbolsProblem.UnbalancedBrackets => $"'{detail}' has a bracket that is not closed, or closed without being opened",
        _ => "it cannot be read",
    };

    private static CentralizedSymbolsEntry? ParseLine(SourceText text, TextLine line)
    {
        var start = line.Start;
        var end = line.End;
        for (var i = start; i < end; i++)
        {
            // A comment starts the line or follows white space: in an id, '#' follows a '.' (M:T.#ctor, M:T.#cctor).
            if (text[i] == '#' && (i == start || char.IsWhiteSpace(text[i - 1])))
            {
                end = i;
                break;
            }
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return null; // blank or comment-only
        }

        var span = TextSpan.FromBounds(start, end);
        var lineSpan = text.Lines.GetLinePositionSpan(span);
        var entryText = text.ToString(span);
        var fields = entryText.Split(';');
        var symbolId = fields[0].Trim();
        if (symbolId.Length == 0)
        {
            return Invalid(CentralizedSymbolsProblem.EmptyField, null);
        }

        if (!HasPrefix(symbolId, "TNMPFE"))
        {
            return Invalid(CentralizedSymbolsProblem.InvalidSymbolId, symbolId);
        }

        if (!IsBalanced(symbolId))
        {
            return Invalid(CentralizedSymbolsProblem.UnbalancedBrackets, symbolId);
        }

        if (fields.Length < 2)
        {
            return Invalid(CentralizedSymbolsProblem.MissingOwner, null);
        }

        var owners = ImmutableArray.CreateBuilder<string>(fields.Length - 1);
        for (var i = 1; i < fields.Length; i++)
        {
            var owner = fields[i].Trim();
            if (owner.Length == 0)
            {
                // A trailing ';' after at least one owner is harmless; an empty field in the middle is a typo.
                if (i == fields.Length - 1)
                {
                    if (owners.Count > 0)
                    {
                        break;
                    }

                    return Invalid(CentralizedSymbolsProblem.MissingOwner, null);
                }

                return Invalid(CentralizedSymbolsProblem.EmptyField, null);
            }

            if (!HasPrefix(owner, "T"))
            {
                return Invalid(CentralizedSymbolsProblem.InvalidOwnerId, owner);
            }

            if (!IsBalanced(owner))
            {
                return Invalid(CentralizedSymbolsProblem.UnbalancedBrackets, owner);
            }

            owners.Add(owner);
        }

        return new CentralizedSymbolsEntry(entryText, symbolId, owners.ToImmutable(), CentralizedSymbolsProblem.None, null, span, lineSpan);

        CentralizedSymbolsEntry Invalid(CentralizedSymbolsProblem problem, string? detail)
            => new(entryText, symbolId, ImmutableArray<string>.Empty, problem, detail, span, lineSpan);
    }

    /// <summary>Every <c>(</c>, <c>[</c> and <c>{</c> closed by its own kind, in order (a fix-shapes round's <c>M:…InsertAsync(System.String</c> went unreported).</summary>
    private static bool IsBalanced(string id)
    {
        var open = new System.Collections.Generic.Stack<char>();
        foreach (var c in id)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    open.Push(c);
                    break;
                case ')' or ']' or '}':
                    if (open.Count == 0 || open.Pop() != (c == ')' ? '(' : c == ']' ? '[' : '{'))
                    {
                        return false;
                    }

                    break;
            }
        }

        return open.Count == 0;
    }

    /// <summary>One of the given kind letters, a colon, and at least one more character.</summary>
    private static bool HasPrefix(string id, string kinds)
        => id.Length > 2 && id[1] == ':' && kinds.IndexOf(id[0]) >= 0;
}
