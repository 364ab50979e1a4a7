using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;

/// <summary>
/// Decides what the MM0004 fixes write for one diagnostic, from the analyzer's properties and a few symbol look-ups:
/// a plan, or a typed refusal. Pure: it reads the tree and the model and changes nothing.
/// </summary>
internal static class MM0004FixPlanner
{
    private const int MaxWrapperDepth = 8;

    /// <summary>Whether a throw at a statement reaches a caller that can observe it (<see cref="CallerCannotObserveAThrow"/>).</summary>
    private enum Unobserved
    {
        /// <summary>A caller (or the function's own catch) sees the throw.</summary>
        No,

        /// <summary>Nobody sees it: the branch returns instead.</summary>
        Yes,

        /// <summary>Nobody sees it, and the statement is in a <c>finally</c>, which no <c>return</c> may leave.</summary>
        InFinally,
    }

    public static FixPlanResult<MM0004FixPlan, MM0004FixRefusal> Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var properties = diagnostic.Properties;
        var found = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var invocation = found as InvocationExpressionSyntax ?? found.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || invocation.Span != diagnostic.Location.SourceSpan)
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NotInBlock, found);
        }

        if (SyntaxErrors.InEnclosingMember(invocation))
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.SyntaxErrors, invocation);
        }

        properties.TryGetValue(MM0004Properties.Form, out var form);
        var memberMeansFailure = false;
        if (!properties.TryGetValue(MM0004Properties.ValidityMember, out var member) || member is null)
        {
            // No configured validity member: a result that says how it went (`ValidateOptionsResult.Failed`,
            // `IdentityResult.Succeeded`, a consumer round's discarded `IValidateOptions<T>.Validate(…)`) still has a verdict.
            if (form is MM0004Properties.OutArgument or MM0004Properties.OutDiscard || OutcomeFlag(model, invocation, cancellationToken) is not { } flag)
            {
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NoVerdict, invocation);
            }

            (member, memberMeansFailure) = flag;
        }

        properties.TryGetValue(MM0004Properties.Local, out var local);
        var (call, awaited, configureAwait, wait) = OuterExpression(invocation);
        if (wait && MM0004Rewriter.WaitOf(call) is not { ArgumentList.Arguments.Count: 0 })
        {
            // `ValidateAsync(x).Wait(timeout);`: `.Result` would wait without the timeout or the token.
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.WaitWithArguments, call);
        }

        switch (form)
        {
            case MM0004Properties.PatternVariable:
                // The variable exists only where the pattern matched; a branch after the statement would test it unassigned.
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.PatternVariable, call.Parent ?? call);
        }

        if (!awaited && TaskTypes.IsTaskOfResult(model.GetTypeInfo(invocation, cancellationToken).Type))
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.TaskNotAwaited, invocation);
        }

        StatementSyntax? statement = null;
        ArgumentSyntax? discardedOut = null;
        var insertAfter = form is MM0004Properties.Stored or MM0004Properties.OutArgument or MM0004Properties.OutDiscard;
        var optionalValidator = call is ConditionalAccessExpressionSyntax;
        if (form is MM0004Properties.OutArgument or MM0004Properties.OutDiscard)
        {
            if (optionalValidator)
            {
                // `_validator?.TryValidate(s, out var report);`: the out variable is unassigned when the validator is absent.
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.OptionalValidatorOutVerdict, call);
            }

            var outName = form == MM0004Properties.OutDiscard ? "_" : local;
            if (outName is null || OutArgument(invocation, outName) is not { } outArgument)
            {
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NotInBlock, invocation);
            }

            if (MayBeNull(model, outArgument, cancellationToken))
            {
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.OutVerdictMayBeNull, outArgument);
            }

            if (form == MM0004Properties.OutDiscard)
            {
                discardedOut = outArgument; // `out _` becomes `out var validation`, then the branch tests it
                local = null;
            }

            statement = call.Parent switch
            {
                ExpressionStatementSyntax expressionStatement => expressionStatement,
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignment } => assignment,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } }
                    when declaration.UsingKeyword.IsKind(SyntaxKind.None) => declaration,
                _ => null,
            };
        }

        switch (form is MM0004Properties.OutArgument or MM0004Properties.OutDiscard ? null : call.Parent)
        {
            case ExpressionStatementSyntax expressionStatement when form == MM0004Properties.Discarded:
                statement = expressionStatement;
                break;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax discard }
                when form == MM0004Properties.DiscardAssignment:
                statement = discard;
                break;
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignment } when insertAfter:
                statement = assignment;
                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } }
                when insertAfter && declaration.UsingKeyword.IsKind(SyntaxKind.None):
                statement = declaration;
                break;
            case IsPatternExpressionSyntax:
                return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.PatternVariable, call.Parent);
        }

        if (statement is null || (statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax) && !Statements.IsEmbedded(statement)))
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NotInBlock, (SyntaxNode?)statement ?? call);
        }

        if (insertAfter && local is not null && ReadLater(model, statement, local, cancellationToken) is { } laterRead)
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.VerdictReadLater, laterRead);
        }

        if (SameValidationLater(statement, invocation) is { } again)
        {
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.ValidatedAgainLater, again);
        }

        var unobserved = CallerCannotObserveAThrow(statement, model, cancellationToken);
        if (unobserved == Unobserved.InFinally
            && !(statement.Parent?.Parent is CommonForEachStatementSyntax loop && loop.Ancestors().OfType<FinallyClauseSyntax>().Any()
                && ValidatesTheLoopItem(statement, call, model, cancellationToken)))
        {
            // (A `continue` of a loop inside the finally may stand there: the skip is planned below, a fix-shapes round's
            // `async void OnClosing` flushing its pending items in a finally.)
            // A throw would crash the process (async void) or reach the event's raiser, and no `return` may leave a finally.
            return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Refuse(MM0004FixRefusal.ThrowWouldGoUnobserved, statement);
        }

        var position = insertAfter ? statement.Span.End : statement.SpanStart;
        // The fallback's await is configured like the validated call's, or, where that call is not awaited, like the
        // function's other awaits (a library method whose every await says `.ConfigureAwait(false)`, or CA2007 on).
        var fallback = PlanFallback(model, invocation, statement, position, configureAwait || (!awaited && Awaits.ConfigureAt(statement, model, cancellationToken)), cancellationToken);
        var verdictReturn = fallback.Plan is null && member.Length > 0
            ? ReturnsTheVerdictsType(model, statement, call, cancellationToken)
            : VerdictReturn.No;
        var returnsTheVerdict = discardedOut is null && verdictReturn is VerdictReturn.Directly or VerdictReturn.InACompletedTask;
        return FixPlanResult<MM0004FixPlan, MM0004FixRefusal>.Of(new MM0004FixPlan(
            statement,
            call,
            insertAfter,
            insertAfter ? local : null,
            member.Length == 0 ? null : member,
            properties.TryGetValue(MM0004Properties.Validator, out var validator) && validator is not null ? validator : "the validator",
            fallback.Plan,
            fallback.Refusal,
            fallback.Node,
            discardedOut,
            optionalValidator || (member.Length > 0 && VerdictMayBeNull(model, call, wait, cancellationToken)),
            memberMeansFailure,
            fallback.Plan is null && unobserved == Unobserved.Yes,
            wait,
            fallback.Plan is null && verdictReturn == VerdictReturn.No && ValidatesTheLoopItem(statement, call, model, cancellationToken),
            returnsTheVerdict,
            verdictReturn == VerdictReturn.InACompletedTask));
    }

    /// <summary>
    /// The function holding <paramref name="statement"/> returns (or, async, completes with) the very type of the verdict
    /// <paramref name="call"/> yields: a validator itself, whose caller decides on the result it returns (hmcts'
    /// vh-bookings-api: <c>Task&lt;ValidationResult&gt; ValidateRepresentativeInformationAsync</c>, where the throw fix turned
    /// the controller's 400 with field errors into a 500) — the branch returns the failed verdict.
    /// Not where the return could not stand or compile: inside a <c>finally</c> (CS0157) or before an <c>out</c> parameter is
    /// assigned (CS0177), the cases the fallback refuses too; nor for a verdict whose type arguments differ in nullability
    /// (<c>Result&lt;string?&gt;</c> returned as <c>Result&lt;string&gt;</c>: CS8619) — a fix-shapes round built all three.
    /// A function that is not <c>async</c> and returns <c>Task&lt;TVerdict&gt;</c> returns it in a completed task.
    /// </summary>
    private static VerdictReturn ReturnsTheVerdictsType(SemanticModel model, StatementSyntax statement, ExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (statement.Ancestors().FirstOrDefaultFunction() is not { } functionNode
            || GetFunctionSymbol(model, functionNode, cancellationToken) is not { } function
            || EffectiveReturnType(function) is not { } returned
            || MM0004Rewriter.ValueType(model, call, cancellationToken) is not { SpecialType: not SpecialType.System_Boolean } verdict)
        {
            return VerdictReturn.No;
        }

        var inATask = !function.IsAsync && returned is INamedTypeSymbol { Name: "Task", Arity: 1 } task && TaskTypes.IsTaskOfResult(task);
        var returnedVerdict = inATask ? ((INamedTypeSymbol)returned).TypeArguments[0] : returned;
        if (!SymbolEqualityComparer.Default.Equals(returnedVerdict.OriginalDefinition, verdict.OriginalDefinition))
        {
            return VerdictReturn.No;
        }

        return ContainsYield(functionNode)
            || InFinallyOf(statement, functionNode)
            || LeavesAnOutParameterUnassigned(model, statement, function)
            || !SymbolEqualityComparer.IncludeNullability.Equals(
                returnedVerdict.WithNullableAnnotation(NullableAnnotation.NotAnnotated), verdict.WithNullableAnnotation(NullableAnnotation.NotAnnotated))
                ? VerdictReturn.CannotBeReturnedHere
                : inATask ? VerdictReturn.InACompletedTask : VerdictReturn.Directly;
    }

    /// <summary>
    /// How the function relates to the verdict's type. <see cref="CannotBeReturnedHere"/>: it returns that type, but the
    /// return could not stand here — no skip either, which would hand the caller a success with a failed item in it (a
    /// fix-shapes round's <c>CheckMany</c>, whose return was refused for an <c>out</c> parameter), so it throws.
    /// </summary>
    private enum VerdictReturn
    {
        No,
        Directly,
        InACompletedTask,
        CannotBeReturnedHere,
    }

    /// <summary>Whether a <c>finally</c> of <paramref name="functionNode"/> holds <paramref name="statement"/>: no <c>return</c> may leave it (CS0157).</summary>
    private static bool InFinallyOf(StatementSyntax statement, SyntaxNode functionNode)
    {
        for (var node = statement.Parent; node is not null && node != functionNode; node = node.Parent)
        {
            if (node is FinallyClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="statement"/> is a statement of a <c>foreach</c> body whose item <paramref name="call"/> names (the
    /// verdict is about that item), every later statement of the body is about the item — names it, or a local the body
    /// derived from it — and at least one is (the item is handed on in its own pass, which <c>continue</c> skips). A
    /// validation with nothing after it in the body checks a part of what the code hands on after the loop
    /// (<c>foreach (var line in story.Split('.')) Validate(line);</c>): a <c>continue</c> there would drop the verdict, so that
    /// one still throws. So does one where a <c>continue</c> would change more than the item's fate (a fix-shapes round): a
    /// later statement about something else, which the pass must still run (<c>_gate.Release();</c> — every later item
    /// stalled — or <c>lineNo++;</c>; a count of handed-on items, <c>imported++</c>, is about the item), or one holding a
    /// <c>finally</c>; an earlier statement that already handed the item on (<c>seen.Add(item);</c>, <c>if
    /// (!_ids.Add(item)) continue;</c>, <c>var position = Insert(item);</c>: <see cref="HandsOn"/>), which would keep the
    /// rejected item; and a loop inside a <c>try</c> of the function whose <c>catch</c> runs for the throw, rethrowing or not
    /// (the author's all-or-nothing rollback would be skipped).
    /// </summary>
    private static bool ValidatesTheLoopItem(StatementSyntax statement, ExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement.Parent is not BlockSyntax { Parent: CommonForEachStatementSyntax loop } body)
        {
            return false;
        }

        var names = new List<string>();
        switch (loop)
        {
            case ForEachStatementSyntax single:
                names.Add(single.Identifier.ValueText);
                break;
            case ForEachVariableStatementSyntax deconstructed:
                foreach (var designation in deconstructed.Variable.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
                {
                    names.Add(designation.Identifier.ValueText);
                }

                break;
        }

        var index = body.Statements.IndexOf(statement);
        for (var i = 0; i < index; i++)
        {
            var earlier = body.Statements[i];
            if (!names.Exists(name => Shapes.MentionsIdentifier(earlier, name)))
            {
                continue;
            }

            if (HandsOn(earlier, names, model, cancellationToken))
            {
                return false; // `if (!_importedIds.Add(item)) continue;`, `var position = Insert(item);`: recorded before it was validated
            }

            if (earlier is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.None } declaration)
            {
                names.AddRange(declaration.Declaration.Variables.Select(v => v.Identifier.ValueText));
            }
            else if (earlier is not IfStatementSyntax { Else: null, Statement: ContinueStatementSyntax or BlockSyntax { Statements: [ContinueStatementSyntax] } })
            {
                return false; // handed on before it was validated (an `if (item == null) continue;` only skips it)
            }
        }

        if (index + 1 >= body.Statements.Count || !names.Exists(name => Shapes.MentionsIdentifier(call, name)))
        {
            return false;
        }

        var handedOn = false;
        for (var i = index + 1; i < body.Statements.Count; i++)
        {
            var later = body.Statements[i];
            var aboutTheItem = names.Exists(name => Shapes.MentionsIdentifier(later, name));
            if ((!aboutTheItem && !CountsHandedOnItems(body, later)) || later.DescendantNodesAndSelf().OfType<FinallyClauseSyntax>().Any())
            {
                return false; // work of the pass, not of the item (a `finally` releases what the pass took: a fix-shapes round's gate)
            }

            handedOn |= aboutTheItem;
            if (later is LocalDeclarationStatementSyntax declaration)
            {
                names.AddRange(declaration.Declaration.Variables.Select(v => v.Identifier.ValueText));
            }
        }

        if (!handedOn)
        {
            return false; // only a count after it: the items go on after the loop, and a skip would drop the verdict
        }

        for (SyntaxNode? child = loop, node = loop.Parent; node is not null && node is not (MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax); child = node, node = node.Parent)
        {
            if (node is TryStatementSyntax tryStatement && child == tryStatement.Block
                && tryStatement.Catches.Any(c => CatchesTheThrow(c, model, cancellationToken)))
            {
                return false; // also a catch that rolls back and rethrows (a fix-shapes round)
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="clause"/> runs for the fix's <see cref="System.InvalidOperationException"/> (untyped, or of that type or a base), whatever it does then.</summary>
    private static bool CatchesTheThrow(CatchClauseSyntax clause, SemanticModel model, CancellationToken cancellationToken)
        => clause.Declaration is null
            || model.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type is { } caught
                && caught.ToDisplayString() is "System.Exception" or "System.SystemException" or "System.InvalidOperationException";

    /// <summary>
    /// Whether <paramref name="statement"/> passes the item (or a local from it) to an instance method or property setter —
    /// <c>_importedIds.Add(item)</c>, <c>Insert(item)</c> — which may record it. Static helpers (<c>string.IsNullOrEmpty(item)</c>),
    /// the item's own members (<c>item.Trim()</c>) and constructors (<c>new Dto(item)</c>) only derive from it.
    /// </summary>
    private static bool HandsOn(StatementSyntax statement, List<string> names, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var invocation in statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (names.Exists(name => Shapes.MentionsIdentifier(invocation.ArgumentList, name))
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsStatic: true, IsExtensionMethod: false })
            {
                return true;
            }
        }

        return statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
            .Any(assignment => names.Exists(name => Shapes.MentionsIdentifier(assignment.Right, name))
                && model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not ILocalSymbol);
    }

    /// <summary>
    /// <c>imported++;</c> (or <c>+= 1</c>, of a local or field) where nothing else in the loop body mentions the counter: it
    /// counts the items handed on, which a skipped item is not. A counter the body reads (<c>lineNo++</c> after
    /// <c>Add($"{lineNo}: {line}")</c>) numbers the passes, and a skip would shift every later number.
    /// </summary>
    private static bool CountsHandedOnItems(BlockSyntax body, StatementSyntax statement)
    {
        var target = statement is ExpressionStatementSyntax { Expression: var expression }
            ? expression switch
            {
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: var operand } => operand,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: var operand } => operand,
                AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: var left, Right: LiteralExpressionSyntax } => left,
                _ => null,
            }
            : null;
        var name = target switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
            _ => null,
        };
        return name is not null && !body.Statements.Any(other => other != statement && Shapes.MentionsIdentifier(other, name));
    }

    /// <summary>
    /// Whether a throw at <paramref name="statement"/> would reach no caller that can observe it: the nearest function is an
    /// <c>async void</c> method, local function or lambda, a <c>void</c> event handler (<c>(object sender, TEventArgs e)</c>),
    /// or a <c>void</c> lambda subscribed with <c>+=</c> to an event (a fix-shapes round: the throw in a Save button's
    /// <c>async void</c> handler killed the process where it used to save); a synchronous <c>void</c> lambda handed on as an
    /// argument (<c>items.ForEach(i =&gt; …)</c>) throws into the function around it, which decides. Not when a <c>catch</c>
    /// of that function around the statement takes the <see cref="System.InvalidOperationException"/> for good (untyped, or
    /// of <c>Exception</c>, <c>SystemException</c> or <c>InvalidOperationException</c>, without a filter or a rethrow): its own
    /// handler sees the throw. <see cref="Unobserved.InFinally"/> where no <c>return</c> may stand (CS0157).
    /// </summary>
    private static Unobserved CallerCannotObserveAThrow(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        // A finally between the statement and the function its `return` would leave (the innermost one) forbids the return.
        var inFinally = false;
        var passedReturnsFunction = false;
        for (SyntaxNode? child = statement, node = statement.Parent; node is not null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case FinallyClauseSyntax:
                    inFinally |= !passedReturnsFunction;
                    break;
                case TryStatementSyntax tryStatement when child == tryStatement.Block && tryStatement.Catches.Any(c => Statements.KeepsEveryException(c, model, alsoSystemAndInvalidOperation: true, cancellationToken)):
                    return Unobserved.No;
                case AnonymousFunctionExpressionSyntax lambda:
                    if (model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { ReturnsVoid: true } function)
                    {
                        return Unobserved.No;
                    }

                    if (function.IsAsync || IsEventSubscription(lambda, model, cancellationToken))
                    {
                        return inFinally ? Unobserved.InFinally : Unobserved.Yes;
                    }

                    if (!IsArgument(lambda))
                    {
                        return Unobserved.No;
                    }

                    passedReturnsFunction = true; // the `return` leaves this lambda: finallys around it do not hold it
                    break; // run where it is handed on: the function around it decides
                case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                    return model.GetDeclaredSymbol(node, cancellationToken) is IMethodSymbol { ReturnsVoid: true } method
                        && (method.IsAsync || Shapes.IsEventHandler(method))
                        ? inFinally ? Unobserved.InFinally : Unobserved.Yes
                        : Unobserved.No;
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return Unobserved.No;
            }
        }

        return Unobserved.No;

        static bool IsArgument(AnonymousFunctionExpressionSyntax lambda) => Shapes.OutsideParenthesesAndCasts(lambda).Parent is ArgumentSyntax;

        static bool IsEventSubscription(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
        {
            var node = Shapes.OutsideParenthesesAndCasts(lambda);
            return node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } subscription
                && subscription.Right == node
                && model.GetSymbolInfo(subscription.Left, cancellationToken).Symbol is IEventSymbol;
        }
    }

    /// <summary>
    /// A public instance <c>bool</c> of the (awaited) result that says whether the validation failed (<c>Failed</c>: tested
    /// first, since <c>ValidateOptionsResult.Skip</c> neither succeeds nor fails) or succeeded (<c>Succeeded</c>), or null.
    /// </summary>
    private static (string Name, bool MeansFailure)? OutcomeFlag(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(invocation, cancellationToken).Type;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task && TaskTypes.IsTaskOfResult(task))
        {
            type = task.TypeArguments[0];
        }

        if (type is null || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        foreach (var (names, meansFailure) in new[] { (OutcomeFlags.Failure, true), (OutcomeFlags.Success, false) })
        {
            foreach (var name in names)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    foreach (var candidate in current.GetMembers(name))
                    {
                        if (!candidate.IsStatic && candidate.DeclaredAccessibility == Accessibility.Public
                            && candidate is IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean, GetMethod: not null } or IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean })
                        {
                            return (name, meansFailure);
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The same validation written again later in the function (the same callee and arguments, token for token, with none
    /// of the names they use assigned in between): a real handler's dropped <c>var vr = _validator.Validate(cmd);</c> was
    /// followed by the very call whose verdict it handled, with its own exception, which a branch here would pre-empt.
    /// </summary>
    private static InvocationExpressionSyntax? SameValidationLater(StatementSyntax statement, InvocationExpressionSyntax invocation)
    {
        var function = EnclosingFunction(statement);
        if (function is null)
        {
            return null;
        }

        var text = Tokens(invocation);
        HashSet<string>? names = null;
        foreach (var node in function.DescendantNodes())
        {
            if (node.SpanStart < statement.Span.End || node is not InvocationExpressionSyntax later || Tokens(later) != text
                || OnExclusiveBranches(statement, later))
            {
                continue;
            }

            names ??= new HashSet<string>(invocation.DescendantTokens().Where(static t => t.IsKind(SyntaxKind.IdentifierToken)).Select(static t => t.ValueText));
            if (!AssignsAnyBetween(function, statement.Span.End, later.SpanStart, names))
            {
                return later;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="first"/> and <paramref name="later"/> sit on branches of which one run takes only one: the
    /// two arms of an <c>if</c>/<c>else</c> or of a conditional, two sections of a <c>switch</c> or arms of a switch
    /// expression (a shapes round: the same check under <c>if (strict)</c> and its <c>else</c> refused the first one).
    /// </summary>
    private static bool OnExclusiveBranches(SyntaxNode first, SyntaxNode later)
    {
        SyntaxNode child = first;
        foreach (var ancestor in first.Ancestors())
        {
            if (!ancestor.Span.Contains(later.Span))
            {
                child = ancestor;
                continue;
            }

            // The closest node holding both: are they on different arms of it?
            return ancestor switch
            {
                IfStatementSyntax choice => (child == choice.Statement && choice.Else is { } other && other.Span.Contains(later.Span))
                    || (child == choice.Else && choice.Statement.Span.Contains(later.Span)),
                ConditionalExpressionSyntax conditional => (child == conditional.WhenTrue && conditional.WhenFalse.Span.Contains(later.Span))
                    || (child == conditional.WhenFalse && conditional.WhenTrue.Span.Contains(later.Span)),
                SwitchStatementSyntax or SwitchExpressionSyntax => child is SwitchSectionSyntax or SwitchExpressionArmSyntax && !child.Span.Contains(later.Span),
                _ => false,
            };
        }

        return false;
    }

    /// <summary>The method, accessor, local function or lambda whose body holds <paramref name="statement"/>.</summary>
    /// <summary>The function whose body holds <paramref name="statement"/>; for a top-level statement, the file (the program's body).</summary>
    private static SyntaxNode? EnclosingFunction(StatementSyntax statement)
        => statement.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);

    private static string Tokens(SyntaxNode node) => string.Concat(node.DescendantTokens().Select(static t => t.Text));

    /// <summary>Whether code between <paramref name="start"/> and <paramref name="end"/> may change a variable named in <paramref name="names"/>.</summary>
    private static bool AssignsAnyBetween(SyntaxNode function, int start, int end, HashSet<string> names)
    {
        foreach (var node in function.DescendantNodes(new TextSpan(start, end - start)))
        {
            if (node.SpanStart < start || node.SpanStart >= end)
            {
                continue;
            }

            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                _ => null,
            };
            if (target is not null && target.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && names.Contains(t.ValueText)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A read of the local <paramref name="name"/> that <paramref name="statement"/> writes, after the statement in the
    /// same function (nested lambdas and local functions included), or anywhere in a loop around it (the next iteration
    /// reads it again); null when there is none.
    /// </summary>
    private static IdentifierNameSyntax? ReadLater(SemanticModel model, StatementSyntax statement, string name, CancellationToken cancellationToken)
    {
        var function = EnclosingFunction(statement);
        if (function is null)
        {
            return null;
        }

        // In a loop, a read before the store in the loop body reads it again on the next iteration.
        var loop = statement.Ancestors().TakeWhile(n => n != function).FirstOrDefault(static n => n is CommonForEachStatementSyntax
            or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
        ISymbol? written = null;
        foreach (var token in function.DescendantTokens())
        {
            if ((token.SpanStart < statement.Span.End && (loop is null || !loop.Span.Contains(token.Span) || statement.Span.Contains(token.Span)))
                || !token.IsKind(SyntaxKind.IdentifierToken)
                || token.ValueText != name
                || token.Parent is not IdentifierNameSyntax identifier)
            {
                continue;
            }

            written ??= WrittenLocal(model, statement, name, cancellationToken);
            if (written is not null && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, written)
                && !(model.GetOperation(identifier, cancellationToken) is { } read && ValidationResultFlow.IsArgumentOfADebugOnlyCall(read)))
            {
                // A read in `Debug.Assert(verdict.IsValid)` is none: a Release build drops it, which is why the rule
                // reports the verdict, and the branch is what the fix adds (a fix-shapes round found the site reported, unfixed).
                return identifier;
            }
        }

        return null;
    }

    /// <summary>The local <paramref name="statement"/> declares or assigns under <paramref name="name"/>.</summary>
    private static ISymbol? WrittenLocal(SemanticModel model, StatementSyntax statement, string name, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name:
                    return model.GetDeclaredSymbol(declarator, cancellationToken);
                case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name:
                    return model.GetDeclaredSymbol(designation, cancellationToken);
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name:
                    return model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            }
        }

        return null;
    }

    /// <summary>The invocation's <c>out</c> argument writing <paramref name="name"/> (<c>out var name</c>, <c>out T name</c>, <c>out name</c>, <c>out _</c>).</summary>
    private static ArgumentSyntax? OutArgument(InvocationExpressionSyntax invocation, string name)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
            {
                continue;
            }

            var written = argument.Expression switch
            {
                DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } => designation.Identifier.ValueText,
                DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax } => "_",
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (written == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the out verdict may be null where the branch would read it: the parameter or the declared local is a
    /// nullable reference (<c>out Report? report</c>), as a <c>TryValidate</c> that fails often leaves it.
    /// </summary>
    private static bool MayBeNull(SemanticModel model, ArgumentSyntax argument, CancellationToken cancellationToken)
    {
        if (model.GetOperation(argument, cancellationToken) is not Microsoft.CodeAnalysis.Operations.IArgumentOperation operation)
        {
            return true;
        }

        return operation.Parameter?.Type.NullableAnnotation == NullableAnnotation.Annotated
            || operation.Value.Type?.NullableAnnotation == NullableAnnotation.Annotated;
    }

    /// <summary>
    /// The verdict is a reference the nullable annotations say may be null (<c>Task&lt;Verdict?&gt;</c>, a fix-shapes round:
    /// <c>if (!verdict.IsValid)</c> was CS8602 and a NullReferenceException when the validator answered null): the branch
    /// tests it like an optional validator's, <c>verdict?.IsValid == false</c>.
    /// </summary>
    private static bool VerdictMayBeNull(SemanticModel model, ExpressionSyntax call, bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            return MM0004Rewriter.WaitOf(call) is { Expression: MemberAccessExpressionSyntax { Expression: var task } }
                && model.GetTypeInfo(task, cancellationToken).Type is INamedTypeSymbol { TypeArguments: [{ IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated }] };
        }

        var info = model.GetTypeInfo(call, cancellationToken);
        return info.Type is { IsReferenceType: true } && info.Nullability.FlowState == NullableFlowState.MaybeNull;
    }

    /// <summary>The value expression around the invocation: <c>await X.ConfigureAwait(false)</c>, parentheses included.</summary>
    private static (ExpressionSyntax Call, bool Awaited, bool ConfigureAwait, bool Wait) OuterExpression(InvocationExpressionSyntax invocation)
    {
        if (invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation)
        {
            return (conditional, false, false, false); // an optional validator: nothing wraps it (see the analyzer's usage shapes)
        }

        ExpressionSyntax outer = invocation;
        var awaited = false;
        var configureAwait = false;
        for (var depth = 0; depth < MaxWrapperDepth; depth++)
        {
            switch (outer.Parent)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured } access
                    when access.Expression == outer:
                    outer = configured;
                    configureAwait = true;
                    continue;
                case AwaitExpressionSyntax awaitExpression:
                    outer = awaitExpression;
                    awaited = true;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    outer = parenthesized;
                    continue;
                case MemberAccessExpressionSyntax when Shapes.AsTaskOf(outer) is { } converted:
                    outer = converted; // a ValueTask verdict as a Task
                    continue;
            }

            switch (Shapes.BlockedOn(outer))
            {
                case (var value, Shapes.Blocking.Value): // `.Result`, `.GetAwaiter().GetResult()`: the verdict, as after an await
                    if (Shapes.ConditionalAccessAround(value) is { } optional)
                    {
                        return (optional, true, configureAwait, false); // `_optional?.ValidateAsync(x).Result`: null when absent
                    }

                    outer = value;
                    awaited = true;
                    continue;
                case (var wait, Shapes.Blocking.Wait): // `.Wait();`: the rewriter reads the verdict with `.Result` instead
                    return (Shapes.ConditionalAccessAround(wait) ?? wait, true, configureAwait, true);
            }

            break;
        }

        return (outer, awaited, configureAwait, false);
    }

    /// <summary>
    /// Whether the function has an <c>out</c> parameter that is not definitely assigned when <paramref name="statement"/>
    /// completes: the <c>return</c> placed right after it would leave it unassigned (CS0177; a fix-shapes round's
    /// <c>string Generate(string seed, out int tokens)</c>, which assigned <c>tokens</c> after validating). When the data flow
    /// cannot be read, the answer is yes.
    /// </summary>
    private static bool LeavesAnOutParameterUnassigned(SemanticModel model, StatementSyntax statement, IMethodSymbol function)
    {
        var hasOut = false;
        foreach (var parameter in function.Parameters)
        {
            hasOut |= parameter.RefKind == RefKind.Out;
        }

        if (!hasOut)
        {
            return false;
        }

        var flow = model.AnalyzeDataFlow(statement);
        if (flow is null || !flow.Succeeded)
        {
            return true;
        }

        foreach (var parameter in function.Parameters)
        {
            if (parameter.RefKind == RefKind.Out && !flow.DefinitelyAssignedOnExit.Contains(parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static FixPlanResult<ExpressionSyntax, MM0004FixRefusal> PlanFallback(
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        StatementSyntax statement,
        int position,
        bool configureAwait,
        CancellationToken cancellationToken)
    {
        var functionNode = statement.Ancestors().FirstOrDefaultFunction();
        if (functionNode is null || GetFunctionSymbol(model, functionNode, cancellationToken) is not { } function)
        {
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NoReturnValue, statement);
        }

        var returnType = EffectiveReturnType(function);
        if (returnType is null || ContainsYield(functionNode))
        {
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NoReturnValue, functionNode);
        }

        if (Shapes.IsExtensionBlockMember(function)
            || (function.ContainingSymbol is IMethodSymbol outer && Shapes.IsExtensionBlockMember(outer)))
        {
            // C# 14 `extension(IValidator v) { … }`: the block's members are reached through its parameter or the extended
            // type, not `this.`/the block's name, which is all the fallback could be written with (CS0027, CS0117).
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.FallbackInExtensionBlock, functionNode);
        }

        for (var node = statement.Parent; node is not null && node != functionNode; node = node.Parent)
        {
            if (node is FinallyClauseSyntax)
            {
                return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.FallbackInFinally, statement); // CS0157
            }
        }

        if (LeavesAnOutParameterUnassigned(model, statement, function))
        {
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.FallbackLeavesOutParameterUnassigned, statement); // CS0177
        }

        if (invocation.ArgumentList.Arguments.Count == 0
            || invocation.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax validated
            || model.GetSymbolInfo(validated, cancellationToken).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Parameter } validatedSymbol
            || !Returns(model, functionNode, validatedSymbol, cancellationToken))
        {
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.NotReturningValidatedValue, invocation.ArgumentList);
        }

        var scope = VariablesInScope(model, position, function, cancellationToken);
        var refusal = MM0004FixRefusal.NoFallbackMember;
        SyntaxNode? refusalNode = functionNode;
        var isStaticContext = IsStaticContext(function);
        var fits = new List<(ISymbol Member, ExpressionSyntax Expression)>();
        for (var type = function.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers())
            {
                if (candidate.Name.IndexOf("Fallback", StringComparison.OrdinalIgnoreCase) < 0
                    || candidate.IsImplicitlyDeclared
                    || SymbolEqualityComparer.Default.Equals(candidate, function)
                    || (isStaticContext && !candidate.IsStatic)
                    || !model.IsAccessible(position, candidate)
                    || IsObsolete(candidate) // CS0618/CS0619 where it would be called
                    || ValueType(candidate) is not { } valueType)
                {
                    continue;
                }

                var awaitIt = function.IsAsync && TaskTypes.IsTaskOfResult(valueType);
                var produced = awaitIt ? ((INamedTypeSymbol)valueType).TypeArguments[0] : valueType;
                if (!Converts(model.Compilation, produced, returnType))
                {
                    if (refusal == MM0004FixRefusal.NoFallbackMember)
                    {
                        refusal = MM0004FixRefusal.FallbackTypeMismatch;
                    }

                    continue;
                }

                if (awaitIt && (!Awaits.CanAwaitInInnermostFunction(statement) || Awaits.HoldsRefLikeValueAt(statement, model, cancellationToken)))
                {
                    refusal = MM0004FixRefusal.FallbackCannotBeAwaited; // a lock body (CS1996), an unsafe context, …
                    refusalNode = statement;
                    continue;
                }

                string? arguments = null;
                if (candidate is IMethodSymbol method && !TryFillArguments(model.Compilation, method, scope, validatedSymbol, out arguments, out var unfilled))
                {
                    refusal = MM0004FixRefusal.FallbackArgumentUnresolved;
                    refusalNode = unfilled is null ? refusalNode : (SyntaxNode?)functionNode;
                    continue;
                }

                // The member is named like the fixes name their own members (`this.` exactly where the project's
                // .editorconfig asks for it, or a local of that name would capture the plain name).
                var expression = MemberReferences.Own(candidate);
                if (arguments is not null)
                {
                    var argumentList = SyntaxFactory.ParseArgumentList("(" + arguments + ")");
                    if (argumentList.ContainsDiagnostics)
                    {
                        refusal = MM0004FixRefusal.FallbackArgumentUnresolved;
                        refusalNode = functionNode;
                        continue;
                    }

                    expression = SyntaxFactory.InvocationExpression(expression, argumentList);
                }

                fits.Add((candidate, awaitIt
                    ? (configureAwait ? Awaits.Configured(expression) : SyntaxFactory.AwaitExpression(expression))
                    : expression));
            }
        }

        if (fits.Count == 0 && FallbackTheFunctionReturns(model, functionNode, returnType, position, cancellationToken) is { } returned)
        {
            return FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Of(returned);
        }

        return fits.Count switch
        {
            0 => FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(refusal, refusalNode),
            1 => FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Of(fits[0].Expression),
            _ => ChooseFallback(fits, function, validatedSymbol, returnType, functionNode),
        };
    }

    /// <summary>
    /// The fallback the function already answers with elsewhere, when no member of its type fits: a static field, property
    /// or constant named for a fallback (<c>return Narratives.FallbackNarrative;</c>, an independent consumer's guardrail
    /// that paged and then fell back, where the fix threw instead) that it returns itself (<see cref="ReturnedExpressions"/>) — one such,
    /// written as they write it. Null when there is none, or several different ones.
    /// </summary>
    private static ExpressionSyntax? FallbackTheFunctionReturns(SemanticModel model, SyntaxNode functionNode, ITypeSymbol returnType, int position, CancellationToken cancellationToken)
    {
        ExpressionSyntax? found = null;
        ISymbol? foundSymbol = null;
        foreach (var expression in ReturnedExpressions(functionNode))
        {
            if (expression is not (MemberAccessExpressionSyntax or IdentifierNameSyntax)
                || model.GetSymbolInfo(expression, cancellationToken).Symbol is not ({ IsStatic: true } and (IFieldSymbol or IPropertySymbol) and var symbol)
                || symbol.Name.IndexOf("Fallback", StringComparison.OrdinalIgnoreCase) < 0
                || !model.IsAccessible(position, symbol)
                || IsObsolete(symbol)
                || ValueType(symbol) is not { } type
                || !Converts(model.Compilation, type, returnType))
            {
                continue;
            }

            if (foundSymbol is not null && !SymbolEqualityComparer.Default.Equals(foundSymbol, symbol))
            {
                return null; // two different fallbacks: nothing says which one stands in here
            }

            foundSymbol = symbol;
            found ??= expression.WithoutTrivia();
        }

        return found;
    }

    /// <summary>Marked <c>[Obsolete]</c>: a fix does not write a new call to it (a warning, CS0618, or an error, CS0619).</summary>
    private static bool IsObsolete(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words of a fallback's name that say nothing about which value it stands in for.</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "fallback", "fallbacks", "get", "async", "create", "build", "make", "default", "safe", "value", "result", "try", "for", "to", "on", "the",
    };

    /// <summary>
    /// Several members fit: the one whose name says what it stands in for — its specific words (<c>Title</c> in
    /// <c>TitleFallback</c>) found in the function's name, the validated variable's or the returned type's — is taken; a
    /// plainly generic one (<c>Fallback()</c>) beats one naming something else (<c>StoryFallback</c> for a title). When
    /// the best are equally good and differently named, nothing tells them apart: refused (<see cref="MM0004FixRefusal.FallbackAmbiguous"/>).
    /// Same-named members (overloads, an override and its base) go by declaration order, containing type first.
    /// </summary>
    private static FixPlanResult<ExpressionSyntax, MM0004FixRefusal> ChooseFallback(
        List<(ISymbol Member, ExpressionSyntax Expression)> fits, IMethodSymbol function, ISymbol validated, ITypeSymbol returnType, SyntaxNode functionNode)
    {
        var context = new HashSet<string>(StringComparer.Ordinal);
        for (var named = function; named is not null; named = named.ContainingSymbol as IMethodSymbol)
        {
            AddWords(context, named.Name); // a lambda's own name is unspeakable; its containing method's says what it makes
        }

        AddWords(context, validated.Name);
        AddWords(context, returnType.Name);

        var best = int.MinValue;
        var chosen = -1;
        var tied = false;
        for (var i = 0; i < fits.Count; i++)
        {
            var matches = 0;
            var specific = 0;
            foreach (var word in IdentifierWords.Split(fits[i].Member.Name))
            {
                if (GenericWords.Contains(word))
                {
                    continue;
                }

                specific++;
                if (context.Contains(Singular(word)))
                {
                    matches++;
                }
            }

            var score = (2 * matches) - (specific > matches ? 1 : 0);
            if (score > best)
            {
                (best, chosen, tied) = (score, i, false);
            }
            else if (score == best && fits[i].Member.Name != fits[chosen].Member.Name)
            {
                tied = true;
            }
        }

        return tied
            ? FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Refuse(MM0004FixRefusal.FallbackAmbiguous, functionNode)
            : FixPlanResult<ExpressionSyntax, MM0004FixRefusal>.Of(fits[chosen].Expression);
    }

    private static void AddWords(HashSet<string> words, string identifier)
    {
        foreach (var word in IdentifierWords.Split(identifier))
        {
            words.Add(Singular(word));
        }
    }

    private static string Singular(string word)
        => word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;

    private static SyntaxNode? FirstOrDefaultFunction(this IEnumerable<SyntaxNode> ancestors)
    {
        foreach (var ancestor in ancestors)
        {
            if (ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }

    private static IMethodSymbol? GetFunctionSymbol(SemanticModel model, SyntaxNode function, CancellationToken cancellationToken)
        => function is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;

    /// <summary><c>T</c> for <c>async Task&lt;T&gt;</c>, the declared type otherwise; null for void, <c>async Task</c>, by-ref returns.</summary>
    private static ITypeSymbol? EffectiveReturnType(IMethodSymbol function)
    {
        if (function.ReturnsVoid || function.ReturnsByRef || function.ReturnsByRefReadonly)
        {
            return null;
        }

        if (!function.IsAsync)
        {
            return function.ReturnType;
        }

        return TaskTypes.IsTaskOfResult(function.ReturnType) ? ((INamedTypeSymbol)function.ReturnType).TypeArguments[0] : null;
    }

    /// <summary>
    /// Whether <paramref name="function"/> has no <c>this</c>: a static member, a <c>static</c> lambda or local function (or
    /// one nested in such), or a lambda in a field or property initializer (CS8821, CS8422, CS0236 where an instance
    /// fallback was returned there: an independent consumer's minimal-API handlers).
    /// </summary>
    private static bool IsStaticContext(IMethodSymbol function)
    {
        ISymbol? symbol = function;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } inner)
        {
            if (inner.IsStatic)
            {
                return true;
            }

            symbol = inner.ContainingSymbol;
        }

        return symbol is null or IFieldSymbol or IPropertySymbol or IEventSymbol || symbol.IsStatic;
    }

    private static ITypeSymbol? ValueType(ISymbol member)
        => member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, ReturnsVoid: false } method => method.ReturnType,
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
            IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
            _ => null,
        };

    private static bool Converts(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        var conversion = compilation.ClassifyConversion(from, to);
        return conversion.Exists && conversion.IsImplicit;
    }

    private static bool ContainsYield(SyntaxNode function)
    {
        foreach (var node in function.DescendantNodes(n => n == function || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is YieldStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the function returns <paramref name="value"/> itself somewhere (a <c>return story;</c>).</summary>
    private static bool Returns(SemanticModel model, SyntaxNode function, ISymbol value, CancellationToken cancellationToken)
    {
        foreach (var returned in ReturnedExpressions(function))
        {
            // The value itself, or a chain of calls on it: `return story.Trim();` hands on the validated content too (a
            // fix-shapes round's generator got the throw although its `Fallback` constant fit).
            var root = returned;
            while (true)
            {
                var inner = root switch
                {
                    InvocationExpressionSyntax invocation => invocation.Expression,
                    MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => access.Expression,
                    ConditionalAccessExpressionSyntax conditional => conditional.Expression,
                    PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed => suppressed.Operand,
                    _ => null,
                };
                if (inner is null)
                {
                    break;
                }

                root = inner;
            }

            if (root is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == value.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What <paramref name="function"/> itself returns (its <c>return</c> statements and expression body, not those of the
    /// lambdas and local functions in it), without the parentheses around it.
    /// </summary>
    private static IEnumerable<ExpressionSyntax> ReturnedExpressions(SyntaxNode function)
    {
        foreach (var node in function.DescendantNodes(n => n == function || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            var returned = node switch
            {
                ReturnStatementSyntax { Expression: { } expression } => expression,
                ArrowExpressionClauseSyntax { Expression: { } expression } => expression,
                _ => null,
            };
            while (returned is ParenthesizedExpressionSyntax parenthesized)
            {
                returned = parenthesized.Expression;
            }

            if (returned is not null)
            {
                yield return returned;
            }
        }
    }

    /// <summary>Locals declared before <paramref name="position"/> and parameters in scope there.</summary>
    /// <summary>
    /// The parameters and locals (declared before <paramref name="position"/>) of <paramref name="function"/> itself. Those of
    /// an enclosing function are left out: a static lambda or local function cannot use them (CS8421, CS8820), and in any
    /// other the enclosing value is not what was validated — `StoryFallback(story)` inside `Select(word => …)` withheld the
    /// whole story in place of one word (a shapes round).
    /// </summary>
    private static List<ISymbol> VariablesInScope(SemanticModel model, int position, IMethodSymbol function, CancellationToken cancellationToken)
    {
        var result = new List<ISymbol>();
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function))
            {
                continue;
            }

            switch (symbol)
            {
                case IParameterSymbol:
                    result.Add(symbol);
                    break;
                case ILocalSymbol local when DeclaredBefore(local, position):
                    result.Add(symbol);
                    break;
            }
        }

        return result;
    }

    private static bool DeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol variable) => variable switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>
    /// Fills each parameter: a variable of the same name and a convertible type first, else the only variable of a
    /// convertible type; trailing optional parameters without a match are left out. Ambiguous or missing: false.
    /// </summary>
    private static bool TryFillArguments(Compilation compilation, IMethodSymbol method, List<ISymbol> scope, ISymbol validated, out string? arguments, out IParameterSymbol? unfilled)
    {
        var parts = new List<string>();
        unfilled = null;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                unfilled = parameter;
                arguments = null;
                return false;
            }

            ISymbol? chosen = null;
            var candidates = 0;
            ISymbol? onlyCandidate = null;
            foreach (var variable in scope)
            {
                if (TypeOf(variable) is not { } type || !Converts(compilation, type, parameter.Type))
                {
                    continue;
                }

                if (variable.Name == parameter.Name)
                {
                    chosen = variable;
                    break;
                }

                candidates++;
                onlyCandidate = variable;
            }

            // The rejected content goes into a fallback only through a parameter of its name (`ArticleFallback(article)`): as
            // the only string around it would become `HeadlineFallback(string reason)`'s reason, and the withheld headline
            // would be shown inside its own fallback (an independent consumer's guardrail).
            chosen ??= candidates == 1 && !SymbolEqualityComparer.Default.Equals(onlyCandidate, validated) ? onlyCandidate : null;
            if (chosen is null)
            {
                if (parameter.IsOptional)
                {
                    break; // later parameters are optional too; positional arguments stop here
                }

                unfilled = parameter;
                arguments = null;
                return false;
            }

            parts.Add(SyntaxFacts.GetKeywordKind(chosen.Name) != SyntaxKind.None ? "@" + chosen.Name : chosen.Name);
        }

        arguments = string.Join(", ", parts);
        return true;
    }
}
