using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Whether anything in a project could suppress a rule's diagnostics in a type: a fix that must move exactly the sites
/// the build reports runs the rule through the analyzer driver (which applies every suppression form) only when this
/// says one may apply, and otherwise calls the rule's own site function on the document's already bound model — the
/// same sites, without binding the type a second time in the fresh compilation a driver needs.
/// </summary>
/// <remarks>
/// Conservative by construction: it only answers "nothing can suppress here" when there is no severity setting for the
/// rule, its category or all analyzers (compilation options, <c>&lt;NoWarn&gt;</c>, rule sets, .editorconfig, .globalconfig),
/// no <c>#pragma warning</c> that names the rule or no rule at all in the type's files, no
/// <c>SuppressMessage</c>/<c>UnconditionalSuppressMessage</c> naming the rule at assembly or module level, no suppression or
/// <c>GeneratedCode</c> attribute on the type, its members or its containing types, and a single declaration (a part in another
/// file may be generated code).
/// </remarks>
internal static class SuppressionGate
{
    /// <summary>True when a suppression form may silence some of <paramref name="descriptor"/>'s diagnostics in <paramref name="declarations"/> of <paramref name="type"/>.</summary>
    public static bool MayBeSuppressed(
        DiagnosticDescriptor descriptor,
        Project project,
        Compilation compilation,
        INamedTypeSymbol type,
        IReadOnlyList<(TypeDeclarationSyntax Declaration, SemanticModel Model)> declarations,
        CancellationToken cancellationToken)
    {
        if (declarations.Count != 1)
        {
            return true;
        }

        var (declaration, model) = declarations[0];
        var tree = declaration.SyntaxTree;
        return HasSeverityConfiguration(descriptor, project, compilation, tree, cancellationToken)
            || HasPragma(descriptor.Id, tree, cancellationToken)
            || HasAssemblySuppression(descriptor.Id, compilation)
            || HasSuppressingAttribute(type, declaration, model, cancellationToken);
    }

    private static bool HasSeverityConfiguration(DiagnosticDescriptor descriptor, Project project, Compilation compilation, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        if (options.GeneralDiagnosticOption == ReportDiagnostic.Suppress
            || options.WarningLevel == 0
            || options.SpecificDiagnosticOptions.ContainsKey(descriptor.Id))
        {
            return true;
        }

        if (options.SyntaxTreeOptionsProvider is { } treeOptions
            && (treeOptions.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out _)
                || treeOptions.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out _)))
        {
            return true;
        }

        // Bulk settings (dotnet_analyzer_diagnostic.severity, .category-X.severity) reach the driver through the analyzer config options.
        var provider = project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
        var categoryKey = "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity";
        const string allKey = "dotnet_analyzer_diagnostic.severity";
        var fileOptions = provider.GetOptions(tree);
        return fileOptions.TryGetValue(categoryKey, out _) || fileOptions.TryGetValue(allKey, out _)
            || provider.GlobalOptions.TryGetValue(categoryKey, out _) || provider.GlobalOptions.TryGetValue(allKey, out _);
    }

    /// <summary>A <c>#pragma warning</c> anywhere in the file (a pragma's state carries on from where it is written) that names the rule or no rule.</summary>
    private static bool HasPragma(string id, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return false;
        }

        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive is PragmaWarningDirectiveTriviaSyntax pragma && !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.RestoreKeyword))
            {
                if (pragma.ErrorCodes.Count == 0)
                {
                    return true;
                }

                foreach (var code in pragma.ErrorCodes)
                {
                    if (code.ToString().IndexOf(id, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A global suppression (GlobalSuppressions.cs) whose arguments mention the rule's id.</summary>
    private static bool HasAssemblySuppression(string id, Compilation compilation)
    {
        foreach (var attributes in new[] { compilation.Assembly.GetAttributes(), compilation.SourceModule.GetAttributes() })
        {
            foreach (var attribute in attributes)
            {
                if (IsSuppression(attribute.AttributeClass) && Mentions(attribute, id))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Mentions(AttributeData attribute, string id)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string text && text.IndexOf(id, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A suppression or generated-code attribute on the type's containing types, or anywhere in its declaration (members, local functions, lambdas).</summary>
    private static bool HasSuppressingAttribute(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            foreach (var attribute in container.GetAttributes())
            {
                if (IsSuppression(attribute.AttributeClass) || IsGeneratedCode(attribute.AttributeClass))
                {
                    return true;
                }
            }
        }

        foreach (var node in declaration.DescendantNodes())
        {
            if (node is AttributeSyntax attribute
                && model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is var attributeType
                && (attributeType is null || IsSuppression(attributeType) || IsGeneratedCode(attributeType)))
            {
                return true; // an attribute that does not bind may be either
            }
        }

        return false;
    }

    private static bool IsSuppression(INamedTypeSymbol? attribute)
        => attribute is { Name: "SuppressMessageAttribute" or "UnconditionalSuppressMessageAttribute" }
            && attribute.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis";

    private static bool IsGeneratedCode(INamedTypeSymbol? attribute)
        => attribute is { Name: "GeneratedCodeAttribute" } && attribute.ContainingNamespace?.ToDisplayString() == "System.CodeDom.Compiler";
}
