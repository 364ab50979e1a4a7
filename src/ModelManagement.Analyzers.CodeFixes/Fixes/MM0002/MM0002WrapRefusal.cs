namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Why MM0002's "wrap in try/catch" fix is not offered for a site. Each value is a row of docs/rules/MM0002.md ("When no
/// fix is offered").
/// </summary>
internal enum MM0002WrapRefusal
{
    /// <summary>Offered.</summary>
    None,

    /// <summary>
    /// The await is not a statement of its own, nor the body of an <c>async</c> lambda or of an <c>async Task</c>/<c>void</c>
    /// expression-bodied member: it stands where no statement can (a <c>for</c> loop's incrementor), so no try fits there.
    /// </summary>
    NotAStatement,

    /// <summary>The call declares variables (<c>out var</c>) or definitely assigns locals the code after it reads.</summary>
    DeclaresOrAssigns,

    /// <summary>Neither <c>ModelManagement.Patterns.SideEffect</c> nor <c>System.Diagnostics.Trace</c> resolves: the catch has nowhere to report.</summary>
    NoFailureSink,

    /// <summary>A preprocessor directive opened in the statement closes after it (or an expression body holds one): the try's braces would cut it.</summary>
    DirectiveAcrossStatement,

    /// <summary>The side effect is one of the tasks of an awaited <c>Task.WhenAll</c>: only the helper fits around the call itself.</summary>
    TaskOfWhenAll,

    /// <summary>
    /// The side-effect call awaits other work in its receiver or arguments
    /// (<c>await audit.AuditAsync("submitted #" + await orders.SubmitAsync(order));</c>): the catch would swallow that
    /// operation's failure too, as a logging failure.
    /// </summary>
    AwaitInsideTheCall,

    /// <summary>
    /// The await is in the processor that owns the concern (pattern 6: a type named by <c>[CentralizedBy]</c> or a
    /// CentralizedSymbols file) and calls its own member or what it owns (<c>await RecordAsync(entry, ct);</c> in
    /// <c>HistoricalLogProcessor.DrainAsync</c>): guarding it may drop what the processor exists to write, so whether its
    /// failure should fail the work is the author's call. Neither fix is offered.
    /// </summary>
    OwnersOwnWork,
}
