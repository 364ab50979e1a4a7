using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Adds the using directives requested by <see cref="Simplifier.AddImportsAnnotation"/>, unless one of them would make
/// a name the document already uses ambiguous (CS0104) — e.g. the user's own <c>OptionalDependencyAttribute</c> next to
/// ModelManagement.Patterns'. Then the document keeps fully qualified names instead: a fix never breaks compiling code.
/// The directives themselves are found and placed by <see cref="UsingDirectives"/> from the original document's bound
/// model, without binding the edited document (Roslyn's import adder, which does, is the fallback for using sections it
/// cannot extend). A new using can only make a simple name ambiguous if the document already spells one of the imported
/// namespace's type names in a lookup position; when it does not (the usual case) nothing more is bound. Otherwise only
/// those names are bound, before and after, and the directives stay out if more of them are ambiguous afterwards.
/// </summary>
internal static class SafeImportAdder
{
    private const string AmbiguousReferenceId = "CS0104";

    /// <summary>
    /// Adds the requested directives to <paramref name="document"/> unless one would make a name ambiguous.
    /// <paramref name="original"/> is the document before the fix (its bound model is reused to count the ambiguities
    /// that already existed: the fix writes new type names qualified, so it adds no simple name of its own).
    /// </summary>
    public static async Task<Document> AddImportsAsync(Document document, Document? original, CancellationToken cancellationToken)
    {
        if (await AddWithoutBindingAsync(document, original, cancellationToken).ConfigureAwait(false) is { } added)
        {
            var (withImports, imported) = added;
            if (imported.Count == 0)
            {
                return withImports;
            }

            var names = await SpelledTypeNamesAsync(document, imported, cancellationToken).ConfigureAwait(false);
            return names.Count == 0 ? withImports : await UnlessAmbiguousAsync(document, original, withImports, names, cancellationToken).ConfigureAwait(false);
        }

        // Roslyn's import adder (binds the edited document): for files whose using section UsingDirectives cannot extend.
        var roslynImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (roslynImports == document)
        {
            return document;
        }

        var typeNames = await NewlyImportedTypeNamesAsync(document, roslynImports, cancellationToken).ConfigureAwait(false);
        return typeNames is { Count: 0 } ? roslynImports : await UnlessAmbiguousAsync(document, typeNames is null ? document : original, roslynImports, typeNames, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The document with the using directives its new names need, added by <see cref="UsingDirectives"/> from the original
    /// document's bound model (the edited one is not bound), and the namespaces added; null when that cannot be done.
    /// The add-imports requests are dropped either way, so the code action's clean-up does not bind the document for them.
    /// </summary>
    private static async Task<(Document Document, List<INamespaceSymbol> Imported)?> AddWithoutBindingAsync(Document document, Document? original, CancellationToken cancellationToken)
    {
        if (original is null
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return null;
        }

        if (UsingDirectives.MissingImports(root, model, cancellationToken) is not { } missing)
        {
            return null;
        }

        var names = new List<string>(missing.Count);
        var imported = new List<INamespaceSymbol>(missing.Count);
        foreach (var request in missing)
        {
            names.Add(request.Namespace.ToDisplayString());
            imported.Add(request.Namespace);
        }

        if (UsingDirectives.TryAdd(root, names) is not { } added)
        {
            return null;
        }

        return (document.WithSyntaxRoot(WithoutImportRequests(added)), imported);
    }

    /// <summary>
    /// <paramref name="withImports"/> unless it has more CS0104 errors among <paramref name="names"/> than the document had before
    /// (<paramref name="original"/>'s bound model counts those; the fix writes its own names qualified); then the document
    /// without the new directives.
    /// </summary>
    private static async Task<Document> UnlessAmbiguousAsync(Document document, Document? original, Document withImports, HashSet<string>? names, CancellationToken cancellationToken)
    {
        var before = await CountAmbiguitiesAsync(original ?? document, names, cancellationToken).ConfigureAwait(false);
        var after = await CountAmbiguitiesAsync(withImports, names, cancellationToken).ConfigureAwait(false);
        return after > before ? await WithoutImportRequestsAsync(document, cancellationToken).ConfigureAwait(false) : withImports;
    }

    /// <summary>The type names of <paramref name="imported"/> that <paramref name="document"/> spells as simple names in a lookup position.</summary>
    private static async Task<HashSet<string>> SpelledTypeNamesAsync(Document document, List<INamespaceSymbol> imported, CancellationToken cancellationToken)
    {
        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in imported)
        {
            foreach (var type in ns.GetTypeMembers())
            {
                typeNames.Add(type.Name);
            }
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? typeNames : UsedNames(root, typeNames);
    }

    /// <summary>Drops the add-imports requests so that the code action's own clean-up does not add the directives either.</summary>
    private static async Task<Document> WithoutImportRequestsAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(WithoutImportRequests(root));
    }

    private static SyntaxNode WithoutImportRequests(SyntaxNode root)
    {
        var annotated = root.GetAnnotatedNodesAndTokens(Simplifier.AddImportsAnnotation);
        var nodes = new System.Collections.Generic.List<SyntaxNode>();
        foreach (var item in annotated)
        {
            if (item.AsNode() is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes.Count == 0 ? root : root.ReplaceNodes(nodes, static (_, rewritten) => rewritten.WithoutAnnotations(Simplifier.AddImportsAnnotation));
    }

    /// <summary>
    /// The type names of the namespaces <paramref name="withImports"/> newly imports that <paramref name="document"/> spells as
    /// simple names in a lookup position (outside qualified names and member accesses): only those can become ambiguous.
    /// Null when the new directives are not plain namespace imports (then every name is checked).
    /// </summary>
    private static async Task<HashSet<string>?> NewlyImportedTypeNamesAsync(Document document, Document withImports, CancellationToken cancellationToken)
    {
        var before = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var after = await withImports.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var compilation = await withImports.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (before is null || after is null || compilation is null)
        {
            return null;
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in before.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            existing.Add(directive.ToString());
        }

        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in after.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (existing.Contains(directive.ToString()))
            {
                continue;
            }

            if (directive.Alias is not null || directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword)
                || directive.Name is null || FindNamespace(compilation.GlobalNamespace, directive.Name.ToString()) is not { } imported)
            {
                return null; // not a plain namespace import: check every name
            }

            foreach (var type in imported.GetTypeMembers())
            {
                typeNames.Add(type.Name);
            }
        }

        return UsedNames(before, typeNames);
    }

    /// <summary>The names among <paramref name="typeNames"/> (or their attribute short forms) that <paramref name="root"/> spells as simple names in a lookup position.</summary>
    private static HashSet<string> UsedNames(SyntaxNode root, HashSet<string> typeNames)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            if (node is SimpleNameSyntax name && IsCandidate(name, typeNames))
            {
                used.Add(name.Identifier.ValueText);
            }
        }

        return used;
    }

    private static bool IsCandidate(SimpleNameSyntax name, HashSet<string> typeNames)
        => !IsQualifiedRight(name)
            && (typeNames.Contains(name.Identifier.ValueText) || typeNames.Contains(name.Identifier.ValueText + "Attribute"));

    private static bool IsQualifiedRight(SimpleNameSyntax name)
        => name.Parent switch
        {
            QualifiedNameSyntax qualified => qualified.Right == name,
            AliasQualifiedNameSyntax alias => alias.Name == name,
            MemberAccessExpressionSyntax access => access.Name == name,
            MemberBindingExpressionSyntax => true,
            _ => false,
        };

    private static INamespaceSymbol? FindNamespace(INamespaceSymbol global, string dottedName)
    {
        var current = global;
        foreach (var part in dottedName.Replace("global::", string.Empty).Split('.'))
        {
            INamespaceSymbol? next = null;
            foreach (var member in current.GetNamespaceMembers())
            {
                if (member.Name == part.Trim())
                {
                    next = member;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// CS0104 errors of the document: of every name when <paramref name="names"/> is null, else only of the simple names
    /// spelled like one of <paramref name="names"/> (each bound on its own, so the rest of the document is not bound).
    /// </summary>
    private static async Task<int> CountAmbiguitiesAsync(Document document, HashSet<string>? names, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return 0;
        }

        var count = 0;
        if (names is null)
        {
            foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
            {
                if (diagnostic.Id == AmbiguousReferenceId)
                {
                    count++;
                }
            }

            return count;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return 0;
        }

        foreach (var node in root.DescendantNodes())
        {
            if (node is SimpleNameSyntax name
                && names.Contains(name.Identifier.ValueText)
                && !IsQualifiedRight(name)
                && IsAmbiguous(model, name, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsAmbiguous(SemanticModel model, SimpleNameSyntax name, CancellationToken cancellationToken)
        => model.GetSymbolInfo(name, cancellationToken).CandidateReason == CandidateReason.Ambiguous
            || model.GetTypeInfo(name, cancellationToken).Type is IErrorTypeSymbol { CandidateReason: CandidateReason.Ambiguous };
}
