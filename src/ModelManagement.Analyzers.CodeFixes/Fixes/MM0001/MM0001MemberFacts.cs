using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What one piece of a type's code does with the type's own state: the own fields, properties and events it references,
/// the own methods and accessors it calls, the own methods it turns into delegates, and the own state it writes.
/// </summary>
internal sealed class MM0001MemberFacts
{
    private static readonly string[] MutatorPrefixes =
    {
        "Add", "Append", "Clear", "Insert", "Remove", "Set", "Push", "Pop", "Enqueue", "Dequeue", "TryAdd", "TryRemove",
        "TryUpdate", "TryDequeue", "TryPop", "TryTake", "Sort", "Reverse", "Put",
    };

    public MM0001MemberFacts(IMethodSymbol? symbol, SyntaxNode? declaration, DocumentId? document)
    {
        Symbol = symbol;
        Declaration = declaration;
        Document = document;
    }

    /// <summary>The member (method, accessor, constructor, operator), or null for a piece of constructor code or a nested type.</summary>
    public IMethodSymbol? Symbol { get; }

    public SyntaxNode? Declaration { get; }

    public DocumentId? Document { get; }

    public bool IsAsync => Symbol is { IsAsync: true };

    public List<MM0001Access> Accesses { get; } = new();

    public List<MM0001Call> Calls { get; } = new();

    /// <summary>Own methods referenced as method groups (delegates: callable from anywhere, at any time).</summary>
    public List<IMethodSymbol> Escapes { get; } = new();

    /// <summary>Own fields, properties and events assigned, or whose object is mutated (element or member assignment, a mutating call).</summary>
    public HashSet<ISymbol> Writes { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Own fields and properties assigned directly (the targets that must stay assignable after the move).</summary>
    public HashSet<ISymbol> Assignments { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Local functions invoked (their declarations must move along with the calls).</summary>
    public HashSet<IMethodSymbol> LocalFunctionCalls { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>True when the code hands <c>this</c> to other code (as a value, not as a member access receiver).</summary>
    public bool ThisEscapes { get; private set; }

    /// <summary>True when the code uses <c>this</c> as a value or creates a lambda, local function or delegate.</summary>
    public bool UsesThisOrDeferredCode { get; private set; }

    /// <summary>Normalizes a method to the key units use: the original definition, the implementation part of a partial method.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    public static bool IsOwn(ISymbol? member, INamedTypeSymbol ownType)
        => member?.ContainingType is { } containing
            && SymbolEqualityComparer.Default.Equals(containing.OriginalDefinition, ownType.OriginalDefinition);

    /// <summary>Adds the facts of <paramref name="root"/> (walked iteratively: no recursion over operation depth).</summary>
    public void Add(IOperation? root, INamedTypeSymbol ownType, MM0001FixTypes types, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            return;
        }

        var stack = new Stack<(IOperation Operation, bool Deferred)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (operation, deferred) = stack.Pop();
            switch (operation)
            {
                case INameOfOperation:
                    continue;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IDelegateCreationOperation:
                    UsesThisOrDeferredCode = true;
                    deferred = true;
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, IsImplicit: false }
                    when !IsReceiverPosition(operation):
                    UsesThisOrDeferredCode = true;
                    ThisEscapes |= !deferred;
                    break;
                case IFieldReferenceOperation { Field: { IsConst: false } field } fieldReference when IsOwn(field, ownType):
                    Record(fieldReference, field.OriginalDefinition, fieldReference.Instance, deferred, types);
                    break;
                case IPropertyReferenceOperation { Property: { } property } propertyReference when IsOwn(property, ownType):
                    var receiver = Record(propertyReference, property.OriginalDefinition, propertyReference.Instance, deferred, types);
                    AddAccessorCall(property.GetMethod, receiver, deferred);
                    AddAccessorCall(property.SetMethod, receiver, deferred);
                    break;
                case IEventReferenceOperation { Event: { } @event } eventReference when IsOwn(@event, ownType):
                    var eventReceiver = Record(eventReference, @event.OriginalDefinition, eventReference.Instance, deferred, types);
                    AddAccessorCall(@event.AddMethod, eventReceiver, deferred);
                    AddAccessorCall(@event.RemoveMethod, eventReceiver, deferred);
                    break;
                case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } localFunction }:
                    LocalFunctionCalls.Add(localFunction.OriginalDefinition);
                    break;
                case IInvocationOperation { TargetMethod: { } method } invocation when IsOwn(method, ownType):
                    Calls.Add(new MM0001Call(Normalize(method), GetReceiver(invocation.Instance), deferred));
                    break;
                case IMethodReferenceOperation { Method: { } referenced } when IsOwn(referenced, ownType):
                    UsesThisOrDeferredCode = true;
                    Escapes.Add(Normalize(referenced));
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push((child, deferred));
            }
        }
    }

    public static MM0001Receiver GetReceiver(IOperation? instance)
    {
        if (instance is null)
        {
            return MM0001Receiver.Static;
        }

        instance = SkipImplicitConversions(instance);
        return instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            ? MM0001Receiver.This
            : MM0001Receiver.Other;
    }

    private static IOperation SkipImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsReceiverPosition(IOperation instanceReference)
        => instanceReference.Parent is IMemberReferenceOperation member && member.Instance == instanceReference
            || instanceReference.Parent is IInvocationOperation invocation && invocation.Instance == instanceReference;

    private void AddAccessorCall(IMethodSymbol? accessor, MM0001Receiver receiver, bool deferred)
    {
        if (accessor is not null && !accessor.IsImplicitlyDeclared)
        {
            Calls.Add(new MM0001Call(Normalize(accessor), receiver, deferred));
        }
    }

    private MM0001Receiver Record(IOperation reference, ISymbol member, IOperation? instance, bool deferred, MM0001FixTypes types)
    {
        var receiver = GetReceiver(instance);
        Accesses.Add(new MM0001Access(member, receiver, deferred));
        if (receiver != MM0001Receiver.Other)
        {
            if (IsAssigned(reference))
            {
                Writes.Add(member);
                Assignments.Add(member);
            }
            else if (IsMutated(reference, types))
            {
                Writes.Add(member);
            }
        }

        return receiver;
    }

    /// <summary>True when <paramref name="reference"/> is assigned: assignment target, ++/--, ref/out argument, deconstruction, event +=.</summary>
    private static bool IsAssigned(IOperation reference)
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
    /// True when the object <paramref name="reference"/> holds is changed: an element or member of it assigned, or a
    /// mutating call on it (a void call, or Add/Remove/Clear-like names) when it is a collection or a class, not a service
    /// interface (a logger's Log call is not a mutation of the logger field).
    /// </summary>
    private static bool IsMutated(IOperation reference, MM0001FixTypes types)
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
                return IsAssigned(member) || IsMutated(member, types);
            case IArrayElementReferenceOperation element when element.ArrayReference == child:
                return IsAssigned(element) || IsMutated(element, types);
            case IInvocationOperation invocation when invocation.Instance == child:
                return IsMutatingCall(invocation.TargetMethod, reference.Type, types);
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension } argument
                when extension.Arguments.Length > 0 && extension.Arguments[0] == argument:
                return IsMutatingCall(extension.TargetMethod, reference.Type, types);
            default:
                return false;
        }
    }

    private static bool IsMutatingCall(IMethodSymbol method, ITypeSymbol? receiverType, MM0001FixTypes types)
    {
        if (receiverType is null || (receiverType.TypeKind == TypeKind.Interface && !types.IsCollection(receiverType)))
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
