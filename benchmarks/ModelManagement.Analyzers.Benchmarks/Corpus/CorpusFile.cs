namespace ModelManagement.Analyzers.Benchmarks.Corpus;

/// <summary>One generated source file of the benchmark corpus.</summary>
/// <param name="Path">A relative file path, such as <c>Services/NarrativeGenerator12.cs</c>.</param>
/// <param name="Text">The C# source.</param>
/// <param name="LineCount">The number of lines of <paramref name="Text"/>.</param>
internal sealed record CorpusFile(string Path, string Text, int LineCount);
