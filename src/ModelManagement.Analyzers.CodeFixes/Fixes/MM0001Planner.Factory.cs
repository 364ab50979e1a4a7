using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>The factory rewrite: can every creation of the type await a factory instead?</summary>
internal sealed partial class MM0001Planner
{
    private async Task<(MM0001FactoryPlan? Plan, string? Rejection)> PlanFactoryAsync()
    {
        if (_type.IsAbstract)
        {
            return (null, "an abstract type is not created by a factory");
        }

        if (_otherConstructors.Count > 0)
        {
            return (null, "the type has several constructors");
        }

        IMethodSymbol? constructor = null;
        foreach (var candidate in _type.InstanceConstructors)
        {
            constructor = candidate;
        }

        if (constructor is null || _type.InstanceConstructors.Length != 1)
        {
            return (null, "the constructor was not found");
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                return (null, "the constructor has a ref, out, in or params parameter");
            }
        }

        var derived = await SymbolFinder.FindDerivedClassesAsync(_type, _solution, transitive: false, projects: null, _cancellationToken).ConfigureAwait(false);
        foreach (var _ in derived)
        {
            return (null, "the type has derived types");
        }

        // The constructor keeps its statements up to the first one that blocks (or that touches what blocking
        // initializers set); the rest runs, in order, in the initialization method the factory awaits right away.
        var start = _constructorUnits.Count;
        foreach (var unit in _constructorUnits)
        {
            if (unit.HasSite)
            {
                start = unit.Index;
                break;
            }
        }

        // A return before the blocking code skipped it: then the whole body moves (the return keeps skipping it).
        for (var i = 0; i < start; i++)
        {
            foreach (var node in _constructorUnits[i].Node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax)
                {
                    start = 0;
                }
            }
        }

        if (_initializers.Length > 0)
        {
            var initialized = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var initializer in _initializers)
            {
                initialized.Add(initializer.Member.OriginalDefinition);
            }

            for (var i = 0; i < start; i++)
            {
                var facts = _constructorUnits[i].Facts;
                if (facts.Calls.Count > 0 || facts.UsesThisOrDeferredCode || ReadsDirectly(facts, initialized))
                {
                    start = i;
                    break;
                }
            }
        }

        var suffix = new List<CodeUnit>();
        for (var i = start; i < _constructorUnits.Count; i++)
        {
            suffix.Add(_constructorUnits[i]);
        }

        var parameters = ImmutableArray<MM0001CapturedVariable>.Empty;
        if (suffix.Count > 0)
        {
            var rejection = CollectFactoryParameters(constructor, ref start, suffix, out parameters);
            if (rejection is not null)
            {
                return (null, rejection);
            }

            rejection = CheckMovedCode(suffix, allowReturn: true);
            if (rejection is not null)
            {
                return (null, rejection);
            }
        }

        var callers = ImmutableArray.CreateBuilder<MM0001NodeEdit<ExpressionSyntax>>();
        var callerRejection = await CollectCallersAsync(constructor, callers).ConfigureAwait(false)
            ?? await CheckTypeReferencesAsync().ConfigureAwait(false);
        if (callerRejection is not null)
        {
            return (null, callerRejection);
        }

        var init = new MM0001MemberFacts(null, null, null);
        foreach (var unit in suffix)
        {
            Merge(init, unit.Facts);
        }

        foreach (var initializer in _initializers)
        {
            init.Assignments.Add(initializer.Member.OriginalDefinition);
        }

        var stateMembers = CollectStateMembers(init.Assignments, out var stateRejection);
        if (stateRejection is not null)
        {
            return (null, stateRejection);
        }

        var statements = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var unit in suffix)
        {
            if (unit.Node is StatementSyntax statement)
            {
                statements.Add(statement);
            }
        }

        // Parameters the constructor still uses (kept statements, base(...) arguments); the others only fed the moved code.
        var keptNames = new HashSet<string>(System.StringComparer.Ordinal);
        if (_constructor is not null)
        {
            var keptNodes = new List<SyntaxNode>();
            if (_constructor.Initializer is { } constructorInitializer)
            {
                keptNodes.Add(constructorInitializer);
            }

            for (var i = 0; i < start; i++)
            {
                keptNodes.Add(_constructorUnits[i].Node);
            }

            foreach (var node in keptNodes)
            {
                foreach (var name in node.DescendantNodesAndSelf())
                {
                    if (name is IdentifierNameSyntax identifier)
                    {
                        keptNames.Add(identifier.Identifier.ValueText);
                    }
                }
            }
        }

        var kept = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (keptNames.Contains(constructor.Parameters[i].Name))
            {
                kept.Add(i);
            }
        }

        var parameterNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in constructor.Parameters)
        {
            parameterNames.Add(parameter.Name);
        }

        return (new MM0001FactoryPlan(
            statements.ToImmutable(),
            _constructor?.ExpressionBody is not null && suffix.Count > 0,
            parameters,
            callers.ToImmutable(),
            stateMembers,
            UniqueName("CreateAsync"),
            UniqueLocal("cancellationToken", parameterNames),
            UniqueLocal("instance", parameterNames),
            constructor.IsImplicitlyDeclared ? Accessibility.Public : constructor.DeclaredAccessibility,
            kept.ToImmutable(),
            DocumentationComments.AreRequired(_type, constructor.IsImplicitlyDeclared ? Accessibility.Public : constructor.DeclaredAccessibility, _constructorPart!.Declaration.SyntaxTree)), null);
    }

    private static string UniqueLocal(string baseName, HashSet<string> taken)
    {
        var name = baseName;
        for (var i = 1; taken.Contains(name); i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(name);
        return name;
    }

    /// <summary>
    /// The constructor parameters the moved statements read. Locals of the kept statements cannot reach the factory,
    /// nor can parameters the kept statements reassign: then the whole body moves.
    /// </summary>
    private string? CollectFactoryParameters(IMethodSymbol constructor, ref int start, List<CodeUnit> suffix, out ImmutableArray<MM0001CapturedVariable> parameters)
    {
        parameters = ImmutableArray<MM0001CapturedVariable>.Empty;
        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in suffix)
        {
            var flow = AnalyzeDataFlow(unit.Node);
            if (flow is null)
            {
                return "data flow of the constructor is not available";
            }

            declared.UnionWith(flow.VariablesDeclared);
            used.UnionWith(flow.ReadInside);
            used.UnionWith(flow.WrittenInside);
        }

        var moveAll = false;
        foreach (var variable in used)
        {
            if (variable is ILocalSymbol && !declared.Contains(variable))
            {
                moveAll = true;
            }
        }

        for (var i = 0; i < start && !moveAll; i++)
        {
            var flow = AnalyzeDataFlow(_constructorUnits[i].Node);
            if (flow is null)
            {
                return "data flow of the constructor is not available";
            }

            foreach (var variable in flow.WrittenInside)
            {
                moveAll |= variable is IParameterSymbol && used.Contains(variable);
            }
        }

        if (moveAll && start > 0)
        {
            for (var i = start - 1; i >= 0; i--)
            {
                suffix.Insert(0, _constructorUnits[i]);
            }

            start = 0;
            return CollectFactoryParameters(constructor, ref start, suffix, out parameters);
        }

        var result = ImmutableArray.CreateBuilder<MM0001CapturedVariable>();
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (used.Contains(constructor.Parameters[i]))
            {
                result.Add(new MM0001CapturedVariable(constructor.Parameters[i], _constructor!.ParameterList.Parameters[i].Type));
            }
        }

        parameters = result.ToImmutable();
        return null;
    }

    /// <summary>Every <c>new T(...)</c> in the solution must be in async code, where it becomes <c>await T.CreateAsync(...)</c>.</summary>
    private async Task<string?> CollectCallersAsync(IMethodSymbol constructor, ImmutableArray<MM0001NodeEdit<ExpressionSyntax>>.Builder callers)
    {
        var references = await SymbolFinder.FindReferencesAsync(constructor, _solution, _cancellationToken).ConfigureAwait(false);
        foreach (var referenced in references)
        {
            foreach (var location in referenced.Locations)
            {
                if (location.IsCandidateLocation || location.Location.SourceTree is not { } tree)
                {
                    return "a creation of the type the search cannot rewrite";
                }

                var document = location.Document;
                if (document.Project.Language != LanguageNames.CSharp)
                {
                    return "a creation of the type outside C#";
                }

                var root = await tree.GetRootAsync(_cancellationToken).ConfigureAwait(false);
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
                    return "the constructor is called other than by 'new'";
                }

                if (creation.Initializer is not null)
                {
                    return "a creation with an object or collection initializer";
                }

                var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                if (model is null)
                {
                    return "no semantic model for a creation";
                }

                var function = FindEnclosingFunction(creation);
                if (function is null || !MM0001AwaitConversion.CanAwaitAt(creation))
                {
                    return "'" + creation + "' is not in async code";
                }

                callers.Add(new MM0001NodeEdit<ExpressionSyntax>(document.Id, creation, CancellationTokens.FindInScope(model, creation, _cancellationToken)?.Name, createdType: model.GetTypeInfo(creation, _cancellationToken).Type));
            }
        }

        return null;
    }

    /// <summary>The async function (method, local function, lambda, top-level statements) whose code holds <paramref name="node"/>, or null.</summary>
    private static SyntaxNode? FindEnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? function : null;
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword) ? localFunction : null;
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword) ? method : null;
                case GlobalStatementSyntax global:
                    return global; // top-level statements may await
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Creations the search cannot see: <c>typeof(T)</c> (reflection, DI registration), a type argument of a generic
    /// method (<c>AddSingleton&lt;T&gt;()</c>) or of a <c>new()</c>-constrained type parameter.
    /// </summary>
    private async Task<string?> CheckTypeReferencesAsync()
    {
        var references = await SymbolFinder.FindReferencesAsync(_type, _solution, _cancellationToken).ConfigureAwait(false);
        foreach (var referenced in references)
        {
            foreach (var location in referenced.Locations)
            {
                if (location.Location.SourceTree is not { } tree || IsInOwnDeclaration(tree, location.Location.SourceSpan))
                {
                    continue;
                }

                var root = await tree.GetRootAsync(_cancellationToken).ConfigureAwait(false);
                var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node.FirstAncestorOrSelf<TypeOfExpressionSyntax>() is not null)
                {
                    return "typeof(" + _type.Name + ") is used (reflection may create it)";
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

                var model = await location.Document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
                var symbol = model?.GetSymbolInfo(generic, _cancellationToken).Symbol;
                var index = list.Arguments.IndexOf((TypeSyntax)typeNode);
                switch (symbol)
                {
                    case IMethodSymbol:
                        return _type.Name + " is a type argument of a generic method (a container may create it)";
                    case INamedTypeSymbol named when index >= 0 && index < named.TypeParameters.Length && named.TypeParameters[index].HasConstructorConstraint:
                        return _type.Name + " is a new()-constrained type argument";
                }
            }
        }

        return null;
    }

    private bool IsInOwnDeclaration(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        foreach (var part in _parts)
        {
            if (part.Declaration.SyntaxTree == tree && part.Declaration.Span.Contains(span))
            {
                return true;
            }
        }

        return false;
    }
}
