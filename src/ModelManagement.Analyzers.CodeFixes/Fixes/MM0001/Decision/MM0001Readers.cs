using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Who reads the state the lazy initialization sets, for the lazy decision: async members that await the initializer
/// first, and the synchronous code or escaping calls that rule the lazy rewrite out (pure functions of the facts).
/// </summary>
internal static class MM0001Readers
{
    /// <summary>
    /// Async members reading the state (directly or through synchronous own calls) get the await first; any synchronous
    /// code that can run before the initialization and reads the state rules the lazy rewrite out.
    /// </summary>
    public static (ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> EnsureTargets, MM0001Refusal? Refusal) FindAwaitingMembers(
        MM0001TypeFacts facts, MM0001LazyScope scope, HashSet<ISymbol> state, bool allAsyncMembers)
    {
        // Members that read the state, directly or through synchronous own calls (fixpoint; bounded by the member count).
        var reads = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var member in facts.Members)
            {
                if (!reads.Contains(member.Symbol!) && (member.Touches(state) || CallsSynchronousReader(facts, member, reads)))
                {
                    reads.Add(member.Symbol!);
                    changed = true;
                }
            }
        }

        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var edits = ImmutableArray.CreateBuilder<MM0001NodeEdit<MethodDeclarationSyntax>>();
        foreach (var member in facts.Members)
        {
            var symbol = member.Symbol!;
            if (!member.IsAsync || (!reads.Contains(symbol) && !(allAsyncMembers && !symbol.IsStatic && symbol.MethodKind == MethodKind.Ordinary)))
            {
                continue;
            }

            if (scope.InitializationOnly.Contains(symbol))
            {
                continue; // part of the initialization (e.g. the type's own LoadAsync), not a caller that waits for it
            }

            if (scope.Reach.Contains(symbol) || IsCalledByConstruction(facts, symbol))
            {
                // Also a reader the constructor itself starts, in a statement that stays (`var startup =
                // Task.Run(InitializeAsync); startup.Wait();`: the wait moves, the start stays): made to await the initializer
                // that awaits it, it would wait for itself (a fix-shapes round: a hang, or a NullReferenceException).
                return (default, new MM0001Refusal(MM0001RefusalReason.InitializationMethodCalledElsewhere, symbol));
            }

            if (symbol.IsStatic || symbol.MethodKind != MethodKind.Ordinary
                || member.Declaration is not MethodDeclarationSyntax { } method
                || (method.Body is null && method.ExpressionBody is null)
                || member.Document is null)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.AsyncReaderCannotAwait, symbol));
            }

            if (symbol.ReturnsVoid)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.AsyncVoidReader, symbol));
            }

            if (IsTeardown(symbol))
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.TeardownReadsState, symbol));
            }

            targets.Add(symbol);
            var returnsValue = !symbol.ReturnsVoid && symbol.ReturnType is INamedTypeSymbol { IsGenericType: true };
            edits.Add(new MM0001NodeEdit<MethodDeclarationSyntax>(member.Document, method, CancellationTokens.FindParameter(symbol)?.Name, returnsValue));
        }

        var refusal = AsyncVoidCaller(facts, targets) ?? CheckSynchronousReaders(facts, scope, state, targets);
        return refusal is null ? (edits.ToImmutable(), null) : (default, refusal);
    }

    /// <summary>
    /// Async code that returns nothing — an <c>async void</c> method, an <c>async</c> lambda handling an event — and calls a
    /// member that will await the initialization (directly or through own calls): a failed load would surface there, where
    /// nothing can catch it and the process ends, instead of in the constructor's caller (a config's
    /// <c>store.Changed += async (s, e) =&gt; await ReloadAsync();</c> next to the wait, a real-code shape).
    /// </summary>
    private static MM0001Refusal? AsyncVoidCaller(MM0001TypeFacts facts, HashSet<IMethodSymbol> targets)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        foreach (var code in facts.AllCode())
        {
            var asyncVoidMember = code.Symbol is { IsAsync: true, ReturnsVoid: true };
            foreach (var call in code.Calls)
            {
                if ((asyncVoidMember || call.InAsyncVoidCode) && call.Receiver != MM0001Receiver.Other
                    && (targets.Contains(call.Target)
                        || (facts.TryGetMember(call.Target, out var callee) && targets.Overlaps(facts.Reach(callee, includeAsync: true)))))
                {
                    return new MM0001Refusal(MM0001RefusalReason.AsyncVoidReader, code.Symbol ?? call.Target);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What the initialization reads but does not set (a store, options) must not change between construction and the
    /// first async use, or the initialization would see other values than the constructor did.
    /// </summary>
    public static MM0001Refusal? CheckInputs(
        MM0001TypeFacts facts, MM0001LazyScope scope, HashSet<ISymbol> state, ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> ensureTargets)
    {
        var inputs = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var code in scope.Code(facts))
        {
            foreach (var access in code.Accesses)
            {
                if (access.Receiver != MM0001Receiver.Other && !state.Contains(access.Member))
                {
                    inputs.Add(access.Member);
                }
            }
        }

        if (inputs.Count == 0)
        {
            return null;
        }

        var guarded = new HashSet<SyntaxNode>();
        foreach (var target in ensureTargets)
        {
            guarded.Add(target.Node);
        }

        foreach (var converted in facts.ConvertedMethods)
        {
            guarded.Add(converted.Declaration);
        }

        var later = new List<MM0001MemberFacts>();
        foreach (var member in facts.Members)
        {
            if (!scope.Reach.Contains(member.Symbol!) && (member.Declaration is null || !guarded.Contains(member.Declaration)))
            {
                later.Add(member);
            }
        }

        later.AddRange(facts.OtherConstructors);
        foreach (var unit in facts.ConstructorUnits)
        {
            if (unit.Index >= scope.Boundary && !MM0001MovedCode.Contains(scope.Moved, unit))
            {
                later.Add(unit.Facts);
            }
        }

        foreach (var code in later)
        {
            foreach (var written in code.Writes)
            {
                if (inputs.Contains(written))
                {
                    return new MM0001Refusal(MM0001RefusalReason.InputChangedAfterConstruction, written);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The own methods the initialization reaches that nothing else calls: private, not virtual, never turned into a
    /// delegate or called on another instance, and called only from the moved code or from each other. They run inside
    /// the initialization only (the type's own <c>LoadAsync</c>, at any depth), so they are part of it, not callers of it.
    /// </summary>
    public static HashSet<IMethodSymbol> InitializationOnly(MM0001TypeFacts facts, HashSet<IMethodSymbol> reach, IReadOnlyList<MM0001CodeUnit> moved)
    {
        var only = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in reach)
        {
            if (!IsEntryPoint(method) && method.MethodKind == MethodKind.Ordinary)
            {
                only.Add(method);
            }
        }

        var movedFacts = new HashSet<MM0001MemberFacts>();
        foreach (var unit in moved)
        {
            movedFacts.Add(unit.Facts);
        }

        for (var changed = only.Count > 0; changed;)
        {
            changed = false;
            foreach (var code in facts.AllCode())
            {
                var inside = movedFacts.Contains(code) || (code.Symbol is { } caller && only.Contains(caller)); // a call from inside the initialization
                foreach (var call in code.Calls)
                {
                    changed |= (!inside || call.Receiver == MM0001Receiver.Other) && only.Remove(call.Target);
                }

                foreach (var escaped in code.Escapes)
                {
                    changed |= !inside && only.Remove(escaped);
                }
            }
        }

        return only;
    }

    /// <summary>Members callable from outside the type's own private code.</summary>
    public static bool IsEntryPoint(IMethodSymbol method)
        => method.DeclaredAccessibility != Accessibility.Private
            || method.IsVirtual
            || method.IsOverride
            || method.IsAbstract
            || method.ExplicitInterfaceImplementations.Length > 0
            || method.MethodKind is MethodKind.Destructor or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.StaticConstructor
            || (method.AssociatedSymbol is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } or IEventSymbol { ExplicitInterfaceImplementations.Length: > 0 });

    private static readonly ImmutableArray<string> TeardownWords = ImmutableArray.Create("Dispose", "Close");

    /// <summary>
    /// <c>Dispose</c>, <c>DisposeAsync</c>, <c>DisposeAsyncCore</c>, <c>CloseAsync</c>: members that release what the state
    /// holds (the word, not the letters: <c>ClosestModelAsync</c> is none).
    /// </summary>
    /// <summary>
    /// Whether a statement of the constructor calls <paramref name="method"/>, or starts it on the thread pool
    /// (<c>Task.Run(InitializeAsync)</c>, <c>Task.Run(() =&gt; InitializeAsync())</c>, <c>Task.Factory.StartNew(…)</c>): it
    /// runs during construction. A call in other deferred code (an event handler, a timer callback) runs later and is an
    /// ordinary reader.
    /// </summary>
    private static bool IsCalledByConstruction(MM0001TypeFacts facts, IMethodSymbol method)
    {
        method = MM0001MemberFacts.Normalize(method);
        foreach (var unit in facts.ConstructorUnits)
        {
            foreach (var call in unit.Facts.Calls)
            {
                if (!call.InDeferredCode && SymbolEqualityComparer.Default.Equals(call.Target, method))
                {
                    return true;
                }
            }

            var model = facts.ConstructorPart.Model;
            foreach (var invocation in unit.Node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "StartNew" }
                    || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol started
                    || !BlockingWaitForms.IsTaskStart(started))
                {
                    continue;
                }

                foreach (var name in invocation.ArgumentList.DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    if (name.Identifier.ValueText == method.Name
                        && model.GetSymbolInfo(name).Symbol is IMethodSymbol named
                        && SymbolEqualityComparer.Default.Equals(MM0001MemberFacts.Normalize(named), method))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsTeardown(IMethodSymbol method)
        => ModelManagement.Analyzers.Infrastructure.NamePrefix.StartsWithWord(
            ModelManagement.Analyzers.Infrastructure.NamePrefix.MemberName(method.Name), TeardownWords); // `IAsyncDisposable.DisposeAsync` too

    /// <summary>
    /// True when the member calls, on this instance, a synchronous member that reads the state. A call on another instance
    /// reads that instance's state: its callee is a synchronous reader on its own account (named as such), and the caller
    /// gains nothing from awaiting this instance's initializer.
    /// </summary>
    private static bool CallsSynchronousReader(MM0001TypeFacts facts, MM0001MemberFacts member, HashSet<IMethodSymbol> reads)
    {
        foreach (var call in member.Calls)
        {
            if (call.Receiver != MM0001Receiver.Other && facts.TryGetMember(call.Target, out var callee) && !callee.IsAsync && reads.Contains(call.Target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Synchronous code that can run before (or without) the initialization: entry points and what they call.</summary>
    private static MM0001Refusal? CheckSynchronousReaders(MM0001TypeFacts facts, MM0001LazyScope scope, HashSet<ISymbol> state, HashSet<IMethodSymbol> targets)
    {
        var unguarded = new Queue<MM0001MemberFacts>();
        var seen = new HashSet<MM0001MemberFacts>();
        void Enqueue(MM0001MemberFacts code)
        {
            if (seen.Add(code))
            {
                unguarded.Enqueue(code);
            }
        }

        var escaped = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var code in facts.AllCode())
        {
            escaped.UnionWith(code.Escapes);
            foreach (var call in code.Calls)
            {
                if (call.Receiver == MM0001Receiver.Other)
                {
                    escaped.Add(call.Target);
                }
            }
        }

        foreach (var member in facts.Members)
        {
            if (!member.IsAsync && (IsEntryPoint(member.Symbol!) || escaped.Contains(member.Symbol!)))
            {
                Enqueue(member);
            }
        }

        foreach (var code in facts.OtherConstructors.AddRange(facts.NestedTypes))
        {
            Enqueue(code);
        }

        foreach (var unit in facts.ConstructorUnits)
        {
            if (MM0001MovedCode.Contains(scope.Moved, unit))
            {
                continue;
            }

            if (unit.Index >= scope.Boundary)
            {
                Enqueue(unit.Facts); // ran after the blocking code: now it runs before the initialization
                continue;
            }

            // Before the initializer exists: reading is fine (it ran before the blocking code before, too), but deferred
            // code may run any time later, and calls into members that await the initializer would find it null.
            foreach (var access in unit.Facts.Accesses)
            {
                if (access.InDeferredCode && state.Contains(access.Member))
                {
                    return new MM0001Refusal(MM0001RefusalReason.LambdaInConstructorReadsState, access.Member);
                }
            }

            foreach (var call in unit.Facts.Calls)
            {
                if (!facts.TryGetMember(call.Target, out var callee))
                {
                    continue;
                }

                if (call.InDeferredCode)
                {
                    if (!callee.IsAsync)
                    {
                        Enqueue(callee);
                    }
                }
                else if (unit.Index < scope.InsertIndex && (targets.Contains(call.Target) || targets.Overlaps(facts.Reach(callee, includeAsync: true))))
                {
                    return new MM0001Refusal(MM0001RefusalReason.ThisEscapesBeforeInitializer, call.Target);
                }
            }
        }

        while (unguarded.Count > 0)
        {
            var code = unguarded.Dequeue();
            if (code.Touches(state))
            {
                return new MM0001Refusal(MM0001RefusalReason.SynchronousReader, code.Symbol, code.Symbol is null ? code.Declaration : null);
            }

            foreach (var call in code.Calls)
            {
                if (facts.TryGetMember(call.Target, out var callee) && !callee.IsAsync)
                {
                    Enqueue(callee);
                }
            }
        }

        return null;
    }
}
