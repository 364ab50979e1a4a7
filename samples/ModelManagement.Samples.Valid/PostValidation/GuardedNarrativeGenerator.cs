using System;
using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Patterns;
using ModelManagement.Samples.Domain;

namespace ModelManagement.Samples.PostValidation;

/// <summary>
/// Generates a narrative and hands it out only when the guardrail monitor passed it (post-validation with fallback):
/// <see cref="Validated"/> returns the fallback on a violation, and also when the monitor throws or does not answer in
/// time (fails closed); the fallbacks are counted on <c>modelmanagement.validation.fallbacks</c>.
/// </summary>
public sealed class GuardedNarrativeGenerator
{
    private static readonly ValidationOptions GuardrailOptions = new() { Timeout = TimeSpan.FromSeconds(2), Name = "narrative.guardrail" };

    private readonly IGuardrailMonitor _guardrail;

    public GuardedNarrativeGenerator(IGuardrailMonitor guardrail)
    {
        _guardrail = guardrail;
    }

    public async Task<string> GenerateAsync(string seed, CancellationToken cancellationToken = default)
        => await Validated.GenerateAsync(
            ct => DraftAsync(seed, ct),
            (narrative, ct) => _guardrail.CheckAsync(narrative, ct),
            verdict => !verdict.IsCompliant,
            _ => FallbackAsync(seed),
            GuardrailOptions,
            cancellationToken).ConfigureAwait(false);

    public async Task<string> ReviseAsync(string seed, CancellationToken cancellationToken = default)
    {
        // The hand-written form of the fix "Return the fallback when validation fails".
        var narrative = await DraftAsync(seed, cancellationToken).ConfigureAwait(false);
        var verdict = await _guardrail.CheckAsync(narrative, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsCompliant)
        {
            return await FallbackAsync(seed).ConfigureAwait(false);
        }

        return narrative;
    }

    private static async Task<string> DraftAsync(string seed, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return $"A violent tale of {seed}, with gore in every chapter.";
    }

    private static Task<string> FallbackAsync(string seed) => Task.FromResult($"A gentle tale of {seed}.");
}
