using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;

/// <summary>
/// What an MM0004 fix writes for one diagnostic: the statement holding the call, the verdict to test, and the fallback
/// call when one can be built (otherwise <see cref="FallbackRefusal"/> says why).
/// </summary>
internal sealed class MM0004FixPlan
{
    public MM0004FixPlan(
        StatementSyntax statement,
        ExpressionSyntax call,
        bool insertAfter,
        string? existingLocal,
        string? validityMember,
        string validator,
        ExpressionSyntax? fallback,
        MM0004FixRefusal fallbackRefusal,
        SyntaxNode? refusalNode,
        ArgumentSyntax? discardedOut = null,
        bool optionalValidator = false,
        bool memberMeansFailure = false,
        bool returnsInsteadOfThrowing = false,
        bool waitDropsVerdict = false,
        bool skipsTheItem = false,
        bool returnsTheVerdict = false,
        bool verdictInACompletedTask = false)
    {
        ReturnsTheVerdict = returnsTheVerdict;
        VerdictInACompletedTask = verdictInACompletedTask;
        SkipsTheItem = skipsTheItem;
        WaitDropsVerdict = waitDropsVerdict;
        ReturnsInsteadOfThrowing = returnsInsteadOfThrowing;
        MemberMeansFailure = memberMeansFailure;
        Statement = statement;
        Call = call;
        InsertAfter = insertAfter;
        ExistingLocal = existingLocal;
        ValidityMember = validityMember;
        Validator = validator;
        Fallback = fallback;
        FallbackRefusal = fallbackRefusal;
        RefusalNode = refusalNode;
        DiscardedOut = discardedOut;
        OptionalValidator = optionalValidator;
    }

    /// <summary>
    /// The validator is called through <c>?.</c> (<c>_check?.Invoke(story)</c>): the verdict is null when it is absent, which
    /// counts as passing — the branch tests <c>== false</c> (<c>validation?.IsValid == false</c>).
    /// </summary>
    public bool OptionalValidator { get; }

    /// <summary>The <c>out _</c> argument that receives the verdict, named by the fix (<c>out var validation</c>), or null.</summary>
    public ArgumentSyntax? DiscardedOut { get; }

    /// <summary>
    /// No fallback, and the function's caller cannot observe an exception — an <c>async void</c> method, local function or
    /// lambda, a <c>void</c> event handler, a lambda subscribed to an event: the branch returns (the work after the
    /// validation is skipped) instead of throwing, which would crash the process or reach the dispatcher's unhandled handler.
    /// </summary>
    public bool ReturnsInsteadOfThrowing { get; }

    /// <summary>
    /// No fallback, and the call validates the item of the <c>foreach</c> whose body holds it and hands the item on after it
    /// (a batch import's <c>foreach (var manifest in manifests) { validator.Validate(manifest); Register(manifest); }</c>):
    /// the branch skips that item with
    /// <c>continue</c> — the rest of the batch goes on, as the loop did for valid items — instead of throwing, which
    /// aborted the whole batch (a scenario round's registry import).
    /// </summary>
    public bool SkipsTheItem { get; }

    /// <summary>
    /// No fallback, and the function returns the verdict's own type (a validator whose caller decides on what it returns):
    /// the branch returns the failed verdict (<c>if (!validation.IsValid) { return validation; }</c>) instead of throwing.
    /// </summary>
    public bool ReturnsTheVerdict { get; }

    /// <summary>
    /// With <see cref="ReturnsTheVerdict"/>: the function is not <c>async</c> and returns <c>Task&lt;TVerdict&gt;</c>, so
    /// the branch returns <c>Task.FromResult(validation)</c> (a fix-shapes round got a faulted task there: the 400 with
    /// field errors became a 500 again).
    /// </summary>
    public bool VerdictInACompletedTask { get; }

    /// <summary>
    /// <see cref="Call"/> is <c>task.Wait()</c>, which waits for the verdict and drops it: the new local reads it as
    /// <c>task.Result</c> (the same wait, the same <see cref="System.AggregateException"/> on failure).
    /// </summary>
    public bool WaitDropsVerdict { get; }

    /// <summary>The statement holding the call: replaced (discarded result) or followed by the new branch (stored result).</summary>
    public StatementSyntax Statement { get; }

    /// <summary>The whole value expression, with <c>await</c> and <c>ConfigureAwait(..)</c> as written.</summary>
    public ExpressionSyntax Call { get; }

    /// <summary>True when the result is already stored: the branch goes right after <see cref="Statement"/>.</summary>
    public bool InsertAfter { get; }

    /// <summary>The local holding the result (stored form), or null.</summary>
    public string? ExistingLocal { get; }

    /// <summary>
    /// <see cref="ValidityMember"/> says the validation failed (<c>ValidateOptionsResult.Failed</c>): the branch tests it as it
    /// is (<c>if (validation.Failed)</c>) instead of negated.
    /// </summary>
    public bool MemberMeansFailure { get; }

    /// <summary>The verdict member (<c>IsValid</c>), or null when the result is <c>bool</c>.</summary>
    public string? ValidityMember { get; }

    /// <summary>The validator's simple name, for the thrown exception's message.</summary>
    public string Validator { get; }

    /// <summary>The fallback value to return, as written (<c>await FallbackAsync(seed)</c>), or null.</summary>
    public ExpressionSyntax? Fallback { get; }

    public MM0004FixRefusal FallbackRefusal { get; }

    /// <summary>The node the refusal is about (the argument, the function, the parameter's method), when there is one.</summary>
    public SyntaxNode? RefusalNode { get; }
}
