using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Preprocessor directives around statements a fix moves elsewhere: a <c>#region</c>/<c>#endregion</c> line right above a
/// moved statement belongs to the place, not to the statement, so it stays where it was.
/// </summary>
internal static partial class Statements
{
    /// <summary>True when <paramref name="node"/> holds a directive after its first token (inside the code that would move).</summary>
    public static bool HasDirectiveInside(SyntaxNode node)
    {
        if (!node.ContainsDirectives)
        {
            return false;
        }

        var first = node.GetFirstToken(includeZeroWidth: true);
        foreach (var token in node.DescendantTokens(descendIntoTrivia: false))
        {
            if (token.ContainsDirectives && (token != first || token.TrailingTrivia.Any(static t => t.IsDirective)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every directive above <paramref name="statement"/> (in its leading trivia) only marks a region: those can
    /// stay behind when the statement moves. A conditional (<c>#endif</c>, <c>#else</c>) decides what compiles after it and
    /// cannot be separated from the code it guards.
    /// </summary>
    public static bool LeadingDirectivesAreRegions(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetLeadingTrivia())
        {
            if (trivia.IsDirective && !trivia.IsKind(SyntaxKind.RegionDirectiveTrivia) && !trivia.IsKind(SyntaxKind.EndRegionDirectiveTrivia))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="statement"/> without the directive lines above it (up to and including the last one).</summary>
    public static StatementSyntax WithoutLeadingDirectives(StatementSyntax statement)
    {
        var (_, rest) = SplitLeadingDirectives(statement.GetLeadingTrivia());
        return rest.Count == statement.GetLeadingTrivia().Count ? statement : statement.WithLeadingTrivia(rest);
    }

    /// <summary>
    /// <paramref name="block"/> without the statements <paramref name="remove"/> picks; the directive lines above a removed
    /// statement stay at its place, above the next statement kept (or the closing brace).
    /// </summary>
    public static BlockSyntax RemoveKeepingLeadingDirectives(BlockSyntax block, Func<StatementSyntax, bool> remove)
    {
        var kept = new List<StatementSyntax>(block.Statements.Count);
        var pending = new List<SyntaxTrivia>();
        foreach (var statement in block.Statements)
        {
            if (remove(statement))
            {
                var (directives, _) = SplitLeadingDirectives(statement.GetLeadingTrivia());
                var joined = Join(pending, directives);
                pending.Clear();
                pending.AddRange(joined);
                continue;
            }

            kept.Add(pending.Count == 0 ? statement : statement.WithLeadingTrivia(TakePending(pending, statement.GetLeadingTrivia())));
        }

        var result = block.WithStatements(SyntaxFactory.List(kept));
        return pending.Count == 0
            ? result
            : result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(TakePending(pending, result.CloseBraceToken.LeadingTrivia)));
    }

    /// <summary>
    /// The leading trivia of a statement another statement takes the place of, split into what belongs to the place — the
    /// lines up to its last directive (a <c>#region</c> line and what comes before it) and the blank lines after them — and
    /// what belongs to the statement (its comments and indentation), which goes with it.
    /// </summary>
    public static (SyntaxTriviaList Place, SyntaxTriviaList Own) SplitPlace(SyntaxTriviaList leading)
    {
        var (directives, after) = SplitLeadingDirectives(leading);
        var own = WithoutLeadingBlankLines(after);
        return (directives.AddRange(after.Take(after.Count - own.Count)), own);
    }

    private static SyntaxTriviaList TakePending(List<SyntaxTrivia> pending, SyntaxTriviaList leading)
    {
        var combined = Join(pending, leading);
        pending.Clear();
        return combined;
    }

    /// <summary>
    /// <paramref name="pending"/> followed by <paramref name="next"/>, except that a region left empty — the first ends in
    /// <c>#region</c> and the second starts with its <c>#endregion</c>, only blank space between — goes with the code it
    /// held (an independent consumer's constructor kept an empty <c>#region load … #endregion</c> after the lazy rewrite).
    /// </summary>
    private static SyntaxTriviaList Join(List<SyntaxTrivia> pending, SyntaxTriviaList next)
    {
        var region = pending.FindLastIndex(static t => t.IsDirective);
        var endRegion = -1;
        for (var i = 0; i < next.Count; i++)
        {
            if (next[i].IsKind(SyntaxKind.EndRegionDirectiveTrivia))
            {
                endRegion = i;
            }

            if (!IsBlank(next[i]))
            {
                break; // the first thing that is not blank space: the #endregion, or no empty region
            }
        }

        if (region < 0 || endRegion < 0 || !pending[region].IsKind(SyntaxKind.RegionDirectiveTrivia) || !pending.Skip(region + 1).All(IsBlank))
        {
            return SyntaxFactory.TriviaList(pending).AddRange(next);
        }

        var start = region;
        while (start > 0 && pending[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--; // the region line's indentation
        }

        return SyntaxFactory.TriviaList(pending.Take(start)).AddRange(next.Skip(endRegion + 1));
    }

    private static bool IsBlank(SyntaxTrivia trivia) => trivia.IsKind(SyntaxKind.WhitespaceTrivia) || trivia.IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>Leading trivia split after its last directive: (the directive lines, what follows them).</summary>
    private static (SyntaxTriviaList Directives, SyntaxTriviaList After) SplitLeadingDirectives(SyntaxTriviaList leading)
    {
        var last = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsDirective)
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return (default, leading);
        }

        var directives = new List<SyntaxTrivia>(last + 1);
        var rest = new List<SyntaxTrivia>(leading.Count - last - 1);
        for (var i = 0; i < leading.Count; i++)
        {
            (i <= last ? directives : rest).Add(leading[i]);
        }

        return (SyntaxFactory.TriviaList(directives), SyntaxFactory.TriviaList(rest));
    }
}
