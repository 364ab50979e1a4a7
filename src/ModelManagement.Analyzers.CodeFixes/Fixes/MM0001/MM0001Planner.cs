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
        => (await DecideAsync(solution, project, type, planFactory, cancellationToken).ConfigureAwait(false)).Plan;

    /// <summary>Like <see cref="PlanAsync"/>, with the typed reason when no rewrite is offered.</summary>
    public static async Task<MM0001Decision> DecideAsync(Solution solution, Project project, INamedTypeSymbol type, bool planFactory, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || !MM0001FixTypes.TryCreate(compilation, out var types))
        {
            return MM0001Decision.Refused(new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, type));
        }

        var planner = new MM0001Planner(solution, project, compilation, type, types, planFactory, cancellationToken);
        return await planner.DecideAsync().ConfigureAwait(false);
    }

    private async Task<MM0001Decision> DecideAsync()
    {
        var common = await PlanCommonAsync().ConfigureAwait(false);
        if (common is not null)
        {
            return MM0001Decision.Refused(common); // the shape admits neither rewrite
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
        MM0001Refusal? factoryRejection = null;
        if (lazy is null && _planFactory)
        {
            (factory, factoryRejection) = await PlanFactoryAsync().ConfigureAwait(false);
        }

        return MM0001Decision.For(new MM0001Plan(_type, _types, shared, lazy, factory, lazyRejection, factory is null ? factoryRejection : null));
    }

    /// <summary>Everything both rewrites need; returns a rejection reason, or null when a rewrite may be possible.</summary>
    private async Task<MM0001Refusal?> PlanCommonAsync()
    {
        if (_type.TypeKind != TypeKind.Class || _type.IsStatic || _type.IsRecord || _type.IsImplicitlyDeclared)
        {
            return new MM0001Refusal(MM0001RefusalReason.UnsupportedTypeKind, _type);
        }

        foreach (var reference in _type.DeclaringSyntaxReferences)
        {
            var node = await reference.GetSyntaxAsync(_cancellationToken).ConfigureAwait(false);
            if (node is not ClassDeclarationSyntax declaration || declaration.ParameterList is not null)
            {
                return new MM0001Refusal(MM0001RefusalReason.UnsupportedTypeKind, _type);
            }

            var document = _solution.GetDocument(node.SyntaxTree);
            if (document is null || document.Project.Id != _project.Id)
            {
                return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
            }

            // The document's own model: shares bound member bodies with the rest of the fix (and the IDE's other features).
            var model = await document.GetSemanticModelAsync(_cancellationToken).ConfigureAwait(false);
            _parts.Add(new TypePart(document, declaration, model?.Compilation == _compilation ? model : _compilation.GetSemanticModel(node.SyntaxTree)));
        }

        if (_parts.Count == 0)
        {
            return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
        }

        // Half-typed code: no rewrite (it would carry the errors along, or add new ones).
        foreach (var part in _parts)
        {
            foreach (var diagnostic in part.Model.GetDiagnostics(part.Declaration.Span, _cancellationToken))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return new MM0001Refusal(MM0001RefusalReason.CompileErrors, node: part.Declaration);
                }
            }
        }

        var diagnosticRejection = await CollectSitesAsync().ConfigureAwait(false);
        if (diagnosticRejection is not null)
        {
            return diagnosticRejection;
        }

        return ChooseConstructor() ?? CollectConversions() ?? CollectUnits();
    }

    /// <summary>
    /// Collects the type's MM0001 sites from the real diagnostics: the MM0001 analyzer runs through the analyzer driver
    /// over just the type's declarations with the project's options, so every suppression form the build honours —
    /// <c>#pragma</c>, <c>[SuppressMessage]</c>, editorconfig/globalconfig severity <c>none</c>, generated code (files and
    /// <c>[GeneratedCode]</c> members) — leaves a wait where it is, exactly as it leaves it unreported.
    /// </summary>
    private async Task<MM0001Refusal?> CollectSitesAsync()
    {
        var withAnalyzers = _compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MM0001BlockingWaitInConstructorAnalyzer()),
            new CompilationWithAnalyzersOptions(_project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        foreach (var part in _parts)
        {
            var tree = part.Declaration.SyntaxTree;
            var root = await tree.GetRootAsync(_cancellationToken).ConfigureAwait(false);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            if (ConstructionSpan(part.Declaration) is not { } span)
            {
                continue;
            }

            var found = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, _cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in found)
            {
                if (diagnostic.Id != DiagnosticIds.BlockingWaitInConstructor || diagnostic.IsSuppressed || diagnostic.Location.SourceTree != tree)
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
                    return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
                }

                var operation = part.Model.GetOperation(node, _cancellationToken);
                if (operation is null)
                {
                    return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, node: node);
                }

                _sites.Add(new BlockingSite(part, node, operation, form, site));
            }
        }

        _sites.Sort(static (a, b) => a.Node.SpanStart.CompareTo(b.Node.SpanStart));
        return _sites.Count == 0 ? new MM0001Refusal(MM0001RefusalReason.CannotAnalyze, _type) : null;
    }

    /// <summary>
    /// The span from the first to the last member of <paramref name="declaration"/> that runs during construction
    /// (constructors, initialized fields and properties): the only code MM0001 reports in, so the driver binds no more
    /// of the type than it must. Null when the part has none.
    /// </summary>
    private static TextSpan? ConstructionSpan(TypeDeclarationSyntax declaration)
    {
        TextSpan? span = null;
        foreach (var member in declaration.Members)
        {
            var runsDuringConstruction = member switch
            {
                ConstructorDeclarationSyntax => true,
                BaseFieldDeclarationSyntax field => HasInitializer(field),
                PropertyDeclarationSyntax property => property.Initializer is not null,
                _ => false,
            };
            if (runsDuringConstruction)
            {
                span = span is { } current ? TextSpan.FromBounds(current.Start, member.Span.End) : member.Span;
            }
        }

        return span;
    }

    private static bool HasInitializer(BaseFieldDeclarationSyntax field)
    {
        foreach (var variable in field.Declaration.Variables)
        {
            if (variable.Initializer is not null)
            {
                return true;
            }
        }

        return false;
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
    private MM0001Refusal? ChooseConstructor()
    {
        ConstructorDeclarationSyntax? bodyConstructor = null;
        var hasInitializerSites = false;

        // Static constructors and initializers, constructor initializer arguments: no instance to hang the work on, or
        // code that must run before the base constructor. Those diagnostics stay; the others of the type can be fixed.
        _sites.RemoveAll(static site => site.Site is not (MM0001Properties.SiteConstructor or MM0001Properties.SiteFieldInitializer or MM0001Properties.SitePropertyInitializer));
        if (_sites.Count == 0)
        {
            return new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo);
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
                        return new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo, node: site.Node);
                    }

                    if (bodyConstructor is not null && bodyConstructor != constructor)
                    {
                        return new MM0001Refusal(MM0001RefusalReason.ConstructorShape, node: site.Node);
                    }

                    bodyConstructor = constructor;
                    site.Constructor = constructor;
                    break;
                case MM0001Properties.SiteFieldInitializer:
                case MM0001Properties.SitePropertyInitializer:
                    hasInitializerSites = true;
                    break;
                default:
                    return new MM0001Refusal(MM0001RefusalReason.NoInstanceToDeferTo, node: site.Node);
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
                    return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
                }

                var part = FindPart(syntax);
                if (part is null)
                {
                    return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
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
                    return new MM0001Refusal(MM0001RefusalReason.ConstructorShape);
                }

                root = syntax;
            }

            if (root is null && explicitConstructors.Count > 0)
            {
                return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
            }

            bodyConstructor = root;
        }
        else if (bodyConstructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword })
        {
            return new MM0001Refusal(MM0001RefusalReason.ConstructorShape);
        }

        _ = hasInitializerSites;
        _constructor = bodyConstructor;
        if (bodyConstructor is not null)
        {
            _constructorPart = FindPart(bodyConstructor);
            if (bodyConstructor.Body is null && bodyConstructor.ExpressionBody is null)
            {
                return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
            }
        }
        else
        {
            // The implicit constructor: the part holding the first blocking initializer gets the written one.
            _constructorPart = _sites[0].Part;
        }

        if (_constructorPart is null)
        {
            return new MM0001Refusal(MM0001RefusalReason.CannotAnalyze);
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
                return new MM0001Refusal(MM0001RefusalReason.ConstructorShape);
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
    private MM0001Refusal? CollectConversions()
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
                return new MM0001Refusal(MM0001RefusalReason.NoAwaitEquivalent, node: site.Node);
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
                return new MM0001Refusal(MM0001RefusalReason.UnsupportedInitializer);
            }

            var member = site.Part.Model.GetDeclaredSymbol(declaration, _cancellationToken);
            if (member is null || member.IsStatic || site.Part != _constructorPart)
            {
                return new MM0001Refusal(MM0001RefusalReason.UnsupportedInitializer);
            }

            if (member is IPropertySymbol { GetMethod: null } or IPropertySymbol { IsIndexer: true })
            {
                return new MM0001Refusal(MM0001RefusalReason.UnsupportedInitializer);
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
    private MM0001Refusal? CollectUnits()
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
