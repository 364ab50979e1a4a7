using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Storytelling
{
    /// <summary>A guardrail's judgement of a draft.</summary>
    public sealed class GuardrailVerdict
    {
        public GuardrailVerdict(bool isCompliant, string reason)
        {
            IsCompliant = isCompliant;
            Reason = reason;
        }

        public bool IsCompliant { get; }

        public string Reason { get; }
    }

    /// <summary>Rejects drafts that mention a banned word (a moderation service in production).</summary>
    public sealed class KeywordGuardrail
    {
        private readonly string _banned;

        public KeywordGuardrail(string banned)
        {
            _banned = banned;
        }

        public Task<GuardrailVerdict> CheckAsync(string draft, CancellationToken cancellationToken)
            => Task.FromResult(draft.IndexOf(_banned, StringComparison.OrdinalIgnoreCase) >= 0
                ? new GuardrailVerdict(false, "mentions " + _banned)
                : new GuardrailVerdict(true, "ok"));
    }

    /// <summary>Writes short stories and runs each draft past the guardrail before handing it out.</summary>
    public sealed class GuardedStoryWriter
    {
        private readonly KeywordGuardrail _guardrail;

        public GuardedStoryWriter(KeywordGuardrail guardrail)
        {
            _guardrail = guardrail;
        }

        public async Task<string> WriteAsync(string seed, CancellationToken cancellationToken)
        {
            var draft = "UNSAFE DRAFT: " + seed;
            await _guardrail.CheckAsync(draft, cancellationToken).ConfigureAwait(false); // expect: MM0004
            return draft;
        }

        private static Task<string> FallbackStoryAsync(string seed) => Task.FromResult("SAFE FALLBACK about " + seed.Length + " letters");
    }
}
