using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Tests.Verifiers;

/// <summary>Every analyzer and code fix the package ships, found by reflection so new rules join the shared tests automatically.</summary>
internal static class ProductAssemblies
{
    public static Assembly Analyzers { get; } = typeof(DiagnosticIds).Assembly;

    public static Assembly CodeFixes { get; } = Assembly.Load("ModelManagement.Analyzers.CodeFixes");

    public static IReadOnlyList<Type> AnalyzerTypes { get; } = Analyzers.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<Type> CodeFixTypes { get; } = CodeFixes.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
        => AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateCodeFixes()
        => CodeFixTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>All descriptors declared in <c>Descriptors</c>.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticIds).Assembly
        .GetType("ModelManagement.Analyzers.Descriptors", throwOnError: true)!
        .GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();
}
