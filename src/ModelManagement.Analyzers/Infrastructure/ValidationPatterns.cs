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
internal static class ValidationPatterns
{
    private const int MaxDepth = 16;

    /// <summary>
    /// The locals that hold the result of the call that <paramref name="owner"/> (an <c>is</c> test, a <c>switch</c>
    /// statement or expression) matches; null when the patterns test the verdict or designate nothing.
    /// </summary>
    public static List<ILocalSymbol>? GetStores(IOperation owner)
    {
        var locals = new List<ILocalSymbol>(1);
        switch (owner)
        {
            case IIsPatternOperation isPattern:
                if (!Collect(isPattern.Pattern, locals, 0))
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
                                if (!Collect(patternClause.Pattern, locals, 0))
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
                    if (arm.Guard is not null || !Collect(arm.Pattern, locals, 0))
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
    private static bool Collect(IPatternOperation pattern, List<ILocalSymbol> locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (pattern)
        {
            case IDeclarationPatternOperation declaration:
                AddLocal(declaration.DeclaredSymbol, locals);
                return true;
            case IRecursivePatternOperation recursive:
                if (!recursive.PropertySubpatterns.IsEmpty || !recursive.DeconstructionSubpatterns.IsEmpty)
                {
                    return false; // { IsValid: true }, { Errors.Count: 0 }, (var ok, _): reads the verdict
                }

                AddLocal(recursive.DeclaredSymbol, locals);
                return true;
            case ITypePatternOperation or IDiscardPatternOperation:
                return true;
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                return true; // is null / is not null: the presence of a result, not its verdict
            case INegatedPatternOperation negated:
                return Collect(negated.Pattern, locals, depth + 1);
            case IBinaryPatternOperation binary:
                return Collect(binary.LeftPattern, locals, depth + 1) && Collect(binary.RightPattern, locals, depth + 1);
            default:
                return false; // constants (is false), relational and list patterns test the value
        }
    }

    private static void AddLocal(ISymbol? symbol, List<ILocalSymbol> locals)
    {
        if (symbol is ILocalSymbol { RefKind: RefKind.None } local)
        {
            locals.Add(local);
        }
    }
}
