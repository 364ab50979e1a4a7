using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0005: a <c>bool</c> flag that goes back to <c>false</c> is a state, not a one-time initialization — an in-progress
/// marker the same function clears again (<c>_isUpdating = true; … await …; _isUpdating = false;</c>, elsa's
/// <c>WorkflowReferenceUpdater</c>), or one half of a two-way switch whose other half tests it and clears it
/// (<c>PauseAsync</c>/<c>UnpauseAsync</c> on <c>_isPaused</c>, jellyfin's <c>TranscodingThrottler</c>;
/// <c>StartAsync</c>/<c>StopAsync</c> on <c>_started</c>), or a per-use flag a <c>Reset…</c> method clears when the object
/// is reused (npgsql's <c>ReplicationValue._isConsumed</c>). The single-flight remedies (<c>AsyncInitializer</c>,
/// <c>AsyncLazy&lt;T&gt;</c>) never go back either. A clear that does not read the flag (<c>Invalidate() =&gt; _loaded =
/// false;</c>) or sits in a <c>catch</c> (reset on failure) keeps the flag an initialization flag. Asked only for a
/// candidate diagnostic, so its syntax walk costs nothing on code without one.
/// </summary>
internal static class LazyInitToggles
{
    // Bounds the walk into nested blocks of a later statement (a `try` inside a `using` inside a block …).
    private const int MaxNestingDepth = 8;

    // First words of a parameterless factory whose result says "nothing more" (an end latch's terminal value).
    private static readonly string[] EndWords = { "No", "None", "Empty", "Stop", "Done", "Never", "Skip" };

    /// <summary>
    /// <c>if (X == null) { X = await A(); } else { X = await B(X); }</c> (LlmTornado's runtime configurations): the member is
    /// written on both outcomes of the check, so it is state the method updates on every call, not a value loaded once —
    /// no single-flight helper expresses it. True when the check is an <c>if</c> whose <c>else</c> assigns the member; the
    /// same with the other outcome after the <c>if</c>, when its body writes the member and always leaves (wolverine's
    /// leader lease: <c>if (_lock == null) { if (await TryTakeAsync(n)) { _lock = n; return true; } return false; }</c>
    /// followed by the renewal <c>if (await TryRenewAsync(n)) { _lock = n; return true; }</c>); and a <c>??=</c> check whose
    /// member a later statement of the same block (itself, not under a condition) assigns again (a cursor moved on,
    /// Brighter's batch rollover), and the same for an <c>if</c> check (agentfw's <c>StatefulExecutor</c> state).
    /// </summary>
    public static bool IsWrittenOnBothOutcomes(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (condition.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } coalesce && coalesce.Left == condition)
        {
            // `_current ??= await CreateAsync();` then, further on, `_current = await CreateAsync();` (Brighter's batch
            // rollover): a cursor the function moves on, not a value loaded once.
            // Only a statement of that block itself: a later write under a condition that wraps the value
            // (`if (partitioned) _receiver = new Bridge(_receiver);`, wolverine's ListeningAgent) keeps the race.
            return coalesce.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax coalesceBlock } coalesceStatement
                && AssignedAfter(coalesceBlock, coalesceStatement, member, model, directly: true, cancellationToken);
        }

        if (condition.Parent is not IfStatementSyntax ifStatement || ifStatement.Condition != condition)
        {
            return false;
        }

        if (ifStatement.Else is { } elseClause)
        {
            return Assigns(elseClause.Statement, member, model, cancellationToken);
        }

        if (ifStatement.Parent is not BlockSyntax block)
        {
            return false;
        }

        // `if (_state == null) { _state = await ReadAsync(); } … _state = next;` (agentfw's StatefulExecutor): moved on by a
        // later statement of the block itself, like the `??=` cursor above.
        // (Not the early-return form `if (_x != null) return _x; _x = await LoadAsync();`, whose later write is the load.)
        if (!Assigns(ifStatement.Statement, member, model, cancellationToken))
        {
            return false;
        }

        return AlwaysLeaves(ifStatement.Statement)
            ? AssignedAfter(block, ifStatement, member, model, directly: false, cancellationToken)
            : AssignedAfter(block, ifStatement, member, model, directly: true, cancellationToken);
    }

    /// <summary>
    /// The check is (an operand of) the condition of a <c>while</c>, <c>do</c> or <c>for</c> loop — or of an <c>if</c> in its
    /// body that leaves it (<see cref="LoopLeftBy"/>) — some pass of which goes round again without writing the member: a
    /// worker or read loop that runs until a latch is set — hazelcast's
    /// <c>while (!_stop) { …; if (seen == i) continue; …; _stop = true; }</c>, Octonica.ClickHouseClient's
    /// <c>do { … case EndOfStream: _endOfStream = true; break; … } while (!_endOfStream)</c> — which no single-flight
    /// helper replaces. A loop whose body writes the member on every pass (a retried load,
    /// <c>while (_token == null) { try { _token = await LoadAsync(); } catch { … } }</c>) is the initialization and is
    /// still judged.
    /// </summary>
    public static bool IsLoopUntilALatch(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        var whole = condition;
        while (whole.Parent is ParenthesizedExpressionSyntax
            or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression }
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression })
        {
            whole = whole.Parent;
        }

        var (loop, body) = whole.Parent switch
        {
            WhileStatementSyntax loopStatement when loopStatement.Condition == whole => ((StatementSyntax?)loopStatement, loopStatement.Statement),
            DoStatementSyntax loopStatement when loopStatement.Condition == whole => (loopStatement, loopStatement.Statement),
            ForStatementSyntax loopStatement when loopStatement.Condition == whole => (loopStatement, loopStatement.Statement),
            IfStatementSyntax exit when exit.Condition == whole => LoopLeftBy(exit),
            _ => (null, null),
        };
        return loop is not null && body is not null && !WritesOnEveryPass(body, loop, member, model, cancellationToken);
    }

    /// <summary>
    /// The <c>while</c>, <c>do</c> or <c>for</c> loop (and its body) that <paramref name="exit"/> leaves when its condition
    /// holds — an <c>if</c> without <c>else</c>, a statement of the loop's body, whose branch ends in <c>break</c>,
    /// <c>return</c> or <c>throw</c>: <c>while (true) { if (_winners is not null) { …; break; } … }</c> is
    /// <c>while (_winners is null)</c> written another way (a triage of a Discord game bot's battle loop).
    /// </summary>
    private static (StatementSyntax? Loop, StatementSyntax? Body) LoopLeftBy(IfStatementSyntax exit)
    {
        if (exit.Else is not null
            || (exit.Statement is BlockSyntax { Statements: { Count: > 0 } inner } ? inner[inner.Count - 1] : exit.Statement)
                is not (BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax))
        {
            return (null, null);
        }

        var loop = exit.Parent is BlockSyntax block ? block.Parent : exit.Parent;
        return loop switch
        {
            WhileStatementSyntax loopStatement => (loopStatement, loopStatement.Statement),
            DoStatementSyntax loopStatement => (loopStatement, loopStatement.Statement),
            ForStatementSyntax loopStatement => (loopStatement, loopStatement.Statement),
            _ => (null, null),
        };
    }

    /// <summary>
    /// A statement of the loop's body (or the body itself) writes the member unconditionally before any <c>continue</c>
    /// of this loop can skip it.
    /// </summary>
    private static bool WritesOnEveryPass(StatementSyntax body, StatementSyntax loop, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (body is not BlockSyntax block)
        {
            return AssignsUnconditionally(body, member, model, depth: 0, cancellationToken);
        }

        foreach (var statement in block.Statements)
        {
            if (AssignsUnconditionally(statement, member, model, depth: 0, cancellationToken))
            {
                return true;
            }

            if (ContinuesLoop(statement, loop))
            {
                return false; // `if (seen == i) continue;`: that pass goes round again without the write
            }
        }

        return false;
    }

    private static bool ContinuesLoop(StatementSyntax statement, StatementSyntax loop)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ContinueStatementSyntax @continue
                && @continue.Ancestors().FirstOrDefault(static a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax) == loop)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The checking function itself sets the member back to <c>null</c> (or <c>default</c>) after a write of a value, outside
    /// any <c>catch</c>: a cursor over work items that the function loads, moves on and clears (monotorrent's
    /// <c>HttpPeerConnection.ReceiveAsync</c>: <c>if (CurrentRequest == null) { await …; CurrentRequest = new
    /// HttpRequestData(…); }</c> … <c>CurrentRequest = null;</c>), not a value loaded once — the reference counterpart of
    /// the in-progress marker of <see cref="IsToggledFlag"/>. A clear before the load (<c>_x = null; _x = await …;</c>) or
    /// in a <c>catch</c> (a reset on failure) keeps the initialization.
    /// </summary>
    public static bool IsClearedAgainByTheFunction(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Shapes.EnclosingFunction(condition) is not { } function)
        {
            return false;
        }

        var wroteAValue = false;
        foreach (var node in function.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                || !Names(assignment.Left, member, model, cancellationToken))
            {
                continue;
            }

            if (Shapes.Unparenthesized(assignment.Right) is not ({ RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax))
            {
                wroteAValue = true;
            }
            else if (wroteAValue && !InCatch(assignment, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A rotation: before the check, the checking function clears the member — directly or through an own method that sets it
    /// to <c>null</c> — under a condition that reads the member's own state (DiscordChatExporter's partitioned export: <c>if
    /// (_writer is not null &amp;&amp; _writer.Written &gt;= limit) { await CloseWriterAsync(); … }</c>, then <c>if (_writer is not
    /// null) return _writer;</c> … a new writer; a triage). The value is replaced whenever it is used up, which no
    /// single-flight helper could do; not a value loaded once.
    /// </summary>
    public static bool IsRotatedBeforeTheCheck(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (condition.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } check)
        {
            return false;
        }

        foreach (var earlier in block.Statements)
        {
            if (earlier == check)
            {
                break;
            }

            if (earlier is IfStatementSyntax rotation
                && ReadsStateOf(rotation.Condition, member, model, cancellationToken)
                && Clears(rotation.Statement, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The condition reads a member of the value itself (<c>_writer.Written</c>, <c>_writer?.IsFull</c>).</summary>
    private static bool ReadsStateOf(ExpressionSyntax condition, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in condition.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (PartOfTheValue(node, member, model, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name of the value's own member that <paramref name="node"/> reads: <c>Written</c> of <c>_writer.Written</c>, of
    /// <c>_writer?.Written</c> or of <c>_writer?.Written.Count</c>; null when the node reads no member of the value.
    /// </summary>
    private static SimpleNameSyntax? PartOfTheValue(SyntaxNode node, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case MemberAccessExpressionSyntax access when Names(access.Expression, member, model, cancellationToken):
                return access.Name;
            case ConditionalAccessExpressionSyntax conditional when Names(conditional.Expression, member, model, cancellationToken):
                var bound = conditional.WhenNotNull;
                for (var depth = 0; depth < MaxNestingDepth; depth++)
                {
                    switch (bound)
                    {
                        case MemberBindingExpressionSyntax binding:
                            return binding.Name;
                        case MemberAccessExpressionSyntax inner:
                            bound = inner.Expression;
                            continue;
                        case InvocationExpressionSyntax call:
                            bound = call.Expression;
                            continue;
                    }

                    break;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// <paramref name="statement"/> sets the member to <c>null</c>/<c>default</c> outside a <c>catch</c>, or calls an own method
    /// whose body does.
    /// </summary>
    private static bool Clears(StatementSyntax statement, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is AssignmentExpressionSyntax assignment && IsClear(assignment, member, model, cancellationToken) && !InCatch(assignment, statement))
            {
                return true;
            }

            if (node is InvocationExpressionSyntax invocation
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { DeclaringSyntaxReferences: [var reference] } callee
                && SymbolEqualityComparer.Default.Equals(callee.ContainingType?.OriginalDefinition, member.ContainingType?.OriginalDefinition)
                && reference.GetSyntax(cancellationToken) is { } declaration
                && SemanticModels.For(model.Compilation, declaration.SyntaxTree, model) is { } calleeModel)
            {
                foreach (var inner in declaration.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                {
                    if (inner is AssignmentExpressionSyntax innerAssignment && IsClear(innerAssignment, member, calleeModel, cancellationToken)
                        && !InCatch(innerAssignment, declaration))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsClear(AssignmentExpressionSyntax assignment, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
        => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && Shapes.Unparenthesized(assignment.Right) is { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax
            && Names(assignment.Left, member, model, cancellationToken);

    private static bool AssignedAfter(BlockSyntax block, StatementSyntax statement, ISymbol member, SemanticModel model, bool directly, CancellationToken cancellationToken)
    {
        for (var i = block.Statements.IndexOf(statement) + 1; i < block.Statements.Count; i++)
        {
            var later = block.Statements[i];
            if (directly ? AssignsUnconditionally(later, member, model, depth: 0, cancellationToken) : Assigns(later, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="statement"/> is an assignment of the member, or a block every normal completion of which passes
    /// one: a plain block, the <c>try</c> block of a <c>try</c> (orleans's cosmos membership table replaces its row inside
    /// <c>try { … _self = replaced.Resource; } catch { _self = null; throw; }</c>), the body of a <c>using</c>,
    /// <c>lock</c>, <c>checked</c> or <c>fixed</c> statement. Not under a condition, a loop, a handler or a lambda.
    /// </summary>
    private static bool AssignsUnconditionally(StatementSyntax statement, ISymbol member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxNestingDepth)
        {
            return false;
        }

        switch (statement)
        {
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }:
                return Names(assignment.Left, member, model, cancellationToken);
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    if (AssignsUnconditionally(inner, member, model, depth + 1, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            case TryStatementSyntax tryStatement:
                return AssignsUnconditionally(tryStatement.Block, member, model, depth + 1, cancellationToken);
            case UsingStatementSyntax { Statement: var body }:
                return AssignsUnconditionally(body, member, model, depth + 1, cancellationToken);
            case LockStatementSyntax { Statement: var body }:
                return AssignsUnconditionally(body, member, model, depth + 1, cancellationToken);
            case CheckedStatementSyntax { Block: var body }:
                return AssignsUnconditionally(body, member, model, depth + 1, cancellationToken);
            case FixedStatementSyntax { Statement: var body }:
                return AssignsUnconditionally(body, member, model, depth + 1, cancellationToken);
            default:
                return false;
        }
    }

    private static bool AlwaysLeaves(StatementSyntax statement)
        => statement switch
        {
            ReturnStatementSyntax or ThrowStatementSyntax => true,
            BlockSyntax { Statements.Count: > 0 } block => block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax or ThrowStatementSyntax,
            _ => false,
        };

    private static bool Assigns(SyntaxNode code, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in code.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                && Names(assignment.Left, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A member that records when something last ran, tested against the clock: <c>if (LastUpdated.HasValue &amp;&amp;
    /// LastUpdated.Value.AddSeconds(interval) &gt; DateTime.Now) return;</c> … <c>await PublishAsync(…); LastUpdated =
    /// DateTime.Now;</c> (HASS.Agent's sensors) — a throttle or an expiry that lets the work run again every interval, not a
    /// value loaded once, and which <c>AsyncLazy&lt;T&gt;</c> or <c>AsyncInitializer</c> (which never run again) could not
    /// replace. True when the member holds a time (<c>DateTime</c>, <c>DateTimeOffset</c>, <c>TimeSpan</c>, or an integer
    /// of ticks, also nullable) and the check reads the clock: <c>DateTime.Now</c>/<c>UtcNow</c>/<c>Today</c>,
    /// <c>DateTimeOffset.Now</c>/<c>UtcNow</c>, <c>Environment.TickCount</c>/<c>TickCount64</c>,
    /// <c>Stopwatch.GetTimestamp()</c> or a <c>TimeProvider</c>'s <c>GetUtcNow()</c>/<c>GetLocalNow()</c>/<c>GetTimestamp()</c>,
    /// directly or through a local the function set from one. A time member the check only tests for a value
    /// (<c>if (!_loadedAt.HasValue)</c>) is still an initialization flag.
    /// </summary>
    public static bool IsClockStamp(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        if (!IsTimeType(type))
        {
            return false;
        }

        return ReadsTheClock(condition, model, followLocals: true, cancellationToken);
    }

    /// <summary>
    /// A value tested beside a version stamp that the same function renews: <c>if (_models == null || _version !=
    /// _registry.Version) { _models = await …; _version = _registry.Version; }</c>, <c>if (_value is null || generation !=
    /// _generation) { … _generation = generation; }</c> — a cache loaded again whenever its source changes (a fix-shapes
    /// round), which <c>AsyncLazy&lt;T&gt;</c> (never run again) could not replace. True when the condition compares another
    /// member of the value's type (on <c>this</c>) with something that is not a constant, and the function around the
    /// condition assigns that member.
    /// </summary>
    public static bool IsBesideARenewedVersionStamp(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Shapes.EnclosingFunction(condition) is not { } function)
        {
            return false;
        }

        foreach (var node in condition.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not BinaryExpressionSyntax comparison
                || !(comparison.IsKind(SyntaxKind.NotEqualsExpression) || comparison.IsKind(SyntaxKind.EqualsExpression)
                    || comparison.IsKind(SyntaxKind.LessThanExpression) || comparison.IsKind(SyntaxKind.GreaterThanExpression)
                    || comparison.IsKind(SyntaxKind.LessThanOrEqualExpression) || comparison.IsKind(SyntaxKind.GreaterThanOrEqualExpression)))
            {
                continue;
            }

            foreach (var (side, other) in new[] { (comparison.Left, comparison.Right), (comparison.Right, comparison.Left) })
            {
                var stampName = side is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } qualified ? qualified.Name : side as IdentifierNameSyntax;
                if (stampName is null
                    || stampName.Identifier.ValueText == member.Name
                    || model.GetConstantValue(other, cancellationToken).HasValue
                    || other.IsKind(SyntaxKind.NullLiteralExpression) || other.IsKind(SyntaxKind.DefaultLiteralExpression)
                    || model.GetSymbolInfo(stampName, cancellationToken).Symbol is not { Kind: SymbolKind.Field or SymbolKind.Property } stamp
                    || !SymbolEqualityComparer.Default.Equals(stamp.ContainingType, member.ContainingType)
                    || other.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == member.Name))
                {
                    continue;
                }

                if (Assigns(function, stamp, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A value tested beside a clock stamp that the same function renews: <c>if (_token == null || _expires &lt;
    /// DateTimeOffset.UtcNow) { _token = await FetchAsync(); _expires = …; }</c>, Papercut's
    /// <c>if (_cachedWebUrl != null &amp;&amp; DateTime.Now - _lastUrlCheck &lt; _urlCacheExpiration) return _cachedWebUrl;</c> …
    /// <c>_lastUrlCheck = DateTime.Now;</c> — a cache that expires, loaded again every interval like the stamp itself
    /// (<see cref="IsClockStamp"/>), which <c>AsyncLazy&lt;T&gt;</c> could not replace. True when the condition also names
    /// another member of the value's type (on <c>this</c>) that is a clock stamp of this condition, and the function around
    /// the condition assigns that stamp.
    /// </summary>
    public static bool IsBesideARenewedClockStamp(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Shapes.EnclosingFunction(condition) is not { } function)
        {
            return false;
        }

        foreach (var node in condition.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not IdentifierNameSyntax name
                || name.Identifier.ValueText == member.Name
                || (name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is not ThisExpressionSyntax)
                || model.GetSymbolInfo(name, cancellationToken).Symbol is not { Kind: SymbolKind.Field or SymbolKind.Property } stamp
                || !SymbolEqualityComparer.Default.Equals(stamp.ContainingType, member.ContainingType))
            {
                continue;
            }

            if (IsClockStamp(stamp, condition, model, cancellationToken) && Assigns(function, stamp, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A value tested beside its own expiry: the condition also reads a member of the value itself that says it has expired
    /// — compared with the clock in the condition (<c>if (_token == null || _token.ExpiresAt &lt;= DateTimeOffset.UtcNow)</c>),
    /// a <c>bool</c> named for expiry or staleness (<c>Token.IsExpired</c>, <c>HasExpired</c>, <c>IsStale</c>), or a property
    /// whose getter reads the clock (SpotifyAPI-NET's <c>ClientCredentialsAuthenticator</c>: <c>if (Token == null ||
    /// Token.IsExpired) { Token = await …RequestToken(…); }</c>, a consumer round). A renewable cache, loaded again whenever
    /// it expires, which <c>AsyncLazy&lt;T&gt;</c> (which never runs again) could not replace.
    /// </summary>
    public static bool IsBesideItsOwnExpiry(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        bool? readsTheClock = null;
        foreach (var node in condition.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            var part = PartOfTheValue(node, member, model, cancellationToken);
            if (part is null || model.GetSymbolInfo(part, cancellationToken).Symbol is not { Kind: SymbolKind.Field or SymbolKind.Property } expiry)
            {
                continue;
            }

            var type = expiry is IPropertySymbol property ? property.Type : ((IFieldSymbol)expiry).Type;
            if (type.SpecialType == SpecialType.System_Boolean
                && (IdentifierWords.ContainsWord(expiry.Name, "Expired") || IdentifierWords.ContainsWord(expiry.Name, "Stale")))
            {
                return true;
            }

            if (IsTimeType(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)
                && (readsTheClock ??= ReadsTheClock(condition, model, followLocals: true, cancellationToken)))
            {
                return true;
            }

            if (expiry is IPropertySymbol { GetMethod.DeclaringSyntaxReferences: [var getter] } && GetterReadsTheClock(getter.GetSyntax(cancellationToken), model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A getter (or expression-bodied property) in the compilation that reads the clock: <c>IsExpired =&gt; CreatedAt.AddSeconds(ExpiresIn) &lt;= DateTime.UtcNow</c>.</summary>
    private static bool GetterReadsTheClock(SyntaxNode getter, SemanticModel model, CancellationToken cancellationToken)
    {
        var body = getter switch
        {
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
            ArrowExpressionClauseSyntax arrow => arrow,
            _ => null,
        };
        return body is not null
            && SemanticModels.For(model.Compilation, body.SyntaxTree, model) is { } getterModel
            && ReadsTheClock(body, getterModel, followLocals: true, cancellationToken);
    }

    private static bool IsTimeType(ITypeSymbol? type)
        => type is not null
            && (type.SpecialType is SpecialType.System_DateTime or SpecialType.System_Int64 or SpecialType.System_Int32
                    or SpecialType.System_UInt64 or SpecialType.System_UInt32
                || (type.Name is "DateTimeOffset" or "TimeSpan" && Namespaces.IsExactly(type.ContainingNamespace, "System")));

    private static bool ReadsTheClock(SyntaxNode expression, SemanticModel model, bool followLocals, CancellationToken cancellationToken)
    {
        foreach (var node in expression.DescendantNodesAndSelf(static n => n is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax)))
        {
            if (node is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText is "Now" or "UtcNow" or "Today" or "TickCount" or "TickCount64" or "GetTimestamp" or "GetUtcNow" or "GetLocalNow"
                && model.GetSymbolInfo(access, cancellationToken).Symbol is { IsStatic: var isStatic, ContainingType: { } clock }
                && IsClock(clock, isStatic))
            {
                return true;
            }

            if (followLocals
                && node is IdentifierNameSyntax name
                && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences is [var reference]
                && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && ReadsTheClock(initializer, model, followLocals: false, cancellationToken))
            {
                return true; // `var now = DateTime.UtcNow; if (now - _last < interval) return;`
            }
        }

        return false;
    }

    private static bool IsClock(INamedTypeSymbol type, bool isStatic)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (((isStatic && current.Name is "DateTime" or "DateTimeOffset" or "Environment") || current.Name == "TimeProvider")
                && Namespaces.IsExactly(current.ContainingNamespace, "System"))
            {
                return true;
            }

            if (isStatic && current.Name == "Stopwatch" && Namespaces.IsExactly(current.ContainingNamespace, "System", "Diagnostics"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsToggledFlag(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        if (member is not (IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean } or IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean }))
        {
            return false;
        }

        if (IsEndLatch(condition, member, model, cancellationToken))
        {
            return true; // `if (_exhausted) return false;`: a set flag ends the work, it does not skip a load
        }

        var function = Shapes.EnclosingFunction(condition);
        if (function is not null && (ClearsFlag(function, member, model, cancellationToken) || ClearsThroughOwnCall(function, member, model, cancellationToken)))
        {
            return true; // an in-progress marker: this function sets it and clears it again
        }

        foreach (var reference in TypesUpToTheFlags(member, condition, model, cancellationToken))
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (var declaration in type.Members)
            {
                if (declaration is not (MethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax)
                    || (function is not null && declaration.Span.Contains(function.Span)))
                {
                    continue; // constructors and initializers set the initial state; the checking function was judged above
                }

                if (((IsReset(declaration) && !LoadsOtherStateAfter(function, condition, member, model, cancellationToken))
                        || ReadsFlag(declaration, member, model, cancellationToken)
                        || IsRunOnlyUnderACheckOfTheFlag(declaration, type, member, model, cancellationToken))
                    && ClearsFlag(declaration, member, model, cancellationToken))
                {
                    return true; // the other half of a switch (it, or every caller of it, tests the flag and sets it back), or a reset for reuse
                }
            }

            var checkedStatement = condition.FirstAncestorOrSelf<IfStatementSyntax>();
            foreach (var declaration in type.Members)
            {
                if (declaration is (MethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax)
                    && ComputesFlag(declaration, member, checkedStatement, model, cancellationToken))
                {
                    return true; // `_isBlocked = _len < buffer.Length;`: a status recomputed from data, not a "done" flag
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The declarations of the type that checks the flag and of its base types up to the one declaring the flag: the other
    /// half of a switch sits with the check (FluentFTP's monitor: <c>Start</c>/<c>Stop</c> in the derived class, the
    /// <c>Active</c> flag in its base), a reset may sit with the flag.
    /// </summary>
    private static IEnumerable<SyntaxReference> TypesUpToTheFlags(ISymbol member, SyntaxNode condition, SemanticModel model, CancellationToken cancellationToken)
    {
        var declaring = member.ContainingType.OriginalDefinition;
        var checking = model.GetEnclosingSymbol(condition.SpanStart, cancellationToken)?.ContainingType;
        var chain = new List<INamedTypeSymbol>();
        for (var type = checking; type is not null && chain.Count < 8; type = type.BaseType)
        {
            chain.Add(type.OriginalDefinition);
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring))
            {
                break;
            }
        }

        if (chain.Count == 0 || !SymbolEqualityComparer.Default.Equals(chain[chain.Count - 1], declaring))
        {
            chain.Clear();
            chain.Add(declaring); // checked from outside the flag's type hierarchy: its own declarations
        }

        foreach (var type in chain)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                yield return reference;
            }
        }
    }

    /// <summary>
    /// The check is <c>if (_flag) return R;</c> (or <c>_flag == true</c>) with R a terminal value — <c>false</c>, <c>0</c>,
    /// an empty collection (<c>Array.Empty&lt;T&gt;()</c>, <c>Enumerable.Empty&lt;T&gt;()</c>,
    /// <c>[]</c>), a <c>None</c>/<c>Empty</c> property, a parameterless factory named for "nothing more"
    /// (<c>ShouldRetryResult.NoRetry()</c>) — the checking function is async, so it returns the value itself: once set, the flag ends the work (an end-of-data latch, a used-up
    /// retry) instead of skipping a load whose result the function then uses (cosmos's pipeline stages'
    /// <c>returnedFinalPage</c>, orleans's Kinesis <c>_shardExhausted</c>, a policy's <c>if (_retried) return false;</c>).
    /// </summary>
    private static bool IsEndLatch(SyntaxNode condition, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (condition is not ExpressionSyntax expression)
        {
            return false;
        }

        var tested = Shapes.Unparenthesized(expression);
        if (tested is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals)
        {
            tested = equals.Right.IsKind(SyntaxKind.TrueLiteralExpression) ? equals.Left
                : equals.Left.IsKind(SyntaxKind.TrueLiteralExpression) ? equals.Right
                : null;
        }

        SyntaxNode node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (tested is null
            || node.Parent is not IfStatementSyntax { Else: null } ifStatement
            || ifStatement.Condition != node
            || !Names(Shapes.Unparenthesized(tested), member, model, cancellationToken))
        {
            return false;
        }

        var branch = ifStatement.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : ifStatement.Statement;
        return branch is ReturnStatementSyntax { Expression: { } value } && IsTerminalValue(value);
    }

    private static bool IsTerminalValue(ExpressionSyntax value)
    {
        switch (Shapes.Unparenthesized(value))
        {
            case LiteralExpressionSyntax literal:
                // Not `null`: `if (_loading) return null;` is a claim flag's "someone else is loading" (OwnState tests).
                return literal.IsKind(SyntaxKind.FalseLiteralExpression)
                    || (literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is 0 or 0L or 0d or 0f or 0m or 0u or 0ul);
            case CollectionExpressionSyntax collection:
                return collection.Elements.Count == 0;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: var receiver }, ArgumentList.Arguments.Count: 0 }:
                var type = receiver is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : (receiver as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                return type is "Array" or "Enumerable" or "ImmutableArray" or "ImmutableList";
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None" or "Empty" }:
                // An option type's or a collection's empty value as a property: `Option<Image>.None` (ErsatzTV's subtitle
                // reader, LanguageExt), `ImmutableArray<T>.Empty`, `string.Empty` — "nothing more", like `false` or `[]`.
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax { Identifier.ValueText: var factory } }, ArgumentList.Arguments.Count: 0 }:
                // A parameterless factory saying "nothing more" by its first word: cosmos's retry policies'
                // `ShouldRetryResult.NoRetry()`, `Option.None()`, `Result.Empty()`, `Decision.Stop()`.
                return StartsWithEndWord(factory);
            default:
                return false;
        }
    }

    private static bool StartsWithEndWord(string name)
    {
        foreach (var word in EndWords)
        {
            if (IdentifierWords.IsWordAt(name, 0, word, ignoreCase: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An assignment of a computed value to the flag (not a <c>true</c>/<c>false</c> literal), or a compound one
    /// (<c>&amp;=</c>, <c>|=</c>), outside the checked <c>if</c> and without an <c>await</c>: the flag is a status derived
    /// from data on each run (csharp-sdk's <c>_isBlocked</c>), which an initialization flag never is; a value computed in the
    /// guarded load (<c>_ready = _catalog != null;</c>) or awaited (<c>_ready = await TryLoadAsync();</c>) records the load.
    /// </summary>
    private static bool ComputesFlag(SyntaxNode scope, ISymbol member, SyntaxNode? checkedStatement, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax assignment
                && (checkedStatement is null || checkedStatement.SyntaxTree != assignment.SyntaxTree || !checkedStatement.Span.Contains(assignment.Span)) // `_ready = _x != null;` in the load it guards records the load
                && (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || !Shapes.Unparenthesized(assignment.Right).IsKind(SyntaxKind.TrueLiteralExpression) && !Shapes.Unparenthesized(assignment.Right).IsKind(SyntaxKind.FalseLiteralExpression))
                && !assignment.Right.DescendantNodesAndSelf().OfType<AwaitExpressionSyntax>().Any() // `_ready = await TryLoadAsync();` is a load's result
                && Names(assignment.Left, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method named <c>Reset…</c>: the object is reused, and what the flag records is per use (npgsql's
    /// <c>ReplicationValue.Reset()</c> clears <c>_isConsumed</c> for each row). <c>Invalidate()</c>, <c>Clear()</c> and the
    /// like drop a cached value, whose reload races like the first load — and so does a reset of a flag whose check guards a
    /// load of other state (<see cref="LoadsOtherStateAfter"/>).
    /// </summary>
    private static bool IsReset(MemberDeclarationSyntax declaration)
        => declaration is MethodDeclarationSyntax method
            && method.Identifier.ValueText.StartsWith("Reset", System.StringComparison.Ordinal);

    /// <summary>
    /// Whether the checking function writes a field or property of the flag's type other than the flag after the check: the
    /// flag guards a load of state (a real cart service: `if (_loaded) return; … _items = …; _loaded = true;` with
    /// <c>ResetCache() =&gt; _loaded = false;</c>, 20 loads for 20 first calls), so a <c>Reset…</c> that clears it is an
    /// invalidation, whose reload races like the first load — not npgsql's per-use marker, which guards an action only.
    /// </summary>
    private static bool LoadsOtherStateAfter(SyntaxNode? function, SyntaxNode condition, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (function is null)
        {
            return false;
        }

        foreach (var node in function.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node.SpanStart > condition.Span.End
                && node is AssignmentExpressionSyntax { Left: var target }
                && model.GetSymbolInfo(target, cancellationToken).Symbol is { Kind: SymbolKind.Field or SymbolKind.Property } written
                && written is not IPropertySymbol { IsIndexer: true }
                && !SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, member)
                && SymbolEqualityComparer.Default.Equals(written.ContainingType?.OriginalDefinition, member.ContainingType?.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method whose every call in the type's declaration (at least one) sits in an <c>if</c> whose condition tests the
    /// flag: Octonica.ClickHouseClient's <c>if (_endOfStream) await RepeatQuery(…);</c>, whose <c>RepeatQuery</c> sets
    /// <c>_endOfStream = false</c> again — the other half of the switch, with its test at the caller.
    /// </summary>
    private static bool IsRunOnlyUnderACheckOfTheFlag(MemberDeclarationSyntax declaration, TypeDeclarationSyntax type, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration is not MethodDeclarationSyntax method)
        {
            return false;
        }

        var name = method.Identifier.ValueText;
        var called = false;
        foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var callee = invocation.Expression switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier,
                _ => null,
            };
            if (callee is null || callee.Identifier.ValueText != name)
            {
                continue;
            }

            var underCheck = invocation.Ancestors()
                .TakeWhile(static node => node is not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<IfStatementSyntax>()
                .Any(ifStatement => !ifStatement.Condition.Span.Contains(invocation.Span) && ReadsFlag(ifStatement.Condition, member, model, cancellationToken));
            if (!underCheck)
            {
                return false;
            }

            called = true;
        }

        return called;
    }

    /// <summary>An assignment of <c>false</c> to the flag outside any <c>catch</c> clause.</summary>
    private static bool ClearsFlag(SyntaxNode scope, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right.RawKind: (int)SyntaxKind.FalseLiteralExpression } assignment
                && Names(assignment.Left, member, model, cancellationToken)
                && !InCatch(assignment, scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The function clears the flag through an own method it calls: from one of its <c>finally</c> blocks (ArchiSteamFarm's
    /// console loop: <c>OnUserInputStart(); try { … } finally { OnUserInputEnd(); }</c>), or a callee that clears it in a
    /// <c>finally</c> of its own (Discord.Net's <c>DisconnectInternalAsync</c>: <c>_isDisconnecting = true; try { … }
    /// finally { _isDisconnecting = false; }</c>, radzen's <c>GetAIResponse</c> and <c>IsLoading</c>) — an in-progress
    /// marker set and cleared around work, which the check skips while it runs. One call deep, callees of the same file.
    /// </summary>
    private static bool ClearsThroughOwnCall(SyntaxNode function, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var invocation in function.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } callee)
            {
                continue;
            }

            var fromFinally = invocation.Ancestors().TakeWhile(node => node != function).Any(static node => node is FinallyClauseSyntax);
            foreach (var reference in callee.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree || reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                if (fromFinally ? ClearsFlag(declaration, member, model, cancellationToken) : ClearsFlagInFinally(declaration, member, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ClearsFlagInFinally(SyntaxNode scope, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var @finally in scope.DescendantNodes().OfType<FinallyClauseSyntax>())
        {
            if (ClearsFlag(@finally.Block, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A mention of the flag that is not the target of an assignment.</summary>
    private static bool ReadsFlag(SyntaxNode scope, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != member.Name)
            {
                continue;
            }

            ExpressionSyntax expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
            if (!IsAssignmentTarget(expression) && Names(expression, member, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignmentTarget(ExpressionSyntax expression)
        => expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression;

    /// <summary>
    /// Whether <paramref name="expression"/> is the flag: <c>_flag</c>, <c>this._flag</c> or <c>Type._flag</c>, confirmed by
    /// the semantic model where it is the model of that file (a partial declaration elsewhere is matched by name).
    /// </summary>
    private static bool Names(ExpressionSyntax expression, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = expression switch
        {
            IdentifierNameSyntax identifier => identifier,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: IdentifierNameSyntax identifier } => identifier,
            _ => null,
        };
        if (name is null || name.Identifier.ValueText != member.Name)
        {
            return false;
        }

        if (model.SyntaxTree != expression.SyntaxTree)
        {
            return true;
        }

        return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol?.OriginalDefinition, member);
    }

    private static bool InCatch(SyntaxNode node, SyntaxNode scope)
    {
        for (var current = node.Parent; current is not null && current != scope; current = current.Parent)
        {
            if (current is CatchClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
