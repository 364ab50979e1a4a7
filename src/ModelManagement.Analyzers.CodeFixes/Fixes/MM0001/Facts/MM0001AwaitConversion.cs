using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// How one blocking expression becomes an <c>await</c> with <c>ConfigureAwait(false)</c>, decided on the original tree and
/// built from the node as it is when the edit runs (so nested conversions compose).
/// </summary>
internal sealed class MM0001AwaitConversion
{
    private readonly ConversionKind _kind;
    private readonly ImmutableArray<int> _droppedArguments;
    private readonly int _cancellationArgument;
    private readonly string? _newName;

    private MM0001AwaitConversion(SyntaxNode node, ConversionKind kind, ImmutableArray<int> droppedArguments, int cancellationArgument, string? newName)
    {
        Node = node;
        _kind = kind;
        _droppedArguments = droppedArguments;
        _cancellationArgument = cancellationArgument;
        _newName = newName;
    }

    private enum ConversionKind
    {
        /// <summary><c>task.Result</c>: await the receiver.</summary>
        Result,

        /// <summary><c>task.Wait()</c> or <c>task.Wait(token)</c>: await the receiver.</summary>
        Wait,

        /// <summary><c>task.GetAwaiter().GetResult()</c>: await the task.</summary>
        GetResult,

        /// <summary><c>task.ConfigureAwait(x).GetAwaiter().GetResult()</c>: await the task.</summary>
        ConfiguredGetResult,

        /// <summary><c>Task.WaitAll(...)</c>: await <c>Task.WhenAll(...)</c>.</summary>
        WaitAll,

        /// <summary><c>Task.WaitAny(...)</c> whose value is unused: await <c>Task.WhenAny(...)</c>.</summary>
        WaitAny,

        /// <summary>A call to an own method the fix turns into an async one: await the call.</summary>
        Call,

        /// <summary>
        /// A task the synchronous code started and never waited for (<c>StartPollingAsync();</c>): in the async method
        /// it moves into, the statement becomes <c>_ = StartPollingAsync();</c> — the same fire-and-forget, without CS4014.
        /// </summary>
        Discard,
    }

    /// <summary>The original node the conversion replaces.</summary>
    public SyntaxNode Node { get; }

    /// <summary>
    /// True when the blocking code is there for its side effect (a wait, a discarded result, a call of an own method):
    /// then any member may depend on it, not only those reading what it assigns.
    /// </summary>
    public bool IsForSideEffect
        => _kind is ConversionKind.Wait or ConversionKind.WaitAll or ConversionKind.WaitAny or ConversionKind.Call
            || (_kind != ConversionKind.Discard && Node.Parent is ExpressionStatementSyntax);

    /// <summary>
    /// The conversion of the blocking <paramref name="operation"/> (form from <see cref="BlockingWaitForms.Classify"/>), or
    /// null when no await reproduces it: a timeout overload, a used <c>WaitAny</c> index, <c>ConfigureAwait</c> with options,
    /// a conditional access, a stored awaiter, or a position where <c>await</c> is not allowed.
    /// </summary>
    public static MM0001AwaitConversion? TryCreate(IOperation operation, string form, MM0001FixTypes types)
    {
        var conversion = form switch
        {
            MM0001Properties.Result => ForResult(operation),
            MM0001Properties.Wait => ForWait(operation, types),
            MM0001Properties.GetResult => ForGetResult(operation, types),
            MM0001Properties.WaitAll => ForWhenAllOrAny(operation, types, ConversionKind.WaitAll),
            MM0001Properties.WaitAny => ForWhenAllOrAny(operation, types, ConversionKind.WaitAny),
            _ => null,
        };
        // Not inside `using (_lock.EnterScope())` or a ref-struct string handler either: an await there is CS4007.
        return conversion is not null && Awaits.CanAwaitAt(conversion.Node)
            && (operation.SemanticModel is not { } model || !Awaits.HoldsRefLikeValueAt(conversion.Node, model, default))
            ? conversion
            : null;
    }

    /// <summary>A call <paramref name="invocation"/> to an own method that becomes async (and is renamed to <paramref name="newName"/>).</summary>
    public static MM0001AwaitConversion? ForCall(IInvocationOperation invocation, string newName)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax
            || syntax.Expression is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax or PredefinedTypeSyntax or QualifiedNameSyntax })
            || !Awaits.CanAwaitAt(syntax))
        {
            return null;
        }

        return new MM0001AwaitConversion(syntax, ConversionKind.Call, ImmutableArray<int>.Empty, -1, newName);
    }

    /// <summary>
    /// What an enclosing <c>try</c> in the same function would do differently once the blocking <paramref name="wait"/>
    /// (form <paramref name="form"/>) is awaited. <c>.Result</c>, <c>.Wait()</c>, <c>WaitAll</c> and <c>WaitAny</c> throw an
    /// <see cref="System.AggregateException"/>; an await throws the task's own exception. So a handler that deals with the
    /// <c>AggregateException</c> (a catch of it, or a catch whose type, filter or body names <c>AggregateException</c>,
    /// <c>InnerException</c>, <c>InnerExceptions</c> or <c>Flatten</c>) would stop matching, and a handler that never saw the
    /// wait's failure — a catch of a narrower type (<c>catch (InvalidOperationException)</c>) or a filter that looks at the
    /// exception (<c>when (ex is not OperationCanceledException)</c>) — would start or stop matching it. A plain
    /// <c>catch</c>, <c>catch (Exception)</c> and a filter that does not read the exception catch both alike.
    /// <c>GetAwaiter().GetResult()</c> already throws unwrapped.
    /// </summary>
    public static MM0001RefusalReason WrappedExceptionHandling(SyntaxNode wait, string form)
    {
        if (!WrapsExceptions(form))
        {
            return MM0001RefusalReason.None;
        }

        var reason = MM0001RefusalReason.None;
        SyntaxNode child = wait;
        foreach (var ancestor in wait.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }

            if (ancestor is TryStatementSyntax tryStatement && tryStatement.Block == child)
            {
                foreach (var catchClause in tryStatement.Catches)
                {
                    foreach (var token in catchClause.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is "AggregateException" or "InnerException" or "InnerExceptions" or "Flatten")
                        {
                            return MM0001RefusalReason.AggregateExceptionHandled;
                        }
                    }

                    if (reason == MM0001RefusalReason.None && CatchesDifferentlyOnceUnwrapped(catchClause))
                    {
                        reason = MM0001RefusalReason.HandlerWouldCatchDifferently;
                    }
                }

                if (HasSwallowingCatchAll(tryStatement))
                {
                    break; // nothing the wait throws gets past this try: handlers further out never see it, either way
                }
            }

            child = ancestor;
        }

        return reason;
    }

    /// <summary>Whether <paramref name="form"/> throws an <see cref="System.AggregateException"/> where an await throws the task's own exception.</summary>
    public static bool WrapsExceptions(string form)
        => form is MM0001Properties.Result or MM0001Properties.Wait or MM0001Properties.WaitAll or MM0001Properties.WaitAny;

    /// <summary>A plain <c>catch</c> or <c>catch (Exception)</c>, without a filter, that throws nothing: every exception ends there.</summary>
    private static bool HasSwallowingCatchAll(TryStatementSyntax tryStatement)
    {
        foreach (var catchClause in tryStatement.Catches)
        {
            if (catchClause.Filter is null
                && (catchClause.Declaration is null || TypeNames.RightmostIdentifier(catchClause.Declaration.Type) is "Exception" or "Object" or "object")
                && !catchClause.Block.DescendantNodes().Any(static node => node is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A catch of a type other than <c>Exception</c>, or one whose filter reads the caught exception.</summary>
    private static bool CatchesDifferentlyOnceUnwrapped(CatchClauseSyntax catchClause)
    {
        if (catchClause.Declaration is not { } declaration)
        {
            return false; // `catch { }` and `catch when (…)` without a variable catch everything alike
        }

        if (TypeNames.RightmostIdentifier(declaration.Type) is not ("Exception" or "Object" or "object"))
        {
            return true;
        }

        if (catchClause.Filter is not { } filter || declaration.Identifier.IsKind(SyntaxKind.None))
        {
            return false;
        }

        foreach (var token in filter.FilterExpression.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == declaration.Identifier.ValueText)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The discard of a task-returning call that stands as a statement in code moving into an async method (CS4014 there;
    /// none in the constructor or synchronous method it came from), or null when nothing is to be done: the call is not
    /// an expression statement, returns no task, or the language has no discards (before C# 7).
    /// </summary>
    public static MM0001AwaitConversion? ForUnawaitedTask(ExpressionStatementSyntax statement, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (statement.Expression is not (InvocationExpressionSyntax or ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax })
            || !LanguageVersionHelpers.IsAtLeast(statement.SyntaxTree, LanguageVersion.CSharp7)
            || !TaskTypes.IsTaskOrValueTask(model.GetTypeInfo(statement.Expression, cancellationToken).Type))
        {
            return null;
        }

        return new MM0001AwaitConversion(statement.Expression, ConversionKind.Discard, ImmutableArray<int>.Empty, -1, newName: null);
    }

    /// <summary>
    /// The awaited replacement for <paramref name="current"/> (the <see cref="Node"/> as it is now, nested conversions done);
    /// parenthesized for the simplifier unless the original stands as a statement. The await ends in
    /// <c>ConfigureAwait(false)</c> when <paramref name="configure"/>: not in a type bound to a UI thread
    /// (<see cref="UiThreadTypes"/>), whose moved code may touch its controls after the await.
    /// </summary>
    public ExpressionSyntax Build(SyntaxNode current, SyntaxGenerator generator, INamedTypeSymbol task, bool configure = true)
    {
        // The receiver keeps its trivia (comments after it survive) and the first '.' of the old chain keeps its
        // trivia, so a chain written over several lines stays laid out that way.
        if (_kind == ConversionKind.Discard)
        {
            var expression = (ExpressionSyntax)current;
            return SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName("_").WithLeadingTrivia(expression.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                    expression.WithoutLeadingTrivia());
        }

        ExpressionSyntax awaited;
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
        switch (_kind)
        {
            case ConversionKind.Result:
                var result = (MemberAccessExpressionSyntax)current;
                awaited = result.Expression;
                dot = result.OperatorToken;
                break;
            case ConversionKind.Wait:
                var waitInvocation = (InvocationExpressionSyntax)current;
                var wait = (MemberAccessExpressionSyntax)waitInvocation.Expression;
                awaited = wait.Expression;
                dot = wait.OperatorToken;
                if (_cancellationArgument >= 0)
                {
                    awaited = Invoke(awaited, "WaitAsync", waitInvocation.ArgumentList.Arguments[_cancellationArgument].Expression, dot);
                    dot = SyntaxFactory.Token(SyntaxKind.DotToken);
                }

                break;
            case ConversionKind.GetResult:
                var getAwaiter = GetAwaiterAccess(current);
                awaited = getAwaiter.Expression;
                dot = getAwaiter.OperatorToken;
                break;
            case ConversionKind.ConfiguredGetResult:
                var configured = (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)GetAwaiterAccess(current).Expression).Expression;
                awaited = configured.Expression;
                dot = configured.OperatorToken;
                break;
            case ConversionKind.WaitAll:
            case ConversionKind.WaitAny:
                var staticInvocation = (InvocationExpressionSyntax)current;
                var arguments = new SeparatedSyntaxList<ArgumentSyntax>();
                var original = staticInvocation.ArgumentList.Arguments;
                for (var i = 0; i < original.Count; i++)
                {
                    if (!_droppedArguments.Contains(i))
                    {
                        arguments = arguments.Add(original[i].WithoutTrivia());
                    }
                }

                var taskType = TypeNames.Imported(generator, task);
                awaited = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        taskType,
                        SyntaxFactory.IdentifierName(_kind == ConversionKind.WaitAll ? "WhenAll" : "WhenAny")),
                    SyntaxFactory.ArgumentList(arguments));
                if (_cancellationArgument >= 0)
                {
                    awaited = Invoke(awaited, "WaitAsync", original[_cancellationArgument].Expression, dot);
                }

                break;
            default:
                awaited = Rename((InvocationExpressionSyntax)current, _newName!);
                break;
        }

        dot = WithCommentsOfDroppedParts(current, awaited, dot);
        ExpressionSyntax operand;
        if (configure)
        {
            operand = Invoke(awaited.WithoutLeadingTrivia(), "ConfigureAwait", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression), dot);
        }
        else
        {
            // No `.ConfigureAwait` to carry the dropped parts' comments: they follow the awaited expression.
            var comments = new List<SyntaxTrivia>();
            foreach (var trivia in dot.LeadingTrivia)
            {
                if (CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }

            operand = comments.Count == 0
                ? awaited.WithoutLeadingTrivia()
                : awaited.WithoutLeadingTrivia().WithTrailingTrivia(awaited.GetTrailingTrivia().AddRange(CommentTrivia.OnOneLine(comments, codeFollows: true)));
        }

        var await = SyntaxFactory.AwaitExpression(
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            operand);
        ExpressionSyntax replacement = Awaits.StandsAlone(Node)
            ? await
            : SyntaxFactory.ParenthesizedExpression(await).WithAdditionalAnnotations(Simplifier.Annotation);
        return replacement.WithLeadingTrivia(current.GetLeadingTrivia()).WithTrailingTrivia(current.GetTrailingTrivia());
    }

    /// <summary>
    /// The comments of the parts the conversion drops (<c>.GetAwaiter() // note</c> on its own line of a chain,
    /// <c>t.Wait(/* forever */)</c>) go in front of the new <c>.ConfigureAwait</c>: a <c>//</c> comment on a line of its own
    /// (indented like the <c>.</c>), a block comment before it. What the kept receiver and the new dot carry already is
    /// not repeated.
    /// </summary>
    private static SyntaxToken WithCommentsOfDroppedParts(SyntaxNode current, ExpressionSyntax awaited, SyntaxToken dot)
    {
        var kept = new List<string>();
        foreach (var trivia in awaited.DescendantTrivia().Concat(dot.LeadingTrivia).Concat(dot.TrailingTrivia))
        {
            if (CommentTrivia.IsComment(trivia))
            {
                kept.Add(trivia.ToString());
            }
        }

        var leading = dot.LeadingTrivia;
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        var added = false;
        foreach (var trivia in current.DescendantTrivia())
        {
            if (!CommentTrivia.IsComment(trivia) || trivia.SpanStart < current.SpanStart || trivia.Span.End > current.Span.End || kept.Remove(trivia.ToString()))
            {
                continue; // not a comment, the node's own leading or trailing trivia (kept), or kept with the receiver
            }

            added = true;
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                leading = leading.Add(trivia).Add(SyntaxFactory.ElasticCarriageReturnLineFeed);
                if (indentation.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    leading = leading.Add(indentation);
                }
            }
            else
            {
                leading = leading.Add(SyntaxFactory.Space).Add(trivia);
            }
        }

        return added ? dot.WithLeadingTrivia(leading) : dot;
    }

    private static MemberAccessExpressionSyntax GetAwaiterAccess(SyntaxNode current)
    {
        var getResult = (InvocationExpressionSyntax)current;
        var getAwaiter = (InvocationExpressionSyntax)((MemberAccessExpressionSyntax)getResult.Expression).Expression;
        return (MemberAccessExpressionSyntax)getAwaiter.Expression;
    }

    private static InvocationExpressionSyntax Invoke(ExpressionSyntax receiver, string name, ExpressionSyntax argument, SyntaxToken dot = default)
        => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                receiver,
                dot.IsKind(SyntaxKind.DotToken) ? dot : SyntaxFactory.Token(SyntaxKind.DotToken),
                SyntaxFactory.IdentifierName(name)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument.WithoutTrivia()))));

    private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax invocation, string newName)
    {
        SimpleNameSyntax Renamed(SimpleNameSyntax name)
            => name is GenericNameSyntax generic
                ? generic.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(generic.Identifier))
                : SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));

        return invocation.Expression switch
        {
            SimpleNameSyntax name => invocation.WithExpression(Renamed(name)),
            MemberAccessExpressionSyntax access => invocation.WithExpression(access.WithName(Renamed(access.Name))),
            _ => invocation,
        };
    }

    private static MM0001AwaitConversion? ForResult(IOperation operation)
        => operation is IPropertyReferenceOperation { Instance: not null }
            && operation.Syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } syntax
            ? new MM0001AwaitConversion(syntax, ConversionKind.Result, ImmutableArray<int>.Empty, -1, null)
            : null;

    private static MM0001AwaitConversion? ForWait(IOperation operation, MM0001FixTypes types)
    {
        if (operation is not IInvocationOperation { Instance: not null, TargetMethod: { ReturnsVoid: true } method }
            || operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } } syntax)
        {
            return null;
        }

        if (method.Parameters.Length == 0)
        {
            return new MM0001AwaitConversion(syntax, ConversionKind.Wait, ImmutableArray<int>.Empty, -1, null);
        }

        // Wait(CancellationToken) cancels the wait, not the task: WaitAsync(token) does the same. Timeouts (which return
        // bool, or give up silently) have no await equivalent.
        if (method.Parameters.Length == 1
            && CodeFixes.Infrastructure.CancellationTokens.IsCancellationToken(method.Parameters[0].Type)
            && types.TaskHasWaitAsync
            && syntax.ArgumentList.Arguments.Count == 1)
        {
            return new MM0001AwaitConversion(syntax, ConversionKind.Wait, ImmutableArray<int>.Empty, 0, null);
        }

        return null;
    }

    private static MM0001AwaitConversion? ForGetResult(IOperation operation, MM0001FixTypes types)
    {
        // Only the chain written in one expression: task[.ConfigureAwait(bool)].GetAwaiter().GetResult().
        if (operation is not IInvocationOperation { Instance: { } awaiterOperation }
            || operation.Syntax is not InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "GetResult",
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } },
                },
            } syntax
            || Unwrap(awaiterOperation) is not IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaitable }
            || awaitable.Type is not INamedTypeSymbol awaitableType)
        {
            return null;
        }

        var definition = awaitableType.OriginalDefinition;
        if (IsPlainTask(definition, types.Blocking))
        {
            return new MM0001AwaitConversion(syntax, ConversionKind.GetResult, ImmutableArray<int>.Empty, -1, null);
        }

        // ConfigureAwait(bool) only: ConfigureAwait(ConfigureAwaitOptions) can suppress exceptions, which an await with
        // ConfigureAwait(false) would not reproduce.
        if (Unwrap(awaitable) is IInvocationOperation { TargetMethod: { Name: "ConfigureAwait", Parameters.Length: 1 } configure, Instance: { Type: INamedTypeSymbol receiverType } } configureCall
            && configure.Parameters[0].Type.SpecialType == SpecialType.System_Boolean
            && IsPlainTask(receiverType.OriginalDefinition, types.Blocking)
            && configureCall.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } })
        {
            return new MM0001AwaitConversion(syntax, ConversionKind.ConfiguredGetResult, ImmutableArray<int>.Empty, -1, null);
        }

        return null;
    }

    private static MM0001AwaitConversion? ForWhenAllOrAny(IOperation operation, MM0001FixTypes types, ConversionKind kind)
    {
        if (operation is not IInvocationOperation { TargetMethod: { } method } invocation
            || operation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return null;
        }

        if (kind == ConversionKind.WaitAll ? !method.ReturnsVoid : syntax.Parent is not ExpressionStatementSyntax)
        {
            // WaitAll overloads returning bool take a timeout; WaitAny's index has no await equivalent once it is used.
            return null;
        }

        var dropped = ImmutableArray.CreateBuilder<int>();
        var cancellation = -1;
        foreach (var parameter in method.Parameters)
        {
            if (CodeFixes.Infrastructure.CancellationTokens.IsCancellationToken(parameter.Type))
            {
                continue;
            }

            if (!IsTaskCollection(parameter.Type, types.Task))
            {
                return null; // a timeout
            }
        }

        var arguments = syntax.ArgumentList.Arguments;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || !CodeFixes.Infrastructure.CancellationTokens.IsCancellationToken(argument.Parameter.Type))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var index = argument.Syntax is ArgumentSyntax argumentSyntax ? arguments.IndexOf(argumentSyntax) : -1;
            if (index < 0 || !types.TaskHasWaitAsync)
            {
                return null;
            }

            dropped.Add(index);
            cancellation = index;
        }

        return new MM0001AwaitConversion(syntax, kind, dropped.ToImmutable(), cancellation, null);
    }

    private static bool IsTaskCollection(ITypeSymbol type, INamedTypeSymbol task)
    {
        if (type is IArrayTypeSymbol array)
        {
            return SymbolEqualityComparer.Default.Equals(array.ElementType, task);
        }

        // IEnumerable<Task> and ReadOnlySpan<Task> (.NET 9 overloads)
        return type is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], task);
    }

    private static bool IsPlainTask(INamedTypeSymbol definition, BlockingWaitTypes types)
        => SymbolEqualityComparer.Default.Equals(definition, types.Task)
            || SymbolEqualityComparer.Default.Equals(definition, types.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(definition, types.ValueTask)
            || SymbolEqualityComparer.Default.Equals(definition, types.ValueTaskOfT);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
