using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Keeps the file's blank-line habit around a new try statement: when most statements of the document that end in a
/// block (<c>if</c>, <c>try</c>, <c>foreach</c>, …) are followed by a blank line, the statement after the try gets one
/// too; otherwise (or without any such statement to learn from) the spacing stays as it was.
/// </summary>
internal static class MM0002Spacing
{
    /// <summary>Adds the blank lines the wrapped statements of <paramref name="sites"/> call for (see the type's summary).</summary>
    public static void PlanBlankLines(SyntaxEditor editor, IReadOnlyList<MM0002Site> sites)
    {
        var statements = new HashSet<SyntaxNode>();
        foreach (var site in sites)
        {
            if (site.Statement is { } statement)
            {
                statements.Add(statement);
            }
        }

        if (statements.Count == 0 || !BlankLineAfterBlocks(editor.OriginalRoot))
        {
            return;
        }

        foreach (var site in sites)
        {
            if (site.Statement is not { } statement || NextStatement(statement) is not { } next || HasBlankLineBefore(next))
            {
                continue;
            }

            if (statements.Contains(next))
            {
                // The next statement is wrapped too: its try statement starts with the blank line.
                foreach (var other in sites)
                {
                    if (other.Statement == next)
                    {
                        other.BlankLineBefore = true;
                    }
                }
            }
            else
            {
                var endOfLine = EndOfLine(statement);
                editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, endOfLine)));
            }
        }
    }

    /// <summary><paramref name="leading"/> with a blank line first, unless it has one.</summary>
    public static SyntaxTriviaList WithBlankLine(SyntaxTriviaList leading, SyntaxNode statement)
        => StartsWithBlankLine(leading) ? leading : leading.Insert(0, EndOfLine(statement));

    /// <summary>The document's habit: more block-ending statements followed by a blank line than not.</summary>
    private static bool BlankLineAfterBlocks(SyntaxNode root)
    {
        var blank = 0;
        var glued = 0;
        foreach (var node in root.DescendantNodes(static n => n is not (ExpressionSyntax or UsingDirectiveSyntax)))
        {
            if (node is not BlockSyntax block)
            {
                continue;
            }

            var statements = block.Statements;
            for (var i = 0; i + 1 < statements.Count; i++)
            {
                if (statements[i] is LocalFunctionStatementSyntax || !statements[i].GetLastToken().IsKind(SyntaxKind.CloseBraceToken))
                {
                    continue;
                }

                if (HasBlankLineBefore(statements[i + 1]))
                {
                    blank++;
                }
                else
                {
                    glued++;
                }
            }
        }

        return blank > glued;
    }

    private static StatementSyntax? NextStatement(StatementSyntax statement)
    {
        if (statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(statement);
        return index >= 0 && index + 1 < block.Statements.Count ? block.Statements[index + 1] : null;
    }

    private static bool HasBlankLineBefore(SyntaxNode statement) => StartsWithBlankLine(statement.GetLeadingTrivia());

    private static bool StartsWithBlankLine(SyntaxTriviaList leading)
    {
        foreach (var trivia in leading)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return false;
            }
        }

        return false;
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode statement)
    {
        var trailing = statement.GetTrailingTrivia();
        for (var i = trailing.Count - 1; i >= 0; i--)
        {
            if (trailing[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trailing[i];
            }
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }
}
