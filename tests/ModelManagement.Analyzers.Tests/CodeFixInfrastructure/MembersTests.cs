using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class MembersTests
{
    [Theory]
    [InlineData("public C() { }", "private C() { }")]
    [InlineData("protected internal C() { }", "private C() { }")]
    [InlineData("/* doc */ public unsafe C() { }", "/* doc */ private unsafe C() { }")]
    [InlineData("C() { }", "C() { }")]
    public void WithPrivateAccessibility_ReplacesTheAccessibilityInPlace(string constructor, string expected)
    {
        var declaration = (ConstructorDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(constructor)!;

        Assert.Equal(expected, declaration.WithModifiers(Members.WithPrivateAccessibility(declaration.Modifiers)).ToFullString());
    }

    [Theory]
    [InlineData("private readonly int _a;", "private int _a;")]
    [InlineData("readonly int _a;", "int _a;")]
    [InlineData("// keep\nreadonly int _a;", "// keep\nint _a;")]
    [InlineData("private int _a;", "private int _a;")]
    public void RemoveModifier_KeepsTheModifiersTrivia(string field, string expected)
    {
        var declaration = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(field)!;

        Assert.Equal(expected, Members.RemoveModifier(declaration, SyntaxKind.ReadOnlyKeyword).ToFullString());
    }

    [Theory]
    [InlineData(Accessibility.Public, "public")]
    [InlineData(Accessibility.ProtectedOrInternal, "protected internal")]
    [InlineData(Accessibility.ProtectedAndInternal, "private protected")]
    [InlineData(Accessibility.NotApplicable, "private")]
    public void AccessibilityTokens_SpellTheAccessibility(Accessibility accessibility, string expected)
        => Assert.Equal(expected, string.Join(" ", Members.AccessibilityTokens(accessibility).Select(token => token.Text)));

    [Theory]
    [InlineData("int x = 1;", true)]
    [InlineData("var x = new { A = 1 };", false)]
    [InlineData("var x = new[] { new { A = 1 } };", false)]
    public async Task CanBeWritten_RefusesAnonymousTypes(string statement, bool expected)
    {
        var code = await InfrastructureTestCode.CompileAsync($$"""
            class C { void M() { [|{{statement}}|] } }
            """);
        var declarator = code.Node<LocalDeclarationStatementSyntax>().Declaration.Variables[0];
        var local = (ILocalSymbol)code.Model.GetDeclaredSymbol(declarator)!;

        Assert.Equal(expected, TypeNames.CanBeWritten(local.Type));
    }
}
