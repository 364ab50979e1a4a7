using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Builds the syntax of "Convert to single-flight lazy initialization" from a <see cref="MM0005LazyPlan"/>: the field
/// becomes a readonly <c>AsyncLazy&lt;T&gt;</c> / <c>AsyncInitializer</c> created in every constructor (in its
/// initializer when static), the guarded block moves into a new private async method that the delegate names, the check
/// becomes an await, and every reader awaits the lazy value.
/// </summary>
internal static class MM0005LazyRewriter
{
    public static async Task<Document> ApplyAsync(Document document, MM0005LazyPlan plan, CancellationToken cancellationToken)
    {
        if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var generator = editor.Generator;
        var compilation = model.Compilation;
        var lazyType = plan.IsFlag
            ? compilation.GetTypeByMetadataName(MM0005LazyPlanner.AsyncInitializerMetadataName)!
            : compilation.GetTypeByMetadataName(MM0005LazyPlanner.AsyncLazyMetadataName)!.Construct(plan.ValueType!);
        var taskType = plan.IsFlag
            ? compilation.GetTypeByMetadataName("System.Threading.Tasks.Task")!
            : compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1")!.Construct(plan.ValueType!);

        // new AsyncLazy<T>(LoadXAsync) / new AsyncInitializer(InitializeAsync)
        var creation = SyntaxFactory.ObjectCreationExpression(
            TypeNames.Imported(generator, lazyType),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(MemberReferences.Own(plan.MethodName, plan.DirectMethod?.IsStatic ?? plan.Field.IsStatic)))),
            initializer: null);

        // 1. Readers await the value.
        foreach (var reader in plan.Readers)
        {
            var token = plan.TokenReaders.Contains(reader) ? plan.CancellationTokenName : null;
            if (reader.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed
                && plan.ValueType is { NullableAnnotation: not NullableAnnotation.Annotated })
            {
                // `_models!` asserted a loaded value; the awaited lazy value of a non-null type needs no `!` (CS8602 stays quiet).
                editor.ReplaceNode(suppressed, (current, _) => SyntaxFactory.ParenthesizedExpression(
                        AwaitValue(Accessor(((PostfixUnaryExpressionSyntax)current).Operand.WithoutTrivia(), plan), token, reader, compilation))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Simplifier.Annotation));
                continue;
            }

            if (reader.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } valueAccess && valueAccess.Expression == reader
                && plan.ValueType is { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
                && LanguageVersionHelpers.IsAtLeast(reader.SyntaxTree, LanguageVersion.CSharp8))
            {
                // `_quota.Value` after `if (!_quota.HasValue) _quota = await …;`: the check told the compiler the value was
                // there; the awaited `int?` does not, so `(await _quota)!.Value` says it (CS8629 otherwise, a fix-shapes round).
                editor.ReplaceNode(reader, (current, _) => SyntaxFactory.PostfixUnaryExpression(
                        SyntaxKind.SuppressNullableWarningExpression,
                        SyntaxFactory.ParenthesizedExpression(AwaitValue(Accessor(((ExpressionSyntax)current).WithoutTrivia(), plan), token, reader, compilation)))
                    .WithTriviaFrom(current));
                continue;
            }

            editor.ReplaceNode(reader, (current, _) => SyntaxFactory.ParenthesizedExpression(
                    AwaitValue(Accessor(((ExpressionSyntax)current).WithoutTrivia(), plan), token, reader, compilation))
                .WithTriviaFrom(current)
                .WithAdditionalAnnotations(Simplifier.Annotation));
        }

        // 1b. Callers' fast paths (`if (!_initialized) await InitializeAsync();`) become the await alone: the method they
        // call now asks the initializer, which answers at once after the first run. The `if`'s leading trivia (a comment
        // above it) and the statement's own comments stay.
        foreach (var fastPath in plan.CallersFastPaths)
        {
            var awaitStatement = fastPath.Statement is BlockSyntax { Statements: [var only] } ? only : fastPath.Statement;
            editor.ReplaceNode(fastPath, awaitStatement
                .WithLeadingTrivia(fastPath.GetLeadingTrivia())
                .WithTrailingTrivia(awaitStatement.GetTrailingTrivia().Any(static t => CommentTrivia.IsComment(t)) ? awaitStatement.GetTrailingTrivia() : fastPath.GetTrailingTrivia()));
        }

        // 2. The check.
        var fieldName = MemberReferences.Own(plan.AccessorName ?? plan.NewFieldName, plan.Field.IsStatic);
        switch (plan.Check)
        {
            case AssignmentExpressionSyntax coalesce when !plan.KeepAwaitAtCheck
                && coalesce.Parent is ExpressionStatementSyntax statement
                && MM0005LazyPlanner.NextStatement(statement, ImmutableArray<StatementSyntax>.Empty) is not null:
                // `_x ??= await LoadAsync();` as a statement, in a function that reads the value again after it: the
                // readers await the value, so the statement goes (its comments to the next statement, as for a check).
                RemoveStatement(editor, statement, ImmutableArray<StatementSyntax>.Empty, CommentTrivia.Outside(statement, coalesce.Right.Span, withTrailing: false));
                break;
            case AssignmentExpressionSyntax coalesce:
                // Comments between `??=` and the value (`_x ??= /* cached */ await …`) stay here; the value moves without them.
                var inside = CommentTrivia.OnOneLine(CommentTrivia.Outside(coalesce, coalesce.Right.Span, withTrailing: false), codeFollows: true);
                var awaitField = SyntaxFactory.ParenthesizedExpression(AwaitValue(fieldName, plan.CancellationTokenName, coalesce, compilation)).WithTriviaFrom(coalesce);
                if (inside.Count > 0)
                {
                    awaitField = awaitField.WithTrailingTrivia(inside.Concat(coalesce.GetTrailingTrivia()));
                }

                editor.ReplaceNode(coalesce, awaitField.WithAdditionalAnnotations(Simplifier.Annotation));
                break;
            case IfStatementSyntax ifStatement when plan.IsFlag:
                var comments = CommentsLeftBehind(ifStatement, plan);
                var arguments = plan.CancellationTokenName is { } token
                    ? SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(token))))
                    : default;
                var ensure = SyntaxFactory.ExpressionStatement(Awaits.LikeNeighbours(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, fieldName, SyntaxFactory.IdentifierName("EnsureInitializedAsync")),
                        SyntaxFactory.ArgumentList(arguments)),
                    ifStatement,
                    compilation));
                editor.ReplaceNode(ifStatement, (plan.Guard is { } guard
                        ? ifStatement.WithCondition(guard.WithoutTrivia()).WithStatement(SyntaxFactory.Block(WithComments(ensure, comments)))
                        : WithComments(ensure.WithTriviaFrom(ifStatement), comments))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                break;
            case IfStatementSyntax ifStatement when plan.KeepAwaitAtCheck
                || (MM0005LazyPlanner.NextStatement(ifStatement, plan.MovedStatements) is null && HasComments(ifStatement, plan)):
                // Kept (rather than removed) when the function reads the value nowhere else, or when comments on the check
                // have no following statement to go to: they stay on this line.
                editor.ReplaceNode(ifStatement, WithComments(
                        SyntaxFactory.ExpressionStatement(AwaitValue(fieldName, plan.CancellationTokenName, ifStatement, compilation))
                            .WithLeadingTrivia(ifStatement.GetLeadingTrivia())
                            .WithTrailingTrivia(OwnTrailingTrivia(ifStatement, plan)),
                        CommentsLeftBehind(ifStatement, plan))
                    .WithAdditionalAnnotations(Formatter.Annotation));
                break;
            case IfStatementSyntax ifStatement:
                RemoveStatement(editor, ifStatement, plan.MovedStatements, CommentsLeftBehind(ifStatement, plan), EndsInMovedCode(ifStatement, plan));
                break;
        }

        // The flag set at the end of the awaited method: the initializer knows when it is done, so the write goes; its
        // comments stay where it was, above the method's closing brace.
        if (plan.FlagWriteInMethod is { Parent: BlockSyntax methodBody } flagWrite)
        {
            var kept = CommentTrivia.LinesOf(flagWrite);
            editor.RemoveNode(flagWrite, SyntaxRemoveOptions.KeepNoTrivia);
            if (kept.Count > 0)
            {
                editor.ReplaceNode(methodBody, (current, _) => current is BlockSyntax block
                    ? block.WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(kept.Concat(block.CloseBraceToken.LeadingTrivia)))
                    : current);
            }
        }

        // Early-return form: the statements up to the write leave the function (they move into the new method).
        foreach (var statement in plan.MovedStatements)
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        // 3. The initialization method, after the member holding the check.
        // The moved statements keep their own layout through the formatting of the new method (MovedLayout).
        var layout = new MovedLayout();
        var body = new List<StatementSyntax>();
        foreach (var original in plan.Initialization)
        {
            var statement = DetachTokens(original, plan.DetachedTokens);
            body.Add(layout.Mark(body.Count == 0 ? Statements.WithoutLeadingBlankLines(statement) : statement));
        }

        if (!plan.IsFlag)
        {
            var returnValue = SyntaxFactory.ReturnStatement(DetachTokens(plan.Value!, plan.DetachedTokens).WithoutTrivia());
            if (ValueWrite(plan) is { } write)
            {
                // The write becomes this return: the comments above it stay above, the others (on its line, around `=`) end it.
                returnValue = returnValue.WithLeadingTrivia(write.GetLeadingTrivia());
                var onItsLine = CommentTrivia.OnOneLine(CommentTrivia.Outside(write, plan.Value!.Span, withTrailing: true), codeFollows: false);
                if (onItsLine.Count > 0)
                {
                    onItsLine.Add(SyntaxFactory.EndOfLine(DocumentationComments.NewLine(write.SyntaxTree)));
                    returnValue = returnValue.WithTrailingTrivia(onItsLine);
                }
            }

            // Marked too: the value's own lines, and a multi-line comment above the write, keep their layout.
            body.Add(layout.Mark(body.Count == 0 ? Statements.WithoutLeadingBlankLines(returnValue) : returnValue));
        }

        var modifiers = SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword));
        if (plan.Field.IsStatic)
        {
            modifiers = modifiers.Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword));
        }

        var method = MethodBodyStyle.Apply(
                SyntaxFactory.MethodDeclaration(TypeNames.Imported(generator, taskType), UniqueNames.Identifier(plan.MethodName))
                    .WithModifiers(modifiers.Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword)))
                    .WithBody(SyntaxFactory.Block(body)),
                document.Project,
                root.SyntaxTree)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var holder = plan.Check.FirstAncestorOrSelf<MemberDeclarationSyntax>(static m => m.Parent is TypeDeclarationSyntax)!;
        if (plan.DirectMethod is null)
        {
            editor.InsertAfter(Members.PrivateMethodPlace(holder, StyleCopRules.OrderMembers(document.Project, holder.SyntaxTree)), method);
        }

        // 4. The field, and its creation in every constructor (the initializer when static).
        var fieldModifiers = SyntaxFactory.TokenList();
        foreach (var modifier in plan.FieldDeclaration.Modifiers)
        {
            if (!modifier.IsKind(SyntaxKind.VolatileKeyword) && !modifier.IsKind(SyntaxKind.ReadOnlyKeyword))
            {
                fieldModifiers = fieldModifiers.Add(modifier);
            }
        }

        if (plan.AccessorName is { } accessorName)
        {
            // A primary constructor has no body to create the helper in: the field starts null and a private accessor creates
            // it on first use; LazyInitializer publishes one instance for every caller (a losing racer's, never run, is dropped).
            var helperType = TypeNames.Imported(generator, lazyType);
            var field = SyntaxFactory.FieldDeclaration(SyntaxFactory.VariableDeclaration(
                    FirstUseAccessors.FieldType(helperType, model, plan.FieldDeclaration.SpanStart),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(UniqueNames.Identifier(plan.NewFieldName)))))
                .WithAttributeLists(plan.FieldDeclaration.AttributeLists)
                .WithModifiers(fieldModifiers)
                .WithTriviaFrom(plan.FieldDeclaration)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var accessor = FirstUseAccessors.Accessor(generator, compilation, helperType, plan.NewFieldName, accessorName, creation, plan.FieldDeclaration.SyntaxTree);
            editor.InsertAfter(plan.FieldDeclaration, accessor);
            editor.ReplaceNode(plan.FieldDeclaration, field);
            return await FinishAsync(document, editor, layout, cancellationToken).ConfigureAwait(false);
        }

        var declarator = SyntaxFactory.VariableDeclarator(UniqueNames.Identifier(plan.NewFieldName));
        if (plan.Field.IsStatic)
        {
            declarator = declarator.WithInitializer(SyntaxFactory.EqualsValueClause(creation));
        }

        MemberDeclarationSyntax newField = plan.FieldDeclaration is PropertyDeclarationSyntax && !plan.IsFlag
            ? LazyProperty(plan, fieldModifiers, TypeNames.Imported(generator, lazyType), plan.Field.IsStatic ? creation : null)
            : SyntaxFactory.FieldDeclaration(SyntaxFactory.VariableDeclaration(TypeNames.Imported(generator, lazyType), SyntaxFactory.SingletonSeparatedList(declarator)))
                .WithAttributeLists(plan.FieldDeclaration.AttributeLists)
                .WithModifiers(fieldModifiers.Add(SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
        newField = newField.WithTriviaFrom(plan.FieldDeclaration).WithAdditionalAnnotations(Formatter.Annotation);
        editor.ReplaceNode(plan.FieldDeclaration, newField);

        if (!plan.Field.IsStatic)
        {
            var assignment = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, fieldName, creation))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var constructors = 0;
            foreach (var member in plan.Type.Members)
            {
                if (member is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    constructors++;
                    if (constructor.Initializer is { RawKind: (int)SyntaxKind.ThisConstructorInitializer })
                    {
                        continue; // the constructor it calls creates it
                    }

                    // A body of several lines keeps the author's layout (a `){` brace, blank lines): only the new
                    // statement is formatted. An expression body or a one-line body becomes a new block, formatted whole.
                    editor.ReplaceNode(constructor, (current, _) => Statements.Prepend(current, assignment, returnsValue: false, after: IsLazyCreation) is { } prepended
                        ? current is ConstructorDeclarationSyntax { Body: { } body } && !Statements.IsOnOneLine(body)
                            ? prepended
                            : Expand(prepended).WithAdditionalAnnotations(Formatter.Annotation)
                        : current); // no body (the planner refuses that: ConstructorWithoutBody)
                }
            }

            if (constructors == 0)
            {
                var accessibility = plan.Type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
                var constructor = SyntaxFactory.ConstructorDeclaration(plan.Type.Identifier.WithoutTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                    .WithBody(SyntaxFactory.Block(assignment))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                editor.ReplaceNode(plan.Type, (current, _) =>
                {
                    var type = (TypeDeclarationSyntax)current;
                    var index = 0;
                    for (var i = 0; i < type.Members.Count; i++)
                    {
                        if (type.Members[i] is FieldDeclarationSyntax or PropertyDeclarationSyntax or EventFieldDeclarationSyntax)
                        {
                            index = i + 1; // after the state, before the members
                        }
                    }

                    return type.WithMembers(type.Members.Insert(index, constructor));
                });
            }
        }

        return await FinishAsync(document, editor, layout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> FinishAsync(Document document, SyntaxEditor editor, MovedLayout layout, CancellationToken cancellationToken)
    {
        // Formatted now rather than by the code action's clean-up: Fix All applies the next conversion to this result.
        var changed = document.WithSyntaxRoot(FieldOrder.KeepReadonlyFirst(editor.OriginalRoot, editor.GetChangedRoot(), document.Project));
        // In the file's own indentation, where it clearly has one the options do not say (FileIndentation).
        var options = await FileIndentation.OptionsAsync(changed, editor.OriginalRoot.SyntaxTree, cancellationToken).ConfigureAwait(false);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
        if (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } formatted)
        {
            changed = changed.WithSyntaxRoot(layout.Restore(formatted));
        }

        return await SafeImportAdder.AddImportsAsync(changed, document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reader of the state (<c>_x</c>, <c>this._x</c>) as it reads the helper: itself, or through the plan's accessor
    /// (<see cref="MM0005LazyPlan.AccessorName"/>) where a primary constructor left no constructor to create the helper in.
    /// </summary>
    private static ExpressionSyntax Accessor(ExpressionSyntax reader, MM0005LazyPlan plan)
        => plan.AccessorName is not { } name
            ? reader
            : reader is MemberAccessExpressionSyntax access
                ? access.WithName(SyntaxFactory.IdentifierName(UniqueNames.Identifier(name)))
                : SyntaxFactory.IdentifierName(UniqueNames.Identifier(name)).WithTriviaFrom(reader);

    /// <summary>
    /// <c>await _x</c>; or, where the caller's <paramref name="token"/> goes or every await of the member at
    /// <paramref name="site"/> is configured, <c>await _x.GetValueAsync(token)</c>, configured like those awaits
    /// (<see cref="Awaits.LikeNeighbours"/>; <c>await _x</c> itself cannot be configured).
    /// </summary>
    private static AwaitExpressionSyntax AwaitValue(ExpressionSyntax field, string? token, SyntaxNode site, Compilation compilation)
        => token is null && !Awaits.MemberConfiguresAwaits(site, compilation) && !Awaits.ProjectRequiresConfiguredAwaits(site.SyntaxTree, compilation)
            ? SyntaxFactory.AwaitExpression(field)
            : Awaits.LikeNeighbours(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, field, SyntaxFactory.IdentifierName("GetValueAsync")),
                    token is null
                        ? SyntaxFactory.ArgumentList()
                        : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(token)))))),
                site,
                compilation);

    /// <summary>The caller's token, where the moved code passed it on, becomes <c>CancellationToken.None</c>.</summary>
    private static TNode DetachTokens<TNode>(TNode statement, ImmutableArray<IdentifierNameSyntax> tokens)
        where TNode : SyntaxNode
    {
        var inStatement = new List<IdentifierNameSyntax>();
        foreach (var token in tokens)
        {
            if (statement.Span.Contains(token.Span))
            {
                inStatement.Add(token);
            }
        }

        return inStatement.Count == 0
            ? statement
            : statement.ReplaceNodes(inStatement, static (original, _) => SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    TypeNames.QualifiedExpression("System.Threading.CancellationToken").WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
                    SyntaxFactory.IdentifierName("None"))
                .WithTriviaFrom(original)
                .WithAdditionalAnnotations(Simplifier.Annotation));
    }

    /// <summary>
    /// An auto-property holding a value becomes a get-only auto-property of the lazy type (assignable in constructors, or
    /// initialized in place when static): readers keep the name they use.
    /// </summary>
    private static PropertyDeclarationSyntax LazyProperty(MM0005LazyPlan plan, SyntaxTokenList modifiers, TypeSyntax lazyType, ExpressionSyntax? initializer)
    {
        var original = (PropertyDeclarationSyntax)plan.FieldDeclaration;
        var property = SyntaxFactory.PropertyDeclaration(lazyType.WithTrailingTrivia(SyntaxFactory.Space), original.Identifier.WithoutTrivia())
            .WithAttributeLists(original.AttributeLists)
            .WithModifiers(modifiers)
            .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)))));
        return initializer is null
            ? property
            : property.WithInitializer(SyntaxFactory.EqualsValueClause(initializer)).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
    }

    /// <summary>
    /// <c>_x = new AsyncLazy&lt;T&gt;(…);</c> or <c>_x = new AsyncInitializer(…);</c>: an earlier conversion's creation, which
    /// the next one's goes after, so conversions applied one after another create their fields in the order they ran.
    /// </summary>
    private static bool IsLazyCreation(StatementSyntax statement)
        => statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: ObjectCreationExpressionSyntax { Type: var type } } }
            && TypeNames.RightmostIdentifier(type) is "AsyncLazy" or "AsyncInitializer";

    /// <summary>A constructor whose block body sits on one line (<c>{ _store = store; }</c>) gets one statement per line.</summary>
    private static SyntaxNode Expand(SyntaxNode member)
    {
        if (member is not ConstructorDeclarationSyntax { Body: { } body } constructor || !Statements.IsOnOneLine(body))
        {
            return member;
        }

        var statements = new List<StatementSyntax>();
        foreach (var statement in body.Statements)
        {
            statements.Add(statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker));
        }

        var parameters = constructor.ParameterList.WithCloseParenToken(constructor.ParameterList.CloseParenToken.WithTrailingTrivia(SyntaxFactory.ElasticMarker));
        var initializer = constructor.Initializer;
        if (initializer is not null)
        {
            initializer = initializer.WithArgumentList(initializer.ArgumentList.WithCloseParenToken(initializer.ArgumentList.CloseParenToken.WithTrailingTrivia(SyntaxFactory.ElasticMarker)));
            return constructor.WithInitializer(initializer).WithBody(SyntaxFactory.Block(statements).WithTrailingTrivia(body.GetTrailingTrivia()));
        }

        return constructor.WithParameterList(parameters).WithBody(SyntaxFactory.Block(statements).WithTrailingTrivia(body.GetTrailingTrivia()));
    }

    /// <summary>
    /// Comments in the check that do not move with the initialization statements: on the <c>if</c> line, the condition,
    /// the braces and the removed final write (the statement's own leading and trailing trivia are kept by the replacement).
    /// </summary>
    private static List<SyntaxTrivia> CommentsLeftBehind(IfStatementSyntax ifStatement, MM0005LazyPlan plan)
    {
        var comments = new List<SyntaxTrivia>();
        var write = ValueWrite(plan);
        if (!plan.MovedStatements.IsEmpty && plan.MovedStatements[plan.MovedStatements.Length - 1] is var last0 && last0 != write)
        {
            // Early-return form: the write is removed from where it stood, with any comment on it.
            foreach (var trivia in last0.DescendantTrivia())
            {
                if (CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }
        }

        var first = ifStatement.GetFirstToken();
        var last = ifStatement.GetLastToken();
        foreach (var token in ifStatement.DescendantTokens())
        {
            if (IsInMovedStatement(token, plan) || (write is not null && write.FullSpan.Contains(token.Span)))
            {
                continue;
            }

            foreach (var trivia in token.LeadingTrivia)
            {
                if (token != first && CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }

            foreach (var trivia in token.TrailingTrivia)
            {
                if (token != last && CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }
        }

        return comments;
    }

    /// <summary>
    /// The statement that writes the loaded value (<c>_x = await LoadAsync();</c>), which the new method's <c>return</c>
    /// replaces and whose comments go with it; null for a flag (its final <c>_flag = true;</c> is dropped) and for <c>??=</c>.
    /// </summary>
    private static ExpressionStatementSyntax? ValueWrite(MM0005LazyPlan plan)
        => !plan.IsFlag && plan.Check is IfStatementSyntax && plan.Value?.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax
        {
            Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment,
        } write && assignment.Right == plan.Value
            ? write
            : null;

    /// <summary>
    /// The check's last token belongs to code that moves into the load method — the write of a one-line check, <c>if (_x ==
    /// null) _x = await LoadAsync(); // note</c> — so the comments after it go with that code, not onto the line left here.
    /// </summary>
    private static bool EndsInMovedCode(IfStatementSyntax ifStatement, MM0005LazyPlan plan)
    {
        var last = ifStatement.GetLastToken();
        return IsInMovedStatement(last, plan) || (ValueWrite(plan) is { } write && write.FullSpan.Contains(last.Span));
    }

    /// <summary>The check's trailing trivia, without the comments that move with the code it ends in (<see cref="EndsInMovedCode"/>).</summary>
    private static SyntaxTriviaList OwnTrailingTrivia(IfStatementSyntax ifStatement, MM0005LazyPlan plan)
    {
        var trailing = ifStatement.GetTrailingTrivia();
        if (!EndsInMovedCode(ifStatement, plan))
        {
            return trailing;
        }

        var kept = new List<SyntaxTrivia>();
        foreach (var trivia in trailing)
        {
            if (!CommentTrivia.IsComment(trivia) && !(trivia.IsKind(SyntaxKind.WhitespaceTrivia) && kept.Count == 0))
            {
                kept.Add(trivia);
            }
        }

        return SyntaxFactory.TriviaList(kept);
    }

    private static bool IsInMovedStatement(SyntaxToken token, MM0005LazyPlan plan)
    {
        foreach (var statement in plan.Initialization)
        {
            if (statement.FullSpan.Contains(token.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="statement"/> with <paramref name="comments"/> after it on its line, before its own trailing trivia.</summary>
    private static StatementSyntax WithComments(StatementSyntax statement, List<SyntaxTrivia> comments)
    {
        if (comments.Count == 0)
        {
            return statement;
        }

        var trailing = new List<SyntaxTrivia>();
        foreach (var comment in comments)
        {
            trailing.Add(SyntaxFactory.Space);
            trailing.Add(comment);
        }

        foreach (var trivia in statement.GetTrailingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) || trailing.Count == 0)
            {
                trailing.Add(trivia);
            }
        }

        return statement.WithTrailingTrivia(trailing);
    }

    /// <summary>
    /// Removes the check (and the moved statements after it); the next statement loses the blank line that separated them,
    /// and takes the comments: those above the check stay above it, those on the check's lines (and on the moved write)
    /// end its line.
    /// </summary>
    private static void RemoveStatement(SyntaxEditor editor, StatementSyntax ifStatement, ImmutableArray<StatementSyntax> moved, List<SyntaxTrivia> comments, bool endsInMovedCode = false)
    {
        if (MM0005LazyPlanner.NextStatement(ifStatement, moved) is { } next)
        {
            foreach (var trivia in endsInMovedCode ? default : ifStatement.GetLastToken().TrailingTrivia)
            {
                if (CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }

            var above = CommentLinesAbove(ifStatement);
            editor.ReplaceNode(next, (current, _) =>
            {
                var statement = Statements.WithoutLeadingBlankLines((StatementSyntax)current);
                if (above.Count > 0)
                {
                    statement = statement.WithLeadingTrivia(above.Concat(statement.GetLeadingTrivia()));
                }

                return WithComments(statement, comments);
            });
        }

        else if (ifStatement.GetLeadingTrivia().Any(t => t.IsDirective))
        {
            editor.RemoveNode(ifStatement, SyntaxRemoveOptions.KeepDirectives); // nothing follows to carry them
            return;
        }

        editor.RemoveNode(ifStatement, SyntaxRemoveOptions.KeepNoTrivia);
    }

    /// <summary>Whether any comment sits on the check: above it, inside it, at the end of its line, or on the moved write.</summary>
    private static bool HasComments(IfStatementSyntax ifStatement, MM0005LazyPlan plan)
    {
        foreach (var trivia in ifStatement.GetLeadingTrivia().Concat(ifStatement.GetLastToken().TrailingTrivia))
        {
            if (CommentTrivia.IsComment(trivia))
            {
                return true;
            }
        }

        return CommentsLeftBehind(ifStatement, plan).Count > 0;
    }

    /// <summary>
    /// The check's leading trivia up to its own indentation when it holds a comment (<c>// load once</c>) or a directive
    /// (the <c>#endif</c> or <c>#region</c> just above it, which must stay where it is); else empty.
    /// </summary>
    private static List<SyntaxTrivia> CommentLinesAbove(StatementSyntax ifStatement)
    {
        var leading = ifStatement.GetLeadingTrivia();
        var result = new List<SyntaxTrivia>();
        var hasComment = false;
        foreach (var trivia in leading)
        {
            hasComment |= CommentTrivia.IsComment(trivia) || trivia.IsDirective;
        }

        if (!hasComment)
        {
            return result;
        }

        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--; // the check's indentation: the next statement has its own
        }

        for (var i = 0; i < end; i++)
        {
            result.Add(leading[i]);
        }

        return result;
    }
}
