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

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Decides whether "Convert to single-flight lazy initialization" keeps behaviour for one MM0005 diagnostic: a pure
/// function from the document's syntax and model to a <see cref="MM0005LazyPlan"/> or a typed <see cref="MM0005FixRefusal"/>.
/// It proves: the state is a private field written only by the guarded block's last statement, the guarded block uses
/// no local state of its method (so it can run from a delegate made in the constructor), and every other reader can
/// await (value) or there is no other reader (flag).
/// </summary>
internal static class MM0005LazyPlanner
{
    public const string AsyncLazyMetadataName = "ModelManagement.Patterns.AsyncLazy`1";
    public const string AsyncInitializerMetadataName = "ModelManagement.Patterns.AsyncInitializer";

    /// <summary>A value the load could change: a field neither constant nor read-only, a property or an event.</summary>
    private static bool ReadsState(ISymbol? symbol) => symbol switch
    {
        IFieldSymbol field => !field.IsConst && !field.IsReadOnly,
        IPropertySymbol or IEventSymbol => true,
        _ => false,
    };

    /// <summary>A directive anywhere in <paramref name="node"/> except the lines above it (shared with MM0001's moved code).</summary>
    private static bool HasDirectiveInside(SyntaxNode node) => Statements.HasDirectiveInside(node);

    /// <summary>The statement after the check and the statements that move with it, in the same block; null at the end (the rewriter's too).</summary>
    internal static StatementSyntax? NextStatement(StatementSyntax check, ImmutableArray<StatementSyntax> moved)
    {
        if (check.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(check) + moved.Length + 1;
        return index < block.Statements.Count ? block.Statements[index] : null;
    }

    /// <summary>
    /// Whether the check can go, leaving the load to the reads: the statement right after it (after the moved statements of
    /// the early-return form) reads the value in <paramref name="function"/> first of all it does, unconditionally, before
    /// any await, call, creation or assignment. Otherwise the check stays as <c>await _x;</c>, so the load keeps its place:
    /// a billed call between the check and the first read ran before the load once the check was gone, and a read on one
    /// path only would not load on the others (an independent consumer's <c>CompleteAsync</c>). Reading other state before
    /// it counts too (a field that is neither constant nor read-only, a property, an event, an element): the load may change
    /// it (a fix-shapes round: <c>_loads++;</c> in the guarded block and <c>return "loads=" + _loads + _models[0];</c>
    /// after it printed <c>loads=0</c> once the load moved behind that read).
    /// </summary>
    private static bool NextStatementReadsFirst(
        SyntaxNode check, ImmutableArray<StatementSyntax> moved, ImmutableArray<ExpressionSyntax>.Builder readers, SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        if ((check as StatementSyntax ?? check.Parent as ExpressionStatementSyntax) is not { } statement
            || NextStatement(statement, moved) is not { } next)
        {
            return false;
        }

        ExpressionSyntax? first = null;
        foreach (var reader in readers)
        {
            if (next.Span.Contains(reader.Span) && (first is null || reader.SpanStart < first.SpanStart) && FindFunction(reader) == function)
            {
                first = reader;
            }
        }

        if (first is null)
        {
            return false;
        }

        // Evaluated unconditionally: every step up to the statement is one that always evaluates the part holding the read.
        SyntaxNode child = first;
        for (var parent = first.Parent; parent is not null && child != next; child = parent, parent = parent.Parent)
        {
            var unconditional = parent switch
            {
                ConditionalExpressionSyntax conditional => conditional.Condition == child,
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression)
                    || binary.IsKind(SyntaxKind.CoalesceExpression) => binary.Left == child,
                ConditionalAccessExpressionSyntax access => access.Expression == child,
                SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression == child,
                AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax => false,
                ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax or BracketedArgumentListSyntax or InterpolationSyntax
                    or EqualsValueClauseSyntax or VariableDeclaratorSyntax or VariableDeclarationSyntax => true,
                IfStatementSyntax ifStatement => ifStatement.Condition == child,
                ForEachStatementSyntax forEach => forEach.Expression == child,
                SwitchStatementSyntax switchStatement => switchStatement.Expression == child,
                UsingStatementSyntax or LockStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or ExpressionStatementSyntax
                    or LocalDeclarationStatementSyntax => parent == next,
                _ => false,
            };
            if (!unconditional)
            {
                return false;
            }
        }

        // Nothing with an effect is evaluated before it.
        foreach (var node in next.DescendantNodes(node => node.SpanStart < first.SpanStart))
        {
            if (node.Span.End <= first.SpanStart
                && (node is AwaitExpressionSyntax or InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax
                        or ElementAccessExpressionSyntax
                        or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }
                        or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                    || (node is SimpleNameSyntax name && ReadsState(model.GetSymbolInfo(name, cancellationToken).Symbol))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasDirectiveInside(ImmutableArray<StatementSyntax> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.ContainsDirectives)
            {
                return true; // a moved statement takes its own leading lines with it
            }
        }

        return false;
    }

    public static FixPlanResult<MM0005LazyPlan, MM0005FixRefusal> Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model.Compilation.GetTypeByMetadataName(AsyncLazyMetadataName) is null
            || model.Compilation.GetTypeByMetadataName(AsyncInitializerMetadataName) is null)
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.PatternsUnavailable, node);
        }

        // The check: `if (<check of one member>) { …; member = …; }` without else, or `member ??= value`.
        SyntaxNode check;
        ExpressionSyntax? coalesceValue = null;
        ImmutableArray<StatementSyntax> guarded;
        ISymbol? member;
        bool needsWhenTrue;
        var moved = ImmutableArray<StatementSyntax>.Empty;
        ExpressionSyntax? guard = null;
        if (node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } coalesce && coalesce.Left == node)
        {
            check = coalesce;
            coalesceValue = coalesce.Right;
            guarded = ImmutableArray<StatementSyntax>.Empty;
            member = model.GetSymbolInfo(node, cancellationToken).Symbol?.OriginalDefinition;
            needsWhenTrue = true;
        }
        else if (node is ExpressionSyntax condition && condition.Parent is IfStatementSyntax { Else: null } ifStatement && ifStatement.Condition == condition
            && ifStatement.Parent is BlockSyntax
            && LazyInitMembers.TryGetCheck(model.GetOperation(condition, cancellationToken), null, out member, out needsWhenTrue) && needsWhenTrue)
        {
            check = ifStatement;
            guarded = ifStatement.Statement is BlockSyntax block ? ImmutableArray.CreateRange(block.Statements) : ImmutableArray.Create(ifStatement.Statement);
        }
        else if (node is ExpressionSyntax earlyCondition && earlyCondition.Parent is IfStatementSyntax { Else: null } earlyIf && earlyIf.Condition == earlyCondition
            && earlyIf.Parent is BlockSyntax earlyBlock
            && LazyInitMembers.TryGetCheck(model.GetOperation(earlyCondition, cancellationToken), null, out member, out needsWhenTrue) && !needsWhenTrue
            && member is not null)
        {
            // `if (_x != null) return _x; …; _x = v; return _x;`: the statements up to the first write are the guarded block,
            // provided what follows the write is what the early return did (so skipping it when initialized changes nothing).
            if (PlanEarlyReturn(model, earlyIf, earlyBlock, member, cancellationToken) is not { } earlyStatements)
            {
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.EarlyReturnSkipsMore, earlyIf);
            }

            check = earlyIf;
            guarded = earlyStatements;
            moved = earlyStatements;
        }
        else if (node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression, Left: var guardCondition, Right: var stateCondition } combined
            && combined.Parent is IfStatementSyntax { Else: null } guardedIf && guardedIf.Condition == combined
            && guardedIf.Parent is BlockSyntax
            && ReadsNoState(model.GetOperation(guardCondition, cancellationToken))
            && LazyInitMembers.TryGetCheck(model.GetOperation(stateCondition, cancellationToken), null, out member, out needsWhenTrue) && needsWhenTrue)
        {
            // `if (ensureStorageCreated && !_storageCreated) { … }` (a triage: ChatGPT_API_dotnet's factory): the parameter
            // decides whether this caller waits; the flag's check is what becomes single-flight (flags only: checked below).
            check = guardedIf;
            guard = guardCondition;
            guarded = guardedIf.Statement is BlockSyntax block ? ImmutableArray.CreateRange(block.Statements) : ImmutableArray.Create(guardedIf.Statement);
        }
        else
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedShape, node);
        }

        if (check is IfStatementSyntax { Condition: var tested } && LazyInitMembers.IsEmptinessCheck(model.GetOperation(tested, cancellationToken)))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.EmptyValueLoadsAgain, node);
        }

        if (HasDirectiveInside(check) || HasDirectiveInside(moved))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.DirectiveInMovedCode, node);
        }

        if (check.ContainsDiagnostics || moved.Any(static statement => statement.ContainsDiagnostics))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.SyntaxErrors, node);
        }

        if (member is not (IFieldSymbol or IPropertySymbol) || StateType(member) is not { } stateType)
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.NotPrivateField, node);
        }

        if (member.GetAttributes().Any(static attribute => attribute.AttributeClass is { Name: "ThreadStaticAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.ThreadStaticState, node);
        }

        var function = FindFunction(check);
        if (function is null || model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol { IsGenericMethod: true }
            || (function is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax && model.GetEnclosingSymbol(function.SpanStart, cancellationToken) is IMethodSymbol { IsGenericMethod: true }))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedShape, node);
        }

        // The final write, and what it stores.
        var isFlag = coalesceValue is null && stateType.SpecialType == SpecialType.System_Boolean;
        if (guard is not null && !isFlag)
        {
            // A value's readers await it wherever they read it, so a caller the guard let through without loading would load.
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedShape, node);
        }
        ExpressionSyntax? value = coalesceValue;
        ExpressionStatementSyntax? flagWriteInMethod = null;
        IMethodSymbol? flagSettingMethod = null;
        if (coalesceValue is null)
        {
            if (!guarded.IsEmpty
                && guarded[guarded.Length - 1] is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } write }
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(write.Left, cancellationToken).Symbol?.OriginalDefinition, member)
                && (!isFlag || write.Right.IsKind(SyntaxKind.TrueLiteralExpression)))
            {
                value = write.Right;
                guarded = guarded.RemoveAt(guarded.Length - 1);
            }
            else if (isFlag && check is IfStatementSyntax && moved.IsEmpty && !guarded.IsEmpty
                && FlagSetAtTheEndOfTheAwaitedMethod(model, member, guarded[guarded.Length - 1], root.SyntaxTree, cancellationToken) is var (method, methodWrite))
            {
                // `if (!_loaded) await LoadAsync();` with `_loaded = true;` ending the private LoadAsync (osu-server-spectator's
                // ChatFilters, a real race a triage demonstrated): the awaited call is the initialization, and the write goes.
                value = ((ExpressionStatementSyntax)guarded[guarded.Length - 1]).Expression;
                flagWriteInMethod = methodWrite;
                flagSettingMethod = method;
            }
            else
            {
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedShape, node);
            }
        }

        // A value check loads again after a null result; AsyncLazy<T> keeps whatever the load returned. Declared maybe-null
        // (in a nullable context), the null is an expected result, and the conversion would change what later calls see.
        if (!isFlag && model.GetTypeInfo(value!, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull)
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.LoadMayReturnNull, value!);
        }

        if (StateDeclaration(member, root, cancellationToken) is not { } fieldDeclaration)
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.NotPrivateField, node);
        }

        // Static state is created in its initializer, so a primary constructor only matters for instance state: there is
        // no constructor body to create it in, so a private accessor creates it on first use (LazyInitializer), which
        // needs a field to hold it — an auto-property's state is refused.
        var createdOnFirstUse = fieldDeclaration.Parent is ClassDeclarationSyntax primary && HasPrimaryConstructor(primary) && !member.IsStatic;
        if (fieldDeclaration.Parent is not ClassDeclarationSyntax type || (createdOnFirstUse && fieldDeclaration is not FieldDeclarationSyntax)
            || !OtherPartsAreGeneratedAndLeaveTheStateAlone(member, type, cancellationToken))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedType, fieldDeclaration.Parent);
        }

        if (InactiveCode.MentionsAny(type, new[] { member.Name }))
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.MemberInInactiveCode, fieldDeclaration);
        }

        if (!member.IsStatic && !createdOnFirstUse)
        {
            foreach (var typeMember in type.Members)
            {
                if (typeMember is ConstructorDeclarationSyntax { Body: null, ExpressionBody: null } constructor
                    && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.ConstructorWithoutBody, constructor);
                }
            }
        }

        // The guarded block (or the ??= value) must not depend on the method's locals or parameters, nor jump out. One
        // exception: the caller's CancellationToken parameter, only passed on as an argument. The shared load then gets
        // CancellationToken.None (one caller's cancellation must not fail the load for all), while the caller's token,
        // passed to EnsureInitializedAsync (a flag) or GetValueAsync (a value, in the function that had the check), still
        // cancels that caller's wait.
        var token = CancellationTokens.FindInScope(model, check, cancellationToken);
        var detachedTokens = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        if (UsesLocalState(model, guarded, value!, member, token, detachedTokens, cancellationToken) is { } localUse)
        {
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UsesLocalState, localUse);
        }

        if (!guarded.IsEmpty)
        {
            var flow = model.AnalyzeControlFlow(guarded[0], guarded[guarded.Length - 1]);
            if (flow is null || !flow.Succeeded || !flow.ExitPoints.IsEmpty || !flow.EndPointIsReachable)
            {
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UnsupportedShape, node);
            }
        }

        // A value passes the token on only where its load used it (before, only then could the token cancel the call); the
        // readers that see the same parameter get it, the others await without one, as they would have read without one.
        if (!isFlag && detachedTokens.Count == 0)
        {
            token = null;
        }

        if (flagSettingMethod is not null && UseOutside(model, flagSettingMethod, type, check, cancellationToken) is { } otherUse)
        {
            // Called elsewhere too, the method would load again there and, without its write, leave the initializer unaware.
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.InitializationMethodUsedElsewhere, otherUse);
        }

        // Every other reference to the field in the type: no write; for a flag no read; for a value an awaitable read.
        var readers = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var tokenReaders = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var readsInCheckingFunction = false;
        var fastPaths = ImmutableArray.CreateBuilder<IfStatementSyntax>();
        foreach (var identifier in type.DescendantNodes())
        {
            if (identifier is not IdentifierNameSyntax name || name.Identifier.ValueText != member.Name
                || check.Span.Contains(name.Span)
                || (!moved.IsEmpty && moved[moved.Length - 1].Span.Contains(name.Span))
                || (flagWriteInMethod is not null && flagWriteInMethod.Span.Contains(name.Span))
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, member))
            {
                continue;
            }

            ExpressionSyntax reference = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                if (access.Expression is not ThisExpressionSyntax
                    && !(member.IsStatic && model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamedTypeSymbol))
                {
                    // `other._cache`: another instance's value (the rewrite would put an await where a name belongs).
                    return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.ReadThroughAnotherInstance, access);
                }

                reference = access; // `this._cache`, `Catalog.s_cache`
            }
            if (IsInNameOf(reference))
            {
                continue;
            }

            if (IsWritten(reference))
            {
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.WrittenElsewhere, reference);
            }

            if (isFlag)
            {
                if (CallersFastPath(reference, function, model, cancellationToken) is { } fastPath)
                {
                    fastPaths.Add(fastPath); // `if (!_initialized) await InitializeAsync();` becomes the await alone
                    continue;
                }

                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.FlagReadElsewhere, reference);
            }

            var readerFunction = FindFunction(reference);
            if (readerFunction is null || !IsAsync(readerFunction) || !Awaits.CanAwaitInInnermostFunction(reference)
                || Awaits.HoldsRefLikeValueAt(reference, model, cancellationToken)) // a Span or ref local live across the new await (CS4007)
            {
                // Also a lock, a query, a catch filter (CS7094), an unsafe context: no await may stand there.
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.ReaderNotAsync, reference);
            }

            if ((readerFunction != function || reference.SpanStart < check.SpanStart) && TestsForNull(reference))
            {
                // Another function's, or the checking function's before its check (`Trace += _x == null ? "cold" : "warm";`, a
                // fix-shapes round, which always read "warm" once the peek awaited the load): a peek, not a use.
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.ReaderTestsForNull, reference);
            }

            if (!isFlag && TestsForNull(reference) && model.GetTypeInfo(value!, cancellationToken).Nullability.FlowState == NullableFlowState.None)
            {
                // Nullable annotations off, and a use after the load still tests the value for null (`return _prompt ?? "(none
                // yet)";`, a fix-shapes round): the code expects the load to return null, which the check retried and
                // AsyncLazy<T> would keep for good.
                return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.LoadMayReturnNull, reference);
            }

            readsInCheckingFunction |= readerFunction == function;
            readers.Add(reference);
            if (token is not null && SymbolEqualityComparer.Default.Equals(CancellationTokens.FindInScope(model, reference, cancellationToken), token))
            {
                tokenReaders.Add(reference);
            }
        }

        if ((isFlag || !guarded.IsEmpty) && UiThreadTypes.IsBound(member.ContainingType))
        {
            // The helper runs its callback on the thread pool (a consumer round: a view model's `Items.Add(…)` in the
            // moved block ran there, off the thread its view binds on). MM0001's lazy rewrite refuses the same.
            return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Refuse(MM0005FixRefusal.UiThreadAffinity, node);
        }

        var taken = UniqueNames.TakenByMembersOf(member.ContainingType, cancellationToken);
        // A flag's initializer is named for what the flag says is loaded (`_ratesLoaded` → `_ratesInitializer`,
        // `InitializeRatesAsync`). A flag that names nothing (`_loaded`, `_initialized`) gets `_initializer` — unless
        // MM0001's lazy rewrite wants that name in the type, or already took it: `dotnet format` applies the two rules in an
        // order that changes from run to run, and whichever came second got `_initializer1`/`InitializeAsync1` (determ,
        // consume9 F2). Then the name comes from the first member the check's block loads (`_rateTable` →
        // `_rateTableInitializer`, `InitializeRateTableAsync`), the same in either order.
        var stem = isFlag ? FlagStem(member.Name) : null;
        if (isFlag && stem is null && (taken.Contains(FieldNames.SpelledLike(member.Name, "initializer")) || taken.Contains(FieldNames.PrivateField(member.ContainingType, "initializer"))
            || HasBlockingWaitInConstruction(member.ContainingType, cancellationToken)))
        {
            stem = FirstLoadedMember(guarded, member.Name) ?? Pascal(member.Name);
        }

        var newFieldName = isFlag
            ? UniqueNames.Choose(FieldNames.SpelledLike(member.Name, stem is null ? "initializer" : Camel(stem) + "Initializer"), taken)
            : member.Name;
        var valueType = isFlag ? null : ValueTypeOf(model, stateType, value!, cancellationToken);
        var direct = DirectMethod(model, member, isFlag, check, guarded, moved, value, valueType, cancellationToken);
        // The checking method is often the type's own `InitializeAsync` (an MM0005 round's real sites): the moved code is
        // then its core, `InitializeCoreAsync`, rather than `InitializeAsync1`.
        var methodName = direct?.Name ?? UniqueNames.ChooseAsync(
            !isFlag ? "Load" + Pascal(member.Name) + "Async"
                : stem is not null ? "Initialize" + Pascal(stem) + "Async"
                : taken.Contains("InitializeAsync") ? "InitializeCoreAsync" : "InitializeAsync",
            taken.Add(newFieldName));
        var accessorName = createdOnFirstUse ? AccessorName(newFieldName, taken.Add(newFieldName).Add(methodName)) : null;
        return FixPlanResult<MM0005LazyPlan, MM0005FixRefusal>.Of(new MM0005LazyPlan(
            isFlag,
            member,
            fieldDeclaration,
            type,
            check,
            guarded,
            isFlag ? null : value,
            valueType,
            readers.ToImmutable(),
            tokenReaders.ToImmutable(),
            keepAwaitAtCheck: !readsInCheckingFunction || !NextStatementReadsFirst(check, moved, readers, function, model, cancellationToken),
            token?.Name,
            newFieldName,
            methodName,
            moved,
            detachedTokens.ToImmutable(),
            direct,
            flagWriteInMethod,
            accessorName,
            fastPaths.ToImmutable(),
            guard));
    }

    /// <summary>
    /// A condition of parameters, locals and constants only (<c>ensureStorageCreated</c>, <c>!force</c>,
    /// <c>mode == Mode.Full</c>): no member, call or await, so it reads no state and starts nothing.
    /// </summary>
    private static bool ReadsNoState(IOperation? operation)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part is not (IParameterReferenceOperation or ILocalReferenceOperation or ILiteralOperation or IUnaryOperation
                or IBinaryOperation or IConversionOperation or IFieldReferenceOperation { Field.IsConst: true }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A caller's fast path in front of the checking method — <c>if (!_initialized) await InitializeAsync();</c> (also in
    /// braces, with <c>== false</c>, with <c>.ConfigureAwait(…)</c> or arguments): the shape of four of nineteen real sites an
    /// MM0005 round met, all refused as <c>FlagReadElsewhere</c> though the check only skips a call that checks again. The
    /// <c>if</c> (no <c>else</c>, no comment outside its statement) whose <paramref name="reference"/> is the whole negated
    /// condition and whose one statement awaits a call of <paramref name="checkingFunction"/> on this instance; null otherwise.
    /// </summary>
    private static IfStatementSyntax? CallersFastPath(ExpressionSyntax reference, SyntaxNode checkingFunction, SemanticModel model, CancellationToken cancellationToken)
    {
        if (checkingFunction is not MethodDeclarationSyntax || model.GetDeclaredSymbol(checkingFunction, cancellationToken) is not IMethodSymbol checking)
        {
            return null;
        }

        SyntaxNode condition = reference;
        while (condition.Parent is ParenthesizedExpressionSyntax)
        {
            condition = condition.Parent;
        }

        condition = condition.Parent switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => not,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } equals
                when equals.Left == condition => equals,
            _ => reference,
        };
        if (condition == reference)
        {
            return null; // `if (_initialized)`: the opposite of a fast path
        }

        while (condition.Parent is ParenthesizedExpressionSyntax)
        {
            condition = condition.Parent;
        }

        if (condition.Parent is not IfStatementSyntax { Else: null } fastPath || fastPath.Condition != condition)
        {
            return null;
        }

        var body = fastPath.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : fastPath.Statement;
        if (body is not ExpressionStatementSyntax { Expression: AwaitExpressionSyntax { Expression: var awaited } }
            || fastPath.DescendantTrivia().Any(t => fastPath.Span.Contains(t.Span) && !body.FullSpan.Contains(t.Span) && CommentTrivia.IsComment(t)))
        {
            return null;
        }

        if (awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
        {
            awaited = configured;
        }

        return awaited is InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } call
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(call, cancellationToken).Symbol?.OriginalDefinition, checking.OriginalDefinition)
            ? fastPath
            : null;
    }

    /// <summary>
    /// The flag form whose write ends the awaited method: <paramref name="last"/> is <c>await M();</c> (or
    /// <c>await M().ConfigureAwait(…)</c>) of a private, parameterless, non-generic <c>async</c> method of the state's type,
    /// declared once in this file, whose block body ends with <c>flag = true;</c> and has no <c>return</c> (outside
    /// lambdas and local functions) that could skip it: then the method completing is the flag becoming true, and
    /// <c>AsyncInitializer</c> can run it. Null otherwise.
    /// </summary>
    private static (IMethodSymbol Method, ExpressionStatementSyntax Write)? FlagSetAtTheEndOfTheAwaitedMethod(
        SemanticModel model, ISymbol flag, StatementSyntax last, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (OwnParameterlessCall(last is ExpressionStatementSyntax { Expression: AwaitExpressionSyntax awaitExpression } ? awaitExpression : null) is not { } call
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol
            {
                MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsGenericMethod: false, IsAsync: true,
                Parameters.IsEmpty: true, ReturnsVoid: false, DeclaringSyntaxReferences.Length: 1,
            } method
            || method.IsStatic != flag.IsStatic
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, flag.ContainingType)
            || method.DeclaringSyntaxReferences[0].SyntaxTree != tree
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body.Statements: { Count: > 0 } statements } declaration
            || statements[statements.Count - 1] is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } write } writeStatement
            || !write.Right.IsKind(SyntaxKind.TrueLiteralExpression)
            || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(write.Left, cancellationToken).Symbol?.OriginalDefinition, flag)
            || writeStatement.ContainsDirectives || declaration.ContainsDiagnostics)
        {
            return null;
        }

        foreach (var node in declaration.Body!.DescendantNodes(static node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax)
            {
                return null; // a return before the write left the flag false (loads again next time); the initializer would be done
            }
        }

        return (method, writeStatement);
    }

    /// <summary>
    /// The call <paramref name="awaited"/> awaits when it is a parameterless call by a simple name or through <c>this.</c>
    /// (<c>await M()</c>, <c>await this.M().ConfigureAwait(false)</c>): a candidate own method; null otherwise.
    /// </summary>
    private static InvocationExpressionSyntax? OwnParameterlessCall(AwaitExpressionSyntax? awaited)
    {
        var expression = awaited?.Expression;
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure, ArgumentList.Arguments.Count: 1 })
        {
            expression = configure.Expression;
        }

        return expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call
            && call.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax }
            ? call
            : null;
    }

    /// <summary>A reference to <paramref name="method"/> in <paramref name="type"/> outside <paramref name="check"/>; null when there is none.</summary>
    private static IdentifierNameSyntax? UseOutside(SemanticModel model, IMethodSymbol method, TypeDeclarationSyntax type, SyntaxNode check, CancellationToken cancellationToken)
    {
        foreach (var node in type.DescendantNodes())
        {
            if (node is IdentifierNameSyntax name && name.Identifier.ValueText == method.Name && !check.Span.Contains(name.Span)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, method))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The own method the whole load is: one <c>await M()</c> (or <c>await M().ConfigureAwait(…)</c>) of a parameterless
    /// method of the type, whose task is exactly the helper's (<c>Task</c> for a flag, <c>Task&lt;T&gt;</c> of the lazy's
    /// <c>T</c>, nullability included), with no comment the new method would have carried. The helper then takes that
    /// method (<c>new AsyncLazy&lt;string[]&gt;(LoadCodesAsync)</c>) rather than a new <c>LoadCodesAsync1</c> that only
    /// awaits it (a shapes round). Null otherwise.
    /// </summary>
    private static IMethodSymbol? DirectMethod(
        SemanticModel model,
        ISymbol member,
        bool isFlag,
        SyntaxNode check,
        ImmutableArray<StatementSyntax> guarded,
        ImmutableArray<StatementSyntax> moved,
        ExpressionSyntax? value,
        ITypeSymbol? valueType,
        CancellationToken cancellationToken)
    {
        var call = OwnParameterlessCall(isFlag
            ? guarded is [ExpressionStatementSyntax { Expression: AwaitExpressionSyntax awaitStatement }] ? awaitStatement : null
            : guarded.IsEmpty ? value as AwaitExpressionSyntax : null);
        if (call is null
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, Parameters.IsEmpty: true } method
            || (member.IsStatic && !method.IsStatic)
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, member.ContainingType)
            || !TaskTypes.IsTaskOrValueTask(method.ReturnType) || method.ReturnType is not INamedTypeSymbol { Name: "Task" } task
            || (isFlag ? task.Arity != 0 : task.Arity != 1 || !SymbolEqualityComparer.IncludeNullability.Equals(task.TypeArguments[0], valueType))
            || HasComment(check) || moved.Any(HasComment))
        {
            return null;
        }

        return method;

        static bool HasComment(SyntaxNode node) => node.DescendantTrivia().Any(CommentTrivia.IsComment);
    }

    /// <summary>
    /// A partial type's other parts must be generated (<c>[LoggerMessage]</c> methods, orleans' codegen: their file is
    /// marked <c>&lt;auto-generated&gt;</c>), declare no constructor (each would have to create the helper) and never name the
    /// state (readers there would not be rewritten); a hand-written part in another file is refused as before.
    /// </summary>
    private static bool OtherPartsAreGeneratedAndLeaveTheStateAlone(ISymbol member, TypeDeclarationSyntax part, CancellationToken cancellationToken)
    {
        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == part.SyntaxTree && reference.Span == part.Span)
            {
                continue;
            }

            if (!GeneratedFiles.IsGenerated(reference.SyntaxTree, cancellationToken)
                || reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax other)
            {
                return false;
            }

            foreach (var otherMember in other.Members)
            {
                if (otherMember is ConstructorDeclarationSyntax)
                {
                    return false;
                }
            }

            foreach (var token in other.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == member.Name)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The early-return form's guarded statements: from the statement after <paramref name="earlyIf"/> to the first that
    /// writes <paramref name="member"/> (<c>_x = v;</c>). Null unless the <c>if</c> only returns, and what follows the write
    /// is exactly what the early return did: the same <c>return R;</c>, or nothing at the end of the function after a bare
    /// <c>return;</c>. Only then does running the rest instead of returning early keep behaviour once the state is loaded.
    /// </summary>
    private static ImmutableArray<StatementSyntax>? PlanEarlyReturn(SemanticModel model, IfStatementSyntax earlyIf, BlockSyntax block, ISymbol member, CancellationToken cancellationToken)
    {
        var early = earlyIf.Statement is BlockSyntax { Statements.Count: 1 } braces ? braces.Statements[0] : earlyIf.Statement;
        if (early is not ReturnStatementSyntax earlyReturn)
        {
            return null;
        }

        var statements = block.Statements;
        var start = statements.IndexOf(earlyIf) + 1;
        for (var index = start; index < statements.Count; index++)
        {
            if (statements[index] is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } write }
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(write.Left, cancellationToken).Symbol?.OriginalDefinition, member))
            {
                continue;
            }

            var rest = statements.Count - index - 1;
            var sameEnd = rest == 0
                ? earlyReturn.Expression is null && block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax
                : rest == 1 && statements[index + 1] is ReturnStatementSyntax last
                    && (last.Expression is null ? earlyReturn.Expression is null : earlyReturn.Expression is not null && SyntaxFactory.AreEquivalent(last.Expression, earlyReturn.Expression));
            if (!sameEnd)
            {
                return null;
            }

            var builder = ImmutableArray.CreateBuilder<StatementSyntax>(index - start + 1);
            for (var i = start; i <= index; i++)
            {
                builder.Add(statements[i]);
            }

            return builder.MoveToImmutable();
        }

        return null;
    }

    /// <summary>The state's type: a field's, or an auto-property's.</summary>
    private static ITypeSymbol? StateType(ISymbol member)
        => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

    /// <summary>
    /// The declaration the fix replaces, when the state is private and declared alone in this document with no initial
    /// value: a field (<c>private Catalog _catalog;</c>), or an auto-property whose accessors have no bodies
    /// (<c>private Catalog Catalog { get; set; }</c>): written nowhere else, it is a field with a property's name.
    /// </summary>
    private static MemberDeclarationSyntax? StateDeclaration(ISymbol member, SyntaxNode root, CancellationToken cancellationToken)
    {
        if (member.DeclaredAccessibility != Accessibility.Private || member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax.SyntaxTree != root.SyntaxTree)
        {
            return null;
        }

        switch (member)
        {
            case IFieldSymbol { IsConst: false }
                when syntax is VariableDeclaratorSyntax declarator
                    && declarator.Parent?.Parent is FieldDeclarationSyntax { Declaration.Variables.Count: 1 } fieldDeclaration
                    && (declarator.Initializer is null || IsDefaultValue(declarator.Initializer.Value)):
                return fieldDeclaration;
            case IPropertySymbol { IsIndexer: false, IsAbstract: false, IsVirtual: false, IsOverride: false, IsExtern: false, ExplicitInterfaceImplementations.Length: 0, SetMethod: { IsInitOnly: false } }
                when syntax is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors } property
                    && IsAutoProperty(accessors)
                    && (property.Initializer is null || IsDefaultValue(property.Initializer.Value)):
                return property;
            default:
                return null;
        }
    }

    private static bool IsAutoProperty(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The method, accessor, lambda or local function whose body holds <paramref name="node"/>.</summary>
    public static SyntaxNode? FindFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax })
            {
                return current;
            }

            if (current is MemberDeclarationSyntax)
            {
                return null; // a field initializer
            }
        }

        return null;
    }

    private static bool IsAsync(SyntaxNode function)
        => function switch
        {
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            _ => false,
        };

    /// <summary>
    /// A read that asks whether the value is there yet (<c>_x != null</c>, <c>_x is null</c>, <c>_x ?? d</c>, <c>_x?.M()</c>):
    /// awaited, it would start the load (and throw its failure) where the code only peeked.
    /// </summary>
    private static bool TestsForNull(ExpressionSyntax reference)
    {
        var node = (SyntaxNode)reference;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison
                => (comparison.Left == node ? comparison.Right : comparison.Left).IsKind(SyntaxKind.NullLiteralExpression),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce => coalesce.Left == node,
            IsPatternExpressionSyntax pattern => pattern.Expression == node,
            ConditionalAccessExpressionSyntax access => access.Expression == node,
            _ => false,
        };
    }

    private static bool IsInNameOf(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null && current is not StatementSyntax; current = current.Parent)
        {
            if (current is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritten(ExpressionSyntax reference)
        => reference.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == reference,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } => true,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } => true,
            _ => reference.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax } },
        };

    private static SyntaxNode? UsesLocalState(
        SemanticModel model,
        ImmutableArray<StatementSyntax> guarded,
        ExpressionSyntax value,
        ISymbol field,
        IParameterSymbol? callerToken,
        ImmutableArray<IdentifierNameSyntax>.Builder detachedTokens,
        CancellationToken cancellationToken)
    {
        // The value of an `if` form is part of the guarded block (its last statement); only `??=` has a value of its own.
        var analyses = guarded.IsEmpty
            ? new[] { model.AnalyzeDataFlow(value) }
            : new[] { model.AnalyzeDataFlow(guarded[0], value.FirstAncestorOrSelf<StatementSyntax>()!) };
        foreach (var flow in analyses)
        {
            if (flow is null || !flow.Succeeded)
            {
                return value;
            }

            foreach (var symbol in flow.ReadInside)
            {
                if (symbol is IParameterSymbol { IsThis: true })
                {
                    if (field.IsStatic)
                    {
                        return value; // static state initialized from instance members: nowhere to create it
                    }

                    continue;
                }

                if (field.IsStatic && symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } })
                {
                    // A primary-constructor parameter is instance state too: the static loader cannot see it (CS9105; an
                    // independent consumer's `static … s_windows` loaded through `registry` of `WindowCache(IRegistry registry)`).
                    return value;
                }

                if (symbol is ILocalSymbol or IParameterSymbol && flow.DataFlowsIn.Contains(symbol))
                {
                    if (callerToken is not null && SymbolEqualityComparer.Default.Equals(symbol, callerToken)
                        && PassedOnlyAsArguments(model, guarded, value, callerToken, detachedTokens, cancellationToken))
                    {
                        continue;
                    }

                    return value;
                }
            }
        }

        // Names data flow does not count: `nameof(region)`, a call of a local function, a label. Declared outside the moved
        // code, they do not exist in the initialization method (CS0103). The detached token uses are the one exception.
        var moved = ImmutableArray<SyntaxNode>.CastUp(guarded).Add(value);
        var holder = value.FirstAncestorOrSelf<MemberDeclarationSyntax>(static m => m is not BaseTypeDeclarationSyntax);
        foreach (var root in moved)
        {
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (node is SimpleNameSyntax name && !(name is IdentifierNameSyntax identifierName && detachedTokens.Contains(identifierName))
                    && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol
                    && symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction }
                    && DeclaredIn(symbol, ImmutableArray.Create(holder ?? (SyntaxNode)value)) && !DeclaredIn(symbol, moved))
                {
                    return name; // (a named argument's `cancellationToken:` names the callee's parameter, declared elsewhere)
                }
            }
        }

        // The initialization may not read the state it initializes (it is an AsyncLazy now).
        foreach (var statement in guarded)
        {
            foreach (var name in statement.DescendantNodesAndSelf())
            {
                if (name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == field.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, field))
                {
                    return identifier;
                }
            }
        }

        foreach (var name in value.DescendantNodesAndSelf())
        {
            if (name is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == field.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, field))
            {
                return identifier;
            }
        }

        return null;
    }

    private static bool DeclaredIn(ISymbol symbol, ImmutableArray<SyntaxNode> roots)
    {
        if (symbol.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var inside = false;
            foreach (var root in roots)
            {
                inside |= reference.SyntaxTree == root.SyntaxTree && root.Span.Contains(reference.Span);
            }

            if (!inside)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every use of <paramref name="token"/> in <paramref name="guarded"/> and the loaded
    /// <paramref name="value"/> is a whole argument (<c>LoadAsync(cancellationToken)</c>, <c>ct: cancellationToken</c>);
    /// those uses are collected for the rewriter.
    /// </summary>
    private static bool PassedOnlyAsArguments(
        SemanticModel model,
        ImmutableArray<StatementSyntax> guarded,
        ExpressionSyntax value,
        IParameterSymbol token,
        ImmutableArray<IdentifierNameSyntax>.Builder uses,
        CancellationToken cancellationToken)
    {
        uses.Clear();
        foreach (var root in ImmutableArray<SyntaxNode>.CastUp(guarded).Add(value))
        {
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == token.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, token))
                {
                    if (identifier.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: 0 } argument || argument.Expression != identifier
                        || IsInNameOf(identifier))
                    {
                        uses.Clear();
                        return false;
                    }

                    uses.Add(identifier);
                }
            }
        }

        return uses.Count > 0;
    }

    private static ITypeSymbol ValueTypeOf(SemanticModel model, ITypeSymbol stateType, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        // A nullable field loaded with a non-null value: the lazy holds the non-null type (readers saw it after the null check).
        if (stateType.IsReferenceType && stateType.NullableAnnotation == NullableAnnotation.Annotated
            && model.GetTypeInfo(value, cancellationToken).Nullability.FlowState == NullableFlowState.NotNull)
        {
            return stateType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        return stateType;
    }

    private static bool HasPrimaryConstructor(ClassDeclarationSyntax type)
        => type.ChildNodes() is var children && Contains(children);

    private static bool Contains(System.Collections.Generic.IEnumerable<SyntaxNode> children)
    {
        foreach (var child in children)
        {
            if (child is ParameterListSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDefaultValue(ExpressionSyntax value)
        => value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.FalseLiteralExpression)
            || value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax;

    /// <summary>
    /// The accessor of state created on first use: <c>_templates</c> → <c>Templates</c>, <c>_initializer</c> → <c>Initializer</c>;
    /// <c>LazyCatalog</c> where <c>Catalog</c> already names something here (the state's own type, typically).
    /// </summary>
    private static string AccessorName(string fieldName, ImmutableHashSet<string> taken)
        => Pascal(fieldName) is var name && taken.Contains(name) ? UniqueNames.Choose("Lazy" + name, taken) : name;

    private static readonly string[] FlagWords = { "Loaded", "Initialized", "Initialised", "Ready", "Fetched", "Built", "Cached", "Warmed", "Computed", "Created", "Resolved", "Populated", "Primed", "Done", "Init" };

    /// <summary>What a flag says is loaded: <c>_ratesLoaded</c> → <c>rates</c>, <c>_isCatalogReady</c> → <c>Catalog</c>, <c>m_fCacheReady</c> → <c>Cache</c>; null for a flag that names nothing (<c>_loaded</c>, <c>_isInitialized</c>, <c>m_bInit</c>).</summary>
    internal static string? FlagStem(string flag)
    {
        var name = WithoutPrefix(flag);
        foreach (var prefix in new[] { "is", "has", "Is", "Has" })
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]))
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        if (name.Length > 1 && name[0] is 'b' or 'f' && char.IsUpper(name[1]))
        {
            name = name.Substring(1); // Hungarian `m_bInit`, `m_fCacheReady`: the letter says bool, not what is loaded
        }

        foreach (var word in FlagWords)
        {
            if (name.Length > word.Length && name.EndsWith(word, StringComparison.Ordinal))
            {
                var stem = name.Substring(0, name.Length - word.Length);
                return SyntaxFacts.IsValidIdentifier(stem) ? stem : null;
            }
        }

        return null;
    }

    /// <summary>The first field or property (other than the flag) the check's block assigns, without its prefix; null when none.</summary>
    private static string? FirstLoadedMember(ImmutableArray<StatementSyntax> guarded, string flag)
    {
        foreach (var statement in guarded)
        {
            foreach (var assignment in statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
            {
                var name = assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null && name != flag && Pascal(name) is var pascal && pascal != "Value")
                {
                    return pascal;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when a constructor or a field or property initializer of <paramref name="type"/> blocks on a task
    /// (<c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>): what MM0001's lazy rewrite turns into an
    /// <c>_initializer</c> with an <c>InitializeAsync</c> — or already did in the other form, a static factory returning
    /// <c>Task&lt;T&gt;</c> of the type (so the answer is the same before and after MM0001's fix).
    /// </summary>
    private static bool HasBlockingWaitInConstruction(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var member in type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().SelectMany(static t => t.Members))
        {
            SyntaxNode? construction = member switch
            {
                ConstructorDeclarationSyntax { Modifiers: var modifiers } constructor when !modifiers.Any(SyntaxKind.StaticKeyword) => constructor,
                FieldDeclarationSyntax { Modifiers: var modifiers } field when !modifiers.Any(SyntaxKind.StaticKeyword) && !modifiers.Any(SyntaxKind.ConstKeyword) => field,
                PropertyDeclarationSyntax { Initializer: not null, Modifiers: var modifiers } property when !modifiers.Any(SyntaxKind.StaticKeyword) => property.Initializer,
                _ => null,
            };
            if (member is MethodDeclarationSyntax { ReturnType: GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments: [IdentifierNameSyntax returned] } } method
                && method.Modifiers.Any(SyntaxKind.StaticKeyword) && returned.Identifier.ValueText == type.Name)
            {
                return true; // an async factory, such as the one MM0001's factory rewrite writes in place of the blocking constructor
            }

            if (construction is not null && construction.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(static access =>
                    access.Name.Identifier.ValueText is "Result" && access.Parent is not InvocationExpressionSyntax
                    || access.Name.Identifier.ValueText is "Wait" or "GetResult" && access.Parent is InvocationExpressionSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static string Pascal(string name)
    {
        var trimmed = WithoutPrefix(name);
        return trimmed.Length == 0 ? "Value" : char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
    }

    /// <summary>A member's name without its <c>s_</c>, <c>m_</c> or leading underscores.</summary>
    private static string WithoutPrefix(string name)
        => name.StartsWith("s_", StringComparison.Ordinal) || name.StartsWith("m_", StringComparison.Ordinal)
            ? name.Substring(2)
            : name.TrimStart('_');
}
