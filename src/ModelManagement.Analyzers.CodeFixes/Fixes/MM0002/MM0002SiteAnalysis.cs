using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MM0002's fix analysis, shared by the single fix and Fix All: finds the reported side effect (and its await) and
/// decides from the original document which fixes are safe. Builds no syntax.
/// </summary>
internal static class MM0002SiteAnalysis
{
    public static MM0002Site? Analyze(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Analyze(root, model, diagnostic, owners: null, cancellationToken);

    /// <summary>
    /// The site of <paramref name="diagnostic"/>, with what can be written there; with <paramref name="owners"/> (the
    /// compilation's processors, asked for only here), a site in a processor doing its own work is refused
    /// (<see cref="MM0002WrapRefusal.OwnersOwnWork"/>).
    /// </summary>
    public static MM0002Site? Analyze(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, System.Func<CentralizationOwners>? owners, CancellationToken cancellationToken)
    {
        var site = AnalyzeCore(root, model, diagnostic, cancellationToken);
        if (site is not null && owners is not null
            && model.GetSymbolInfo(site.Invocation, cancellationToken).Symbol is IMethodSymbol target
            && model.GetEnclosingSymbol(site.Invocation.SpanStart, cancellationToken) is { } container
            && owners().IsOwnerCall(container, target))
        {
            site.WrapRefusal = MM0002WrapRefusal.OwnersOwnWork;
            site.HelperRefusal = MM0002HelperRefusal.OwnersOwnWork;
        }

        return site;
    }

    private static MM0002Site? AnalyzeCore(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(MM0002SideEffectAwaitNotGuardedAnalyzer.ShapeProperty, out var shape);
        if (shape == MM0002SideEffectAwaitNotGuardedAnalyzer.TaskCollectedForWhenAllShape)
        {
            // The diagnostic is on Task.WhenAll(...); the side effect is its additional location.
            if (diagnostic.AdditionalLocations.Count != 1
                || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not { } sideEffect)
            {
                return null;
            }

            node = sideEffect;
        }

        var span = node.Span;
        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || invocation.Span != (shape == MM0002SideEffectAwaitNotGuardedAnalyzer.TaskCollectedForWhenAllShape ? span : diagnostic.Location.SourceSpan))
        {
            return null;
        }

        if (shape is MM0002SideEffectAwaitNotGuardedAnalyzer.TaskOfWhenAllShape or MM0002SideEffectAwaitNotGuardedAnalyzer.TaskCollectedForWhenAllShape)
        {
            return AnalyzeTaskOfWhenAll(root, model, invocation, cancellationToken);
        }

        // Climb from the side-effect call to its await: through parentheses, a ValueTask's AsTask(), a WaitAsync(..) and a
        // ConfigureAwait(..) call, and through an optional sink's `_audit?.AuditAsync(e) ?? Task.CompletedTask` (only the
        // try/catch fits the last two: the helper would need the sink, or the timeout, inside its lambda).
        InvocationExpressionSyntax? configureAwait = null;
        var optionalSink = false;
        var waitAsync = false;
        var asTask = false;
        SyntaxNode current = invocation;
        for (var depth = 0; depth < 8 && current.Parent is not AwaitExpressionSyntax; depth++)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized;
                    break;
                case ConditionalAccessExpressionSyntax conditional when conditional.WhenNotNull == current && !optionalSink
                    && conditional.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && coalesce.Left == conditional:
                    optionalSink = true;
                    current = coalesce;
                    break;
                case ConditionalAccessExpressionSyntax conditional when conditional.WhenNotNull == current && !optionalSink
                    && (conditional.Parent is AwaitExpressionSyntax || conditional.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression)):
                    optionalSink = true; // the bare `await _audit?.AuditAsync(e);`, also `await _audit?.AuditAsync(e)!;` (nullable code's spelling)
                    current = conditional;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    current = suppressed; // a scenario round: `await _telemetry?.TrackAsync(m)!;` got no fix
                    break;
                case ConditionalExpressionSyntax choice when (choice.WhenTrue == current || choice.WhenFalse == current) && !optionalSink:
                    optionalSink = true; // `_audit is null ? Task.CompletedTask : _audit.AuditAsync(e)`
                    current = choice;
                    break;
                case SwitchExpressionArmSyntax arm when arm.Expression == current && !optionalSink && arm.Parent is SwitchExpressionSyntax choice:
                    optionalSink = true; // `kind switch { "chat" => _log.LogEventAsync(..), _ => Task.CompletedTask }`
                    current = choice;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAsync" } member
                    when member.Expression == current && member.Parent is InvocationExpressionSyntax outer && !waitAsync && configureAwait is null:
                    waitAsync = true;
                    current = outer;
                    break;
                case MemberAccessExpressionSyntax when Shapes.AsTaskOf(current) is { } outer && !asTask && !waitAsync && configureAwait is null:
                    asTask = true; // the helper converts a ValueTask itself (HelperNeedsAsTask); try/catch keeps the call as written
                    current = outer;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member
                    when member.Expression == current && member.Parent is InvocationExpressionSyntax outer && configureAwait is null:
                    configureAwait = outer;
                    current = outer;
                    break;
                default:
                    return null;
            }
        }

        if (current.Parent is not AwaitExpressionSyntax awaitExpression)
        {
            return null;
        }

        // Half-typed code (missing or skipped tokens anywhere in the member): no fix rather than a broken one.
        if (SyntaxErrors.InEnclosingMember(awaitExpression))
        {
            return null;
        }

        var site = new MM0002Site(awaitExpression, invocation, configureAwait);

        var helperType = model.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName);
        site.HasReportFailure = helperType is not null && !helperType.GetMembers("ReportFailure").IsEmpty;
        site.HasReportAndSwallow = helperType is not null && !helperType.GetMembers("ReportAndSwallow").IsEmpty;
        site.HelperNameIsFree = helperType is not null && UsingDirectives.PlainNameWouldBind(model, awaitExpression.SpanStart, helperType);
        // A side effect alone in a try of narrower catches joins them (MM0002TryCatchBuilder): those stay first anyway.
        var joinedTry = awaitExpression.Parent is ExpressionStatementSyntax ownStatement ? MM0002TryCatchBuilder.OwnTryWithNarrowerCatches(ownStatement) : null;
        site.HandledAround = ExceptionsHandledAround(awaitExpression, joinedTry, model, cancellationToken);

        var invocationOperation = model.GetOperation(invocation, cancellationToken) as IInvocationOperation;
        var declaresOrAssigns = DeclaresOrAssigns(model, awaitExpression);
        var awaitParent = awaitExpression.Parent;
        var wrappable = awaitParent is ExpressionStatementSyntax
            || (awaitParent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow && IsAsyncVoidOrTaskBody(model, arrow, cancellationToken))
            || awaitParent is LambdaExpressionSyntax;
        site.WrapRefusal = !wrappable ? MM0002WrapRefusal.NotAStatement
            : declaresOrAssigns && AssignsUnassigned(model, awaitExpression) ? MM0002WrapRefusal.DeclaresOrAssigns
            : !site.HasReportFailure && model.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is null ? MM0002WrapRefusal.NoFailureSink
            : !BodyCanWrap(awaitParent!) ? MM0002WrapRefusal.DirectiveAcrossStatement
            : AwaitsInside(invocation, model, cancellationToken) ? MM0002WrapRefusal.AwaitInsideTheCall
            : MM0002WrapRefusal.None;

        site.Token = MM0002CancellationTokens.FindCallToken(invocationOperation) ?? MM0002CancellationTokens.FindScopeToken(model, awaitExpression, cancellationToken);
        // The catch variable's scope is the new catch clause: only the enclosing scopes' names and what the catch itself
        // uses (the token) can clash — not names of sibling catches, other lambdas or later blocks.
        site.NamesInScope = UniqueNames.TakenAround(
            model, awaitExpression, site.Token is { } token ? new SyntaxNode[] { token } : Array.Empty<SyntaxNode>(), cancellationToken);

        var captures = false;
        site.HelperRefusal = helperType is null || helperType.GetMembers("TryAsync").IsEmpty ? MM0002HelperRefusal.NoHelper
            : declaresOrAssigns ? MM0002HelperRefusal.DeclaresOrAssigns
            : optionalSink ? MM0002HelperRefusal.OptionalSink
            : waitAsync ? MM0002HelperRefusal.WaitAsync
            : !site.HandledAround.IsEmpty || joinedTry is not null ? MM0002HelperRefusal.HandledAround // what the author's catch handles would stop reaching it
            : invocation.ContainsDirectives ? MM0002HelperRefusal.DirectiveInsideTheCall
            : invocation.DescendantNodes().Any(n => n is AwaitExpressionSyntax) ? MM0002HelperRefusal.AwaitInsideTheCall
            : invocationOperation is null || !TaskTypes.IsTaskOrValueTask(invocationOperation.Type) ? MM0002HelperRefusal.NotATask
            : !CanMoveIntoLambda(invocationOperation, out captures) ? MM0002HelperRefusal.CannotMoveIntoLambda
            : ReceiverIsOptionalDependency(invocationOperation, model, cancellationToken) ? MM0002HelperRefusal.OptionalDependency
            : MM0002HelperRefusal.None;
        if (site.CanUseHelper)
        {
            site.HelperNeedsAsTask = invocationOperation!.Type!.Name == "ValueTask";
            site.HelperLambdaCanBeStatic = !captures && LanguageVersionHelpers.SupportsStaticAnonymousFunctions(root.SyntaxTree);
        }

        return site;
    }

    /// <summary>
    /// True when the call's receiver is an optional dependency of the type the call is written in (what MM0003 judges:
    /// <see cref="OptionalDependencies"/>), reached as a member of <c>this</c> or a primary-constructor parameter.
    /// </summary>
    private static bool ReceiverIsOptionalDependency(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var receiver = invocation.Instance;
        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        ISymbol? member = receiver switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (member is null
            || invocation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
            || !NullStateKnownSymbols.TryCreate(model.Compilation, cancellationToken, out var symbols)
            || OptionalDependencies.TryCreate(type, symbols, cancellationToken) is not { } dependencies)
        {
            return false;
        }

        return OptionalDependencies.Contains(dependencies.GetMembers(model, model.Compilation, cancellationToken), member);
    }

    /// <summary>
    /// Whether no preprocessor directive stands where the try's braces go: a <c>#if</c> opened inside the statement and
    /// closed after it would be cut; for an expression body or a lambda's body, any directive in the body (or before the
    /// member's closing <c>;</c>) refuses. A directive before the member or the lambda (a <c>#region</c> line above it)
    /// is outside what the fix rewrites.
    /// </summary>
    private static bool BodyCanWrap(SyntaxNode awaitParent)
        => awaitParent switch
        {
            ExpressionStatementSyntax expressionStatement => Statements.CanWrap(expressionStatement, 1),
            ArrowExpressionClauseSyntax arrow => !arrow.ContainsDirectives && !(arrow.Parent switch
            {
                MethodDeclarationSyntax method => method.SemicolonToken,
                LocalFunctionStatementSyntax function => function.SemicolonToken,
                _ => default,
            }).ContainsDirectives,
            LambdaExpressionSyntax lambda => !lambda.Body.ContainsDirectives,
            _ => false,
        };

    /// <summary>The exception types (other than <c>Exception</c>) the catches of enclosing trys of the same function handle.</summary>
    private static ImmutableArray<ITypeSymbol> ExceptionsHandledAround(SyntaxNode site, TryStatementSyntax? joinedTry, SemanticModel model, CancellationToken cancellationToken)
    {
        var handled = ImmutableArray.CreateBuilder<ITypeSymbol>();
        var child = site;
        foreach (var ancestor in site.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }

            if (ancestor is TryStatementSyntax tryStatement && tryStatement.Block == child && tryStatement != joinedTry)
            {
                foreach (var catchClause in tryStatement.Catches)
                {
                    // A catch that ends by throwing handles nothing: what it catches still escapes, so the new catch guards it.
                    if (catchClause.Declaration?.Type is { } typeSyntax
                        && catchClause.Block.Statements.LastOrDefault() is not ThrowStatementSyntax
                        && model.GetTypeInfo(typeSyntax, cancellationToken).Type is { TypeKind: TypeKind.Class or TypeKind.TypeParameter } type
                        && type.SpecialType != SpecialType.System_Object
                        && type.ToDisplayString() != "System.Exception"
                        && !handled.Contains(type, SymbolEqualityComparer.Default))
                    {
                        handled.Add(type);
                    }
                }
            }

            child = ancestor;
        }

        return handled.ToImmutable();
    }

    /// <summary>
    /// An <c>await</c> in the call's receiver or arguments, outside the lambdas it passes (those run later, if at all) — other
    /// than the await of a ModelManagement.Patterns <c>AsyncLazy&lt;T&gt;</c> field or property the function has already
    /// awaited before the call (<c>await _levels.GetValueAsync(ct);</c> at the top, then <c>(await _levels.GetValueAsync(ct)).Count</c>
    /// in the argument): what MM0005's fix writes where the author read the loaded field, so the wrap is decided the same
    /// way whichever rule <c>dotnet format</c> applies first (a consumer round: MM0002 was refused after MM0005 and applied
    /// before it, leaving an MM0002 error in two runs of three). Loaded by then, the value cannot fail inside the call; a
    /// lazy first awaited in the call still refuses, since the catch would swallow its load failure as a logging failure
    /// (the next round's `levels store down` turned into "ok").
    /// </summary>
    private static bool AwaitsInside(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var asyncLazy = model.Compilation.GetTypeByMetadataName(MM0005LazyPlanner.AsyncLazyMetadataName);
        foreach (var node in invocation.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax))
        {
            if (node is AwaitExpressionSyntax awaitExpression
                && !(LazyValueAwaited(awaitExpression, asyncLazy, model, cancellationToken) is { } lazy && AwaitedBefore(invocation, lazy, asyncLazy!, model, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>AsyncLazy&lt;T&gt;</c> field or property <paramref name="awaitExpression"/> awaits (directly or through <c>GetValueAsync</c>), else null.</summary>
    private static ISymbol? LazyValueAwaited(AwaitExpressionSyntax awaitExpression, INamedTypeSymbol? asyncLazy, SemanticModel model, CancellationToken cancellationToken)
    {
        if (asyncLazy is null)
        {
            return null;
        }

        var awaited = SideEffectGuards.PeelAwaited(model.GetOperation(awaitExpression.Expression, cancellationToken));
        if (awaited is IInvocationOperation { TargetMethod.Name: "GetValueAsync", Instance: { } instance })
        {
            awaited = instance;
        }

        return awaited is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member
            && member.Instance is null or IInstanceReferenceOperation
            && SymbolEqualityComparer.Default.Equals(awaited.Type?.OriginalDefinition, asyncLazy)
                ? member.Member
                : null;
    }

    /// <summary>
    /// Whether the function around <paramref name="invocation"/> awaits <paramref name="lazy"/>'s value in a statement of a
    /// block that holds the call, before it (so every path to the call ran it; the call may sit in an <c>if</c> after it).
    /// </summary>
    private static bool AwaitedBefore(InvocationExpressionSyntax invocation, ISymbol lazy, INamedTypeSymbol asyncLazy, SemanticModel model, CancellationToken cancellationToken)
    {
        var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
        var function = invocation.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (statement is null || function is null)
        {
            return false;
        }

        foreach (var awaitExpression in function.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax).OfType<AwaitExpressionSyntax>())
        {
            if (awaitExpression.SpanStart < statement.SpanStart
                && awaitExpression.FirstAncestorOrSelf<StatementSyntax>() is { } holder
                && holder.Parent is BlockSyntax block && block.Span.Contains(statement.Span) // every path to the call ran it
                && SymbolEqualityComparer.Default.Equals(LazyValueAwaited(awaitExpression, asyncLazy, model, cancellationToken), lazy))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A side effect among the tasks of an awaited <c>Task.WhenAll</c>: only the helper fix applies, around the call
    /// itself, so the other tasks start and are awaited exactly as before. Offered when the call returns <c>Task</c> (the
    /// helper's type, so the collection's element type stays), moves into a lambda, and contains no await.
    /// </summary>
    private static MM0002Site? AnalyzeTaskOfWhenAll(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (SyntaxErrors.InEnclosingMember(invocation))
        {
            return null;
        }

        var site = new MM0002Site(awaitExpression: null, invocation, configureAwait: null) { WrapRefusal = MM0002WrapRefusal.TaskOfWhenAll };
        var helperType = model.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName);
        var operation = model.GetOperation(invocation, cancellationToken) as IInvocationOperation;
        var captures = false;
        site.HelperRefusal = helperType is null || helperType.GetMembers("TryAsync").IsEmpty ? MM0002HelperRefusal.NoHelper
            : operation is null || !TaskTypes.IsNonGenericTask(operation.Type) ? MM0002HelperRefusal.NotATask
            : invocation.ContainsDirectives ? MM0002HelperRefusal.DirectiveInsideTheCall
            : invocation.Expression is MemberBindingExpressionSyntax ? MM0002HelperRefusal.OptionalSink // `metrics?.FlushAsync(ct) ?? Task.CompletedTask`
            : invocation.DescendantNodes().Any(n => n is AwaitExpressionSyntax) ? MM0002HelperRefusal.AwaitInsideTheCall
            : model.AnalyzeDataFlow(invocation) is not { Succeeded: true, AlwaysAssigned.IsEmpty: true }
                || invocation.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax) ? MM0002HelperRefusal.DeclaresOrAssigns
            : !CanMoveIntoLambda(operation, out captures) ? MM0002HelperRefusal.CannotMoveIntoLambda
            : ReceiverIsOptionalDependency(operation, model, cancellationToken) ? MM0002HelperRefusal.OptionalDependency
            : MM0002HelperRefusal.None;
        if (!site.CanUseHelper)
        {
            return site; // reported, but neither fix is offered
        }

        site.Token = MM0002CancellationTokens.FindCallToken(operation) ?? MM0002CancellationTokens.FindScopeToken(model, invocation, cancellationToken);
        site.HelperNameIsFree = UsingDirectives.PlainNameWouldBind(model, invocation.SpanStart, helperType!);
        site.HelperLambdaCanBeStatic = !captures && LanguageVersionHelpers.SupportsStaticAnonymousFunctions(root.SyntaxTree);
        return site;
    }

    private static bool DeclaresOrAssigns(SemanticModel model, AwaitExpressionSyntax awaitExpression)
    {
        if (awaitExpression.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax))
        {
            return true; // out var / pattern variables would change scope
        }

        var flow = model.AnalyzeDataFlow(awaitExpression);
        return flow is null || !flow.Succeeded || !flow.AlwaysAssigned.IsEmpty;
    }

    /// <summary>
    /// Whether the await assigns a variable that is not definitely assigned before it (<c>await Track(total = 2)</c> of a
    /// declared but unassigned <c>total</c>): in a <c>try</c> it would be unassigned after it (CS0165). An increment or
    /// compound assignment of a variable assigned before (<c>await TrackChunkAsync(++n)</c>, a streaming loop's counter —
    /// a scenario round) still happens before the call, and the variable stays assigned whatever the call does.
    /// </summary>
    private static bool AssignsUnassigned(SemanticModel model, AwaitExpressionSyntax awaitExpression)
    {
        if (awaitExpression.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax))
        {
            return true; // out var / pattern variables would change scope
        }

        var flow = model.AnalyzeDataFlow(awaitExpression);
        return flow is null || !flow.Succeeded || flow.AlwaysAssigned.Any(assigned => !flow.DefinitelyAssignedOnEntry.Contains(assigned));
    }

    private static bool IsAsyncVoidOrTaskBody(SemanticModel model, ArrowExpressionClauseSyntax arrow, CancellationToken cancellationToken)
        => model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) is IMethodSymbol { IsAsync: true } method
            && (method.ReturnsVoid || method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    /// <summary>A lambda cannot capture ref/in/out parameters, ref locals, ref structs, or <c>this</c> of a struct.</summary>
    private static bool CanMoveIntoLambda(IInvocationOperation invocation, out bool captures)
    {
        captures = false;
        foreach (var operation in invocation.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInstanceReferenceOperation instance:
                    captures = true;
                    if (instance.Type is { IsValueType: true })
                    {
                        return false;
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    captures = true;
                    if (parameter.Parameter.RefKind != RefKind.None || parameter.Parameter.Type.IsRefLikeType
                        || (parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsValueType: true } constructor
                            && constructor.DeclaringSyntaxReferences.Any(static reference => reference.GetSyntax() is TypeDeclarationSyntax)))
                    {
                        return false; // a struct's primary-constructor parameter is `this` state: no lambda may capture it (CS9111)
                    }

                    break;
                case ILocalReferenceOperation local:
                    captures = true;
                    if (local.Local.IsRef || local.Local.Type.IsRefLikeType)
                    {
                        return false;
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return false;
                case IInvocationOperation { Instance: null, TargetMethod: { IsStatic: false, MethodKind: not MethodKind.LocalFunction } }:
                    captures = true;
                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction, TargetMethod.IsStatic: false }:
                    captures = true;
                    break;
            }
        }

        return true;
    }
}
