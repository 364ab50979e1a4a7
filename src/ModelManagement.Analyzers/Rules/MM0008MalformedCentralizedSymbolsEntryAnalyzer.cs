using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Infrastructure;

namespace ModelManagement.Analyzers.Rules;

/// <summary>
/// MM0008: a line of a <c>CentralizedSymbols*.txt</c> additional file (MM0006's list) does not parse, or names a
/// symbol or owner type the compilation does not have. Reported at the entry in the file; such a line centralizes nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MM0008MalformedCentralizedSymbolsEntryAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MM0008_MalformedCentralizedSymbolsEntry);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!CentralizedSymbolsFile.AnyIn(start.Options))
            {
                return; // no list: register nothing
            }

            // Parsed through the shared provider, so MM0006 and MM0008 split each file once.
            var files = CentralizedSymbolsFile.ReadAll(start);
            var compilation = start.Compilation;
            start.RegisterAdditionalFileAction(context =>
            {
                foreach (var file in files)
                {
                    if (file.Path == context.AdditionalFile.Path)
                    {
                        Analyze(context, file, compilation);
                    }
                }
            });
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, CentralizedSymbolsFile file, Compilation compilation)
    {
        foreach (var entry in file.Entries)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var problem = CentralizedSymbolsFile.Resolve(entry, compilation, out _, out _, out var unresolvedId);
            if (problem == CentralizedSymbolsProblem.None)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MM0008_MalformedCentralizedSymbolsEntry,
                file.GetLocation(entry),
                entry.Text,
                CentralizedSymbolsFile.Describe(problem, unresolvedId ?? entry.ProblemDetail)));
        }
    }
}
