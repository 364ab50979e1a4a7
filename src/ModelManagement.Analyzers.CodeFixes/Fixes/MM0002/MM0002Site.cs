using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>What a fix needs to know about one reported side effect, computed from the original document.</summary>
internal sealed class MM0002Site
{
    public MM0002Site(AwaitExpressionSyntax? awaitExpression, InvocationExpressionSyntax invocation, InvocationExpressionSyntax? configureAwait)
    {
        Await = awaitExpression;
        Invocation = invocation;
        ConfigureAwait = configureAwait;
    }

    /// <summary>The await of the side effect; null when the side effect is one of the tasks of an awaited <c>Task.WhenAll</c>.</summary>
    public AwaitExpressionSyntax? Await { get; }

    /// <summary>True when the side effect is one of the tasks of an awaited <c>Task.WhenAll</c>: only the helper fix applies, around the call.</summary>
    public bool IsTaskOfWhenAll => Await is null;

    /// <summary>Where the site starts (Fix All orders nested sites by it).</summary>
    public int SpanStart => (Await ?? (SyntaxNode)Invocation).SpanStart;

    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The <c>X.ConfigureAwait(..)</c> call around the side effect, if any.</summary>
    public InvocationExpressionSyntax? ConfigureAwait { get; }

    /// <summary>The token passed to the side-effect call (a plain reference), else the innermost enclosing function's token parameter.</summary>
    public ExpressionSyntax? Token { get; set; }

    /// <summary>True when the try/catch fix is offered (<see cref="WrapRefusal"/> is <see cref="MM0002WrapRefusal.None"/>).</summary>
    public bool CanWrap => WrapRefusal == MM0002WrapRefusal.None;

    /// <summary>Why the try/catch fix is not offered, or <see cref="MM0002WrapRefusal.None"/>.</summary>
    public MM0002WrapRefusal WrapRefusal { get; set; } = MM0002WrapRefusal.NotAStatement;

    /// <summary>True when the helper fix is offered (<see cref="HelperRefusal"/> is <see cref="MM0002HelperRefusal.None"/>).</summary>
    public bool CanUseHelper => HelperRefusal == MM0002HelperRefusal.None;

    /// <summary>
    /// True when the helper is this site's default fix (offered under the try/catch key): no try statement can guard it
    /// (a task of <c>Task.WhenAll</c>, or the try/catch fix is refused) and the helper can. A Fix All or <c>dotnet format</c>
    /// run with the default key then treats every site the same whichever it starts from: try/catch where it fits, the
    /// helper elsewhere.
    /// </summary>
    public bool TakesHelperAsDefault => CanUseHelper && (IsTaskOfWhenAll || !CanWrap);

    /// <summary>Why the helper fix is not offered, or <see cref="MM0002HelperRefusal.None"/>.</summary>
    public MM0002HelperRefusal HelperRefusal { get; set; } = MM0002HelperRefusal.NotATask;

    public bool HelperNeedsAsTask { get; set; }

    public bool HelperLambdaCanBeStatic { get; set; }

    public bool HasReportFailure { get; set; }

    /// <summary>
    /// Whether <c>SideEffect</c> written plainly at the site would name the helper once its namespace is imported: nothing
    /// else of that name (a member, a type of the code's own namespace, a local) is in scope there, which the simplifier
    /// would keep the name qualified for, leaving an unused <c>using</c> behind (IDE0005).
    /// </summary>
    public bool HelperNameIsFree { get; set; }

    /// <summary>
    /// The exception types an enclosing <c>try</c> of the same function catches around the side effect (other than
    /// <c>Exception</c>): the author handles them there (<c>catch (IntegrationUnavailableException) { … "pending" }</c>), so
    /// the new catch lets them through to that handler, as before the fix.
    /// </summary>
    public ImmutableArray<ITypeSymbol> HandledAround { get; set; } = ImmutableArray<ITypeSymbol>.Empty;

    /// <summary><c>SideEffect.ReportAndSwallow</c> exists: without a token the catch reports through a filter.</summary>
    public bool HasReportAndSwallow { get; set; }

    /// <summary>Names the caught exception's variable must avoid (<see cref="Infrastructure.UniqueNames.TakenAround"/>).</summary>
    public ImmutableHashSet<string> NamesInScope { get; set; } = ImmutableHashSet<string>.Empty;

    /// <summary>The statement the try/catch wraps: an expression statement, or null for expression bodies.</summary>
    public ExpressionStatementSyntax? Statement => Await?.Parent as ExpressionStatementSyntax;
}
