using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// References a fix writes to members of the type it edits, from that type's own code. An instance member is written
/// <c>this.name</c> and marked for the code action's simplifier, which drops <c>this.</c> unless the project asks for it
/// (<c>dotnet_style_qualification_for_field</c>, <c>_property</c>, <c>_method</c>, <c>_event</c> in .editorconfig; off by
/// default) or a local or parameter of that name would capture the plain name. So the fixed code meets IDE0003/IDE0009 as
/// the project configured them. A static member gets its plain name.
/// </summary>
internal static class MemberReferences
{
    /// <summary>
    /// A reference to <paramref name="member"/> (of the type the fix edits or a base type): an instance member as
    /// <see cref="Own(string, bool)"/> writes it; a static one qualified by its type and marked for the simplifier, which
    /// keeps the type name exactly when a local or parameter of that name would capture the plain one
    /// (<c>var FallbackText = seed; … return FieldGen.FallbackText;</c>).
    /// </summary>
    public static ExpressionSyntax Own(ISymbol member)
        => member.IsStatic && member.ContainingType is { } type
            ? SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                    SyntaxFactory.IdentifierName(UniqueNames.Identifier(member.Name)))
                .WithAdditionalAnnotations(Simplifier.Annotation)
            : Own(member.Name, isStatic: false);

    public static ExpressionSyntax Own(string name, bool isStatic)
    {
        var identifier = SyntaxFactory.IdentifierName(UniqueNames.Identifier(name));
        return isStatic
            ? identifier
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), identifier)
                .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
