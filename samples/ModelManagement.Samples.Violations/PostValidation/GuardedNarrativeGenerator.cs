using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.PostValidation;

/// <summary>
/// Generates a narrative and runs it past the guardrail monitor. MM0004: the verdict is never looked at, so a draft
/// that violates the content policy is handed out anyway (the seed's <c>verdict.get("compliant", True)</c> in C#).
/// </summary>
public sealed class GuardedNarrativeGenerator
{
    private readonly IGuardrailMonitor _guardrail;

    public GuardedNarrativeGenerator(IGuardrailMonitor guardrail)
    {
        _guardrail = guardrail;
    }

    public async Task<string> GenerateAsync(string seed, CancellationToken cancellationToken = default)
    {
        var narrative = await DraftAsync(seed, cancellationToken).ConfigureAwait(false);
        await _guardrail.CheckAsync(narrative, cancellationToken).ConfigureAwait(false); // expect: MM0004
        return narrative;
    }

    public async Task<string> ReviseAsync(string seed, CancellationToken cancellationToken = default)
    {
        var narrative = await DraftAsync(seed, cancellationToken).ConfigureAwait(false);
        var verdict = await _guardrail.CheckAsync(narrative, cancellationToken).ConfigureAwait(false); // expect: MM0004
        if (narrative.Length < 20)
        {
            return narrative; // short drafts skip the check: this path never reads the verdict
        }

        return verdict.IsCompliant ? narrative : await FallbackAsync(seed).ConfigureAwait(false);
    }

    private static async Task<string> DraftAsync(string seed, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return $"A violent tale of {seed}, with gore in every chapter.";
    }

    private static Task<string> FallbackAsync(string seed) => Task.FromResult($"A gentle tale of {seed}.");
}
