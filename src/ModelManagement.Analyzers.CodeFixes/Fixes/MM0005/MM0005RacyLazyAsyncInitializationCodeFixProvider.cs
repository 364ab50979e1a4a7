using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;

namespace ModelManagement.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MM0005 fix "Convert to single-flight lazy initialization": the checked flag becomes an <c>AsyncInitializer</c>, the
/// checked value an <c>AsyncLazy&lt;T&gt;</c>, created in every constructor; the guarded block moves into the method
/// its delegate names; readers await it. Offered only when <see cref="MM0005LazyPlanner"/> proves it keeps behaviour.
/// Fix All applies the fixes of a document one after another, re-finding each diagnostic in the updated document,
/// because two conversions in one type edit the same constructors.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MM0005RacyLazyAsyncInitializationCodeFixProvider)), Shared]
public sealed class MM0005RacyLazyAsyncInitializationCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Convert to single-flight lazy initialization".</summary>
    public const string ConvertToSingleFlightKey = "MM0005.ConvertToSingleFlightLazyInitialization";

    private const string Title = "Convert to single-flight lazy initialization";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.RacyLazyAsyncInitialization);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => LineEndings.Preserving(FixAllProvider.Create(
        static (context, document, diagnostics) => Documents.FixCanonicalCopyAsync(context, document, diagnostics, FixAllAsync)));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await Documents.GetRootAndModelAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not (var root, var model))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } plan)
            {
                continue;
            }

            LineEndings.Register(context, 
                CodeAction.Create(Title, cancellationToken => MM0005LazyRewriter.ApplyAsync(context.Document, plan, cancellationToken), ConvertToSingleFlightKey),
                diagnostic);
        }
    }

    /// <summary>
    /// The plan for <paramref name="diagnostic"/>, offered only when every linked copy of the file (a multi-targeted project
    /// compiles it once per target framework) plans it too: the net8.0 copy of <c>_home = Environment.GetEnvironmentVariable(…)</c>
    /// knows the result may be null (<c>LoadMayReturnNull</c>) where the netstandard2.0 copy's oblivious type does not, and
    /// the conversion would then cache a null for every framework.
    /// </summary>
    private static async Task<MM0005LazyPlan?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (MM0005LazyPlanner.Plan(root, model, diagnostic, cancellationToken).Plan is not { } plan)
        {
            return null;
        }

        foreach (var id in document.GetLinkedDocumentIds())
        {
            if (document.Project.Solution.GetDocument(id) is not { } linked
                || await Documents.GetRootAndModelAsync(linked, cancellationToken).ConfigureAwait(false) is not (var linkedRoot, var linkedModel))
            {
                continue;
            }

            if (!linkedRoot.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null; // the copies' texts differ: no plan can be checked against the other framework
            }

            var copy = Diagnostic.Create(diagnostic.Descriptor, Location.Create(linkedRoot.SyntaxTree, diagnostic.Location.SourceSpan), diagnostic.Properties);
            if (MM0005LazyPlanner.Plan(linkedRoot, linkedModel, copy, cancellationToken).Plan is null)
            {
                return null;
            }
        }

        return plan;
    }

    private static async Task<Document?> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var originalRoot, var originalModel))
        {
            return document;
        }

        // A diagnostic is known again by its type, member and form: two classes of one file may both have a `_cache`.
        var pending = new List<(string? Type, string? Member, string? Form)>();
        foreach (var diagnostic in DiagnosticOrder.InSourceOrder(diagnostics))
        {
            diagnostic.Properties.TryGetValue(MM0005Properties.Member, out var member);
            diagnostic.Properties.TryGetValue(MM0005Properties.Form, out var form);
            pending.Add((TypeOf(originalRoot, originalModel, diagnostic, cancellationToken), member, form));
        }

        foreach (var (type, member, form) in pending)
        {
            // Re-find the diagnostic in the document as the earlier fixes left it.
            if (await Documents.GetRootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not (var root, var model))
            {
                break;
            }

            var current = await FindAsync(root, model, type, member, form, cancellationToken).ConfigureAwait(false);
            if (current is not null && await PlanAsync(document, root, model, current, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                // The other target frameworks' copies take this step too, so the next step's check reads them as edited.
                document = await Documents.WithTextInLinkedCopiesAsync(
                    await MM0005LazyRewriter.ApplyAsync(document, plan, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }

    private static async Task<Diagnostic?> FindAsync(SyntaxNode root, SemanticModel model, string? type, string? member, string? form, CancellationToken cancellationToken)
    {
        var analyzer = new MM0005RacyLazyAsyncInitializationAnalyzer();
        var withAnalyzer = model.Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        var found = await withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in found)
        {
            if (diagnostic.Properties.TryGetValue(MM0005Properties.Member, out var name) && name == member
                && diagnostic.Properties.TryGetValue(MM0005Properties.Form, out var kind) && kind == form
                && TypeOf(root, model, diagnostic, cancellationToken) == type)
            {
                return diagnostic;
            }
        }

        return null;
    }

    /// <summary>The type declaring the code the diagnostic is on, as a display string; null when none is found.</summary>
    private static string? TypeOf(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        => diagnostic.Location.SourceTree == root.SyntaxTree && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } declaration
                ? model.GetDeclaredSymbol(declaration, cancellationToken)?.ToDisplayString()
                : null;
}
