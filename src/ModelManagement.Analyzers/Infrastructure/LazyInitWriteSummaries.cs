using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Per-compilation, memoised <see cref="LazyInitWriteSummary"/> of the type's own non-virtual methods and local
/// functions, so that <c>if (!_loaded) await LoadCoreAsync();</c> is judged by what <c>LoadCoreAsync</c> writes.
/// One level deep: a summary does not follow the callee's own calls. Each method is summarised once, in source order
/// (an await anywhere before a write makes it a write after an await).
/// </summary>
internal sealed class LazyInitWriteSummaries
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, LazyInitWriteSummary> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, HashSet<string>?> _identifiers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _singleFlight = new(SymbolEqualityComparer.Default);

    public LazyInitWriteSummaries(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// The summary of the own method <paramref name="operation"/> calls, or null when it is not such a call. A callee whose
    /// body names none of the first <paramref name="testedCount"/> members of <paramref name="tested"/> (identifier
    /// tokens, read as the compiler reads them) can write none of them — a summary is one level deep — and gets the empty
    /// summary without its body being bound.
    /// </summary>
    public LazyInitWriteSummary? GetForCall(
        IOperation? operation, INamedTypeSymbol? ownType, SemanticModel? callerModel, ISymbol[] tested, int testedCount, CancellationToken cancellationToken)
    {
        operation = Shapes.WithoutConversions(operation);
        if (operation is IInvocationOperation invocation && IsSummarisedCall(invocation, ownType))
        {
            var key = invocation.TargetMethod.OriginalDefinition;
            if (_cache.TryGetValue(key, out var summary))
            {
                return summary;
            }

            return NamesAny(key, tested, testedCount, cancellationToken)
                ? _cache.GetOrAdd(key, method => Compute(method, callerModel, cancellationToken))
                : LazyInitWriteSummary.Empty;
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="awaited"/> calls an own async method that is single-flight itself (triage FP1, CacheTower's
    /// <c>TryLoadManifestAsync</c>): every write of a tracked member in its body sits under a check of that member which a
    /// recognised guard holds (<see cref="LazyInitGuards.IsGuarded"/>: the re-check after <c>WaitAsync</c> of the
    /// double-checked form), and the own methods it calls write none (their summaries, one level deep). Awaiting it is like awaiting an
    /// <c>AsyncLazy</c>: the work runs once, and a flag written after it only records that it finished.
    /// </summary>
    public bool IsSingleFlightHelperCall(IOperation awaited, INamedTypeSymbol? ownType, LazyInitTypes types, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        if (LazyInitTypes.Unconfigured(awaited) is not IInvocationOperation invocation
            || !IsSummarisedCall(invocation, ownType)
            || invocation.TargetMethod is not { MethodKind: MethodKind.Ordinary, IsAsync: true } target)
        {
            return false;
        }

        var key = target.OriginalDefinition;
        if (_singleFlight.TryGetValue(key, out var known))
        {
            return known;
        }

        return _singleFlight.GetOrAdd(key, IsSingleFlight(key, ownType, types, callerModel, cancellationToken));
    }

    private bool IsSingleFlight(IMethodSymbol method, INamedTypeSymbol? ownType, LazyInitTypes types, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration
            || GetModel(declaration.SyntaxTree, callerModel) is not { } model
            || model.GetOperation(declaration, cancellationToken) is not { } body)
        {
            return false;
        }

        var writes = new List<(IOperation Write, ISymbol Member)>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is IInvocationOperation call && IsSummarisedCall(call, ownType))
            {
                var summary = _cache.GetOrAdd(call.TargetMethod.OriginalDefinition, callee => Compute(callee, model, cancellationToken));
                if (!summary.WritesBeforeAwait.IsEmpty || !summary.WritesAfterAwait.IsEmpty || !summary.AlwaysWrites.IsEmpty)
                {
                    return false; // it writes through the call, unchecked here
                }

                continue; // an own call that writes nothing (CacheTower's `SerializeFileAsync`)
            }

            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is null || !MayBeTrackedTarget(target))
            {
                continue;
            }

            if (LazyInitMembers.GetTrackedMember(target, captures: null) is not { } member)
            {
                return false; // a tuple or a ref conditional that may hold one: not read here
            }

            writes.Add((operation, member));
        }

        // Each write sits under a re-check a guard holds: of the member itself, or of another member the helper writes (the
        // flag of `if (!_loaded) { _index = await Load(); _loaded = true; }`, which the second caller finds set).
        var written = new ISymbol[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            written[i] = writes[i].Member;
        }

        foreach (var (write, member) in writes)
        {
            if ((RecheckOf(write.Syntax, new[] { member }, declaration, model, cancellationToken) ?? RecheckOf(write.Syntax, written, declaration, model, cancellationToken)) is not { } recheck
                || !LazyInitGuards.IsGuarded(recheck.Condition, declaration, new[] { recheck.Member }, 1, types, model, cancellationToken))
            {
                return false; // written without a re-check a guard holds: a second caller may write it again
            }
        }

        return writes.Count > 0;
    }

    /// <summary>
    /// The condition of the innermost <c>if</c> around <paramref name="write"/> (in its then-branch), of an early exit
    /// before it, or of the coalescing forms of the check — <c>_x ??= …</c> itself, <c>_x ?? (_x = …)</c>, a conditional
    /// <c>_x != null ? _x : (_x = …)</c> (a scenario round's prompt cache re-checked with <c>return _x ??= await load(ct);</c>
    /// under its semaphore) — that reads one of <paramref name="members"/>, with the member it reads.
    /// </summary>
    private static (ExpressionSyntax Condition, ISymbol Member)? RecheckOf(SyntaxNode write, ISymbol[] members, SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        if (write is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } coalesceAssignment
            && Reads(coalesceAssignment.Left, members, model, cancellationToken) is { } assigned)
        {
            return (coalesceAssignment, assigned);
        }

        SyntaxNode child = write;
        for (var node = write.Parent; node is not null && node != function; child = node, node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }

            if (node is IfStatementSyntax ifStatement && child == ifStatement.Statement && Reads(ifStatement.Condition, members, model, cancellationToken) is { } read)
            {
                return (ifStatement.Condition, read);
            }

            if (node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && child == coalesce.Right
                && Reads(coalesce.Left, members, model, cancellationToken) is { } coalesced)
            {
                return (coalesce.Left, coalesced);
            }

            if (node is ConditionalExpressionSyntax conditional && child != conditional.Condition
                && Reads(conditional.Condition, members, model, cancellationToken) is { } tested)
            {
                return (conditional.Condition, tested);
            }

            if (node is BlockSyntax block && child is StatementSyntax statement && EarlyExitRecheck(block, statement, members, model, cancellationToken) is { } exit)
            {
                return exit;
            }
        }

        return null;
    }

    /// <summary>
    /// The condition of an <c>if</c> before <paramref name="statement"/> in <paramref name="block"/> that reads one of
    /// <paramref name="members"/> (with the one it reads) and leaves the function when it holds (<c>if (_loaded) return true;</c>): the early-exit
    /// form of the re-check, which the statements after it answer to.
    /// </summary>
    private static (ExpressionSyntax Condition, ISymbol Member)? EarlyExitRecheck(BlockSyntax block, StatementSyntax statement, ISymbol[] members, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var earlier in block.Statements)
        {
            if (earlier == statement)
            {
                break;
            }

            if (earlier is IfStatementSyntax { Else: null } check
                && (check.Statement is ReturnStatementSyntax or ThrowStatementSyntax
                    || check.Statement is BlockSyntax { Statements: { Count: > 0 } inner } && inner[inner.Count - 1] is ReturnStatementSyntax or ThrowStatementSyntax)
                && Reads(check.Condition, members, model, cancellationToken) is { } read)
            {
                return (check.Condition, read);
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="members"/> that <paramref name="condition"/> reads, or null.</summary>
    private static ISymbol? Reads(ExpressionSyntax condition, ISymbol[] members, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is not IdentifierNameSyntax name)
            {
                continue;
            }

            foreach (var member in members)
            {
                if (name.Identifier.ValueText == member.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, member))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private bool NamesAny(IMethodSymbol method, ISymbol[] tested, int testedCount, CancellationToken cancellationToken)
    {
        if (!_identifiers.TryGetValue(method, out var names))
        {
            names = _identifiers.GetOrAdd(method, CollectIdentifiers(method, cancellationToken));
        }

        if (names is null)
        {
            return true; // no single declaration: Compute decides
        }

        for (var i = 0; i < testedCount; i++)
        {
            if (names.Contains(tested[i].Name))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string>? CollectIdentifiers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        BodyIdentifiers.Collect(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), names);
        return names;
    }

    /// <summary>
    /// The cheap gate before a graph is built: can anything in <paramref name="blocks"/> (lambdas and local functions
    /// included) write a tracked member it reads — an assignment or increment of a tracked member, or a call
    /// <see cref="GetForCall"/> would summarise to a callee whose body names a tracked member the blocks read? A check
    /// reads the member it tests, and the flow analysis only reports a tested member written after an await, directly or
    /// through such a callee (whose summary is empty unless its body names a tested member, <see cref="NamesAny"/>). When
    /// not, the analysis cannot find anything, so no graph is built: a service method that checks an optional dependency
    /// (<c>if (_auditor != null)</c>) and awaits its own <c>GetModelsAsync()</c>, which reads another member, gets none.
    /// Read-only fields are left out of the members read: no method body writes one.
    /// </summary>
    public bool MayWriteAReadMember(ImmutableArray<IOperation> blocks, INamedTypeSymbol? ownType, CancellationToken cancellationToken)
    {
        List<IMethodSymbol>? callees = null;
        List<ISymbol>? read = null;
        foreach (var block in blocks)
        {
            if (CollectWritesAndReads(block, ownType, ref callees, ref read, depth: 0))
            {
                return true;
            }
        }

        if (callees is null || read is null)
        {
            return false;
        }

        var readMembers = read.ToArray();
        foreach (var callee in callees)
        {
            if (NamesAny(callee, readMembers, readMembers.Length, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True at a direct write of a tracked member (or too deep to judge cheaply); otherwise collects the summarised callees
    /// and the tracked members read.
    /// </summary>
    private static bool CollectWritesAndReads(IOperation operation, INamedTypeSymbol? ownType, ref List<IMethodSymbol>? callees, ref List<ISymbol>? read, int depth)
    {
        if (depth > 256)
        {
            return true; // too deep to judge cheaply: let the analysis decide
        }

        switch (operation)
        {
            case IAssignmentOperation assignment when MayBeTrackedTarget(assignment.Target):
                return true;
            case IIncrementOrDecrementOperation increment when MayBeTrackedTarget(increment.Target):
                return true;
            case IInvocationOperation invocation when IsSummarisedCall(invocation, ownType):
                var callee = invocation.TargetMethod.OriginalDefinition;
                callees ??= new List<IMethodSymbol>();
                if (!callees.Contains(callee, SymbolEqualityComparer.Default))
                {
                    callees.Add(callee);
                }

                break;
            case IMemberReferenceOperation reference
                when LazyInitMembers.GetTrackedMember(reference, captures: null) is { } member and not IFieldSymbol { IsReadOnly: true }:
                // A read-only field (`string.Empty`, an injected `_logger`) is written by constructors only, never after an await.
                read ??= new List<ISymbol>();
                if (!read.Contains(member, SymbolEqualityComparer.Default))
                {
                    read.Add(member);
                }

                break;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (CollectWritesAndReads(child, ownType, ref callees, ref read, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call to a local function, or to a non-virtual ordinary method of the own type on this instance or statically —
    /// not a teardown method (<see cref="TeardownMethods"/>): a latch an own <c>TerminateAsync()</c> sets records a
    /// shutdown, it initializes nothing (DSharpPlus' gateway client: <c>if (closureRequested) return; … await
    /// TerminateCurrentFrameAsync();</c>).
    /// </summary>
    private static bool IsSummarisedCall(IInvocationOperation invocation, INamedTypeSymbol? ownType)
    {
        var target = invocation.TargetMethod;
        return invocation.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            && (target.MethodKind == MethodKind.LocalFunction
                || (target.MethodKind == MethodKind.Ordinary
                    && ownType is not null
                    && SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, ownType.OriginalDefinition)
                    && !target.IsVirtual && !target.IsAbstract && !target.IsOverride && !target.IsExtern))
            && !TeardownMethods.IsTeardown(target);
    }

    /// <summary>A tracked member, a tuple holding one, or a target the graph may resolve to one (a ref conditional).</summary>
    private static bool MayBeTrackedTarget(IOperation target)
    {
        switch (Shapes.WithoutConversions(target))
        {
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    if (MayBeTrackedTarget(element))
                    {
                        return true;
                    }
                }

                return false;
            case IConditionalOperation:
                return true;
            default:
                return LazyInitMembers.GetTrackedMember(target, captures: null) is not null;
        }
    }

    private LazyInitWriteSummary Compute(IMethodSymbol method, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return LazyInitWriteSummary.Empty;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var model = GetModel(syntax.SyntaxTree, callerModel);
        if (model?.GetOperation(syntax, cancellationToken) is not { } body)
        {
            return LazyInitWriteSummary.Empty;
        }

        var before = ImmutableArray.CreateBuilder<ISymbol>();
        var after = ImmutableArray.CreateBuilder<ISymbol>();
        var checkedFirst = ImmutableArray.CreateBuilder<ISymbol>();
        var awaitSeen = false;
        Walk(body, ref awaitSeen, before, after, checkedFirst);

        // A member the callee checks itself before its first await (`if (_initialized) return; await …; _initialized =
        // true;`) is the callee's own check-await-write, reported there: the caller's `if (!_initialized) await
        // InitializeAsync();` is a fast path in front of it, not a second race (wolverine, duplicati).
        for (var i = after.Count - 1; i >= 0; i--)
        {
            if (checkedFirst.IndexOf(after[i], 0, checkedFirst.Count, SymbolEqualityComparer.Default) >= 0)
            {
                after.RemoveAt(i);
            }
        }

        var always = method.IsAsync ? ImmutableArray<ISymbol>.Empty : TopLevelWrites(body);
        return before.Count == 0 && after.Count == 0 && always.IsEmpty
            ? LazyInitWriteSummary.Empty
            : new LazyInitWriteSummary(before.ToImmutable(), after.ToImmutable(), always);
    }

    /// <summary>
    /// The tracked members assigned by expression statements at the top level of a synchronous body (or by its expression
    /// body), up to the first statement that may return or jump: every return of the method passes those assignments.
    /// </summary>
    private static ImmutableArray<ISymbol> TopLevelWrites(IOperation body)
    {
        var block = body switch
        {
            IMethodBodyBaseOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
            ILocalFunctionOperation localFunction => localFunction.Body,
            _ => null,
        };
        if (block is null)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        ImmutableArray<ISymbol>.Builder? written = null;
        foreach (var statement in block.Operations)
        {
            var assignment = statement switch
            {
                IExpressionStatementOperation { Operation: ISimpleAssignmentOperation simple } => simple,
                IReturnOperation { ReturnedValue: ISimpleAssignmentOperation simple } when statement.IsImplicit => simple, // `=> Inbox = f`
                _ => null,
            };
            if (assignment is not null && LazyInitMembers.GetTrackedMember(assignment.Target, captures: null) is { } member)
            {
                (written ??= ImmutableArray.CreateBuilder<ISymbol>()).Add(member);
            }

            if (MayLeaveOrJump(statement, 0))
            {
                break;
            }
        }

        return written?.ToImmutable() ?? ImmutableArray<ISymbol>.Empty;
    }

    private static bool MayLeaveOrJump(IOperation operation, int depth)
    {
        if (depth > 64)
        {
            return true;
        }

        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                return false;
            case IReturnOperation or IBranchOperation or ILabeledOperation:
                return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (MayLeaveOrJump(child, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(
        IOperation operation, ref bool awaitSeen, ImmutableArray<ISymbol>.Builder before, ImmutableArray<ISymbol>.Builder after, ImmutableArray<ISymbol>.Builder checkedFirst)
    {
        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                return; // runs when called, not here
            case ICatchClauseOperation:
                return; // a write in a handler records a failure (`_unsupported = true;`), it initializes nothing
            case IAwaitOperation awaitOperation:
                Walk(awaitOperation.Operation, ref awaitSeen, before, after, checkedFirst);
                awaitSeen = true;
                return;
            case IAssignmentOperation assignment:
                Walk(assignment.Value, ref awaitSeen, before, after, checkedFirst);
                if (assignment is ISimpleAssignmentOperation && IsReset(assignment.Value))
                {
                    return; // `_sourceSql = null;`, `IsTransaction = false;` in a `Clear()`: a reset initializes nothing
                }

                Record(assignment.Target, awaitSeen, before, after);
                return;
            case IIncrementOrDecrementOperation increment:
                Record(increment.Target, awaitSeen, before, after);
                return;
            case IConditionalOperation conditional when !awaitSeen
                && LazyInitMembers.TryGetCheck(conditional.Condition, captures: null, out var checkedMember, out _) && checkedMember is not null:
                checkedFirst.Add(checkedMember);
                break;
        }

        foreach (var child in operation.ChildOperations)
        {
            Walk(child, ref awaitSeen, before, after, checkedFirst);
        }
    }

    /// <summary>
    /// A constant <c>null</c>, <c>false</c> or <c>default</c>: what an own reset method (<c>Clear()</c>, <c>ClearData()</c>)
    /// puts back. Written directly, <c>null</c> is no initializing write either (<see cref="LazyInitFlowAnalysis"/>), and a
    /// flag cleared directly is a toggle (<see cref="LazyInitToggles"/>).
    /// </summary>
    private static bool IsReset(IOperation value)
    {
        var unwrapped = Shapes.WithoutConversions(value);
        return unwrapped is IDefaultValueOperation
            || (unwrapped is { ConstantValue: { HasValue: true, Value: null or false } });
    }

    private static void Record(IOperation target, bool awaitSeen, ImmutableArray<ISymbol>.Builder before, ImmutableArray<ISymbol>.Builder after)
    {
        if (LazyInitMembers.GetTrackedMember(target, captures: null) is { } member)
        {
            (awaitSeen ? after : before).Add(member);
        }
    }

    private SemanticModel? GetModel(SyntaxTree tree, SemanticModel? callerModel) => SemanticModels.For(_compilation, tree, callerModel);
}
