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
/// The edits of the MM0001 pipeline: applies <see cref="MM0001Plan"/>s to a solution — all edits of all planned types
/// through one solution editor — with what both rewrites write (the initialization method, converted methods, state members).
/// </summary>
internal static class MM0001Edits
{
    /// <summary>Rewrites every planned type with the rewrite its plan offers: lazily where that is safe, else with a factory.</summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<MM0001Plan> plans, CancellationToken cancellationToken)
    {
        var all = plans.ToList();
        var changed = await TryEditAsync(solution, all, cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            // Some plan's edits do not compose (a node another plan replaced, an edit the editor cannot place): the types are
            // added one at a time, and a type whose edits fail is left alone, so Fix All (and `dotnet format`, which applies
            // one Fix All per rule and run) still rewrites every other type instead of losing the whole run.
            var kept = new List<MM0001Plan>();
            foreach (var plan in all)
            {
                kept.Add(plan);
                if (await TryEditAsync(solution, kept, cancellationToken).ConfigureAwait(false) is { } withPlan)
                {
                    changed = withPlan;
                }
                else
                {
                    kept.RemoveAt(kept.Count - 1);
                    System.Diagnostics.Trace.WriteLine("no fix for '" + plan.Facts.Type.Name + "': its edits failed next to the other types' edits", DiagnosticIds.BlockingWaitInConstructor);
                }
            }

            if (changed is null)
            {
                return solution;
            }
        }

        // New type names are written fully qualified with the add-imports annotation: the document gets the using
        // directives (in its own style) unless one would make a name ambiguous, then the simplifier shortens the names.
        foreach (var projectChanges in changed.GetChanges(solution).GetProjectChanges())
        {
            foreach (var documentId in projectChanges.GetChangedDocuments())
            {
                var document = changed.GetDocument(documentId);
                if (document is not null)
                {
                    if (solution.GetDocument(documentId) is { } before
                        && await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } originalRoot
                        && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } changedRoot)
                    {
                        // The initializer field written after the mutable fields, or loaded state made mutable (SA1214).
                        document = document.WithSyntaxRoot(FieldOrder.KeepReadonlyFirst(originalRoot, changedRoot, document.Project));
                    }

                    document = await SafeImportAdder.AddImportsAsync(document, solution.GetDocument(documentId), cancellationToken).ConfigureAwait(false);
                    changed = document.Project.Solution;
                }
            }
        }

        return changed;
    }

    /// <summary>The solution with every plan's edits, or null when they throw (an edit the syntax editor cannot apply).</summary>
    private static async Task<Solution?> TryEditAsync(Solution solution, List<MM0001Plan> plans, CancellationToken cancellationToken)
    {
        try
        {
            var editor = new SolutionEditor(solution);
            foreach (var plan in plans)
            {
                if (plan.Lazy is not null)
                {
                    await MM0001LazyEdits.ApplyAsync(editor, plan, plan.Lazy, cancellationToken).ConfigureAwait(false);
                }
                else if (plan.Factory is not null)
                {
                    await MM0001FactoryEdits.ApplyAsync(editor, plan, plan.Factory, cancellationToken).ConfigureAwait(false);
                }
            }

            return editor.GetChangedSolution();
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            System.Diagnostics.Trace.WriteLine("MM0001 edits failed: " + exception.GetType().Name + ": " + exception.Message, DiagnosticIds.BlockingWaitInConstructor);
            return null;
        }
    }

    /// <summary>
    /// <paramref name="statement"/> with the comments of <paramref name="replaced"/>, the one constructor statement a direct
    /// rewrite drops because the new statement now starts its work (<c>await instance.LoadAsync()</c>,
    /// <c>new AsyncInitializer(LoadAsync)</c>): the comment lines above it (below any directive, which stays in the
    /// constructor), the comments inside it and the comment ending its line. Without a wrapper method to move into, they
    /// were lost.
    /// </summary>
    public static StatementSyntax WithCommentsOf(StatementSyntax statement, StatementSyntax replaced)
    {
        var trailing = SyntaxFactory.TriviaList(CommentTrivia.Outside(replaced, default, withTrailing: false)).AddRange(replaced.GetTrailingTrivia());
        return statement
            .WithLeadingTrivia(Statements.Comments(Statements.WithoutLeadingDirectives(replaced).GetLeadingTrivia(), trailing: false))
            .WithTrailingTrivia(Statements.Comments(trailing, trailing: true));
    }

    /// <summary>Converted methods, fields and properties the moved code assigns.</summary>
    public static async Task ApplyCommonAsync(SolutionEditor solutionEditor, MM0001TypeFacts facts, ImmutableArray<MM0001StateMember> members, CancellationToken cancellationToken)
    {
        var conversions = facts.Conversions;
        foreach (var converted in facts.ConvertedMethods)
        {
            var editor = await solutionEditor.GetDocumentEditorAsync(converted.Document, cancellationToken).ConfigureAwait(false);
            var symbol = editor.SemanticModel.GetDeclaredSymbol(converted.Declaration, cancellationToken)!;
            editor.ReplaceNode(converted.Declaration, ConvertMethod(converted, symbol, conversions, facts.Types, editor.Generator));
        }

        foreach (var member in members)
        {
            var editor = await solutionEditor.GetDocumentEditorAsync(member.Document, cancellationToken).ConfigureAwait(false);
            switch (member.Declaration)
            {
                case VariableDeclaratorSyntax declarator:
                    editor.ReplaceNode(declarator, (current, _) => member switch
                    {
                        { AddNullForgivingInitializer: true } => AssignableMembers.WithNullForgivingInitializer((VariableDeclaratorSyntax)current, member.IsTypeParameter),
                        { MovesInitializer: true } => AssignableMembers.WithoutInitializer((VariableDeclaratorSyntax)current),
                        _ => current,
                    });
                    if (member.RemoveReadOnly && declarator.Parent?.Parent is FieldDeclarationSyntax field)
                    {
                        editor.ReplaceNode(field, (current, _) => Members.RemoveModifier((FieldDeclarationSyntax)current, SyntaxKind.ReadOnlyKeyword));
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    var isPrivate = editor.SemanticModel.GetDeclaredSymbol(property, cancellationToken) is { DeclaredAccessibility: Accessibility.Private };
                    editor.ReplaceNode(property, (current, _) =>
                    {
                        var changed = member.AddSetter ? AssignableMembers.WithSetter((PropertyDeclarationSyntax)current, isPrivate) : (PropertyDeclarationSyntax)current;
                        return member switch
                        {
                            { AddNullForgivingInitializer: true } => AssignableMembers.WithNullForgivingInitializer(changed, member.IsTypeParameter),
                            { MovesInitializer: true } => AssignableMembers.WithoutInitializer(changed),
                            _ => changed,
                        };
                    });
                    break;
            }
        }
    }

    /// <summary>Applies the conversions inside <paramref name="node"/> and of the node itself (innermost first, so nested ones compose).</summary>
    private static SyntaxNode Convert(SyntaxNode node, ImmutableArray<MM0001AwaitConversion> conversions, SyntaxGenerator generator, INamedTypeSymbol task, bool configure)
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
            : node.ReplaceNodes(inside.Keys, (original, current) => inside[original].Build(current, generator, task, configure));
        return self is null ? converted : self.Build(converted, generator, task, configure);
    }

    /// <summary>The private async initialization method: moved initializers as assignments, then the moved statements, awaited.</summary>
    public static MethodDeclarationSyntax CreateInitializeMethod(
        MM0001TypeFacts facts,
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        ImmutableArray<MM0001CapturedVariable> parameters,
        SyntaxGenerator generator,
        bool takesArrowComments = false)
    {
        var task = facts.Types.Task;
        var configure = !UiThreadTypes.IsBound(facts.Type); // a UI-bound type's moved code keeps its thread
        var statements = new List<StatementSyntax>();
        foreach (var initializer in facts.Initializers)
        {
            var value = (ExpressionSyntax)Convert(initializer.Initializer.Value, facts.Conversions, generator, task, configure);
            statements.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    MemberReferences.Own(initializer.Member.Name, initializer.Member.IsStatic),
                    value.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (movesExpressionBody && facts.Constructor?.ExpressionBody is { } arrow)
        {
            var expression = (ExpressionSyntax)Convert(arrow.Expression, facts.Conversions, generator, task, configure);
            var moved = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            if (takesArrowComments)
            {
                // The factory drops the expression body: its comments (`=> /* note */ _v = …`) end the moved statement's line,
                // and so does the comment after its `;` (`=> _v = ….Result; // note`), which ends that statement's line in a
                // block body too (a shapes round found it on the new private constructor's closing brace).
                var comments = new List<SyntaxTrivia>();
                foreach (var trivia in arrow.ArrowToken.TrailingTrivia.Concat(expression.GetLeadingTrivia()).Concat(expression.GetTrailingTrivia())
                    .Concat(facts.Constructor.SemicolonToken.TrailingTrivia))
                {
                    if (CommentTrivia.IsComment(trivia))
                    {
                        comments.Add(trivia);
                    }
                }

                if (comments.Count > 0)
                {
                    moved = moved.WithTrailingTrivia(CommentTrivia.OnOneLine(comments, codeFollows: true));
                }
            }

            statements.Add(moved.WithAdditionalAnnotations(Formatter.Annotation));
        }

        foreach (var statement in movedStatements)
        {
            // A #region line above it stays in the constructor (RemoveKeepingLeadingDirectives).
            var converted = Statements.WithoutLeadingDirectives((StatementSyntax)Convert(statement, facts.Conversions, generator, task, configure));
            statements.Add(statements.Count == 0 ? Statements.WithoutLeadingBlankLines(converted) : converted);
        }

        var parameterList = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters.Select(p =>
            SyntaxFactory.Parameter(UniqueNames.Identifier(p.Name))
                .WithType(p.DeclaredType?.WithoutTrivia() ?? TypeNames.Imported(generator, p.LocalType ?? ((ILocalSymbol)p.Symbol).Type)))));

        // The moved statements keep their own trivia (indentation, comments); a real line break after the brace keeps
        // the formatter from shifting their multi-line comments.
        var openBrace = SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.EndOfLine(DocumentationComments.NewLine(facts.ConstructorPart.Declaration.SyntaxTree)));
        var method = SyntaxFactory.MethodDeclaration(TypeNames.Imported(generator, task), facts.InitializeMethodName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.AsyncKeyword)))
            .WithParameterList(parameterList)
            .WithBody(SyntaxFactory.Block(openBrace, SyntaxFactory.List(statements), SyntaxFactory.Token(SyntaxKind.CloseBraceToken)));
        return MethodBodyStyle.Apply(method, facts.ConstructorPart.Document.Project, facts.ConstructorPart.Declaration.SyntaxTree);
    }

    /// <summary>An own method on the blocking path: <c>async Task</c>/<c>async Task&lt;T&gt;</c>, renamed, its blocking calls awaited.</summary>
    private static MethodDeclarationSyntax ConvertMethod(
        MM0001ConvertedMethod converted,
        IMethodSymbol symbol,
        ImmutableArray<MM0001AwaitConversion> conversions,
        MM0001FixTypes types,
        SyntaxGenerator generator)
    {
        var declaration = (MethodDeclarationSyntax)Convert(converted.Declaration, conversions, generator, types.Task, !UiThreadTypes.IsBound(symbol.ContainingType));
        var returnType = symbol.ReturnsVoid
            ? TypeNames.Imported(generator, types.Task)
            : TypeNames.Imported(generator, types.Blocking.TaskOfT!.Construct(symbol.ReturnType));
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
}
