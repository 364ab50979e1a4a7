using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What one piece of a type's code does with the type's own state: the own fields, properties and events it references,
/// the own methods and accessors it calls, the own methods it turns into delegates, and the own state it writes. Compared
/// by reference: each piece of code has its own facts.
/// </summary>
/// <param name="Symbol">The member (method, accessor, constructor, operator), or null for a piece of constructor code or a nested type.</param>
/// <param name="Declaration">The member's declaration, the constructor statement or the nested type (null for merged facts).</param>
/// <param name="Document">The document of <paramref name="Declaration"/> (null for constructor statements and merged facts).</param>
/// <param name="Accesses">References to own fields, properties and events.</param>
/// <param name="Calls">Calls of own methods and accessors.</param>
/// <param name="Escapes">Own methods referenced as method groups (delegates: callable from anywhere, at any time).</param>
/// <param name="Writes">Own fields, properties and events assigned, or whose object is mutated (element or member assignment, a mutating call).</param>
/// <param name="Assignments">Own fields and properties assigned directly (the targets that must stay assignable after the move).</param>
/// <param name="LocalFunctionCalls">Local functions invoked (their declarations must move along with the calls).</param>
/// <param name="ThisEscapes">The code hands <c>this</c> to other code (as a value, not as a member access receiver).</param>
/// <param name="UsesThisOrDeferredCode">The code uses <c>this</c> as a value or creates a lambda, local function or delegate.</param>
internal sealed record MM0001MemberFacts(
    IMethodSymbol? Symbol,
    SyntaxNode? Declaration,
    DocumentId? Document,
    ImmutableArray<MM0001Access> Accesses,
    ImmutableArray<MM0001Call> Calls,
    ImmutableArray<IMethodSymbol> Escapes,
    ImmutableHashSet<ISymbol> Writes,
    ImmutableHashSet<ISymbol> Assignments,
    ImmutableHashSet<IMethodSymbol> LocalFunctionCalls,
    bool ThisEscapes,
    bool UsesThisOrDeferredCode)
{
    public bool IsAsync => Symbol is { IsAsync: true };

    public bool Equals(MM0001MemberFacts? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

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
            if (receiver != MM0001Receiver.Other && (Mutations.IsAssigned(reference) || Mutations.AssignsIntoStruct(reference)))
            {
                writes.Add(member);
                assignments.Add(member);
            }
            else if (receiver != MM0001Receiver.Other && Mutations.IsMutated(reference, types.IsCollection))
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

        var stack = new Stack<(IOperation Operation, bool Deferred, bool AsyncVoid)>();
        foreach (var root in roots)
        {
            if (root is not null)
            {
                stack.Push((root, false, false));
            }
        }

        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (operation, deferred, asyncVoid) = stack.Pop();
            switch (operation)
            {
                case INameOfOperation:
                    continue;
                case IAnonymousFunctionOperation { Symbol: { IsAsync: true, ReturnsVoid: true } }:
                    usesThisOrDeferredCode = true;
                    deferred = true;
                    asyncVoid = true;
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IDelegateCreationOperation:
                    usesThisOrDeferredCode = true;
                    deferred = true;
                    asyncVoid = false;
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
                    calls.Add(new MM0001Call(Normalize(method), GetReceiver(invocation.Instance), deferred, asyncVoid));
                    break;
                case IMethodReferenceOperation { Method: { } referenced, Parent: IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation start } } } reference
                    when IsOwn(referenced, ownType) && (BlockingWaitForms.IsTaskStart(start) || IsWaitedRightAway(start)):
                    // `Task.Run(LoadAsync)`: the method runs where the task starts, as in `Task.Run(() => LoadAsync())` — a
                    // call, so the initialization reaches it (and does not make it await itself). So does a method group
                    // handed to a call whose task is waited or awaited right there: pitstop's Polly set-up
                    // `Policy…ExecuteAsync(InitializeDBAsync).Wait()` (the s35 triage: the fix made InitializeDBAsync await
                    // the initializer that runs it, and the first repository call hung).
                    usesThisOrDeferredCode = true;
                    calls.Add(new MM0001Call(Normalize(referenced), GetReceiver(reference.Instance), deferred, asyncVoid));
                    break;
                case IMethodReferenceOperation { Method: { } referenced } when IsOwn(referenced, ownType):
                    usesThisOrDeferredCode = true;
                    escapes.Add(Normalize(referenced));
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push((child, deferred, asyncVoid));
            }
        }

        return new MM0001MemberFacts(
            symbol, declaration, document, accesses.ToImmutable(), calls.ToImmutable(), escapes.ToImmutable(), writes.ToImmutable(),
            assignments.ToImmutable(), localFunctions.ToImmutable(), thisEscapes, usesThisOrDeferredCode);
    }

    /// <summary>Facts of a nested type: every use of an own member counts as a use through another instance (unguarded).</summary>
    public static MM0001MemberFacts Nested(SyntaxNode nested, DocumentId document, SemanticModel model, INamedTypeSymbol ownType, CancellationToken cancellationToken)
    {
        var used = new List<ISymbol>();
        foreach (var name in nested.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && IsOwn(symbol, ownType))
            {
                used.Add(symbol);
            }
        }

        var none = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);
        return new MM0001MemberFacts(
            null,
            nested,
            document,
            used.Where(static symbol => symbol is IFieldSymbol or IPropertySymbol or IEventSymbol).Select(static symbol => new MM0001Access(symbol.OriginalDefinition, MM0001Receiver.Other, false)).ToImmutableArray(),
            ImmutableArray<MM0001Call>.Empty,
            used.OfType<IMethodSymbol>().Select(Normalize).ToImmutableArray(),
            none,
            none,
            ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default),
            ThisEscapes: false,
            UsesThisOrDeferredCode: false);
    }

    /// <summary>The facts of several pieces of code together (the moved code), with <paramref name="alsoAssigned"/> written and assigned.</summary>
    public static MM0001MemberFacts Merge(IReadOnlyCollection<MM0001MemberFacts> parts, IReadOnlyCollection<ISymbol> alsoAssigned)
        => new(
            null,
            null,
            null,
            parts.SelectMany(static part => part.Accesses).ToImmutableArray(),
            parts.SelectMany(static part => part.Calls).ToImmutableArray(),
            parts.SelectMany(static part => part.Escapes).ToImmutableArray(),
            parts.SelectMany(static part => part.Writes).Concat(alsoAssigned).ToImmutableHashSet(SymbolEqualityComparer.Default),
            parts.SelectMany(static part => part.Assignments).Concat(alsoAssigned).ToImmutableHashSet(SymbolEqualityComparer.Default),
            parts.SelectMany(static part => part.LocalFunctionCalls).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default),
            parts.Any(static part => part.ThisEscapes),
            parts.Any(static part => part.UsesThisOrDeferredCode));

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

    /// <summary>
    /// The task <paramref name="call"/> returns is waited or awaited where it is made: <c>await M(…)</c>, <c>M(…).Wait()</c>,
    /// <c>M(…).Result</c>, <c>M(…).GetAwaiter().GetResult()</c>, also through <c>ConfigureAwait(…)</c> and conversions — the
    /// delegates handed to it run before that statement goes on.
    /// </summary>
    private static bool IsWaitedRightAway(IInvocationOperation call)
    {
        IOperation current = call;
        for (var depth = 0; depth < 6 && current.Parent is { } parent; depth++)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "GetAwaiter" } configure when configure.Instance == current:
                    current = parent;
                    continue;
                case IAwaitOperation:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Wait" or "GetResult" } wait when wait.Instance == current:
                    return true;
                case IPropertyReferenceOperation { Property.Name: "Result" } result when result.Instance == current:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsReceiverPosition(IOperation instanceReference)
        => instanceReference.Parent is IMemberReferenceOperation member && member.Instance == instanceReference
            || instanceReference.Parent is IInvocationOperation invocation && invocation.Instance == instanceReference;
}
