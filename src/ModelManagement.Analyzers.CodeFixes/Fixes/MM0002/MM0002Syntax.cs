using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>What the MM0002 fixes write besides shared type names (<see cref="TypeNames"/>): the SideEffect helper, and the formatter annotation.</summary>
internal static class MM0002Syntax
{
    public static readonly SyntaxAnnotation[] NewNodeAnnotations = { Formatter.Annotation };

    /// <summary>
    /// <c>SideEffect</c>, written <c>global::ModelManagement.Patterns.SideEffect</c> and marked for the simplifier and, when
    /// the plain name would name it at the site (<paramref name="nameIsFree"/>), for <see cref="Infrastructure.SafeImportAdder"/>,
    /// which adds <c>using ModelManagement.Patterns;</c> unless that makes a name of the document ambiguous (then the name
    /// stays qualified). Where another <c>SideEffect</c> is in scope the name stays qualified and no using is added.
    /// </summary>
    internal static ExpressionSyntax HelperType(bool nameIsFree)
    {
        var name = TypeNames.QualifiedExpression(SideEffectCallClassifier.HelperMetadataName);
        return nameIsFree ? name.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation) : name;
    }
}
