using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>One guard the MM0003 fix inserts: an <c>if</c> around consecutive statements, or <c>?.</c> on one call.</summary>
internal sealed class MM0003GuardPlan
{
    public MM0003GuardPlan(
        ExpressionSyntax receiver,
        ISymbol symbol,
        List<StatementSyntax> statements,
        ExpressionSyntax? chainTop,
        bool canUseConditionalAccess,
        bool avoidEqualityOperators)
    {
        AvoidEqualityOperators = avoidEqualityOperators;
        Receiver = receiver;
        Symbol = symbol;
        Statements = statements;
        ChainTop = chainTop;
        CanUseConditionalAccess = canUseConditionalAccess;
    }

    /// <summary>The dereferenced dependency as written (<c>_registry</c> or <c>this._registry</c>).</summary>
    public ExpressionSyntax Receiver { get; }

    /// <summary>The member, parameter or local the receiver binds to; plans of the same symbol merge.</summary>
    public ISymbol Symbol { get; }

    /// <summary>The statements to wrap: siblings in one block or switch section, or one embedded statement. Empty for arrow bodies.</summary>
    public List<StatementSyntax> Statements { get; }

    /// <summary>The discarded call chain (<c>_registry.Register(m)</c>) when <c>?.</c> is possible.</summary>
    public ExpressionSyntax? ChainTop { get; }

    /// <summary>True when the dereference is a lone discarded, non-awaited call (<c>?.</c> keeps it compiling).</summary>
    public bool CanUseConditionalAccess { get; }

    /// <summary>True when the dependency's type defines <c>==</c>/<c>!=</c>: the guard must not call them.</summary>
    public bool AvoidEqualityOperators { get; }

    /// <summary>True when this plan becomes <c>?.</c>: a lone discarded call, or an arrow/lambda body.</summary>
    public bool IsConditional => ChainTop is not null && CanUseConditionalAccess && Statements.Count <= 1;

    /// <summary>The block or switch section holding <see cref="Statements"/>, or null for an embedded statement.</summary>
    public SyntaxNode? ListOwner => Statements.Count > 0 && Statements[0].Parent is BlockSyntax or SwitchSectionSyntax ? Statements[0].Parent : null;
}
