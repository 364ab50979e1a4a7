using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0003's answer for a constructor read from its syntax alone, without binding its body or building its graph: a
/// constructor with no <c>: this(…)</c> whose statements are all plain assignments to the type's members
/// (<c>_registry = registry;</c>, <c>this._logger = loggerFactory?.CreateLogger("x") ?? NullLogger.Instance;</c>) or static
/// guards of another type (<c>Verify.NotNull(kernel);</c>). Nothing there branches or calls an own method, so a member is
/// null at the exit exactly when its last assignment stores a tracked parameter — provided each parameter is read only
/// where its null state cannot change: as the whole stored value, as the receiver of <c>?.</c>, or as the left of a
/// <c>??</c>. One asserted by a <c>?? throw</c>, as a guard's argument or as a <c>: base(…)</c> argument is recorded, and a
/// tracked parameter asserted that way hands the constructor back to the bound analysis. Anything else (an argument
/// elsewhere, a dereference, a lambda, a call that may be the type's own, a read of a member) makes <see cref="TryRead"/>
/// return null and the bound analysis decide. <c>StraightLineConstructorTests</c> checks both answers agree on the
/// generated corpus and on shapes.
/// </summary>
internal sealed class StraightLineConstructor
{
    private readonly Dictionary<ISymbol, int> _lastWrite;
    private readonly List<int> _asserted;

    private StraightLineConstructor(List<(int Ordinal, ISymbol Member)> stores, Dictionary<ISymbol, int> lastWrite, List<int> asserted)
    {
        Stores = stores;
        _lastWrite = lastWrite;
        _asserted = asserted;
    }

    /// <summary>
    /// Whether a parameter <paramref name="isTracked"/> accepts is asserted (<c>?? throw</c>, a guard's or a
    /// <c>: base(…)</c> argument): its null state may change mid-constructor, so the bound analysis must answer after all.
    /// A required parameter asserted that way is common and changes nothing tracked.
    /// </summary>
    public bool AssertsAny(System.Func<int, bool> isTracked)
    {
        foreach (var ordinal in _asserted)
        {
            if (isTracked(ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameter stores, as <see cref="OptionalDependencies.ConstructorFacts.Stores"/> would list them.</summary>
    public List<(int Ordinal, ISymbol Member)> Stores { get; }

    /// <summary>Whether <paramref name="member"/>'s last assignment stores a parameter <paramref name="isTracked"/> accepts.</summary>
    public bool MayBeNullAtExit(ISymbol member, System.Func<int, bool> isTracked)
        => _lastWrite.TryGetValue(member, out var ordinal) && ordinal >= 0 && isTracked(ordinal);

    /// <summary>The constructor's stores and last writes, or null when its syntax is not that simple.</summary>
    public static StraightLineConstructor? TryRead(IMethodSymbol constructor, INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (constructor.DeclaringSyntaxReferences.Length != 1
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration
            || declaration.Initializer is { RawKind: (int)SyntaxKind.ThisConstructorInitializer })
        {
            return null;
        }

        var parameters = constructor.Parameters;
        var asserted = new List<int>();
        if (declaration.Initializer is { } baseInitializer && !ArgumentsAreNeutral(baseInitializer.ArgumentList, parameters, type, asserted))
        {
            return null; // `: base(options)`: a bare parameter argument is recorded as asserted, like a guard's
        }

        var expressions = new List<ExpressionSyntax>();
        if (declaration.ExpressionBody is { Expression: var single })
        {
            expressions.Add(single);
        }
        else if (declaration.Body is { } body)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is not ExpressionStatementSyntax { Expression: var expression })
                {
                    return null;
                }

                expressions.Add(expression);
            }
        }
        else
        {
            return null;
        }

        var stores = new List<(int, ISymbol)>();
        var lastWrite = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        foreach (var expression in expressions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (expression is InvocationExpressionSyntax guard)
            {
                // `Verify.NotNull(kernel);`, `ArgumentNullException.ThrowIfNull(store);`: a static guard of another type.
                if (!IsStaticCallOfAnotherType(guard, parameters, type) || !ArgumentsAreNeutral(guard.ArgumentList, parameters, type, asserted))
                {
                    return null;
                }

                continue;
            }

            if (expression is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                || TargetName(assignment.Left, parameters) is not { } targetName
                || FindMember(type, targetName) is not { } member)
            {
                return null;
            }

            var value = Shapes.Unparenthesized(assignment.Right);

            var ordinal = -1;
            if (value is IdentifierNameSyntax identifier && ParameterOrdinal(parameters, identifier.Identifier.ValueText) is var stored and >= 0)
            {
                var conversion = compilation.ClassifyCommonConversion(parameters[stored].Type, MemberType(member));
                if (!conversion.Exists || conversion.IsUserDefined)
                {
                    return null;
                }

                ordinal = stored;
                stores.Add((stored, member.OriginalDefinition));
            }
            else if (value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression) || value is DefaultExpressionSyntax
                || !ReadsParametersOnlyNeutrally(value, parameters, type, asserted))
            {
                return null;
            }

            lastWrite[member.OriginalDefinition] = ordinal;
        }

        return new StraightLineConstructor(stores, lastWrite, asserted);
    }

    private static string? TargetName(ExpressionSyntax left, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
        => left switch
        {
            IdentifierNameSyntax identifier when ParameterOrdinal(parameters, identifier.Identifier.ValueText) < 0 => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };

    /// <summary>An instance field or non-indexer property of that name on the type or a base (a static one only on the type).</summary>
    private static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                switch (member)
                {
                    case IFieldSymbol field when !field.IsStatic || SymbolEqualityComparer.Default.Equals(current, type):
                        return field;
                    case IPropertySymbol { IsIndexer: false } property when !property.IsStatic || SymbolEqualityComparer.Default.Equals(current, type):
                        return property;
                    default:
                        return null; // a method, event or nested type of that name: not a simple store
                }
            }
        }

        return null;
    }

    private static ITypeSymbol MemberType(ISymbol member) => member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;

    private static int ParameterOrdinal(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The value reads a parameter only as the receiver of <c>?.</c> or the left of a <c>??</c> with no throw, calls nothing
    /// but members of such receivers or of a named type or object (never an own method: no bare or <c>this.</c>/<c>base.</c>
    /// callee), reads no member of the type (a member read after its store may dereference it), and holds no lambda,
    /// <c>this</c>, <c>base</c>, assignment or throw.
    /// </summary>
    private static bool ReadsParametersOnlyNeutrally(
        ExpressionSyntax value, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, INamedTypeSymbol type, List<int> asserted)
    {
        foreach (var node in value.DescendantNodesAndSelf(static node => !IsNameOf(node)))
        {
            switch (node)
            {
                case ThrowExpressionSyntax thrown:
                    // `store ?? throw new ArgumentNullException(nameof(store))`: the parameter is non-null afterwards.
                    if (thrown.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce || coalesce.Right != thrown
                        || Shapes.Unparenthesized(coalesce.Left) is not IdentifierNameSyntax checkedName
                        || ParameterOrdinal(parameters, checkedName.Identifier.ValueText) is not (var checkedOrdinal and >= 0))
                    {
                        return false;
                    }

                    asserted.Add(checkedOrdinal);
                    break;
                case InvocationExpressionSyntax invocation when IsNameOf(invocation):
                    break;
                case AnonymousFunctionExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or AssignmentExpressionSyntax
                    or DeclarationExpressionSyntax or IsPatternExpressionSyntax or SwitchExpressionSyntax
                    or AwaitExpressionSyntax or RefExpressionSyntax:
                    return false;
                case InvocationExpressionSyntax invocation
                    when invocation.Expression is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax) || NamesTheType(invocation.Expression, type):
                    return false; // `Init()`, `Self.Create()`: may be the type's own
                case IdentifierNameSyntax identifier when IsValueReference(identifier):
                    if (ParameterOrdinal(parameters, identifier.Identifier.ValueText) >= 0 ? !IsNeutralRead(identifier) : NamesOwnMember(type, identifier.Identifier.ValueText))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>A.B(…)</c> or <c>A.B.C(…)</c> whose leftmost name is neither a parameter, a member of the type, the type's own name,
    /// <c>this</c> nor <c>base</c>: a static member of another type, which cannot write this instance's members.
    /// </summary>
    private static bool IsStaticCallOfAnotherType(InvocationExpressionSyntax invocation, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, INamedTypeSymbol type)
    {
        ExpressionSyntax callee = invocation.Expression;
        if (callee is not MemberAccessExpressionSyntax)
        {
            return false;
        }

        while (callee is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            callee = access.Expression;
        }

        return callee is IdentifierNameSyntax { Identifier.ValueText: var name }
            && ParameterOrdinal(parameters, name) < 0
            && !NamesOwnMember(type, name)
            && !NamesTheType(invocation.Expression, type);
    }

    /// <summary>Whether a name in the callee's chain is the type's own (<c>Outer.Self.Reset()</c>): a static own method.</summary>
    private static bool NamesTheType(ExpressionSyntax callee, INamedTypeSymbol type)
    {
        foreach (var node in callee.DescendantNodesAndSelf())
        {
            if (node is SimpleNameSyntax { Identifier.ValueText: var name } && name == type.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each argument is a bare parameter (recorded as asserted: a guard may throw on null) or a neutral value.</summary>
    private static bool ArgumentsAreNeutral(
        ArgumentListSyntax arguments, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, INamedTypeSymbol type, List<int> asserted)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return false;
            }

            if (Shapes.Unparenthesized(argument.Expression) is IdentifierNameSyntax identifier && ParameterOrdinal(parameters, identifier.Identifier.ValueText) is var ordinal and >= 0)
            {
                asserted.Add(ordinal);
            }
            else if (!ReadsParametersOnlyNeutrally(argument.Expression, parameters, type, asserted))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameOf(SyntaxNode node)
        => node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 };

    private static bool NamesOwnMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Not the member name of <c>a.x</c>/<c>?.x</c>, a named argument or an object initializer's member.</summary>
    private static bool IsValueReference(IdentifierNameSyntax identifier)
        => identifier.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == identifier,
            MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax => false,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Right == identifier,
            _ => true,
        };

    private static bool IsNeutralRead(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            ConditionalAccessExpressionSyntax access => access.Expression == node,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce => coalesce.Left == node, // a `?? throw` is recorded
            _ => false,
        };
    }
}
