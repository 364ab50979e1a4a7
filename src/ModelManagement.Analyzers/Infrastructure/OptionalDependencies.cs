using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// The optional dependencies of one type (MM0003): fields and properties marked <c>[OptionalDependency]</c>, fields and
/// properties a constructor stores an optional parameter into (a parameter whose default is <c>null</c>/<c>default</c>),
/// and primary-constructor parameters with such a default. Created from symbols only at symbol start (a type without
/// candidates gets no instance); the constructor-store part needs bound constructor bodies and is computed once, on first
/// use, and memoised.
/// </summary>
internal sealed class OptionalDependencies
{
    public const string AttributeName = "OptionalDependencyAttribute";

    /// <summary>Bounds the base-type walk and the operation walks over constructor bodies.</summary>
    private const int MaxBaseTypeDepth = 32;
    private const int MaxOperationDepth = 256;
    private const int MaxEnsureDepth = 2;

    [ThreadStatic]
    private static int s_ensureDepth;

    private ConcurrentDictionary<IMethodSymbol, (ImmutableArray<ISymbol>, ImmutableArray<ISymbol>)>? _ensuredByCall;
    private ConcurrentDictionary<IMethodSymbol, (ImmutableArray<ISymbol>, ImmutableArray<ISymbol>)>? _ensuredByCallWithAnyArguments;
    private ConcurrentDictionary<IMethodSymbol, bool>? _assignsMember;

    /// <summary>What the constructors were bound with (set before their exit states are computed), for own methods they call.</summary>
    private (SemanticModel? Model, Compilation? Compilation) _constructorBinding;

    private readonly INamedTypeSymbol _type;
    private readonly NullStateKnownSymbols _symbols;
    private readonly ImmutableArray<ISymbol> _attributedMembers;
    private readonly ImmutableArray<IParameterSymbol> _primaryCandidates;
    private readonly ImmutableArray<IParameterSymbol> _constructorCandidates;
    private readonly bool _hasMarkedParameters;
    private readonly bool _readStraightLineConstructors;
    private ImmutableArray<ISymbol> _members;
    private ImmutableHashSet<string>? _assignedOutsideConstructors;

    private OptionalDependencies(
        INamedTypeSymbol type,
        NullStateKnownSymbols symbols,
        ImmutableArray<ISymbol> attributedMembers,
        ImmutableArray<IParameterSymbol> primaryCandidates,
        ImmutableArray<IParameterSymbol> constructorCandidates,
        bool hasMarkedParameters,
        bool mayStore,
        bool readStraightLineConstructors)
    {
        _type = type;
        _readStraightLineConstructors = readStraightLineConstructors;
        _hasMarkedParameters = hasMarkedParameters;
        _symbols = symbols;
        _attributedMembers = attributedMembers;
        _primaryCandidates = primaryCandidates;
        _constructorCandidates = constructorCandidates;
        _members = (constructorCandidates.IsEmpty || !mayStore) && primaryCandidates.IsEmpty
            ? Combine(attributedMembers, primaryCandidates, ImmutableArray<ISymbol>.Empty)
            : default;
    }

    /// <summary>The analyzed type.</summary>
    public INamedTypeSymbol Type => _type;

    /// <summary>Null when the type has no candidate at all: then nothing is registered for it.</summary>
    /// <param name="type">The analyzed type.</param>
    /// <param name="symbols">The compilation's known symbols.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="readStraightLineConstructors">
    /// Whether a constructor of plain assignments is answered from its syntax (<see cref="StraightLineConstructor"/>);
    /// false only in the test that checks that answer against the bound analysis.
    /// </param>
    public static OptionalDependencies? TryCreate(INamedTypeSymbol type, NullStateKnownSymbols symbols, CancellationToken cancellationToken, bool readStraightLineConstructors = true)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsGeneratedType(type))
        {
            return null; // a generated type (a DTO with dozens of optional values) is not hand-written service code
        }

        // Builders are created on the first candidate: most types have none, and this runs for every type.
        ImmutableArray<ISymbol>.Builder? attributed = null;
        ImmutableArray<IParameterSymbol>.Builder? primary = null;
        ImmutableArray<IParameterSymbol>.Builder? constructors = null;

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.IsEmpty)
            {
                continue; // no parameter, no candidate
            }

            var isPrimary = IsPrimaryConstructor(constructor, cancellationToken);
            if (constructor.IsImplicitlyDeclared && !isPrimary)
            {
                continue;
            }

            foreach (var parameter in constructor.Parameters)
            {
                if (IsCandidateParameter(parameter, symbols))
                {
                    (isPrimary ? primary ??= ImmutableArray.CreateBuilder<IParameterSymbol>() : constructors ??= ImmutableArray.CreateBuilder<IParameterSymbol>()).Add(parameter);
                }
            }
        }

        // Marked members: only where `[OptionalDependency]` can be applied (most compilations never write it, and reading
        // every member of every type and its bases would cost more than the rest of this method).
        var current = symbols.HasMarkerAttribute ? type : null;
        for (var depth = 0; current is not null && depth < MaxBaseTypeDepth; depth++, current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (current.SpecialType == SpecialType.System_Object)
            {
                break;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is not (IFieldSymbol or IPropertySymbol) || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                if (depth > 0 && member.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }

                if (CanBeNull(member, symbols) && HasAttributeNamed(member.GetAttributes(), AttributeName))
                {
                    (attributed ??= ImmutableArray.CreateBuilder<ISymbol>()).Add(member.OriginalDefinition);
                }
            }
        }

        var hasMarkedParameters = symbols.HasMarkerAttribute && HasMarkedMethodParameter(type, symbols, cancellationToken);
        if (attributed is null && primary is null && constructors is null && !hasMarkedParameters)
        {
            return null;
        }

        var constructorCandidates = constructors?.ToImmutable() ?? ImmutableArray<IParameterSymbol>.Empty;
        return new OptionalDependencies(
            type,
            symbols,
            attributed?.ToImmutable() ?? ImmutableArray<ISymbol>.Empty,
            primary?.ToImmutable() ?? ImmutableArray<IParameterSymbol>.Empty,
            constructorCandidates,
            hasMarkedParameters,
            mayStore: MayStoreAnyCandidate(constructorCandidates, cancellationToken),
            readStraightLineConstructors);
    }

    /// <summary>
    /// The tracked members an own instance method leaves non-null on every normal exit whatever they held on entry
    /// (ChoETL's constructors store an optional configuration, then call <c>Init()</c>, which replaces null with a
    /// default): read from the method's body by the same null-state analysis, for a method of this type that a derived
    /// type cannot replace (not virtual, abstract or an unsealed override), not async and not an iterator. Own calls
    /// inside it are followed two levels deep. Memoised per method for the members asked about.
    /// </summary>
    public ImmutableArray<ISymbol> EnsuredByOwnCall(IMethodSymbol method, NullStateScope scope)
        => EnsuredByOwnCall(method, scope.Members, scope.CalleeParametersMayBeNull, scope.CancellationToken);

    /// <summary>
    /// In a member body, which reports: what an own call leaves set (<see cref="EnsuredByOwnCall(IMethodSymbol, NullStateScope)"/>),
    /// read only for a method whose own text assigns one of <paramref name="members"/> (perfview's <c>WriteArchive</c> calls
    /// <c>PrepForWrite()</c>, which starts with <c>if (Log == null) Log = new StringWriter();</c>, then writes to
    /// <c>Log</c>). The syntax test keeps the graphs of every other callee away: a helper that only calls the one that
    /// assigns is not followed here.
    /// </summary>
    public ImmutableArray<ISymbol> EnsuredByOwnCallInMemberBody(IMethodSymbol method, ImmutableArray<ISymbol> members, CancellationToken cancellationToken)
    {
        var definition = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (members.IsEmpty || !SymbolEqualityComparer.Default.Equals(definition.ContainingType, _type.OriginalDefinition))
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var cache = LazyInitializer.EnsureInitialized(ref _assignsMember, static () => new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default))!;
        if (!cache.TryGetValue(definition, out var assigns))
        {
            assigns = Shapes.SingleMethodDeclaration(definition, cancellationToken) is { } declaration && AssignsAnyMember(declaration, members);
            cache[definition] = assigns;
        }

        return assigns ? EnsuredByOwnCall(method, members, parametersMayBeNull: true, cancellationToken) : ImmutableArray<ISymbol>.Empty;
    }

    private ImmutableArray<ISymbol> EnsuredByOwnCall(IMethodSymbol method, ImmutableArray<ISymbol> members, bool parametersMayBeNull, CancellationToken cancellationToken)
    {
        var definition = method.PartialImplementationPart ?? method.OriginalDefinition;
        if (definition.MethodKind != MethodKind.Ordinary
            || !SymbolEqualityComparer.Default.Equals(definition.ContainingType, _type.OriginalDefinition)
            || definition.IsAsync || definition.IsExtern
            || ((definition.IsVirtual || definition.IsAbstract || definition.IsOverride) && !definition.IsSealed && !_type.IsSealed)
            || members.IsEmpty)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var cache = parametersMayBeNull
            ? LazyInitializer.EnsureInitialized(ref _ensuredByCallWithAnyArguments, static () => new ConcurrentDictionary<IMethodSymbol, (ImmutableArray<ISymbol>, ImmutableArray<ISymbol>)>(SymbolEqualityComparer.Default))!
            : LazyInitializer.EnsureInitialized(ref _ensuredByCall, static () => new ConcurrentDictionary<IMethodSymbol, (ImmutableArray<ISymbol>, ImmutableArray<ISymbol>)>(SymbolEqualityComparer.Default))!;
        if (cache.TryGetValue(definition, out var cached) && cached.Item1 == members)
        {
            return cached.Item2;
        }

        if (s_ensureDepth >= MaxEnsureDepth)
        {
            return ImmutableArray<ISymbol>.Empty; // a deeper (or recursive) own call: nothing is assumed
        }

        var ensured = ImmutableArray<ISymbol>.Empty;
        s_ensureDepth++;
        try
        {
            ensured = ComputeEnsured(definition, members, parametersMayBeNull, cancellationToken);
        }
        finally
        {
            s_ensureDepth--;
        }

        cache[definition] = (members, ensured);
        return ensured;
    }

    private ImmutableArray<ISymbol> ComputeEnsured(IMethodSymbol method, ImmutableArray<ISymbol> members, bool parametersMayBeNull, CancellationToken cancellationToken)
    {
        if (Shapes.SingleMethodDeclaration(method, cancellationToken) is not { } declaration
            || (declaration.Body is null && declaration.ExpressionBody is null)
            || !MentionsAnyMember(declaration, members))
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        // The operations of a control-flow graph carry no semantic model: the one the constructors were bound with serves.
        var (constructorModel, compilation) = _constructorBinding;
        var model = constructorModel is not null && constructorModel.SyntaxTree == declaration.SyntaxTree
            ? constructorModel
            : compilation is null ? null : ConstructorFacts.GetModel(compilation, declaration.SyntaxTree);
        if (model?.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body || ContainsYield(body))
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var parameters = ImmutableArray<ISymbol>.Empty;
        if (parametersMayBeNull)
        {
            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            foreach (var parameter in method.Parameters)
            {
                if (_symbols.CanBeNull(parameter.Type))
                {
                    builder.Add(parameter.OriginalDefinition);
                }
            }

            parameters = builder.ToImmutable();
        }

        var scope = NullStateScope.ForConstructor(this, members, parameters, ImmutableArray<ISymbol>.Empty, _symbols, cancellationToken, parametersMayBeNull);
        return NullStateAnalysis.NonNullAtExit(FlowGraphs.Of(body, cancellationToken), scope);
    }

    /// <summary>Syntax-only: the method's text assigns (<c>=</c>, <c>??=</c>) one of the members, by its name or <c>this.</c> and its name.</summary>
    private static bool AssignsAnyMember(MethodDeclarationSyntax declaration, ImmutableArray<ISymbol> members)
    {
        foreach (var node in declaration.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression or (int)SyntaxKind.CoalesceAssignmentExpression } assignment
                && Shapes.OwnMemberName(assignment.Left) is { } name)
            {
                foreach (var member in members)
                {
                    if (name.Identifier.ValueText == member.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Syntax-only pre-filter: the method's text names one of the members, or calls a method by a simple name or <c>this.</c>.</summary>
    private static bool MentionsAnyMember(MethodDeclarationSyntax declaration, ImmutableArray<ISymbol> members)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } })
            {
                return true;
            }

            if (node is IdentifierNameSyntax name)
            {
                foreach (var member in members)
                {
                    if (name.Identifier.ValueText == member.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool ContainsYield(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when only constructor bodies can hold a tracked value: no member is optional and no method parameter is marked.</summary>
    public bool OnlyConstructorsTracked(SemanticModel? semanticModel, Compilation compilation, CancellationToken cancellationToken)
        => !_hasMarkedParameters && GetMembers(semanticModel, compilation, cancellationToken).IsEmpty;

    /// <summary>True when <paramref name="method"/> is a constructor of the type with an optional parameter.</summary>
    public bool IsCandidateConstructor(IMethodSymbol method)
    {
        foreach (var candidate in _constructorCandidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingSymbol, method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGeneratedType(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "GeneratedCodeAttribute" or "CompilerGeneratedAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Syntax-only pre-filter: does a constructor mention a candidate parameter where it could be stored (the right side
    /// of an assignment, possibly in a tuple, parenthesized, cast or <c>!</c>-suppressed) or forwarded (<c>: this(x)</c>)?
    /// When not, no member can be optional and the constructors are never bound.
    /// </summary>
    private static bool MayStoreAnyCandidate(ImmutableArray<IParameterSymbol> candidates, CancellationToken cancellationToken)
    {
        foreach (var parameter in candidates)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol constructor)
            {
                continue;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    return true; // not an ordinary constructor: let the binding decide
                }

                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is IdentifierNameSyntax identifier
                        && identifier.Identifier.ValueText == parameter.Name
                        && IsInStoringPosition(identifier))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsInStoringPosition(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        for (var depth = 0; depth < MaxBaseTypeDepth; depth++)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or ArgumentSyntax or TupleExpressionSyntax or ArgumentListSyntax:
                    node = parent;
                    continue;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    node = parent;
                    continue;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right == node;
                case ConstructorInitializerSyntax:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A method parameter marked <c>[OptionalDependency]</c>; attributes are bound only for parameters whose syntax has some.</summary>
    private static bool HasMarkedMethodParameter(INamedTypeSymbol type, NullStateKnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (!AnyParameterHasAttributes(type, cancellationToken))
        {
            return false; // the usual case: no parameter of the type's declarations carries an attribute, nothing to bind
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method || method.IsImplicitlyDeclared)
            {
                continue;
            }

            foreach (var parameter in method.Parameters)
            {
                foreach (var reference in parameter.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is ParameterSyntax { AttributeLists.Count: > 0 }
                        && IsCandidateParameter(parameter, symbols))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Syntax-only pre-filter for <see cref="HasMarkedMethodParameter"/>: does a parameter list of the type's declarations
    /// (primary constructor, methods, constructors, operators, indexers) hold a parameter with an attribute list?
    /// </summary>
    private static bool AnyParameterHasAttributes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                return true; // not an ordinary declaration: let the symbols decide
            }

            if (HasAttributes(declaration.ParameterList))
            {
                return true;
            }

            foreach (var member in declaration.Members)
            {
                BaseParameterListSyntax? parameters = member switch
                {
                    BaseMethodDeclarationSyntax method => method.ParameterList,
                    IndexerDeclarationSyntax indexer => indexer.ParameterList,
                    _ => null,
                };
                if (HasAttributes(parameters))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttributes(BaseParameterListSyntax? parameters)
    {
        if (parameters is null)
        {
            return false;
        }

        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A constructor parameter counts as optional when its default is <c>null</c>/<c>default</c> and its type is a
    /// dependency (<see cref="NullStateKnownSymbols.IsDependencyType"/>: a service, not data), or when it is marked
    /// <c>[OptionalDependency]</c> (any nullable type).
    /// </summary>
    public static bool IsCandidateParameter(IParameterSymbol parameter, NullStateKnownSymbols symbols)
    {
        if (!symbols.CanBeNull(parameter.Type))
        {
            return false;
        }

        if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null && symbols.IsDependencyType(parameter.Type))
        {
            return true;
        }

        return symbols.HasMarkerAttribute && HasAttributeNamed(parameter.GetAttributes(), AttributeName);
    }

    /// <summary>True when a parameter of the constructor being analyzed (or of the type's primary constructor) is optional.</summary>
    public bool IsCandidateConstructorParameter(IParameterSymbol parameter)
    {
        foreach (var candidate in _constructorCandidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The optional members (fields, properties and captured primary-constructor parameters, as original definitions).
    /// Computed once; <paramref name="semanticModel"/> is the model of the operation being analyzed, reused when a
    /// constructor lives in the same tree.
    /// </summary>
    public ImmutableArray<ISymbol> GetMembers(SemanticModel? semanticModel, Compilation compilation, CancellationToken cancellationToken)
    {
        var members = _members;
        if (!members.IsDefault)
        {
            return members;
        }

        var stored = ComputeStoredMembers(semanticModel, compilation, cancellationToken);
        ImmutableInterlocked.InterlockedInitialize(ref _members, Combine(_attributedMembers, _primaryCandidates, stored));
        return _members;
    }

    public static bool Contains(ImmutableArray<ISymbol> members, ISymbol symbol)
    {
        foreach (var member in members)
        {
            if (SymbolEqualityComparer.Default.Equals(member, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A member a dependency-injection container sets after construction: Blazor's <c>[Inject]</c> property, MEF's
    /// <c>[Import]</c>/<c>[ImportMany]</c>, Unity's <c>[Dependency]</c>, Ninject's <c>[Inject]</c>, osu!framework's
    /// <c>[Resolved]</c> (by class name, in any namespace). A constructor that stores an optional argument into one only
    /// lets a test replace the injected service (DevToys' Monaco editor: <c>if (jsRuntime is not null) JSRuntime =
    /// jsRuntime;</c>, 34 reports); null never stays there. Read only for a member an optional parameter is stored into.
    /// </summary>
    private static bool IsSetByContainer(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            // An attribute whose package is not restored yet binds to an error type named as written (`Import`).
            var name = attribute.AttributeClass is { TypeKind: TypeKind.Error, Name: var written } && !written.EndsWith("Attribute", System.StringComparison.Ordinal)
                ? written + "Attribute"
                : attribute.AttributeClass?.Name;
            if (name is "InjectAttribute" or "ImportAttribute" or "ImportManyAttribute" or "DependencyAttribute" or "ResolvedAttribute")
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttributeNamed(ImmutableArray<AttributeData> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanBeNull(ISymbol member, NullStateKnownSymbols symbols) => member switch
    {
        IFieldSymbol field => symbols.CanBeNull(field.Type),
        IPropertySymbol property => symbols.CanBeNull(property.Type),
        _ => false,
    };

    private static bool IsPrimaryConstructor(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<ISymbol> Combine(ImmutableArray<ISymbol> attributed, ImmutableArray<IParameterSymbol> primary, ImmutableArray<ISymbol> stored)
    {
        var builder = ImmutableArray.CreateBuilder<ISymbol>(attributed.Length + primary.Length + stored.Length);
        foreach (var member in attributed)
        {
            AddUnique(builder, member);
        }

        foreach (var parameter in primary)
        {
            AddUnique(builder, parameter);
        }

        foreach (var member in stored)
        {
            AddUnique(builder, member);
        }

        return builder.ToImmutable();
    }

    private static void AddUnique(ImmutableArray<ISymbol>.Builder builder, ISymbol symbol)
    {
        foreach (var existing in builder)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, symbol))
            {
                return;
            }
        }

        builder.Add(symbol);
    }

    private ImmutableArray<ISymbol> ComputeStoredMembers(SemanticModel? semanticModel, Compilation compilation, CancellationToken cancellationToken)
    {
        var stored = ImmutableArray.CreateBuilder<ISymbol>();

        // Primary-constructor parameters: records turn them into properties; any type may copy them into a field or
        // property initializer (`private readonly IModelRegistry? _registry = registry;`).
        foreach (var parameter in _primaryCandidates)
        {
            AddInitializedFrom(parameter, stored, cancellationToken);
        }

        if (_constructorCandidates.IsEmpty)
        {
            return stored.ToImmutable();
        }

        // Constructor parameters: follow `field = parameter` stores and `: this(parameter)` forwarding (visited set).
        var pending = new Stack<IParameterSymbol>();
        var seen = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (var parameter in _constructorCandidates)
        {
            if (seen.Add(parameter))
            {
                pending.Push(parameter);
            }
        }

        var facts = new Dictionary<IMethodSymbol, ConstructorFacts>(SymbolEqualityComparer.Default);
        var straightLine = new Dictionary<IMethodSymbol, StraightLineConstructor?>(SymbolEqualityComparer.Default);
        var constructorStores = new List<(IMethodSymbol Constructor, ISymbol Member)>();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameter = pending.Pop();
            if (parameter.ContainingSymbol is not IMethodSymbol constructor)
            {
                continue;
            }

            if (IsPrimaryConstructor(constructor, cancellationToken))
            {
                // Forwarded into the primary constructor: the parameter is captured like a member.
                stored.Add(parameter.OriginalDefinition);
                AddInitializedFrom(parameter, stored, cancellationToken);
                continue;
            }

            if (!ConstructorFacts.MayStoreOrForward(constructor, parameter, cancellationToken))
            {
                continue; // read only (`loggerFactory?.CreateLogger(..) ?? NullLogger.Instance`): no body to bind for it
            }

            // A constructor of plain assignments is answered from its syntax: neither bound nor graphed.
            if (!straightLine.TryGetValue(constructor, out var lines))
            {
                lines = _readStraightLineConstructors ? StraightLineConstructor.TryRead(constructor, _type, compilation, cancellationToken) : null;
                straightLine.Add(constructor, lines);
            }

            if (lines is not null)
            {
                foreach (var (ordinal, member) in lines.Stores)
                {
                    if (ordinal == parameter.Ordinal && !IsSetByContainer(member))
                    {
                        constructorStores.Add((constructor, member));
                    }
                }

                continue;
            }

            if (!facts.TryGetValue(constructor, out var constructorFacts))
            {
                constructorFacts = ConstructorFacts.Collect(constructor, _type, semanticModel, compilation, cancellationToken);
                facts.Add(constructor, constructorFacts);
            }

            foreach (var (ordinal, member) in constructorFacts.Stores)
            {
                if (ordinal == parameter.Ordinal)
                {
                    if (!IsSetByContainer(member))
                    {
                        constructorStores.Add((constructor, member));
                    }
                }
            }

            foreach (var (ordinal, target) in constructorFacts.Forwards)
            {
                if (ordinal == parameter.Ordinal && seen.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        _constructorBinding = (semanticModel, compilation);
        foreach (var pair in straightLine)
        {
            if (pair.Value is not { } lines)
            {
                continue;
            }

            var constructor = pair.Key;
            if (lines.AssertsAny(ordinal => seen.Contains(constructor.Parameters[ordinal])))
            {
                // A tracked parameter asserted (`?? throw`, a guard, a base argument): the bound analysis answers (same stores).
                facts.Add(constructor, ConstructorFacts.Collect(constructor, _type, semanticModel, compilation, cancellationToken));
                continue;
            }

            foreach (var (storing, member) in constructorStores)
            {
                if (SymbolEqualityComparer.Default.Equals(storing, constructor)
                    && lines.MayBeNullAtExit(member, ordinal => seen.Contains(constructor.Parameters[ordinal]))
                    && !Contains(stored, member))
                {
                    stored.Add(member);
                }
            }
        }

        AddMembersNullCanReach(constructorStores, facts, seen, stored, cancellationToken);
        return stored.ToImmutable();
    }

    /// <summary>
    /// A stored member is optional only when null can reach it: the null-state analysis runs over each storing
    /// constructor (the optional parameters and what they were forwarded into may be null at entry; a member starts null
    /// unless its initializer gives it a value, or unknown-so-non-null after <c>: this(…)</c>), and the member counts when it
    /// may be null at the constructor's exit. So a store under <c>if (x != null)</c> over a non-null initializer, a
    /// default in the other branch, or a later <c>_x ??= new Default()</c> leaves nothing optional.
    /// </summary>
    private void AddMembersNullCanReach(
        List<(IMethodSymbol Constructor, ISymbol Member)> constructorStores,
        Dictionary<IMethodSymbol, ConstructorFacts> facts,
        HashSet<IParameterSymbol> trackedParameters,
        ImmutableArray<ISymbol>.Builder stored,
        CancellationToken cancellationToken)
    {
        if (constructorStores.Count == 0)
        {
            return;
        }

        var members = ImmutableArray.CreateBuilder<ISymbol>();
        var nonNullAtEntry = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var (_, member) in constructorStores)
        {
            if (!Contains(members, member))
            {
                members.Add(member);
                if (HasNonNullInitializer(member, cancellationToken))
                {
                    nonNullAtEntry.Add(member);
                }
            }
        }

        var parameters = ImmutableArray.CreateBuilder<ISymbol>(trackedParameters.Count);
        foreach (var parameter in trackedParameters)
        {
            parameters.Add(parameter.OriginalDefinition);
        }

        var memberArray = members.ToImmutable();
        var parameterArray = parameters.ToImmutable();
        var entryArray = nonNullAtEntry.ToImmutable();
        foreach (var pair in facts)
        {
            var constructorFacts = pair.Value;
            if (!StoresAny(constructorStores, pair.Key))
            {
                continue;
            }

            var scope = NullStateScope.ForConstructor(
                this,
                memberArray,
                parameterArray,
                constructorFacts.ChainsToThis ? memberArray : entryArray,
                _symbols,
                cancellationToken);
            foreach (var body in constructorFacts.Bodies)
            {
                var maybeNull = NullStateAnalysis.MaybeNullAtExit(FlowGraphs.Of(body, cancellationToken), scope);
                foreach (var (constructor, member) in constructorStores)
                {
                    if (SymbolEqualityComparer.Default.Equals(constructor, pair.Key) && Contains(maybeNull, member) && !Contains(stored, member))
                    {
                        stored.Add(member);
                    }
                }
            }
        }
    }

    private static bool StoresAny(List<(IMethodSymbol Constructor, ISymbol Member)> constructorStores, IMethodSymbol constructor)
    {
        foreach (var (candidate, _) in constructorStores)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, constructor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<ISymbol>.Builder members, ISymbol symbol)
    {
        foreach (var member in members)
        {
            if (SymbolEqualityComparer.Default.Equals(member, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An initializer that is not <c>null</c>/<c>default</c> (optionally <c>!</c>-suppressed) nor a bare parameter.</summary>
    private static bool HasNonNullInitializer(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            ExpressionSyntax? initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            initializer = initializer is null ? null : Shapes.Unwrapped(initializer, casts: false);
            if (initializer is not null
                && !initializer.IsKind(SyntaxKind.NullLiteralExpression)
                && !initializer.IsKind(SyntaxKind.DefaultLiteralExpression)
                && initializer is not (DefaultExpressionSyntax or IdentifierNameSyntax))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A member that keeps its value after construction — or at least its being set: a readonly field, a property without
    /// a setter (or with <c>init</c>), or a member no code of the type assigns outside its constructors with a value that
    /// may be null (<see cref="ComputeAssignedOutsideConstructors"/>). Inside a lambda or local function such a member
    /// keeps the non-null state it had where the function was created, as in the compiler's nullable analysis.
    /// </summary>
    public bool IsStableAfterConstruction(ISymbol member, CancellationToken cancellationToken)
    {
        switch (member)
        {
            case IFieldSymbol { IsReadOnly: true } or IFieldSymbol { IsConst: true }:
                return true;
            case IPropertySymbol property when property.SetMethod is null || property.SetMethod.IsInitOnly:
                return true;
            case IFieldSymbol or IPropertySymbol or IParameterSymbol:
                var assigned = _assignedOutsideConstructors ?? ComputeAssignedOutsideConstructors(cancellationToken);
                return !assigned.Contains(member.Name);
            default:
                return false;
        }
    }

    /// <summary>An expression whose value is never null: a new object or array, a collection expression, a string literal or interpolation, <c>this</c>.</summary>
    private static bool IsNeverNull(ExpressionSyntax expression)
    {
        expression = Shapes.Unwrapped(expression, casts: true);
        return expression is BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            or InterpolatedStringExpressionSyntax or ThisExpressionSyntax
            || expression.IsKind(SyntaxKind.StringLiteralExpression)
            || expression.IsKind(SyntaxKind.CollectionExpression);
    }

    /// <summary>
    /// Names assigned (<c>=</c>, compound, <c>++</c>/<c>--</c>, <c>ref</c>/<c>out</c>) anywhere in the type outside instance
    /// constructors with a value that may be null; computed once. A <c>??=</c>, or an <c>=</c> of a new object, array,
    /// literal string or <c>this</c> (couchbase's <c>_atr = new AtrRepository(…)</c>), cannot make a member null that a
    /// check found set, so it does not count.
    /// </summary>
    private ImmutableHashSet<string> ComputeAssignedOutsideConstructors(CancellationToken cancellationToken)
    {
        var names = ImmutableHashSet.CreateBuilder<string>();
        foreach (var reference in _type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var memberSyntax in declaration.Members)
            {
                if (memberSyntax is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    continue;
                }

                foreach (var node in memberSyntax.DescendantNodes())
                {
                    var target = node switch
                    {
                        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } => null, // `??=` never makes a set member null
                        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when IsNeverNull(assignment.Right) => null,
                        _ => Shapes.WrittenExpression(node),
                    };
                    if (target is not null && Shapes.OwnMemberName(target) is { } name)
                    {
                        names.Add(name.Identifier.ValueText);
                    }
                }
            }
        }

        var result = names.ToImmutable();
        Interlocked.CompareExchange(ref _assignedOutsideConstructors, result, null);
        return result;
    }

    /// <summary>Adds the record property of the parameter's name, and members whose initializer is the bare parameter.</summary>
    private void AddInitializedFrom(IParameterSymbol parameter, ImmutableArray<ISymbol>.Builder stored, CancellationToken cancellationToken)
    {
        foreach (var member in _type.GetMembers())
        {
            if (member is not (IFieldSymbol or IPropertySymbol) || !CanBeNull(member, _symbols))
            {
                continue;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                ExpressionSyntax? initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };

                // A record's positional property is declared by the parameter itself.
                var fromParameter = syntax is ParameterSyntax positional
                    && _type.IsRecord
                    && positional.Identifier.ValueText == parameter.Name
                    && member.Name == parameter.Name;
                if (fromParameter || (initializer is not null && IsBareIdentifier(initializer, parameter.Name)))
                {
                    stored.Add(member.OriginalDefinition);
                }
            }
        }
    }

    private static bool IsBareIdentifier(ExpressionSyntax expression, string name)
    {
        for (var depth = 0; depth < MaxBaseTypeDepth; depth++)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    continue;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText == name;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>What one constructor does with its parameters: stores into members, forwarding to <c>this(...)</c>.</summary>
    internal sealed class ConstructorFacts
    {
        private ConstructorFacts(List<(int Ordinal, ISymbol Member)> stores, List<(int Ordinal, IParameterSymbol Target)> forwards)
        {
            Stores = stores;
            Forwards = forwards;
        }

        /// <summary>The bound constructor bodies (one per declaration), for the null-state analysis at exit.</summary>
        public List<IConstructorBodyOperation> Bodies { get; } = new();

        /// <summary>The constructor starts with <c>: this(…)</c>: members hold what the other constructor gave them.</summary>
        public bool ChainsToThis { get; private set; }

        public List<(int Ordinal, ISymbol Member)> Stores { get; }

        public List<(int Ordinal, IParameterSymbol Target)> Forwards { get; }

        public static ConstructorFacts Collect(
            IMethodSymbol constructor,
            INamedTypeSymbol type,
            SemanticModel? semanticModel,
            Compilation compilation,
            CancellationToken cancellationToken)
        {
            var facts = new ConstructorFacts(new List<(int, ISymbol)>(), new List<(int, IParameterSymbol)>());
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    continue;
                }

                var model = semanticModel is not null && semanticModel.SyntaxTree == declaration.SyntaxTree
                    ? semanticModel
                    : GetModel(compilation, declaration.SyntaxTree);
                if (model is null)
                {
                    continue;
                }

                var body = model.GetOperation(declaration, cancellationToken);
                if (body is not null)
                {
                    facts.ChainsToThis |= declaration.Initializer is { RawKind: (int)SyntaxKind.ThisConstructorInitializer };
                    if (body is IConstructorBodyOperation { Parent: null } constructorBody)
                    {
                        facts.Bodies.Add(constructorBody);
                    }

                    facts.Walk(body, constructor, type, 0, cancellationToken);
                }
            }

            return facts;
        }

        /// <summary>
        /// The syntactic shadow of <see cref="Walk"/> for one parameter, run before the constructor's body is bound: whether
        /// the parameter is written as the whole value of an assignment (through parentheses, casts and <c>!</c>), inside a
        /// tuple (a deconstruction), or in a <c>: this(…)</c> argument. Anything else — a receiver, an argument, the left of
        /// <c>??</c>, code in a lambda — is no store and no forward, so a constructor that only reads the parameter is never
        /// bound for it (semantic-kernel writes <c>loggerFactory?.CreateLogger(..) ?? NullLogger.Instance</c> almost
        /// everywhere).
        /// </summary>
        public static bool MayStoreOrForward(IMethodSymbol constructor, IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    return true; // not a constructor written in C# here: let the operation walk decide
                }

                foreach (var token in declaration.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != parameter.Name
                        || token.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name)
                    {
                        continue;
                    }

                    if (name.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax>() is { RawKind: (int)SyntaxKind.ThisConstructorInitializer }
                        || name.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TupleExpressionSyntax>() is not null)
                    {
                        return true;
                    }

                    SyntaxNode value = name;
                    while (value.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CastExpressionSyntax
                        || value.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                    {
                        value = value.Parent;
                    }

                    if (value.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment && assignment.Right == value)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // The constructor may sit in another file of a partial type; its bound body is needed once per type.
        internal static SemanticModel? GetModel(Compilation compilation, SyntaxTree tree) => SemanticModels.For(compilation, tree);

        private void Walk(IOperation operation, IMethodSymbol constructor, INamedTypeSymbol type, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxOperationDepth)
            {
                return;
            }

            switch (operation)
            {
                case ISimpleAssignmentOperation assignment:
                    AddStore(assignment.Target, assignment.Value, constructor, type);
                    break;
                case IDeconstructionAssignmentOperation { Target: ITupleOperation targets } deconstruction
                    when Unwrap(deconstruction.Value) is ITupleOperation values && values.Elements.Length == targets.Elements.Length:
                    for (var i = 0; i < targets.Elements.Length; i++)
                    {
                        AddStore(targets.Elements[i], values.Elements[i], constructor, type);
                    }

                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor, Instance: IInstanceReferenceOperation } invocation
                    when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, type):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter is not null
                            && Unwrap(argument.Value) is IParameterReferenceOperation forwarded
                            && SymbolEqualityComparer.Default.Equals(forwarded.Parameter.ContainingSymbol, constructor))
                        {
                            Forwards.Add((forwarded.Parameter.Ordinal, argument.Parameter.OriginalDefinition));
                        }
                    }

                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return; // a store in a lambda happens later, if ever
            }

            foreach (var child in operation.ChildOperations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Walk(child, constructor, type, depth + 1, cancellationToken);
            }
        }

        private void AddStore(IOperation target, IOperation value, IMethodSymbol constructor, INamedTypeSymbol type)
        {
            if (Unwrap(value) is not IParameterReferenceOperation parameterReference
                || !SymbolEqualityComparer.Default.Equals(parameterReference.Parameter.ContainingSymbol, constructor)
                || IsAssertedNotNull(parameterReference.Syntax))
            {
                return;
            }

            ISymbol? member = target switch
            {
                IFieldReferenceOperation field when IsOwnInstanceOrStatic(field.Instance) => field.Field,
                IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsOwnInstanceOrStatic(property.Instance) => property.Property,
                _ => null,
            };

            // `this.X = parameter` may store into an inherited member; a static store only counts for the type's own members.
            if (member is not null
                && (!member.IsStatic || SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, type.OriginalDefinition)))
            {
                Stores.Add((parameterReference.Parameter.Ordinal, member.OriginalDefinition));
            }
        }

        /// <summary>
        /// <c>_lockHandler = lockHandler!;</c>: the author asserts the value is not null where it is stored (quartz's
        /// <c>JobStoreSupport</c> leaves a default to its <c>Initialize()</c>), as <c>_x!.M()</c> asserts it at a use.
        /// </summary>
        private static bool IsAssertedNotNull(SyntaxNode syntax)
        {
            var node = syntax;
            while (node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.PostfixUnaryExpressionSyntax postfix
                && postfix.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression);
        }

        private static bool IsOwnInstanceOrStatic(IOperation? instance)
            => instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private static IOperation Unwrap(IOperation operation)
        {
            for (var depth = 0; depth < MaxBaseTypeDepth && operation is IConversionOperation { Conversion.IsUserDefined: false } conversion; depth++)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
