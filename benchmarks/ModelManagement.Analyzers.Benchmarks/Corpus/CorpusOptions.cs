namespace ModelManagement.Analyzers.Benchmarks.Corpus;

/// <summary>Shape of the generated corpus.</summary>
internal sealed class CorpusOptions
{
    /// <summary>Share of rule-relevant spots written as violations (the rest is clean code of the same shape).</summary>
    public double ViolationRate { get; init; } = 0.3;

    /// <summary>A file gets more service units until it has at least this many lines.</summary>
    public int LinesPerFile { get; init; } = 600;
}
