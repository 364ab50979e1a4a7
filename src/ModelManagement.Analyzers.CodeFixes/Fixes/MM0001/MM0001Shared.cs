using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

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
