using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Decides, for one type with MM0001 diagnostics, whether the lazy rewrite and the factory rewrite are safe, and collects
/// every node each would touch. All of a type's diagnostics are handled together (one initialization method per type),
/// so the plan re-runs the MM0001 analyzer over the type's declarations instead of trusting a partial set.
/// </summary>
internal sealed partial class MM0001Planner
{
    private const int MaxConstructorChain = 32;

    private readonly Solution _solution;
    private readonly Project _project;
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _type;
    private readonly MM0001FixTypes _types;
    private readonly bool _planFactory;
    private readonly CancellationToken _cancellationToken;
    private readonly List<TypePart> _parts = new();
    private readonly List<BlockingSite> _sites = new();
    private readonly Dictionary<IMethodSymbol, MM0001MemberFacts> _units = new(SymbolEqualityComparer.Default);
    private readonly List<MM0001MemberFacts> _otherConstructors = new();
    private readonly List<MM0001MemberFacts> _nestedTypes = new();

    private ConstructorDeclarationSyntax? _constructor;
    private TypePart? _constructorPart;
    private ImmutableArray<MM0001AwaitConversion> _conversions;
    private ImmutableArray<MM0001MovedInitializer> _initializers;
    private ImmutableArray<MM0001ConvertedMethod> _convertedMethods = ImmutableArray<MM0001ConvertedMethod>.Empty;
    private List<CodeUnit> _constructorUnits = new();
    private string _initializeMethodName = "InitializeAsync";
    private ImmutableHashSet<string> _takenNames = ImmutableHashSet<string>.Empty;

    private MM0001Planner(Solution solution, Project project, Compilation compilation, INamedTypeSymbol type, MM0001FixTypes types, bool planFactory, CancellationToken cancellationToken)
    {
        _solution = solution;
        _project = project;
        _compilation = compilation;
        _type = type;
        _types = types;
        _planFactory = planFactory;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The type whose construction code holds <paramref name="span"/>.</summary>
    public static async Task<INamedTypeSymbol?> FindTypeAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || span.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax declaration)
            {
                return model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
            }
        }

        return null;
    }

    /// <summary>
    /// Plans the rewrites of <paramref name="type"/> (a symbol of <paramref name="project"/>'s compilation). The factory is
    /// only planned when <paramref name="planFactory"/> is set and the lazy rewrite is not safe (it needs a search of the solution).
    /// </summary>
    public static async Task<MM0001Plan?> PlanAsync(Solution solution, Project project, INamedTypeSymbol type, bool planFactory, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || !MM0001FixTypes.TryCreate(compilation, out var types))
        {
            return null;
        }

        var planner = new MM0001Planner(solution, project, compilation, type, types, planFactory, cancellationToken);
        return await planner.PlanAsync().ConfigureAwait(false);
    }

    private async Task<MM0001Plan?> PlanAsync()
    {
        var common = await PlanCommonAsync().ConfigureAwait(false);
        if (common is not null)
        {
            return null; // nothing to fix (or the shape admits no rewrite at all)
        }

        var covered = ImmutableArray.CreateBuilder<Location>();
        foreach (var site in _sites)
        {
            covered.Add(site.Node.GetLocation());
        }

        var shared = new MM0001Shared(
            covered.ToImmutable(),
            _constructorPart!.Document.Id,
            _constructorPart.Declaration,
            _constructor,
            _conversions,
            _initializers,
            _convertedMethods,
            _initializeMethodName);

        var lazy = PlanLazy(out var lazyRejection);
        MM0001FactoryPlan? factory = null;
        string? factoryRejection = "the lazy rewrite is offered";
        if (lazy is null && _planFactory)
        {
            (factory, factoryRejection) = await PlanFactoryAsync().ConfigureAwait(false);
        }

        return new MM0001Plan(_type, _types, shared, lazy, factory, lazyRejection, factory is null ? factoryRejection : null);
    }

    /// <summary>Everything both rewrites need; returns a rejection reason, or null when a rewrite may be possible.</summary>
    private async Task<string?> PlanCommonAsync()
    {
        if (_type.TypeKind != TypeKind.Class || _type.IsStatic || _type.IsRecord || _type.IsImplicitlyDeclared)
        {
            return "only classes (not records, structs or static classes)";
        }

        foreach (var reference in _type.DeclaringSyntaxReferences)
        {
            var node = await reference.GetSyntaxAsync(_cancellationToken).ConfigureAwait(false);
            if (node is not ClassDeclarationSyntax declaration || declaration.ParameterList is not null)
            {
                return "a primary constructor has no body to move code out of";
            }

            var document = _solution.GetDocument(node.SyntaxTree);
            if (document is null || document.Project.Id != _project.Id)
            {
                return "a declaration outside the project";
            }

            // The document's own model: shares bound member bodies with the rest of the fix (and the IDE's other features).
            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            _parts.Add(new TypePart(document, declaration, model?.Compilation == _compilation ? model : _compilation.GetSemanticModel(node.SyntaxTree)));
        }

        if (_parts.Count == 0)
        {
            return "no source";
        }

        // Half-typed code: no rewrite (it would carry the errors along, or add new ones).
        foreach (var part in _parts)
        {
            foreach (var diagnostic in part.Model.GetDiagnostics(part.Declaration.Span, _cancellationToken))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return "the type has compile errors";
                }
            }
        }

        var diagnosticRejection = CollectSites();
        if (diagnosticRejection is not null)
        {
            return diagnosticRejection;
        }

        return ChooseConstructor() ?? CollectConversions() ?? CollectUnits();
    }

    /// <summary>
    /// Collects the type's MM0001 sites by running the rule itself over the type's construction code (constructors and
    /// field, property and event initializers of these declarations): the same logic the analyzer runs, without a second
    /// analyzer driver over a cloned compilation (which would bind the type again and dominated the fix's latency).
    /// Sites silenced with <c>#pragma warning disable MM0001</c> stay where they are, as they would have no diagnostic.
    /// </summary>
    private string? CollectSites()
    {
        if (!BlockingWaitTypes.TryCreate(_compilation, out var waitTypes))
        {
            return "no Task type";
        }

        var options = new MM0001Options();
        BlockingCallSummaries? summaries = null;
        foreach (var part in _parts)
        {
            var tree = part.Declaration.SyntaxTree;
            if (IsGeneratedCode(tree))
            {
                continue; // the analyzer does not report in generated code, so nothing there is a site
            }

            var calls = options.FollowOwnCalls(_project.AnalyzerOptions, tree)
                ? summaries ??= new BlockingCallSummaries(_compilation, waitTypes)
                : null;
            var root = tree.GetRoot(_cancellationToken);
            var pragmas = CollectPragmas(root);
            var found = new List<Diagnostic>();
            foreach (var (owner, operation) in ConstructionCode(part))
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant.Kind is OperationKind.Invocation or OperationKind.PropertyReference
                        && MM0001BlockingWaitInConstructorAnalyzer.Analyze(descendant, owner, _type, waitTypes, calls, _cancellationToken) is { } diagnostic)
                    {
                        found.Add(diagnostic);
                    }
                }
            }

            foreach (var diagnostic in found)
            {
                if (diagnostic.Location.SourceTree != tree || IsSuppressedByPragma(pragmas, diagnostic.Location.SourceSpan.Start))
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!IsDirectlyIn(node, part.Declaration))
                {
                    continue; // a nested type's diagnostic: that type's own rewrite
                }

                diagnostic.Properties.TryGetValue(MM0001Properties.Form, out var form);
                diagnostic.Properties.TryGetValue(MM0001Properties.Site, out var site);
                if (form is null || site is null)
                {
                    return "a diagnostic without the analyzer's properties";
                }

                var operation = part.Model.GetOperation(node, _cancellationToken);
                if (operation is null)
                {
                    return "an unbound blocking expression";
                }

                _sites.Add(new BlockingSite(part, node, operation, form, site));
            }
        }

        return _sites.Count == 0 ? "no MM0001 diagnostic in the type" : null;
    }

    /// <summary>
    /// Generated code as the analyzer driver sees it: <c>generated_code</c> in .editorconfig, a generated file name
    /// (<c>.g.cs</c>, <c>.g.i.cs</c>, <c>.designer.cs</c>, <c>.generated.cs</c>) or an <c>&lt;auto-generated&gt;</c> header comment.
    /// </summary>
    private bool IsGeneratedCode(SyntaxTree tree)
    {
        if (_project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var configured))
        {
            return string.Equals(configured.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        var fileName = System.IO.Path.GetFileName(tree.FilePath ?? string.Empty);
        if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot(_cancellationToken).GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The operation blocks of <paramref name="part"/>'s own members that run while an instance or the type is constructed.</summary>
    private IEnumerable<(ISymbol Owner, IOperation Operation)> ConstructionCode(TypePart part)
    {
        var model = part.Model;
        foreach (var member in part.Declaration.Members)
        {
            switch (member)
            {
                case ConstructorDeclarationSyntax constructor:
                    if (model.GetDeclaredSymbol(constructor, _cancellationToken) is { } constructorSymbol
                        && model.GetOperation(constructor, _cancellationToken) is { } body)
                    {
                        yield return (constructorSymbol, body);
                    }

                    break;
                case BaseFieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer
                            && model.GetDeclaredSymbol(variable, _cancellationToken) is { } variableSymbol
                            && MM0001BlockingWaitInConstructorAnalyzer.RunsDuringConstruction(variableSymbol)
                            && model.GetOperation(initializer, _cancellationToken) is { } value)
                        {
                            yield return (variableSymbol, value);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property:
                    if (model.GetDeclaredSymbol(property, _cancellationToken) is { } propertySymbol
                        && model.GetOperation(propertyInitializer, _cancellationToken) is { } propertyValue)
                    {
                        yield return (propertySymbol, propertyValue);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The positions where a <c>#pragma warning disable</c> or <c>restore</c> of MM0001 (or of every warning) takes effect,
    /// in source order: only nodes that contain directives are descended into, so a file without pragmas costs nothing.
    /// </summary>
    private static List<(int Position, bool Disables)>? CollectPragmas(SyntaxNode root)
    {
        if (!root.ContainsDirectives)
        {
            return null;
        }

        List<(int, bool)>? pragmas = null;
        foreach (var token in root.DescendantTokens(static node => node.ContainsDirectives))
        {
            if (!token.ContainsDirectives)
            {
                continue;
            }

            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.GetStructure() is not PragmaWarningDirectiveTriviaSyntax { IsActive: true } pragma)
                {
                    continue;
                }

                var applies = pragma.ErrorCodes.Count == 0;
                foreach (var code in pragma.ErrorCodes)
                {
                    applies |= code is IdentifierNameSyntax { Identifier.ValueText: DiagnosticIds.BlockingWaitInConstructor };
                }

                if (applies)
                {
                    (pragmas ??= new()).Add((pragma.SpanStart, pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)));
                }
            }
        }

        return pragmas;
    }

    private static bool IsSuppressedByPragma(List<(int Position, bool Disables)>? pragmas, int position)
    {
        var disabled = false;
        if (pragmas is not null)
        {
            foreach (var (start, disables) in pragmas)
            {
                if (start >= position)
                {
                    break;
                }

                disabled = disables;
            }
        }

        return disabled;
    }

    private static bool IsDirectlyIn(SyntaxNode node, TypeDeclarationSyntax declaration)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax type)
            {
                return type == declaration;
            }
        }

        return false;
    }

    /// <summary>Finds the constructor whose body (or whose instances' initializers) blocks, and checks the constructor graph.</summary>
    private string? ChooseConstructor()
    {
        ConstructorDeclarationSyntax? bodyConstructor = null;
        var hasInitializerSites = false;

        // Static constructors and initializers, constructor initializer arguments: no instance to hang the work on, or
        // code that must run before the base constructor. Those diagnostics stay; the others of the type can be fixed.
        _sites.RemoveAll(static site => site.Site is not (MM0001Properties.SiteConstructor or MM0001Properties.SiteFieldInitializer or MM0001Properties.SitePropertyInitializer));
        if (_sites.Count == 0)
        {
            return "blocking only where no instance can defer it (static or base-constructor code)";
        }

        foreach (var site in _sites)
        {
            switch (site.Site)
            {
                case MM0001Properties.SiteConstructor:
                    if (site.Node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { } constructor
                        || constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
                        || (constructor.Body is null && constructor.ExpressionBody is null))
                    {
                        return "blocking outside an instance constructor body";
                    }

                    if (bodyConstructor is not null && bodyConstructor != constructor)
                    {
                        return "more than one constructor blocks";
                    }

                    bodyConstructor = constructor;
                    site.Constructor = constructor;
                    break;
                case MM0001Properties.SiteFieldInitializer:
                case MM0001Properties.SitePropertyInitializer:
                    hasInitializerSites = true;
                    break;
                default:
                    return "blocking in " + site.Site;
            }
        }

        var explicitConstructors = new List<(ConstructorDeclarationSyntax Syntax, IMethodSymbol Symbol, TypePart Part)>();
        foreach (var constructor in _type.InstanceConstructors)
        {
            if (constructor.IsImplicitlyDeclared)
            {
                continue;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is not ConstructorDeclarationSyntax syntax)
                {
                    return "a constructor without a declaration";
                }

                var part = FindPart(syntax);
                if (part is null)
                {
                    return "a constructor outside the type's declarations";
                }

                explicitConstructors.Add((syntax, constructor, part));
            }
        }

        if (bodyConstructor is null)
        {
            // Only initializers block: they run in every constructor that does not chain to this(...); there must be one.
            ConstructorDeclarationSyntax? root = null;
            foreach (var (syntax, _, _) in explicitConstructors)
            {
                if (syntax.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
                {
                    continue;
                }

                if (root is not null)
                {
                    return "several constructors run the blocking initializers";
                }

                root = syntax;
            }

            if (root is null && explicitConstructors.Count > 0)
            {
                return "no root constructor";
            }

            bodyConstructor = root;
        }
        else if (bodyConstructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
        {
            return "the blocking constructor chains to another constructor";
        }

        _ = hasInitializerSites;
        _constructor = bodyConstructor;
        if (bodyConstructor is not null)
        {
            _constructorPart = FindPart(bodyConstructor);
            if (bodyConstructor.Body is null && bodyConstructor.ExpressionBody is null)
            {
                return "a constructor without a body";
            }
        }
        else
        {
            // The implicit constructor: the part holding the first blocking initializer gets the written one.
            _constructorPart = _sites[0].Part;
        }

        if (_constructorPart is null)
        {
            return "the constructor's declaration was not found";
        }

        // Every other constructor must run the chosen one (this(...) chains), or its instances would miss the work.
        foreach (var (syntax, symbol, part) in explicitConstructors)
        {
            if (syntax == bodyConstructor)
            {
                continue;
            }

            var facts = new MM0001MemberFacts(symbol, syntax, part.Document.Id);
            facts.Add(part.Model.GetOperation(syntax, _cancellationToken), _type, _types, _cancellationToken);
            _otherConstructors.Add(facts);
            if (!ChainsTo(syntax, part, bodyConstructor))
            {
                return "a constructor does not chain to the blocking one";
            }
        }

        return null;
    }

    private bool ChainsTo(ConstructorDeclarationSyntax start, TypePart startPart, ConstructorDeclarationSyntax? target)
    {
        var current = start;
        var part = startPart;
        for (var step = 0; step < MaxConstructorChain; step++)
        {
            if (current.Initializer is not { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword } initializer)
            {
                return false;
            }

            if (part.Model.GetSymbolInfo(initializer, _cancellationToken).Symbol is not IMethodSymbol next)
            {
                return false;
            }

            if (next.IsImplicitlyDeclared || next.DeclaringSyntaxReferences.Length != 1
                || next.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not ConstructorDeclarationSyntax nextSyntax)
            {
                return false;
            }

            if (nextSyntax == target)
            {
                return true;
            }

            current = nextSyntax;
            part = FindPart(nextSyntax) ?? part;
        }

        return false;
    }

    private TypePart? FindPart(SyntaxNode node)
    {
        foreach (var part in _parts)
        {
            if (part.Declaration.SyntaxTree == node.SyntaxTree && part.Declaration.Span.Contains(node.Span))
            {
                return part;
            }
        }

        return null;
    }

    /// <summary>Turns every blocking site into an await conversion (or rejects the type) and collects moved initializers.</summary>
    private string? CollectConversions()
    {
        var conversions = ImmutableArray.CreateBuilder<MM0001AwaitConversion>();
        var initializers = ImmutableArray.CreateBuilder<MM0001MovedInitializer>();
        var calls = new List<BlockingSite>();
        foreach (var site in _sites)
        {
            if (site.Form == MM0001Properties.Call)
            {
                calls.Add(site);
                continue;
            }

            var conversion = MM0001AwaitConversion.TryCreate(site.Operation, site.Form, _types);
            if (conversion is null)
            {
                return "'" + site.Node + "' has no await equivalent here";
            }

            conversions.Add(conversion);
        }

        if (calls.Count > 0)
        {
            var rejection = PlanConvertedMethods(calls, conversions);
            if (rejection is not null)
            {
                return rejection;
            }
        }

        foreach (var site in _sites)
        {
            if (site.Site is not (MM0001Properties.SiteFieldInitializer or MM0001Properties.SitePropertyInitializer))
            {
                continue;
            }

            var (declaration, initializer) = FindInitializer(site.Node);
            if (declaration is null || initializer is null)
            {
                return "an initializer that is not a field or auto-property initializer";
            }

            var member = site.Part.Model.GetDeclaredSymbol(declaration, _cancellationToken);
            if (member is null || member.IsStatic || site.Part != _constructorPart)
            {
                return "initializers in several parts of a partial type";
            }

            if (member is IPropertySymbol { GetMethod: null } or IPropertySymbol { IsIndexer: true })
            {
                return "an initializer of a property without getter";
            }

            var known = false;
            foreach (var existing in initializers)
            {
                known |= existing.Declaration == declaration;
            }

            if (!known)
            {
                initializers.Add(new MM0001MovedInitializer(site.Part.Document.Id, declaration, initializer, member));
            }
        }

        initializers.Sort((a, b) => a.Declaration.SpanStart.CompareTo(b.Declaration.SpanStart));
        _conversions = conversions.ToImmutable();
        _initializers = initializers.ToImmutable();
        return null;
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

    /// <summary>The facts of every member of the type, and the names in use.</summary>
    private string? CollectUnits()
    {
        CollectUsedNames();
        foreach (var part in _parts)
        {
            foreach (var member in part.Declaration.Members)
            {
                CollectMember(part, member);
            }
        }

        _initializeMethodName = UniqueName("InitializeAsync");
        if (_constructor is not null)
        {
            var body = (SyntaxNode?)_constructor.Body ?? _constructor.ExpressionBody!.Expression;
            var nodes = _constructor.Body is { } block ? (IEnumerable<SyntaxNode>)block.Statements : new[] { body };
            var index = 0;
            foreach (var node in nodes)
            {
                var unit = new CodeUnit(node, index++);
                unit.Facts.Add(_constructorPart!.Model.GetOperation(node, _cancellationToken), _type, _types, _cancellationToken);
                _constructorUnits.Add(unit);
            }

            foreach (var site in _sites)
            {
                if (site.Constructor is null)
                {
                    continue;
                }

                foreach (var unit in _constructorUnits)
                {
                    unit.HasSite |= unit.Node.Span.Contains(site.Node.Span);
                }
            }
        }

        return null;
    }

    private void CollectMember(TypePart part, MemberDeclarationSyntax member)
    {
        switch (member)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                var nested = new MM0001MemberFacts(null, member, part.Document.Id);
                CollectNested(part, member, nested);
                _nestedTypes.Add(nested);
                break;
            case ConstructorDeclarationSyntax:
                // The chosen constructor is analysed statement by statement; the others were collected with the chain check.
                break;
            case BaseMethodDeclarationSyntax method:
                AddUnit(part, method, method);
                break;
            case BasePropertyDeclarationSyntax property:
                var arrow = (property as PropertyDeclarationSyntax)?.ExpressionBody ?? (property as IndexerDeclarationSyntax)?.ExpressionBody;
                if (arrow is not null)
                {
                    if (part.Model.GetDeclaredSymbol(property, _cancellationToken) is IPropertySymbol { GetMethod: { } getter })
                    {
                        AddUnit(part, getter, property, part.Model.GetOperation(arrow, _cancellationToken));
                    }
                }
                else if (property.AccessorList is { } accessors)
                {
                    foreach (var accessor in accessors.Accessors)
                    {
                        AddUnit(part, accessor, accessor);
                    }
                }

                break;
        }
    }

    private void AddUnit(TypePart part, SyntaxNode declaration, SyntaxNode operationRoot, IOperation? operation = null)
    {
        if (part.Model.GetDeclaredSymbol(declaration, _cancellationToken) is not IMethodSymbol symbol)
        {
            return;
        }

        AddUnit(part, symbol, declaration, operation ?? part.Model.GetOperation(operationRoot, _cancellationToken));
    }

    private void AddUnit(TypePart part, IMethodSymbol symbol, SyntaxNode declaration, IOperation? operation)
    {
        var key = MM0001MemberFacts.Normalize(symbol);
        if (!_units.TryGetValue(key, out var facts))
        {
            facts = new MM0001MemberFacts(key, declaration, part.Document.Id);
            _units.Add(key, facts);
        }

        facts.Add(operation, _type, _types, _cancellationToken);
    }

    /// <summary>Nested types: every use of an own member counts as a use through another instance (unguarded).</summary>
    private void CollectNested(TypePart part, SyntaxNode nested, MM0001MemberFacts facts)
    {
        foreach (var node in nested.DescendantNodes())
        {
            if (node is not SimpleNameSyntax name)
            {
                continue;
            }

            var symbol = part.Model.GetSymbolInfo(name, _cancellationToken).Symbol;
            if (!MM0001MemberFacts.IsOwn(symbol, _type))
            {
                continue;
            }

            switch (symbol)
            {
                case IMethodSymbol method:
                    facts.Escapes.Add(MM0001MemberFacts.Normalize(method));
                    break;
                case IFieldSymbol or IPropertySymbol or IEventSymbol:
                    facts.Accesses.Add(new MM0001Access(symbol!.OriginalDefinition, MM0001Receiver.Other, inDeferredCode: false));
                    break;
            }
        }
    }

    private string UniqueName(string baseName)
    {
        var name = CodeFixes.Infrastructure.UniqueNames.Choose(baseName, _takenNames);
        _takenNames = _takenNames.Add(name);
        return name;
    }

    /// <summary>One declaration of the (possibly partial) type.</summary>
    private sealed class TypePart
    {
        public TypePart(Document document, TypeDeclarationSyntax declaration, SemanticModel model)
        {
            Document = document;
            Declaration = declaration;
            Model = model;
        }

        public Document Document { get; }

        public TypeDeclarationSyntax Declaration { get; }

        public SemanticModel Model { get; }
    }

    /// <summary>A diagnostic of the type: where it is, what blocks and how.</summary>
    private sealed class BlockingSite
    {
        public BlockingSite(TypePart part, SyntaxNode node, IOperation operation, string form, string site)
        {
            Part = part;
            Node = node;
            Operation = operation;
            Form = form;
            Site = site;
        }

        public TypePart Part { get; }

        public SyntaxNode Node { get; }

        public IOperation Operation { get; }

        public string Form { get; }

        public string Site { get; }

        public ConstructorDeclarationSyntax? Constructor { get; set; }
    }

    /// <summary>One top-level statement of the constructor (or its expression body).</summary>
    private sealed class CodeUnit
    {
        public CodeUnit(SyntaxNode node, int index)
        {
            Node = node;
            Index = index;
            Facts = new MM0001MemberFacts(null, node, null);
        }

        public SyntaxNode Node { get; }

        public int Index { get; }

        public MM0001MemberFacts Facts { get; }

        public bool HasSite { get; set; }
    }
}
