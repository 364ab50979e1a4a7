namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Why MM0002's "Run side effect through SideEffect helper" fix is not offered at a site (one row each in
/// docs/rules/MM0002.md). The helper moves the call into a lambda <c>SideEffect.TryAsync</c> runs and swallows every
/// failure of: what cannot move into a lambda, or whose failure must not be swallowed, refuses it.
/// </summary>
internal enum MM0002HelperRefusal
{
    /// <summary>Offered.</summary>
    None,

    /// <summary><c>ModelManagement.Patterns.SideEffect.TryAsync</c> does not resolve (no reference to the helper package).</summary>
    NoHelper,

    /// <summary>The call declares variables (<c>out var</c>, a pattern variable) or definitely assigns locals: in a lambda they would be gone.</summary>
    DeclaresOrAssigns,

    /// <summary>
    /// An optional sink's call (<c>_audit?.AuditAsync(e) ?? Task.CompletedTask</c>, <c>await _audit?.AuditAsync(e)</c>, a
    /// conditional choosing it): the helper would need the sink inside its lambda.
    /// </summary>
    OptionalSink,

    /// <summary>The awaited task is <c>X.WaitAsync(…)</c>: the timeout or token on the wait would need to move into the lambda.</summary>
    WaitAsync,

    /// <summary>
    /// A try of the same function around the side effect catches narrower types (or the side effect is alone in such a
    /// try, which the try/catch fix joins): the helper would swallow what the author's catch handles.
    /// </summary>
    HandledAround,

    /// <summary>A preprocessor directive inside the call: the lambda's closing parts would land in one branch only.</summary>
    DirectiveInsideTheCall,

    /// <summary>The call contains an <c>await</c> (lambdas included): its work would run inside the helper, its failure swallowed.</summary>
    AwaitInsideTheCall,

    /// <summary>
    /// The call does not return <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c> (among the
    /// tasks of <c>Task.WhenAll</c>: <c>Task</c>), or does not bind.
    /// </summary>
    NotATask,

    /// <summary>
    /// The call cannot move into a lambda: <c>ref</c>/<c>in</c>/<c>out</c> parameters or arguments, ref locals, ref structs,
    /// <c>this</c> of a struct or a struct's primary-constructor parameter (CS9111).
    /// </summary>
    CannotMoveIntoLambda,

    /// <summary>
    /// The call's receiver is an optional dependency (the kind MM0003 judges: an <c>[OptionalDependency]</c> member, or one
    /// a constructor stores an optional parameter into): inside the helper's lambda its absence would be a swallowed
    /// <c>NullReferenceException</c> counted as a side-effect failure, and MM0003's null check could no longer be added
    /// around the use. The try/catch fix keeps the statement where MM0003's guard can go.
    /// </summary>
    OptionalDependency,

    /// <summary>The await is the processor's own work (<see cref="MM0002WrapRefusal.OwnersOwnWork"/>): neither fix is offered.</summary>
    OwnersOwnWork,
}
