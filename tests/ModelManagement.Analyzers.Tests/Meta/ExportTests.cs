using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Meta;

/// <summary>Hosts find analyzers and fixes by their attributes; these tests keep the exports right.</summary>
public sealed class ExportTests
{
    [Fact]
    public void Analyzers_AreSealedCSharpAnalyzers_WithOneRuleEach()
    {
        foreach (var type in ProductAssemblies.AnalyzerTypes)
        {
            Assert.True(type.IsSealed, type.Name + " should be sealed");
            Assert.True(type.IsPublic, type.Name + " should be public");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var id = Assert.Single(analyzer.SupportedDiagnostics).Id;
            Assert.StartsWith(id, type.Name, StringComparison.Ordinal);
            Assert.EndsWith("Analyzer", type.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDescriptor_IsReportedByExactlyOneAnalyzer()
    {
        var supported = ProductAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToArray();
        Assert.Equal(ProductAssemblies.Descriptors.Select(d => d.Id), supported.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void CodeFixes_AreExportedUnderTheirClassName_Shared_WithFixAll()
    {
        Assert.NotEmpty(ProductAssemblies.CodeFixTypes);
        foreach (var type in ProductAssemblies.CodeFixTypes)
        {
            Assert.True(type.IsSealed, type.Name + " should be sealed");
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.Contains(type.GetCustomAttributes(), a => a.GetType().Name == "SharedAttribute");
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fix.GetFixAllProvider());
            var id = Assert.Single(fix.FixableDiagnosticIds);
            Assert.StartsWith(id, type.Name, StringComparison.Ordinal);
            Assert.Contains(id, ProductAssemblies.Descriptors.Select(d => d.Id));
        }
    }
}
