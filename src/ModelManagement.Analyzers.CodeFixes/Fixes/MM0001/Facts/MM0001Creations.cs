using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// How the solution creates the type, for the factory decision (searched only when the lazy rewrite is refused): whether
/// it has derived types, the creations (<c>new T(...)</c> in async code, with the token in scope), and the first use that
/// a factory could not replace (<c>Problem</c>, null when there is none).
/// </summary>
internal sealed record MM0001Creations(bool HasDerivedTypes, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> Callers, MM0001Refusal? Problem)
{
    public static async Task<MM0001Creations> CollectAsync(MM0001TypeFacts facts, IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var derived = await SymbolFinder.FindDerivedClassesAsync(facts.Type, facts.Solution, transitive: false, projects: null, cancellationToken).ConfigureAwait(false);
        foreach (var _ in derived)
        {
            return new MM0001Creations(true, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>>.Empty, null);
        }

        var callers = ImmutableArray.CreateBuilder<MM0001NodeEdit<ExpressionSyntax>>();
        var problem = await CollectCallersAsync(facts, constructor, callers, cancellationToken).ConfigureAwait(false)
            ?? await FindHiddenCreationAsync(facts, cancellationToken).ConfigureAwait(false)
            ?? await FindInactiveMentionAsync(facts, cancellationToken).ConfigureAwait(false);
        return new MM0001Creations(false, callers.ToImmutable(), problem);
    }

    /// <summary>Every <c>new T(...)</c> in the solution must be in async code, where it becomes <c>await T.CreateAsync(...)</c>.</summary>
    private static async Task<MM0001Refusal?> CollectCallersAsync(
        MM0001TypeFacts facts, IMethodSymbol constructor, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>>.Builder callers, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(DocumentId, TextSpan)>();
        var fixProject = facts.ConstructorPart.Document.Project.Id;
        foreach (var referenced in await SymbolFinder.FindReferencesAsync(constructor, facts.Solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (var location in referenced.Locations)
            {
                if (location.IsCandidateLocation || !location.Location.IsInSource || location.Document.Project.Language != LanguageNames.CSharp)
                {
                    return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced);
                }

                // A multi-targeted project's file is one linked document per target framework: the creation is found once
                // per copy, and edited once, in the copy of the fix's own project (the workspace carries it to the others).
                var document = Documents.LinkedCopyIn(location.Document, fixProject);
                if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                var node = root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
                if (node.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>(ascendOutOfTrivia: false) is not null
                    || node.FirstAncestorOrSelf<CrefSyntax>(ascendOutOfTrivia: false) is not null)
                {
                    continue;
                }

                if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
                    || (creation is ObjectCreationExpressionSyntax explicitCreation && !explicitCreation.Type.Span.Contains(node.Span))
                    || (location.IsImplicit && creation is not ImplicitObjectCreationExpressionSyntax))
                {
                    return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, node: node);
                }

                if (seen.Add((document.Id, creation.Span))
                    && await AddCallerAsync(facts, document, creation, callers, cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    return refusal;
                }
            }
        }

        foreach (var (document, creation) in await FindCreationsInCollectionExpressionsAsync(facts, constructor, cancellationToken).ConfigureAwait(false))
        {
            var linked = Documents.LinkedCopyIn(document, fixProject);
            if (!seen.Add((linked.Id, creation.Span)))
            {
                continue;
            }

            var target = linked.Id == document.Id ? creation
                : (await linked.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))?.FindNode(creation.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ImplicitObjectCreationExpressionSyntax>();
            if (target is null)
            {
                return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, node: creation);
            }

            if (await AddCallerAsync(facts, linked, target, callers, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// The target-typed creations of the type in collection expressions (<c>Quota[] all = [new(store)];</c>), which Roslyn
    /// 4.8's reference search (Visual Studio 17.8) misses: made private, the constructor would no longer compile there
    /// (CS0122), and a handler around one would lose the failure it catches. Searched in the projects that can see the
    /// type, in files that name it and write a <c>new(</c>.
    /// </summary>
    private static async Task<List<(Document Document, ImplicitObjectCreationExpressionSyntax Creation)>> FindCreationsInCollectionExpressionsAsync(
        MM0001TypeFacts facts, IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var found = new List<(Document, ImplicitObjectCreationExpressionSyntax)>();
        foreach (var project in ProjectsThatSeeTheType(facts))
        {
            foreach (var document in project.Documents)
            {
                if (await document.GetTextAsync(cancellationToken).ConfigureAwait(false) is not { } text
                    || !MayHoldTargetTypedCreation(text, facts.Type.Name)
                    || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var creation in root.DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>())
                {
                    model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model is not null
                        && (model.GetSymbolInfo(creation, cancellationToken).Symbol is { } created
                            ? SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, constructor.OriginalDefinition)
                            : SymbolEqualityComparer.Default.Equals(CollectionElementType(creation, model, cancellationToken)?.OriginalDefinition, facts.Type.OriginalDefinition)))
                    {
                        found.Add((document, creation));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The element type of the collection a target-typed <c>new(…)</c> element of a collection expression goes into
    /// (<c>Quota[]</c>, <c>List&lt;Quota&gt;</c>): Roslyn 4.8 binds no symbol or type to the element itself, only to the
    /// collection. The factory's type has one instance constructor (FindConstructor), so such an element of that type calls
    /// it. Null elsewhere.
    /// </summary>
    private static ITypeSymbol? CollectionElementType(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (creation is not ImplicitObjectCreationExpressionSyntax
            || creation.Parent is not { Parent: { } collection } element || !element.IsKind(SyntaxKind.ExpressionElement) || !collection.IsKind(SyntaxKind.CollectionExpression))
        {
            return null;
        }

        return model.GetTypeInfo(collection, cancellationToken).ConvertedType switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol named => (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ? named : named.AllInterfaces.FirstOrDefault(
                static candidate => candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))?.TypeArguments[0],
            _ => null,
        };
    }

    /// <summary>The type's name and a <c>new(</c> or <c>new (</c> somewhere in the text: a target-typed creation of it may be there.</summary>
    private static bool MayHoldTargetTypedCreation(SourceText text, string typeName)
    {
        var content = text.ToString();
        if (content.IndexOf(typeName, System.StringComparison.Ordinal) < 0)
        {
            return false;
        }

        for (var index = content.IndexOf("new", System.StringComparison.Ordinal); index >= 0; index = content.IndexOf("new", index + 3, System.StringComparison.Ordinal))
        {
            var next = index + 3;
            while (next < content.Length && content[next] == ' ')
            {
                next++;
            }

            if (next < content.Length && content[next] == '(')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the creation as a caller the factory rewrites, or says why it cannot be.</summary>
    private static async Task<MM0001Refusal?> AddCallerAsync(
        MM0001TypeFacts facts, Document document, BaseObjectCreationExpressionSyntax creation, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>>.Builder callers, CancellationToken cancellationToken)
    {
        if (creation.Initializer is not null)
        {
            return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, node: creation);
        }

        if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
        }

        if (!Awaits.IsInAsyncFunction(creation) || !Awaits.CanAwaitInInnermostFunction(creation)
            || Awaits.HoldsRefLikeValueAt(creation, model, cancellationToken)) // a Span or ref local live across the new await (CS4007)
        {
            return new MM0001Refusal(MM0001RefusalReason.CreationInSynchronousCode, node: creation);
        }

        // The constructor threw an AggregateException at this `new`; `await T.CreateAsync(...)` throws the task's own
        // exception, which a handler around the creation would treat differently (an independent consumer's
        // `catch (AggregateException ex) when (ex.InnerException is IOException)` stopped catching).
        if (WrapsExceptions(facts)
            && MM0001AwaitConversion.WrappedExceptionHandling(creation, MM0001Properties.Result) is var handling and not MM0001RefusalReason.None)
        {
            return new MM0001Refusal(handling, node: creation);
        }

        if (StoredLazily(creation, model, cancellationToken))
        {
            // `_current ??= new T(s);` checks and creates in one synchronous step; `_current ??= await T.CreateAsync(s);`
            // checks, awaits, then writes: two callers both create, and MM0005 reports the new race (a fix-shapes round).
            return new MM0001Refusal(MM0001RefusalReason.CreationStoredLazily, node: creation);
        }

        // The same for a test that expects the constructor's AggregateException (`Assert.ThrowsAsync<AggregateException>(async
        // () => new T(failing))`, FluentAssertions' `.Should().ThrowAsync<AggregateException>()`): awaited, the factory
        // throws the inner exception and the test turns red (a fix-shapes round).
        if (WrapsExceptions(facts) && creation.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { } lambda
            && IsWholeBody(lambda, creation) && AssertsAThrow(lambda, model, cancellationToken) && NamesAggregateException(lambda, model, cancellationToken))
        {
            return new MM0001Refusal(MM0001RefusalReason.AggregateExceptionHandled, node: creation);
        }

        var token = CancellationTokens.FindInScope(model, creation, cancellationToken)?.Name;
        var createdType = model.GetTypeInfo(creation, cancellationToken).Type ?? CollectionElementType(creation, model, cancellationToken);
        callers.Add(new MM0001NodeEdit<ExpressionSyntax>(document.Id, creation, token, CreatedType: createdType));
        return null;
    }

    /// <summary>
    /// Whether a failure of the constructor's blocking code reaches its creator as an <see cref="System.AggregateException"/>:
    /// a reported <c>.Result</c>, <c>.Wait()</c>, <c>WaitAll</c> or <c>WaitAny</c>, or a call of an own method that blocks
    /// further down (its form is not known here: taken as wrapping).
    /// </summary>
    private static bool WrapsExceptions(MM0001TypeFacts facts)
        => facts.Sites.Any(static site => site.Form == MM0001Properties.Call || MM0001AwaitConversion.WrapsExceptions(site.Form));

    /// <summary>
    /// A creation of the type whose creator handles a failed construction — it sits in the <c>try</c> block of a
    /// <c>try</c> with a <c>catch</c> (in the same function) and the instance can leave that block (returned, stored,
    /// passed on; not just a local of the block used there) — or null. The lazy rewrite would move the failure from the
    /// <c>new</c>, where the handler catches it, to the first async use, where it does not (an independent consumer's
    /// <c>try { return new RemoteCatalog(store); } catch (IOException) { return new BuiltinCatalog(); }</c>).
    /// </summary>
    public static async Task<SyntaxNode?> FindHandledCreationAsync(MM0001TypeFacts facts, CancellationToken cancellationToken)
    {
        foreach (var constructor in facts.Type.InstanceConstructors)
        {
            foreach (var referenced in await SymbolFinder.FindReferencesAsync(constructor, facts.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in referenced.Locations)
                {
                    if (!location.Location.IsInSource
                        || await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                        || root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
                        || await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
                    {
                        continue;
                    }

                    if (HandledByCreator(creation, model, cancellationToken))
                    {
                        return creation;
                    }
                }
            }

            foreach (var (document, creation) in await FindCreationsInCollectionExpressionsAsync(facts, constructor, cancellationToken).ConfigureAwait(false))
            {
                if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model && HandledByCreator(creation, model, cancellationToken))
                {
                    return creation;
                }
            }
        }

        return null;
    }

    private static bool HandledByCreator(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode child = creation;
        foreach (var ancestor in creation.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax lambda)
            {
                return IsWholeBody(lambda, creation) && AssertsAThrow(lambda, model, cancellationToken);
            }

            if (ancestor is LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }

            if (ancestor is TryStatementSyntax { Catches.Count: > 0 } tryStatement && tryStatement.Block == child
                && !StaysInBlock(creation, tryStatement.Block, model, cancellationToken))
            {
                return true;
            }

            child = ancestor;
        }

        return false;
    }

    /// <summary>The lambda only creates the instance: <c>() =&gt; new C(s)</c>, <c>() =&gt; { new C(s); }</c>, <c>() =&gt; { _ = new C(s); }</c>.</summary>
    private static bool IsWholeBody(AnonymousFunctionExpressionSyntax lambda, BaseObjectCreationExpressionSyntax creation)
    {
        var node = ModelManagement.Analyzers.Infrastructure.Shapes.OutsideParenthesesAndCasts(creation);
        if (node.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard && discard.Right == node)
        {
            node = discard;
        }

        return lambda.ExpressionBody == node
            || (lambda.Block is { Statements: [ExpressionStatementSyntax only] } && only.Expression == node);
    }

    /// <summary>
    /// A test asserting that the creation throws — the lambda handed to an exception assertion MM0007 knows (xunit's
    /// <c>Assert.Throws*</c>/<c>Record.Exception*</c>, NUnit's <c>Assert.Throws*</c>/<c>Catch*</c>, MSTest's
    /// <c>ThrowsException*</c>/<c>ThrowsExactly*</c>, Shouldly's <c>Should.Throw*</c>), to a call an assertion is chained on
    /// (FluentAssertions' <c>Invoking(…).Should().Throw*</c>), or with a throw constraint beside it (NUnit's
    /// <c>Assert.That(…, Throws.Exception)</c>) — handles a failed construction like a creator's catch (an independent
    /// consumer's <c>Construct_WhenDirectoryOffline_Throws</c> failed once the failure moved to the first use). Assertions
    /// that nothing is thrown (<c>DoesNotThrow</c>, <c>NotThrow</c>, <c>Throws.Nothing</c>) hold after the rewrite too.
    /// </summary>
    private static bool AssertsAThrow(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } arguments })
        {
            return false;
        }

        SyntaxNode node = call;
        for (var depth = 0; depth < MaxAssertionChain; depth++)
        {
            if (IsThrowAssertion(model.GetSymbolInfo(node, cancellationToken).Symbol))
            {
                return true;
            }

            if (node.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax chained })
            {
                break;
            }

            node = chained;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression != lambda
                && argument.Expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(access => IsThrowAssertion(model.GetSymbolInfo(access, cancellationToken).Symbol)))
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxAssertionChain = 8;

    /// <summary>
    /// The creation is stored into a field or property under a check of that member: <c>_c ??= new T(s)</c>,
    /// <c>_c ?? (_c = new T(s))</c>, or <c>_c = new T(s)</c> inside an <c>if</c> (or conditional) whose condition reads <c>_c</c>.
    /// </summary>
    private static bool StoredLazily(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode value = creation;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value.Parent;
        }

        if (value.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != value
            || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not { Kind: SymbolKind.Field or SymbolKind.Property } member)
        {
            return false;
        }

        if (assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
        {
            return true;
        }

        foreach (var ancestor in assignment.Ancestors())
        {
            var condition = ancestor switch
            {
                IfStatementSyntax ifStatement => ifStatement.Condition,
                ConditionalExpressionSyntax conditional => conditional.Condition,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce => coalesce.Left,
                _ => null,
            };
            if (condition is not null && condition.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(
                    name => name.Identifier.ValueText == member.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, member)))
            {
                return true;
            }

            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Whether the statement asserting the throw of <paramref name="lambda"/> names <see cref="System.AggregateException"/> (a type argument, <c>typeof</c>, a constraint).</summary>
    private static bool NamesAggregateException(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
        {
            return false;
        }

        foreach (var name in statement.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.Identifier.ValueText == "AggregateException"
                && model.GetSymbolInfo(name, cancellationToken).Symbol is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThrowAssertion(ISymbol? member)
        => member is not null && MM0007ExceptionAssertions.IsExceptionAssertion(member)
            && member.Name.IndexOf("Not", System.StringComparison.Ordinal) < 0; // DoesNotThrow, NotThrow, Throws.Nothing

    /// <summary>
    /// The instance is a local declared in <paramref name="block"/> (<c>var c = new T(…);</c>) that is only used inside it,
    /// never returned, assigned or yielded: its first async use fails inside the same <c>try</c> as the creation did.
    /// </summary>
    private static bool StaysInBlock(BaseObjectCreationExpressionSyntax creation, BlockSyntax block, SemanticModel model, CancellationToken cancellationToken)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
        {
            return false;
        }

        foreach (var name in block.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
            {
                continue;
            }

            SyntaxNode use = name;
            while (use.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                use = use.Parent;
            }

            if (use.Parent is ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax
                || (use.Parent is AssignmentExpressionSyntax assignment && assignment.Right == use)
                || use.Parent is ArgumentSyntax)
            {
                return false;
            }
        }

        return true; // a local of the block cannot be read outside it
    }

    /// <summary>The C# projects that can create the type: its own and those that depend on it, directly or not.</summary>
    private static IEnumerable<Project> ProjectsThatSeeTheType(MM0001TypeFacts facts)
    {
        var fixProject = facts.ConstructorPart.Document.Project.Id;
        foreach (var projectId in facts.Solution.GetProjectDependencyGraph().GetProjectsThatTransitivelyDependOnThisProject(fixProject).Prepend(fixProject))
        {
            if (facts.Solution.GetProject(projectId) is { Language: LanguageNames.CSharp } project)
            {
                yield return project;
            }
        }
    }

    /// <summary>
    /// Skipped code (another configuration's or target framework's <c>#if</c> branch) that names the type, in the projects
    /// that can see it: a creation there would keep calling the constructor the factory makes private.
    /// </summary>
    private static async Task<MM0001Refusal?> FindInactiveMentionAsync(MM0001TypeFacts facts, CancellationToken cancellationToken)
    {
        var names = new[] { facts.Type.Name };
        foreach (var project in ProjectsThatSeeTheType(facts))
        {
            foreach (var document in project.Documents)
            {
                if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root && InactiveCode.MentionsAny(root, names))
                {
                    return new MM0001Refusal(MM0001RefusalReason.TypeInInactiveCode, facts.Type);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Creations the search cannot see: <c>typeof(T)</c> (reflection, DI registration), a type argument of a generic
    /// method (<c>AddSingleton&lt;T&gt;()</c>), of a <c>new()</c>-constrained type parameter, or of a type in another
    /// type's base list (xUnit's <c>IClassFixture&lt;T&gt;</c> and <c>ICollectionFixture&lt;T&gt;</c>: the test framework
    /// creates the fixture through its public constructor, and every test of the class failed once it was private).
    /// </summary>
    private static async Task<MM0001Refusal?> FindHiddenCreationAsync(MM0001TypeFacts facts, CancellationToken cancellationToken)
    {
        foreach (var referenced in await SymbolFinder.FindReferencesAsync(facts.Type, facts.Solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (var location in referenced.Locations)
            {
                if (location.Location.SourceTree is not { } tree
                    || facts.Parts.Any(part => part.Declaration.SyntaxTree == tree && part.Declaration.Span.Contains(location.Location.SourceSpan)))
                {
                    continue;
                }

                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node.FirstAncestorOrSelf<TypeOfExpressionSyntax>() is not null)
                {
                    return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, facts.Type);
                }

                var typeNode = node;
                while (typeNode.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax or NullableTypeSyntax)
                {
                    typeNode = typeNode.Parent;
                }

                if (typeNode.Parent is not TypeArgumentListSyntax { Parent: GenericNameSyntax generic } list)
                {
                    continue;
                }

                var model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var index = list.Arguments.IndexOf((TypeSyntax)typeNode);
                switch (model?.GetSymbolInfo(generic, cancellationToken).Symbol)
                {
                    case IMethodSymbol method:
                        return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, method, typeNode);
                    case INamedTypeSymbol named when index >= 0 && index < named.TypeParameters.Length && named.TypeParameters[index].HasConstructorConstraint:
                        return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, named, typeNode);
                    case INamedTypeSymbol named when generic.FirstAncestorOrSelf<BaseListSyntax>() is not null:
                        return new MM0001Refusal(MM0001RefusalReason.CreationCannotBeReplaced, named, typeNode);
                }
            }
        }

        return null;
    }
}
