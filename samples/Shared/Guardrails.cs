using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Samples.Domain;

/// <summary>A guardrail monitor's judgement of generated content.</summary>
public sealed record GuardrailVerdict(bool IsCompliant, string Reason);

/// <summary>Checks generated content against the content policy (a moderation model in production).</summary>
public interface IGuardrailMonitor
{
    Task<GuardrailVerdict> CheckAsync(string content, CancellationToken cancellationToken = default);
}

/// <summary>Flags content that mentions a banned word.</summary>
public sealed class KeywordGuardrailMonitor : IGuardrailMonitor
{
    private readonly string _banned;

    public KeywordGuardrailMonitor(string banned)
    {
        _banned = banned;
    }

    public Task<GuardrailVerdict> CheckAsync(string content, CancellationToken cancellationToken = default)
        => Task.FromResult(content.Contains(_banned, StringComparison.OrdinalIgnoreCase)
            ? new GuardrailVerdict(false, "mentions " + _banned)
            : new GuardrailVerdict(true, "ok"));
}
