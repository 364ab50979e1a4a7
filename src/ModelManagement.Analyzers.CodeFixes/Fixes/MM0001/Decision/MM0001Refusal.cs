using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Why a rewrite is not offered, with the symbol or the code involved (either may be null).</summary>
internal sealed class MM0001Refusal
{
    public MM0001Refusal(MM0001RefusalReason reason, ISymbol? symbol = null, SyntaxNode? node = null, Location? location = null)
    {
        Reason = reason;
        Symbol = symbol;
        Location = location ?? node?.GetLocation() ?? (symbol is { Locations.Length: > 0 } ? symbol.Locations[0] : null);
    }

    public MM0001RefusalReason Reason { get; }

    public ISymbol? Symbol { get; }

    public Location? Location { get; }

    /// <summary>e.g. <c>SynchronousReader (Models) at Test0.cs(12,5)</c>: what the trace shows.</summary>
    public override string ToString() => Describe(fallbackLocation: null);

    /// <summary>
    /// <see cref="ToString"/>, placed at <paramref name="fallbackLocation"/> (the diagnostic's) when the reason concerns
    /// the type as a whole rather than one node; the symbol is named when the reason concerns one.
    /// </summary>
    public string Describe(Location? fallbackLocation)
    {
        var text = Reason.ToString();
        if (Symbol is not null)
        {
            text += " (" + Symbol.Name + ")";
        }

        if ((Location ?? fallbackLocation) is { IsInSource: true } location)
        {
            var position = location.GetLineSpan().StartLinePosition;
            text += " at " + System.IO.Path.GetFileName(location.SourceTree!.FilePath) + "(" + (position.Line + 1) + "," + (position.Character + 1) + ")";
        }

        return text;
    }
}
