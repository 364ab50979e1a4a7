using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// One control-flow graph per member body for the flow judgements that run outside an operation-block action, where the
/// driver's cached <c>GetControlFlowGraph</c> is not at hand: MM0004 (the body holding a stored verdict, asked from a
/// syntax-node action — without this, each verdict of a body built its own graph) and MM0003's reading of the
/// constructors and initializing methods whose exit states decide which members are optional. Keyed by the root
/// operation, which the semantic model caches for the member; an entry lives as long as that operation tree. The
/// operation-block rules keep asking the driver, whose cache other analyzers of the build share too.
/// </summary>
internal static class FlowGraphs
{
    private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> Graphs = new();

    /// <summary>
    /// The graph of the operation tree <paramref name="operation"/> belongs to, built on first use. Its root must be a member
    /// body, a block, or a field, property or parameter initializer (the driver's operation blocks; callers check).
    /// </summary>
    public static ControlFlowGraph Of(IOperation operation, CancellationToken cancellationToken)
    {
        var root = Shapes.Root(operation);
        if (Graphs.TryGetValue(root, out var graph))
        {
            return graph;
        }

        graph = root switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => ControlFlowGraph.Create((IBlockOperation)root, cancellationToken),
        };

        // Two threads may build the same graph at once; both get the one kept.
        return Graphs.GetValue(root, _ => graph);
    }
}
