using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0003: a private method — or an internal one that is neither virtual nor an interface implementation, whose uses are
/// looked for in every file of the compilation (a friend assembly's calls are tests: aws-lambda-dotnet's
/// <c>LambdaBootstrap.InitializeAsync</c>, internal for its tests) — every use of which (calls and method-group references, outside the method itself) sits where
/// its caller visibly checked a member non-null — in the branch of <c>if (_x != null …)</c>, after
/// <c>if (_x == null) return;</c>, in <c>_x == null ? null : Helper</c>, right of <c>_x != null &amp;&amp;</c> — starts with
/// that member set, when the member keeps its value after construction (Nethereum's backfiller helpers) — or inside the
/// body of another private method that is such a helper itself, up to <see cref="MaxHelperChain"/> helpers deep.
/// Syntax-first; the uses are confirmed by symbol. Decided once per method and member.
/// </summary>
internal sealed class NullStateCallerGuards
{
    private const int MaxDepth = 64;

    // How many private helpers deep a caller's check is followed (a helper of a helper of the checking method).
    private const int MaxHelperChain = 3;
    private readonly ConcurrentDictionary<(IMethodSymbol, ISymbol), bool> _decided = new(PairComparer.Instance);

    /// <summary>Whether every use of <paramref name="method"/> outside itself is under a visible non-null check of <paramref name="member"/>.</summary>
    public bool GuardedAtEveryUse(IMethodSymbol method, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
        => GuardedAtEveryUse(method, member, model, depth: 0, cancellationToken);

    private bool GuardedAtEveryUse(IMethodSymbol method, ISymbol member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (method.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
            || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        var key = (method.OriginalDefinition, member.OriginalDefinition);
        if (_decided.TryGetValue(key, out var decided))
        {
            return decided;
        }

        var result = Decide(method.OriginalDefinition, member, model, depth, cancellationToken);
        return depth == 0 ? _decided.GetOrAdd(key, result) : result; // a nested answer is cut by the depth bound: not cached
    }

    private bool Decide(IMethodSymbol method, ISymbol member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (PrivateMethodUses.FindInAssembly(method, model.Compilation, cancellationToken) is not { } uses)
        {
            return false;
        }

        var outside = 0;
        foreach (var (name, _) in uses)
        {
            if (IsInside(name, method))
            {
                continue; // a recursive call: the method's own entry state
            }

            if (!VisiblyChecked(name, member.Name)
                && !CheckedThroughStoredParameter(name, member.Name)
                && !(depth < MaxHelperChain && EnclosingHelper(name, model, cancellationToken) is { } helper
                    && GuardedAtEveryUse(helper, member, model, depth + 1, cancellationToken)))
            {
                return false;
            }

            outside++;
        }

        return outside > 0;
    }

    /// <summary>
    /// The private method whose body (not a lambda or local function in it, which may run later) holds <paramref name="use"/>:
    /// a helper of a helper starts with what every use of the outer helper had checked (dotnetcore/Util's <c>OrCondition</c>:
    /// <c>AppendTo</c> checks, <c>AppendAllCondition</c> calls <c>Or</c>, <c>Or</c> uses the member).
    /// </summary>
    private static IMethodSymbol? EnclosingHelper(SyntaxNode use, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in use.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case MethodDeclarationSyntax declaration:
                    return SemanticModels.For(model.Compilation, declaration.SyntaxTree, model)?.GetDeclaredSymbol(declaration, cancellationToken)
                        is { DeclaredAccessibility: Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal } helper ? helper : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsInside(SyntaxNode node, IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Up from a use to its member declaration: a branch, operand or statement a check of <paramref name="name"/> guards.</summary>
    internal static bool VisiblyChecked(SyntaxNode use, string name)
    {
        SyntaxNode child = use;
        var depth = 0;
        foreach (var ancestor in use.Ancestors())
        {
            if (depth++ > MaxDepth || ancestor is MemberDeclarationSyntax)
            {
                return false;
            }

            switch (ancestor)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == child && Proves(ifStatement.Condition, name, whenTrue: true):
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf } when Proves(elseOf.Condition, name, whenTrue: false):
                case ConditionalExpressionSyntax conditional when (conditional.WhenTrue == child && Proves(conditional.Condition, name, whenTrue: true))
                    || (conditional.WhenFalse == child && Proves(conditional.Condition, name, whenTrue: false)):
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both when both.Right == child && Proves(both.Left, name, whenTrue: true):
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either when either.Right == child && Proves(either.Left, name, whenTrue: false):
                    return true;
                case BlockSyntax block when child is StatementSyntax statement && ExitsEarlierWhenNull(block, statement, name):
                    return true;
            }

            child = ancestor;
        }

        return false;
    }

    /// <summary>
    /// A use in a constructor under a check of the parameter the constructor stored into the member: perfview's
    /// <c>m_createMenu = createMenu; if (createMenu != null) { canvas.RightButtonUp += OnRightButtonUp; }</c> (a call of a
    /// helper that uses the member), hazelcast's <c>FirstFrame = LastFrame = firstFrame; if (firstFrame != null) {
    /// LastFrame.Flags |= Final; }</c> (the member itself). The store is an earlier statement of the constructor's body,
    /// <c>_x = p;</c> (or <c>this._x = p;</c>, or one link of a chain <c>_a = _x = p;</c>), the only write of the member in
    /// that body, and the parameter is written nowhere in it.
    /// </summary>
    internal static bool CheckedThroughStoredParameter(SyntaxNode use, string member)
    {
        StatementSyntax? useStatement = null;
        ConstructorDeclarationSyntax? constructor = null;
        foreach (var ancestor in use.Ancestors())
        {
            if (ancestor is StatementSyntax statement && ancestor.Parent is BlockSyntax { Parent: ConstructorDeclarationSyntax })
            {
                useStatement = statement;
            }

            if (ancestor is MemberDeclarationSyntax declaration)
            {
                constructor = declaration as ConstructorDeclarationSyntax;
                break;
            }
        }

        if (constructor?.Body is not { } body || useStatement is null)
        {
            return false;
        }

        string? parameter = null;
        foreach (var statement in body.Statements)
        {
            if (statement == useStatement)
            {
                break;
            }

            if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } store }
                && StoredParameter(store, member) is { } source
                && source != member // `this.menu = menu;`: a check of either name already counts
                && IsParameter(constructor, source))
            {
                parameter = source;
                break;
            }
        }

        return parameter is not null
            && WrittenOnce(body, member, parameter)
            && VisiblyChecked(use, parameter);
    }

    /// <summary>The name <c>p</c> of <c>_x = p</c>, or of a chain <c>_a = _x = p</c> one of whose targets is the member.</summary>
    private static string? StoredParameter(AssignmentExpressionSyntax store, string member)
    {
        var storesMember = false;
        var current = store;
        for (var links = 0; links < 8; links++)
        {
            storesMember |= Names(current.Left, member);
            switch (current.Right)
            {
                case IdentifierNameSyntax source:
                    return storesMember ? source.Identifier.ValueText : null;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } inner:
                    current = inner;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsParameter(ConstructorDeclarationSyntax constructor, string name)
    {
        foreach (var parameter in constructor.ParameterList.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member is assigned once in the body (the store), and the parameter never (nor passed by <c>ref</c>/<c>out</c>).</summary>
    private static bool WrittenOnce(BlockSyntax body, string member, string parameter)
    {
        var stores = 0;
        foreach (var node in body.DescendantNodes())
        {
            var target = Shapes.WrittenExpression(node);
            if (target is null)
            {
                continue;
            }

            if (Names(target, parameter) || (Names(target, member) && ++stores > 1))
            {
                return false;
            }
        }

        return stores == 1;
    }

    /// <summary>An earlier statement of the block is <c>if (_x == null) return;</c> (or <c>throw</c>, <c>continue</c>, <c>break</c>).</summary>
    private static bool ExitsEarlierWhenNull(BlockSyntax block, StatementSyntax statement, string name)
    {
        foreach (var earlier in block.Statements)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IfStatementSyntax { Else: null } exit && Exits(exit.Statement) && Proves(exit.Condition, name, whenTrue: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(StatementSyntax statement)
        => statement switch
        {
            ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
            BlockSyntax { Statements.Count: > 0 } block => Exits(block.Statements[block.Statements.Count - 1]),
            _ => false,
        };

    /// <summary>Whether <paramref name="condition"/> being <paramref name="whenTrue"/> proves the member non-null.</summary>
    private static bool Proves(ExpressionSyntax condition, string name, bool whenTrue)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Proves(parenthesized.Expression, name, whenTrue);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Proves(not.Operand, name, !whenTrue);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both:
                return whenTrue && (Proves(both.Left, name, true) || Proves(both.Right, name, true));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } either:
                return !whenTrue && (Proves(either.Left, name, false) || Proves(either.Right, name, false));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression } notEquals:
                return whenTrue && ComparesWithNull(notEquals, name);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals:
                return !whenTrue && ComparesWithNull(equals, name);
            case IsPatternExpressionSyntax isPattern when Names(isPattern.Expression, name):
                return isPattern.Pattern switch
                {
                    UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } => whenTrue,
                    ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } => !whenTrue,
                    RecursivePatternSyntax or DeclarationPatternSyntax or TypePatternSyntax => whenTrue,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static bool ComparesWithNull(BinaryExpressionSyntax comparison, string name)
        => (Names(comparison.Left, name) && comparison.Right.IsKind(SyntaxKind.NullLiteralExpression))
            || (Names(comparison.Right, name) && comparison.Left.IsKind(SyntaxKind.NullLiteralExpression));

    private static bool Names(ExpressionSyntax expression, string name)
        => Shapes.OwnMemberName(expression)?.Identifier.ValueText == name;

    private sealed class PairComparer : System.Collections.Generic.IEqualityComparer<(IMethodSymbol, ISymbol)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((IMethodSymbol, ISymbol) x, (IMethodSymbol, ISymbol) y)
            => SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1) && SymbolEqualityComparer.Default.Equals(x.Item2, y.Item2);

        public int GetHashCode((IMethodSymbol, ISymbol) obj)
            => (SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Item2);
    }
}
