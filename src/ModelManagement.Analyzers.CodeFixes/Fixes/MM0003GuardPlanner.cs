using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>Decides what the MM0003 fix does for a diagnostic, and merges the guards of neighbouring statements.</summary>
internal static class MM0003GuardPlanner
{
    /// <summary>Bounds the base-type walk looking for user-defined equality operators.</summary>
    private const int MaxBaseTypeDepth = 32;

    /// <summary>
    /// The plans for every use the diagnostic covers (its location and its additional locations, each with its own
    /// shape), merged; empty when no use can be guarded.
    /// </summary>
    public static List<MM0003GuardPlan> PlanUses(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var plans = new List<MM0003GuardPlan>();
        AddPlans(plans, root, model, diagnostic, cancellationToken);
        return Merge(plans, model, cancellationToken);
    }

    /// <summary>
    /// Adds (unmerged) the plan of each guardable use of the diagnostic, except those a use no guard fits makes pointless:
    /// a use left unguarded that runs whenever the guarded one's block runs either throws first (the guard is dead) or
    /// throws later, after the work the guard let through (the guard only moves the crash past side effects).
    /// </summary>
    public static void AddPlans(List<MM0003GuardPlan> plans, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var found = new List<MM0003GuardPlan>();
        var unguarded = new List<SyntaxNode>();
        var additional = diagnostic.AdditionalLocations;
        for (var i = 0; i <= additional.Count; i++)
        {
            var location = i == 0 ? diagnostic.Location : additional[i - 1];
            if (TryPlan(root, model, location, MM0003DiagnosticProperties.ShapeAt(diagnostic, i), cancellationToken) is { } plan)
            {
                found.Add(plan);
            }
            else if (location.SourceTree == root.SyntaxTree && root.FullSpan.Contains(location.SourceSpan))
            {
                unguarded.Add(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true));
            }
        }

        foreach (var plan in found)
        {
            if (!MadePointlessBy(plan, unguarded))
            {
                plans.Add(plan);
            }
        }
    }

    /// <summary>
    /// True when a use in <paramref name="unguarded"/> sits in a block enclosing the plan's first statement, outside that
    /// statement, and runs whenever that block's statement holding it runs (not in a branch, a loop body, a lambda…).
    /// </summary>
    private static bool MadePointlessBy(MM0003GuardPlan plan, List<SyntaxNode> unguarded)
    {
        var guarded = plan.Statements.Count > 0 ? plan.Statements[0] : (SyntaxNode?)plan.ChainTop;
        if (guarded is null)
        {
            return false;
        }

        foreach (var use in unguarded)
        {
            for (SyntaxNode? child = use, current = use.Parent; current is not null; child = current, current = current.Parent)
            {
                if (current is BlockSyntax or SwitchSectionSyntax && guarded.Ancestors().Contains(current))
                {
                    // The common block: the use's statement in it must not be the guarded one's.
                    if (child is StatementSyntax statement && !statement.Span.Contains(guarded.Span))
                    {
                        return true;
                    }

                    break;
                }

                if (!RunsWithItsParent(child, current))
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="child"/> runs whenever <paramref name="parent"/> does (conditions yes, branches and bodies no).</summary>
    private static bool RunsWithItsParent(SyntaxNode child, SyntaxNode parent) => parent switch
    {
        AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax => false,
        IfStatementSyntax ifStatement => child == ifStatement.Condition,
        WhileStatementSyntax loop => child == loop.Condition,
        DoStatementSyntax => true,
        ForStatementSyntax loop => child == loop.Declaration || loop.Initializers.Contains(child) || child == loop.Condition,
        CommonForEachStatementSyntax loop => child == loop.Expression,
        SwitchStatementSyntax switchStatement => child == switchStatement.Expression,
        SwitchExpressionSyntax switchExpression => child == switchExpression.GoverningExpression,
        ConditionalExpressionSyntax conditional => child == conditional.Condition,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression } binary
            => child == binary.Left,
        ConditionalAccessExpressionSyntax access => child == access.Expression,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } assignment => child == assignment.Left,
        CatchClauseSyntax or CatchFilterClauseSyntax => false,
        _ => true,
    };

    /// <summary>A plan for one use, or null when no guard keeps the code compiling and meaningful.</summary>
    public static MM0003GuardPlan? TryPlan(SyntaxNode root, SemanticModel model, Location location, string shape, CancellationToken cancellationToken)
    {
        if (shape is not (MM0003DiagnosticProperties.Statement or MM0003DiagnosticProperties.DiscardedExpression or MM0003DiagnosticProperties.ValueFlows))
        {
            return null;
        }

        if (location.SourceTree != root.SyntaxTree
            || !root.FullSpan.Contains(location.SourceSpan)
            || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax receiver
            || !MM0003DiagnosticProperties.IsSimpleReference(receiver)
            || model.GetSymbolInfo(receiver, cancellationToken).Symbol is not { } symbol)
        {
            return null;
        }

        var avoidOperators = HasUserDefinedEquality(TypeOf(symbol));
        if (TryPlanCoalescedChain(root, model, receiver, symbol, avoidOperators, cancellationToken) is { } coalesced)
        {
            return coalesced;
        }

        if (shape == MM0003DiagnosticProperties.ValueFlows)
        {
            return TryPlanNullableChain(root, model, receiver, symbol, avoidOperators, cancellationToken)
                ?? TryPlanUsingResource(root, model, receiver, symbol, avoidOperators, cancellationToken);
        }

        ExpressionSyntax? chainTop = null;
        var canUseConditionalAccess = false;
        StatementSyntax? statement;
        if (shape == MM0003DiagnosticProperties.DiscardedExpression)
        {
            chainTop = MM0003DiagnosticProperties.ChainTop(receiver);
            canUseConditionalAccess = LanguageVersionHelpers.IsAtLeast(root.SyntaxTree, LanguageVersion.CSharp6) && ConditionalAccessCompiles(chainTop, model, cancellationToken);
            statement = chainTop.Parent as ExpressionStatementSyntax;
            if (statement is null)
            {
                // An arrow or lambda body: only `?.` fits there.
                return canUseConditionalAccess
                    ? new MM0003GuardPlan(receiver, symbol, new List<StatementSyntax>(), chainTop, canUseConditionalAccess: true, avoidOperators)
                    : null;
            }
        }
        else
        {
            statement = EnclosingWrappableStatement(receiver);
            if (statement is null && MM0003DiagnosticProperties.ChainTop(receiver).Parent is AwaitExpressionSyntax awaited
                && awaited.Parent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } or LambdaExpressionSyntax)
            {
                // The awaited call is an async function's whole expression body: the body becomes a block around the guard.
                return new MM0003GuardPlan(receiver, symbol, new List<StatementSyntax>(), awaited, canUseConditionalAccess: false, avoidOperators);
            }
        }

        if (statement is null || !CanHoldGuard(statement))
        {
            return null;
        }

        var statements = new List<StatementSyntax> { statement };
        ExtendOverConsecutiveUses(statements, symbol, model, cancellationToken);
        while (!Statements.CanWrap(statement, statements.Count))
        {
            // A #if or #region the guard's braces would cut in two: guard fewer statements, or none.
            if (statements.Count == 1)
            {
                return null;
            }

            statements.RemoveAt(statements.Count - 1);
        }

        statements = AroundTheTryTheyFill(statements);
        var plan = new MM0003GuardPlan(receiver, symbol, statements, chainTop, canUseConditionalAccess, avoidOperators);
        return NoWrittenValueFlowsOut(statements, model) ? plan : null;
    }

    /// <summary>
    /// A chain the code already gives a fallback with <c>??</c> — <c>_filterOptions = filterOptions.Value ?? new
    /// LoggerFilterOptions();</c> (Statiq's console logger provider, found by a triage) — gets <c>?.</c> at its head:
    /// <c>filterOptions?.Value ?? new LoggerFilterOptions()</c> is what the author meant, where an <c>if</c> around the
    /// statement left the field null and moved the exception to its readers. Not when the fallback names the dependency too
    /// (it would throw there), nor when the chain is awaited, nor on a value-type dependency.
    /// </summary>
    private static MM0003GuardPlan? TryPlanCoalescedChain(
        SyntaxNode root, SemanticModel model, ExpressionSyntax receiver, ISymbol symbol, bool avoidOperators, CancellationToken cancellationToken)
    {
        var chainTop = MM0003DiagnosticProperties.ChainTop(receiver);
        SyntaxNode operand = chainTop;
        while (operand.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            operand = parenthesized;
        }

        if (chainTop == receiver || receiver.Parent is ConditionalAccessExpressionSyntax
            || operand.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce || coalesce.Left != operand
            || TypeOf(symbol) is not { IsReferenceType: true }
            || !LanguageVersionHelpers.IsAtLeast(root.SyntaxTree, LanguageVersion.CSharp6)
            || !ConditionalAccessCompiles(chainTop, model, cancellationToken))
        {
            return null;
        }

        foreach (var name in coalesce.Right.DescendantNodesAndSelf())
        {
            if (name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return null;
            }
        }

        return new MM0003GuardPlan(receiver, symbol, new List<StatementSyntax>(), chainTop, canUseConditionalAccess: true, avoidOperators);
    }

    /// <summary>
    /// A value that flows on from a chain already null-conditional after the dependency — <c>var user =
    /// _accessor.HttpContext?.User?.Name;</c> (a fix-shapes round's real <c>AppDbContext</c>) — gets <c>?.</c> at its head:
    /// <c>_accessor?.HttpContext?.User?.Name</c> has the chain's type already, and an absent dependency becomes the null the
    /// code already handles. Not when the chain is awaited (a null task throws at the await), nor on a value-type dependency.
    /// </summary>
    private static MM0003GuardPlan? TryPlanNullableChain(
        SyntaxNode root, SemanticModel model, ExpressionSyntax receiver, ISymbol symbol, bool avoidOperators, CancellationToken cancellationToken)
    {
        var chainTop = MM0003DiagnosticProperties.ChainTop(receiver);
        return chainTop is ConditionalAccessExpressionSyntax
            && receiver.Parent is not ConditionalAccessExpressionSyntax
            && chainTop.Parent is not (AwaitExpressionSyntax or RefExpressionSyntax)
            && !(chainTop.Parent is AssignmentExpressionSyntax assignment && assignment.Left == chainTop)
            && TypeOf(symbol) is { IsReferenceType: true }
            && LanguageVersionHelpers.IsAtLeast(root.SyntaxTree, LanguageVersion.CSharp6)
            && ConditionalAccessCompiles(chainTop, model, cancellationToken)
            ? new MM0003GuardPlan(receiver, symbol, new List<StatementSyntax>(), chainTop, canUseConditionalAccess: true, avoidOperators)
            : null;
    }

    /// <summary>
    /// The resource of a <c>using</c> — <c>using var span = _tracer.StartSpan("tell");</c>, <c>using
    /// (_logger.BeginScope(id))</c> (a fix-shapes round's optional tracer) — gets <c>?.</c> at its head: <c>using</c> accepts
    /// null and disposes nothing, so an absent dependency skips only the span or scope, while an <c>if</c> around the
    /// statement would skip the work it encloses (or end the declaration's scope). Only when nothing but the disposal reads
    /// the declared variable (a later <c>span.SetTag(…)</c> would move the exception there), the resource is of a reference
    /// type, a declaration is <c>var</c> (or nullable annotations are off: an explicit non-nullable type would warn), and
    /// the resource is not awaited (a null task throws at the await).
    /// </summary>
    private static MM0003GuardPlan? TryPlanUsingResource(
        SyntaxNode root, SemanticModel model, ExpressionSyntax receiver, ISymbol symbol, bool avoidOperators, CancellationToken cancellationToken)
    {
        var chainTop = MM0003DiagnosticProperties.ChainTop(receiver);
        if (chainTop == receiver || chainTop is ConditionalAccessExpressionSyntax || receiver.Parent is ConditionalAccessExpressionSyntax
            || TypeOf(symbol) is not { IsReferenceType: true }
            || model.GetTypeInfo(chainTop, cancellationToken).Type is not { } resourceType
            || !(resourceType.IsReferenceType && resourceType is not IErrorTypeSymbol && resourceType.TypeKind != TypeKind.Dynamic)
            || !LanguageVersionHelpers.IsAtLeast(root.SyntaxTree, LanguageVersion.CSharp6))
        {
            return null;
        }

        SyntaxNode? scope;
        SyntaxToken declared = default;
        switch (chainTop.Parent)
        {
            case UsingStatementSyntax usingStatement when usingStatement.Expression == chainTop:
                scope = null;
                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } declarator }
                when declaration.Parent is UsingStatementSyntax or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword }
                    && (declaration.Type.IsVar || !model.GetNullableContext(declaration.SpanStart).AnnotationsEnabled()):
                scope = declaration.Parent is UsingStatementSyntax statement ? statement.Statement
                    : declaration.Parent.Parent is GlobalStatementSyntax global ? global.Parent : declaration.Parent.Parent;
                declared = declarator.Identifier;
                break;
            default:
                return null;
        }

        if (scope is not null)
        {
            foreach (var token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == declared.ValueText && token != declared)
                {
                    return null; // the variable is read (or shadowed): the null would flow on
                }
            }
        }

        return new MM0003GuardPlan(receiver, symbol, new List<StatementSyntax>(), chainTop, canUseConditionalAccess: true, avoidOperators);
    }

    /// <summary>
    /// When the guarded statements are the whole block of a try without a <c>finally</c> — MM0002's try/catch around a
    /// side effect, written before this guard — the guard goes around the try statement instead: the same behaviour (the
    /// check cannot throw, and no finally is skipped), and the same code whichever of the two fixes runs first (MM0002's
    /// fix then wraps the await inside the guard). Nested such trys are all taken in.
    /// </summary>
    private static List<StatementSyntax> AroundTheTryTheyFill(List<StatementSyntax> statements)
    {
        while (statements[0].Parent is BlockSyntax { Parent: TryStatementSyntax { Finally: null } tryStatement } block
            && block == tryStatement.Block
            && block.Statements.Count == statements.Count
            && CanHoldGuard(tryStatement)
            && Statements.CanWrap(tryStatement, 1))
        {
            statements = new List<StatementSyntax> { tryStatement };
        }

        return statements;
    }

    /// <summary>Merges guards of the same dependency over overlapping or adjacent statements of one block.</summary>
    public static List<MM0003GuardPlan> Merge(List<MM0003GuardPlan> plans, SemanticModel model, CancellationToken cancellationToken)
    {
        // Ties (two diagnostics in one statement) are ordered by receiver, so the result does not depend on the sort.
        plans.Sort(static (a, b) =>
        {
            var byStatement = StartOf(a).CompareTo(StartOf(b));
            return byStatement != 0 ? byStatement : a.Receiver.SpanStart.CompareTo(b.Receiver.SpanStart);
        });
        var merged = new List<MM0003GuardPlan>();
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = merged.Count > 0 ? merged[merged.Count - 1] : null;
            if (previous is not null
                && previous.ListOwner is { } owner
                && plan.ListOwner == owner
                && SymbolEqualityComparer.Default.Equals(previous.Symbol, plan.Symbol)
                && IndexIn(owner, plan.Statements[0]) <= IndexIn(owner, previous.Statements[previous.Statements.Count - 1]) + 1)
            {
                var statements = new List<StatementSyntax>(previous.Statements);
                foreach (var statement in plan.Statements)
                {
                    if (!statements.Contains(statement))
                    {
                        statements.Add(statement);
                    }
                }

                if (!Statements.CanWrap(statements[0], statements.Count))
                {
                    // One guard would cut a #if or #region in two: two guards (a use the first one covers needs none).
                    if (!previous.Statements.Contains(plan.Statements[0]))
                    {
                        merged.Add(plan);
                    }

                    continue;
                }

                merged[merged.Count - 1] = new MM0003GuardPlan(
                    previous.Receiver, previous.Symbol, statements, previous.ChainTop, previous.CanUseConditionalAccess, previous.AvoidEqualityOperators);
                continue;
            }

            if (previous is not null && previous.Statements.Count > 0 && plan.Statements.Count > 0 && previous.Statements[0] == plan.Statements[0])
            {
                continue; // two diagnostics in one statement: one guard
            }

            merged.Add(plan);
        }

        merged.RemoveAll(plan => plan.Statements.Count > 0 && !NoWrittenValueFlowsOut(plan.Statements, model));

        // Every use is reported, so a guarded statement (a foreach over the dependency) may hold further diagnostics of
        // the same dependency: the outer guard covers them, a second guard inside would be redundant.
        for (var i = merged.Count - 1; i >= 0; i--)
        {
            if (IsCoveredByAnotherPlan(merged[i], merged))
            {
                merged.RemoveAt(i);
            }
        }

        return merged;
    }

    private static bool IsCoveredByAnotherPlan(MM0003GuardPlan plan, List<MM0003GuardPlan> plans)
    {
        SyntaxNode? anchor = plan.Statements.Count > 0 ? plan.Statements[0] : plan.ChainTop;
        if (anchor is null)
        {
            return false;
        }

        foreach (var other in plans)
        {
            if (other == plan || !SymbolEqualityComparer.Default.Equals(other.Symbol, plan.Symbol))
            {
                continue;
            }

            if (other.Statements.Count == 0)
            {
                if (other.ChainTop is { } chainTop && IsGuardedInside(anchor, chainTop))
                {
                    return true;
                }

                continue;
            }

            foreach (var statement in other.Statements)
            {
                if (IsGuardedInside(anchor, statement))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> lies strictly inside <paramref name="guarded"/>, not in a lambda or local function (analyzed with nothing known).</summary>
    private static bool IsGuardedInside(SyntaxNode node, SyntaxNode guarded)
    {
        if (node == guarded || !guarded.Span.Contains(node.Span))
        {
            return false;
        }

        for (var current = node.Parent; current is not null && current != guarded; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static int StartOf(MM0003GuardPlan plan)
        => plan.Statements.Count > 0 ? plan.Statements[0].SpanStart : plan.Receiver.SpanStart;

    private static int IndexIn(SyntaxNode owner, StatementSyntax statement) => owner switch
    {
        BlockSyntax block => block.Statements.IndexOf(statement),
        SwitchSectionSyntax section => section.Statements.IndexOf(statement),
        _ => -1,
    };

    /// <summary>The expression statement (or foreach whose collection it is) holding the receiver, not crossing lambdas.</summary>
    private static StatementSyntax? EnclosingWrappableStatement(SyntaxNode receiver)
    {
        for (var node = receiver.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ExpressionStatementSyntax expressionStatement:
                    return IsWrappable(expressionStatement) ? expressionStatement : null;
                case ForEachStatementSyntax forEach when forEach.Expression.Span.Contains(receiver.Span):
                    return forEach;
                case StatementSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax or ArrowExpressionClauseSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>An expression statement or a foreach that can move into the guard's block (shared rule: it declares nothing later code uses).</summary>
    private static bool IsWrappable(StatementSyntax statement)
        => statement is ExpressionStatementSyntax or ForEachStatementSyntax && Statements.CanMoveIntoBlock(statement);

    /// <summary>A statement in a block or switch section, after a label, or the body of an if/else/loop/using/lock.</summary>
    private static bool CanHoldGuard(StatementSyntax statement)
        => statement.Parent is BlockSyntax or SwitchSectionSyntax or LabeledStatementSyntax or IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax
            or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or UsingStatementSyntax or LockStatementSyntax
            or FixedStatementSyntax;

    /// <summary>Adds the following sibling statements that dereference the same dependency (they need the same guard).</summary>
    private static void ExtendOverConsecutiveUses(List<StatementSyntax> statements, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var first = statements[0];
        SyntaxList<StatementSyntax> siblings;
        switch (first.Parent)
        {
            case BlockSyntax block:
                siblings = block.Statements;
                break;
            case SwitchSectionSyntax section:
                siblings = section.Statements;
                break;
            default:
                return;
        }

        for (var i = siblings.IndexOf(first) + 1; i < siblings.Count; i++)
        {
            var next = siblings[i];
            if (!IsWrappable(next) || !Dereferences(next, symbol, model, cancellationToken))
            {
                return;
            }

            statements.Add(next);
        }
    }

    private static bool Dereferences(StatementSyntax statement, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != symbol.Name)
            {
                continue;
            }

            ExpressionSyntax reference = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } qualified && qualified.Name == identifier
                ? qualified
                : identifier;
            var dereferenced = reference.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression == reference,
                ElementAccessExpressionSyntax element => element.Expression == reference,
                InvocationExpressionSyntax invocation => invocation.Expression == reference,
                AwaitExpressionSyntax => true,
                ForEachStatementSyntax forEach => forEach.Expression == reference,
                _ => false,
            };
            if (dereferenced && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A guard (an <c>if</c> or <c>?.</c>) makes the statements conditional: a local or parameter they write (an
    /// assignment, an <c>out</c> or <c>ref</c> argument) whose value is read afterwards — later in the function, or by the
    /// caller through a <c>ref</c>/<c>out</c> parameter — would keep its old value when the dependency is absent (or be
    /// unassigned, CS0165), and the code reading it would go on with that value: the value flows on, so such statements
    /// get no guard. FASTER's <c>stackCtx = new(comparer.GetHashCode64(ref key));</c> on a <c>ref</c> parameter, guarded,
    /// locked the bucket of the caller's stale context instead of failing (a triage's real build).
    /// </summary>
    private static bool NoWrittenValueFlowsOut(List<StatementSyntax> statements, SemanticModel model)
    {
        var analysis = model.AnalyzeDataFlow(statements[0], statements[statements.Count - 1]);
        if (analysis is null || !analysis.Succeeded)
        {
            return false;
        }

        foreach (var variable in analysis.DataFlowsOut)
        {
            if (analysis.WrittenInside.Contains(variable))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>x?.M()</c> compiles unless M returns an unconstrained type parameter, a ref struct or a pointer.</summary>
    private static bool ConditionalAccessCompiles(ExpressionSyntax chainTop, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(chainTop, cancellationToken).Type;
        return type switch
        {
            null or IErrorTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol => false,
            ITypeParameterSymbol typeParameter => typeParameter.HasReferenceTypeConstraint || typeParameter.HasValueTypeConstraint,
            _ => !type.IsRefLikeType,
        };
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    private static bool HasUserDefinedEquality(ITypeSymbol? type)
    {
        for (var depth = 0; type is not null && depth < MaxBaseTypeDepth; depth++, type = type.BaseType)
        {
            foreach (var member in type.GetMembers(WellKnownMemberNames.EqualityOperatorName))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
