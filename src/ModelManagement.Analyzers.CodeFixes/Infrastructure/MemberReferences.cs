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
    public static ExpressionSyntax Own(string name, bool isStatic)
    {
        var identifier = SyntaxFactory.IdentifierName(UniqueNames.Identifier(name));
        return isStatic
            ? identifier
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), identifier)
                .WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
