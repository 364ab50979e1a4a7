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
/// A new using can only make a simple name ambiguous if the document already spells one of the imported namespace's
/// type names in a lookup position; when it does not (the usual case) the directives are added without binding the
/// document, which keeps the fix fast in large files. Otherwise only those names are bound, before and after, and the
/// directives stay out if more of them are ambiguous afterwards.
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
        var withImports = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (withImports == document)
        {
            return document;
        }

        var typeNames = await NewlyImportedTypeNamesAsync(document, withImports, cancellationToken).ConfigureAwait(false);
        if (typeNames is { Count: 0 })
        {
            return withImports;
        }

        var before = await CountAmbiguitiesAsync(typeNames is null ? document : original ?? document, typeNames, cancellationToken).ConfigureAwait(false);
        var after = await CountAmbiguitiesAsync(withImports, typeNames, cancellationToken).ConfigureAwait(false);
        return after > before ? await WithoutImportRequestsAsync(document, cancellationToken).ConfigureAwait(false) : withImports;
    }

    /// <summary>Drops the add-imports requests so that the code action's own clean-up does not add the directives either.</summary>
    private static async Task<Document> WithoutImportRequestsAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var annotated = root.GetAnnotatedNodesAndTokens(Simplifier.AddImportsAnnotation);
        var nodes = new System.Collections.Generic.List<SyntaxNode>();
        foreach (var item in annotated)
        {
            if (item.AsNode() is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(nodes, static (_, rewritten) => rewritten.WithoutAnnotations(Simplifier.AddImportsAnnotation)));
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

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in before.DescendantNodes())
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
