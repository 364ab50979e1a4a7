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

/// <summary>The factory rewrite: a static async factory creates the type and awaits its initialization; every creation awaits the factory.</summary>
internal static class MM0001FactoryEdits
{
    public static async Task ApplyAsync(SolutionEditor solutionEditor, MM0001Plan plan, MM0001FactoryPlan factory, CancellationToken cancellationToken)
    {
        var facts = plan.Facts;
        var editor = await solutionEditor.GetDocumentEditorAsync(facts.ConstructorPart.Document.Id, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var types = facts.Types;
        var tree = facts.ConstructorPart.Declaration.SyntaxTree;
        var typeName = TypeNames.Imported(generator, facts.Type);

        // public static async Task<T> CreateAsync(<constructor parameters>, CancellationToken cancellationToken = default)
        var constructorParameters = facts.Constructor?.ParameterList.Parameters ?? default;
        var parameters = new List<ParameterSyntax>();
        var commentsBefore = new List<List<SyntaxTrivia>>();
        foreach (var parameter in constructorParameters)
        {
            // The parameter's comments (`/* the store */ IStore store`) go with it to the factory: the private constructor
            // may drop the parameter, and the factory is where callers now pass it. They follow the `(` or `,` before it.
            var comments = new List<SyntaxTrivia>();
            var around = parameter.GetFirstToken().GetPreviousToken().TrailingTrivia // `, /* the store */ IStore store`
                .AddRange(parameter.GetLeadingTrivia())
                .AddRange(parameter.Type?.GetTrailingTrivia() ?? default)
                .AddRange(parameter.Identifier.TrailingTrivia)
                .AddRange(parameter.Default is null ? default : parameter.GetTrailingTrivia());
            foreach (var trivia in around)
            {
                if (CommentTrivia.IsComment(trivia))
                {
                    comments.Add(trivia);
                    comments.Add(trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) ? SyntaxFactory.ElasticCarriageReturnLineFeed : SyntaxFactory.Space);
                }
            }

            commentsBefore.Add(comments);
            parameters.Add(SyntaxFactory.Parameter(parameter.Identifier.WithoutTrivia())
                .WithType(parameter.Type?.WithoutTrivia())
                .WithDefault(parameter.Default?.WithoutTrivia()));
        }

        var statements = new List<StatementSyntax>();
        if (factory.AddsCancellationToken)
        {
            parameters.Add(SyntaxFactory.Parameter(UniqueNames.Identifier(factory.CancellationTokenName))
                .WithType(TypeNames.Imported(generator, types.CancellationToken))
                .WithDefault(SyntaxFactory.EqualsValueClause(LanguageVersionHelpers.SupportsDefaultLiteral(tree)
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)
                    : SyntaxFactory.DefaultExpression(TypeNames.Imported(generator, types.CancellationToken)))));
            statements.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(factory.CancellationTokenName),
                SyntaxFactory.IdentifierName("ThrowIfCancellationRequested")))));
        }

        var instance = SyntaxFactory.IdentifierName(factory.InstanceName);
        StatementSyntax initialization = SyntaxFactory.ExpressionStatement(Awaits.Configured(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName(factory.DirectMethodName ?? facts.InitializeMethodName)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(factory.Parameters.Select(p => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(p.Name)))))))));
        if (factory.DirectMethodName is not null && factory.MovedStatements.Length == 1)
        {
            initialization = MM0001Edits.WithCommentsOf(initialization, factory.MovedStatements[0]);
        }

        var body = SyntaxFactory.Block(statements.Concat(new StatementSyntax[]
        {
            SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                LocalTypes.For(editor.OriginalDocument.Project, tree, facts.Type, apparent: true, generator),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(factory.InstanceName))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ObjectCreationExpression(
                        typeName,
                        SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(factory.KeptParameters.Select(i => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(constructorParameters[i].Identifier.ValueText)))))),
                        initializer: null)))))),
            initialization,
            SyntaxFactory.ReturnStatement(instance),
        }));

        var taskOfType = types.Blocking.TaskOfT!.Construct(facts.Type);
        var create = SyntaxFactory.MethodDeclaration(TypeNames.Imported(generator, taskOfType), factory.FactoryName)
            .WithModifiers(Members.AccessibilityTokens(factory.FactoryAccessibility)
                .Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword))
                .Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword)))
            .WithParameterList(ParameterListWithComments(parameters, commentsBefore))
            .WithBody(body)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var documentation = MoveDocumentation(facts.Constructor, factory.AddsCancellationToken ? factory.CancellationTokenName : null, tree);
        if (documentation.Count > 0)
        {
            create = create.WithLeadingTrivia(documentation.Insert(0, SyntaxFactory.ElasticMarker));
        }
        else if (factory.NeedsDocumentation)
        {
            create = create.WithLeadingTrivia(DocumentationComments.Summary("Creates a new instance and completes its asynchronous initialization.", tree));
        }

        var method = MM0001Edits.CreateInitializeMethod(plan.Facts, factory.MovedStatements, factory.MovesExpressionBody, factory.Parameters, generator, takesArrowComments: true);
        if (facts.Constructor is { } constructor)
        {
            if (StyleCopRules.OrderMembers(editor.OriginalDocument.Project, constructor.SyntaxTree))
            {
                // StyleCop's order (a fix-shapes round: SA1201/SA1202 broke the build): the public static factory before the
                // type's methods, the private initialization after them.
                var (place, before) = Members.PublicStaticMethodPlace(constructor);
                if (!before)
                {
                    editor.InsertAfter(place, factory.DirectMethodName is null ? new SyntaxNode[] { create, method } : new SyntaxNode[] { create });
                }
                else
                {
                    editor.InsertBefore(place, create);
                    if (factory.DirectMethodName is null)
                    {
                        editor.InsertAfter(Members.PrivateMethodPlace(constructor), method);
                    }
                }
            }
            else
            {
                editor.InsertAfter(constructor, factory.DirectMethodName is null ? new SyntaxNode[] { create, method } : new SyntaxNode[] { create });
            }
            editor.ReplaceNode(constructor, RewriteFactoryConstructor(constructor, factory));
        }
        else
        {
            var written = SyntaxFactory.ConstructorDeclaration(facts.ConstructorPart.Declaration.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
                .WithBody(SyntaxFactory.Block())
                .WithAdditionalAnnotations(Formatter.Annotation);
            Members.InsertAfterFields(editor, facts.ConstructorPart.Declaration, new SyntaxNode[] { written, create, method });
        }

        await MM0001Edits.ApplyCommonAsync(solutionEditor, plan.Facts, factory.StateMembers, cancellationToken).ConfigureAwait(false);

        foreach (var caller in factory.Callers)
        {
            var callerEditor = await solutionEditor.GetDocumentEditorAsync(caller.Document, cancellationToken).ConfigureAwait(false);
            var callerGenerator = callerEditor.Generator;
            // Parentheses only where an await needs them; elsewhere the simplifier of Roslyn 4.8 would leave some of
            // them (in a collection expression: `[(await T.CreateAsync(s))]`, found by an independent consumer).
            var standsAlone = Awaits.StandsAlone(caller.Node);
            var constructorParameterCount = constructorParameters.Count;
            // Decided on the original member, by its own awaits: a caller is code the fix only updates, and its type's other
            // awaits say nothing about the context it runs on.
            var configure = Awaits.ConfigureAt(caller.Node, callerEditor.SemanticModel, cancellationToken, followType: false);
            callerEditor.ReplaceNode(caller.Node, (current, _) => RewriteCreation(
                (BaseObjectCreationExpressionSyntax)current, caller, factory, callerGenerator, constructorParameterCount, standsAlone, configure));
        }
    }

    private static ExpressionSyntax RewriteCreation(
        BaseObjectCreationExpressionSyntax creation,
        MM0001NodeEdit<ExpressionSyntax> caller,
        MM0001FactoryPlan factory,
        SyntaxGenerator generator,
        int constructorParameterCount,
        bool standsAlone,
        bool configure)
    {
        // `new(store)` names no type: the factory call spells it as the file can already see it, adding no using
        // (`Round5.LambdaReader reader = new(store);` got `using Round5;` next to its qualified declaration).
        ExpressionSyntax type = creation is ObjectCreationExpressionSyntax { Type: NameSyntax name }
            ? name.WithoutTrivia()
            : TypeNames.QualifiedExpression(caller.CreatedType!);
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (factory.AddsCancellationToken && caller.CancellationTokenName is { } token)
        {
            var positional = arguments.Count == constructorParameterCount && arguments.All(a => a.NameColon is null);
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(UniqueNames.Identifier(token)));
            arguments = arguments.Add(positional ? argument : argument.WithNameColon(SyntaxFactory.NameColon(factory.CancellationTokenName)));
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(factory.FactoryName))
                .WithAdditionalAnnotations(Simplifier.Annotation), // inside the type itself: CreateAsync(...)
            creation.ArgumentList is { } list
                ? list.WithArguments(arguments).WithoutTrailingTrivia() // `new Rules(/* the source */ source)` keeps the comment on its '('
                : SyntaxFactory.ArgumentList(arguments));
        ExpressionSyntax awaited = configure ? Awaits.Configured(call) : SyntaxFactory.AwaitExpression(call);
        if (!standsAlone)
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return awaited.WithTriviaFrom(creation);
    }

    private static ConstructorDeclarationSyntax RewriteFactoryConstructor(ConstructorDeclarationSyntax constructor, MM0001FactoryPlan factory)
    {
        // Statements first: the moved ones are found by identity in the original body.
        if (factory.MovesExpressionBody && constructor.ExpressionBody is not null)
        {
            constructor = constructor
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(constructor.ParameterList.WithCloseParenToken(constructor.ParameterList.CloseParenToken.WithTrailingTrivia()))
                .WithBody(SyntaxFactory.Block()
                    .WithTrailingTrivia(CommentTrivia.Without(constructor.SemicolonToken.TrailingTrivia)) // `=> …; // note`: the comment moves with the statement
                    .WithAdditionalAnnotations(Formatter.Annotation));
        }
        else if (constructor.Body is { } body && !factory.MovedStatements.IsEmpty)
        {
            constructor = constructor.WithBody(Statements.RemoveKeepingLeadingDirectives(body, factory.MovedStatements.Contains));
        }

        constructor = DocumentationComments.Without(constructor);
        var parameters = constructor.ParameterList.Parameters;
        if (factory.KeptParameters.Length < parameters.Count)
        {
            var kept = new List<ParameterSyntax>();
            foreach (var index in factory.KeptParameters)
            {
                kept.Add(kept.Count == 0 ? parameters[index].WithoutLeadingTrivia() : parameters[index].WithLeadingTrivia(SyntaxFactory.Space));
            }

            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken), System.Math.Max(0, kept.Count - 1));
            constructor = constructor.WithParameterList(constructor.ParameterList.WithParameters(SyntaxFactory.SeparatedList(kept, separators)));
        }

        return constructor.WithModifiers(Members.WithPrivateAccessibility(constructor.Modifiers));
    }

    /// <summary>
    /// The constructor's documentation comment, for the factory that replaces it as the way to create the type (with a
    /// param tag for an added token, <paramref name="tokenName"/>, when the comment documents parameters); empty when it has none.
    /// </summary>
    private static SyntaxTriviaList MoveDocumentation(ConstructorDeclarationSyntax? constructor, string? tokenName, SyntaxTree tree)
    {
        var documentation = constructor is null ? SyntaxTriviaList.Empty : DocumentationComments.Of(constructor);
        var comment = documentation.Count > 0 ? documentation[documentation.Count - 1] : default;
        if (tokenName is null || !comment.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || !comment.ToFullString().Contains("<param "))
        {
            return documentation;
        }

        var indentation = documentation.Count > 1 ? documentation[0].ToString() : string.Empty;
        return SyntaxFactory.ParseLeadingTrivia(documentation.ToFullString()
            + indentation + "/// <param name=\"" + tokenName + "\">Cancels the wait for the creation.</param>" + DocumentationComments.NewLine(tree));
    }

    /// <summary>The factory's parameter list, each copied parameter's comments after the <c>(</c> or <c>,</c> before it.</summary>
    private static ParameterListSyntax ParameterListWithComments(List<ParameterSyntax> parameters, List<List<SyntaxTrivia>> commentsBefore)
    {
        var separators = new List<SyntaxToken>();
        for (var i = 1; i < parameters.Count; i++)
        {
            var trailing = new List<SyntaxTrivia> { SyntaxFactory.Space };
            if (i < commentsBefore.Count)
            {
                trailing.AddRange(commentsBefore[i]);
            }

            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing));
        }

        var openParen = SyntaxFactory.Token(SyntaxKind.OpenParenToken);
        if (commentsBefore.Count > 0 && commentsBefore[0].Count > 0)
        {
            openParen = openParen.WithTrailingTrivia(commentsBefore[0]);
        }

        return SyntaxFactory.ParameterList(openParen, SyntaxFactory.SeparatedList(parameters, separators), SyntaxFactory.Token(SyntaxKind.CloseParenToken));
    }
}
