using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Whether code writes what a reference reads: the variable itself (assignment) or the object it holds (mutation).</summary>
internal static class Mutations
{
    private static readonly string[] MutatorPrefixes =
    {
        "Add", "Append", "Clear", "Insert", "Remove", "Set", "Push", "Pop", "Enqueue", "Dequeue", "TryAdd", "TryRemove",
        "TryUpdate", "TryDequeue", "TryPop", "TryTake", "Sort", "Reverse", "Put",
    };

    /// <summary>True when <paramref name="reference"/> is assigned: assignment target, ++/--, ref/out argument, deconstruction, event +=.</summary>
    public static bool IsAssigned(IOperation reference)
    {
        var child = reference;
        var parent = reference.Parent;
        while (parent is ITupleOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IDeconstructionAssignmentOperation deconstruction:
                return deconstruction.Target == child;
            case IAssignmentOperation assignment:
                return assignment.Target == child;
            case IIncrementOrDecrementOperation:
            case IEventAssignmentOperation:
                return true;
            case IArgumentOperation argument:
                return argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out };
            default:
                return false;
        }
    }

    /// <summary>
    /// True when <paramref name="reference"/> holds a struct and a member of it is assigned in place (<c>_slot.Value = x;</c>,
    /// <c>_pair.a = x;</c>, also nested): the variable itself changes, so it must stay assignable (no <c>readonly</c>, CS1648).
    /// </summary>
    public static bool AssignsIntoStruct(IOperation reference)
    {
        for (var depth = 0; depth < 16 && reference.Type is { IsValueType: true }; depth++)
        {
            if (reference.Parent is not IMemberReferenceOperation member || member.Instance != reference)
            {
                return false;
            }

            if (IsAssigned(member))
            {
                return true;
            }

            reference = member;
        }

        return false;
    }

    /// <summary>
    /// True when the object <paramref name="reference"/> holds is changed: an element or member of it assigned, or a
    /// mutating call on it (a void call, or Add/Remove/Clear-like names) when it is a collection or a class, not a service
    /// interface (a logger's Log call is not a mutation of the logger field).
    /// </summary>
    public static bool IsMutated(IOperation reference, Func<ITypeSymbol, bool> isCollection)
    {
        var child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IMemberReferenceOperation member when member.Instance == child:
                return IsAssigned(member) || IsMutated(member, isCollection);
            case IArrayElementReferenceOperation element when element.ArrayReference == child:
                return IsAssigned(element) || IsMutated(element, isCollection);
            case IInvocationOperation invocation when invocation.Instance == child:
                return IsMutatingCall(invocation.TargetMethod, reference.Type, isCollection);
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension } argument
                when extension.Arguments.Length > 0 && extension.Arguments[0] == argument:
                return IsMutatingCall(extension.TargetMethod, reference.Type, isCollection);
            default:
                return false;
        }
    }

    private static bool IsMutatingCall(IMethodSymbol method, ITypeSymbol? receiverType, Func<ITypeSymbol, bool> isCollection)
    {
        if (receiverType is null || (receiverType.TypeKind == TypeKind.Interface && !isCollection(receiverType)))
        {
            return false;
        }

        if (method.ReturnsVoid)
        {
            return true;
        }

        foreach (var prefix in MutatorPrefixes)
        {
            if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
