namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// Keys and values of the <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that
/// <see cref="MM0004ValidationResultIgnoredAnalyzer"/> attaches to each MM0004 diagnostic, for the code fixes.
/// </summary>
internal static class MM0004Properties
{
    /// <summary>
    /// Key: how the result is ignored: <see cref="Discarded"/>, <see cref="DiscardAssignment"/>, <see cref="Stored"/>,
    /// <see cref="PatternVariable"/>, <see cref="OutArgument"/> or <see cref="OutDiscard"/>.
    /// </summary>
    public const string Form = "Form";

    /// <summary>Key: the <c>bool</c> member holding the verdict (<c>IsValid</c>); empty when the result is <c>bool</c> itself; absent otherwise.</summary>
    public const string ValidityMember = "ValidityMember";

    /// <summary>Key, <see cref="Stored"/>, <see cref="PatternVariable"/> and <see cref="OutArgument"/> only: the local holding the verdict.</summary>
    public const string Local = "Local";

    /// <summary>Key: the validator method's simple name (the thrown exception's message names it).</summary>
    public const string Validator = "Validator";

    /// <summary>Key: why the call is a validation call (a <c>ValidationReason</c> name).</summary>
    public const string Reason = "Reason";

    /// <summary>Form: an expression statement or <c>await</c> statement (with or without <c>ConfigureAwait</c>).</summary>
    public const string Discarded = "Discarded";

    /// <summary>Form: <c>_ = Validate(x);</c> (reported while <c>mm0004.discard_is_ignored</c> is true).</summary>
    public const string DiscardAssignment = "DiscardAssignment";

    /// <summary>Form: stored in a local (declaration or assignment) and not read on some path.</summary>
    public const string Stored = "Stored";

    /// <summary>Form: a pattern variable (<c>is var r</c>, <c>is { } r</c>, <c>case var r:</c>) not read on some path where it matched.</summary>
    public const string PatternVariable = "PatternVariable";

    /// <summary>
    /// Form: the verdict comes through an <c>out</c> argument into a local (<see cref="Local"/>; <see cref="ValidityMember"/>
    /// is the out type's member) not read on some path, and the call returns no verdict of its own that is used.
    /// </summary>
    public const string OutArgument = "OutArgument";

    /// <summary>Form: the verdict comes through <c>out _</c> and the call returns no verdict (reported while <c>mm0004.discard_is_ignored</c> is true).</summary>
    public const string OutDiscard = "OutDiscard";
}
