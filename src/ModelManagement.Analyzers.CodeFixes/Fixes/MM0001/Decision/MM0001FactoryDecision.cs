using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The factory decision, considered when the lazy rewrite is refused: pure functions of the facts (and of the type's
/// <see cref="MM0001Creations"/>) that give the "Introduce static async factory" plan, or why not.
/// </summary>
internal static class MM0001FactoryDecision
{
    /// <summary>The one constructor a factory can replace, or why there is none (checked before the solution is searched).</summary>
    public static (IMethodSymbol? Constructor, MM0001Refusal? Refusal) FindConstructor(MM0001TypeFacts facts)
    {
        var type = facts.Type;
        if (type.IsAbstract)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.TypeIsInherited, type));
        }

        if (facts.OtherConstructors.Length > 0 || facts.PrimaryConstructor)
        {
            // A primary constructor cannot be made private (nor can its callers be sent to a factory through it).
            return (null, new MM0001Refusal(MM0001RefusalReason.FactoryConstructorShape, type));
        }

        if (type.InstanceConstructors.Length != 1)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.CannotAnalyze));
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    // `required` members: the factory's `new T(…)` would have to set them (CS9035), and the callers'
                    // object initializers that set them cannot follow an awaited factory.
                    return (null, new MM0001Refusal(MM0001RefusalReason.FactoryConstructorShape, member));
                }
            }
        }

        if (ModelManagement.Analyzers.Infrastructure.TestFrameworks.Create(facts.Types.Compilation) is { } tests && tests.DeclaresOrInheritsTestMethod(type))
        {
            // The test framework creates the class by reflection through its one public constructor: made private, the
            // tests fail ("a test class may only define a single public constructor"), silently to the compiler.
            return (null, new MM0001Refusal(MM0001RefusalReason.TestClass, type));
        }

        var constructor = type.InstanceConstructors[0];
        if (constructor.PartialImplementationPart is not null || constructor.PartialDefinitionPart is not null)
        {
            // A C# 14 partial constructor: made private, both declarations would have to change together.
            return (null, new MM0001Refusal(MM0001RefusalReason.FactoryConstructorShape, constructor));
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Pointer)
            {
                return (null, new MM0001Refusal(MM0001RefusalReason.FactoryConstructorShape, constructor));
            }
        }

        return (constructor, null);
    }

    public static (MM0001FactoryPlan? Plan, MM0001Refusal? Refusal) Decide(MM0001TypeFacts facts, IMethodSymbol constructor, MM0001Creations creations)
    {
        if (creations.HasDerivedTypes)
        {
            return (null, new MM0001Refusal(MM0001RefusalReason.TypeIsInherited, facts.Type));
        }

        var units = facts.ConstructorUnits;
        var suffix = units.Skip(MovedFrom(facts)).ToList();
        var parameters = ImmutableArray<MM0001CapturedVariable>.Empty;
        if (suffix.Count > 0)
        {
            // Locals of the kept statements cannot reach the factory: their declarations move too (`var first =
            // store.CountAsync();` before `Task.WaitAll(first, second);`), and the statements before them stay. Parameters
            // the kept statements reassign cannot reach it either: then the whole body moves.
            suffix = units.Skip(WithDeclarationsOfUsedLocals(units, suffix[0].Index)).ToList();
            parameters = Parameters(facts, suffix, out var moveAll);
            if (moveAll && suffix.Count < units.Length)
            {
                suffix = units.ToList();
                parameters = Parameters(facts, suffix, out _);
            }

            if (MM0001MovedCode.CheckMovable(suffix, allowReturn: true) is { } refusal)
            {
                return (null, refusal);
            }
        }

        if (creations.Problem is not null)
        {
            return (null, creations.Problem);
        }

        if (creations.Callers.IsEmpty)
        {
            // Nothing in the loaded solution writes `new T(…)`: a framework creates the type (a DI container's assembly
            // scanning, a service locator's reflection, XAML, a plugin host). Made private, its constructor would fail
            // those at run time, and the factory nobody calls would silently skip the initialization (a triage: Dalamud's
            // StaThreadService, created by reflection, hung on first use).
            return (null, new MM0001Refusal(MM0001RefusalReason.NoCreationToReplace, constructor));
        }

        var initialized = facts.Initializers.Select(static initializer => initializer.Member.OriginalDefinition).ToList();
        var assigned = MM0001MemberFacts.Merge(suffix.Select(static unit => unit.Facts).ToList(), initialized).Assignments;
        var (stateMembers, stateRefusal) = MM0001StateMembers.Collect(facts, assigned);
        if (stateRefusal is not null)
        {
            return (null, stateRefusal);
        }

        // A constructor that takes a token already lets callers cancel: the factory takes that one (a second,
        // `CreateAsync(s, token, cancellationToken = default)`, would only be checked before creation).
        var taken = ImmutableHashSet.CreateRange(System.StringComparer.Ordinal, constructor.Parameters.Select(static parameter => parameter.Name));
        var constructorToken = CancellationTokens.FindParameter(constructor);
        var tokenName = constructorToken?.Name ?? UniqueNames.Choose("cancellationToken", taken);
        var accessibility = constructor.IsImplicitlyDeclared ? Accessibility.Public : constructor.DeclaredAccessibility;
        return (new MM0001FactoryPlan(
            suffix.Count == 1 && parameters.IsEmpty ? MM0001MovedCode.DirectCallTarget(facts, suffix[0])?.Name : null,
            MM0001MovedCode.Statements(suffix),
            facts.Constructor?.ExpressionBody is not null && suffix.Count > 0,
            parameters,
            creations.Callers,
            stateMembers,
            UniqueNames.ChooseAsync("CreateAsync", facts.TakenNames),
            tokenName,
            constructorToken is null,
            UniqueNames.Choose("instance", taken.Add(tokenName)),
            accessibility,
            KeptParameters(facts, constructor, units.Length - suffix.Count),
            DocumentationComments.AreRequired(facts.Type, accessibility, facts.ConstructorPart.Declaration.SyntaxTree)), null);
    }

    /// <summary>
    /// The index of the first constructor statement that moves: the first one that blocks (or that touches what blocking
    /// initializers set); the rest runs, in order, in the initialization method the factory awaits right away.
    /// </summary>
    private static int MovedFrom(MM0001TypeFacts facts)
    {
        var units = facts.ConstructorUnits;
        var start = units.FirstOrDefault(static unit => unit.HasSite)?.Index ?? units.Length;

        // A return before the blocking code skipped it: then the whole body moves (the return keeps skipping it).
        if (MM0001MovedCode.FirstReturnBefore(facts, start) is not null)
        {
            return 0;
        }

        if (facts.Initializers.Length > 0)
        {
            var initialized = new HashSet<ISymbol>(facts.Initializers.Select(static initializer => initializer.Member.OriginalDefinition), SymbolEqualityComparer.Default);
            for (var i = 0; i < start; i++)
            {
                var code = units[i].Facts;
                if (code.Calls.Length > 0 || code.UsesThisOrDeferredCode || code.Touches(initialized))
                {
                    return i;
                }
            }
        }

        return start;
    }

    /// <summary>
    /// <paramref name="start"/> moved back to the earliest kept statement that declares a local the moved statements use,
    /// or a <c>using</c> local (whose lifetime the moved statements ran in), until no such statement is kept (the statements
    /// in between move too, in order).
    /// </summary>
    private static int WithDeclarationsOfUsedLocals(ImmutableArray<MM0001CodeUnit> units, int start)
    {
        for (var round = 0; round < units.Length && start > 0; round++)
        {
            var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            for (var i = start; i < units.Length; i++)
            {
                used.UnionWith(units[i].Flow.ReadInside);
                used.UnionWith(units[i].Flow.WrittenInside);
            }

            var earliest = start;
            for (var i = 0; i < start; i++)
            {
                // A `using var` lives to the end of the constructor: kept there, it would be disposed before the moved
                // code that used to run inside its lifetime. It moves too.
                if (units[i].Flow.VariablesDeclared.Any(used.Contains)
                    || units[i].Node is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword })
                {
                    earliest = i;
                    break;
                }
            }

            if (earliest == start)
            {
                break;
            }

            start = earliest;
        }

        return start;
    }

    /// <summary>The constructor parameters the moved statements use; <paramref name="moveAll"/> when the kept statements hold what they need.</summary>
    private static ImmutableArray<MM0001CapturedVariable> Parameters(MM0001TypeFacts facts, List<MM0001CodeUnit> suffix, out bool moveAll)
    {
        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in suffix)
        {
            declared.UnionWith(unit.Flow.VariablesDeclared);
            used.UnionWith(unit.Flow.ReadInside);
            used.UnionWith(unit.Flow.WrittenInside);
        }

        moveAll = used.Any(variable => variable is ILocalSymbol && !declared.Contains(variable));
        for (var i = 0; i < suffix[0].Index && !moveAll; i++)
        {
            moveAll = facts.ConstructorUnits[i].Flow.WrittenInside.Any(variable => variable is IParameterSymbol && used.Contains(variable));
        }

        var result = ImmutableArray.CreateBuilder<MM0001CapturedVariable>();
        var parameters = facts.ConstructorSymbol?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (used.Contains(parameters[i]))
            {
                result.Add(new MM0001CapturedVariable(parameters[i], facts.Constructor!.ParameterList.Parameters[i].Type));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Indexes of the parameters the constructor still uses (kept statements, base(...) arguments); the others only fed the moved code.</summary>
    private static ImmutableArray<int> KeptParameters(MM0001TypeFacts facts, IMethodSymbol constructor, int keptStatements)
    {
        var keptNames = new HashSet<string>(System.StringComparer.Ordinal);
        var keptNodes = facts.ConstructorUnits.Take(keptStatements).Select(static unit => unit.Node).ToList();
        if (facts.Constructor?.Initializer is { } constructorInitializer)
        {
            keptNodes.Add(constructorInitializer);
        }

        foreach (var node in keptNodes)
        {
            keptNames.UnionWith(node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(static identifier => identifier.Identifier.ValueText));
        }

        var kept = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (keptNames.Contains(constructor.Parameters[i].Name))
            {
                kept.Add(i);
            }
        }

        return kept.ToImmutable();
    }
}
