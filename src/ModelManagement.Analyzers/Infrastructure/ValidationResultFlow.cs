using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0004's path question over a member's control-flow graph: after a validation result is stored in a local (a
/// declaration or assignment, a pattern variable, an <c>out</c> argument), is there
/// a path to a <c>return</c>, the end of the member, a <c>yield return</c> or the next store (a new loop iteration, an
/// overwrite) on which the local is never read? Reads inside lambdas and local functions, in <c>catch</c> and
/// <c>finally</c> blocks around the path, and disposal by <c>using</c> count as reads; paths ending in <c>throw</c> are fine,
/// and so are paths returning a rejection (<see cref="RejectionResults.IsRejectionOrNothing"/>).
/// </summary>
internal static class ValidationResultFlow
{
    private enum Access
    {
        None,
        Read,
        Write,
    }

    /// <summary>
    /// True when some path from the store of <paramref name="local"/> that contains <paramref name="call"/> reaches an
    /// exit without reading it. False (stay quiet) when the store cannot be found in the graph.
    /// </summary>
    /// <param name="graph">The member's graph.</param>
    /// <param name="local">The local holding the verdict.</param>
    /// <param name="call">The validation call's syntax.</param>
    /// <param name="store">How the call's result reaches <paramref name="local"/>.</param>
    /// <param name="isValidationCall">
    /// Whether an invocation is a validation call: in a branch condition <c>a.IsValid &amp;&amp; b.IsValid</c>, the path
    /// that skips the read of <c>b</c> is the one where the verdict stored in <c>a</c> already failed.
    /// </param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static bool HasUnreadPath(
        ControlFlowGraph graph,
        ILocalSymbol local,
        SyntaxNode call,
        ValidationStore store,
        Func<IInvocationOperation, bool> isValidationCall,
        CancellationToken cancellationToken)
    {
        // A local declared in a lambda or local function lives in that function's own graph (a consumer's verdict stored
        // and never read inside a local function was found "captured" by the function that declared it, and one inside a
        // lambda was not found at all: both stayed quiet).
        if (local.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } function)
        {
            if (FunctionGraph(graph, function, depth: 0, cancellationToken) is not { } inner)
            {
                return false;
            }

            graph = inner;
        }

        if (IsCapturedByLocalFunction(graph, local))
        {
            return false;
        }

        BasicBlock storeBlock;
        int storeIndex;
        ControlFlowBranch? matched = null;
        if (store == ValidationStore.Pattern)
        {
            if (!TryFindPatternStore(graph, local, out storeBlock, out storeIndex, out matched))
            {
                return false;
            }
        }
        else if (!TryFindStore(graph, call, store == ValidationStore.Value, out storeBlock, out storeIndex))
        {
            return false;
        }
        else if (store == ValidationStore.OutArgument && ReadsAfter(storeBlock, storeIndex, local, call.Span.End))
        {
            return false; // read later in the statement holding the call: Log(Validate(x, out var r), r.IsValid)
        }

        var blocks = graph.Blocks;
        var visited = new bool[blocks.Length];
        var regionReads = new Dictionary<ControlFlowRegion, bool>();
        var pending = new Stack<(BasicBlock Block, int Start)>();
        pending.Push((storeBlock, storeIndex + 1));
        var first = true;
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (block, start) = pending.Pop();
            if (!first)
            {
                if (visited[block.Ordinal])
                {
                    continue;
                }

                visited[block.Ordinal] = true;
            }

            if (IsReadByEnclosingHandler(blocks, block, local, regionReads))
            {
                first = false;
                continue;
            }

            var outcome = Access.None;
            var operations = block.Operations;
            for (var i = first ? start : 0; i < operations.Length && outcome == Access.None; i++)
            {
                outcome = Scan(operations[i], local);
                if (outcome == Access.None && operations[i] is IReturnOperation { Kind: OperationKind.YieldReturn })
                {
                    return true; // content handed on before the verdict was read
                }
            }

            var storeInBranchValue = first && start > operations.Length;
            if (outcome == Access.None && block.BranchValue is { } branchValue && !storeInBranchValue)
            {
                outcome = Scan(branchValue, local);
                if (outcome == Access.None && ShortCircuitsRead(graph, branchValue, local, isValidationCall))
                {
                    outcome = Access.Read; // `a && valid`: where `a` skips the read, the combined verdict is already decided
                }
            }

            if (outcome == Access.None && !storeInBranchValue && block.BranchValue is { } returned
                && block.FallThroughSuccessor is { Semantics: ControlFlowBranchSemantics.Return }
                && RejectionResults.IsRejectionOrNothing(returned))
            {
                outcome = Access.Read; // `return new Failure(…)`, `return false;`: a rejection hands nothing on, like `throw`
            }

            if (outcome == Access.Read)
            {
                first = false;
                continue;
            }

            if (outcome == Access.Write || block.Kind == BasicBlockKind.Exit)
            {
                return true;
            }

            if (first && matched is not null)
            {
                // A pattern variable exists only on the branch where its pattern matched; the other branch never had a verdict.
                Follow(blocks, matched, local, pending, regionReads);
            }
            else
            {
                Follow(blocks, block.ConditionalSuccessor, local, pending, regionReads);
                Follow(blocks, block.FallThroughSuccessor, local, pending, regionReads);
            }

            first = false;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="condition"/> is the left operand of a <c>&amp;&amp;</c> or <c>||</c> (possibly nested, parenthesized
    /// or negated) whose right side reads <paramref name="local"/>, and where the left side skips the read the combined
    /// verdict is already decided: the whole logical expression is a value handed on — returned, assigned, passed
    /// (<c>return isValidName &amp;&amp; isValidEmail;</c>) — or the left side reads another stored validation result
    /// (<c>a.IsValid &amp;&amp; b.IsValid ? story : Fallback</c>: <c>b</c> goes unread only where <c>a</c> already failed). In
    /// <c>if (verbose &amp;&amp; !ok) …</c> an unrelated guard can skip the check, so the path is followed as written.
    /// </summary>
    private static bool ShortCircuitsRead(ControlFlowGraph graph, IOperation condition, ILocalSymbol local, Func<IInvocationOperation, bool> isValidationCall)
    {
        var node = condition.Syntax;
        var reads = false;
        for (var depth = 0; depth < 32 && node.Parent is { } parent; depth++)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression }:
                    node = parent;
                    continue;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } binary:
                    reads |= binary.Left == node && ReadsByName(binary.Right, local.Name);
                    node = parent;
                    continue;
            }

            break;
        }

        if (!reads)
        {
            return false;
        }

        return node.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ArgumentSyntax
                or AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression }
            || ReadsAnotherValidationResult(graph, condition, local, isValidationCall)
            || ReadsTheValidatedValue(graph, condition, local, isValidationCall);
    }

    /// <summary>
    /// <paramref name="condition"/> reads a local or parameter the validation call stored in <paramref name="local"/> was
    /// given: <c>if (template.Status == Active &amp;&amp; !validation.Success)</c> (IoTSharp's collection templates, the s35
    /// triage) — the validated content's own state says whether validity is required (a draft may be saved invalid), so the
    /// path that skips the verdict is the content's rule, not an unrelated guard like <c>verbose &amp;&amp; !ok</c>.
    /// </summary>
    private static bool ReadsTheValidatedValue(ControlFlowGraph graph, IOperation condition, ILocalSymbol local, Func<IInvocationOperation, bool> isValidationCall)
    {
        if (StoringCall(graph, local, isValidationCall) is not { } call)
        {
            return false;
        }

        foreach (var argument in call.Arguments)
        {
            if (ArgumentVariable(argument) is not { } validated)
            {
                continue;
            }

            foreach (var operation in condition.DescendantsAndSelf())
            {
                if ((operation is ILocalReferenceOperation { Local: var read } && SymbolEqualityComparer.Default.Equals(read, validated))
                    || (operation is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter, validated)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="condition"/> reads a local (other than <paramref name="local"/>) the graph stores a validation call's result in.</summary>
    private static bool ReadsAnotherValidationResult(ControlFlowGraph graph, IOperation condition, ILocalSymbol local, Func<IInvocationOperation, bool> isValidationCall)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation { Local: var other } && !SymbolEqualityComparer.Default.Equals(other, local)
                && IsStoredValidationResult(graph, other, isValidationCall))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStoredValidationResult(ControlFlowGraph graph, ILocalSymbol other, Func<IInvocationOperation, bool> isValidationCall)
        => StoringCall(graph, other, isValidationCall) is not null;

    /// <summary>The local or parameter an argument passes (through a conversion), or null for any other value.</summary>
    internal static ISymbol? ArgumentVariable(IArgumentOperation argument)
        => (argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value) switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IParameterReferenceOperation reference => reference.Parameter,
            _ => null,
        };

    /// <summary>The validation call whose result the graph stores in <paramref name="other"/>, or null.</summary>
    private static IInvocationOperation? StoringCall(ControlFlowGraph graph, ILocalSymbol other, Func<IInvocationOperation, bool> isValidationCall)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                var assignment = (operation as IExpressionStatementOperation)?.Operation as ISimpleAssignmentOperation
                    ?? operation as ISimpleAssignmentOperation;
                if (assignment?.Target is ILocalReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(target.Local, other)
                    && SideEffectGuards.PeelAwaited(assignment.Value) is var value
                    && SideEffectGuards.PeelAwaited(value is IAwaitOperation awaited ? awaited.Operation : value) is IInvocationOperation invocation
                    && isValidationCall(invocation))
                {
                    return invocation;
                }
            }
        }

        return null;
    }

    private static bool ReadsByName(SyntaxNode expression, string name) => Shapes.MentionsIdentifier(expression, name);

    /// <summary>
    /// Queues the destination of a branch, unless a <c>finally</c> it runs through reads the local. A branch without a
    /// destination (throw, rethrow, the end of a handler) hands nothing on.
    /// </summary>
    private static void Follow(ImmutableArray<BasicBlock> blocks, ControlFlowBranch? branch, ILocalSymbol local, Stack<(BasicBlock Block, int Start)> pending, Dictionary<ControlFlowRegion, bool> regionReads)
    {
        if (branch?.Destination is not { } destination)
        {
            return;
        }

        foreach (var region in branch.FinallyRegions)
        {
            if (RegionReads(blocks, region, local, regionReads))
            {
                return;
            }
        }

        pending.Push((destination, 0));
    }

    /// <summary>A read in a catch or finally block of a try statement around this block counts as a read.</summary>
    private static bool IsReadByEnclosingHandler(ImmutableArray<BasicBlock> blocks, BasicBlock block, ILocalSymbol local, Dictionary<ControlFlowRegion, bool> regionReads)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } owner)
            {
                continue;
            }

            foreach (var handler in owner.NestedRegions)
            {
                if (handler != region && RegionReads(blocks, handler, local, regionReads))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool RegionReads(ImmutableArray<BasicBlock> blocks, ControlFlowRegion region, ILocalSymbol local, Dictionary<ControlFlowRegion, bool> regionReads)
    {
        if (regionReads.TryGetValue(region, out var known))
        {
            return known;
        }

        regionReads[region] = false; // guards against re-entry while this region is scanned
        var reads = false;
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal && !reads; ordinal++)
        {
            var block = blocks[ordinal];
            foreach (var operation in block.Operations)
            {
                if (Scan(operation, local) == Access.Read)
                {
                    reads = true;
                    break;
                }
            }

            if (!reads && block.BranchValue is { } value && Scan(value, local) == Access.Read)
            {
                reads = true;
            }
        }

        regionReads[region] = reads;
        return reads;
    }

    /// <summary>Whether <paramref name="operation"/> reads <paramref name="local"/> (first) or only overwrites it.</summary>
    private static Access Scan(IOperation operation, ILocalSymbol local)
    {
        var written = false;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (IsArgumentOfADebugOnlyCall(reference))
                    {
                        break; // `Debug.Assert(ok);`: gone from a Release build, where the verdict is then never read
                    }

                    if (IsFoldedIntoAFlag(reference))
                    {
                        return Access.Read;
                    }

                    if (reference.IsDeclaration || IsAssignmentTarget(reference))
                    {
                        written = true;
                    }
                    else
                    {
                        return Access.Read;
                    }

                    break;
                case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                    written = true;
                    break;
                case IRecursivePatternOperation recursive when SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, local):
                    written = true;
                    break;
                case IFlowAnonymousFunctionOperation lambda when MentionsName(lambda.Symbol, local.Name):
                    return Access.Read;
            }
        }

        return written ? Access.Write : Access.None;
    }

    /// <summary>
    /// The reference sits in an argument of a call of a <c>[Conditional("DEBUG")]</c> method (<c>Debug.Assert(ok, error)</c>,
    /// <c>Debug.Assert(v.IsValid)</c>): the compiler drops the call from a build without <c>DEBUG</c> — a Release build —
    /// where the content then goes on with its verdict unread (a shapes round). Judged the same in every configuration,
    /// so Debug and Release builds report alike. <c>[Conditional("TRACE")]</c> calls stay in Release builds and count.
    /// </summary>
    internal static bool IsArgumentOfADebugOnlyCall(IOperation reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation)
            {
                foreach (var attribute in invocation.TargetMethod.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ConditionalAttribute", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                        && attribute.ConstructorArguments is [{ Value: "DEBUG" }])
                    {
                        return true;
                    }
                }
            }

            if (current is IAnonymousFunctionOperation or IFlowAnonymousFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>changed = true;</c> on a <c>bool</c> local holding a verdict: the verdict is one input of a flag the code
    /// accumulates (jellyfin's <c>var changed = item.ValidateImages(); … changed = true; … return changed;</c>), so the
    /// constant does not throw it away unread; on that path the outcome no longer depends on it.
    /// </summary>
    private static bool IsFoldedIntoAFlag(ILocalReferenceOperation reference)
        => !reference.IsDeclaration
            && reference.Local.Type.SpecialType == SpecialType.System_Boolean
            && reference.Parent is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: bool } } assignment
            && assignment.Target == reference;

    private static bool IsAssignmentTarget(ILocalReferenceOperation reference)
        => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
            || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Out }
            || reference.Parent is IDeconstructionAssignmentOperation
            || reference.Parent is ITupleOperation { Parent: IDeconstructionAssignmentOperation };

    /// <summary>The graph of <paramref name="function"/> (a local function or lambda) nested in <paramref name="graph"/>, or null.</summary>
    private static ControlFlowGraph? FunctionGraph(ControlFlowGraph graph, IMethodSymbol function, int depth, CancellationToken cancellationToken)
    {
        if (depth > 8)
        {
            return null;
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            var nested = graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken);
            if (SymbolEqualityComparer.Default.Equals(localFunction, function))
            {
                return nested;
            }

            if (FunctionGraph(nested, function, depth + 1, cancellationToken) is { } found)
            {
                return found;
            }
        }

        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue))
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant is not IFlowAnonymousFunctionOperation lambda)
                    {
                        continue;
                    }

                    var nested = graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken);
                    if (SymbolEqualityComparer.Default.Equals(lambda.Symbol, function))
                    {
                        return nested;
                    }

                    if (FunctionGraph(nested, function, depth + 1, cancellationToken) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsCapturedByLocalFunction(ControlFlowGraph graph, ILocalSymbol local)
    {
        foreach (var function in graph.LocalFunctions)
        {
            if (MentionsName(function, local.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Syntactic test: does the function's body spell the local's name? Enough to stay quiet on captures.</summary>
    private static bool MentionsName(IMethodSymbol function, string name)
    {
        foreach (var reference in function.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax().DescendantTokens())
            {
                if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && token.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The block and operation index of the pattern that declares <paramref name="local"/>; when the pattern is the
    /// block's condition, <paramref name="matched"/> is the branch taken when it matched (an odd number of <c>not</c>
    /// patterns around the designation flips it).
    /// </summary>
    private static bool TryFindPatternStore(ControlFlowGraph graph, ILocalSymbol local, out BasicBlock block, out int index, out ControlFlowBranch? matched)
    {
        matched = null;
        foreach (var candidate in graph.Blocks)
        {
            var operations = candidate.Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                if (FindDeclaringPattern(operations[i], local) is not null)
                {
                    block = candidate;
                    index = i;
                    return true;
                }
            }

            if (candidate.BranchValue is { } value && FindDeclaringPattern(value, local) is { } pattern)
            {
                block = candidate;
                index = operations.Length;
                if (candidate.ConditionalSuccessor is { } conditional && candidate.FallThroughSuccessor is { } fallThrough
                    && MatchesWhen(pattern, value) is { } whenTrue)
                {
                    matched = (candidate.ConditionKind == ControlFlowConditionKind.WhenTrue) == whenTrue ? conditional : fallThrough;
                }

                return true;
            }
        }

        block = null!;
        index = 0;
        return false;
    }

    private static IPatternOperation? FindDeclaringPattern(IOperation operation, ILocalSymbol local)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IDeclarationPatternOperation declaration when SymbolEqualityComparer.Default.Equals(declaration.DeclaredSymbol, local):
                    return declaration;
                case IRecursivePatternOperation recursive when SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, local):
                    return recursive;
            }
        }

        return null;
    }

    /// <summary>
    /// The condition value under which the designation in <paramref name="pattern"/> holds the verdict, when
    /// <paramref name="condition"/> is the <c>is</c> test around it; null when the pattern sits deeper in the condition.
    /// </summary>
    private static bool? MatchesWhen(IPatternOperation pattern, IOperation condition)
    {
        var whenTrue = true;
        for (IOperation? current = pattern.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case INegatedPatternOperation:
                    whenTrue = !whenTrue;
                    continue;
                case IBinaryPatternOperation:
                    continue;
                case IIsPatternOperation when current == condition:
                    return whenTrue;
            }

            return null;
        }

        return null;
    }

    /// <summary>Whether the operation holding the call reads the local after the call's end (an out argument read in the same statement).</summary>
    private static bool ReadsAfter(BasicBlock block, int index, ILocalSymbol local, int position)
    {
        var operation = index < block.Operations.Length ? block.Operations[index] : block.BranchValue;
        if (operation is null)
        {
            return false;
        }

        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && reference.Syntax.SpanStart >= position
                && !reference.IsDeclaration
                && !IsAssignmentTarget(reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The block and operation index holding the call; the index is past the operations when it is the branch value.</summary>
    private static bool TryFindStore(ControlFlowGraph graph, SyntaxNode call, bool storesResult, out BasicBlock block, out int index)
    {
        // A synchronous wait for the call's verdict inside the `?.` (`_optional?.ValidateAsync(s).Result`) stores the same way.
        var verdict = call is ExpressionSyntax expression && Shapes.BlockedOn(expression) is (var blocked, Shapes.Blocking.Value) ? blocked : call;
        if (storesResult && Shapes.ConditionalAccessAround(verdict) is { } conditional)
        {
            // `var verdict = _check?.Invoke(s);`: the graph captures the call's result (or null) in two branches and
            // stores the captured value after they join — the store is the operation reading that capture.
            call = conditional;
        }

        foreach (var candidate in graph.Blocks)
        {
            var operations = candidate.Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                if (operations[i].Syntax.Span.Contains(call.Span) && Contains(operations[i], call))
                {
                    block = candidate;
                    index = i;
                    return true;
                }
            }

            if (candidate.BranchValue is { } value && value.Syntax.Span.Contains(call.Span) && Contains(value, call))
            {
                block = candidate;
                index = operations.Length;
                return true;
            }
        }

        block = null!;
        index = 0;
        return false;
    }

    private static bool Contains(IOperation operation, SyntaxNode call)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant.Syntax == call && (descendant is IInvocationOperation
                || (descendant is IFlowCaptureReferenceOperation && call is ConditionalAccessExpressionSyntax)))
            {
                return true;
            }
        }

        return false;
    }
}
