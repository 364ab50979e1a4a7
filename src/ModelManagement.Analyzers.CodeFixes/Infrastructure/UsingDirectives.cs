using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// The using directives a fix's new names need, found and added without binding the edited document: the names a fix
/// writes are <c>global::</c>-qualified (<see cref="TypeNames"/>), so the namespace of each is read from the original
/// compilation, and whether it is already in scope (a using of the file, an enclosing namespace, a global using) from the
/// original document's bound model. Roslyn's import adder would bind the edited document in a new compilation for the
/// same answer. Files whose using section this cannot extend faithfully (a header comment or a directive where the new
/// using would go) are left to that import adder.
/// </summary>
internal static class UsingDirectives
{
    /// <summary>One namespace to import, and the first type the fix spells from it.</summary>
    internal readonly record struct Request(INamespaceSymbol Namespace, INamedTypeSymbol Type);

    /// <summary>
    /// The namespaces of the <c>global::</c>-rooted names under nodes annotated with <see cref="Simplifier.AddImportsAnnotation"/>
    /// in <paramref name="root"/>, that are not in scope yet; resolved against <paramref name="original"/> (the document's
    /// model before the fix). Null when an annotated name cannot be read this way.
    /// </summary>
    public static List<Request>? MissingImports(CompilationUnitSyntax root, SemanticModel original, CancellationToken cancellationToken)
    {
        var requests = new List<Request>();
        foreach (var annotated in root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation))
        {
            foreach (var node in annotated.DescendantNodesAndSelf())
            {
                if (node is not AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global)
                {
                    continue;
                }

                if (Resolve(global, original.Compilation) is not { } request)
                {
                    return null;
                }

                if (!request.Namespace.IsGlobalNamespace
                    && !HasOwnSyntax(request.Type)
                    && !requests.Any(r => SymbolEqualityComparer.Default.Equals(r.Namespace, request.Namespace))
                    && !InScope(request, annotated, original, cancellationToken))
                {
                    requests.Add(request);
                }
            }
        }

        return requests;
    }

    /// <summary>
    /// <paramref name="root"/> with <c>using N;</c> for each of <paramref name="namespaces"/>, placed like the file's own:
    /// in the using section that exists (the file's, else the one namespace's), in order when the section is sorted
    /// (<c>System</c> first), else after the last plain using — above a <c>#if</c> region of usings, never in it; with the
    /// file's indentation and line ends. Null when the section has a header comment where the new using would go, or
    /// starts with a <c>#if</c> region.
    /// </summary>
    public static CompilationUnitSyntax? TryAdd(CompilationUnitSyntax root, IReadOnlyList<string> namespaces)
    {
        if (namespaces.Count == 0)
        {
            return root;
        }

        var container = Container(root);
        var usings = container switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Usings,
            _ => root.Usings,
        };
        var next = usings.Count > 0 ? usings[usings.Count - 1].GetLastToken().GetNextToken(includeZeroWidth: true) : FirstTokenAfterUsings(root);

        var endOfLine = EndOfLine(root);
        var sorted = namespaces.OrderBy(n => n, NamespaceComparer.SystemFirst).ToList();
        if (usings.Count == 0)
        {
            if (container is not CompilationUnitSyntax || !IsBlank(next.LeadingTrivia))
            {
                return null; // a file header: the new usings would go above it or split it
            }

            for (var i = 0; i < sorted.Count; i++)
            {
                var directive = NewDirective(sorted[i], endOfLine);
                usings = usings.Add(i == sorted.Count - 1 ? directive.WithTrailingTrivia(endOfLine, endOfLine) : directive);
            }
        }
        else
        {
            foreach (var name in sorted)
            {
                var index = InsertionIndex(usings, name);
                var firstConditional = FirstConditional(usings);
                if (index > firstConditional)
                {
                    // A using in a #if region (kafka's `#if NET8_0_OR_GREATER using System.Buffers; #endif`): ours goes
                    // above the region, never into it, where it would exist for one configuration only.
                    index = firstConditional;
                }

                if (index == 0 && firstConditional == 0)
                {
                    return null; // the region opens above the first using: no place outside it in this section
                }

                var neighbor = usings[Math.Min(index, usings.Count - 1)];
                var directive = NewDirective(name, endOfLine).WithLeadingTrivia(Indentation(neighbor));
                if (index == 0)
                {
                    // What stands above the section (a header comment, #nullable) stays above it.
                    directive = directive.WithLeadingTrivia(neighbor.GetLeadingTrivia());
                    usings = usings.Replace(neighbor, neighbor.WithLeadingTrivia(Indentation(neighbor)));
                }

                usings = usings.Insert(index, directive);
            }
        }

        return container switch
        {
            NamespaceDeclarationSyntax ns => root.ReplaceNode(ns, ns.WithUsings(usings)),
            FileScopedNamespaceDeclarationSyntax fileScoped => root.ReplaceNode(fileScoped, fileScoped.WithUsings(usings)),
            _ => root.WithUsings(usings),
        };
    }

    /// <summary>The index of the first using with a <c>#if</c> (or <c>#elif</c>/<c>#else</c>/<c>#endif</c>) before it; the count when none has.</summary>
    private static int FirstConditional(SyntaxList<UsingDirectiveSyntax> usings)
    {
        for (var i = 0; i < usings.Count; i++)
        {
            if (HasConditional(usings[i].GetLeadingTrivia()))
            {
                return i;
            }
        }

        return usings.Count;
    }

    private static UsingDirectiveSyntax NewDirective(string name, SyntaxTrivia endOfLine)
        => SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name).WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(endOfLine);

    private static bool HasConditional(SyntaxTriviaList trivia)
        => trivia.Any(t => t.IsKind(SyntaxKind.IfDirectiveTrivia) || t.IsKind(SyntaxKind.ElifDirectiveTrivia)
            || t.IsKind(SyntaxKind.ElseDirectiveTrivia) || t.IsKind(SyntaxKind.EndIfDirectiveTrivia));

    /// <summary>The namespace and type a <c>global::</c> name spells (the global namespace for its own types: nothing to import); null when it does not resolve.</summary>
    private static Request? Resolve(AliasQualifiedNameSyntax global, Compilation compilation)
    {
        // global::A.B.C (a type name: nested QualifiedNames) or global::A.B.C.M(...) (an expression: member accesses)
        var segments = new List<SimpleNameSyntax> { global.Name };
        for (SyntaxNode current = global; ; )
        {
            switch (current.Parent)
            {
                case QualifiedNameSyntax qualified when qualified.Left == current:
                    segments.Add(qualified.Right);
                    current = qualified;
                    continue;
                case MemberAccessExpressionSyntax access when access.Expression == current:
                    segments.Add(access.Name);
                    current = access;
                    continue;
            }

            break;
        }

        INamespaceSymbol? ns = compilation.GlobalNamespace;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var arity = segment is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : 0;
            var type = ns.GetTypeMembers(segment.Identifier.ValueText, arity).FirstOrDefault();
            if (type is not null)
            {
                return new Request(ns, type);
            }

            ns = arity == 0 ? ns.GetNamespaceMembers().FirstOrDefault(n => n.Name == segment.Identifier.ValueText) : null;
            if (ns is null)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True when the simple name of the request's type already means that type in the file (so nothing is added).</summary>
    private static bool InScope(Request request, SyntaxNode annotated, SemanticModel original, CancellationToken cancellationToken)
    {
        var name = request.Namespace.ToDisplayString();
        foreach (var ancestor in annotated.AncestorsAndSelf())
        {
            if (ancestor is BaseNamespaceDeclarationSyntax declaration)
            {
                var declared = declaration.Name.ToString();
                if (declared == name || declared.StartsWith(name + ".", StringComparison.Ordinal))
                {
                    return true;
                }

                if (declaration.Usings.Any(u => IsPlainImportOf(u, name)))
                {
                    return true;
                }
            }
            else if (ancestor is CompilationUnitSyntax unit && unit.Usings.Any(u => IsPlainImportOf(u, name)))
            {
                return true;
            }
        }

        // Global usings (of any file) and the file's own, as the original model sees them at file scope: at the end of the
        // file, not at its start — inside a using directive the binder sees no imports at all, global ones included.
        cancellationToken.ThrowIfCancellationRequested();
        var fileScope = ((CompilationUnitSyntax)original.SyntaxTree.GetRoot(cancellationToken)).EndOfFileToken.SpanStart;
        foreach (var symbol in original.LookupNamespacesAndTypes(fileScope, container: null, name: request.Type.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, request.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/>'s plain name at <paramref name="position"/> would name it once its namespace is
    /// imported: nothing else of that name (a member, a type of the code's own or an enclosing namespace, a local or
    /// parameter) is in scope there. Otherwise the simplifier keeps the qualified name, and a using added for it would stay
    /// unused (IDE0005).
    /// </summary>
    public static bool PlainNameWouldBind(SemanticModel model, int position, INamedTypeSymbol type)
    {
        foreach (var symbol in model.LookupSymbols(position, name: type.Name))
        {
            if (!SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, type.OriginalDefinition))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Types the simplifier writes without their namespace: keywords (<c>int</c>, <c>string</c>), tuples, <c>T?</c>.</summary>
    private static bool HasOwnSyntax(INamedTypeSymbol type)
        => type.SpecialType != SpecialType.None
            || type.IsTupleType
            || (type.Name is "ValueTuple" or "Nullable" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });

    private static bool IsPlainImportOf(UsingDirectiveSyntax directive, string name)
        => directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.Name?.ToString() == name;

    /// <summary>Where new usings go: the file's using section, else that of the file's only namespace when it has one, else the file.</summary>
    private static SyntaxNode Container(CompilationUnitSyntax root)
    {
        if (root.Usings.Count > 0)
        {
            return root;
        }

        var namespaces = root.Members.OfType<BaseNamespaceDeclarationSyntax>().ToList();
        return namespaces.Count == 1 && namespaces[0].Usings.Count > 0 ? namespaces[0] : root;
    }

    private static int InsertionIndex(SyntaxList<UsingDirectiveSyntax> usings, string name)
    {
        var firstAllowed = 0;
        var plain = new List<int>();
        for (var i = 0; i < usings.Count; i++)
        {
            if (usings[i].GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            {
                firstAllowed = i + 1; // global usings must come first
            }
            else if (usings[i].Alias is null && !usings[i].StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && usings[i].Name is not null)
            {
                plain.Add(i);
            }
        }

        plain.RemoveAll(i => i < firstAllowed);
        if (plain.Count == 0)
        {
            return firstAllowed;
        }

        // A section sorted System-first, or plainly alphabetically, gets the new using in its place; any other order, at the end.
        foreach (var comparer in new[] { NamespaceComparer.SystemFirst, NamespaceComparer.Alphabetical })
        {
            if (IsSortedBy(usings, plain, comparer))
            {
                foreach (var i in plain)
                {
                    if (comparer.Compare(name, usings[i].Name!.ToString()) < 0)
                    {
                        return i;
                    }
                }

                break;
            }
        }

        return plain[plain.Count - 1] + 1;
    }

    private static bool IsSortedBy(SyntaxList<UsingDirectiveSyntax> usings, List<int> plain, NamespaceComparer comparer)
    {
        for (var i = 1; i < plain.Count; i++)
        {
            if (comparer.Compare(usings[plain[i - 1]].Name!.ToString(), usings[plain[i]].Name!.ToString()) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static SyntaxToken FirstTokenAfterUsings(CompilationUnitSyntax root)
        => root.Members.Count > 0 ? root.Members[0].GetFirstToken() : root.EndOfFileToken;

    private static bool IsBlank(SyntaxTriviaList trivia)
        => trivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static SyntaxTriviaList Indentation(UsingDirectiveSyntax neighbor)
    {
        var leading = neighbor.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.CarriageReturnLineFeed;
    }

    /// <summary>The orders of sorted using sections: <c>System</c> and <c>System.*</c> first (Visual Studio's default), or plainly alphabetical; ordinal, case-insensitive.</summary>
    private sealed class NamespaceComparer : IComparer<string>
    {
        public static readonly NamespaceComparer SystemFirst = new(systemFirst: true);
        public static readonly NamespaceComparer Alphabetical = new(systemFirst: false);

        private readonly bool _systemFirst;

        private NamespaceComparer(bool systemFirst) => _systemFirst = systemFirst;

        public int Compare(string? x, string? y)
        {
            if (_systemFirst)
            {
                var xSystem = IsSystem(x!);
                var ySystem = IsSystem(y!);
                if (xSystem != ySystem)
                {
                    return xSystem ? -1 : 1;
                }
            }

            return string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
    }
}
