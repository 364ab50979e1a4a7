using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// A helper object (an <c>AsyncInitializer</c>, an <c>AsyncLazy&lt;T&gt;</c>) that no constructor body can create — the
/// class has a primary constructor, and a field initializer cannot name the instance's methods (CS0236) — is created on
/// first use instead: a field that starts null and a private accessor,
/// <c>private AsyncInitializer Initializer =&gt; LazyInitializer.EnsureInitialized(ref _initializer, () =&gt; new AsyncInitializer(InitializeAsync));</c>.
/// <c>LazyInitializer</c> publishes one instance to every caller (a racer's extra one is dropped before anything runs it).
/// Shared by the MM0001 and MM0005 lazy rewrites.
/// </summary>
internal static class FirstUseAccessors
{
    /// <summary>The holder field's type: <paramref name="helperType"/>, annotated <c>?</c> where nullable annotations are on at <paramref name="position"/>.</summary>
    public static TypeSyntax FieldType(TypeSyntax helperType, SemanticModel model, int position)
        => model.GetNullableContext(position).AnnotationsEnabled() ? SyntaxFactory.NullableType(helperType) : helperType;

    /// <summary><c>private T Name =&gt; LazyInitializer.EnsureInitialized(ref _field, () =&gt; creation);</c>, formatted, on its own line after a blank one.</summary>
    public static PropertyDeclarationSyntax Accessor(
        SyntaxGenerator generator, Compilation compilation, TypeSyntax helperType, string fieldName, string accessorName, ExpressionSyntax creation, SyntaxTree tree)
    {
        var ensure = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                TypeNames.Imported(generator, compilation.GetTypeByMetadataName("System.Threading.LazyInitializer")!),
                SyntaxFactory.IdentifierName("EnsureInitialized")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(null, SyntaxFactory.Token(SyntaxKind.RefKeyword), MemberReferences.Own(fieldName, isStatic: false)),
                SyntaxFactory.Argument(SyntaxFactory.ParenthesizedLambdaExpression(creation)),
            })));
        return SyntaxFactory.PropertyDeclaration(helperType, UniqueNames.Identifier(accessorName))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(ensure))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(DocumentationComments.NewLine(tree)))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
