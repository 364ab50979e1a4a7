using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The body of a method a fix writes, in the project's style: a block, unless the file's <c>.editorconfig</c> prefers
/// expression bodies for methods (<c>csharp_style_expression_bodied_methods = true</c> or <c>when_on_single_line</c>, at any
/// severity) and the block is one statement an arrow can hold — then <c>=&gt; expression;</c>, so the fix adds no IDE0022
/// (an error under <c>EnforceCodeStyleInBuild</c> with warnings as errors; a consumer round on a repository whose
/// .editorconfig sets it). Shared by the MM0001 and MM0005 fixes' new initialization methods.
/// </summary>
internal static class MethodBodyStyle
{
    public const string OptionName = "csharp_style_expression_bodied_methods";

    public static MethodDeclarationSyntax Apply(MethodDeclarationSyntax method, Project project, SyntaxTree tree)
    {
        if (method.Body is not { Statements.Count: 1 } body || CodeStylePreferences.Get(project, tree, OptionName) is not { } preference)
        {
            return method;
        }

        var singleLineOnly = string.Equals(preference, "when_on_single_line", System.StringComparison.OrdinalIgnoreCase);
        if (!singleLineOnly && !string.Equals(preference, "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return method;
        }

        var statement = body.Statements[0];
        var expression = statement switch
        {
            ExpressionStatementSyntax expressionStatement => expressionStatement.Expression,
            ReturnStatementSyntax { Expression: { } returned } => returned,
            _ => null,
        };

        // Comments or directives around the statement have no place on an arrow; nor has a statement of several lines
        // under `when_on_single_line`.
        if (expression is null
            || HasCommentsOrDirectives(statement.GetLeadingTrivia()) || HasCommentsOrDirectives(statement.GetTrailingTrivia())
            || HasCommentsOrDirectives(body.CloseBraceToken.LeadingTrivia)
            || (singleLineOnly && expression.ToFullString().Trim().IndexOf('\n') >= 0))
        {
            return method;
        }

        return method
            .WithBody(null)
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(expression.WithoutTrivia()))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(body.CloseBraceToken.TrailingTrivia))
            .WithParameterList(method.ParameterList.WithTrailingTrivia(SyntaxFactory.Space));
    }

    private static bool HasCommentsOrDirectives(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (CommentTrivia.IsComment(item) || item.IsDirective)
            {
                return true;
            }
        }

        return false;
    }
}
