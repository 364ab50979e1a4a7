using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

public sealed class AssignableMembersTests
{
    [Theory]
    [InlineData("string _a; // note", false, "string _a = null!; // note")]
    [InlineData("T _a = x;", true, "T _a = default!;")]
    public void Field_WithNullForgivingInitializer(string field, bool isTypeParameter, string expected)
        => Assert.Equal(expected, Rewrite(field, declarator => AssignableMembers.WithNullForgivingInitializer(declarator, isTypeParameter)));

    [Fact]
    public void Field_WithoutInitializer_KeepsTheCommentAfterIt()
        => Assert.Equal("int _a; // note", Rewrite("int _a = Load().Result; // note", AssignableMembers.WithoutInitializer));

    [Theory]
    [InlineData("private string Name { get; }", true, "private string Name { get; set; }")]
    [InlineData("public string Name { get; }", false, "public string Name { get; private set; }")]
    [InlineData("public string Name { get; init; }", false, "public string Name { get; set; }")]
    public void Property_WithSetter(string property, bool isPrivate, string expected)
        => Assert.Equal(expected, AssignableMembers.WithSetter(Property(property), isPrivate).ToFullString());

    [Theory]
    [InlineData("string Name { get; set; } // note", "string Name { get; set; } = null!; // note")]
    [InlineData("string Name { get; set; } = Load().Result; // note", "string Name { get; set; } = null!; // note")]
    public void Property_WithNullForgivingInitializer(string property, string expected)
        => Assert.Equal(expected, AssignableMembers.WithNullForgivingInitializer(Property(property), isTypeParameter: false).ToFullString());

    [Fact]
    public void Property_WithoutInitializer_KeepsTheCommentAfterIt()
        => Assert.Equal("int Count { get; set; } // note", AssignableMembers.WithoutInitializer(Property("int Count { get; set; } = Load().Result; // note")).ToFullString());

    private static PropertyDeclarationSyntax Property(string text) => (PropertyDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(text)!;

    private static string Rewrite(string field, System.Func<VariableDeclaratorSyntax, VariableDeclaratorSyntax> rewrite)
    {
        var declaration = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(field)!;
        var declarator = declaration.Declaration.Variables[0];
        return declaration.ReplaceNode(declarator, rewrite(declarator)).ToFullString();
    }
}
