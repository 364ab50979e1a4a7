namespace ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;

/// <summary>Why an MM0004 fix is not offered. Each value is named on docs/rules/MM0004.md ("When no fix is offered").</summary>
internal enum MM0004FixRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The result has no validity member (<c>IsValid</c>, …) and is not <c>bool</c>: there is no verdict to branch on.</summary>
    NoVerdict,

    /// <summary>The call returns a task that is not awaited: the verdict is not available where the call stands.</summary>
    TaskNotAwaited,

    /// <summary>
    /// The task is waited for with arguments (<c>ValidateAsync(x).Wait(timeout)</c>, <c>.Wait(token)</c>): reading the
    /// verdict with <c>.Result</c> would wait without the timeout or the token.
    /// </summary>
    WaitWithArguments,

    /// <summary>The call is no statement of its own (an expression body): there is nothing to put the branch next to.</summary>
    NotInBlock,

    /// <summary>
    /// The result is stored in a pattern variable (<c>Validate(x) is var r</c>, <c>is { } r</c>, <c>case var r:</c>): the
    /// variable exists only where the pattern matched, so the condition is the user's to rewrite.
    /// </summary>
    PatternVariable,

    /// <summary>
    /// The stored (or <c>out</c>) verdict is read again later in the function: another path already acts on it, and a
    /// branch right after the store would pre-empt that handling (a throw where the code returned a fallback).
    /// </summary>
    VerdictReadLater,

    /// <summary>
    /// The same validation (the same callee and arguments, as written) is called again later in the function: that later
    /// call's verdict is the one the code acts on, and a branch on this one would pre-empt its handling.
    /// </summary>
    ValidatedAgainLater,

    /// <summary>The out verdict is a nullable reference (<c>out Report? report</c>): testing its member could throw.</summary>
    OutVerdictMayBeNull,

    /// <summary>Fallback: the call's first argument is not a local or parameter that the function returns.</summary>
    NotReturningValidatedValue,

    /// <summary>Fallback: the function is an iterator or returns nothing, so there is no value to replace.</summary>
    NoReturnValue,

    /// <summary>Fallback: no accessible member of the containing type or its bases has a name containing <c>Fallback</c>.</summary>
    NoFallbackMember,

    /// <summary>Fallback: no fallback member's (awaited) type converts to the function's return type.</summary>
    FallbackTypeMismatch,

    /// <summary>Fallback: a parameter of the fallback has no local or parameter in scope to fill it, or several of its type.</summary>
    FallbackArgumentUnresolved,

    /// <summary>
    /// Fallback: the fallback must be awaited where no <c>await</c> may stand — the body of a <c>lock</c> (CS1996), an unsafe
    /// context, a <c>catch</c>/<c>finally</c> before C# 6.
    /// </summary>
    FallbackCannotBeAwaited,

    /// <summary>
    /// Fallback: several differently named members fit and their names do not tell which stands in for this value
    /// (<c>StoryFallback</c> and <c>SummaryFallback</c> for <c>GenerateTitleAsync</c>).
    /// </summary>
    FallbackAmbiguous,

    /// <summary>
    /// The optional validator is called through <c>?.</c> with an <c>out</c> verdict (<c>_validator?.TryValidate(s, out var
    /// report)</c>): the variable is unassigned when the validator is absent, so no branch on it compiles (CS0165).
    /// </summary>
    OptionalValidatorOutVerdict,

    /// <summary>
    /// Fallback: the call is in a member of a C# 14 extension block (<c>extension(IValidator v) { … }</c>), whose
    /// members are reached through the block's parameter or the extended type — not through <c>this.</c> or the block's
    /// name (CS0027, CS0117).
    /// </summary>
    FallbackInExtensionBlock,

    /// <summary>Fallback: the call is in a <c>finally</c> block, which a <c>return</c> may not leave (CS0157).</summary>
    FallbackInFinally,

    /// <summary>
    /// Fallback: an <c>out</c> parameter of the function is not yet definitely assigned after the call, and a <c>return</c>
    /// there would leave it so (CS0177); a <c>throw</c> may.
    /// </summary>
    FallbackLeavesOutParameterUnassigned,

    /// <summary>
    /// The call is in a <c>finally</c> of a function whose caller cannot observe an exception (an <c>async void</c> method or
    /// lambda, an event handler): a throw would crash the process or reach the event's raiser, and no <c>return</c> may
    /// leave a <c>finally</c> (CS0157).
    /// </summary>
    ThrowWouldGoUnobserved,

    /// <summary>
    /// The member around the call has syntax errors (half-typed <c>var ok = Validate(s</c>): a rewrite would build on the
    /// parser's guesses (an independent consumer got <c>if (!ok) throw …</c> glued after the unfinished line).
    /// </summary>
    SyntaxErrors,
}
