using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// MM0004: what the patterns applied to a validation result do with it. A pattern that looks inside the result
/// (<c>is { IsValid: true }</c>, <c>is false</c>, <c>is { Errors.Count: 0 } r</c>) or a <c>when</c> clause is a condition on
/// the verdict; otherwise the locals it designates (<c>is var r</c>, <c>is { } r</c>, <c>is ValidationResult r</c>,
/// <c>case var r:</c>) hold the result, and the flow decides whether they are read.
/// </summary>
/// <remarks>
/// A type test for a narrower type (<c>is Invalid&lt;T&gt; invalid</c> on a <c>ValidationResult&lt;T&gt;</c> union) is the
/// verdict itself, and so is any null or type test of a result without a validity member (<c>Error? ValidateX()</c>:
/// <c>is { } error</c> means "invalid"). Only a null or same-type test of a result with a validity member, or <c>var</c>,
/// merely names the result.
/// </remarks>
internal static class ValidationPatterns
{
    private const int MaxDepth = 16;

    /// <summary>
    /// The locals that hold the result of the call that <paramref name="owner"/> (an <c>is</c> test, a <c>switch</c>
    /// statement or expression) matches; null when the patterns test the verdict or designate nothing.
    /// </summary>
    public static List<ILocalSymbol>? GetStores(IOperation owner, bool hasVerdictMember)
    {
        var locals = new List<ILocalSymbol>(1);
        switch (owner)
        {
            case IIsPatternOperation isPattern:
                if (!Collect(isPattern.Pattern, hasVerdictMember, locals, 0))
                {
                    return null;
                }

                break;
            case ISwitchOperation switchStatement:
                foreach (var section in switchStatement.Cases)
                {
                    foreach (var clause in section.Clauses)
                    {
                        switch (clause)
                        {
                            case IPatternCaseClauseOperation { Guard: null } patternClause:
                                if (!Collect(patternClause.Pattern, hasVerdictMember, locals, 0))
                                {
                                    return null;
                                }

                                break;
                            case IDefaultCaseClauseOperation:
                                break;
                            default:
                                return null; // a constant (case true:), a guard: a condition on the verdict
                        }
                    }
                }

                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (arm.Guard is not null || !Collect(arm.Pattern, hasVerdictMember, locals, 0))
                    {
                        return null;
                    }
                }

                break;
            default:
                return null;
        }

        return locals.Count == 0 ? null : locals;
    }

    /// <summary>Adds the designations of a pattern that only names or type-tests the result; false when it tests the verdict.</summary>
    private static bool Collect(IPatternOperation pattern, bool hasVerdictMember, List<ILocalSymbol> locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (pattern)
        {
            case IDeclarationPatternOperation { MatchesNull: true } declaration:
                AddLocal(declaration.DeclaredSymbol, locals); // var r: names the result, tests nothing
                return true;
            case IDeclarationPatternOperation declaration:
                if (!OnlyTestsPresence(declaration, declaration.MatchedType, hasVerdictMember))
                {
                    return false;
                }

                AddLocal(declaration.DeclaredSymbol, locals);
                return true;
            case IRecursivePatternOperation recursive:
                if (!recursive.PropertySubpatterns.IsEmpty || !recursive.DeconstructionSubpatterns.IsEmpty
                    || !OnlyTestsPresence(recursive, recursive.MatchedType, hasVerdictMember))
                {
                    return false; // { IsValid: true }, { Errors.Count: 0 }, (var ok, _): reads the verdict
                }

                AddLocal(recursive.DeclaredSymbol, locals);
                return true;
            case ITypePatternOperation type:
                return OnlyTestsPresence(type, type.MatchedType, hasVerdictMember);
            case IDiscardPatternOperation:
                return true;
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                return hasVerdictMember; // is null / is not null: the presence of a verdict, not its value
            case INegatedPatternOperation negated:
                return Collect(negated.Pattern, hasVerdictMember, locals, depth + 1);
            case IBinaryPatternOperation binary:
                return Collect(binary.LeftPattern, hasVerdictMember, locals, depth + 1)
                    && Collect(binary.RightPattern, hasVerdictMember, locals, depth + 1);
            default:
                return false; // constants (is false), relational and list patterns test the value
        }
    }

    /// <summary>
    /// Whether a null or type test only asks "is there a result": the result carries its verdict in a member, and the
    /// tested type is the result's own type or one it converts to (a base, an interface, the <c>T</c> of <c>T?</c>).
    /// </summary>
    private static bool OnlyTestsPresence(IPatternOperation pattern, ITypeSymbol? matchedType, bool hasVerdictMember)
    {
        if (!hasVerdictMember)
        {
            return false;
        }

        var input = pattern.InputType;
        if (matchedType is null || input is null)
        {
            return true;
        }

        if (input is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
        {
            input = nullable.TypeArguments[0];
        }

        if (SymbolEqualityComparer.Default.Equals(input, matchedType))
        {
            return true;
        }

        for (var type = input.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, matchedType))
            {
                return true;
            }
        }

        foreach (var implemented in input.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, matchedType))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddLocal(ISymbol? symbol, List<ILocalSymbol> locals)
    {
        if (symbol is ILocalSymbol { RefKind: RefKind.None } local)
        {
            locals.Add(local);
        }
    }
}
