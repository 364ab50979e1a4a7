using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// One non-comment line of a CentralizedSymbols file: the symbol's documentation comment id and its owners' ids, or the
/// syntax problem that makes it unusable. <see cref="Span"/> covers the entry's text on its line (comment and surrounding
/// white space excluded), so MM0008 underlines exactly the entry.
/// </summary>
internal sealed class CentralizedSymbolsEntry
{
    public CentralizedSymbolsEntry(string text, string symbolId, ImmutableArray<string> ownerIds, CentralizedSymbolsProblem problem, string? problemDetail, TextSpan span, LinePositionSpan lineSpan)
    {
        Text = text;
        SymbolId = symbolId;
        OwnerIds = ownerIds;
        Problem = problem;
        ProblemDetail = problemDetail;
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>The entry as written (trimmed, comment removed).</summary>
    public string Text { get; }

    /// <summary>The symbol's documentation comment id (<c>M:Vendor.History.HistoryDb.InsertAsync(System.String)</c>).</summary>
    public string SymbolId { get; }

    /// <summary>The owners' type ids (<c>T:App.HistoricalLogProcessor</c>).</summary>
    public ImmutableArray<string> OwnerIds { get; }

    /// <summary>A syntax problem found while parsing, or <see cref="CentralizedSymbolsProblem.None"/>.</summary>
    public CentralizedSymbolsProblem Problem { get; }

    /// <summary>The field the problem is about, when there is one.</summary>
    public string? ProblemDetail { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }
}
