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

/// <summary>Applies <see cref="MM0001Plan"/>s to a solution: all edits of all planned types through one solution editor.</summary>
internal static class MM0001Rewriter
{
    /// <summary>Rewrites every planned type with the rewrite its plan offers: lazily where that is safe, else with a factory.</summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<MM0001Plan> plans, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(solution);
        foreach (var plan in plans)
        {
            if (plan.Lazy is not null)
            {
                await ApplyLazyAsync(editor, plan, plan.Lazy, cancellationToken).ConfigureAwait(false);
            }
            else if (plan.Factory is not null)
            {
                await ApplyFactoryAsync(editor, plan, plan.Factory, cancellationToken).ConfigureAwait(false);
            }
        }

        // New type names are written fully qualified with the add-imports annotation: the document gets the using
        // directives (in its own style) unless one would make a name ambiguous, then the simplifier shortens the names.
        var changed = editor.GetChangedSolution();
        foreach (var projectChanges in changed.GetChanges(solution).GetProjectChanges())
        {
            foreach (var documentId in projectChanges.GetChangedDocuments())
            {
                var document = changed.GetDocument(documentId);
                if (document is not null)
                {
                    document = await SafeImportAdder.AddImportsAsync(document, solution.GetDocument(documentId), cancellationToken).ConfigureAwait(false);
                    changed = document.Project.Solution;
                }
            }
        }

        return changed;
    }

    private static async Task ApplyLazyAsync(SolutionEditor solutionEditor, MM0001Plan plan, MM0001LazyPlan lazy, CancellationToken cancellationToken)
    {
        var shared = plan.Shared;
        var editor = await solutionEditor.GetDocumentEditorAsync(shared.ConstructorDocument, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var types = plan.Types;

        // private readonly AsyncInitializer _initializer;
        var field = SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(
                    TypeName(generator, types.AsyncInitializer!),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(lazy.InitializerFieldName))))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        // _initializer = new AsyncInitializer(() => InitializeAsync(a, b));
        ExpressionSyntax callback = lazy.Parameters.IsEmpty
            ? SyntaxFactory.IdentifierName(shared.InitializeMethodName)
            : SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(),
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.IdentifierName(shared.InitializeMethodName),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(lazy.Parameters.Select(p => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(p.Name)))))));
        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(lazy.InitializerFieldName),
            SyntaxFactory.ObjectCreationExpression(
                TypeName(generator, types.AsyncInitializer!),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(callback))),
                initializer: null));

        var method = CreateInitializeMethod(plan, lazy.MovedStatements, lazy.MovesExpressionBody, lazy.Parameters, generator);
        if (shared.Constructor is { } constructor)
        {
            InsertAfterMember(editor, shared.ConstructorPart, LastField(shared.ConstructorPart), new SyntaxNode[] { field });
            editor.InsertAfter(constructor, method);
            editor.ReplaceNode(constructor, RewriteLazyConstructor(constructor, lazy, assignment));
        }
        else
        {
            // The type had only the implicit constructor: write it (same accessibility) to create the initializer.
            var written = SyntaxFactory.ConstructorDeclaration(shared.ConstructorPart.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(lazy.ConstructorAccessibility == "protected" ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword)))
                .WithBody(SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(assignment)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (lazy.NeedsDocumentation)
            {
                written = written.WithLeadingTrivia(DocumentationComments.Summary(
                    "Initializes a new instance; its asynchronous initialization runs on first use.", shared.ConstructorPart.SyntaxTree));
            }
            InsertAfterMember(editor, shared.ConstructorPart, LastField(shared.ConstructorPart), new SyntaxNode[] { field, written, method });
        }

        await ApplyCommonAsync(solutionEditor, plan, lazy.StateMembers, cancellationToken).ConfigureAwait(false);

        foreach (var target in lazy.EnsureTargets)
        {
            var targetEditor = await solutionEditor.GetDocumentEditorAsync(target.Document, cancellationToken).ConfigureAwait(false);
            var ensure = SyntaxFactory.ExpressionStatement(
                    Await(SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            SyntaxFactory.IdentifierName(lazy.InitializerFieldName),
                            SyntaxFactory.IdentifierName("EnsureInitializedAsync")),
                        target.CancellationTokenName is { } token
                            ? SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token))))
                            : SyntaxFactory.ArgumentList())))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var returnsValue = target.ReturnsValue;
            targetEditor.ReplaceNode(target.Node, (current, _) => Statements.Prepend(current, ensure, returnsValue) ?? current);
        }
    }

    private static async Task ApplyFactoryAsync(SolutionEditor solutionEditor, MM0001Plan plan, MM0001FactoryPlan factory, CancellationToken cancellationToken)
    {
        var shared = plan.Shared;
        var editor = await solutionEditor.GetDocumentEditorAsync(shared.ConstructorDocument, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var types = plan.Types;
        var tree = shared.ConstructorPart.SyntaxTree;
        var typeName = TypeName(generator, plan.Type);

        // public static async Task<T> CreateAsync(<constructor parameters>, CancellationToken cancellationToken = default)
        var constructorParameters = shared.Constructor?.ParameterList.Parameters ?? default;
        var parameters = new List<ParameterSyntax>();
        foreach (var parameter in constructorParameters)
        {
            parameters.Add(SyntaxFactory.Parameter(parameter.Identifier.WithoutTrivia())
                .WithType(parameter.Type?.WithoutTrivia())
                .WithDefault(parameter.Default?.WithoutTrivia()));
        }

        parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(factory.CancellationTokenName))
            .WithType(TypeName(generator, types.CancellationToken))
            .WithDefault(SyntaxFactory.EqualsValueClause(LanguageVersionHelpers.SupportsDefaultLiteral(tree)
                ? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)
                : SyntaxFactory.DefaultExpression(TypeName(generator, types.CancellationToken)))));

        var instance = SyntaxFactory.IdentifierName(factory.InstanceName);
        var body = SyntaxFactory.Block(
            SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(factory.CancellationTokenName),
                SyntaxFactory.IdentifierName("ThrowIfCancellationRequested")))),
            SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                SyntaxFactory.IdentifierName("var"),
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(factory.InstanceName))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ObjectCreationExpression(
                        typeName,
                        SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(factory.KeptParameters.Select(i => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(constructorParameters[i].Identifier.ValueText))))),
                        initializer: null)))))),
            SyntaxFactory.ExpressionStatement(Await(SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName(shared.InitializeMethodName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(factory.Parameters.Select(p => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(p.Name)))))))),
            SyntaxFactory.ReturnStatement(instance));

        var taskOfType = types.Blocking.TaskOfT!.Construct(plan.Type);
        var create = SyntaxFactory.MethodDeclaration(TypeName(generator, taskOfType), factory.FactoryName)
            .WithModifiers(AccessibilityTokens(factory.FactoryAccessibility)
                .Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword))
                .Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)))
            .WithBody(body)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var documentation = MoveDocumentation(shared.Constructor, factory.CancellationTokenName, tree);
        if (documentation.Count > 0)
        {
            create = create.WithLeadingTrivia(documentation.Insert(0, SyntaxFactory.ElasticMarker));
        }
        else if (factory.NeedsDocumentation)
        {
            create = create.WithLeadingTrivia(DocumentationComments.Summary("Creates a new instance and completes its asynchronous initialization.", tree));
        }

        var method = CreateInitializeMethod(plan, factory.MovedStatements, factory.MovesExpressionBody, factory.Parameters, generator);
        if (shared.Constructor is { } constructor)
        {
            editor.InsertAfter(constructor, new SyntaxNode[] { create, method });
            editor.ReplaceNode(constructor, RewriteFactoryConstructor(constructor, factory));
        }
        else
        {
            var written = SyntaxFactory.ConstructorDeclaration(shared.ConstructorPart.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
                .WithBody(SyntaxFactory.Block())
                .WithAdditionalAnnotations(Formatter.Annotation);
            InsertAfterMember(editor, shared.ConstructorPart, LastField(shared.ConstructorPart), new SyntaxNode[] { written, create, method });
        }

        await ApplyCommonAsync(solutionEditor, plan, factory.StateMembers, cancellationToken).ConfigureAwait(false);

        foreach (var caller in factory.Callers)
        {
            var callerEditor = await solutionEditor.GetDocumentEditorAsync(caller.Document, cancellationToken).ConfigureAwait(false);
            var callerGenerator = callerEditor.Generator;
            var statementContext = caller.Node.Parent is ExpressionStatementSyntax;
            var constructorParameterCount = constructorParameters.Count;
            callerEditor.ReplaceNode(caller.Node, (current, _) => RewriteCreation(
                (BaseObjectCreationExpressionSyntax)current, caller, factory, callerGenerator, constructorParameterCount, statementContext));
        }
    }

    private static ExpressionSyntax RewriteCreation(
        BaseObjectCreationExpressionSyntax creation,
        MM0001NodeEdit<ExpressionSyntax> caller,
        MM0001FactoryPlan factory,
        SyntaxGenerator generator,
        int constructorParameterCount,
        bool statementContext)
    {
        ExpressionSyntax type = creation is ObjectCreationExpressionSyntax { Type: NameSyntax name }
            ? name.WithoutTrivia()
            : TypeName(generator, caller.CreatedType!);
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (caller.CancellationTokenName is { } token)
        {
            var positional = arguments.Count == constructorParameterCount && arguments.All(a => a.NameColon is null);
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
            arguments = arguments.Add(positional ? argument : argument.WithNameColon(SyntaxFactory.NameColon(factory.CancellationTokenName)));
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(factory.FactoryName))
                .WithAdditionalAnnotations(Simplifier.Annotation), // inside the type itself: CreateAsync(...)
            SyntaxFactory.ArgumentList(arguments));
        ExpressionSyntax awaited = Await(call);
        if (!statementContext)
        {
            awaited = SyntaxFactory.ParenthesizedExpression(awaited).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return awaited.WithTriviaFrom(creation);
    }

    /// <summary>Converted methods, fields and properties the moved code assigns.</summary>
    private static async Task ApplyCommonAsync(SolutionEditor solutionEditor, MM0001Plan plan, ImmutableArray<MM0001StateMember> members, CancellationToken cancellationToken)
    {
        var conversions = plan.Shared.Conversions;
        foreach (var converted in plan.Shared.ConvertedMethods)
        {
            var editor = await solutionEditor.GetDocumentEditorAsync(converted.Document, cancellationToken).ConfigureAwait(false);
            var symbol = editor.SemanticModel.GetDeclaredSymbol(converted.Declaration, cancellationToken)!;
            editor.ReplaceNode(converted.Declaration, ConvertMethod(converted, symbol, conversions, plan.Types, editor.Generator));
        }

        foreach (var member in members)
        {
            var editor = await solutionEditor.GetDocumentEditorAsync(member.Document, cancellationToken).ConfigureAwait(false);
            switch (member.Declaration)
            {
                case VariableDeclaratorSyntax declarator:
                    editor.ReplaceNode(declarator, (current, _) => RewriteDeclarator((VariableDeclaratorSyntax)current, member));
                    if (member.RemoveReadOnly && declarator.Parent?.Parent is FieldDeclarationSyntax field)
                    {
                        editor.ReplaceNode(field, (current, _) => RemoveModifier((FieldDeclarationSyntax)current, SyntaxKind.ReadOnlyKeyword));
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    var isPrivate = editor.SemanticModel.GetDeclaredSymbol(property, cancellationToken) is { DeclaredAccessibility: Accessibility.Private };
                    editor.ReplaceNode(property, (current, _) => RewriteProperty((PropertyDeclarationSyntax)current, member, isPrivate));
                    break;
            }
        }
    }

    private static PostfixUnaryExpressionSyntax NullForgiving(bool isTypeParameter)
        => SyntaxFactory.PostfixUnaryExpression(
            SyntaxKind.SuppressNullableWarningExpression,
            isTypeParameter ? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression) : SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));

    private static VariableDeclaratorSyntax RewriteDeclarator(VariableDeclaratorSyntax declarator, MM0001StateMember member)
    {
        if (member.AddNullForgivingInitializer)
        {
            return declarator.Initializer is { } existing
                ? declarator.WithInitializer(existing.WithValue(NullForgiving(member.IsTypeParameter).WithTriviaFrom(existing.Value)))
                : declarator.WithInitializer(SyntaxFactory.EqualsValueClause(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    NullForgiving(member.IsTypeParameter)));
        }

        if (declarator.Initializer is { } initializer && member.MovesInitializer)
        {
            return declarator.WithInitializer(null)
                .WithIdentifier(declarator.Identifier.WithTrailingTrivia(initializer.GetTrailingTrivia()));
        }

        return declarator;
    }

    private static PropertyDeclarationSyntax RewriteProperty(PropertyDeclarationSyntax property, MM0001StateMember member, bool isPrivate)
    {
        var accessors = property.AccessorList!;
        if (member.AddSetter)
        {
            var init = accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.InitAccessorDeclaration));
            if (init is not null)
            {
                accessors = accessors.ReplaceNode(init, SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                    .WithModifiers(init.Modifiers)
                    .WithSemicolonToken(init.SemicolonToken)
                    .WithTriviaFrom(init));
            }
            else
            {
                var last = accessors.Accessors.Last();
                var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                    .WithTrailingTrivia(last.GetTrailingTrivia());
                if (!isPrivate)
                {
                    setter = setter.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PrivateKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
                }

                accessors = accessors.WithAccessors(accessors.Accessors
                    .Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space))
                    .Add(setter));
            }
        }

        property = property.WithAccessorList(accessors);
        if (member.AddNullForgivingInitializer)
        {
            return property.Initializer is { } existing
                ? property.WithInitializer(existing.WithValue(NullForgiving(member.IsTypeParameter).WithTriviaFrom(existing.Value)))
                : property
                    .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(SyntaxFactory.Space)))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(
                        SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                        NullForgiving(member.IsTypeParameter)))
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, property.AccessorList.CloseBraceToken.TrailingTrivia));
        }

        if (property.Initializer is not null && member.MovesInitializer)
        {
            var semicolon = property.SemicolonToken;
            return property.WithInitializer(null)
                .WithSemicolonToken(default)
                .WithAccessorList(property.AccessorList!.WithCloseBraceToken(property.AccessorList.CloseBraceToken.WithTrailingTrivia(semicolon.TrailingTrivia)));
        }

        return property;
    }

    private static TNode RemoveModifier<TNode>(TNode node, SyntaxKind kind)
        where TNode : MemberDeclarationSyntax
    {
        var modifiers = node.Modifiers;
        var index = modifiers.IndexOf(kind);
        if (index < 0)
        {
            return node;
        }

        var removed = modifiers[index];
        modifiers = modifiers.RemoveAt(index);
        if (index < modifiers.Count)
        {
            modifiers = modifiers.Replace(modifiers[index], modifiers[index].WithLeadingTrivia(removed.LeadingTrivia.AddRange(modifiers[index].LeadingTrivia)));
            return (TNode)node.WithModifiers(modifiers);
        }

        if (index == 0 && node is BaseFieldDeclarationSyntax field)
        {
            return (TNode)(MemberDeclarationSyntax)field.WithModifiers(modifiers).WithDeclaration(
                field.Declaration.WithType(field.Declaration.Type.WithLeadingTrivia(removed.LeadingTrivia.AddRange(field.Declaration.Type.GetLeadingTrivia()))));
        }

        return (TNode)node.WithModifiers(modifiers);
    }

    private static SyntaxTokenList AccessibilityTokens(Accessibility accessibility)
        => accessibility switch
        {
            Accessibility.Public => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)),
            Accessibility.Internal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.InternalKeyword)),
            Accessibility.Protected => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.ProtectedKeyword)),
            Accessibility.ProtectedOrInternal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.ProtectedKeyword), SyntaxFactory.Token(SyntaxKind.InternalKeyword)),
            Accessibility.ProtectedAndInternal => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ProtectedKeyword)),
            _ => SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)),
        };

    /// <summary>A type written fully qualified, marked so the document gets its using directive and the name is shortened.</summary>
    internal static TypeSyntax TypeName(SyntaxGenerator generator, ITypeSymbol type) => TypeNames.Imported(generator, type);

    /// <summary><c>await expression.ConfigureAwait(false)</c></summary>
    private static AwaitExpressionSyntax Await(ExpressionSyntax expression)
        => SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName("ConfigureAwait")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression))))));

    /// <summary>Applies the conversions inside <paramref name="node"/> and of the node itself (innermost first, so nested ones compose).</summary>
    private static SyntaxNode Convert(SyntaxNode node, ImmutableArray<MM0001AwaitConversion> conversions, SyntaxGenerator generator, INamedTypeSymbol task)
    {
        var inside = new Dictionary<SyntaxNode, MM0001AwaitConversion>();
        MM0001AwaitConversion? self = null;
        foreach (var conversion in conversions)
        {
            if (conversion.Node == node)
            {
                self = conversion;
            }
            else if (conversion.Node.SyntaxTree == node.SyntaxTree && node.FullSpan.Contains(conversion.Node.Span))
            {
                inside[conversion.Node] = conversion;
            }
        }

        var converted = inside.Count == 0
            ? node
            : node.ReplaceNodes(inside.Keys, (original, current) => inside[original].Build(current, generator, task));
        return self is null ? converted : self.Build(converted, generator, task);
    }

    private static MethodDeclarationSyntax CreateInitializeMethod(
        MM0001Plan plan,
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        ImmutableArray<MM0001CapturedVariable> parameters,
        SyntaxGenerator generator)
    {
        var shared = plan.Shared;
        var task = plan.Types.Task;
        var statements = new List<StatementSyntax>();
        foreach (var initializer in shared.Initializers)
        {
            var value = (ExpressionSyntax)Convert(initializer.Initializer.Value, shared.Conversions, generator, task);
            statements.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(initializer.Member.Name),
                    value.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (movesExpressionBody && shared.Constructor?.ExpressionBody is { } arrow)
        {
            var expression = (ExpressionSyntax)Convert(arrow.Expression, shared.Conversions, generator, task);
            statements.Add(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
        }

        foreach (var statement in movedStatements)
        {
            var converted = (StatementSyntax)Convert(statement, shared.Conversions, generator, task);
            statements.Add(statements.Count == 0 ? Statements.WithoutLeadingBlankLines(converted) : converted);
        }

        var parameterList = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters.Select(p =>
            SyntaxFactory.Parameter(SyntaxFactory.Identifier(p.Name))
                .WithType(p.DeclaredType?.WithoutTrivia() ?? TypeName(generator, ((ILocalSymbol)p.Symbol).Type)))));

        // The moved statements keep their own trivia (indentation, comments); a real line break after the brace keeps
        // the formatter from shifting their multi-line comments.
        var openBrace = SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.EndOfLine(DocumentationComments.NewLine(shared.ConstructorPart.SyntaxTree)));
        return SyntaxFactory.MethodDeclaration(TypeName(generator, task), shared.InitializeMethodName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.AsyncKeyword)))
            .WithParameterList(parameterList)
            .WithBody(SyntaxFactory.Block(openBrace, SyntaxFactory.List(statements), SyntaxFactory.Token(SyntaxKind.CloseBraceToken)));
    }

    private static ConstructorDeclarationSyntax RewriteLazyConstructor(ConstructorDeclarationSyntax constructor, MM0001LazyPlan lazy, ExpressionSyntax assignment)
    {
        if (lazy.MovesExpressionBody && constructor.ExpressionBody is { } arrow)
        {
            return constructor.WithExpressionBody(arrow.WithExpression(assignment.WithTriviaFrom(arrow.Expression)));
        }

        var statement = SyntaxFactory.ExpressionStatement(assignment).WithAdditionalAnnotations(Formatter.Annotation);
        if (constructor.Body is { } body)
        {
            var kept = new List<StatementSyntax>();
            for (var i = 0; i < body.Statements.Count; i++)
            {
                if (i == lazy.InsertIndex)
                {
                    kept.Add(statement);
                }

                if (!lazy.MovedStatements.Contains(body.Statements[i]))
                {
                    kept.Add(body.Statements[i]);
                }
            }

            if (lazy.InsertIndex >= body.Statements.Count)
            {
                kept.Add(statement);
            }

            return constructor.WithBody(body.WithStatements(SyntaxFactory.List(kept)));
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

    private static ConstructorDeclarationSyntax RewriteFactoryConstructor(ConstructorDeclarationSyntax constructor, MM0001FactoryPlan factory)
    {
        // Statements first: the moved ones are found by identity in the original body.
        if (factory.MovesExpressionBody && constructor.ExpressionBody is not null)
        {
            constructor = constructor
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(constructor.ParameterList.WithCloseParenToken(constructor.ParameterList.CloseParenToken.WithTrailingTrivia()))
                .WithBody(SyntaxFactory.Block().WithAdditionalAnnotations(Formatter.Annotation));
        }
        else if (constructor.Body is { } body && !factory.MovedStatements.IsEmpty)
        {
            var kept = new List<StatementSyntax>();
            foreach (var statement in body.Statements)
            {
                if (!factory.MovedStatements.Contains(statement))
                {
                    kept.Add(statement);
                }
            }

            constructor = constructor.WithBody(body.WithStatements(SyntaxFactory.List(kept)));
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

        var modifiers = constructor.Modifiers;
        var accessibility = new List<SyntaxToken>();
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword) || modifier.IsKind(SyntaxKind.ProtectedKeyword) || modifier.IsKind(SyntaxKind.PrivateKeyword))
            {
                accessibility.Add(modifier);
            }
        }

        if (accessibility.Count > 0)
        {
            var index = modifiers.IndexOf(accessibility[0]);
            var leading = accessibility[0].LeadingTrivia;
            var trailing = accessibility[accessibility.Count - 1].TrailingTrivia;
            var remaining = new List<SyntaxToken>();
            foreach (var modifier in modifiers)
            {
                if (!accessibility.Contains(modifier))
                {
                    remaining.Add(modifier);
                }
            }

            remaining.Insert(index, SyntaxFactory.Token(leading, SyntaxKind.PrivateKeyword, trailing));
            constructor = constructor.WithModifiers(SyntaxFactory.TokenList(remaining));
        }

        return constructor;
    }

    /// <summary>
    /// The constructor's documentation comment, for the factory that replaces it as the way to create the type (with a
    /// param tag for the token when the comment documents parameters); empty when it has none.
    /// </summary>
    private static SyntaxTriviaList MoveDocumentation(ConstructorDeclarationSyntax? constructor, string tokenName, SyntaxTree tree)
    {
        var documentation = constructor is null ? SyntaxTriviaList.Empty : DocumentationComments.Of(constructor);
        var comment = documentation.Count > 0 ? documentation[documentation.Count - 1] : default;
        if (!comment.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || !comment.ToFullString().Contains("<param "))
        {
            return documentation;
        }

        var indentation = documentation.Count > 1 ? documentation[0].ToString() : string.Empty;
        return SyntaxFactory.ParseLeadingTrivia(documentation.ToFullString()
            + indentation + "/// <param name=\"" + tokenName + "\">Cancels the wait for the creation.</param>" + DocumentationComments.NewLine(tree));
    }

    /// <summary>An own method on the blocking path: <c>async Task</c>/<c>async Task&lt;T&gt;</c>, renamed, its blocking calls awaited.</summary>
    private static MethodDeclarationSyntax ConvertMethod(
        MM0001ConvertedMethod converted,
        IMethodSymbol symbol,
        ImmutableArray<MM0001AwaitConversion> conversions,
        MM0001FixTypes types,
        SyntaxGenerator generator)
    {
        var declaration = (MethodDeclarationSyntax)Convert(converted.Declaration, conversions, generator, types.Task);
        var returnType = symbol.ReturnsVoid
            ? TypeName(generator, types.Task)
            : TypeName(generator, types.Blocking.TaskOfT!.Construct(symbol.ReturnType));
        var modifiers = declaration.Modifiers;
        var oldReturnType = declaration.ReturnType;
        var asyncToken = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        if (modifiers.Count == 0)
        {
            asyncToken = asyncToken.WithLeadingTrivia(oldReturnType.GetLeadingTrivia());
            oldReturnType = oldReturnType.WithoutLeadingTrivia();
        }

        return declaration
            .WithModifiers(modifiers.Add(asyncToken))
            .WithReturnType(returnType.WithTriviaFrom(oldReturnType))
            .WithIdentifier(SyntaxFactory.Identifier(converted.NewName).WithTriviaFrom(declaration.Identifier));
    }

    private static FieldDeclarationSyntax? LastField(TypeDeclarationSyntax type)
    {
        FieldDeclarationSyntax? last = null;
        foreach (var member in type.Members)
        {
            if (member is FieldDeclarationSyntax field)
            {
                last = field;
            }
        }

        return last;
    }

    private static void InsertAfterMember(DocumentEditor editor, TypeDeclarationSyntax part, SyntaxNode? anchor, SyntaxNode[] members)
    {
        if (anchor is not null)
        {
            editor.InsertAfter(anchor, members);
        }
        else if (part.Members.Count > 0)
        {
            editor.InsertBefore(part.Members[0], members);
        }
        else
        {
            foreach (var member in members)
            {
                editor.AddMember(part, member);
            }
        }
    }
}
