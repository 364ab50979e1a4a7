using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// The syntax work of MM0002's two fixes, shared by the single fix and Fix All: find the reported await, decide which
/// fixes are safe, and build the guarded code (a try/catch, or a call through <c>SideEffect.TryAsync</c>).
/// </summary>
internal static class MM0002SideEffectRewriter
{
    private const int MaxAncestorDepth = 64;

    private static readonly SyntaxAnnotation[] NewNodeAnnotations = { Formatter.Annotation };

    /// <summary>What a fix needs to know about one reported await, computed from the original document.</summary>
    internal sealed class Site
    {
        public Site(AwaitExpressionSyntax awaitExpression, InvocationExpressionSyntax invocation, InvocationExpressionSyntax? configureAwait)
        {
            Await = awaitExpression;
            Invocation = invocation;
            ConfigureAwait = configureAwait;
        }

        public AwaitExpressionSyntax Await { get; }

        public InvocationExpressionSyntax Invocation { get; }

        /// <summary>The <c>X.ConfigureAwait(..)</c> call around the side effect, if any.</summary>
        public InvocationExpressionSyntax? ConfigureAwait { get; }

        /// <summary>The token passed to the side-effect call (a plain reference), else the innermost enclosing function's token parameter.</summary>
        public ExpressionSyntax? Token { get; set; }

        public bool CanWrap { get; set; }

        public bool CanUseHelper { get; set; }

        public bool HelperNeedsAsTask { get; set; }

        public bool HelperLambdaCanBeStatic { get; set; }

        public LanguageVersion LanguageVersion { get; set; }

        public bool HasReportFailure { get; set; }

        /// <summary><c>SideEffect.ReportAndSwallow</c> exists: without a token the catch reports through a filter.</summary>
        public bool HasReportAndSwallow { get; set; }

        /// <summary>Names already in scope at the await (to pick a fresh name for the caught exception).</summary>
        public ImmutableHashSet<string> NamesInScope { get; set; } = ImmutableHashSet<string>.Empty;

        /// <summary>The statement the try/catch wraps: an expression statement, or null for expression bodies.</summary>
        public ExpressionStatementSyntax? Statement => Await.Parent as ExpressionStatementSyntax;
    }

    public static Site? Analyze(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
        {
            return null;
        }

        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || invocation.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        // Climb from the side-effect call to its await: through parentheses and a ConfigureAwait(..) call.
        InvocationExpressionSyntax? configureAwait = null;
        SyntaxNode current = invocation;
        for (var depth = 0; depth < 8 && current.Parent is not AwaitExpressionSyntax; depth++)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized;
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member
                    when member.Expression == current && member.Parent is InvocationExpressionSyntax outer && configureAwait is null:
                    configureAwait = outer;
                    current = outer;
                    break;
                default:
                    return null;
            }
        }

        if (current.Parent is not AwaitExpressionSyntax awaitExpression)
        {
            return null;
        }

        // Half-typed code (missing or skipped tokens anywhere in the member): no fix rather than a broken one.
        if (HasSyntaxErrors(awaitExpression))
        {
            return null;
        }

        var site = new Site(awaitExpression, invocation, configureAwait)
        {
            LanguageVersion = (root.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest,
        };

        var helperType = model.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName);
        site.HasReportFailure = helperType is not null && !helperType.GetMembers("ReportFailure").IsEmpty;
        site.HasReportAndSwallow = helperType is not null && !helperType.GetMembers("ReportAndSwallow").IsEmpty;

        var invocationOperation = model.GetOperation(invocation, cancellationToken) as IInvocationOperation;
        var declaresOrAssigns = DeclaresOrAssigns(model, awaitExpression);
        var awaitParent = awaitExpression.Parent;
        var wrappable = awaitParent is ExpressionStatementSyntax
            || (awaitParent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow && IsAsyncVoidOrTaskBody(model, arrow, cancellationToken))
            || awaitParent is LambdaExpressionSyntax;
        site.CanWrap = wrappable && !declaresOrAssigns
            && (site.HasReportFailure || model.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace") is not null)
            && (awaitParent is ExpressionStatementSyntax || !awaitParent!.Parent!.ContainsDirectives);

        site.Token = FindCallToken(invocationOperation) ?? FindScopeToken(model, awaitExpression, cancellationToken);
        site.NamesInScope = model.LookupSymbols(awaitExpression.SpanStart)
            .Where(s => s.Kind is SymbolKind.Local or SymbolKind.Parameter or SymbolKind.RangeVariable)
            .Select(s => s.Name)
            .ToImmutableHashSet();
        foreach (var designation in awaitExpression.Ancestors().OfType<BlockSyntax>().Take(1).SelectMany(b => b.DescendantNodes().OfType<SingleVariableDesignationSyntax>()))
        {
            site.NamesInScope = site.NamesInScope.Add(designation.Identifier.ValueText);
        }

        if (helperType is not null && invocationOperation is not null && !declaresOrAssigns
            && !helperType.GetMembers("TryAsync").IsEmpty
            && !invocation.DescendantNodes().Any(n => n is AwaitExpressionSyntax))
        {
            var returnType = invocationOperation.Type as INamedTypeSymbol;
            var taskLike = returnType?.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
                && returnType.Name is "Task" or "ValueTask";
            if (taskLike && CanMoveIntoLambda(invocationOperation, out var captures))
            {
                site.CanUseHelper = true;
                site.HelperNeedsAsTask = returnType!.Name == "ValueTask";
                site.HelperLambdaCanBeStatic = !captures && site.LanguageVersion >= LanguageVersion.CSharp9;
            }
        }

        return site;
    }

    // ------------------------------------------------------------------ fix 1: try/catch

    /// <summary>
    /// Wraps each reported statement in its own try statement (Fix All means the same as one fix per diagnostic: a
    /// failing side effect never skips the next one). Inner sites are replaced before the ones containing them.
    /// </summary>
    public static void WrapInTryCatch(SyntaxEditor editor, IReadOnlyList<Site> sites)
    {
        foreach (var site in sites.Where(s => s.CanWrap).OrderByDescending(s => s.Await.SpanStart))
        {
            var captured = site;
            if (site.Statement is { } statement)
            {
                editor.ReplaceNode(statement, (current, _) => BuildTry((StatementSyntax)current, captured));
            }
            else
            {
                var body = site.Await.Parent!;
                editor.ReplaceNode(body.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax ? body.Parent : body,
                    (current, _) => WrapExpressionBody(current, captured));
            }
        }
    }

    private static SyntaxNode WrapExpressionBody(SyntaxNode current, Site site)
    {
        switch (current)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
            {
                var block = BodyBlock(arrow.ArrowToken, arrow.Expression, method.SemicolonToken, site);
                method = method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                return TrimBeforeBody(method, block);
            }

            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
            {
                var block = BodyBlock(arrow.ArrowToken, arrow.Expression, localFunction.SemicolonToken, site);
                localFunction = localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
                return TrimBeforeBody(localFunction, block);
            }

            case LambdaExpressionSyntax { ExpressionBody: { } body } lambda:
            {
                // The lambda keeps its arrow; the arrow's comments move to the statement, its line ends there.
                var block = BodyBlock(default, body, default, site);
                var arrowToken = lambda.ArrowToken;
                var comments = Comments(arrowToken.TrailingTrivia, trailing: false);
                lambda = lambda.WithArrowToken(arrowToken.WithTrailingTrivia(SyntaxFactory.ElasticMarker));
                if (comments.Count > 0)
                {
                    block = block.WithStatements(SyntaxFactory.SingletonList(
                        block.Statements[0].WithLeadingTrivia(comments.AddRange(block.Statements[0].GetLeadingTrivia()))));
                }

                return lambda.WithExpressionBody(null).WithBlock(block);
            }

            default:
                return current;
        }
    }

    /// <summary>The token before the former <c>=&gt;</c> loses its trailing white space (kept: its comments), so the new body's brace is placed by the formatter.</summary>
    private static SyntaxNode TrimBeforeBody(SyntaxNode member, BlockSyntax block)
    {
        var before = block.OpenBraceToken.GetPreviousToken();
        if (before.RawKind == 0)
        {
            return member;
        }

        var comments = Comments(before.TrailingTrivia, trailing: true);
        return member.ReplaceToken(before, before.WithTrailingTrivia(comments.Count > 0 ? comments : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker)));
    }

    /// <summary>
    /// The block body replacing an expression body: one try statement around the expression. Every comment survives —
    /// those of the <c>=&gt;</c> and before the expression go above the statement, those after it and around the
    /// <c>;</c> stay on the statement's line.
    /// </summary>
    private static BlockSyntax BodyBlock(SyntaxToken arrowToken, ExpressionSyntax expression, SyntaxToken semicolonToken, Site site)
    {
        var leading = Comments(arrowToken.LeadingTrivia.AddRange(arrowToken.TrailingTrivia).AddRange(expression.GetLeadingTrivia()), trailing: false);
        var trailing = Comments(expression.GetTrailingTrivia().AddRange(semicolonToken.LeadingTrivia).AddRange(semicolonToken.TrailingTrivia), trailing: true);
        var statement = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing);
        var block = SyntaxFactory.Block(BuildTry(statement, site)).WithAdditionalAnnotations(NewNodeAnnotations);
        var semicolonTrailing = semicolonToken.TrailingTrivia;
        return semicolonTrailing.Count > 0 && semicolonTrailing[semicolonTrailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)
            ? block.WithTrailingTrivia(semicolonTrailing[semicolonTrailing.Count - 1])
            : block;
    }

    /// <summary>
    /// The comments (and other non-white-space trivia) of a trivia run, white space dropped for the formatter: as
    /// leading trivia each comment ends its own line (a block comment on the statement's line stays there); as trailing
    /// trivia they follow the statement, a line comment ending the line.
    /// </summary>
    private static SyntaxTriviaList Comments(SyntaxTriviaList trivia, bool trailing)
    {
        var result = new List<SyntaxTrivia>();
        SyntaxTrivia? lineEnd = null;
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                continue;
            }

            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lineEnd ??= item;
                if (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    result.Add(item);
                }

                continue;
            }

            if (trailing || (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                result.Add(SyntaxFactory.Space);
            }

            result.Add(item);
        }

        var newLine = lineEnd ?? SyntaxFactory.ElasticCarriageReturnLineFeed;
        if (trailing)
        {
            // Trailing: end with one line break after a line comment, none otherwise (the formatter ends the line).
            while (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                result.RemoveAt(result.Count - 1);
            }

            if (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                result.Add(newLine);
            }
        }
        else if (result.Count > 0 && result[result.Count - 1].IsKind(SyntaxKind.SingleLineCommentTrivia))
        {
            result.Add(newLine);
        }
        else if (result.Count > 0 && !result[result.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            result.Add(SyntaxFactory.Space);
        }

        return SyntaxFactory.TriviaList(result);
    }

    private static TryStatementSyntax BuildTry(StatementSyntax statement, Site site)
    {
        var languageVersion = site.LanguageVersion;
        var token = site.Token;
        var exceptionName = ChooseExceptionName(site);
        var exceptionIdentifier = SyntaxFactory.IdentifierName(exceptionName);

        // Comments (and directives such as #region) above the statement now introduce the try; the statement keeps its
        // own line comment.
        var leading = statement.GetLeadingTrivia();
        var inner = statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
        var trailing = FinalEndOfLine(statement.GetTrailingTrivia());
        var handler = new List<StatementSyntax>();
        CatchFilterClauseSyntax? filter = null;
        var operationCanceled = QualifiedType("System.OperationCanceledException");
        if (token is not null)
        {
            var tokenCancelled = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, token.WithoutTrivia(), SyntaxFactory.IdentifierName("IsCancellationRequested"));
            if (languageVersion >= LanguageVersion.CSharp6)
            {
                ExpressionSyntax notCanceled = languageVersion >= LanguageVersion.CSharp9
                    ? SyntaxFactory.IsPatternExpression(
                        exceptionIdentifier,
                        SyntaxFactory.UnaryPattern(SyntaxFactory.ConstantPattern(QualifiedExpression("System.OperationCanceledException"))))
                    : SyntaxFactory.PrefixUnaryExpression(
                        SyntaxKind.LogicalNotExpression,
                        SyntaxFactory.ParenthesizedExpression(
                            SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, operationCanceled)));
                filter = SyntaxFactory.CatchFilterClause(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalOrExpression,
                        notCanceled,
                        SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, tokenCancelled)));
            }
            else
            {
                // No exception filters before C# 6: rethrow the caller's own cancellation explicitly.
                handler.Add(SyntaxFactory.IfStatement(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalAndExpression,
                        SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, exceptionIdentifier, operationCanceled),
                        tokenCancelled),
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement())));
            }
        }

        var reportThroughFilter = token is null && site.HasReportAndSwallow && languageVersion >= LanguageVersion.CSharp6;
        var reportInvocation = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                QualifiedExpression(SideEffectCallClassifier.HelperMetadataName),
                SyntaxFactory.IdentifierName(reportThroughFilter ? "ReportAndSwallow" : "ReportFailure")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(exceptionIdentifier))));
        if (reportThroughFilter)
        {
            // No caller cancellation to let through: the filter reports and always catches. An unfiltered catch of
            // Exception is what CA1031 flags; a filtered one with the exception observed trips none of CA1031, RCS1075
            // or ERP022, and swallows exactly the same failures.
            filter = SyntaxFactory.CatchFilterClause(reportInvocation);
        }
        else
        {
            handler.Add(site.HasReportFailure
                ? SyntaxFactory.ExpressionStatement(reportInvocation)
                : SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        QualifiedExpression("System.Diagnostics.Trace"),
                        SyntaxFactory.IdentifierName("TraceWarning")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression, exceptionIdentifier, SyntaxFactory.IdentifierName("ToString")))))))));
        }

        var catchClause = SyntaxFactory.CatchClause(
            SyntaxFactory.CatchDeclaration(QualifiedType("System.Exception"), SyntaxFactory.Identifier(exceptionName)),
            filter,
            SyntaxFactory.Block(handler));

        return SyntaxFactory.TryStatement(SyntaxFactory.Block(inner), SyntaxFactory.SingletonList(catchClause), @finally: null)
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing)
            .WithAdditionalAnnotations(NewNodeAnnotations);
    }

    /// <summary>The try statement ends its line as the last wrapped statement did; its comments stay on that statement.</summary>
    private static SyntaxTriviaList FinalEndOfLine(SyntaxTriviaList trivia)
        => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia)
            ? SyntaxFactory.TriviaList(trivia[trivia.Count - 1])
            : SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed);

    private static string ChooseExceptionName(Site site)
    {
        for (var suffix = 0; suffix < 100; suffix++)
        {
            var candidate = suffix == 0 ? "ex" : "ex" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!site.NamesInScope.Contains(candidate))
            {
                return candidate;
            }
        }

        return "sideEffectException";
    }

    // ------------------------------------------------------------------ fix 2: SideEffect.TryAsync

    /// <summary>Rewrites <c>await X</c> / <c>await X.ConfigureAwait(c)</c> into <c>await SideEffect.TryAsync(() =&gt; X[, token])[.ConfigureAwait(c)]</c>.</summary>
    public static void UseHelper(SyntaxEditor editor, IReadOnlyList<Site> sites)
    {
        foreach (var site in sites)
        {
            if (!site.CanUseHelper)
            {
                continue;
            }

            var captured = site;
            editor.ReplaceNode(site.Await, (current, _) => BuildHelperAwait((AwaitExpressionSyntax)current, captured));
        }
    }

    private static AwaitExpressionSyntax BuildHelperAwait(AwaitExpressionSyntax current, Site site)
    {
        // The side-effect call as it is now (tracked by position inside the current await).
        var invocation = current.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span.Length == site.Invocation.Span.Length && i.ToString() == site.Invocation.ToString());
        if (invocation is null)
        {
            return current;
        }

        ExpressionSyntax body = invocation.WithoutTrivia();
        if (site.HelperNeedsAsTask)
        {
            body = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, body, SyntaxFactory.IdentifierName("AsTask")));
        }

        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), body);
        if (site.HelperLambdaCanBeStatic)
        {
            lambda = lambda.WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.StaticKeyword)));
        }

        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(lambda) };
        if (site.Token is { } token)
        {
            arguments.Add(SyntaxFactory.Argument(token.WithoutTrivia()));
        }

        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                QualifiedExpression(SideEffectCallClassifier.HelperMetadataName),
                SyntaxFactory.IdentifierName("TryAsync")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

        if (site.ConfigureAwait is { } configureAwait)
        {
            call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("ConfigureAwait")),
                configureAwait.ArgumentList.WithoutTrivia());
        }

        return current.WithExpression(call.WithAdditionalAnnotations(Formatter.Annotation).WithTriviaFrom(current.Expression));
    }

    // ------------------------------------------------------------------ safety checks

    /// <summary>
    /// Whether the member around the await (method, accessor, field initializer, top-level statement — with its local
    /// functions and lambdas) has missing or skipped tokens or other syntax errors: rewriting half-typed code would
    /// build on the parser's guesses (a try around <c>await LogAsync(</c> and a stray brace).
    /// </summary>
    private static bool HasSyntaxErrors(SyntaxNode node)
    {
        var depth = 0;
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax)
            {
                return ancestor.ContainsDiagnostics;
            }

            if (++depth > MaxAncestorDepth)
            {
                break;
            }
        }

        return node.SyntaxTree.GetRoot().ContainsDiagnostics;
    }

    private static bool DeclaresOrAssigns(SemanticModel model, AwaitExpressionSyntax awaitExpression)
    {
        if (awaitExpression.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax))
        {
            return true; // out var / pattern variables would change scope
        }

        var flow = model.AnalyzeDataFlow(awaitExpression);
        return flow is null || !flow.Succeeded || !flow.AlwaysAssigned.IsEmpty;
    }

    private static bool IsAsyncVoidOrTaskBody(SemanticModel model, ArrowExpressionClauseSyntax arrow, CancellationToken cancellationToken)
        => model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) is IMethodSymbol { IsAsync: true } method
            && (method.ReturnsVoid || method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    /// <summary>A lambda cannot capture ref/in/out parameters, ref locals, ref structs, or <c>this</c> of a struct.</summary>
    private static bool CanMoveIntoLambda(IInvocationOperation invocation, out bool captures)
    {
        captures = false;
        foreach (var operation in invocation.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInstanceReferenceOperation instance:
                    captures = true;
                    if (instance.Type is { IsValueType: true })
                    {
                        return false;
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    captures = true;
                    if (parameter.Parameter.RefKind != RefKind.None || parameter.Parameter.Type.IsRefLikeType)
                    {
                        return false;
                    }

                    break;
                case ILocalReferenceOperation local:
                    captures = true;
                    if (local.Local.IsRef || local.Local.Type.IsRefLikeType)
                    {
                        return false;
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return false;
                case IInvocationOperation { Instance: null, TargetMethod: { IsStatic: false, MethodKind: not MethodKind.LocalFunction } }:
                    captures = true;
                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction, TargetMethod.IsStatic: false }:
                    captures = true;
                    break;
            }
        }

        return true;
    }

    private static ExpressionSyntax? FindCallToken(IInvocationOperation? invocation)
    {
        if (invocation is null)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && IsCancellationToken(argument.Value.Type)
                && IsPlainReference(argument.Value, 0)
                && argument.Value.Syntax is ExpressionSyntax syntax)
            {
                return syntax;
            }
        }

        return null;
    }

    private static bool IsPlainReference(IOperation operation, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        return operation switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation => true,
            IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation || IsPlainReference(field.Instance, depth + 1),
            IPropertyReferenceOperation { Property: { Name: "None", ContainingType: var type } } when IsCancellationToken(type) => false,
            IPropertyReferenceOperation property => property.Arguments.IsEmpty
                && (property.Instance is null or IInstanceReferenceOperation || IsPlainReference(property.Instance, depth + 1)),
            _ => false,
        };
    }

    private static IdentifierNameSyntax? FindScopeToken(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var depth = 0;
        foreach (var ancestor in node.Ancestors())
        {
            if (++depth > MaxAncestorDepth)
            {
                break;
            }

            IMethodSymbol? function = null;
            var isStatic = false;
            var isMember = false;
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    function = model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
                    isStatic = lambda.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    function = model.GetDeclaredSymbol(localFunction, cancellationToken) as IMethodSymbol;
                    isStatic = localFunction.Modifiers.Any(SyntaxKind.StaticKeyword);
                    break;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    function = model.GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol;
                    isMember = true;
                    break;
                case MemberDeclarationSyntax:
                    return null;
            }

            if (function is not null)
            {
                foreach (var parameter in function.Parameters)
                {
                    if (IsCancellationToken(parameter.Type) && parameter.RefKind is RefKind.None or RefKind.In)
                    {
                        return SyntaxFactory.IdentifierName(EscapedIdentifier(parameter.Name));
                    }
                }
            }

            if (isStatic || isMember)
            {
                return null; // a static function cannot see the outer function's parameters
            }
        }

        return null;
    }

    private static SyntaxToken EscapedIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? SyntaxFactory.VerbatimIdentifier(default, "@" + name, name, default)
            : SyntaxFactory.Identifier(name);

    private static bool IsCancellationToken(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static ExpressionSyntax QualifiedExpression(string metadataName)
        => SyntaxFactory.ParseExpression("global::" + metadataName).WithAdditionalAnnotations(Simplifier.Annotation);

    private static TypeSyntax QualifiedType(string metadataName)
        => SyntaxFactory.ParseTypeName("global::" + metadataName).WithAdditionalAnnotations(Simplifier.Annotation);
}
