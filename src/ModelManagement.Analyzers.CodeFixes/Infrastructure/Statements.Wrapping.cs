using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Formatting;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Wrapping statements in a new statement (a try, an if) with their trivia, and the blank line after it.</summary>
internal static partial class Statements
{
    /// <summary>
    /// Replaces the <paramref name="count"/> consecutive statements from <paramref name="first"/> (in <paramref name="root"/>)
    /// with <paramref name="wrap"/>(those statements), followed by a blank line (see the overload).
    /// </summary>
    public static SyntaxNode Wrap(SyntaxNode root, StatementSyntax first, int count, Func<SyntaxList<StatementSyntax>, StatementSyntax> wrap)
        => Wrap(root, first, count, wrap, blankLineAfter: true);

    /// <summary>
    /// Replaces the <paramref name="count"/> consecutive statements from <paramref name="first"/> (in <paramref name="root"/>)
    /// with <paramref name="wrap"/>(those statements), keeping every piece of trivia: the wrapper takes the first statement's
    /// leading trivia (blank lines, comments and directives such as <c>#region</c> now introduce the wrapper), the wrapped
    /// statements keep theirs (a trailing comment stays on its statement), and the wrapper ends its line as the last statement
    /// did. With <paramref name="blankLineAfter"/> the statement after the wrapper starts with a blank line, as after any
    /// block (unless it already has one). Only the wrapper is formatted. An embedded statement (<c>if (c) Statement();</c>)
    /// is replaced in place, in braces when it is the then-branch of an if with an else (a wrapper ending in an if would
    /// otherwise take the else). Returns <paramref name="root"/> unchanged unless <see cref="CanWrap"/>.
    /// </summary>
    public static SyntaxNode Wrap(SyntaxNode root, StatementSyntax first, int count, Func<SyntaxList<StatementSyntax>, StatementSyntax> wrap, bool blankLineAfter)
    {
        if (!CanWrap(first, count))
        {
            return root;
        }

        if (first.Parent is LabeledStatementSyntax labeled)
        {
            // `again: await LogAsync();` becomes `again: try { … }`: a labeled statement takes any statement, so no braces;
            // the statement after the label gets its blank line like after any block.
            var inner = Wrapped(SyntaxFactory.SingletonList(first), wrap);
            var relabeled = labeled.WithStatement(inner);
            var siblings = SiblingsOf(labeled);
            var index = siblings.IndexOf(labeled);
            if (!blankLineAfter || index < 0 || index + 1 >= siblings.Count)
            {
                return root.ReplaceNode(labeled, relabeled);
            }

            var next = siblings[index + 1];
            return root.ReplaceNodes(new SyntaxNode[] { labeled, next }, (original, _) => original == labeled ? relabeled : WithBlankLineBefore(next, labeled));
        }

        if (first.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
        {
            // A top-level statement becomes a top-level try or if, as in a method's body: no braces around it (an
            // independent consumer's Program.cs got `{ try … }` and a stray blank line); the next one gets its blank line.
            var members = unit.Members;
            var index = members.IndexOf(global);
            var replaced = global.WithStatement(Wrapped(SyntaxFactory.SingletonList(first), wrap));
            if (!blankLineAfter || index + 1 >= members.Count || members[index + 1] is not GlobalStatementSyntax next)
            {
                return root.ReplaceNode(global, replaced);
            }

            return root.ReplaceNodes(
                new SyntaxNode[] { global, next },
                (original, _) => original == global ? replaced : next.WithStatement(WithBlankLineBefore(next.Statement, first)));
        }

        var list = SiblingsOf(first);
        var start = list.IndexOf(first);
        if (start < 0)
        {
            // An embedded statement (`if (c) Statement();`, `foreach (…) Statement();`) gets braces around its wrapper, as a
            // hand-written multi-line body would; for the then-branch of an if with an else they are also what keeps the
            // else on its if. A comment above the statement moves into the braces with it; a directive stays outside them
            // (the braces must not land in different branches of an #if).
            var single = Wrapped(SyntaxFactory.SingletonList(first), wrap);
            return ReplaceEmbedded(root, first, new[] { single }, single.GetTrailingTrivia());
        }

        var wrapped = new List<StatementSyntax>(count);
        for (var i = start; i < start + count; i++)
        {
            wrapped.Add(KeptLayout.Mark(list[i])); // here, where it still knows the line it starts (see Wrapped)
        }

        var result = new List<StatementSyntax>(list.Count - count + 1);
        for (var i = 0; i < list.Count; i++)
        {
            if (i == start)
            {
                result.Add(Wrapped(SyntaxFactory.List(wrapped), wrap));
            }
            else if (i == start + count && blankLineAfter)
            {
                result.Add(WithBlankLineBefore(list[i], list[start + count - 1]));
            }
            else if (i < start || i >= start + count)
            {
                result.Add(list[i]);
            }
        }

        SyntaxNode parent = first.Parent!;
        return root.ReplaceNode(parent, parent switch
        {
            BlockSyntax block when IsOnOneLine(block) => OnSeparateLines(block.WithStatements(SyntaxFactory.List(result))),
            BlockSyntax block => block.WithStatements(SyntaxFactory.List(result)),
            _ => ((SwitchSectionSyntax)parent).WithStatements(SyntaxFactory.List(result)),
        });
    }

    /// <summary>
    /// Replaces the embedded statement <paramref name="embedded"/> (the body of an <c>if</c>, <c>else</c>, loop, <c>using</c>
    /// or <c>lock</c> written without braces) with braces holding <paramref name="replacement"/>, as a hand-written
    /// multi-line body would have; for the then-branch of an if with an else they are also what keeps the else on its if.
    /// The first replacement's leading comments move into the braces with it; a directive stays outside them (the braces
    /// must not land in different branches of an #if). The closing brace ends its line with <paramref name="trailing"/>.
    /// </summary>
    public static SyntaxNode ReplaceEmbedded(SyntaxNode root, StatementSyntax embedded, IReadOnlyList<StatementSyntax> replacement, SyntaxTriviaList trailing)
    {
        var statements = SyntaxFactory.List(replacement);
        var leading = replacement[0].GetLeadingTrivia();
        var braced = leading.Any(trivia => trivia.IsDirective)
            ? SyntaxFactory.Block(statements.Replace(statements[0], statements[0].WithLeadingTrivia(SyntaxFactory.ElasticMarker))).WithLeadingTrivia(leading)
            : SyntaxFactory.Block(statements).WithLeadingTrivia(SyntaxFactory.ElasticMarker);
        return root.ReplaceNode(embedded, braced
            .WithTrailingTrivia(trailing)
            .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>Whether <paramref name="statement"/> is the embedded body of a statement (no block or switch section holds it).</summary>
    public static bool IsEmbedded(StatementSyntax statement)
        => statement.Parent is IfStatementSyntax or ElseClauseSyntax or CommonForEachStatementSyntax or ForStatementSyntax
            or WhileStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax
            or LabeledStatementSyntax;

    /// <summary>
    /// A block written on one line (<c>async () =&gt; { await LogAsync(); return n; }</c>) that now holds a multi-line
    /// wrapper: every statement and the closing brace on its own line, formatted, comments kept.
    /// </summary>
    public static BlockSyntax OnSeparateLines(BlockSyntax block)
    {
        var newLine = SyntaxFactory.EndOfLine(DocumentationComments.NewLine(block.SyntaxTree));
        var statements = new List<StatementSyntax>(block.Statements.Count);
        foreach (var statement in block.Statements)
        {
            var leading = new List<SyntaxTrivia> { SyntaxFactory.ElasticMarker };
            leading.AddRange(statement.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)));
            var trailing = new List<SyntaxTrivia>();
            foreach (var trivia in statement.GetTrailingTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    trailing.Add(SyntaxFactory.Space);
                    trailing.Add(trivia);
                }
            }

            trailing.Add(newLine);
            statements.Add(statement.WithLeadingTrivia(leading).WithTrailingTrivia(trailing));
        }

        return block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(newLine))
            .WithStatements(SyntaxFactory.List(statements))
            .WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// True when the <paramref name="count"/> statements from <paramref name="first"/> are consecutive statements of one
    /// block or switch section (or <paramref name="first"/> alone, embedded), and moving them into a block keeps every
    /// preprocessor region whole: a <c>#if</c>/<c>#region</c> opened inside the range is closed inside it, and nothing inside
    /// closes one opened before it (the wrapper's braces would land in different branches).
    /// </summary>
    public static bool CanWrap(StatementSyntax first, int count)
    {
        var list = SiblingsOf(first);
        var start = list.IndexOf(first);
        if (count < 1 || (start < 0 ? count != 1 : start + count > list.Count))
        {
            return false;
        }

        var depth = 0;
        var firstToken = first.GetFirstToken();
        for (var i = 0; i < count; i++)
        {
            var statement = start < 0 ? first : list[start + i];
            if (!statement.ContainsDirectives)
            {
                continue;
            }

            foreach (var token in statement.DescendantTokens())
            {
                if (token == firstToken || !token.ContainsDirectives)
                {
                    continue;
                }

                foreach (var trivia in token.LeadingTrivia)
                {
                    depth += trivia.Kind() switch
                    {
                        SyntaxKind.IfDirectiveTrivia or SyntaxKind.RegionDirectiveTrivia => 1,
                        SyntaxKind.EndIfDirectiveTrivia or SyntaxKind.EndRegionDirectiveTrivia => -1,
                        SyntaxKind.ElseDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia => depth > 0 ? 0 : -1,
                        _ => 0,
                    };
                    if (depth < 0)
                    {
                        return false;
                    }
                }
            }
        }

        return depth == 0;
    }

    /// <summary>
    /// <paramref name="wrap"/>(<paramref name="statements"/>) in the statements' place: it takes the first statement's
    /// leading trivia and ends its line as the last statement did; the statements inside keep their own trivia (the first
    /// one's indentation is left to the formatter). Only the wrapper carries the formatter annotation.
    /// </summary>
    public static StatementSyntax Wrapped(SyntaxList<StatementSyntax> statements, Func<SyntaxList<StatementSyntax>, StatementSyntax> wrap)
    {
        var unit = IndentUnit(statements[0]);
        var shifted = new List<StatementSyntax>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            // Marked with its written layout, which it gets back after the clean-up formats the wrapper (KeptLayout), unless
            // the caller marked it (a statement of a new list no longer knows the line it starts).
            var statement = WithContinuationLinesShifted(KeptLayout.Mark(statements[i]), unit);
            if (i > 0)
            {
                // The lines above a later statement (its indentation, a comment line) move one level in as well: left to
                // the formatter, a comment line after a statement ending in a trailing comment was lined up under that
                // comment instead of at the block's indentation.
                var startsLine = EndsWithLineBreak(statements[i - 1]);
                var leading = Shifted(statement.GetLeadingTrivia(), startsLine, string.Empty, unit, out var changed);
                if (changed)
                {
                    statement = statement.WithLeadingTrivia(leading);
                }
            }

            shifted.Add(statement);
        }

        statements = SyntaxFactory.List(shifted);
        var first = statements[0];
        var inner = statements.Replace(first, first.WithLeadingTrivia(SyntaxFactory.ElasticMarker));
        return wrap(inner)
            .WithLeadingTrivia(first.GetLeadingTrivia())
            .WithTrailingTrivia(FinalEndOfLine(statements[statements.Count - 1]))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool EndsWithLineBreak(SyntaxNode node)
    {
        var trailing = node.GetTrailingTrivia();
        return trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);
    }

    /// <summary>
    /// One level of the statement's indentation: a tab when its line starts with one, else the file's own number of spaces
    /// (<see cref="FileIndentation"/>; four when the file shows none).
    /// </summary>
    private static string IndentUnit(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia) && trivia.ToString().IndexOf('\t') >= 0)
            {
                return "\t";
            }
        }

        return FileIndentation.Of(statement.SyntaxTree, default) is { UseTabs: false } style ? style.Unit : "    ";
    }

    /// <summary>
    /// The statement one level deeper on its continuation lines (<c>await LogAsync("a",</c> / <c>    b);</c>): the formatter
    /// indents where a statement starts but leaves the lines inside it where they were, so they would sit level with the
    /// statement's first line once it moves into the wrapper. The text of tokens (string literals) is never touched.
    /// </summary>
    private static StatementSyntax WithContinuationLinesShifted(StatementSyntax statement, string unit)
        => WithLinesAfterTheFirstShifted(statement, string.Empty, unit);

    /// <summary>
    /// <paramref name="node"/> with every line after its first one re-indented: the whitespace that starts the line, when
    /// it begins with <paramref name="before"/>, begins with <paramref name="after"/> instead (one level in: from nothing to
    /// a unit; out or anywhere: from one indentation to another). A line indented less than <paramref name="before"/>,
    /// preprocessor directives stay where they are, and so does a line after a directive (the formatter a wrapper ends
    /// with indents those lines itself; the fixes that move statements refuse those with directives inside). The text of
    /// tokens (string literals, raw strings) is never touched. Used by the wrappers here and by <see cref="MovedLayout"/>.
    /// </summary>
    public static TNode WithLinesAfterTheFirstShifted<TNode>(TNode node, string before, string after)
        where TNode : SyntaxNode
    {
        if (before == after)
        {
            return node;
        }

        var firstToken = node.GetFirstToken();
        var previousEndsLine = false;
        var replacements = new Dictionary<SyntaxToken, SyntaxToken>();
        foreach (var token in node.DescendantTokens())
        {
            if (token != firstToken)
            {
                var leading = Shifted(token.LeadingTrivia, previousEndsLine, before, after, out var changed);
                if (changed)
                {
                    replacements[token] = token.WithLeadingTrivia(leading);
                }
            }

            previousEndsLine = token.TrailingTrivia.Count > 0 && token.TrailingTrivia[token.TrailingTrivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);
        }

        return replacements.Count == 0 ? node : node.ReplaceTokens(replacements.Keys, (original, _) => replacements[original]);
    }

    /// <summary>
    /// <paramref name="trivia"/> with the whitespace that starts each of its lines beginning with <paramref name="after"/>
    /// where it began with <paramref name="before"/> (a line with no whitespace begins with nothing, so it gets
    /// <paramref name="after"/> when <paramref name="before"/> is empty).
    /// </summary>
    private static SyntaxTriviaList Shifted(SyntaxTriviaList trivia, bool atLineStart, string before, string after, out bool changed)
    {
        changed = false;
        var result = new List<SyntaxTrivia>(trivia.Count + 1);
        foreach (var item in trivia)
        {
            if (atLineStart && !item.IsKind(SyntaxKind.EndOfLineTrivia) && !item.IsDirective)
            {
                if (item.IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    var text = item.ToString();
                    if (text.StartsWith(before, StringComparison.Ordinal))
                    {
                        changed = true;
                        AddWhitespace(result, after + text.Substring(before.Length));
                    }
                    else
                    {
                        result.Add(item);
                    }
                }
                else
                {
                    if (before.Length == 0)
                    {
                        changed = true;
                        AddWhitespace(result, after);
                    }

                    result.Add(item);
                }
            }
            else
            {
                result.Add(item);
            }

            atLineStart = item.IsKind(SyntaxKind.EndOfLineTrivia);
        }

        if (atLineStart && before.Length == 0)
        {
            // The token itself starts the line, without whitespace before it.
            changed = true;
            AddWhitespace(result, after);
        }

        return changed ? SyntaxFactory.TriviaList(result) : trivia;
    }

    private static void AddWhitespace(List<SyntaxTrivia> trivia, string text)
    {
        if (text.Length > 0)
        {
            trivia.Add(SyntaxFactory.Whitespace(text));
        }
    }

    /// <summary>
    /// The habit around <paramref name="statement"/>: true when more of the statements that end in a block (<c>if</c>,
    /// <c>try</c>, <c>foreach</c>, …) are followed by a blank line than not; false when fewer, or when there is no such
    /// statement to learn from. Learnt first from the member holding <paramref name="statement"/> (its method, constructor,
    /// accessor or local function), and from the whole file only when that member shows no habit: other rules' fixes rewrite
    /// other members between two runs of this one — <c>dotnet format</c> applies the rules in an order that changes from run
    /// to run — and a file-wide count turned with them (MM0005's conversion removed an <c>if (!_loaded) { … }</c> followed by
    /// a blank line elsewhere in the file, and MM0004's branch came out glued in half of the runs: fmtdet F3). For the same
    /// reason a block of a shape one of the rules' fixes writes or removes does not count, in the member either
    /// (<see cref="IsAddedOrRemovedByAFix"/>): the count is the same whichever of the other fixes ran before this one, so
    /// the decision is taken from the author's own blocks, as they were.
    /// </summary>
    public static bool SeparatesBlocksWithBlankLines(SyntaxNode root, SyntaxNode statement)
        => Habit(root, statement) > 0;

    /// <summary>
    /// True only when the code around <paramref name="statement"/> shows the habit of gluing the next statement to a block:
    /// more of its statements that end in a block are followed directly by the next statement than by a blank line (the
    /// member first, then the file, as <see cref="SeparatesBlocksWithBlankLines"/>).
    /// </summary>
    public static bool GluesStatementsToBlocks(SyntaxNode root, SyntaxNode statement)
        => Habit(root, statement) < 0;

    private static int Habit(SyntaxNode root, SyntaxNode statement)
    {
        var member = statement.Ancestors().FirstOrDefault(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax);
        var near = member is null ? 0 : BlankLinesAfterBlocks(member);
        return near != 0 ? near : BlankLinesAfterBlocks(root);
    }

    /// <summary>How many more statements ending in a block are followed by a blank line than not (negative: fewer).</summary>
    private static int BlankLinesAfterBlocks(SyntaxNode root)
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
                if (statements[i] is LocalFunctionStatementSyntax || !statements[i].GetLastToken().IsKind(SyntaxKind.CloseBraceToken)
                    || IsAddedOrRemovedByAFix(statements[i]))
                {
                    continue;
                }

                if (StartsWithBlankLine(statements[i + 1].GetLeadingTrivia()))
                {
                    blank++;
                }
                else
                {
                    glued++;
                }
            }
        }

        return blank - glued;
    }

    /// <summary>
    /// True for a statement of a shape one of the rules' fixes writes or removes, which therefore says nothing about the
    /// author's habit and must not count: <c>dotnet format</c> applies the rules one after another, in an order that changes
    /// from run to run, so such a block is there in some runs and not in others when a fix counts (determ: an MM0003 guard
    /// written before MM0002's try/catch gave it a blank line in 4 runs of 5; MM0005's removed <c>if (!_loaded) { … }</c> turned
    /// MM0004's branch). Not counted: MM0002's try (a catch reporting through <c>ReportFailure</c>, <c>ReportAndSwallow</c> or
    /// <c>Trace.TraceWarning</c>); MM0003's guard (<c>if (x is not null)</c>, <c>x != null</c>, <c>!(x is null)</c>,
    /// <c>(object)x != null</c>); MM0004's branch (an <c>if</c> whose block only throws, returns, continues or breaks, unless it
    /// tests for null — a hand-written <c>if (x == null) { throw … }</c> still counts); MM0005's check (<c>if (!_loaded)</c>,
    /// <c>if (_x == null)</c>, <c>if (_x is null)</c> whose block assigns what it tests). A hand-written block of one of these
    /// shapes does not count either — the same in every run, which is what matters.
    /// </summary>
    internal static bool IsAddedOrRemovedByAFix(StatementSyntax statement)
    {
        switch (statement)
        {
            case TryStatementSyntax { Finally: null } tryStatement:
                return tryStatement.Catches.Any(static c => c.DescendantNodes().OfType<SimpleNameSyntax>()
                    .Any(static n => n.Identifier.ValueText is "ReportFailure" or "ReportAndSwallow" or "TraceWarning"));
            case IfStatementSyntax { Else: null } ifStatement:
                var condition = Shapes.Unparenthesized(ifStatement.Condition);
                if (NotNullTested(condition) is not null)
                {
                    return true; // MM0003's guard
                }

                if (IsNullOrFlagTest(condition) is { } tested
                    && !IsLocalOrParameter(ifStatement, tested)
                    && ifStatement.Statement.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => SameName(a.Left, tested)))
                {
                    return true; // MM0005's check (of a field or property: `if (x == null) { x = …; }` on a local counts)
                }

                return ifStatement.Statement is BlockSyntax { Statements: [ThrowStatementSyntax or ReturnStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax] }
                    && IsVerdictTest(condition); // MM0004's branch
            default:
                return false;
        }
    }

    /// <summary>The name tested by <c>x is not null</c>, <c>x != null</c>, <c>!(x is null)</c>, <c>(object)x != null</c>; null otherwise.</summary>
    private static ExpressionSyntax? NotNullTested(ExpressionSyntax condition)
        => condition switch
        {
            IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } } pattern when IsNull(constant) => NameOrNull(pattern.Expression),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression } binary when IsNull(binary.Right) => NameOrNull(binary.Left is CastExpressionSyntax cast ? Shapes.Unparenthesized(cast.Expression) : binary.Left),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not when Shapes.Unparenthesized(not.Operand) is var operand && IsNullTest(operand) is { } tested => tested,
            _ => null,
        };

    /// <summary>The name tested by <c>!x</c>, <c>x == false</c>, <c>x == null</c>, <c>x is null</c>; null otherwise.</summary>
    private static ExpressionSyntax? IsNullOrFlagTest(ExpressionSyntax condition)
        => condition switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => NameOrNull(Shapes.Unparenthesized(not.Operand)),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } binary => NameOrNull(binary.Left),
            _ => IsNullTest(condition),
        };

    private static ExpressionSyntax? IsNullTest(ExpressionSyntax condition)
        => condition switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } binary when IsNull(binary.Right) => NameOrNull(binary.Left),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } binary when IsNull(binary.Left) => NameOrNull(binary.Right),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } pattern when IsNull(constant) => NameOrNull(pattern.Expression),
            _ => null,
        };

    /// <summary>
    /// A condition of the form MM0004's branch tests its verdict with: <c>!verdict</c>, <c>verdict == false</c>,
    /// <c>verdict == true</c>, or the verdict itself (<c>validation.Failed</c>), where the verdict is a call, a name or a
    /// member (also through <c>?.</c>). Not a comparison with anything else (<c>name.Length == 0</c>) nor a null test.
    /// </summary>
    private static bool IsVerdictTest(ExpressionSyntax condition)
    {
        condition = Shapes.Unparenthesized(condition);
        var verdict = condition switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => Shapes.Unparenthesized(not.Operand),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } } binary => binary.Left,
            _ => condition,
        };
        return verdict is InvocationExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax;
    }

    /// <summary>True when <paramref name="tested"/> is a plain name declared as a local or parameter of the function holding <paramref name="statement"/>.</summary>
    private static bool IsLocalOrParameter(StatementSyntax statement, ExpressionSyntax tested)
    {
        if (tested is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return false;
        }

        var function = statement.Ancestors().FirstOrDefault(static n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (function is null)
        {
            return true; // top-level code: only locals
        }

        return function.DescendantNodes().Any(n => n switch
        {
            ParameterSyntax parameter => parameter.Identifier.ValueText == name,
            VariableDeclaratorSyntax variable => variable.Identifier.ValueText == name,
            SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
            ForEachStatementSyntax forEach => forEach.Identifier.ValueText == name,
            _ => false,
        }) || function.Parent?.Parent is PropertyDeclarationSyntax or IndexerDeclarationSyntax && name == "value";
    }

    private static bool IsNull(ExpressionSyntax expression) => expression.IsKind(SyntaxKind.NullLiteralExpression);

    /// <summary><paramref name="expression"/> when it is a name (<c>_x</c>, <c>this._x</c>, <c>a.b</c>); null otherwise.</summary>
    private static ExpressionSyntax? NameOrNull(ExpressionSyntax expression)
        => Shapes.Unparenthesized(expression) is var unwrapped && unwrapped is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax } ? unwrapped : null;

    private static bool SameName(ExpressionSyntax left, ExpressionSyntax tested)
        => LastName(Shapes.Unparenthesized(left)) is { } a && LastName(tested) is { } b && a == b;

    private static string? LastName(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

    private static SyntaxList<StatementSyntax> SiblingsOf(StatementSyntax statement)
        => statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };

    /// <summary>The line break ending <paramref name="statement"/>'s line (elastic when it has none of its own).</summary>
    private static SyntaxTriviaList FinalEndOfLine(StatementSyntax statement)
    {
        var trailing = statement.GetTrailingTrivia();
        return trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)
            ? SyntaxFactory.TriviaList(trailing[trailing.Count - 1])
            : SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed);
    }

    /// <summary>
    /// <paramref name="next"/> separated from the block before it by a blank line (the line break of <paramref name="previous"/>'s
    /// line), unless it has one: after the <c>#endif</c>/<c>#endregion</c> that close right below the block, before anything else.
    /// </summary>
    public static StatementSyntax WithBlankLineBefore(StatementSyntax next, StatementSyntax previous)
    {
        var leading = next.GetLeadingTrivia();
        if (StartsWithBlankLine(leading))
        {
            return next;
        }

        var index = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndIfDirectiveTrivia) || leading[i].IsKind(SyntaxKind.EndRegionDirectiveTrivia))
            {
                index = i + 1;
            }
            else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        var endOfLine = FinalEndOfLine(previous)[0];
        return next.WithLeadingTrivia(leading.Insert(index, endOfLine.HasAnnotation(SyntaxAnnotation.ElasticAnnotation)
            ? SyntaxFactory.EndOfLine(DocumentationComments.NewLine(previous.SyntaxTree))
            : endOfLine));
    }

    /// <summary>True when a blank line comes before the statement's first comment (directives such as <c>#endregion</c> do not count).</summary>
    private static bool StartsWithBlankLine(SyntaxTriviaList leading)
    {
        foreach (var trivia in leading)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsDirective)
            {
                return false;
            }
        }

        return false;
    }
}
