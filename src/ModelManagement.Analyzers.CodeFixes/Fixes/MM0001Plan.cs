using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What the MM0001 fixes would do to one type, decided on the original solution: which of the two rewrites is safe and
/// every node each one touches. <see cref="MM0001Rewriter"/> applies it.
/// </summary>
internal sealed class MM0001Plan
{
    public MM0001Plan(INamedTypeSymbol type, MM0001FixTypes types, MM0001Shared shared, MM0001LazyPlan? lazy, MM0001FactoryPlan? factory, string? lazyRejection, string? factoryRejection)
    {
        Type = type;
        Types = types;
        Shared = shared;
        Lazy = lazy;
        Factory = factory;
        LazyRejection = lazyRejection;
        FactoryRejection = factoryRejection;
    }

    public INamedTypeSymbol Type { get; }

    public MM0001FixTypes Types { get; }

    public MM0001Shared Shared { get; }

    /// <summary>The "Initialize lazily on first async use" rewrite, or null when it is not safe.</summary>
    public MM0001LazyPlan? Lazy { get; }

    /// <summary>The "Introduce static async factory" rewrite, or null when it is not safe (or not needed: lazy is offered).</summary>
    public MM0001FactoryPlan? Factory { get; }

    /// <summary>Why the lazy rewrite is not offered (for tests and debugging).</summary>
    public string? LazyRejection { get; }

    /// <summary>Why the factory rewrite is not offered (for tests and debugging).</summary>
    public string? FactoryRejection { get; }
}

/// <summary>What both rewrites share: the constructor, the blocking expressions turned into awaits, moved initializers.</summary>
internal sealed class MM0001Shared
{
    public MM0001Shared(
        ImmutableArray<Location> covered,
        DocumentId constructorDocument,
        TypeDeclarationSyntax constructorPart,
        ConstructorDeclarationSyntax? constructor,
        ImmutableArray<MM0001AwaitConversion> conversions,
        ImmutableArray<MM0001MovedInitializer> initializers,
        ImmutableArray<MM0001ConvertedMethod> convertedMethods,
        string initializeMethodName)
    {
        Covered = covered;
        ConstructorDocument = constructorDocument;
        ConstructorPart = constructorPart;
        Constructor = constructor;
        Conversions = conversions;
        Initializers = initializers;
        ConvertedMethods = convertedMethods;
        InitializeMethodName = initializeMethodName;
    }

    /// <summary>The diagnostics' locations the rewrite fixes (others of the type, in static or base-constructor code, stay).</summary>
    public ImmutableArray<Location> Covered { get; }

    /// <summary>True when the rewrite fixes the diagnostic at <paramref name="location"/>.</summary>
    public bool Covers(Location location)
    {
        foreach (var covered in Covered)
        {
            if (covered.SourceTree == location.SourceTree && covered.SourceSpan == location.SourceSpan)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The document of the constructor (or of the type part that gets one).</summary>
    public DocumentId ConstructorDocument { get; }

    /// <summary>The type declaration that holds the constructor and receives the new members.</summary>
    public TypeDeclarationSyntax ConstructorPart { get; }

    /// <summary>The constructor whose work moves; null when the type has only the implicit one (initializers only).</summary>
    public ConstructorDeclarationSyntax? Constructor { get; }

    /// <summary>Every blocking expression (and call of a converted method) that becomes an await.</summary>
    public ImmutableArray<MM0001AwaitConversion> Conversions { get; }

    /// <summary>Field and property initializers that block: they move into the initialization method.</summary>
    public ImmutableArray<MM0001MovedInitializer> Initializers { get; }

    /// <summary>Own synchronous methods (reached from the constructor) that become async.</summary>
    public ImmutableArray<MM0001ConvertedMethod> ConvertedMethods { get; }

    /// <summary>The unique name of the new private async initialization method.</summary>
    public string InitializeMethodName { get; }
}

/// <summary>A field or auto-property initializer that moves into the initialization method as an assignment.</summary>
internal sealed class MM0001MovedInitializer
{
    public MM0001MovedInitializer(DocumentId document, SyntaxNode declaration, EqualsValueClauseSyntax initializer, ISymbol member)
    {
        Document = document;
        Declaration = declaration;
        Initializer = initializer;
        Member = member;
    }

    public DocumentId Document { get; }

    /// <summary>The <see cref="VariableDeclaratorSyntax"/> or <see cref="PropertyDeclarationSyntax"/>.</summary>
    public SyntaxNode Declaration { get; }

    public EqualsValueClauseSyntax Initializer { get; }

    public ISymbol Member { get; }
}

/// <summary>An own method on the blocking path that becomes <c>async Task</c>/<c>async Task&lt;T&gt;</c>.</summary>
internal sealed class MM0001ConvertedMethod
{
    public MM0001ConvertedMethod(DocumentId document, MethodDeclarationSyntax declaration, string newName)
    {
        Document = document;
        Declaration = declaration;
        NewName = newName;
    }

    public DocumentId Document { get; }

    public MethodDeclarationSyntax Declaration { get; }

    public string NewName { get; }
}

/// <summary>A variable the moved code reads from the constructor: a parameter of the initialization method.</summary>
internal sealed class MM0001CapturedVariable
{
    public MM0001CapturedVariable(ISymbol symbol, TypeSyntax? declaredType)
    {
        Symbol = symbol;
        DeclaredType = declaredType;
    }

    public ISymbol Symbol { get; }

    public string Name => Symbol.Name;

    /// <summary>The type as the constructor parameter spells it, or null (a local: written from its symbol).</summary>
    public TypeSyntax? DeclaredType { get; }
}

/// <summary>A node edited in some document.</summary>
internal sealed class MM0001NodeEdit<TNode>
    where TNode : SyntaxNode
{
    public MM0001NodeEdit(DocumentId document, TNode node, string? cancellationTokenName, bool returnsValue = false, ITypeSymbol? createdType = null)
    {
        Document = document;
        Node = node;
        CancellationTokenName = cancellationTokenName;
        ReturnsValue = returnsValue;
        CreatedType = createdType;
    }

    /// <summary>An async member whose expression body becomes <c>return expression;</c> (it returns a value).</summary>
    public bool ReturnsValue { get; }

    /// <summary>The type a target-typed <c>new(...)</c> creates.</summary>
    public ITypeSymbol? CreatedType { get; }

    public DocumentId Document { get; }

    public TNode Node { get; }

    /// <summary>The CancellationToken parameter in scope to pass along, if any.</summary>
    public string? CancellationTokenName { get; }
}

/// <summary>Fields and properties the moved code assigns: they lose <c>readonly</c> (or gain a setter) and may need <c>= null!</c>.</summary>
internal sealed class MM0001StateMember
{
    public MM0001StateMember(DocumentId document, SyntaxNode declaration, bool removeReadOnly, bool addSetter, bool addNullForgivingInitializer, bool isTypeParameter, bool movesInitializer)
    {
        MovesInitializer = movesInitializer;
        Document = document;
        Declaration = declaration;
        RemoveReadOnly = removeReadOnly;
        AddSetter = addSetter;
        AddNullForgivingInitializer = addNullForgivingInitializer;
        IsTypeParameter = isTypeParameter;
    }

    public DocumentId Document { get; }

    /// <summary>The <see cref="VariableDeclaratorSyntax"/> of a field or the <see cref="PropertyDeclarationSyntax"/>.</summary>
    public SyntaxNode Declaration { get; }

    public bool RemoveReadOnly { get; }

    /// <summary>The member's initializer blocks and moves into the initialization method.</summary>
    public bool MovesInitializer { get; }

    public bool AddSetter { get; }

    public bool AddNullForgivingInitializer { get; }

    /// <summary>The member's type is a type parameter: <c>= default!</c> rather than <c>= null!</c>.</summary>
    public bool IsTypeParameter { get; }
}

/// <summary>The lazy rewrite of a type.</summary>
internal sealed class MM0001LazyPlan
{
    public MM0001LazyPlan(
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        int insertIndex,
        ImmutableArray<MM0001CapturedVariable> parameters,
        ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> ensureTargets,
        ImmutableArray<MM0001StateMember> stateMembers,
        string initializerFieldName,
        string constructorAccessibility,
        bool needsDocumentation)
    {
        NeedsDocumentation = needsDocumentation;
        MovedStatements = movedStatements;
        MovesExpressionBody = movesExpressionBody;
        InsertIndex = insertIndex;
        Parameters = parameters;
        EnsureTargets = ensureTargets;
        StateMembers = stateMembers;
        InitializerFieldName = initializerFieldName;
        ConstructorAccessibility = constructorAccessibility;
    }

    /// <summary>Statements of the constructor body that move, in order.</summary>
    public ImmutableArray<StatementSyntax> MovedStatements { get; }

    /// <summary>The constructor is expression-bodied and its expression moves.</summary>
    public bool MovesExpressionBody { get; }

    /// <summary>Index in the constructor body where the initializer is assigned.</summary>
    public int InsertIndex { get; }

    public ImmutableArray<MM0001CapturedVariable> Parameters { get; }

    /// <summary>Async members that get <c>await _initializer.EnsureInitializedAsync(...)</c> first.</summary>
    public ImmutableArray<MM0001NodeEdit<MethodDeclarationSyntax>> EnsureTargets { get; }

    public ImmutableArray<MM0001StateMember> StateMembers { get; }

    public string InitializerFieldName { get; }

    /// <summary>Accessibility of a constructor the fix has to write (the type had only the implicit one).</summary>
    public string ConstructorAccessibility { get; }

    /// <summary>A written constructor is visible outside the assembly and the project checks documentation comments (CS1591).</summary>
    public bool NeedsDocumentation { get; }
}

/// <summary>The factory rewrite of a type.</summary>
internal sealed class MM0001FactoryPlan
{
    public MM0001FactoryPlan(
        ImmutableArray<StatementSyntax> movedStatements,
        bool movesExpressionBody,
        ImmutableArray<MM0001CapturedVariable> parameters,
        ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> callers,
        ImmutableArray<MM0001StateMember> stateMembers,
        string factoryName,
        string cancellationTokenName,
        string instanceName,
        Accessibility factoryAccessibility,
        ImmutableArray<int> keptParameters,
        bool needsDocumentation)
    {
        KeptParameters = keptParameters;
        NeedsDocumentation = needsDocumentation;
        MovedStatements = movedStatements;
        MovesExpressionBody = movesExpressionBody;
        Parameters = parameters;
        Callers = callers;
        StateMembers = stateMembers;
        FactoryName = factoryName;
        CancellationTokenName = cancellationTokenName;
        InstanceName = instanceName;
        FactoryAccessibility = factoryAccessibility;
    }

    /// <summary>The constructor body's statements from the first blocking one to the end.</summary>
    public ImmutableArray<StatementSyntax> MovedStatements { get; }

    public bool MovesExpressionBody { get; }

    /// <summary>Constructor parameters the moved code reads.</summary>
    public ImmutableArray<MM0001CapturedVariable> Parameters { get; }

    /// <summary>Object creations (in async code) that become <c>await T.CreateAsync(...)</c>.</summary>
    public ImmutableArray<MM0001NodeEdit<ExpressionSyntax>> Callers { get; }

    public ImmutableArray<MM0001StateMember> StateMembers { get; }

    public string FactoryName { get; }

    public string CancellationTokenName { get; }

    public string InstanceName { get; }

    public Accessibility FactoryAccessibility { get; }

    /// <summary>Indexes of the constructor parameters the constructor still uses (the others only served the moved code).</summary>
    public ImmutableArray<int> KeptParameters { get; }

    /// <summary>The factory is visible outside the assembly and the project checks documentation comments (CS1591).</summary>
    public bool NeedsDocumentation { get; }
}
