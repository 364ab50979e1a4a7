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

        /// <summary>The innermost enclosing function's token parameter alone (used when a merged try holds calls passing different tokens).</summary>
        public ExpressionSyntax? ScopeToken { get; set; }

        public bool CanWrap { get; set; }

        public bool CanUseHelper { get; set; }

        public bool HelperNeedsAsTask { get; set; }

        public bool HelperLambdaCanBeStatic { get; set; }

        public LanguageVersion LanguageVersion { get; set; }

        public bool HasReportFailure { get; set; }

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

        var site = new Site(awaitExpression, invocation, configureAwait)
        {
            LanguageVersion = (root.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest,
        };

        var helperType = model.Compilation.GetTypeByMetadataName(SideEffectCallClassifier.HelperMetadataName);
        site.HasReportFailure = helperType is not null && !helperType.GetMembers("ReportFailure").IsEmpty;

        var invocationOperation = model.GetOperation(invocation, cancellationToken) as IInvocationOperation;
        var declaresOrAssigns = DeclaresOrAssigns(model, awaitExpression);
        var awaitParent = awaitExpression.Parent;
        var wrappable = awaitParent is ExpressionStatementSyntax
            || (awaitParent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow && IsAsyncVoidOrTaskBody(model, arrow, cancellationToken))
            || awaitParent is LambdaExpressionSyntax;
        site.CanWrap = wrappable && !declaresOrAssigns;

        site.ScopeToken = FindScopeToken(model, awaitExpression, cancellationToken);
        site.Token = FindCallToken(invocationOperation) ?? site.ScopeToken;
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

    /// <summary>Wraps runs of adjacent reported statements of one block (or switch section) into one try each; other sites singly.</summary>
    public static void WrapInTryCatch(SyntaxEditor editor, IReadOnlyList<Site> sites)
    {
        var runs = new Dictionary<SyntaxNode, List<(int Index, Site Site)>>();
        foreach (var site in sites)
        {
            if (!site.CanWrap)
            {
                continue;
            }

            if (site.Statement is { Parent: BlockSyntax or SwitchSectionSyntax } statement)
            {
                var list = GetStatements(statement.Parent!);
                if (!runs.TryGetValue(statement.Parent!, out var entries))
                {
                    entries = new List<(int, Site)>();
                    runs.Add(statement.Parent!, entries);
                }

                entries.Add((list.IndexOf(statement), site));
            }
            else if (site.Statement is { } embedded)
            {
                var captured = site;
                editor.ReplaceNode(embedded, (current, _) => BuildTry(new[] { (StatementSyntax)current }, new[] { captured }));
            }
            else
            {
                var captured = site;
                editor.ReplaceNode(site.Await.Parent!.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax ? site.Await.Parent.Parent : site.Await.Parent!,
                    (current, _) => WrapExpressionBody(current, captured));
            }
        }

        foreach (var pair in runs)
        {
            var entries = pair.Value.OrderBy(e => e.Index).ToList();
            editor.ReplaceNode(pair.Key, (current, _) => WrapRuns(current, entries));
        }
    }

    private static SyntaxList<StatementSyntax> GetStatements(SyntaxNode container)
        => container is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)container).Statements;

    private static SyntaxNode WrapRuns(SyntaxNode container, List<(int Index, Site Site)> entries)
    {
        var statements = GetStatements(container);
        var result = new List<StatementSyntax>(statements.Count);
        var i = 0;
        var next = 0;
        while (i < statements.Count)
        {
            if (next < entries.Count && entries[next].Index == i)
            {
                var runStatements = new List<StatementSyntax>();
                var runSites = new List<Site>();
                while (next < entries.Count && entries[next].Index == i)
                {
                    runStatements.Add(statements[i]);
                    runSites.Add(entries[next].Site);
                    next++;
                    i++;
                }

                result.Add(BuildTry(runStatements, runSites));
                continue;
            }

            result.Add(statements[i]);
            i++;
        }

        var list = SyntaxFactory.List(result);
        return container is BlockSyntax block ? block.WithStatements(list) : ((SwitchSectionSyntax)container).WithStatements(list);
    }

    private static SyntaxNode WrapExpressionBody(SyntaxNode current, Site site)
    {
        switch (current)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
            {
                var block = BodyBlock(arrow.Expression, site);
                return method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } localFunction:
            {
                var block = BodyBlock(arrow.Expression, site);
                return localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            case LambdaExpressionSyntax { ExpressionBody: { } body } lambda:
                return lambda.WithExpressionBody(null).WithBlock(BodyBlock(body, site)).WithAdditionalAnnotations(Formatter.Annotation);

            default:
                return current;
        }
    }

    private static BlockSyntax BodyBlock(ExpressionSyntax expression, Site site)
    {
        var statement = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
        return SyntaxFactory.Block(BuildTry(new[] { statement }, new[] { site })).WithAdditionalAnnotations(NewNodeAnnotations);
    }

    private static TryStatementSyntax BuildTry(IReadOnlyList<StatementSyntax> statements, IReadOnlyList<Site> sites)
    {
        var first = sites[0];
        var languageVersion = first.LanguageVersion;
        var token = ChooseToken(sites);
        var exceptionName = ChooseExceptionName(sites);
        var exceptionIdentifier = SyntaxFactory.IdentifierName(exceptionName);

        // Comments above the first statement now introduce the try; the statements keep their own line comments.
        var leading = statements[0].GetLeadingTrivia();
        var inner = new List<StatementSyntax>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (i == 0)
            {
                statement = statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
            }

            inner.Add(statement);
        }

        var trailing = FinalEndOfLine(statements[statements.Count - 1].GetTrailingTrivia());
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

        handler.Add(first.HasReportFailure
            ? SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    QualifiedExpression(SideEffectCallClassifier.HelperMetadataName),
                    SyntaxFactory.IdentifierName("ReportFailure")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(exceptionIdentifier)))))
            : SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    QualifiedExpression("System.Diagnostics.Trace"),
                    SyntaxFactory.IdentifierName("TraceWarning")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, exceptionIdentifier, SyntaxFactory.IdentifierName("ToString")))))))));

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

    private static ExpressionSyntax? ChooseToken(IReadOnlyList<Site> sites)
    {
        var token = sites[0].Token;
        if (sites.All(s => SameText(s.Token, token)))
        {
            return token;
        }

        var scope = sites[0].ScopeToken;
        return scope is not null && sites.All(s => SameText(s.ScopeToken, scope)) ? scope : null;
    }

    private static bool SameText(ExpressionSyntax? left, ExpressionSyntax? right)
        => left is null ? right is null : right is not null && left.WithoutTrivia().ToString() == right.WithoutTrivia().ToString();

    private static string ChooseExceptionName(IReadOnlyList<Site> sites)
    {
        for (var suffix = 0; suffix < 100; suffix++)
        {
            var candidate = suffix == 0 ? "ex" : "ex" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (sites.All(s => !s.NamesInScope.Contains(candidate)))
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
