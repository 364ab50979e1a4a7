using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0004's path question over a member's control-flow graph: after a validation result is stored in a local, is there
/// a path to a <c>return</c>, the end of the member, a <c>yield return</c> or the next store (a new loop iteration, an
/// overwrite) on which the local is never read? Reads inside lambdas and local functions, in <c>catch</c> and
/// <c>finally</c> blocks around the path, and disposal by <c>using</c> count as reads; paths ending in <c>throw</c> are fine.
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
    public static bool HasUnreadPath(ControlFlowGraph graph, ILocalSymbol local, SyntaxNode call, CancellationToken cancellationToken)
    {
        if (IsCapturedByLocalFunction(graph, local) || !TryFindStore(graph, call, out var storeBlock, out var storeIndex))
        {
            return false;
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
            first = false;
            if (outcome == Access.None && block.BranchValue is { } branchValue && !storeInBranchValue)
            {
                outcome = Scan(branchValue, local);
            }

            if (outcome == Access.Read)
            {
                continue;
            }

            if (outcome == Access.Write || block.Kind == BasicBlockKind.Exit)
            {
                return true;
            }

            Follow(blocks, block.ConditionalSuccessor, local, pending, regionReads);
            Follow(blocks, block.FallThroughSuccessor, local, pending, regionReads);
        }

        return false;
    }

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
                case IFlowAnonymousFunctionOperation lambda when MentionsName(lambda.Symbol, local.Name):
                    return Access.Read;
            }
        }

        return written ? Access.Write : Access.None;
    }

    private static bool IsAssignmentTarget(ILocalReferenceOperation reference)
        => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
            || reference.Parent is IDeconstructionAssignmentOperation
            || reference.Parent is ITupleOperation { Parent: IDeconstructionAssignmentOperation };

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

    /// <summary>The block and operation index holding the call; the index is past the operations when it is the branch value.</summary>
    private static bool TryFindStore(ControlFlowGraph graph, SyntaxNode call, out BasicBlock block, out int index)
    {
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
            if (descendant.Syntax == call && descendant is IInvocationOperation)
            {
                return true;
            }
        }

        return false;
    }
}
