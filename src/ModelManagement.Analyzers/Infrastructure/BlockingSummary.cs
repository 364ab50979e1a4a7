namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether calling one of a type's own members blocks on a task (directly or through further own calls), and on what.
/// Immutable; shared between threads through <see cref="BlockingCallSummaries"/>.
/// </summary>
internal sealed class BlockingSummary
{
    /// <summary>The member does not block (as far as the analysis can see).</summary>
    public static readonly BlockingSummary None = new(null, null, null);

    public BlockingSummary(string? form, string? awaitedMember, string? path)
    {
        Form = form;
        AwaitedMember = awaitedMember;
        Path = path;
    }

    /// <summary>True when a call blocks.</summary>
    public bool Blocks => Form is not null;

    /// <summary>The blocking form reached (Result, Wait, GetResult, WaitAll, WaitAny).</summary>
    public string? Form { get; }

    /// <summary>What the blocking operation waits for, e.g. <c>LoadModelsAsync()</c>.</summary>
    public string? AwaitedMember { get; }

    /// <summary>The own members from the summarised one down to the one that blocks directly, e.g. <c>LoadCatalogue() -> ReadIndex()</c>.</summary>
    public string? Path { get; }
}
