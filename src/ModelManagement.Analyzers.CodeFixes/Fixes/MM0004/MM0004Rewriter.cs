using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes.MM0004;

/// <summary>Writes the branch an <see cref="MM0004FixPlan"/> describes: return the fallback, throw, or (where no caller could observe a throw) return.</summary>
internal static class MM0004Rewriter
{
    private const string LocalName = "validation";

    /// <summary>
    /// A discarded result becomes <c>var validation = &lt;call&gt;;</c> plus <c>if (!validation.IsValid) { … }</c> (a <c>bool</c>
    /// result: <c>if (!&lt;call&gt;) { … }</c>); a stored result gets the <c>if</c> right after its statement. The body
    /// returns <paramref name="fallback"/>, or throws <see cref="System.InvalidOperationException"/> when it is null.
    /// </summary>
    public static SyntaxNode Apply(Document document, SyntaxNode root, SemanticModel model, MM0004FixPlan plan, ExpressionSyntax? fallback, CancellationToken cancellationToken)
    {
        // The new local's type: `var`, or the type where the file's style asks for explicit types (LocalTypes).
        TypeSyntax LocalType(ExpressionSyntax value)
            => LocalTypes.For(document.Project, root.SyntaxTree, ValueType(model, value, cancellationToken), apparent: false, SyntaxGenerator.GetGenerator(document));

        // The verdict as an expression: the call as written, or for `task.Wait()` the same wait's `task.Result`.
        var verdictCall = plan.WaitDropsVerdict && ResultOfWait(plan.Call) is { } result ? result : plan.Call;

        var statement = plan.Statement;

        // An embedded statement gets a block of its own: only the enclosing scopes and the statement's names count there,
        // not the declarations of sibling blocks.
        System.Collections.Immutable.ImmutableHashSet<string> Taken()
            => Statements.IsEmbedded(statement)
                ? UniqueNames.TakenAround(model, statement, new SyntaxNode[] { statement }, cancellationToken)
                : UniqueNames.TakenAt(model, statement, cancellationToken);
        // The name of a new verdict local, and the local the branch tests (null for a `bool` result).
        var newName = plan.DiscardedOut is not null || (!plan.InsertAfter && plan.ValidityMember is not null) ? UniqueNames.Choose(LocalName, Taken()) : null;
        var verdictName = plan.DiscardedOut is null ? (plan.InsertAfter ? plan.ExistingLocal ?? LocalName : newName) : null;
        var failure = LibraryFailure(model, plan, verdictName, cancellationToken) ?? Failure(plan.Validator);
        StatementSyntax body = fallback is not null
            ? SyntaxFactory.ReturnStatement(fallback.WithoutTrivia())
            : plan.ReturnsTheVerdict && verdictName is not null
                ? SyntaxFactory.ReturnStatement(plan.VerdictInACompletedTask
                    ? SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeNames.QualifiedExpression("System.Threading.Tasks.Task"), SyntaxFactory.IdentifierName("FromResult")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(verdictName))))))
                    : SyntaxFactory.IdentifierName(UniqueNames.Identifier(verdictName)))
            : plan.SkipsTheItem
                ? SyntaxFactory.ContinueStatement()
            : FaultedTaskResult(statement, model, cancellationToken) is { } task
                ? FaultedTask(task, failure, SyntaxGenerator.GetGenerator(document))
                : plan.ReturnsInsteadOfThrowing
                    ? SyntaxFactory.ReturnStatement()
                    : SyntaxFactory.ThrowStatement(failure);
        var replacement = new List<StatementSyntax>(2);
        if (plan.DiscardedOut is { } discarded)
        {
            // `Validate(x, out _);` becomes `Validate(x, out var validation);` followed by the branch on it.
            var name = newName!;
            var declaration = SyntaxFactory.DeclarationExpression(
                    LocalType(discarded.Expression),
                    SyntaxFactory.SingleVariableDesignation(UniqueNames.Identifier(name)))
                .WithTriviaFrom(discarded.Expression);
            replacement.Add(statement.ReplaceNode(discarded.Expression, declaration));
            replacement.Add(Branch(Verdict(SyntaxFactory.IdentifierName(name), plan.ValidityMember), body, failure: plan.MemberMeansFailure));
        }
        else if (plan.InsertAfter)
        {
            replacement.Add(statement);
            replacement.Add(Branch(Verdict(SyntaxFactory.IdentifierName(plan.ExistingLocal ?? LocalName), plan.ValidityMember, plan.OptionalValidator), body, plan.OptionalValidator, plan.MemberMeansFailure));
        }
        else if (plan.ValidityMember is null)
        {
            // A comment that ended the statement's line ends the condition's line (`if (!Validate(x)) // note`); the
            // branch then gets the formatter's line break and blank line like any other.
            var branch = Branch(verdictCall.WithoutTrivia(), body, plan.OptionalValidator).WithLeadingTrivia(statement.GetLeadingTrivia());
            var comments = CommentsOutsideTheCall(statement, plan.Call);
            replacement.Add(comments.Count == 0
                ? branch
                : branch.WithCloseParenToken(branch.CloseParenToken.WithTrailingTrivia(comments)));
        }
        else
        {
            var name = newName!;
            var declaration = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(
                        LocalType(plan.Call),
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(UniqueNames.Identifier(name))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(verdictCall.WithoutTrivia())))))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(TrailingWithComments(statement, plan.Call));
            replacement.Add(declaration);
            replacement.Add(Branch(Verdict(SyntaxFactory.IdentifierName(name), plan.ValidityMember, plan.OptionalValidator), body, plan.OptionalValidator, plan.MemberMeansFailure));
        }

        // The branch ends its line as the statement did, so the lines below it stay as they were (left elastic, the formatter
        // made exactly one blank line of none, two, or a whitespace-only one: LANCommander under `dotnet format`). A blank
        // line is added where none was unless the file glues statements to its blocks.
        if (statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            replacement[replacement.Count - 1] = replacement[replacement.Count - 1].WithTrailingTrivia(LineEnd(statement));
        }

        var blankLineAfter = !Statements.GluesStatementsToBlocks(root, statement);
        return statement.Parent switch
        {
            BlockSyntax block when Statements.IsOnOneLine(block) // `s => { _m.Validate(s); return s; }`: one statement per line
                => root.ReplaceNode(block, Statements.OnSeparateLines(block.WithStatements(Splice(block.Statements, statement, replacement, blankLineAfter)))),
            BlockSyntax block => root.ReplaceNode(block, block.WithStatements(Splice(block.Statements, statement, replacement, blankLineAfter))),
            SwitchSectionSyntax section => root.ReplaceNode(section, section.WithStatements(Splice(section.Statements, statement, replacement, blankLineAfter))),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global // a top-level program's statement: top-level statements again
                => root.ReplaceNode(unit, unit.WithMembers(SpliceTopLevel(unit.Members, global, replacement, blankLineAfter))),
            _ when Statements.IsEmbedded(statement) => Statements.ReplaceEmbedded(root, statement, replacement, LineEnd(statement)), // `if (c) Validate(x);`: in braces
            _ => root,
        };
    }

    /// <summary>
    /// The type of the verdict <paramref name="call"/> gives: its own, or for <c>task.Wait()</c> (which gives nothing) the
    /// result type of the task it waits for.
    /// </summary>
    internal static ITypeSymbol? ValueType(SemanticModel model, ExpressionSyntax call, CancellationToken cancellationToken)
        => WaitOf(call) is { Expression: MemberAccessExpressionSyntax { Expression: var task } }
            && ResultOfWait(call) is not null
            && model.GetTypeInfo(task, cancellationToken).Type is INamedTypeSymbol { TypeArguments: [var result] } awaitable
            && TaskTypes.IsTaskOfResult(awaitable)
                ? result
                : model.GetTypeInfo(call, cancellationToken).Type;

    /// <summary>The <c>task.Wait(…)</c> call <paramref name="call"/> is, also inside <c>?.</c> (<c>_optional?.ValidateAsync(x).Wait()</c>); null otherwise.</summary>
    internal static InvocationExpressionSyntax? WaitOf(ExpressionSyntax call)
        => (call is ConditionalAccessExpressionSyntax optional ? optional.WhenNotNull : call) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait } invocation
            && Shapes.BlockedOn(wait.Expression).How == Shapes.Blocking.Wait
                ? invocation
                : null;

    /// <summary><c>task.Result</c> for the call <c>task.Wait()</c> (<c>x?.M().Result</c> for <c>x?.M().Wait()</c>); null for any other expression.</summary>
    private static ExpressionSyntax? ResultOfWait(ExpressionSyntax call)
    {
        if (WaitOf(call) is not { Expression: MemberAccessExpressionSyntax wait, ArgumentList.Arguments.Count: 0 })
        {
            return null;
        }

        var result = wait.WithName(SyntaxFactory.IdentifierName("Result").WithTriviaFrom(wait.Name));
        return call is ConditionalAccessExpressionSyntax optional ? optional.WithWhenNotNull(result) : result;
    }

    /// <summary><c>validation.IsValid</c>; from an optional validator (null when it is absent) <c>validation?.IsValid</c>.</summary>
    private static ExpressionSyntax Verdict(ExpressionSyntax local, string? member, bool mayBeNull = false)
        => member is null
            ? local
            : mayBeNull
                ? SyntaxFactory.ConditionalAccessExpression(local, SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName(member)))
                : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, local, SyntaxFactory.IdentifierName(member));

    /// <summary>
    /// <c>if (!verdict) { body }</c>; a nullable verdict (an optional validator's) fails only when it is false. A verdict that
    /// says the validation failed (<paramref name="failure"/>: <c>Failed</c>) is tested as it is, or <c>== true</c> when nullable.
    /// </summary>
    private static IfStatementSyntax Branch(ExpressionSyntax verdict, StatementSyntax body, bool nullableVerdict = false, bool failure = false)
        => SyntaxFactory.IfStatement(
                (nullableVerdict, failure) switch
                {
                    (true, false) => SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, verdict, SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)),
                    (true, true) => SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, verdict, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)),
                    (false, true) => verdict,
                    _ => SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, verdict),
                },
                SyntaxFactory.Block(body))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>
    /// <c>new ValidationException(validation.Errors)</c> where the verdict is FluentValidation's <c>ValidationResult</c> and
    /// the compilation has its <c>ValidationException</c>: the library's own failure, which ASP.NET middleware commonly maps
    /// to a 400 and which carries the errors (an MM0005/MM0004 round over real command handlers: the generic
    /// <c>InvalidOperationException</c> dropped them and surfaced as a 500). Null otherwise.
    /// </summary>
    private static ObjectCreationExpressionSyntax? LibraryFailure(SemanticModel model, MM0004FixPlan plan, string? verdictName, CancellationToken cancellationToken)
    {
        if (verdictName is null || plan.OptionalValidator || plan.MemberMeansFailure || plan.ValidityMember != "IsValid"
            || ValueType(model, plan.Call, cancellationToken) is not INamedTypeSymbol { Name: "ValidationResult", ContainingNamespace: { Name: "Results", ContainingNamespace: { Name: "FluentValidation", ContainingNamespace.IsGlobalNamespace: true } } } result
            || result.GetMembers("Errors").IsEmpty
            || model.Compilation.GetTypeByMetadataName("FluentValidation.ValidationException") is not { } exception
            || !exception.InstanceConstructors.Any(static c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1
                && c.Parameters[0].Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments: [{ Name: "ValidationFailure" }] }))
        {
            return null;
        }

        return SyntaxFactory.ObjectCreationExpression(TypeNames.Qualified("FluentValidation.ValidationException"))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(verdictName), SyntaxFactory.IdentifierName("Errors"))))));
    }

    private static ObjectCreationExpressionSyntax Failure(string validator)
    {
        var type = TypeNames.Qualified("System.InvalidOperationException");
        var message = SyntaxFactory.LiteralExpression(
            SyntaxKind.StringLiteralExpression,
            SyntaxFactory.Literal("Validation failed: " + validator + " rejected the content."));
        return SyntaxFactory.ObjectCreationExpression(type)
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(message))));
    }

    /// <summary>
    /// <c>return Task.FromException&lt;T&gt;(new InvalidOperationException(…));</c> (<c>Task.FromException(…)</c> for a
    /// <c>Task</c>): the failure a non-<c>async</c> method returning <paramref name="task"/> hands its callers in the task,
    /// as an <c>async</c> method's throw would (a shapes round: the throw escaped from the call, out of
    /// <c>items.Select(TellAsync)</c>, before any task existed).
    /// </summary>
    private static ReturnStatementSyntax FaultedTask(INamedTypeSymbol task, ExpressionSyntax failure, SyntaxGenerator generator)
    {
        SimpleNameSyntax fromException = task.Arity == 0
            ? SyntaxFactory.IdentifierName("FromException")
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier("FromException"))
                .WithTypeArgumentList(SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(TypeNames.Imported(generator, task.TypeArguments[0]))));
        return SyntaxFactory.ReturnStatement(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeNames.QualifiedExpression("System.Threading.Tasks.Task"), fromException),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(failure)))));
    }

    /// <summary>
    /// The <c>Task</c>/<c>Task&lt;T&gt;</c> the function around <paramref name="statement"/> returns when it is not
    /// <c>async</c> (a method, local function, lambda or accessor) and no <c>catch</c> of it surrounds the statement (which
    /// the throw would reach); null otherwise — then the fix throws.
    /// </summary>
    private static INamedTypeSymbol? FaultedTaskResult(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var node = statement.Parent; node is not null; node = node.Parent)
        {
            if (node is TryStatementSyntax { Catches.Count: > 0 } tryStatement && tryStatement.Block.Span.Contains(statement.Span))
            {
                return null;
            }

            var function = node switch
            {
                AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
                LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => model.GetDeclaredSymbol(node, cancellationToken),
                _ => null,
            };
            if (function is not null || node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax)
            {
                return function is IMethodSymbol { IsAsync: false, ReturnType: INamedTypeSymbol { Name: "Task" } returned } && TaskTypes.IsTaskOrValueTask(returned)
                    ? returned
                    : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The comments of <paramref name="statement"/> outside <paramref name="call"/> and after the statement's start, in order:
    /// the one after <c>await</c>, the ones between the call and its <c>;</c> (<c>Validate(s) /* note */;</c>, also on a
    /// line of their own) and the one that ends the line. The call itself keeps the comments inside it. A comment after a
    /// <c>//</c> comment starts a new line, which the <c>//</c> would otherwise swallow.
    /// </summary>
    private static List<SyntaxTrivia> CommentsOutsideTheCall(StatementSyntax statement, SyntaxNode call)
        => CommentTrivia.OnOneLine(CommentTrivia.Outside(statement, call.Span, withTrailing: true), codeFollows: false);

    /// <summary>The statement's trailing trivia, or, when comments sit outside the call, those comments and its line break.</summary>
    private static SyntaxTriviaList TrailingWithComments(StatementSyntax statement, SyntaxNode call)
    {
        var comments = CommentsOutsideTheCall(statement, call);
        if (comments.Count == 0)
        {
            return statement.GetTrailingTrivia();
        }

        var lineBreak = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        comments.Add(lineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? lineBreak : SyntaxFactory.ElasticCarriageReturnLineFeed);
        return SyntaxFactory.TriviaList(comments);
    }

    /// <summary>The statement's trailing trivia without its comments, which the replacement statements carry.</summary>
    private static SyntaxTriviaList LineEnd(StatementSyntax statement)
        => SyntaxFactory.TriviaList(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)));

    /// <summary><see cref="Splice"/> for a top-level program: each new statement is a global statement of its own.</summary>
    private static SyntaxList<MemberDeclarationSyntax> SpliceTopLevel(SyntaxList<MemberDeclarationSyntax> members, GlobalStatementSyntax old, List<StatementSyntax> replacement, bool blankLineAfter)
    {
        var index = members.IndexOf(old);
        if (index < 0)
        {
            return members;
        }

        // After the first, a new statement starts its line with no elastic trivia: the formatter puts a blank line between
        // top-level members it may lay out freely, which would part the new local from the branch testing it.
        var spliced = members.RemoveAt(index).InsertRange(index, replacement.Select(static (s, i) => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(
            i == 0 || s.GetLeadingTrivia().Any(static t => !t.IsKind(SyntaxKind.WhitespaceTrivia)) ? s : s.WithLeadingTrivia(SyntaxFactory.TriviaList()))));
        var next = index + replacement.Count;
        return blankLineAfter && next < spliced.Count && spliced[next] is GlobalStatementSyntax following
            ? spliced.Replace(following, following.WithStatement(Statements.WithBlankLineBefore(following.Statement, replacement[replacement.Count - 1])))
            : spliced;
    }

    private static SyntaxList<StatementSyntax> Splice(SyntaxList<StatementSyntax> statements, StatementSyntax old, List<StatementSyntax> replacement, bool blankLineAfter)
    {
        var index = statements.IndexOf(old);
        if (index < 0)
        {
            return statements;
        }

        var spliced = statements.RemoveAt(index).InsertRange(index, replacement);
        var next = index + replacement.Count;
        return blankLineAfter && next < spliced.Count
            ? spliced.Replace(spliced[next], Statements.WithBlankLineBefore(spliced[next], replacement[replacement.Count - 1]))
            : spliced;
    }
}
