using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>What both rewrites ask of the constructor statements they move into an async method (pure functions of the facts).</summary>
internal static class MM0001MovedCode
{
    /// <summary>A return in the constructor statements before <paramref name="end"/> (it may skip what follows), or null.</summary>
    public static ReturnStatementSyntax? FirstReturnBefore(MM0001TypeFacts facts, int end)
    {
        for (var i = 0; i < end && i < facts.ConstructorUnits.Length; i++)
        {
            foreach (var node in facts.ConstructorUnits[i].Node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax returnStatement)
                {
                    return returnStatement;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the leftmost name in <c>nameof(…)</c> is a parameter or local of the constructor that the moved code does not
    /// declare itself (a name spelled alike elsewhere only makes this refuse more often, never less).
    /// </summary>
    private static bool NamesAVariableLeftBehind(InvocationExpressionSyntax nameOf, IReadOnlyList<MM0001CodeUnit> moved)
    {
        if (nameOf.ArgumentList.Arguments.Count != 1)
        {
            return false;
        }

        ExpressionSyntax leftmost = nameOf.ArgumentList.Arguments[0].Expression;
        while (leftmost is MemberAccessExpressionSyntax access)
        {
            leftmost = access.Expression;
        }

        if (leftmost is not IdentifierNameSyntax { Identifier.ValueText: var name }
            || nameOf.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not { } method)
        {
            return false;
        }

        foreach (var unit in moved)
        {
            foreach (var declared in unit.Flow.VariablesDeclared)
            {
                if (declared.Name == name)
                {
                    return false; // declared in the moved code: it moves along
                }
            }
        }

        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        foreach (var declarator in method.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Statement shapes that cannot move into an async method: jumps out of the moved code, labels, preprocessor
    /// directives, unsafe code, by-reference and ref-struct locals, calls of local functions left behind.
    /// </summary>
    public static MM0001Refusal? CheckMovable(IReadOnlyList<MM0001CodeUnit> moved, bool allowReturn)
    {
        foreach (var unit in moved)
        {
            var node = unit.Node;
            // A #region/#endregion line right above a moved statement stays in the constructor; any other directive in or
            // above the moved code would split from the code it governs.
            if ((node is StatementSyntax statement
                    ? Infrastructure.Statements.HasDirectiveInside(statement) || !Infrastructure.Statements.LeadingDirectivesAreRegions(statement)
                    : node.ContainsDirectives)
                || node is LocalFunctionStatementSyntax)
            {
                return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, node: node);
            }

            foreach (var descendant in node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (descendant is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                    && NamesAVariableLeftBehind(nameOf, moved))
                {
                    // `nameof(pending)` reads no variable, so data flow misses it; the moved code would name a parameter
                    // or local that is not there any more (CS0103).
                    return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, node: nameOf);
                }

                if (descendant is ReturnStatementSyntax && !allowReturn
                    || descendant is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoStatement } or LabeledStatementSyntax or YieldStatementSyntax
                    || descendant is UnsafeStatementSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
                    || descendant is RefTypeSyntax or RefExpressionSyntax)
                {
                    return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove);
                }
            }

            foreach (var variable in unit.Flow.VariablesDeclared)
            {
                if (variable is ILocalSymbol { Type: { } type } && (type.IsRefLikeType || type.TypeKind == TypeKind.Pointer))
                {
                    return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove);
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
                    return new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Constructor parameters and locals the moved code reads: they become parameters of the initialization method. The
    /// moved code may not assign a variable it does not declare, nor may code left after <paramref name="insertIndex"/>
    /// assign one it reads.
    /// </summary>
    public static (ImmutableArray<MM0001CapturedVariable> Captured, MM0001Refusal? Refusal) Capture(
        MM0001TypeFacts facts, IReadOnlyList<MM0001CodeUnit> moved, HashSet<ISymbol> declaredInMoved, int insertIndex)
    {
        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in moved)
        {
            foreach (var variable in unit.Flow.WrittenInside)
            {
                if (!declaredInMoved.Contains(variable) && variable is not IParameterSymbol { IsThis: true })
                {
                    return (default, new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, variable));
                }
            }

            foreach (var variable in unit.Flow.ReadInside)
            {
                if (!declaredInMoved.Contains(variable) && variable is not IParameterSymbol { IsThis: true })
                {
                    used.Add(variable);
                }
            }
        }

        if (used.Count == 0)
        {
            return (ImmutableArray<MM0001CapturedVariable>.Empty, null);
        }

        var units = facts.ConstructorUnits;
        foreach (var unit in units)
        {
            if (unit.Index >= insertIndex && !Contains(moved, unit))
            {
                foreach (var variable in unit.Flow.WrittenInside)
                {
                    if (used.Contains(variable))
                    {
                        return (default, new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, variable));
                    }
                }

                if (FirstMutated(facts, unit, used) is { } mutated)
                {
                    return (default, new MM0001Refusal(MM0001RefusalReason.InputChangedAfterConstruction, mutated));
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<MM0001CapturedVariable>();
        var parameters = facts.ConstructorSymbol?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (!used.Remove(parameter))
            {
                continue;
            }

            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, parameter));
            }

            result.Add(new MM0001CapturedVariable(parameter, facts.Constructor!.ParameterList.Parameters[i].Type));
        }

        var insertPosition = insertIndex < units.Length ? units[insertIndex].Node.SpanStart : int.MaxValue;
        var locals = new List<ILocalSymbol>();
        foreach (var variable in used)
        {
            if (variable is not ILocalSymbol local
                || local.IsRef
                || local.IsUsing
                || local.IsConst
                || local.Type.IsRefLikeType
                || local.Type.TypeKind == TypeKind.Pointer
                || !TypeNames.CanBeWritten(local.Type)
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].Span.Start >= insertPosition)
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, variable));
            }

            locals.Add(local);
        }

        locals.Sort((a, b) => a.DeclaringSyntaxReferences[0].Span.Start.CompareTo(b.DeclaringSyntaxReferences[0].Span.Start));
        foreach (var local in locals)
        {
            result.Add(new MM0001CapturedVariable(local, null, TypeAsRead(local, moved, facts.ConstructorPart.Model)));
        }

        return (result.ToImmutable(), null);
    }

    /// <summary>
    /// A variable the moved code reads whose object <paramref name="unit"/> — a constructor statement that stays and ran after
    /// the moved code — changes (<c>filters.Add("staging")</c> after <c>_count = load(filters).Result;</c>, an element or
    /// member assigned, a mutating call): deferred, the initialization would see the changed object (an independent
    /// consumer's load counted two filters instead of one). Null when there is none.
    /// </summary>
    private static ISymbol? FirstMutated(MM0001TypeFacts facts, MM0001CodeUnit unit, HashSet<ISymbol> used)
    {
        if (!unit.Flow.ReadInside.Any(used.Contains) || facts.ConstructorPart.Model.GetOperation(unit.Node) is not { } root)
        {
            return null;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            var variable = operation switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (variable is not null && used.Contains(variable) && Mutations.IsMutated(operation, facts.Types.IsCollection))
            {
                return variable;
            }
        }

        return null;
    }

    /// <summary>
    /// The local's type, not annotated when its first read in the moved code is known non-null (the nullable flow state):
    /// the new method's parameter then says what the value is, and passing it warns nothing.
    /// </summary>
    private static ITypeSymbol TypeAsRead(ILocalSymbol local, IReadOnlyList<MM0001CodeUnit> moved, SemanticModel model)
    {
        var type = local.Type;
        if (type.NullableAnnotation != NullableAnnotation.Annotated || !type.IsReferenceType)
        {
            return type;
        }

        foreach (var unit in moved)
        {
            foreach (var node in unit.Node.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local.Name
                    && node.SyntaxTree == model.SyntaxTree
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, local))
                {
                    var state = model.GetTypeInfo(identifier).Nullability.FlowState;
                    if (state == NullableFlowState.None)
                    {
                        // Not computed where it is read (an element of a tuple literal, `(a, b) = (t.Result, x)`): the
                        // value it was declared with says the same when nothing else assigns it.
                        state = DeclaredFlowState(local, model);
                    }

                    return state == NullableFlowState.NotNull
                        ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
                        : type;
                }
            }
        }

        return type;
    }

    /// <summary>The flow state of <paramref name="local"/>'s initializer, when that is the only value it is ever given in its scope.</summary>
    private static NullableFlowState DeclaredFlowState(ILocalSymbol local, SemanticModel model)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return NullableFlowState.None;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode)declarator.Parent!;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } && target.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target).Symbol, local))
            {
                return NullableFlowState.None; // assigned again: the declaration does not say what is read
            }

            if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax byRef } && byRef.Identifier.ValueText == local.Name)
            {
                return NullableFlowState.None;
            }
        }

        return model.GetTypeInfo(value).Nullability.FlowState;
    }

    /// <summary>
    /// The own parameterless instance method <paramref name="unit"/> only runs, when nothing else moves with it, and the
    /// name the rewrite calls it by: a <c>Task</c> method it waits for (<c>Own().Wait();</c>,
    /// <c>Own().GetAwaiter().GetResult();</c>, also after <c>ConfigureAwait</c>), or a <c>void</c> method the fix makes
    /// async (<c>Refresh();</c> runs as <c>RefreshAsync</c>, an independent consumer's wrapper whose only line awaited it);
    /// null otherwise.
    /// </summary>
    public static (IMethodSymbol Method, string Name)? DirectCallTarget(MM0001TypeFacts facts, MM0001CodeUnit unit)
    {
        if (!facts.Initializers.IsEmpty || unit.Node is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        foreach (var site in facts.Sites)
        {
            if (site.Node != statement.Expression)
            {
                continue;
            }

            if (!facts.ConvertedMethods.IsEmpty)
            {
                return site.Operation is IInvocationOperation { Arguments.IsEmpty: true, Instance: null or IInstanceReferenceOperation, TargetMethod: { IsGenericMethod: false, IsStatic: false, ReturnsVoid: true } called }
                    && MM0001MemberFacts.IsOwn(called, facts.Type)
                    && ConvertedName(facts, called) is { } newName
                        ? (called, newName)
                        : null;
            }

            var task = site.Operation switch
            {
                IInvocationOperation { TargetMethod.Name: "Wait", Arguments.IsEmpty: true } wait => wait.Instance,
                IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter } => awaiter.Instance,
                _ => null,
            };
            if (task is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured)
            {
                task = configured.Instance;
            }

            return OwnParameterlessMethod(RunDelegate(task) ?? task) is { IsGenericMethod: false, IsStatic: false } method
                && MM0001MemberFacts.IsOwn(method, facts.Type)
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, facts.Types.Task)
                    ? (method, method.Name)
                    : null;
        }

        return null;
    }

    /// <summary>The own parameterless method <paramref name="operation"/> calls (<c>LoadAsync()</c>, <c>this.LoadAsync()</c>) or names (<c>LoadAsync</c>), or null.</summary>
    private static IMethodSymbol? OwnParameterlessMethod(IOperation? operation) => operation switch
    {
        IInvocationOperation { Arguments.IsEmpty: true, Instance: null or IInstanceReferenceOperation } call => call.TargetMethod,
        IDelegateCreationOperation { Target: IMethodReferenceOperation { Instance: null or IInstanceReferenceOperation, Method.Parameters.IsEmpty: true } group } => group.Method,
        _ => null,
    };

    /// <summary>
    /// What <c>Task.Run(…)</c> runs, when <paramref name="task"/> is that call: its method group (<c>Task.Run(InitializeAsync)</c>)
    /// or the one call its lambda makes (<c>Task.Run(() =&gt; InitializeAsync())</c>, <c>Task.Run(async () =&gt; await InitializeAsync())</c>).
    /// The initializer runs its callback on the thread pool already, and the factory awaits it, so the method is the target
    /// (the most common real shape of an MM0001 consumer round: 7 of 29 sites, each given an <c>InitializeAsync1</c> wrapper).
    /// </summary>
    private static IOperation? RunDelegate(IOperation? task)
    {
        // `Task.Factory.StartNew(InitializeAsync).Unwrap()` starts it the same way.
        if (task is IInvocationOperation { TargetMethod.Name: "Unwrap", Arguments.Length: 1 } unwrap
            && unwrap.Arguments[0].Value is IInvocationOperation { TargetMethod.Name: "StartNew" } startNew)
        {
            task = startNew;
        }

        if (task is not IInvocationOperation { Arguments.Length: 1 } run || !BlockingWaitForms.IsTaskStart(run))
        {
            return null;
        }

        var value = run.Arguments[0].Value;
        if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.IsEmpty: true, Body: var body } })
        {
            IOperation? only = null;
            foreach (var operation in body.Operations)
            {
                if (operation.IsImplicit && operation is IReturnOperation { ReturnedValue: null })
                {
                    continue;
                }

                if (only is not null)
                {
                    return null;
                }

                only = operation;
            }

            return only switch
            {
                IReturnOperation { ReturnedValue: IInvocationOperation call } => call,
                IExpressionStatementOperation { Operation: IAwaitOperation { Operation: IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: IInvocationOperation call } } } => call,
                IExpressionStatementOperation { Operation: IAwaitOperation { Operation: IInvocationOperation call } } => call,
                _ => null,
            };
        }

        return value is IDelegateCreationOperation { Target: IMethodReferenceOperation } ? value : null;
    }

    /// <summary>The name the fix gives <paramref name="method"/> when it makes it async, or null when it stays as it is.</summary>
    private static string? ConvertedName(MM0001TypeFacts facts, IMethodSymbol method)
    {
        foreach (var converted in facts.ConvertedMethods)
        {
            if (facts.FindMember(converted.Declaration)?.Symbol is { } symbol
                && SymbolEqualityComparer.Default.Equals(symbol, method.OriginalDefinition))
            {
                return converted.NewName;
            }
        }

        return null;
    }

    /// <summary>The statements among <paramref name="units"/> (an expression body is not one).</summary>
    public static ImmutableArray<StatementSyntax> Statements(IReadOnlyList<MM0001CodeUnit> units)
    {
        var statements = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var unit in units)
        {
            if (unit.Node is StatementSyntax statement)
            {
                statements.Add(statement);
            }
        }

        return statements.ToImmutable();
    }

    public static bool Contains(IReadOnlyList<MM0001CodeUnit> units, MM0001CodeUnit unit)
    {
        foreach (var candidate in units)
        {
            if (candidate.Index == unit.Index)
            {
                return true;
            }
        }

        return false;
    }
}
