using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// A verdict a validation call delivers through an <c>out</c> argument (<c>validator.Validate(story, out var report)</c>,
/// where the report has <c>IsValid</c>, …), found by <see cref="ValidationCallClassifier.FindOutVerdict"/> (MM0004).
/// </summary>
internal readonly struct OutVerdict
{
    public OutVerdict(ValidationReason reason, string validityMember, ILocalSymbol? local, bool isDiscard)
    {
        Reason = reason;
        ValidityMember = validityMember;
        Local = local;
        IsDiscard = isDiscard;
    }

    /// <summary>Why the invoked method is a validator (its name, an attribute, configuration); None when there is no out verdict.</summary>
    public ValidationReason Reason { get; }

    /// <summary>The <c>bool</c> member of the out parameter's type holding the verdict (<c>IsValid</c>).</summary>
    public string ValidityMember { get; }

    /// <summary>The local the argument writes (<c>out var report</c>, <c>out report</c>), or null (a discard, a field, an element).</summary>
    public ILocalSymbol? Local { get; }

    /// <summary>True for <c>out _</c>: the verdict is thrown away.</summary>
    public bool IsDiscard { get; }

    public bool Exists => Reason != ValidationReason.None;
}
