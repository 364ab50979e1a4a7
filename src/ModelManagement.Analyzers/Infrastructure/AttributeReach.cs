using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// Whether a marker attribute (<c>[CentralizedBy]</c>, <c>[Validator]</c>, a configured one) can be on any symbol a
/// compilation uses, judged from assembly type names and references before any symbol is looked at: a rule whose
/// attribute can be on nothing skips every per-symbol attribute read.
/// </summary>
internal static class AttributeReach
{
    /// <summary>The runtime helpers' assembly: it declares the marker attributes and applies none of them itself.</summary>
    public const string PatternsAssemblyName = "ModelManagement.Patterns";

    /// <summary>
    /// The names of the assemblies (the compilation's own or referenced ones) that declare a type named
    /// <paramref name="attributeClassName"/> in any namespace, nested or not.
    /// </summary>
    public static ImmutableHashSet<string>.Builder DefiningAssemblies(Compilation compilation, string attributeClassName)
    {
        var assemblies = ImmutableHashSet.CreateBuilder<string>();
        if (compilation.Assembly.TypeNames.Contains(attributeClassName))
        {
            assemblies.Add(compilation.Assembly.Name);
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.TypeNames.Contains(attributeClassName)) // every type's name, nested ones too, without the generic arity
            {
                assemblies.Add(assembly.Name);
            }
        }

        return assemblies;
    }

    /// <summary>
    /// Whether any symbol this compilation can use may carry the attribute declared in <paramref name="attributeAssemblies"/>:
    /// it is declared in source, or a referenced assembly other than ModelManagement.Patterns declares it or references
    /// an assembly that does, or the source writes its name (<see cref="AttributeMentions"/>, the only test that reads
    /// text, so last).
    /// </summary>
    public static bool CanBeApplied(Compilation compilation, ImmutableHashSet<string>.Builder attributeAssemblies, AttributeMentions mentions, CancellationToken cancellationToken)
    {
        if (attributeAssemblies.Count == 0)
        {
            return false;
        }

        if (attributeAssemblies.Contains(compilation.Assembly.Name))
        {
            return true;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (attributeAssemblies.Contains(assembly.Name))
            {
                if (assembly.Name != PatternsAssemblyName)
                {
                    return true;
                }

                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (attributeAssemblies.Contains(referenced.Name))
                    {
                        return true;
                    }
                }
            }
        }

        return mentions.AnyIn(compilation, cancellationToken);
    }

    /// <summary>Whether an attribute class with one of <paramref name="attributeClassNames"/> can be on any symbol the compilation uses.</summary>
    public static bool AnyCanBeApplied(Compilation compilation, ImmutableArray<string> attributeClassNames, CancellationToken cancellationToken)
    {
        foreach (var name in attributeClassNames)
        {
            if (CanBeApplied(compilation, DefiningAssemblies(compilation, name), AttributeMentions.For(name), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
