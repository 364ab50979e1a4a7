using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The lazy rewrite: is every reader of the state the moved code writes an async member that can await it first?</summary>
internal sealed partial class MM0001Planner
{
    private MM0001LazyPlan? PlanLazy(out string? rejection)
    {
        rejection = null;
        if (_types.AsyncInitializer is not { } initializerType || !_compilation.IsSymbolAccessibleWithin(initializerType, _type))
        {
            rejection = "ModelManagement.Patterns (AsyncInitializer) is not referenced";
            return null;
        }

        // Which constructor statements move: those that block, and later ones using locals they declare.
        var moved = new List<CodeUnit>();
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var firstMoved = -1;
        foreach (var unit in _constructorUnits)
        {
            var flow = AnalyzeDataFlow(unit.Node);
            if (flow is null)
            {
                rejection = "data flow of the constructor is not available";
                return null;
            }

            var move = unit.HasSite || (firstMoved >= 0 && UsesAny(flow, declared));
            if (!move)
            {
                continue;
            }

            firstMoved = firstMoved < 0 ? unit.Index : firstMoved;
            moved.Add(unit);
            foreach (var variable in flow.VariablesDeclared)
            {
                declared.Add(variable);
            }
        }

        // Code before 'boundary' ran before the blocking code, code after it ran after (and must not read what the
        // initialization sets). The initializer is created where the first blocking statement was.
        var boundary = _initializers.Length > 0 || firstMoved < 0 ? 0 : firstMoved;
        rejection = CheckEarlyReturn(boundary)
            ?? CheckMovedCode(moved, allowReturn: false)
            ?? CollectCapturedVariables(moved, declared, boundary, out var captured);
        if (rejection is not null)
        {
            return null;
        }

        // If 'this' escapes before that point, other code could call an async member before the initializer exists:
        // create it first instead (possible when the moved code needs no local of the constructor).
        var insertIndex = boundary;
        for (var i = 0; i < boundary; i++)
        {
            if (_constructorUnits[i].Facts.ThisEscapes)
            {
                foreach (var variable in captured)
                {
                    if (variable.Symbol is ILocalSymbol)
                    {
                        rejection = "'this' escapes before the blocking code, which reads a local of the constructor";
                        return null;
                    }
                }

                insertIndex = 0;
            }
        }

        // The code that runs during the lazy initialization, and the state it writes.
        var init = new MM0001MemberFacts(null, null, null);
        foreach (var unit in moved)
        {
            Merge(init, unit.Facts);
        }

        foreach (var initializer in _initializers)
        {
            var model = FindPart(initializer.Declaration)!.Model;
            init.Add(model.GetOperation(initializer.Initializer.Value, _cancellationToken), _type, _types, _cancellationToken);
            init.Writes.Add(initializer.Member.OriginalDefinition);
            init.Assignments.Add(initializer.Member.OriginalDefinition);
        }

        var initReach = Reach(init, includeAsync: true);
        foreach (var converted in _convertedMethods)
        {
            if (FindUnit(converted.Declaration) is { } unit)
            {
                initReach.Add(unit.Symbol!);
                foreach (var reached in Reach(unit, includeAsync: true))
                {
                    initReach.Add(reached);
                }
            }
        }

        var state = new HashSet<ISymbol>(init.Writes, SymbolEqualityComparer.Default);
        foreach (var symbol in initReach)
        {
            if (_units.TryGetValue(symbol, out var unit))
            {
                state.UnionWith(unit.Writes);
            }
        }

        // Work done for its side effect (opening a store, warming up a model) may matter to any member: every async member
        // awaits it, and what it works on (the fields it reads, the fields holding the parameters it uses) is guarded
        // like the state it assigns.
        var sideEffects = false;
        foreach (var conversion in _conversions)
        {
            sideEffects |= conversion.IsForSideEffect;
        }

        var guarded = state;
        if (sideEffects)
        {
            guarded = new HashSet<ISymbol>(state, SymbolEqualityComparer.Default);
            AddInputs(guarded, init, initReach);
            AddParameterHolders(guarded, captured, boundary);
        }

        rejection = CheckState(guarded)
            ?? CheckGuards(guarded, moved, boundary, insertIndex, initReach, allAsyncMembers: sideEffects, out var ensureTargets)
            ?? CheckInputs(init, initReach, state, moved, boundary, ensureTargets);
        if (rejection is not null)
        {
            return null;
        }

        if (ensureTargets.IsEmpty)
        {
            // Nothing would ever run the initialization: its work (and its failures) would silently disappear.
            rejection = "no async member would run the initialization";
            return null;
        }

        var stateMembers = CollectStateMembers(init.Assignments, out rejection);
        if (rejection is not null)
        {
            return null;
        }

        var movedStatements = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var unit in moved)
        {
            if (unit.Node is StatementSyntax statement)
            {
                movedStatements.Add(statement);
            }
        }

        var accessibility = _type.IsAbstract ? "protected" : "public";
        return new MM0001LazyPlan(
            movedStatements.ToImmutable(),
            _constructor?.ExpressionBody is not null && moved.Count > 0,
            insertIndex,
            captured,
            ensureTargets,
            stateMembers,
            UniqueName("_initializer"),
            accessibility,
            _constructor is null && DocumentationComments.AreRequired(_type, _type.IsAbstract ? Accessibility.Protected : Accessibility.Public, _constructorPart!.Declaration.SyntaxTree));
    }

    private DataFlowAnalysis? AnalyzeDataFlow(SyntaxNode node)
    {
        var model = _constructorPart!.Model;
        var flow = node switch
        {
            StatementSyntax statement => model.AnalyzeDataFlow(statement),
            ExpressionSyntax expression => model.AnalyzeDataFlow(expression),
            _ => null,
        };
        return flow is { Succeeded: true } ? flow : null;
    }

    private static bool UsesAny(DataFlowAnalysis flow, HashSet<ISymbol> variables)
    {
        foreach (var variable in flow.ReadInside)
        {
            if (variables.Contains(variable))
            {
                return true;
            }
        }

        foreach (var variable in flow.WrittenInside)
        {
            if (variables.Contains(variable))
            {
                return true;
            }
        }

        return false;
    }

    private static void Merge(MM0001MemberFacts into, MM0001MemberFacts from)
    {
        into.Accesses.AddRange(from.Accesses);
        into.Calls.AddRange(from.Calls);
        into.Escapes.AddRange(from.Escapes);
        into.Writes.UnionWith(from.Writes);
        into.Assignments.UnionWith(from.Assignments);
        into.LocalFunctionCalls.UnionWith(from.LocalFunctionCalls);
    }

    private MM0001MemberFacts? FindUnit(SyntaxNode declaration)
    {
        foreach (var unit in _units.Values)
        {
            if (unit.Declaration == declaration)
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>Own members reachable from <paramref name="start"/> through calls on this instance (or static calls).</summary>
    private HashSet<IMethodSymbol> Reach(MM0001MemberFacts start, bool includeAsync)
    {
        var reached = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<MM0001MemberFacts>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var facts = queue.Dequeue();
            foreach (var call in facts.Calls)
            {
                if (call.Receiver == MM0001Receiver.Other || !_units.TryGetValue(call.Target, out var callee))
                {
                    continue;
                }

                if ((includeAsync || !callee.IsAsync) && reached.Add(call.Target))
                {
                    queue.Enqueue(callee);
                }
            }
        }

        return reached;
    }

    /// <summary>Own instance fields and properties the initialization reads (statics are left out: they are not the instance's).</summary>
    private void AddInputs(HashSet<ISymbol> into, MM0001MemberFacts init, HashSet<IMethodSymbol> initReach)
    {
        void Add(MM0001MemberFacts facts)
        {
            foreach (var access in facts.Accesses)
            {
                if (access.Receiver == MM0001Receiver.This && !access.Member.IsStatic)
                {
                    into.Add(access.Member);
                }
            }
        }

        Add(init);
        foreach (var symbol in initReach)
        {
            if (_units.TryGetValue(symbol, out var unit))
            {
                Add(unit);
            }
        }
    }

    /// <summary>Fields the constructor, before the blocking code, assigns from the parameters the initialization uses (<c>_store = store</c>).</summary>
    private void AddParameterHolders(HashSet<ISymbol> into, ImmutableArray<MM0001CapturedVariable> captured, int boundary)
    {
        if (captured.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < boundary && i < _constructorUnits.Count; i++)
        {
            var unit = _constructorUnits[i];
            if (unit.Facts.Assignments.Count == 0 || AnalyzeDataFlow(unit.Node) is not { } flow)
            {
                continue;
            }

            foreach (var variable in captured)
            {
                if (flow.ReadInside.Contains(variable.Symbol))
                {
                    foreach (var assigned in unit.Facts.Assignments)
                    {
                        if (!assigned.IsStatic)
                        {
                            into.Add(assigned);
                        }
                    }

                    break;
                }
            }
        }
    }

    /// <summary>A return before the moved code skipped it (and would skip creating the initializer).</summary>
    private string? CheckEarlyReturn(int insertIndex)
    {
        for (var i = 0; i < insertIndex && i < _constructorUnits.Count; i++)
        {
            foreach (var node in _constructorUnits[i].Node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax)
                {
                    return "the constructor may return before the blocking code";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What the initialization reads but does not set (a store, options) must not change between construction and the
    /// first async use, or the initialization would see other values than the constructor did.
    /// </summary>
    private string? CheckInputs(
        MM0001MemberFacts init,
        HashSet<IMethodSymbol> initReach,
        HashSet<ISymbol> state,
        List<CodeUnit> moved,
        int insertIndex,
        ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> ensureTargets)
    {
        var inputs = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        void AddInputs(MM0001MemberFacts facts)
        {
            foreach (var access in facts.Accesses)
            {
                if (access.Receiver != MM0001Receiver.Other && !state.Contains(access.Member))
                {
                    inputs.Add(access.Member);
                }
            }
        }

        AddInputs(init);
        foreach (var symbol in initReach)
        {
            if (_units.TryGetValue(symbol, out var unit))
            {
                AddInputs(unit);
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

        string? Check(MM0001MemberFacts facts, string where)
        {
            foreach (var written in facts.Writes)
            {
                if (inputs.Contains(written))
                {
                    return "'" + written.Name + "', which the initialization reads, is changed by " + where;
                }
            }

            return null;
        }

        foreach (var unit in _units.Values)
        {
            if (initReach.Contains(unit.Symbol!) || (unit.Declaration is not null && guarded.Contains(unit.Declaration)) || IsConverted(unit))
            {
                continue;
            }

            var rejection = Check(unit, "'" + DescribeMember(unit.Symbol!) + "'");
            if (rejection is not null)
            {
                return rejection;
            }
        }

        foreach (var constructor in _otherConstructors)
        {
            var rejection = Check(constructor, "another constructor");
            if (rejection is not null)
            {
                return rejection;
            }
        }

        foreach (var unit in _constructorUnits)
        {
            if (unit.Index >= insertIndex && !moved.Contains(unit))
            {
                var rejection = Check(unit.Facts, "the constructor after the blocking code");
                if (rejection is not null)
                {
                    return rejection;
                }
            }
        }

        return null;
    }

    private bool IsConverted(MM0001MemberFacts unit)
    {
        foreach (var converted in _convertedMethods)
        {
            if (converted.Declaration == unit.Declaration)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The state must be private instance fields or auto-properties of the type, reached only through this instance.</summary>
    private string? CheckState(HashSet<ISymbol> state)
    {
        foreach (var member in state)
        {
            if (member.IsStatic)
            {
                return "the initialization writes static state ('" + member.Name + "')";
            }

            if (member.DeclaredAccessibility != Accessibility.Private)
            {
                return "the initialized member '" + member.Name + "' is visible outside the type";
            }
        }

        foreach (var facts in AllFacts())
        {
            foreach (var access in facts.Accesses)
            {
                if (access.Receiver == MM0001Receiver.Other && state.Contains(access.Member))
                {
                    return "'" + access.Member.Name + "' is read through another instance";
                }
            }
        }

        return null;
    }

    private IEnumerable<MM0001MemberFacts> AllFacts()
    {
        foreach (var unit in _units.Values)
        {
            yield return unit;
        }

        foreach (var unit in _constructorUnits)
        {
            yield return unit.Facts;
        }

        foreach (var constructor in _otherConstructors)
        {
            yield return constructor;
        }

        foreach (var nested in _nestedTypes)
        {
            yield return nested;
        }
    }

    /// <summary>
    /// Async members reading the state (directly or through synchronous own calls) get the await first; any synchronous
    /// code that can run before the initialization and reads the state rules the lazy rewrite out.
    /// </summary>
    private string? CheckGuards(
        HashSet<ISymbol> state,
        List<CodeUnit> moved,
        int boundary,
        int insertIndex,
        HashSet<IMethodSymbol> initReach,
        bool allAsyncMembers,
        out ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> ensureTargets)
    {
        ensureTargets = ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>>.Empty;

        // Members that read the state, directly or through synchronous own calls (fixpoint; bounded by the member count).
        var reads = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in _units.Values)
        {
            if (ReadsDirectly(unit, state))
            {
                reads.Add(unit.Symbol!);
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var unit in _units.Values)
            {
                if (reads.Contains(unit.Symbol!))
                {
                    continue;
                }

                foreach (var call in unit.Calls)
                {
                    if (_units.TryGetValue(call.Target, out var callee) && !callee.IsAsync && reads.Contains(call.Target))
                    {
                        reads.Add(unit.Symbol!);
                        changed = true;
                        break;
                    }
                }
            }
        }

        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var edits = ImmutableArray.CreateBuilder<MM0001NodeEdit<MethodDeclarationSyntax>>();
        foreach (var unit in _units.Values)
        {
            if (!unit.IsAsync || (!reads.Contains(unit.Symbol!) && !(allAsyncMembers && !unit.Symbol!.IsStatic && unit.Symbol.MethodKind == MethodKind.Ordinary)))
            {
                continue;
            }

            if (initReach.Contains(unit.Symbol!))
            {
                return "the async member '" + unit.Symbol!.Name + "' both runs in the initialization and reads its state";
            }

            if (unit.Symbol!.IsStatic || unit.Symbol.MethodKind != MethodKind.Ordinary
                || unit.Declaration is not MethodDeclarationSyntax { } method
                || (method.Body is null && method.ExpressionBody is null)
                || unit.Document is null)
            {
                return "the async member '" + unit.Symbol.Name + "' cannot await the initialization";
            }

            targets.Add(unit.Symbol);
            edits.Add(new MM0001NodeEdit<MethodDeclarationSyntax>(unit.Document, method, CancellationTokens.FindParameter(unit.Symbol)?.Name, ReturnsValue(unit.Symbol)));
        }

        // Synchronous code that can run before (or without) the initialization: entry points and what they call.
        var unguarded = new Queue<MM0001MemberFacts>();
        var seen = new HashSet<MM0001MemberFacts>();
        void Enqueue(MM0001MemberFacts facts)
        {
            if (seen.Add(facts))
            {
                unguarded.Enqueue(facts);
            }
        }

        var escaped = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var facts in AllFacts())
        {
            foreach (var method in facts.Escapes)
            {
                escaped.Add(method);
            }

            foreach (var call in facts.Calls)
            {
                if (call.Receiver == MM0001Receiver.Other)
                {
                    escaped.Add(call.Target);
                }
            }
        }

        foreach (var unit in _units.Values)
        {
            if (!unit.IsAsync && (IsEntryPoint(unit.Symbol!) || escaped.Contains(unit.Symbol!)))
            {
                Enqueue(unit);
            }
        }

        foreach (var constructor in _otherConstructors)
        {
            Enqueue(constructor);
        }

        foreach (var nested in _nestedTypes)
        {
            Enqueue(nested);
        }

        var movedSet = new HashSet<CodeUnit>(moved);
        foreach (var unit in _constructorUnits)
        {
            if (movedSet.Contains(unit))
            {
                continue;
            }

            if (unit.Index >= boundary)
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
                    return "a lambda in the constructor reads the initialized state";
                }
            }

            foreach (var call in unit.Facts.Calls)
            {
                if (!_units.TryGetValue(call.Target, out var callee))
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
                else if (unit.Index < insertIndex && (targets.Contains(call.Target) || CallsAny(callee, targets)))
                {
                    return "the constructor calls into the type before the initializer exists";
                }
            }
        }

        while (unguarded.Count > 0)
        {
            var facts = unguarded.Dequeue();
            if (ReadsDirectly(facts, state))
            {
                var where = facts.Symbol is { } symbol ? "'" + DescribeMember(symbol) + "'" : facts.Declaration is ConstructorDeclarationSyntax or null ? "the constructor" : "constructor code";
                return "synchronous code (" + where + ") reads the initialized state";
            }

            foreach (var call in facts.Calls)
            {
                if (_units.TryGetValue(call.Target, out var callee) && !callee.IsAsync)
                {
                    Enqueue(callee);
                }
            }
        }

        ensureTargets = edits.ToImmutable();
        return null;
    }

    private bool CallsAny(MM0001MemberFacts start, HashSet<IMethodSymbol> targets)
    {
        foreach (var reached in Reach(start, includeAsync: true))
        {
            if (targets.Contains(reached))
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeMember(IMethodSymbol symbol)
        => symbol.AssociatedSymbol is { } associated ? associated.Name : symbol.Name;

    private static bool ReadsDirectly(MM0001MemberFacts facts, HashSet<ISymbol> state)
    {
        foreach (var access in facts.Accesses)
        {
            if (state.Contains(access.Member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Members callable from outside the type's own private code.</summary>
    private static bool IsEntryPoint(IMethodSymbol method)
        => method.DeclaredAccessibility != Accessibility.Private
            || method.IsVirtual
            || method.IsOverride
            || method.IsAbstract
            || method.ExplicitInterfaceImplementations.Length > 0
            || method.MethodKind is MethodKind.Destructor or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.StaticConstructor
            || (method.AssociatedSymbol is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } or IEventSymbol { ExplicitInterfaceImplementations.Length: > 0 });

    /// <summary>True when an expression body of <paramref name="method"/> (async) produces its result: Task&lt;T&gt;, ValueTask&lt;T&gt;.</summary>
    private static bool ReturnsValue(IMethodSymbol method)
        => !method.ReturnsVoid && method.ReturnType is INamedTypeSymbol { IsGenericType: true };

    /// <summary>
    /// Statement shapes that cannot move into an async method: jumps out of the moved code, labels, preprocessor
    /// directives, unsafe code, by-reference and ref-struct locals, calls of local functions left behind.
    /// </summary>
    private string? CheckMovedCode(List<CodeUnit> moved, bool allowReturn)
    {
        foreach (var unit in moved)
        {
            var node = unit.Node;
            if (node.ContainsDirectives)
            {
                return "preprocessor directives in the moved code";
            }

            if (node is LocalFunctionStatementSyntax)
            {
                return "a local function would move";
            }

            foreach (var descendant in node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (descendant)
                {
                    case ReturnStatementSyntax when !allowReturn:
                        return "a return statement in the moved code";
                    case GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoStatement }:
                    case LabeledStatementSyntax:
                        return "a goto or label in the moved code";
                    case UnsafeStatementSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                        return "unsafe code in the moved code";
                    case RefTypeSyntax or RefExpressionSyntax:
                        return "a by-reference local in the moved code";
                    case YieldStatementSyntax:
                        return "yield in the moved code";
                }
            }

            var flow = AnalyzeDataFlow(node);
            if (flow is null)
            {
                return "data flow of the constructor is not available";
            }

            foreach (var variable in flow.VariablesDeclared)
            {
                if (variable is ILocalSymbol { Type: { } type } && (type.IsRefLikeType || type.TypeKind == TypeKind.Pointer))
                {
                    return "a ref struct or pointer local in the moved code";
                }
            }

            foreach (var localFunction in unit.Facts.LocalFunctionCalls)
            {
                var declaredInside = false;
                foreach (var reference in localFunction.DeclaringSyntaxReferences)
                {
                    declaredInside |= reference.SyntaxTree == node.SyntaxTree && node.Span.Contains(reference.Span);
                }

                if (!declaredInside)
                {
                    return "the moved code calls a local function of the constructor";
                }
            }
        }

        return null;
    }

    /// <summary>Constructor parameters and locals the moved code reads: they become parameters of the initialization method.</summary>
    private string? CollectCapturedVariables(List<CodeUnit> moved, HashSet<ISymbol> declaredInMoved, int insertIndex, out ImmutableArray<MM0001CapturedVariable> captured)
    {
        captured = ImmutableArray<MM0001CapturedVariable>.Empty;
        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in moved)
        {
            var flow = AnalyzeDataFlow(unit.Node)!;
            foreach (var variable in flow.WrittenInside)
            {
                if (!declaredInMoved.Contains(variable) && variable is not IParameterSymbol { IsThis: true })
                {
                    return "the moved code assigns '" + variable.Name + "', which the constructor declares";
                }
            }

            foreach (var variable in flow.ReadInside)
            {
                if (!declaredInMoved.Contains(variable) && variable is not IParameterSymbol { IsThis: true })
                {
                    used.Add(variable);
                }
            }
        }

        if (used.Count == 0)
        {
            return null;
        }

        var insertPosition = insertIndex < _constructorUnits.Count ? _constructorUnits[insertIndex].Node.SpanStart : int.MaxValue;
        foreach (var unit in _constructorUnits)
        {
            if (unit.Index < insertIndex || moved.Contains(unit))
            {
                continue;
            }

            var flow = AnalyzeDataFlow(unit.Node);
            if (flow is null)
            {
                return "data flow of the constructor is not available";
            }

            foreach (var variable in flow.WrittenInside)
            {
                if (used.Contains(variable))
                {
                    return "the constructor assigns '" + variable.Name + "' after the moved code reads it";
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<MM0001CapturedVariable>();
        var constructorSymbol = _constructor is null ? null : _constructorPart!.Model.GetDeclaredSymbol(_constructor, _cancellationToken);
        if (constructorSymbol is not null)
        {
            for (var i = 0; i < constructorSymbol.Parameters.Length; i++)
            {
                var parameter = constructorSymbol.Parameters[i];
                if (!used.Remove(parameter))
                {
                    continue;
                }

                if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
                {
                    return "the moved code reads the by-reference parameter '" + parameter.Name + "'";
                }

                result.Add(new MM0001CapturedVariable(parameter, _constructor!.ParameterList.Parameters[i].Type));
            }
        }

        var locals = new List<ILocalSymbol>();
        foreach (var variable in used)
        {
            if (variable is not ILocalSymbol local
                || local.IsRef
                || local.IsUsing
                || local.IsConst
                || local.Type.IsRefLikeType
                || local.Type.TypeKind == TypeKind.Pointer
                || ContainsAnonymousType(local.Type)
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].Span.Start >= insertPosition)
            {
                return "the moved code reads '" + variable.Name + "', which it cannot take along";
            }

            locals.Add(local);
        }

        locals.Sort((a, b) => a.DeclaringSyntaxReferences[0].Span.Start.CompareTo(b.DeclaringSyntaxReferences[0].Span.Start));
        foreach (var local in locals)
        {
            result.Add(new MM0001CapturedVariable(local, null));
        }

        captured = result.ToImmutable();
        return null;
    }

    private static bool ContainsAnonymousType(ITypeSymbol type)
    {
        var stack = new Stack<ITypeSymbol>();
        stack.Push(type);
        var budget = 64;
        while (stack.Count > 0 && budget-- > 0)
        {
            var current = stack.Pop();
            if (current.IsAnonymousType || current.TypeKind == TypeKind.Error)
            {
                return true;
            }

            if (current is IArrayTypeSymbol array)
            {
                stack.Push(array.ElementType);
            }
            else if (current is INamedTypeSymbol named)
            {
                foreach (var argument in named.TypeArguments)
                {
                    stack.Push(argument);
                }
            }
        }

        return budget < 0;
    }

    /// <summary>Fields and properties the moved code assigns: what changes so the assignments compile outside the constructor.</summary>
    private ImmutableArray<MM0001StateMember> CollectStateMembers(HashSet<ISymbol> assigned, out string? rejection)
    {
        rejection = null;
        var members = ImmutableArray.CreateBuilder<MM0001StateMember>();
        foreach (var member in assigned)
        {
            if (member.IsStatic)
            {
                rejection = "the moved code assigns static state";
                return default;
            }

            SyntaxNode? declaration = null;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                declaration = reference.GetSyntax(_cancellationToken);
            }

            var part = declaration is null ? null : FindPart(declaration);
            if (declaration is null || part is null)
            {
                rejection = "an assigned member outside the type's declarations";
                return default;
            }

            var movesInitializer = false;
            foreach (var initializer in _initializers)
            {
                movesInitializer |= initializer.Declaration == declaration;
            }

            ITypeSymbol type;
            bool removeReadOnly = false, addSetter = false;
            bool hasInitializer;
            switch (member)
            {
                case IFieldSymbol field when declaration is VariableDeclaratorSyntax declarator:
                    type = field.Type;
                    removeReadOnly = field.IsReadOnly;
                    hasInitializer = declarator.Initializer is not null && !movesInitializer;
                    break;
                case IPropertySymbol property when declaration is PropertyDeclarationSyntax propertySyntax:
                    if (propertySyntax.AccessorList is null)
                    {
                        rejection = "an assigned property without accessors";
                        return default;
                    }

                    type = property.Type;
                    addSetter = property.SetMethod is null or { IsInitOnly: true };
                    hasInitializer = propertySyntax.Initializer is not null && !movesInitializer;
                    break;
                default:
                    rejection = "an assigned member that is neither a field nor an auto-property";
                    return default;
            }

            var nullable = part.Model.GetNullableContext(declaration.SpanStart);
            var needsNullForgiving = !hasInitializer
                && (nullable & NullableContext.WarningsEnabled) != 0
                && type.NullableAnnotation == NullableAnnotation.NotAnnotated
                && (type.IsReferenceType || type is ITypeParameterSymbol { IsValueType: false });
            if (removeReadOnly || addSetter || needsNullForgiving || movesInitializer)
            {
                members.Add(new MM0001StateMember(part.Document.Id, declaration, removeReadOnly, addSetter, needsNullForgiving, type is ITypeParameterSymbol, movesInitializer));
            }
        }

        return members.ToImmutable();
    }
}
