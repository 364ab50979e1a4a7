using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>Await expressions a fix writes into library code, and where an await may go.</summary>
internal static class Awaits
{
    /// <summary><c>await <paramref name="expression"/>.ConfigureAwait(false)</c></summary>
    public static AwaitExpressionSyntax Configured(ExpressionSyntax expression)
        => SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName("ConfigureAwait")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression))))));

    /// <summary>
    /// Whether an await written in place of <paramref name="node"/> needs no parentheses: the node is a whole statement,
    /// expression body, argument, initial or assigned value, returned value, element (<c>[a, .. b]</c>, <c>{ a }</c>) or
    /// interpolation. Elsewhere a fix writes them and lets the simplifier drop them where it can (Roslyn 4.8's kept them in
    /// a spread element: <c>[.. (await loaded)]</c>, an independent consumer's output; and in a collection expression's element).
    /// </summary>
    public static bool StandsAlone(SyntaxNode node)
        => node.Parent is ExpressionStatementSyntax or ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax
            or ArrowExpressionClauseSyntax or InitializerExpressionSyntax or InterpolationSyntax
            || (node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node)
            || (node.Parent is { } parent && (parent.IsKind(SyntaxKind.ExpressionElement) || parent.IsKind(SyntaxKind.SpreadElement)));

    /// <summary>
    /// <c>await <paramref name="expression"/>.ConfigureAwait(false)</c> when every await of the function holding
    /// <paramref name="site"/> is configured that way (library code that keeps off the caller's context, see
    /// <see cref="MemberConfiguresAwaits"/>), else a plain <c>await</c>: the written await matches its neighbours.
    /// </summary>
    public static AwaitExpressionSyntax LikeNeighbours(ExpressionSyntax expression, SyntaxNode site, Compilation? compilation = null)
        => MemberConfiguresAwaits(site, compilation) || (compilation is not null && ProjectRequiresConfiguredAwaits(site.SyntaxTree, compilation))
            ? Configured(expression)
            : SyntaxFactory.AwaitExpression(expression);

    /// <summary>
    /// Whether the project turns CA2007 ("call ConfigureAwait on the awaited task") on for <paramref name="tree"/> — in
    /// <c>.editorconfig</c> (<c>dotnet_diagnostic.CA2007.severity</c>, per file or global) or as a project-wide option: then
    /// a written await is configured whatever its neighbours do, or the fix would add a warning (an independent
    /// consumer's library, whose methods also awaited <c>Task.Yield()</c>).
    /// </summary>
    public static bool ProjectRequiresConfiguredAwaits(SyntaxTree tree, Compilation compilation)
    {
        const string Id = "CA2007";
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is not null
            && (provider.TryGetDiagnosticValue(tree, Id, CancellationToken.None, out var severity)
                || provider.TryGetGlobalDiagnosticValue(Id, CancellationToken.None, out severity)))
        {
            return severity is ReportDiagnostic.Error or ReportDiagnostic.Warn or ReportDiagnostic.Info;
        }

        return compilation.Options.SpecificDiagnosticOptions.TryGetValue(Id, out var specific)
            && specific is ReportDiagnostic.Error or ReportDiagnostic.Warn or ReportDiagnostic.Info;
    }

    /// <summary>
    /// Whether an await written at <paramref name="site"/> (a node of <paramref name="model"/>'s tree) ends in
    /// <c>.ConfigureAwait(false)</c>: only where every await of its function already does
    /// (<see cref="MemberConfiguresAwaits"/>), never in a test method (xUnit1030; a test keeps its framework's context).
    /// A plain await keeps the caller's context, as the code it replaces did (UI code after a blocking wait ran on the UI
    /// thread). Without <paramref name="followType"/> the function alone decides (a call site in code the fix only updates,
    /// such as a factory's callers: another type's habits say nothing about the context that code runs on).
    /// </summary>
    public static bool ConfigureAt(SyntaxNode site, SemanticModel model, CancellationToken cancellationToken, bool followType = true)
    {
        if (!MemberConfiguresAwaits(site, model.Compilation, model, followType) && !ProjectRequiresConfiguredAwaits(site.SyntaxTree, model.Compilation))
        {
            return false;
        }

        var tests = ModelManagement.Analyzers.Infrastructure.TestFrameworks.Create(model.Compilation);
        var symbol = site is MemberDeclarationSyntax or LocalFunctionStatementSyntax
            ? model.GetDeclaredSymbol(site, cancellationToken) // a declaration's own start is still in its container
            : model.GetEnclosingSymbol(site.SpanStart, cancellationToken);
        return tests is null || symbol is not IMethodSymbol method || !tests.IsTestMethod(method);
    }

    /// <summary>
    /// True when the function holding <paramref name="site"/> (the innermost lambda, local function or member; without
    /// awaits of its own, the function around it) awaits, and every await of its own (not those of functions nested in
    /// it) ends in <c>.ConfigureAwait(false)</c>: code that never relies on its context. A function that awaits plainly
    /// anywhere may run context-bound work after that await (a UI handler updating a label), which a configured await
    /// written before it would move off the context. <c>await Task.Yield()</c>, which cannot be configured, counts neither way.
    /// When no function around the site awaits anything that can be configured, the type declaration holding it decides
    /// the same way over all its awaits (not those of nested types): a library type whose every other await is configured
    /// gets a configured one (a consumer round: NGitLab's mock clients, whose readers await only <c>Task.Yield()</c>, in a
    /// project where Meziantou's MA0004 asks for <c>ConfigureAwait</c> and warnings are errors).
    /// With the compilation holding the tree, an extension that only configures the await like <c>ConfigureAwait(false)</c>
    /// does counts as configured (Foundatio writes every await <c>await x.AnyContext()</c>; a plain await written among them
    /// brought the caller's context back, and a deadlock under a blocking caller).
    /// </summary>
    public static bool MemberConfiguresAwaits(SyntaxNode site, Compilation? compilation = null, SemanticModel? model = null, bool followType = true)
    {
        if (model is null || model.SyntaxTree != site.SyntaxTree)
        {
            model = compilation is not null && compilation.ContainsSyntaxTree(site.SyntaxTree) ? compilation.GetSemanticModel(site.SyntaxTree) : null;
        }

        // A function without awaits of its own (a lambda reading a value) follows the function around it.
        for (var function = EnclosingFunction(site); function is not null; function = EnclosingFunction(function.Parent))
        {
            if (OwnAwaitsConfigured(function, n => n == function || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax), model) is { } configured)
            {
                return configured;
            }
        }

        return followType && site.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && TypeConfiguresAwaits(type, model);
    }

    /// <summary>
    /// Every await of the type (all its declarations: a <c>partial</c> type's other parts count, a fix-shapes round's view
    /// model awaited plainly in the other file) is configured, and there is one. A <c>partial</c> type whose other parts
    /// cannot be seen (no semantic model) does not.
    /// </summary>
    private static bool TypeConfiguresAwaits(TypeDeclarationSyntax type, SemanticModel? model)
    {
        if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return OwnAwaitsConfigured(type, n => n == type || n is not BaseTypeDeclarationSyntax, model) == true;
        }

        if (model?.GetDeclaredSymbol(type) is not { } symbol)
        {
            return false;
        }

        var any = false;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax part)
            {
                return false;
            }

            var partModel = part.SyntaxTree == model.SyntaxTree ? model
                : model.Compilation.ContainsSyntaxTree(part.SyntaxTree) ? model.Compilation.GetSemanticModel(part.SyntaxTree) : null;
            switch (OwnAwaitsConfigured(part, n => n == part || n is not BaseTypeDeclarationSyntax, partModel))
            {
                case false:
                    return false;
                case true:
                    any = true;
                    break;
            }
        }

        return any;
    }

    /// <summary>
    /// Over the awaits under <paramref name="scope"/> that <paramref name="descend"/> reaches: null when none can be configured
    /// (none, or only <c>await Task.Yield()</c>), true when every one ends in <c>.ConfigureAwait(false)</c> (or a
    /// configure-like extension), false when one does not.
    /// </summary>
    private static bool? OwnAwaitsConfigured(SyntaxNode scope, System.Func<SyntaxNode, bool> descend, SemanticModel? model)
    {
        var any = false;
        foreach (var node in scope.DescendantNodes(descend))
        {
            // `await foreach` and `await using` await too (each step, the disposal): configured through their expression.
            var awaited = node switch
            {
                AwaitExpressionSyntax awaitExpression => awaitExpression.Expression,
                CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } loop => loop.Expression,
                UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } usingStatement
                    => usingStatement.Expression ?? usingStatement.Declaration?.Variables.LastOrDefault()?.Initializer?.Value,
                LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } declaration
                    => declaration.Declaration.Variables.LastOrDefault()?.Initializer?.Value,
                _ => null,
            };
            if (awaited is null && node is not AwaitExpressionSyntax)
            {
                continue;
            }

            if (awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Yield", Expression: var yielder } }
                && yielder.ToString() is "Task" or "System.Threading.Tasks.Task" or "global::System.Threading.Tasks.Task")
            {
                continue; // `await Task.Yield()` cannot be configured (CA2007 does not ask it to): it says nothing either way
            }

            if (awaited is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" },
                    ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } }],
                }
                && !(awaited is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax, ArgumentList.Arguments.Count: 0 } extension
                    && model?.GetSymbolInfo(extension).Symbol is IMethodSymbol method
                    && ModelManagement.Analyzers.Infrastructure.ConfiguredAwaits.IsConfigureLikeExtension(method)))
            {
                return false;
            }

            any = true;
        }

        return any ? true : null;
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode? node)
        => node?.FirstAncestorOrSelf<SyntaxNode>(static n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
            || (n is MemberDeclarationSyntax && n is not (BaseTypeDeclarationSyntax or NamespaceDeclarationSyntax or FileScopedNamespaceDeclarationSyntax)));

    /// <summary>True when an <c>await</c> may replace <paramref name="node"/> once its member is async.</summary>
    public static bool CanAwaitAt(SyntaxNode node) => CanAwaitAt(node, inInnermostFunction: false);

    /// <summary>
    /// True when an <c>await</c> may replace <paramref name="node"/> in the innermost function holding it (a lambda or local
    /// function too, whose own async-ness <see cref="IsInAsyncFunction"/> decides): above that function only an unsafe
    /// context still forbids it (<c>new Library(s)</c> inside <c>Run(async () =&gt; …)</c> may become an awaited factory call).
    /// </summary>
    public static bool CanAwaitInInnermostFunction(SyntaxNode node) => CanAwaitAt(node, inInnermostFunction: true);

    private static bool CanAwaitAt(SyntaxNode node, bool inInnermostFunction)
    {
        var crossedFunction = false;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (crossedFunction && current is not (BaseTypeDeclarationSyntax or MemberDeclarationSyntax or UnsafeStatementSyntax or FixedStatementSyntax))
            {
                continue; // outside the function that would hold the await: only unsafe contexts still count
            }

            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when inInnermostFunction:
                    crossedFunction = true;
                    break;
                case LockStatementSyntax:
                case UnsafeStatementSyntax:
                case FixedStatementSyntax:
                case QueryExpressionSyntax:
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case AttributeSyntax:
                case CatchFilterClauseSyntax: // CS7094
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull.Span.Contains(node.Span):
                    return false;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return false;
                case CatchClauseSyntax or FinallyClauseSyntax when !LanguageVersionHelpers.SupportsAwaitInCatchAndFinally(node.SyntaxTree):
                    return false;
                case BaseTypeDeclarationSyntax type:
                    return !type.Modifiers.Any(SyntaxKind.UnsafeKeyword) && !IsInUnsafeType(type);
                case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a new <c>await</c> at <paramref name="node"/> would hold a ref struct or a <c>ref</c> across it (CS4007,
    /// CS9217; C# 13 allows both in async methods as long as no await crosses them): a <c>ref</c> or ref-struct local
    /// (<c>Span&lt;int&gt; b = stackalloc int[1];</c>, <c>ref int r = ref a[0];</c>, <c>using var scope = _lock.EnterScope();</c>)
    /// declared earlier in an enclosing block of the same function, a <c>using</c> statement over a ref struct
    /// (<c>using (_lock.EnterScope())</c>), or an interpolated string built by a ref-struct handler around it
    /// (<c>string.Create(provider, $"…{x}")</c>). Conservative: a local still in scope counts even if it is not read again.
    /// </summary>
    public static bool HoldsRefLikeValueAt(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return false;
                case BlockSyntax block:
                    if (DeclaresRefLikeBefore(block.Statements, child, model, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case SwitchSectionSyntax section:
                    if (DeclaresRefLikeBefore(section.Statements, child, model, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case UsingStatementSyntax usingStatement when usingStatement.Statement == child:
                    var resource = usingStatement.Expression is { } expression
                        ? model.GetTypeInfo(expression, cancellationToken).Type
                        : usingStatement.Declaration is { } declaration ? model.GetTypeInfo(declaration.Type, cancellationToken).Type : null;
                    if (resource is { IsRefLikeType: true })
                    {
                        return true;
                    }

                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    var operation = model.GetOperation(interpolated, cancellationToken);
                    if (operation?.Type is { IsRefLikeType: true } || operation?.Parent is IInterpolatedStringHandlerCreationOperation { Type.IsRefLikeType: true })
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool DeclaresRefLikeBefore(SyntaxList<StatementSyntax> statements, SyntaxNode child, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            if (statement == child)
            {
                return false;
            }

            if (statement is LocalDeclarationStatementSyntax declaration)
            {
                foreach (var variable in declaration.Declaration.Variables)
                {
                    if (model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol local
                        && (local.RefKind != RefKind.None || local.Type.IsRefLikeType))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when the function (method, local function, lambda, top-level statements) whose code holds <paramref name="node"/> is async.</summary>
    public static bool IsInAsyncFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case GlobalStatementSyntax:
                    return true; // top-level statements may await
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsInUnsafeType(SyntaxNode type)
    {
        for (var current = type.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax outer && outer.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            {
                return true;
            }
        }

        return false;
    }
}
