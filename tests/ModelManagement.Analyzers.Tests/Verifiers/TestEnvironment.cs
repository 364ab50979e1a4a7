using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Patterns;

namespace ModelManagement.Analyzers.Tests.Verifiers;

/// <summary>What every test compilation references: .NET 8 reference assemblies and ModelManagement.Patterns.</summary>
internal static class TestEnvironment
{
    public static ReferenceAssemblies ReferenceAssemblies { get; } = ReferenceAssemblies.Net.Net80;

    public static MetadataReference PatternsReference { get; } =
        MetadataReference.CreateFromFile(typeof(SideEffectAttribute).Assembly.Location);

    /// <summary>
    /// A solution transform giving the project an analyzer reference named like StyleCop's (it holds no analyzer: the
    /// fixes only ask whether the project runs StyleCop, as <c>dotnet format</c> loads its references).
    /// </summary>
    public static Solution WithStyleCopAnalyzers(Solution solution, ProjectId projectId)
        => solution.AddAnalyzerReference(projectId, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerImageReference(
            System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty,
            fullPath: "/packages/stylecop.analyzers/1.1.118/analyzers/dotnet/cs/StyleCop.Analyzers.dll",
            display: "StyleCop.Analyzers"));

    /// <summary>The repository root (the folder holding ModelManagement.Analyzers.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ModelManagement.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ModelManagement.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
