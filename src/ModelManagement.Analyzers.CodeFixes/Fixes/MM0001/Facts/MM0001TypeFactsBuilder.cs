using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Gathers the <see cref="MM0001TypeFacts"/> of a type with MM0001 diagnostics, once. Refuses — for both rewrites — the
/// shapes no rewrite can be built on: not a plain class, compile errors, waits with no instance to defer them to, several
/// blocking constructors, a wait no await reproduces, an initializer or an own method on the blocking path that cannot move.
/// </summary>
internal static class MM0001TypeFactsBuilder
{
    private static async Task<bool> LinkedCopiesHaveWaitAsync(Solution solution, IEnumerable<MM0001TypePart> parts, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            foreach (var id in part.Document.GetLinkedDocumentIds())
            {
                if (solution.GetProject(id.ProjectId) is { } linkedProject
                    && await linkedProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } linked
                    && !MM0001FixTypes.HasWaitAsync(linked))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static async Task<(MM0001TypeFacts? Facts, MM0001Refusal? Refusal)> BuildAsync(
        Solution solution, Project project, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || !MM0001FixTypes.TryCreate(compilation, out var types))
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, type));
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsRecord || type.IsImplicitlyDeclared)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.UnsupportedTypeKind, type));
        }

        var parts = ImmutableArray.CreateBuilder<MM0001TypePart>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var node = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            // A class with a primary constructor is rewritten lazily through an accessor (MM0001LazyEdits); records are refused above.
            if (node is not ClassDeclarationSyntax declaration)
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.UnsupportedTypeKind, type));
            }

            var document = solution.GetDocument(node.SyntaxTree);
            if (document is null || document.Project.Id != project.Id)
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
            }

            // The document's own model: shares bound member bodies with the rest of the fix (and the IDE's other features).
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            parts.Add(new MM0001TypePart(document, declaration, model?.Compilation == compilation ? model : compilation.GetSemanticModel(node.SyntaxTree)));
        }

        if (parts.Count == 0)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
        }

        // A multi-targeted project compiles each file once per target framework: the rewrite must build for all of them.
        if (types.TaskHasWaitAsync && !await LinkedCopiesHaveWaitAsync(solution, parts, cancellationToken).ConfigureAwait(false))
        {
            types = types.WithoutWaitAsync();
        }

        // Half-typed code: no rewrite (it would carry the errors along, or add new ones). A warning the project turns into an
        // error (`TreatWarningsAsErrors`: a CS8602 that MM0003's fix removes) is no such code: counted, MM0001 was applied
        // only in the `dotnet format` runs where MM0003 happened to come first (a consumer round's flapping output).
        foreach (var part in parts)
        {
            foreach (var diagnostic in part.Model.GetDiagnostics(part.Declaration.Span, cancellationToken))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.IsWarningAsError)
                {
                    return (null, new MM0001Refusal(MM0001RefusalReason.CompileErrors, node: part.Declaration));
                }
            }
        }

        var (reported, refusal) = await MM0001ReportedSites.CollectAsync(compilation, project, type, parts.ToImmutable(), types, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var (chosen, choiceRefusal) = MM0001ChosenConstructor.Choose(type, parts.ToImmutable(), reported, cancellationToken);
        return chosen is null ? (null, choiceRefusal) : Build(solution, type, types, parts.ToImmutable(), chosen, cancellationToken);
    }

    /// <summary>
    /// Tasks the constructor (or a method that becomes async) starts and never waits for (<c>StartPollingAsync();</c>):
    /// where that code lands in an async method, each becomes <c>_ = StartPollingAsync();</c>, the same fire-and-forget
    /// without CS4014. Statements inside lambdas and local functions stay as they are (those stay synchronous).
    /// </summary>
    private static void AddUnawaitedTaskDiscards(
        MM0001ChosenConstructor chosen,
        ImmutableArray<MM0001TypePart> parts,
        ImmutableArray<MM0001ConvertedMethod> converted,
        ImmutableArray<MM0001AwaitConversion>.Builder conversions,
        CancellationToken cancellationToken)
    {
        var bodies = new List<(SyntaxNode Body, SemanticModel Model)>();
        if (chosen.Constructor?.Body is { } constructorBody)
        {
            bodies.Add((constructorBody, chosen.Part.Model));
        }

        foreach (var method in converted)
        {
            if (method.Declaration.Body is { } body && MM0001TypePart.Find(parts, body) is { } part)
            {
                bodies.Add((body, part.Model));
            }
        }

        var converting = new HashSet<SyntaxNode>();
        foreach (var conversion in conversions)
        {
            converting.Add(conversion.Node);
        }

        foreach (var (body, model) in bodies)
        {
            foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ExpressionStatementSyntax statement
                    && !converting.Contains(statement.Expression)
                    && MM0001AwaitConversion.ForUnawaitedTask(statement, model, cancellationToken) is { } discard)
                {
                    conversions.Add(discard);
                }
            }
        }
    }

    private static (MM0001TypeFacts? Facts, MM0001Refusal? Refusal) Build(
        Solution solution, INamedTypeSymbol type, MM0001FixTypes types, ImmutableArray<MM0001TypePart> parts, MM0001ChosenConstructor chosen, CancellationToken cancellationToken)
    {
        // Every reported wait becomes an await (own methods on the blocking path become async); blocking initializers move.
        var conversions = ImmutableArray.CreateBuilder<MM0001AwaitConversion>();
        var calls = new List<MM0001Site>();
        foreach (var site in chosen.Sites)
        {
            if (site.Form == MM0001Properties.Call)
            {
                calls.Add(site);
            }
            else if (MM0001AwaitConversion.WrappedExceptionHandling(site.Node, site.Form) is var handling and not MM0001RefusalReason.None)
            {
                return (null, new MM0001Refusal(handling, node: site.Node));
            }
            else if (MM0001AwaitConversion.TryCreate(site.Operation, site.Form, types) is { } conversion)
            {
                conversions.Add(conversion);
            }
            else
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.NoAwaitEquivalent, node: site.Node));
            }
        }

        var taken = UniqueNames.TakenByMembersOf(type, cancellationToken);
        var converted = ImmutableArray<MM0001ConvertedMethod>.Empty;
        if (calls.Count > 0)
        {
            MM0001Refusal? refusal;
            (converted, taken, refusal) = MM0001BlockingPath.Plan(type, types, parts, calls, taken, conversions, cancellationToken);
            if (refusal is not null)
            {
                return (null, refusal);
            }
        }

        AddUnawaitedTaskDiscards(chosen, parts, converted, conversions, cancellationToken);

        var (initializers, initializerRefusal) = CollectInitializers(chosen, type, types, cancellationToken);
        if (initializerRefusal is not null)
        {
            return (null, initializerRefusal);
        }

        var members = CollectMembers(parts, type, types, out var nested, cancellationToken);
        var initializeMethodName = UniqueNames.ChooseAsync("InitializeAsync", taken);
        var others = ImmutableArray.CreateBuilder<MM0001MemberFacts>();
        foreach (var (syntax, symbol, part) in chosen.Others)
        {
            others.Add(MM0001MemberFacts.Collect(symbol, syntax, part.Document.Id, new[] { part.Model.GetOperation(syntax, cancellationToken) }, type, types, cancellationToken));
        }

        var units = ImmutableArray.CreateBuilder<MM0001CodeUnit>();
        if (chosen.Constructor is { } constructor)
        {
            var model = chosen.Part.Model;
            var nodes = constructor.Body is { } block ? (IEnumerable<SyntaxNode>)block.Statements : new[] { constructor.ExpressionBody!.Expression };
            foreach (var node in nodes)
            {
                var flow = node switch
                {
                    StatementSyntax statement => model.AnalyzeDataFlow(statement),
                    ExpressionSyntax expression => model.AnalyzeDataFlow(expression),
                    _ => null,
                };
                if (flow is not { Succeeded: true })
                {
                    return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, node: node));
                }

                var hasSite = false;
                foreach (var site in chosen.Sites)
                {
                    hasSite |= site.Constructor is not null && node.Span.Contains(site.Node.Span);
                }

                // `checked { … }` / `unchecked { … }` have no operation of their own: their block holds the assignments.
                var operationNode = node is CheckedStatementSyntax checkedStatement ? checkedStatement.Block : node;
                var facts = MM0001MemberFacts.Collect(null, node, null, new[] { model.GetOperation(operationNode, cancellationToken) }, type, types, cancellationToken);
                units.Add(new MM0001CodeUnit(node, units.Count, facts, hasSite, flow));
            }
        }

        return (new MM0001TypeFacts(
            solution,
            type,
            types,
            parts,
            chosen.Sites,
            chosen.Part,
            chosen.Constructor,
            chosen.Constructor is null ? null : chosen.Part.Model.GetDeclaredSymbol(chosen.Constructor, cancellationToken) as IMethodSymbol,
            others.ToImmutable(),
            conversions.ToImmutable(),
            initializers,
            converted,
            units.ToImmutable(),
            members,
            nested,
            taken.Add(initializeMethodName),
            initializeMethodName,
            chosen.Primary), null);
    }

    /// <summary>The blocking field and property initializers (of the constructor's declaration) that move into the initialization.</summary>
    private static (ImmutableArray<MM0001MovedInitializer> Initializers, MM0001Refusal? Refusal) CollectInitializers(
        MM0001ChosenConstructor chosen, INamedTypeSymbol type, MM0001FixTypes types, CancellationToken cancellationToken)
    {
        var initializers = ImmutableArray.CreateBuilder<MM0001MovedInitializer>();
        foreach (var site in chosen.Sites)
        {
            if (site.Site is not (MM0001Properties.SiteFieldInitializer or MM0001Properties.SitePropertyInitializer))
            {
                continue;
            }

            var (declaration, initializer) = FindInitializer(site.Node);
            if (declaration is null || initializer is null
                || site.Part.Model.GetDeclaredSymbol(declaration, cancellationToken) is not { IsStatic: false } member
                || site.Part != chosen.Part
                || member is IPropertySymbol { GetMethod: null } or IPropertySymbol { IsIndexer: true })
            {
                return (default, new MM0001Refusal(MM0001RefusalReason.UnsupportedInitializer));
            }

            var known = false;
            foreach (var existing in initializers)
            {
                known |= existing.Declaration == declaration;
            }

            if (!known)
            {
                var facts = MM0001MemberFacts.Collect(null, null, null, new[] { site.Part.Model.GetOperation(initializer.Value, cancellationToken) }, type, types, cancellationToken);
                initializers.Add(new MM0001MovedInitializer(site.Part.Document.Id, declaration, initializer, member.OriginalDefinition, facts));
            }
        }

        initializers.Sort((a, b) => a.Declaration.SpanStart.CompareTo(b.Declaration.SpanStart));
        return (initializers.ToImmutable(), null);
    }

    private static (SyntaxNode? Declaration, EqualsValueClauseSyntax? Initializer) FindInitializer(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } declarator:
                    return (declarator, initializer);
                case PropertyDeclarationSyntax { Initializer: { } initializer } property when initializer.Span.Contains(node.Span):
                    return (property, initializer);
                case MemberDeclarationSyntax:
                    return (null, null);
            }
        }

        return (null, null);
    }

    /// <summary>The facts of every method, accessor and operator of the type (constructors aside), and of its nested types.</summary>
    private static ImmutableArray<MM0001MemberFacts> CollectMembers(
        ImmutableArray<MM0001TypePart> parts, INamedTypeSymbol type, MM0001FixTypes types, out ImmutableArray<MM0001MemberFacts> nested, CancellationToken cancellationToken)
    {
        // A partial method's two declarations share one entry (the implementation part's symbol).
        var order = new List<IMethodSymbol>();
        var code = new Dictionary<IMethodSymbol, (SyntaxNode Declaration, DocumentId Document, List<IOperation?> Operations)>(SymbolEqualityComparer.Default);
        var nestedTypes = ImmutableArray.CreateBuilder<MM0001MemberFacts>();
        void Add(MM0001TypePart part, SyntaxNode declaration, IMethodSymbol? symbol, IOperation? operation)
        {
            if (symbol is null)
            {
                return;
            }

            var key = MM0001MemberFacts.Normalize(symbol);
            if (!code.TryGetValue(key, out var entry))
            {
                entry = (declaration, part.Document.Id, new List<IOperation?>());
                code.Add(key, entry);
                order.Add(key);
            }

            entry.Operations.Add(operation);
        }

        foreach (var part in parts)
        {
            var model = part.Model;
            foreach (var member in part.Declaration.Members)
            {
                switch (member)
                {
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        nestedTypes.Add(MM0001MemberFacts.Nested(member, part.Document.Id, model, type, cancellationToken));
                        break;
                    case ConstructorDeclarationSyntax:
                        break; // the chosen constructor is analysed statement by statement, the others whole
                    case BaseMethodDeclarationSyntax method:
                        Add(part, method, model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol, model.GetOperation(method, cancellationToken));
                        break;
                    case BasePropertyDeclarationSyntax property when ((property as PropertyDeclarationSyntax)?.ExpressionBody ?? (property as IndexerDeclarationSyntax)?.ExpressionBody) is { } arrow:
                        Add(part, property, (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod, model.GetOperation(arrow, cancellationToken));
                        break;
                    case BasePropertyDeclarationSyntax { AccessorList: { } accessors }:
                        foreach (var accessor in accessors.Accessors)
                        {
                            Add(part, accessor, model.GetDeclaredSymbol(accessor, cancellationToken) as IMethodSymbol, model.GetOperation(accessor, cancellationToken));
                        }

                        break;
                }
            }
        }

        var members = ImmutableArray.CreateBuilder<MM0001MemberFacts>(order.Count);
        foreach (var key in order)
        {
            var (declaration, document, operations) = code[key];
            members.Add(MM0001MemberFacts.Collect(key, declaration, document, operations, type, types, cancellationToken));
        }

        nested = nestedTypes.ToImmutable();
        return members.ToImmutable();
    }
}
