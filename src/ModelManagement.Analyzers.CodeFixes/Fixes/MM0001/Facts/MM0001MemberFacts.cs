using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    private MM0001MemberFacts(
        IMethodSymbol? symbol,
        SyntaxNode? declaration,
        DocumentId? document,
        ImmutableArray<MM0001Access> accesses,
        ImmutableArray<MM0001Call> calls,
        ImmutableArray<IMethodSymbol> escapes,
        ImmutableHashSet<ISymbol> writes,
        ImmutableHashSet<ISymbol> assignments,
        ImmutableHashSet<IMethodSymbol> localFunctionCalls,
        bool thisEscapes,
        bool usesThisOrDeferredCode)
    {
        Symbol = symbol;
        Declaration = declaration;
        Document = document;
        Accesses = accesses;
        Calls = calls;
        Escapes = escapes;
        Writes = writes;
        Assignments = assignments;
        LocalFunctionCalls = localFunctionCalls;
        ThisEscapes = thisEscapes;
        UsesThisOrDeferredCode = usesThisOrDeferredCode;
    }

    /// <summary>The member (method, accessor, constructor, operator), or null for a piece of constructor code or a nested type.</summary>
    public IMethodSymbol? Symbol { get; }

    public SyntaxNode? Declaration { get; }

    public DocumentId? Document { get; }

    public bool IsAsync => Symbol is { IsAsync: true };

    public ImmutableArray<MM0001Access> Accesses { get; }

    public ImmutableArray<MM0001Call> Calls { get; }

    /// <summary>Own methods referenced as method groups (delegates: callable from anywhere, at any time).</summary>
    public ImmutableArray<IMethodSymbol> Escapes { get; }

    /// <summary>Own fields, properties and events assigned, or whose object is mutated (element or member assignment, a mutating call).</summary>
    public ImmutableHashSet<ISymbol> Writes { get; }

    /// <summary>Own fields and properties assigned directly (the targets that must stay assignable after the move).</summary>
    public ImmutableHashSet<ISymbol> Assignments { get; }

    /// <summary>Local functions invoked (their declarations must move along with the calls).</summary>
    public ImmutableHashSet<IMethodSymbol> LocalFunctionCalls { get; }

    /// <summary>True when the code hands <c>this</c> to other code (as a value, not as a member access receiver).</summary>
    public bool ThisEscapes { get; }

    /// <summary>True when the code uses <c>this</c> as a value or creates a lambda, local function or delegate.</summary>
    public bool UsesThisOrDeferredCode { get; }

    /// <summary>Normalizes a method to the key units use: the original definition, the implementation part of a partial method.</summary>
    public static IMethodSymbol Normalize(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    public static bool IsOwn(ISymbol? member, INamedTypeSymbol ownType)
        => member?.ContainingType is { } containing
            && SymbolEqualityComparer.Default.Equals(containing.OriginalDefinition, ownType.OriginalDefinition);

    /// <summary>The facts of the code under <paramref name="roots"/> (walked iteratively: no recursion over operation depth).</summary>
    public static MM0001MemberFacts Collect(
        IMethodSymbol? symbol,
        SyntaxNode? declaration,
        DocumentId? document,
        IEnumerable<IOperation?> roots,
        INamedTypeSymbol ownType,
        MM0001FixTypes types,
        CancellationToken cancellationToken)
    {
        var accesses = ImmutableArray.CreateBuilder<MM0001Access>();
        var calls = ImmutableArray.CreateBuilder<MM0001Call>();
        var escapes = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var writes = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var assignments = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var localFunctions = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        bool thisEscapes = false, usesThisOrDeferredCode = false;

        MM0001Receiver Record(IOperation reference, ISymbol member, IOperation? instance, bool deferred)
        {
            var receiver = GetReceiver(instance);
            accesses.Add(new MM0001Access(member, receiver, deferred));
            if (receiver != MM0001Receiver.Other && IsAssigned(reference))
            {
                writes.Add(member);
                assignments.Add(member);
            }
            else if (receiver != MM0001Receiver.Other && IsMutated(reference, types))
            {
                writes.Add(member);
            }

            return receiver;
        }

        void AddAccessorCall(IMethodSymbol? accessor, MM0001Receiver receiver, bool deferred)
        {
            if (accessor is not null && !accessor.IsImplicitlyDeclared)
            {
                calls.Add(new MM0001Call(Normalize(accessor), receiver, deferred));
            }
        }

        var stack = new Stack<(IOperation Operation, bool Deferred)>();
        foreach (var root in roots)
        {
            if (root is not null)
            {
                stack.Push((root, false));
            }
        }

        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (operation, deferred) = stack.Pop();
            switch (operation)
            {
                case INameOfOperation:
                    continue;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IDelegateCreationOperation:
                    usesThisOrDeferredCode = true;
                    deferred = true;
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, IsImplicit: false }
                    when !IsReceiverPosition(operation):
                    usesThisOrDeferredCode = true;
                    thisEscapes |= !deferred;
                    break;
                case IFieldReferenceOperation { Field: { IsConst: false } field } fieldReference when IsOwn(field, ownType):
                    Record(fieldReference, field.OriginalDefinition, fieldReference.Instance, deferred);
                    break;
                case IPropertyReferenceOperation { Property: { } property } propertyReference when IsOwn(property, ownType):
                    var receiver = Record(propertyReference, property.OriginalDefinition, propertyReference.Instance, deferred);
                    AddAccessorCall(property.GetMethod, receiver, deferred);
                    AddAccessorCall(property.SetMethod, receiver, deferred);
                    break;
                case IEventReferenceOperation { Event: { } @event } eventReference when IsOwn(@event, ownType):
                    var eventReceiver = Record(eventReference, @event.OriginalDefinition, eventReference.Instance, deferred);
                    AddAccessorCall(@event.AddMethod, eventReceiver, deferred);
                    AddAccessorCall(@event.RemoveMethod, eventReceiver, deferred);
                    break;
                case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } localFunction }:
                    localFunctions.Add(localFunction.OriginalDefinition);
                    break;
                case IInvocationOperation { TargetMethod: { } method } invocation when IsOwn(method, ownType):
                    calls.Add(new MM0001Call(Normalize(method), GetReceiver(invocation.Instance), deferred));
                    break;
                case IMethodReferenceOperation { Method: { } referenced } when IsOwn(referenced, ownType):
                    usesThisOrDeferredCode = true;
                    escapes.Add(Normalize(referenced));
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push((child, deferred));
            }
        }

        return new MM0001MemberFacts(
            symbol, declaration, document, accesses.ToImmutable(), calls.ToImmutable(), escapes.ToImmutable(), writes.ToImmutable(),
            assignments.ToImmutable(), localFunctions.ToImmutable(), thisEscapes, usesThisOrDeferredCode);
    }

    /// <summary>Facts of a nested type: every use of an own member counts as a use through another instance (unguarded).</summary>
    public static MM0001MemberFacts Nested(SyntaxNode nested, DocumentId document, SemanticModel model, INamedTypeSymbol ownType, CancellationToken cancellationToken)
    {
        var accesses = ImmutableArray.CreateBuilder<MM0001Access>();
        var escapes = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var node in nested.DescendantNodes())
        {
            if (node is SimpleNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && IsOwn(symbol, ownType))
            {
                if (symbol is IMethodSymbol method)
                {
                    escapes.Add(Normalize(method));
                }
                else if (symbol is IFieldSymbol or IPropertySymbol or IEventSymbol)
                {
                    accesses.Add(new MM0001Access(symbol.OriginalDefinition, MM0001Receiver.Other, InDeferredCode: false));
                }
            }
        }

        var noSymbols = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);
        return new MM0001MemberFacts(
            null, nested, document, accesses.ToImmutable(), ImmutableArray<MM0001Call>.Empty, escapes.ToImmutable(), noSymbols, noSymbols,
            ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default), thisEscapes: false, usesThisOrDeferredCode: false);
    }

    /// <summary>The facts of several pieces of code together (the moved code), with <paramref name="alsoAssigned"/> written and assigned.</summary>
    public static MM0001MemberFacts Merge(IEnumerable<MM0001MemberFacts> parts, IEnumerable<ISymbol> alsoAssigned)
    {
        var accesses = ImmutableArray.CreateBuilder<MM0001Access>();
        var calls = ImmutableArray.CreateBuilder<MM0001Call>();
        var escapes = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var writes = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var assignments = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var localFunctions = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        bool thisEscapes = false, usesThisOrDeferredCode = false;
        foreach (var part in parts)
        {
            accesses.AddRange(part.Accesses);
            calls.AddRange(part.Calls);
            escapes.AddRange(part.Escapes);
            writes.UnionWith(part.Writes);
            assignments.UnionWith(part.Assignments);
            localFunctions.UnionWith(part.LocalFunctionCalls);
            thisEscapes |= part.ThisEscapes;
            usesThisOrDeferredCode |= part.UsesThisOrDeferredCode;
        }

        writes.UnionWith(alsoAssigned);
        assignments.UnionWith(alsoAssigned);
        return new MM0001MemberFacts(
            null, null, null, accesses.ToImmutable(), calls.ToImmutable(), escapes.ToImmutable(), writes.ToImmutable(),
            assignments.ToImmutable(), localFunctions.ToImmutable(), thisEscapes, usesThisOrDeferredCode);
    }

    /// <summary>True when the code reads (or writes) any of <paramref name="members"/>.</summary>
    public bool Touches(ISet<ISymbol> members)
    {
        foreach (var access in Accesses)
        {
            if (members.Contains(access.Member))
            {
                return true;
            }
        }

        return false;
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
