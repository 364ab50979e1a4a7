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

/// <summary>The lazy rewrite: the blocking work moves into a private async method an <c>AsyncInitializer</c> runs once, awaited first by the async members.</summary>
internal static class MM0001LazyEdits
{
    public static async Task ApplyAsync(SolutionEditor solutionEditor, MM0001Plan plan, MM0001LazyPlan lazy, CancellationToken cancellationToken)
    {
        var facts = plan.Facts;
        var editor = await solutionEditor.GetDocumentEditorAsync(facts.ConstructorPart.Document.Id, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var types = facts.Types;

        // private readonly AsyncInitializer _initializer;
        var field = SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(
                    TypeNames.Imported(generator, types.AsyncInitializer!),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(lazy.InitializerFieldName))))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        // _initializer = new AsyncInitializer(() => InitializeAsync(a, b));
        // (this. only where the project's qualification settings want it: see MemberReferences)
        ExpressionSyntax callback = lazy.Parameters.IsEmpty
            ? MemberReferences.Own(lazy.DirectMethodName ?? facts.InitializeMethodName, lazy.DirectMethodName is { } direct && IsStaticMethod(facts.Type, direct))
            : SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(),
                SyntaxFactory.InvocationExpression(
                    MemberReferences.Own(facts.InitializeMethodName, isStatic: false),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(lazy.Parameters.Select(p => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(p.Name))))))));
        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            MemberReferences.Own(lazy.InitializerFieldName, isStatic: false),
            SyntaxFactory.ObjectCreationExpression(
                TypeNames.Imported(generator, types.AsyncInitializer!),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(callback))),
                initializer: null));

        var method = MM0001Edits.CreateInitializeMethod(plan.Facts, lazy.MovedStatements, lazy.MovesExpressionBody, lazy.Parameters, generator);
        if (lazy.InitializerAccessorName is { } accessorName)
        {
            // A primary constructor has no body to create the initializer in: an accessor creates it on first use.
            var helperType = TypeNames.Imported(generator, types.AsyncInitializer!);
            var holder = SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(
                        FirstUseAccessors.FieldType(helperType, facts.ConstructorPart.Model, facts.ConstructorPart.Declaration.SpanStart),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(lazy.InitializerFieldName))))
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var accessor = FirstUseAccessors.Accessor(
                generator, types.Compilation, helperType, lazy.InitializerFieldName, accessorName, assignment.Right, facts.ConstructorPart.Declaration.SyntaxTree);
            Members.InsertAfterFields(editor, facts.ConstructorPart.Declaration, new SyntaxNode[] { holder, accessor, method });
        }
        else if (facts.Constructor is { } constructor)
        {
            Members.InsertAfterFields(editor, facts.ConstructorPart.Declaration, new SyntaxNode[] { field });
            if (lazy.DirectMethodName is null)
            {
                // Right after the constructor, or, where StyleCop orders the members (SA1202 on), after the last method: a
                // private method before public ones or a property broke a StyleCop build (a fix-shapes round).
                editor.InsertAfter(StyleCopRules.OrderMembers(editor.OriginalDocument.Project, constructor.SyntaxTree) ? Members.PrivateMethodPlace(constructor) : constructor, method);
            }

            editor.ReplaceNode(constructor, RewriteLazyConstructor(constructor, lazy, assignment));
        }
        else
        {
            // The type had only the implicit constructor: write it (same accessibility) to create the initializer.
            var written = SyntaxFactory.ConstructorDeclaration(facts.ConstructorPart.Declaration.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(lazy.ConstructorAccessibility == "protected" ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword)))
                .WithBody(SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(assignment)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (lazy.NeedsDocumentation)
            {
                written = written.WithLeadingTrivia(DocumentationComments.Summary(
                    "Initializes a new instance; its asynchronous initialization runs on first use.", facts.ConstructorPart.Declaration.SyntaxTree));
            }
            Members.InsertAfterFields(editor, facts.ConstructorPart.Declaration, new SyntaxNode[] { field, written, method });
        }

        await MM0001Edits.ApplyCommonAsync(solutionEditor, plan.Facts, lazy.StateMembers, cancellationToken).ConfigureAwait(false);

        foreach (var target in lazy.EnsureTargets)
        {
            var targetEditor = await solutionEditor.GetDocumentEditorAsync(target.Document, cancellationToken).ConfigureAwait(false);
            var ensureCall = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    MemberReferences.Own(lazy.InitializerAccessorName ?? lazy.InitializerFieldName, isStatic: false),
                    SyntaxFactory.IdentifierName("EnsureInitializedAsync")),
                target.CancellationTokenName is { } token
                    ? SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(token)))))
                    : SyntaxFactory.ArgumentList());

            // `.ConfigureAwait(false)` only where the member already awaits that way: a UI handler keeps its thread, a test
            // its framework's context (xUnit1030).
            var ensure = SyntaxFactory.ExpressionStatement(Awaits.ConfigureAt(target.Node, targetEditor.SemanticModel, cancellationToken)
                    ? Awaits.Configured(ensureCall)
                    : SyntaxFactory.AwaitExpression(ensureCall))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var returnsValue = target.ReturnsValue;
            // A best-effort member (its whole body one try whose catch keeps every exception) awaits inside that try: an
            // initialization failure is then handled like its other failures (a triage: an LLM cache service whose
            // members never fail the chat started throwing the index creation's failure).
            var intoTry = Statements.IsBestEffortBody(target.Node, targetEditor.SemanticModel, cancellationToken);
            // StyleCop's SA1515 wants a blank line above a comment line that no longer opens its block (a consumer round on
            // Polly, warnings as errors: `// Load the names once.` right under the new await).
            var spaceComment = StyleCopRules.IsOn(targetEditor.OriginalDocument.Project, target.Node.SyntaxTree, "SA1515");
            var marker = new SyntaxAnnotation();
            ensure = ensure.WithAdditionalAnnotations(marker);
            targetEditor.ReplaceNode(target.Node, (current, _) =>
            {
                var prepended = (intoTry ? Statements.PrependInBestEffortTry(current, ensure) : null) ?? Statements.Prepend(current, ensure, returnsValue) ?? current;
                return spaceComment ? Statements.BlankLineBeforeCommentAfter(prepended, marker) : prepended;
            });
        }
    }

    /// <summary>True when every method of that name in the type is static (the direct initialization target may be).</summary>
    private static bool IsStaticMethod(INamedTypeSymbol type, string name)
    {
        var any = false;
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method)
            {
                if (!method.IsStatic)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static ConstructorDeclarationSyntax RewriteLazyConstructor(ConstructorDeclarationSyntax constructor, MM0001LazyPlan lazy, ExpressionSyntax assignment)
    {
        if (lazy.MovesExpressionBody && constructor.ExpressionBody is { } arrow)
        {
            return constructor.WithExpressionBody(arrow.WithExpression(assignment.WithTriviaFrom(arrow.Expression)));
        }

        StatementSyntax statement = SyntaxFactory.ExpressionStatement(assignment).WithAdditionalAnnotations(Formatter.Annotation);
        if (lazy.DirectMethodName is not null && lazy.MovedStatements.Length == 1)
        {
            statement = MM0001Edits.WithCommentsOf(statement, lazy.MovedStatements[0]);
        }

        if (constructor.Body is { } body)
        {
            var moved = new HashSet<int>(body.Statements.Select(static (s, i) => (s, i)).Where(p => lazy.MovedStatements.Contains(p.s)).Select(static p => p.i));
            var endsWithMoved = moved.Contains(body.Statements.Count - 1);

            // Where the new statement takes the first moved statement's place, the blank lines and the #region line above
            // that statement stay there, above the new one (a test constructor's blank lines, a `#region warm-up` around
            // the wait); its comments go with it, or with the new statement when that only calls the moved method.
            var place = default(SyntaxTriviaList);
            if (moved.Count > 0 && moved.Min() == lazy.InsertIndex)
            {
                var first = body.Statements[lazy.InsertIndex];
                SyntaxTriviaList own;
                (place, own) = Statements.SplitPlace(first.GetLeadingTrivia());
                body = body.WithStatements(body.Statements.Replace(first, first.WithLeadingTrivia(own)));
            }

            // Every statement before the insertion point stays, so the index holds after the moved ones are removed.
            var remaining = Statements.RemoveKeepingLeadingDirectives(body, s => moved.Contains(body.Statements.IndexOf(s)));
            if (endsWithMoved && remaining.CloseBraceToken.LeadingTrivia.All(static t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                // The statements that ended the body moved: so does the blank line that set them off from the brace (a
                // comment left above the brace keeps its own).
                remaining = remaining.WithCloseBraceToken(Statements.WithoutLeadingBlankLines(remaining.CloseBraceToken));
            }

            var index = System.Math.Min(lazy.InsertIndex, remaining.Statements.Count);
            var result = Statements.Insert(remaining, index, statement);
            if (place.Count > 0)
            {
                var inserted = result.Statements[index];
                result = result.WithStatements(result.Statements.Replace(inserted, inserted.WithLeadingTrivia(place.AddRange(inserted.GetLeadingTrivia()))));
            }

            return constructor.WithBody(result);
        }

        // An expression body whose expression stays (only initializers block): the initializer is created first, as the
        // initializers ran before the body.
        var expressionStatement = SyntaxFactory.ExpressionStatement(constructor.ExpressionBody!.Expression.WithoutTrivia());
        return constructor
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(constructor.ParameterList.WithCloseParenToken(constructor.ParameterList.CloseParenToken.WithTrailingTrivia()))
            .WithBody(SyntaxFactory.Block(statement, expressionStatement).WithTrailingTrivia(constructor.SemicolonToken.TrailingTrivia).WithAdditionalAnnotations(Formatter.Annotation));
    }
}
