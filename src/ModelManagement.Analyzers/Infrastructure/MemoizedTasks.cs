using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Awaits of a task stored once in a field or property and shared by every caller (MM0005): the work runs once, so a
/// value written after such an await is not initialized per caller.
/// </summary>
internal static class MemoizedTasks
{
    /// <summary>
    /// Whether <paramref name="awaited"/> (an await's operand, configured or not; in a control flow graph, the capture of
    /// one) is a memo written where it is awaited, or the call of an own member that only hands one out.
    /// </summary>
    public static bool IsMemoAwait(IOperation? awaited, INamedTypeSymbol? ownType, SemanticModel model, CancellationToken cancellationToken)
    {
        var peeled = SideEffectGuards.PeelAwaited(awaited);
        if (peeled is IFlowCaptureReferenceOperation { Syntax: ExpressionSyntax captured })
        {
            // A graph lowers `_loading ??= Start()` and `a ?? b` into branches and awaits their capture.
            peeled = SideEffectGuards.PeelAwaited(model.GetOperation(Shapes.Unparenthesized(captured), cancellationToken));
        }

        if (MemoizedMember(peeled) is { } member)
        {
            return awaited?.Syntax is not { } site || !IsClearedInItsFunction(site, member);
        }

        return IsOwnMemoHelper(peeled, ownType, model, cancellationToken);
    }

    /// <summary>
    /// The field or property of this instance (or a static one) a memo written where it is awaited stores its task in, or
    /// null: <c>await (_loading ??= LoadAsync())</c>, its C# 7.3 spelling <c>await (_loading ?? (_loading = LoadAsync()))</c>,
    /// and <c>await LazyInitializer.EnsureInitialized(ref _loading, () =&gt; LoadAsync())</c> — every caller awaits the task
    /// stored first, as with <c>_pending ??= Start(); await _pending;</c> (fix-shapes rounds). A member of another object
    /// (<c>context.Loading ??= …</c> on a per-call holder) is shared by nobody (five first callers, five loads).
    /// </summary>
    private static ISymbol? MemoizedMember(IOperation? operation)
    {
        switch (Shapes.WithoutConversions(operation))
        {
            case ICoalesceAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target } when IsOwn(target.Instance):
                return target.Member;
            case ICoalesceOperation { Value: IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } first, WhenNull: var whenNull } when IsOwn(first.Instance):
                return Shapes.WithoutConversions(whenNull) is ISimpleAssignmentOperation { Target: IMemberReferenceOperation written }
                    && SymbolEqualityComparer.Default.Equals(first.Member, written.Member)
                    && IsOwn(written.Instance)
                        ? first.Member
                        : null;
            case IInvocationOperation { TargetMethod: { Name: "EnsureInitialized", IsStatic: true, ContainingType: { Name: "LazyInitializer" } type }, Arguments: [{ Parameter.RefKind: RefKind.Ref, Value: IFieldReferenceOperation field }, ..] }
                when IsOwn(field.Instance):
                return type.ContainingNamespace is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? field.Field : null;
            default:
                return null;
        }
    }

    /// <summary>A member access on this instance (<c>_x</c>, <c>this._x</c>) or a static one: what every caller shares.</summary>
    public static bool IsOwn(IOperation? instance) => instance is null or IInstanceReferenceOperation;

    /// <summary>
    /// The members of this instance (or static) <paramref name="root"/> memoizes a task in, stored and awaited apart:
    /// <c>_pending ??= StartAsync();</c> or <c>_pending = _pending ?? StartAsync();</c>, then <c>await _pending;</c> (orleans'
    /// <c>ConfirmationWorker.Confirmed</c>).
    /// </summary>
    public static HashSet<ISymbol> MembersMemoizedIn(IOperation root)
    {
        var members = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            var target = operation switch
            {
                ICoalesceAssignmentOperation coalesce => coalesce.Target,
                ISimpleAssignmentOperation { Value: var value } assignment
                    when Shapes.WithoutConversions(value) is ICoalesceOperation { Value: IMemberReferenceOperation first }
                        && assignment.Target is IMemberReferenceOperation written
                        && SymbolEqualityComparer.Default.Equals(first.Member, written.Member) => assignment.Target,
                _ => null,
            };
            if (target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member && IsOwn(member.Instance))
            {
                members.Add(member.Member.OriginalDefinition);
            }
        }

        return members;
    }

    /// <summary>
    /// Whether the function around <paramref name="site"/> sets <paramref name="member"/> to <c>null</c> outside a
    /// <c>catch</c>: the memo is cleared before it is written, and every caller starts a task of its own (a fix-shapes
    /// round's <c>_loading = null; _x = await (_loading ??= LoadAsync());</c>). A reset in a <c>catch</c> lets the next
    /// caller retry a failed load, the memo pattern orleans' worker uses.
    /// </summary>
    private static bool IsClearedInItsFunction(SyntaxNode site, ISymbol member)
    {
        var function = site.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (function is null)
        {
            return false;
        }

        foreach (var assignment in function.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                && assignment.Right.IsKind(SyntaxKind.NullLiteralExpression)
                && assignment.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText == member.Name,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText == member.Name,
                    _ => false,
                }
                && assignment.FirstAncestorOrSelf<CatchClauseSyntax>() is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The await of an own member that only hands out such a memo (<c>private Task&lt;Catalog&gt; LoadOnceAsync() =&gt;
    /// _loading ??= LoadCoreAsync();</c>, or a get-only property so written): every caller awaits the one task (a fix-shapes
    /// round's memo moved into a helper behind a fast path).
    /// </summary>
    private static bool IsOwnMemoHelper(IOperation? operation, INamedTypeSymbol? ownType, SemanticModel model, CancellationToken cancellationToken)
    {
        ISymbol member;
        switch (operation)
        {
            case IInvocationOperation { Arguments.Length: 0, TargetMethod: { IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false } method } invocation
                when IsOwn(invocation.Instance): // a fresh instance's memo is its own (a fix-shapes round)
                member = method;
                break;
            case IPropertyReferenceOperation { Arguments.Length: 0, Property: { IsVirtual: false, IsAbstract: false, IsOverride: false, GetMethod: { } } property } propertyReference
                when IsOwn(propertyReference.Instance):
                member = property;
                break;
            default:
                return false;
        }

        if (ownType is null
            || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, ownType.OriginalDefinition)
            || member.OriginalDefinition.DeclaringSyntaxReferences is not [var reference])
        {
            return false;
        }

        var returned = reference.GetSyntax(cancellationToken) switch
        {
            MethodDeclarationSyntax { ExpressionBody.Expression: var value } => value,
            MethodDeclarationSyntax { Body.Statements: [ReturnStatementSyntax { Expression: { } value }] } => value,
            PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => value,
            PropertyDeclarationSyntax { AccessorList.Accessors: [{ Keyword.RawKind: (int)SyntaxKind.GetKeyword, ExpressionBody.Expression: var value }] } => value,
            PropertyDeclarationSyntax { AccessorList.Accessors: [{ Keyword.RawKind: (int)SyntaxKind.GetKeyword, Body.Statements: [ReturnStatementSyntax { Expression: { } value }] }] } => value,
            _ => null,
        };
        return returned is not null
            && SemanticModels.For(model.Compilation, returned.SyntaxTree, model) is { } declarationModel
            && MemoizedMember(declarationModel.GetOperation(returned, cancellationToken)) is not null;
    }
}
