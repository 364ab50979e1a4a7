using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Single-flight guards around a check, decided from the syntax around it and bound only at report time (a diagnostic
/// candidate is rare): a <c>try</c> whose <c>finally</c> releases a semaphore, an earlier <c>WaitAsync</c>/<c>Wait</c> on
/// a semaphore in an enclosing block, an async lock taken with <c>using (await …)</c>,
/// <c>Interlocked.Exchange</c>/<c>CompareExchange</c> on a checked member anywhere in the function, and a claim made
/// with one on any member before the check (<c>if (Interlocked.Exchange(ref _claimed, 1) == 1) return;</c>, or the check
/// inside <c>if (Interlocked.CompareExchange(ref _state, 1, 0) == 0) { … }</c>).
/// </summary>
internal static class LazyInitGuards
{
    public static bool IsGuarded(
        SyntaxNode check,
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
        => IsGuardedLocally(check, functionBody, testedMembers, testedCount, types, model, cancellationToken)
            || WrittenOnlyUnderATryAcquire(check, functionBody, testedMembers, testedCount, types, model, cancellationToken)
            || CallersHoldAGuard(functionBody, testedMembers, testedCount, types, model, depth: 0, cancellationToken);

    /// <summary>
    /// Every write of a checked member after the check sits in the then-branch of <c>if (await _gate.WaitAsync(0))</c> (or
    /// <c>TimeSpan.Zero</c>): a try-acquire that lets one caller in and sends the others away without waiting, so a second
    /// caller never runs the work while the first does (BililiveRecorder's close confirmation: a triage of unseen
    /// repositories). A <c>WaitAsync()</c> that waits is no such guard: its second caller runs the work after the first,
    /// unless it checks again inside (the double-checked form, judged where the check is).
    /// </summary>
    private static bool WrittenOnlyUnderATryAcquire(
        SyntaxNode check,
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        var writes = 0;
        foreach (var node in functionBody.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node.SpanStart < check.Span.End
                || node is not AssignmentExpressionSyntax { Left: var target }
                || TargetName(target) is not { } name
                || !NamesATestedMember(name, testedMembers, testedCount)
                || !IsTested(model.GetSymbolInfo(target, cancellationToken).Symbol?.OriginalDefinition, testedMembers, testedCount))
            {
                continue;
            }

            if (!UnderATryAcquire(node, check, types, model, cancellationToken))
            {
                return false;
            }

            writes++;
        }

        return writes > 0;

        static string? TargetName(ExpressionSyntax target)
            => target switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: var memberName } => memberName.Identifier.ValueText,
                _ => null,
            };

        static bool NamesATestedMember(string name, ISymbol[] members, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (members[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="symbol"/> is one of the first <paramref name="count"/> of <paramref name="tested"/>.</summary>
    private static bool IsTested(ISymbol? symbol, ISymbol[] tested, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, tested[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="write"/> is in the then-branch of an <c>if (await x.WaitAsync(0))</c> between it and <paramref name="check"/>.</summary>
    private static bool UnderATryAcquire(SyntaxNode write, SyntaxNode check, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode child = write;
        for (var node = write.Parent; node is not null && !node.Span.Contains(check.Span); child = node, node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }

            if (node is IfStatementSyntax { Condition: AwaitExpressionSyntax { Expression: var awaited } } ifStatement && child == ifStatement.Statement
                && StripConfigureAwait(awaited) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAsync" } access, ArgumentList.Arguments: [var timeout, ..] }
                && IsZero(timeout.Expression, model, cancellationToken)
                && IsLockLike(model.GetTypeInfo(access.Expression, cancellationToken).Type, types))
            {
                return true;
            }
        }

        return false;

        static ExpressionSyntax StripConfigureAwait(ExpressionSyntax expression)
            => expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } } ? inner : expression;

        static bool IsZero(ExpressionSyntax timeout, SemanticModel model, CancellationToken cancellationToken)
            => model.GetConstantValue(timeout, cancellationToken) is { HasValue: true, Value: 0 }
                || (timeout is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } zero
                    && model.GetSymbolInfo(zero, cancellationToken).Symbol is IFieldSymbol { ContainingType: { Name: "TimeSpan", ContainingNamespace.Name: "System" } });
    }

    private static bool IsGuardedLocally(
        SyntaxNode check,
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        SyntaxNode child = check;
        for (var node = check.Parent; node is not null && node != functionBody.Parent; child = node, node = node.Parent)
        {
            switch (node)
            {
                case TryStatementSyntax { Finally: { } @finally } tryStatement when child == tryStatement.Block:
                    if (ReleasesSemaphore(@finally.Block, types, model, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case IfStatementSyntax ifStatement when child == ifStatement.Statement
                    && WaitsOnSemaphore(ifStatement.Condition, types, model, cancellationToken):
                    return true; // `if (await _lock.WaitAsync(timeout)) { … }`: the then-branch runs holding it (cosmos's EncryptionFeedIterator)
                case IfStatementSyntax ifStatement when child == ifStatement.Statement
                    && ClaimsInterlocked(ifStatement.Condition, types, model, cancellationToken):
                    return true; // `if (Interlocked.CompareExchange(ref _state, 1, 0) == 0) { … }`: one caller gets in
                case UsingStatementSyntax @using when child == @using.Statement
                    && AwaitsALock(@using.Expression ?? (SyntaxNode?)@using.Declaration, types, model, cancellationToken):
                    return true;

                // No `lock` here: C# allows no await inside one (CS1996), so a path from a check in a lock through an
                // await to a write has left the lock before the load — a lock around only the check (or only the write)
                // never makes the load single-flight (a real RabbitMQ publisher re-checked its channel in one lock, awaited
                // the connection outside, wrote it in another: 20 first calls, 20 connections).
                case BlockSyntax block:
                    if (child is StatementSyntax claimed && ClaimingFlag(block, claimed, model, cancellationToken) is not null)
                    {
                        return true; // `if (_busy) return; _busy = true;` before it: one caller gets in until the flag is released
                    }

                    foreach (var statement in block.Statements)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } usingDeclaration
                            && AwaitsALock(usingDeclaration.Declaration, types, model, cancellationToken))
                        {
                            return true; // `using var handle = await _lock.LockAsync();`
                        }

                        if (statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or IfStatementSyntax
                            && WaitsOnSemaphore(statement, types, model, cancellationToken))
                        {
                            return true;
                        }

                        if (statement is IfStatementSyntax { Else: null } claim && Leaves(claim.Statement)
                            && ClaimsInterlocked(claim.Condition, types, model, cancellationToken))
                        {
                            return true; // `if (Interlocked.Exchange(ref _initialized, 1) == 1) return;` (DisCatSharp): the rest runs for one caller
                        }

                        if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }
                            && ClaimsThroughOwnCall(call, model, cancellationToken))
                        {
                            return true; // `LockSync();` whose body throws when the busy flag is set and sets it (Dotmim.Sync)
                        }
                    }

                    break;
            }

            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
        }

        return ExchangesInterlocked(functionBody, testedMembers, testedCount, types, model, cancellationToken);
    }

    /// <summary>
    /// A private method or a local function every call of which (at least one) is awaited under a guard of its caller,
    /// or comes from a caller that is itself only called so (three levels at most): the csharp-sdk's
    /// <c>IdentityAssertionGrantProvider</c>, whose token lock is taken by the only caller of the resolving method.
    /// Callers are looked for in the same file (the type's declarations there, or the local function's enclosing body);
    /// a call that is not awaited, or a reference that is not a call (a delegate), makes the function unguarded.
    /// </summary>
    private static bool CallersHoldAGuard(
        SyntaxNode function,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        int depth,
        CancellationToken cancellationToken)
    {
        if (depth > 2
            || function is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method)
        {
            return false;
        }

        SyntaxNode[] scopes;
        var targets = new List<IMethodSymbol> { method };
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            if (function.Parent is not { } enclosing)
            {
                return false;
            }

            scopes = new[] { enclosing };
        }
        else if (method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsAbstract: false, IsVirtual: false }
            && method.ExplicitInterfaceImplementations.IsEmpty
            && method.ContainingType is { } type)
        {
            var references = type.DeclaringSyntaxReferences;
            var inFile = 0;
            scopes = new SyntaxNode[references.Length];
            foreach (var reference in references)
            {
                if (reference.SyntaxTree == model.SyntaxTree)
                {
                    scopes[inFile++] = reference.GetSyntax(cancellationToken);
                }
            }

            if (inFile != references.Length)
            {
                return false; // a partial declaration in another file may call it
            }
        }
        else if (OverrideScopes(method, targets, cancellationToken) is { } hookScopes)
        {
            scopes = hookScopes;
        }
        else
        {
            return false;
        }

        var calls = 0;
        foreach (var scope in scopes)
        {
            if (SemanticModels.For(model.Compilation, scope.SyntaxTree, model) is not { } scopeModel)
            {
                return false;
            }

            foreach (var token in TokensNamed(scope, method.Name, cancellationToken))
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken)
                    || token.ValueText != method.Name
                    || token.Parent is not SimpleNameSyntax name
                    || (name.SyntaxTree == function.SyntaxTree && function.Span.Contains(name.Span)))
                {
                    continue; // a recursive call inherits the guard of the call that entered the function
                }

                if (!IsCallOf(scopeModel.GetSymbolInfo(name, cancellationToken).Symbol, targets))
                {
                    continue;
                }

                if (AwaitOf(name) is not { } awaited)
                {
                    if (!IsStartedUnderAFlagClaim(name, scopeModel, cancellationToken))
                    {
                        return false;
                    }
                }
                else if (Shapes.EnclosingFunction(awaited) is not { } caller
                    || !(IsGuardedLocally(awaited, caller, testedMembers, testedCount, types, scopeModel, cancellationToken)
                        || CallersHoldAGuard(caller, testedMembers, testedCount, types, scopeModel, depth + 1, cancellationToken)))
                {
                    return false;
                }

                calls++;
            }
        }

        return calls > 0;
    }

    /// <summary>
    /// An override of a hook a source base class declares <c>protected</c> (also <c>private protected</c>, <c>protected
    /// internal</c>): the calls that reach it on the same instance are the <c>this.M()</c> calls in the base classes up to
    /// the declaring one and in its own type, whose declarations are returned (SlimMessageBus' NATS consumer overrides
    /// <c>OnStart</c>, which its base <c>AbstractConsumer</c> only awaits while holding its semaphore). The methods a call
    /// binds to (the override, the methods it overrides) go into <paramref name="targets"/>. Calls on other instances from
    /// elsewhere in the assembly (a <c>protected internal</c> hook allows them) are not looked for.
    /// </summary>
    private static SyntaxNode[]? OverrideScopes(IMethodSymbol method, List<IMethodSymbol> targets, CancellationToken cancellationToken)
    {
        if (method is not { MethodKind: MethodKind.Ordinary, IsOverride: true } || method.ContainingType is not { } ownType)
        {
            return null;
        }

        var hook = method;
        for (var depth = 0; hook.OverriddenMethod is { } overridden && depth < 16; depth++)
        {
            hook = overridden.OriginalDefinition;
            targets.Add(hook);
        }

        if (targets.Count == 1
            || hook.DeclaredAccessibility is not (Accessibility.Protected or Accessibility.ProtectedAndInternal or Accessibility.ProtectedOrInternal)
            || hook.ContainingType is not { } declaring
            || declaring.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var scopes = new List<SyntaxNode>();
        var steps = 0;
        for (var current = ownType.OriginalDefinition; current is not null && steps < 16; current = current.BaseType?.OriginalDefinition, steps++)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                scopes.Add(reference.GetSyntax(cancellationToken)); // a file of another compilation makes the caller give up (no model)
            }

            if (SymbolEqualityComparer.Default.Equals(current, declaring.OriginalDefinition))
            {
                return scopes.ToArray();
            }
        }

        return null;
    }

    private static bool IsCallOf(ISymbol? symbol, List<IMethodSymbol> targets)
    {
        if (symbol is not IMethodSymbol called)
        {
            return false;
        }

        foreach (var target in targets)
        {
            if (SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The tokens of <paramref name="scope"/> that may spell <paramref name="name"/>: found in the file's text (one vectorised
    /// pass) rather than by walking every token of the type, which is what this test cost when it ran for each candidate
    /// check. A Unicode escape in the scope (an identifier may be spelled with one) falls back to every token.
    /// </summary>
    private static IEnumerable<SyntaxToken> TokensNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
    {
        var words = ImmutableArray.Create(new WordTextIndex.Word(name)).AddRange(WordTextIndex.Escapes);
        var text = scope.SyntaxTree.GetText(cancellationToken);
        var positions = WordTextIndex.Find(text, words, new char[WordTextIndex.BufferLength(words)], cancellationToken);
        var span = scope.Span;
        var tokens = new List<SyntaxToken>();
        foreach (var position in positions)
        {
            if (!span.Contains(position))
            {
                continue;
            }

            if (text[position] == '\\')
            {
                return scope.DescendantTokens();
            }

            var token = scope.FindToken(position);
            if (token.SpanStart == position || (token.SpanStart == position - 1 && token.Text.Length > 0 && token.Text[0] == '@'))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>The <c>await</c> of a call of <paramref name="name"/> (<c>await M()</c>, <c>await this.M().ConfigureAwait(false)</c>).</summary>
    private static AwaitExpressionSyntax? AwaitOf(SimpleNameSyntax name)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (node.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != node)
        {
            return null; // a method group: a delegate may run it anywhere
        }

        node = invocation;
        while (true)
        {
            switch (node.Parent)
            {
                case AwaitExpressionSyntax awaitExpression:
                    return awaitExpression;
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
                    when configure.Expression == node && configure.Parent is InvocationExpressionSyntax configured:
                    node = configured;
                    break;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll", Expression: IdentifierNameSyntax { Identifier.ValueText: "Task" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Task" } } } whenAll } } argument
                    when argument.Expression == node && argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    // `await Task.WhenAll(OpenReceiverAsync(ct), OpenSenderAsync(ct))` (azure-iot's AmqpUnit): every task
                    // has finished when the await does, still under the caller's guard.
                    node = whenAll;
                    break;
                default:
                    return null;
            }
        }
    }

    private static bool ReleasesSemaphore(SyntaxNode block, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Release" } access }
                && IsLockLike(model.GetTypeInfo(access.Expression, cancellationToken).Type, types))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WaitsOnSemaphore(SyntaxNode statement, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in statement.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAsync" or "Wait" } access }
                && IsLockLike(model.GetTypeInfo(access.Expression, cancellationToken).Type, types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>SemaphoreSlim</c>, or a type whose name says it is a semaphore or a lock (vs-threading's AsyncSemaphore, Nito's AsyncLock).</summary>
    private static bool IsLockLike(ITypeSymbol? type, LazyInitTypes types)
        => type is not null
            && (types.IsSemaphoreSlim(type)
                || type.Name.IndexOf("Semaphore", System.StringComparison.Ordinal) >= 0
                || type.Name.IndexOf("Lock", System.StringComparison.Ordinal) >= 0);

    /// <summary>
    /// An <c>await</c> of an async lock: a call whose name says it takes one (<c>LockAsync</c>, <c>WriteLockAsync</c>,
    /// <c>EnterAsync</c>, <c>AcquireAsync</c>) or made on a lock-like receiver; not any awaited disposable
    /// (<c>await using var client = await ConnectAsync();</c> holds a connection, not a lock: aspire's GuestAppHostProject).
    /// </summary>
    private static bool AwaitsALock(SyntaxNode? node, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is null)
        {
            return false;
        }

        foreach (var descendant in node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant is not AwaitExpressionSyntax awaitExpression)
            {
                continue;
            }

            var awaited = awaitExpression.Expression;
            while (awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax configure } call
                && (configure.Name.Identifier.ValueText == "ConfigureAwait"
                    || (call.ArgumentList.Arguments.Count == 0
                        && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol extension
                        && ConfiguredAwaits.IsConfigureLikeExtension(extension)))) // `await _lock.LockAsync().AnyContext()`
            {
                awaited = configure.Expression;
            }

            if (awaited is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name.IndexOf("Lock", System.StringComparison.Ordinal) >= 0
                || name.StartsWith("Enter", System.StringComparison.Ordinal)
                || name.StartsWith("Acquire", System.StringComparison.Ordinal)
                || (invocation.Expression is MemberAccessExpressionSyntax receiver
                    && IsLockLike(model.GetTypeInfo(receiver.Expression, cancellationToken).Type, types)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement only leaves: <c>return;</c>, <c>return x;</c>, <c>throw …;</c>, alone or in a block.</summary>
    /// <summary>
    /// A call not awaited, started under its caller's busy flag (azure-webjobs-sdk's lease timer: <c>if (_processingLease)
    /// return; _processingLease = true; AcquireOrRenewLeaseAsync().ContinueWith(t =&gt; { …; _processingLease = false; });</c>):
    /// the statement holding it is claimed (<see cref="ClaimingFlag"/>), and the caller releases the flag only inside a
    /// lambda (the task's continuation), never on its own path, where the task may still be running.
    /// </summary>
    private static bool IsStartedUnderAFlagClaim(SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
    {
        StatementSyntax? statement = null;
        for (SyntaxNode? node = name; node is not null; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return false; // started from a lambda: it may run anywhere
            }

            if (node is StatementSyntax found)
            {
                statement = found;
                break;
            }
        }

        if (statement?.Parent is not BlockSyntax block
            || ClaimingFlag(block, statement, model, cancellationToken) is not { } flag
            || Shapes.EnclosingFunction(statement) is not { } caller)
        {
            return false;
        }

        foreach (var node in caller.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } release
                && IsFlag(release.Left, flag, model, cancellationToken))
            {
                return false; // released on the caller's own path: a second start may overlap the first
            }
        }

        return true;
    }

    /// <summary>
    /// The busy flag that claims <paramref name="statement"/>: earlier in <paramref name="block"/>, <c>if (_busy) return;</c>
    /// (or <c>throw</c>) and then <c>_busy = true;</c> on a <c>bool</c> field of the own type, with no <c>_busy = false;</c>
    /// between them and the statement. The same claim MM0005 accepts inside an async method before its first await.
    /// </summary>
    private static ISymbol? ClaimingFlag(BlockSyntax block, StatementSyntax? statement, SemanticModel model, CancellationToken cancellationToken, bool throwOnly = false)
    {
        ISymbol? tested = null;
        ISymbol? claimed = null;
        foreach (var current in block.Statements)
        {
            if (current == statement)
            {
                return claimed;
            }

            switch (current)
            {
                case IfStatementSyntax { Else: null } check when (throwOnly ? Throws(check.Statement) : Leaves(check.Statement)) && OwnBoolField(check.Condition, model, cancellationToken) is { } flag:
                    tested = flag;
                    break;
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } write }
                    when tested is not null && IsFlag(write.Left, tested, model, cancellationToken):
                    claimed = write.Right.IsKind(SyntaxKind.TrueLiteralExpression) ? tested : null;
                    break;
            }
        }

        return statement is null ? claimed : null;
    }

    /// <summary>
    /// A call of an own synchronous method (non-virtual, declared in this file) whose body — or the body of a <c>lock</c>
    /// that is its only statement — claims a busy flag and throws when it is already claimed: Dotmim.Sync's
    /// <c>LockSync()</c>, <c>lock (balanceLock) { if (syncInProgress) throw new AlreadyInProgressException();
    /// syncInProgress = true; }</c>. A second caller throws out of the call, so what follows it runs for one caller at a
    /// time. A callee that only returns when the flag is set stops nobody.
    /// </summary>
    private static bool ClaimsThroughOwnCall(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsVoid: true, IsAsync: false, IsVirtual: false, IsAbstract: false, IsOverride: false } callee)
        {
            return false;
        }

        foreach (var reference in callee.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree
                || reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body })
            {
                continue;
            }

            var claimBlock = body is { Statements: [LockStatementSyntax { Statement: BlockSyntax locked }] } ? locked : body;
            if (ClaimingFlag(claimBlock, statement: null, model, cancellationToken, throwOnly: true) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Throws(StatementSyntax statement)
        => (statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : statement) is ThrowStatementSyntax;

    private static ISymbol? OwnBoolField(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken)
    {
        var expression = Shapes.Unparenthesized(condition);
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            || model.GetSymbolInfo(expression, cancellationToken).Symbol is not IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean } field
            || model.GetEnclosingSymbol(condition.SpanStart, cancellationToken)?.ContainingType is not { } owner
            || !SymbolEqualityComparer.Default.Equals(field.ContainingType?.OriginalDefinition, owner.OriginalDefinition))
        {
            return null;
        }

        return field.OriginalDefinition;
    }

    private static bool IsFlag(ExpressionSyntax expression, ISymbol flag, SemanticModel model, CancellationToken cancellationToken)
        => Shapes.Unparenthesized(expression) is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol?.OriginalDefinition, flag);

    private static bool Leaves(StatementSyntax statement)
        => (statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : statement) is ReturnStatementSyntax or ThrowStatementSyntax;

    /// <summary>The condition tests the result of an <c>Interlocked.Exchange</c>/<c>CompareExchange</c> of any member.</summary>
    private static bool ClaimsInterlocked(ExpressionSyntax condition, LazyInitTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Exchange" or "CompareExchange" } access,
                    ArgumentList.Arguments: [{ RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword }, ..],
                }
                && types.IsInterlocked(model.GetTypeInfo(access.Expression, cancellationToken).Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExchangesInterlocked(
        SyntaxNode functionBody,
        ISymbol[] testedMembers,
        int testedCount,
        LazyInitTypes types,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        foreach (var node in functionBody.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Exchange" or "CompareExchange" } access,
                    ArgumentList.Arguments: { Count: > 0 } arguments,
                }
                || !arguments[0].RefKindKeyword.IsKind(SyntaxKind.RefKeyword)
                || !types.IsInterlocked(model.GetTypeInfo(access.Expression, cancellationToken).Type))
            {
                continue;
            }

            if (IsTested(model.GetSymbolInfo(arguments[0].Expression, cancellationToken).Symbol?.OriginalDefinition, testedMembers, testedCount))
            {
                return true;
            }
        }

        return false;
    }
}
