using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The lazy decision, a pure function of the facts: the "Initialize lazily on first async use" plan when every reader of
/// the state the moved code writes is an async member that can await the initialization first; otherwise why not.
/// </summary>
internal static class MM0001LazyDecision
{
    public static (MM0001LazyPlan? Plan, MM0001Refusal? Refusal) Decide(MM0001TypeFacts facts)
    {
        var types = facts.Types;
        if (types.AsyncInitializer is not { } initializerType || !types.Compilation.IsSymbolAccessibleWithin(initializerType, facts.Type))
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.PatternsNotReferenced));
        }

        if (UiThreadTypes.IsBound(facts.Type))
        {
            // The initializer runs the moved code on the thread pool (AsyncLazy starts its factory there, without the
            // caller's context): a UI element's controls, or the collections a view binds to, would change off the UI
            // thread. The factory runs it in the creator's context instead (an MM0001 consumer round: a MAUI page's bound
            // collection was filled on a pool thread).
            return (null, new MM0001Refusal(MM0001RefusalReason.UiThreadAffinity, facts.Type));
        }

        var (moved, declared) = MovedStatements(facts);

        // Code before 'boundary' ran before the blocking code, code after it ran after (and must not read what the
        // initialization sets). The initializer is created where the first blocking statement was.
        var boundary = facts.Initializers.Length > 0 || moved.Count == 0 ? 0 : moved[0].Index;

        // A return anywhere before the last moved statement: the constructor skipped what follows it on that path, and
        // the initialization would run it anyway (`a.Wait(); if (disabled) return; _x = a.Result;`).
        var lastMoved = moved.Count == 0 ? 0 : moved[moved.Count - 1].Index;
        if (MM0001MovedCode.FirstReturnBefore(facts, System.Math.Max(boundary, lastMoved)) is { } earlyReturn)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.EarlyReturn, node: earlyReturn));
        }

        if (FirstCallLeftBehind(facts, moved) is { } leftBehind)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.LaterCallsWouldRunFirst, node: leftBehind));
        }

        if (MM0001MovedCode.CheckMovable(moved, allowReturn: false) is { } unmovable)
        {
            return (null, unmovable);
        }

        // The initializer is created where the first moved statement was, also when blocking field initializers move (their
        // `boundary` is 0: no statement of the body may read what they set): statements before it that only prepare the
        // moved code (`var euTask = eu.LoadAsync();` before `Task.WaitAll(euTask, usTask)`) stay and hand their locals over.
        var creationIndex = moved.Count == 0 ? 0 : moved[0].Index;
        var (captured, refusal) = MM0001MovedCode.Capture(facts, moved, declared, creationIndex);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        foreach (var variable in captured)
        {
            if ((variable.Symbol as ILocalSymbol)?.Type is { Name: "Stopwatch" } watch && Namespaces.IsExactly(watch.ContainingNamespace, "System", "Diagnostics"))
            {
                // A real-code check's start-up timing: `var sw = Stopwatch.StartNew();` stays, the load and its log move.
                return (null, new MM0001Refusal(MM0001RefusalReason.StopwatchStartedBeforeTheWait, variable.Symbol));
            }
        }

        if (FirstTokenUse(facts, moved) is { } tokenUse)
        {
            // The factory keeps the token where it was: bounding the wait during creation.
            return (null, new MM0001Refusal(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, node: tokenUse));
        }

        var movedCode = moved.Select(static unit => unit.Node).Concat(facts.Initializers.Select(static initializer => (SyntaxNode)initializer.Initializer.Value));
        if (MM0001AmbientState.FirstRead(facts.Solution, types.Compilation, movedCode, System.Threading.CancellationToken.None) is { } ambientRead)
        {
            // The factory reads it where the constructor did: during creation, in the creator's context.
            return (null, new MM0001Refusal(MM0001RefusalReason.AmbientStateWouldBeReadLater, node: ambientRead));
        }

        // If 'this' escapes before that point, other code could call an async member before the initializer exists:
        // create it first instead (possible when the moved code needs no local of the constructor).
        var insertIndex = creationIndex;
        for (var i = 0; i < creationIndex; i++)
        {
            if (facts.ConstructorUnits[i].Facts.ThisEscapes)
            {
                if (captured.Any(static variable => variable.Symbol is ILocalSymbol))
                {
                    return (null, new MM0001Refusal(MM0001RefusalReason.ThisEscapesBeforeInitializer));
                }

                insertIndex = 0;
            }
        }

        var scope = Scope(facts, moved, boundary, insertIndex);
        var state = new HashSet<ISymbol>(scope.Init.Writes, SymbolEqualityComparer.Default);
        foreach (var code in scope.Code(facts))
        {
            state.UnionWith(code.Writes);
        }

        // Work done for its side effect (opening a store, warming up a model) may matter to any member: every async member
        // awaits it, and what it works on (the fields it reads, the fields holding the parameters it uses) is guarded
        // like the state it assigns.
        var sideEffects = facts.Conversions.Any(static conversion => conversion.IsForSideEffect);
        var guarded = sideEffects ? WithInputs(facts, scope, state, captured) : state;
        if (CheckState(facts, guarded) is { } stateShape)
        {
            return (null, stateShape);
        }

        // A reader in code this compilation skips (another configuration's `#if`) would get no await: refuse rather than
        // leave that configuration reading the state before the initialization.
        var inactiveNames = guarded.Select(static member => member.Name);
        if (InactiveCode.MentionsAny(facts.Type, sideEffects ? inactiveNames.Append("async") : inactiveNames, System.Threading.CancellationToken.None))
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.StateInInactiveCode, facts.Type));
        }

        var (ensureTargets, readerRefusal) = MM0001Readers.FindAwaitingMembers(facts, scope, guarded, allAsyncMembers: sideEffects);
        readerRefusal ??= MM0001Readers.CheckInputs(facts, scope, state, ensureTargets)
            ?? (ensureTargets.IsEmpty ? new MM0001Refusal(MM0001RefusalReason.NoAsyncMember, facts.Type) : null); // nothing would ever run it
        if (readerRefusal is not null)
        {
            return (null, readerRefusal);
        }

        var (stateMembers, stateRefusal) = MM0001StateMembers.Collect(facts, scope.Init.Assignments);
        if (stateRefusal is not null)
        {
            return (null, stateRefusal);
        }

        var direct = moved.Count == 1 && captured.IsEmpty && MM0001MovedCode.DirectCallTarget(facts, moved[0]) is { } call
            && scope.InitializationOnly.Contains(MM0001MemberFacts.Normalize(call.Method)) ? call.Name : null;
        var accessibility = facts.Type.IsAbstract ? Accessibility.Protected : Accessibility.Public;
        var initializerFieldName = UniqueNames.Choose(FieldNames.PrivateField(facts.Type, "initializer"), facts.TakenNames); // `_initializer`, or the type's own spelling
        string? accessorName = null;
        if (facts.PrimaryConstructor)
        {
            if (PrimaryConstructorRefusal(facts) is { } primaryRefusal)
            {
                return (null, primaryRefusal);
            }

            accessorName = UniqueNames.Choose("Initializer", facts.TakenNames.Add(initializerFieldName));
        }

        return (new MM0001LazyPlan(
            direct,
            MM0001MovedCode.Statements(moved),
            facts.Constructor?.ExpressionBody is not null && moved.Count > 0,
            insertIndex,
            captured,
            ensureTargets,
            stateMembers,
            initializerFieldName,
            facts.Type.IsAbstract ? "protected" : "public",
            facts.Constructor is null && !facts.PrimaryConstructor && DocumentationComments.AreRequired(facts.Type, accessibility, facts.ConstructorPart.Declaration.SyntaxTree),
            accessorName), null);
    }

    /// <summary>
    /// Why a primary-constructor parameter the moved initializers read cannot be read later, by the initialization method
    /// (which captures it into the instance), or null: an <c>in</c>/<c>ref</c> or ref-struct parameter cannot be captured
    /// (CS9109/CS9110: <c>MovedCodeCannotMove</c>); a <c>CancellationToken</c> bounded the construction, not the first use
    /// (<c>ConstructorTokenWouldOutliveConstruction</c>); a member assigns the parameter (<c>Use(Store other) =&gt; store =
    /// other;</c>), so the load would read whatever it holds then (<c>InputChangedAfterConstruction</c>); code staying in
    /// construction reads it too (CS9124: <c>PrimaryConstructorParameterAlsoInitializes</c>). A fix-shapes round found the first three.
    /// </summary>
    private static MM0001Refusal? PrimaryConstructorRefusal(MM0001TypeFacts facts)
    {
        var read = PrimaryParametersReadByMovedCode(facts);
        foreach (var parameter in read)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, parameter);
            }

            if (parameter.Type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return new MM0001Refusal(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, parameter);
            }

            if (IsAssignedInTheType(facts, parameter))
            {
                return new MM0001Refusal(MM0001RefusalReason.InputChangedAfterConstruction, parameter);
            }
        }

        return PrimaryParameterAlsoInitializing(facts, read) is { } shared
            ? new MM0001Refusal(MM0001RefusalReason.PrimaryConstructorParameterAlsoInitializes, shared)
            : null;
    }

    private static HashSet<IParameterSymbol> PrimaryParametersReadByMovedCode(MM0001TypeFacts facts)
    {
        var read = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (var initializer in facts.Initializers)
        {
            var value = initializer.Initializer.Value;
            var model = facts.FindPart(value)?.Model;
            foreach (var name in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model?.GetSymbolInfo(name).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter)
                {
                    read.Add(parameter);
                }
            }
        }

        return read;
    }

    /// <summary>Whether any code of the type writes <paramref name="parameter"/> (<see cref="Mutations.IsAssigned"/>: an assignment, <c>++</c>, a <c>ref</c>/<c>out</c> argument, a deconstruction).</summary>
    private static bool IsAssignedInTheType(MM0001TypeFacts facts, IParameterSymbol parameter)
    {
        foreach (var part in facts.Parts)
        {
            foreach (var name in part.Declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == parameter.Name
                    && part.Model.GetOperation(name) is IParameterReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)
                    && Mutations.IsAssigned(reference))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A primary-constructor parameter of <paramref name="read"/> (those the moved initializers read) that code staying in
    /// construction reads too: another field or property initializer, or the base type's arguments. Null when there is none.
    /// </summary>
    private static IParameterSymbol? PrimaryParameterAlsoInitializing(MM0001TypeFacts facts, HashSet<IParameterSymbol> read)
    {
        var moved = new HashSet<SyntaxNode>(facts.Initializers.Select(static initializer => (SyntaxNode)initializer.Initializer.Value));
        if (read.Count == 0)
        {
            return null;
        }

        foreach (var part in facts.Parts)
        {
            var staying = new List<SyntaxNode>();
            if (part.Declaration.BaseList is { } baseList)
            {
                staying.Add(baseList);
            }

            foreach (var member in part.Declaration.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        staying.AddRange(field.Declaration.Variables.Select(static v => v.Initializer?.Value).Where(v => v is not null && !moved.Contains(v))!);
                        break;
                    case PropertyDeclarationSyntax { Initializer.Value: { } value } when !moved.Contains(value):
                        staying.Add(value);
                        break;
                }
            }

            foreach (var node in staying)
            {
                foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (read.Any(parameter => parameter.Name == name.Identifier.ValueText)
                        && part.Model.GetSymbolInfo(name).Symbol is IParameterSymbol parameter && read.Contains(parameter))
                    {
                        return parameter;
                    }
                }
            }
        }

        return null;
    }


    /// <summary>
    /// The first call (other than <c>nameof</c>) in a constructor statement that stays in the constructor, after a moved
    /// statement that acts: a wait done for its side effect, or a statement that moves along only because it uses a
    /// moved local and calls something (<c>_bus.Enqueue(message);</c> after <c>var message = Map().Result;</c>). The call
    /// ran after that work and would run before it once the work is deferred (<c>_dispatcher.Receive();</c>).
    /// </summary>
    private static InvocationExpressionSyntax? FirstCallLeftBehind(MM0001TypeFacts facts, List<MM0001CodeUnit> moved)
    {
        if (moved.Count == 0)
        {
            return null;
        }

        var first = -1;
        if (facts.Conversions.Any(static conversion => conversion.IsForSideEffect))
        {
            first = moved[0].Index;
        }
        else
        {
            foreach (var unit in moved)
            {
                if (!unit.HasSite && FirstCall(unit.Node) is not null)
                {
                    first = unit.Index;
                    break;
                }
            }
        }

        if (first < 0)
        {
            return null;
        }

        var movedIndexes = new HashSet<int>(moved.Select(static unit => unit.Index));
        foreach (var unit in facts.ConstructorUnits)
        {
            if (unit.Index <= first || movedIndexes.Contains(unit.Index))
            {
                continue;
            }

            if (FirstCall(unit.Node) is { } call && !IsSleep(unit.Node, facts.ConstructorPart.Model))
            {
                return call;
            }
        }

        return null;
    }

    /// <summary>
    /// A statement that only pauses — <c>Thread.Sleep(…)</c>, or a wait on <c>Task.Delay(…)</c> itself, which the rule
    /// does not report — with arguments that call nothing but <c>TimeSpan.From…</c>: it works on no other object, so the
    /// deferred work coming after it changes only the timing (an independent consumer's constructor ending in
    /// <c>Task.Delay(1).Wait();</c> got no fix).
    /// </summary>
    private static bool IsSleep(SyntaxNode statement, SemanticModel model)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax outer })
        {
            return false;
        }

        var call = outer;
        if (outer.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" or "GetResult" } wait && outer.ArgumentList.Arguments.Count == 0)
        {
            // `Task.Delay(n).Wait()`, `Task.Delay(n).GetAwaiter().GetResult()`
            var task = wait.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } awaiter, ArgumentList.Arguments.Count: 0 }
                && wait.Name.Identifier.ValueText == "GetResult"
                ? awaiter.Expression
                : wait.Expression;
            if (task is not InvocationExpressionSyntax delay)
            {
                return false;
            }

            call = delay;
        }

        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol { IsStatic: true } method
            || !(method.Name == "Delay" && method.ContainingType.Name == "Task" && Namespaces.IsExactly(method.ContainingType.ContainingNamespace, "System", "Threading", "Tasks")
                || method.Name == "Sleep" && call == outer && method.ContainingType.Name == "Thread" && Namespaces.IsExactly(method.ContainingType.ContainingNamespace, "System", "Threading")))
        {
            return false;
        }

        foreach (var inner in call.ArgumentList.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax))
        {
            if (inner is InvocationExpressionSyntax argumentCall
                && !(model.GetSymbolInfo(argumentCall).Symbol is IMethodSymbol { IsStatic: true, ContainingType.Name: "TimeSpan" } from && from.Name.StartsWith("From", System.StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static InvocationExpressionSyntax? FirstCall(SyntaxNode statement)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static n => n is not AnonymousFunctionExpressionSyntax))
        {
            if (node is InvocationExpressionSyntax invocation
                && invocation.Expression is not IdentifierNameSyntax { Identifier.ValueText: "nameof" })
            {
                return invocation;
            }
        }

        return null;
    }

    /// <summary>The constructor statements that move: those that block, and later ones using locals they declare.</summary>
    private static (List<MM0001CodeUnit> Moved, HashSet<ISymbol> Declared) MovedStatements(MM0001TypeFacts facts)
    {
        var moved = new List<MM0001CodeUnit>();
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in facts.ConstructorUnits)
        {
            if (unit.HasSite || (moved.Count > 0 && (unit.Flow.ReadInside.Any(declared.Contains) || unit.Flow.WrittenInside.Any(declared.Contains)))
                || (moved.Count > 0 && moved[moved.Count - 1].Index == unit.Index - 1 && IsLogLine(unit.Node, facts.ConstructorPart.Model)))
            {
                moved.Add(unit);
                declared.UnionWith(unit.Flow.VariablesDeclared);
            }
        }

        return (moved, declared);
    }

    /// <summary>
    /// A statement right after the moved code that only logs through a logger (<c>_logger.LogInformation("Supabase client
    /// initialized successfully");</c>): it reports the initialization, so it moves along and runs when the work is done,
    /// instead of staying and refusing the rewrite as a later call (<c>LaterCallsWouldRunFirst</c>; an MM0001 round on real
    /// constructors: "initialize, then log that it worked" had only the factory, which DI creation cannot use).
    /// </summary>
    private static bool IsLogLine(SyntaxNode statement, SemanticModel model)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation }
            || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method
            || !method.ReturnsVoid)
        {
            return false;
        }

        var receiver = method.ReducedFrom is not null ? method.ReceiverType : model.GetTypeInfo(access.Expression).Type;
        return receiver is { Name: var name } && name.EndsWith("Logger", System.StringComparison.Ordinal);
    }

    private static MM0001LazyScope Scope(MM0001TypeFacts facts, List<MM0001CodeUnit> moved, int boundary, int insertIndex)
    {
        // The code that runs during the lazy initialization, the own members it reaches, and the state it writes.
        var code = new List<MM0001MemberFacts>();
        var initialized = new List<ISymbol>();
        code.AddRange(moved.Select(static unit => unit.Facts));
        foreach (var initializer in facts.Initializers)
        {
            code.Add(initializer.Facts);
            initialized.Add(initializer.Member.OriginalDefinition);
        }

        var init = MM0001MemberFacts.Merge(code, initialized);
        var reach = facts.Reach(init, includeAsync: true);
        foreach (var converted in facts.ConvertedMethods)
        {
            if (facts.FindMember(converted.Declaration) is { } member)
            {
                reach.Add(member.Symbol!);
                reach.UnionWith(facts.Reach(member, includeAsync: true));
            }
        }

        return new MM0001LazyScope(
            moved.ToImmutableArray(),
            boundary,
            insertIndex,
            init,
            reach.ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default),
            MM0001Readers.InitializationOnly(facts, reach, moved).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
    }

    /// <summary>
    /// The state with what the initialization works on: the own instance fields and properties it reads, the fields the
    /// constructor, before the blocking code, assigns from the parameters it uses (<c>_store = store</c>), and the fields
    /// those were built from there, directly or through locals (<c>_session = new Session(_store)</c>: the work on the
    /// session may change the store).
    /// </summary>
    private static HashSet<ISymbol> WithInputs(MM0001TypeFacts facts, MM0001LazyScope scope, HashSet<ISymbol> state, ImmutableArray<MM0001CapturedVariable> captured)
    {
        var guarded = new HashSet<ISymbol>(state, SymbolEqualityComparer.Default);
        foreach (var code in scope.Code(facts))
        {
            foreach (var access in code.Accesses)
            {
                if (access.Receiver == MM0001Receiver.This && !access.Member.IsStatic)
                {
                    guarded.Add(access.Member);
                }
            }
        }

        for (var i = 0; i < scope.Boundary && i < facts.ConstructorUnits.Length && !captured.IsEmpty; i++)
        {
            var unit = facts.ConstructorUnits[i];
            if (captured.Any(variable => unit.Flow.ReadInside.Contains(variable.Symbol)))
            {
                guarded.UnionWith(unit.Facts.Assignments.Where(static assigned => !assigned.IsStatic));
            }
        }

        // What a guarded field was built from before the blocking code, directly or through locals: the work on `_session`
        // shows through `_store` when the constructor wrote `var repository = new Repository(_store); _session = new
        // Session(repository);` (a triage's real build: CQRSlite's snapshot tests read the store behind their session
        // synchronously, and two of them failed once the session's saves were deferred).
        var builtFrom = new HashSet<ISymbol>(guarded, SymbolEqualityComparer.Default);
        builtFrom.UnionWith(captured.Select(static variable => variable.Symbol).Where(static symbol => symbol is ILocalSymbol));
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < scope.Boundary && i < facts.ConstructorUnits.Length; i++)
            {
                var unit = facts.ConstructorUnits[i];
                if (!unit.Facts.Assignments.Any(assigned => !assigned.IsStatic && builtFrom.Contains(assigned))
                    && !unit.Flow.WrittenInside.Any(builtFrom.Contains))
                {
                    continue;
                }

                foreach (var access in unit.Facts.Accesses)
                {
                    if (access.Receiver == MM0001Receiver.This && !access.Member.IsStatic && builtFrom.Add(access.Member))
                    {
                        guarded.Add(access.Member);
                        changed = true;
                    }
                }

                foreach (var local in unit.Flow.ReadInside)
                {
                    changed |= local is ILocalSymbol && builtFrom.Add(local);
                }
            }
        }

        return guarded;
    }

    /// <summary>The state must be private instance fields or auto-properties of the type, reached only through this instance.</summary>
    private static MM0001Refusal? CheckState(MM0001TypeFacts facts, HashSet<ISymbol> state)
    {
        foreach (var member in state)
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Private)
            {
                return new MM0001Refusal(MM0001RefusalReason.StateNotPrivateInstanceMember, member);
            }
        }

        foreach (var code in facts.AllCode())
        {
            foreach (var access in code.Accesses)
            {
                if (access.Receiver == MM0001Receiver.Other && state.Contains(access.Member))
                {
                    return new MM0001Refusal(MM0001RefusalReason.StateReadThroughAnotherInstance, access.Member);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first value of type <see cref="System.Threading.CancellationToken"/> the moved code uses — a parameter, a field
    /// (<c>_token</c>, set from one), a source's <c>Token</c>, a linked or timed source made at construction — other than
    /// <c>CancellationToken.None</c> and <c>default</c>: it was meant for construction, and deferred it would cancel the load
    /// (and every retry) whenever it fires later.
    /// </summary>
    private static SyntaxNode? FirstTokenUse(MM0001TypeFacts facts, List<MM0001CodeUnit> moved)
    {
        var model = facts.ConstructorPart.Model;
        foreach (var unit in moved)
        {
            foreach (var node in unit.Node.DescendantNodesAndSelf())
            {
                if (node is not (IdentifierNameSyntax or MemberAccessExpressionSyntax) || node.Parent is MemberAccessExpressionSyntax { Name: var name } && name == node)
                {
                    continue;
                }

                if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None" } or IdentifierNameSyntax { Identifier.ValueText: "None" })
                {
                    continue; // CancellationToken.None
                }

                if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(node).Type, facts.Types.CancellationToken)
                    && model.GetSymbolInfo(node).Symbol is IParameterSymbol or ILocalSymbol or IFieldSymbol or IPropertySymbol)
                {
                    return node; // a value, not the type's name in `CancellationToken.None`
                }
            }
        }

        return null;
    }
}
