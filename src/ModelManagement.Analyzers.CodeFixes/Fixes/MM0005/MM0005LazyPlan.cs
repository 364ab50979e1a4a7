using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// What "Convert to single-flight lazy initialization" does for one MM0005 diagnostic: the facts the planner proved and
/// the nodes the rewriter edits. A flag (<c>if (!_initialized) { …; _initialized = true; }</c>) becomes an
/// <c>AsyncInitializer</c>; a value (<c>if (_x == null) { …; _x = v; }</c>, <c>_x ??= v</c>) becomes an <c>AsyncLazy&lt;T&gt;</c>.
/// </summary>
internal sealed class MM0005LazyPlan
{
    public MM0005LazyPlan(
        bool isFlag,
        ISymbol field,
        MemberDeclarationSyntax fieldDeclaration,
        TypeDeclarationSyntax type,
        SyntaxNode check,
        ImmutableArray<StatementSyntax> initialization,
        ExpressionSyntax? value,
        ITypeSymbol? valueType,
        ImmutableArray<ExpressionSyntax> readers,
        ImmutableArray<ExpressionSyntax> tokenReaders,
        bool keepAwaitAtCheck,
        string? cancellationTokenName,
        string newFieldName,
        string methodName,
        ImmutableArray<StatementSyntax> movedStatements,
        ImmutableArray<IdentifierNameSyntax> detachedTokens,
        IMethodSymbol? directMethod = null,
        ExpressionStatementSyntax? flagWriteInMethod = null,
        string? accessorName = null,
        ImmutableArray<IfStatementSyntax> callersFastPaths = default,
        ExpressionSyntax? guard = null)
    {
        Guard = guard;
        CallersFastPaths = callersFastPaths.IsDefault ? ImmutableArray<IfStatementSyntax>.Empty : callersFastPaths;
        IsFlag = isFlag;
        Field = field;
        FieldDeclaration = fieldDeclaration;
        Type = type;
        Check = check;
        Initialization = initialization;
        Value = value;
        ValueType = valueType;
        Readers = readers;
        TokenReaders = tokenReaders;
        KeepAwaitAtCheck = keepAwaitAtCheck;
        CancellationTokenName = cancellationTokenName;
        NewFieldName = newFieldName;
        MethodName = methodName;
        MovedStatements = movedStatements;
        DetachedTokens = detachedTokens;
        DirectMethod = directMethod;
        FlagWriteInMethod = flagWriteInMethod;
        AccessorName = accessorName;
    }

    /// <summary>
    /// The condition in front of a flag's check that reads no state (<c>ensureStorageCreated</c> of
    /// <c>if (ensureStorageCreated &amp;&amp; !_created)</c>): it stays, deciding whether this caller waits for the initialization.
    /// </summary>
    public ExpressionSyntax? Guard { get; }

    /// <summary>True: a flag becomes an AsyncInitializer; false: a value becomes an AsyncLazy&lt;T&gt;.</summary>
    public bool IsFlag { get; }

    /// <summary>The checked state: a private field, or a private auto-property.</summary>
    public ISymbol Field { get; }

    /// <summary>The state's declaration: a <see cref="FieldDeclarationSyntax"/> or an auto-property's <see cref="PropertyDeclarationSyntax"/>.</summary>
    public MemberDeclarationSyntax FieldDeclaration { get; }

    public TypeDeclarationSyntax Type { get; }

    /// <summary>The <c>if</c> statement of the check, or the <c>_x ??= …</c> expression.</summary>
    public SyntaxNode Check { get; }

    /// <summary>The guarded statements that move into the initialization method (without the final write).</summary>
    public ImmutableArray<StatementSyntax> Initialization { get; }

    /// <summary>Value form: what the final write stored; the initialization method returns it.</summary>
    public ExpressionSyntax? Value { get; }

    public ITypeSymbol? ValueType { get; }

    /// <summary>Value form: every read of the member outside the check; each becomes <c>await _x</c>.</summary>
    public ImmutableArray<ExpressionSyntax> Readers { get; }

    /// <summary>
    /// Value form, when the load passed the caller's token on: the readers that see that same parameter; each becomes
    /// <c>await _x.GetValueAsync(token)</c>, so the caller can still cancel its wait.
    /// </summary>
    public ImmutableArray<ExpressionSyntax> TokenReaders { get; }

    /// <summary>Value form: the checking function reads the value nowhere else, so the check becomes <c>await _x;</c> (it still loads there).</summary>
    public bool KeepAwaitAtCheck { get; }

    /// <summary>
    /// The token parameter in scope at the check: a flag passes it to EnsureInitializedAsync; a value (only when its load
    /// passed it on) to GetValueAsync at the check and at <see cref="TokenReaders"/>.
    /// </summary>
    public string? CancellationTokenName { get; }

    public string NewFieldName { get; }

    public string MethodName { get; }

    /// <summary>
    /// The own parameterless method the whole load awaits (<c>_codes ??= await LoadCodesAsync();</c>, a flag's
    /// <c>await WarmUpAsync();</c>) when its task is exactly the helper's: the helper takes it as its callback
    /// (<see cref="MethodName"/> is its name) and no method is added; else null.
    /// </summary>
    public IMethodSymbol? DirectMethod { get; }

    /// <summary>
    /// Flag form whose check only awaits an own method ending in <c>_flag = true;</c>
    /// (<c>if (!_loaded) await LoadAsync();</c>): that write, which the rewriter removes; else null.
    /// </summary>
    public ExpressionStatementSyntax? FlagWriteInMethod { get; }

    /// <summary>
    /// Instance state of a class with a primary constructor (no constructor body to create the helper in): the name of
    /// the private accessor that creates it on first use, <c>Catalog =&gt; LazyInitializer.EnsureInitialized(ref _catalog, () =&gt; new AsyncLazy&lt;T&gt;(LoadCatalogAsync))</c>;
    /// the check and the readers go through it. Null elsewhere: the field is created in every constructor.
    /// </summary>
    public string? AccessorName { get; }

    /// <summary>
    /// Early-return form (<c>if (_x != null) return _x; …; _x = v; return _x;</c>): the statements after the check, up to
    /// and including the write, that leave the function (the write's comments stay behind); empty for the block and
    /// <c>??=</c> forms, whose guarded statements sit inside <see cref="Check"/>.
    /// </summary>
    public ImmutableArray<StatementSyntax> MovedStatements { get; }

    /// <summary>
    /// The uses of the caller's <c>CancellationToken</c> parameter in the moved statements and the loaded value (each a
    /// whole argument); the initialization method passes <c>CancellationToken.None</c> there.
    /// </summary>
    public ImmutableArray<IdentifierNameSyntax> DetachedTokens { get; }

    /// <summary>
    /// Callers' own fast paths in front of the checking method, <c>if (!_initialized) await InitializeAsync();</c>: each becomes
    /// its awaited call, <c>await InitializeAsync();</c>, which the initializer answers at once after the first run.
    /// </summary>
    public ImmutableArray<IfStatementSyntax> CallersFastPaths { get; }
}
