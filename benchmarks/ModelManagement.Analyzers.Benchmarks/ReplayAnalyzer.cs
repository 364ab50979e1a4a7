using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks;

/// <summary>
/// The reporting floor: reports exactly the diagnostics a pre-pass of all MM rules reported on the same syntax trees (the
/// same <see cref="Diagnostic"/> objects), and analyzes nothing. A diagnostic inside a member's executable code is reported
/// from that member's operation-block action, as the rules report theirs (at the end of the block, or from an operation
/// action within it): the driver checks each reported diagnostic against <c>[SuppressMessage]</c> by asking for the symbols
/// declared around it, which for a location in a body means that body's bound tree, and what that costs depends on whether
/// the driver still holds the tree. The rest (a type's or member's declaration) is reported at the compilation's end. Next
/// to the do-nothing floor its cost is what the driver spends on reported diagnostics themselves (the generated-code check,
/// the <c>[SuppressMessage]</c> and <c>#pragma</c> filtering), which any analyzer reporting those diagnostics pays.
/// </summary>
#pragma warning disable RS1036 // instantiated by the benchmark host and a test only (the test project links this file), never loaded by a compiler
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReplayAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1036
{
    private ImmutableDictionary<SyntaxTree, ImmutableArray<Diagnostic>> _byTree = ImmutableDictionary<SyntaxTree, ImmutableArray<Diagnostic>>.Empty;

    /// <param name="descriptors">The descriptors of the rules whose diagnostics are replayed (the driver drops any other ID).</param>
    public ReplayAnalyzer(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        SupportedDiagnostics = descriptors.GroupBy(d => d.Id).Select(g => g.First()).ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The number of diagnostics loaded.</summary>
    public int Count => _byTree.Values.Sum(d => d.Length);

    /// <summary>Sets the diagnostics to replay: those in a source tree, by tree (the benchmark's compilations share their trees).</summary>
    public void Load(IEnumerable<Diagnostic> diagnostics)
    {
        var byTree = diagnostics
            .Where(d => d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());
        Volatile.Write(ref _byTree, byTree);
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var byTree = Volatile.Read(ref _byTree);
            if (byTree.IsEmpty)
            {
                return;
            }

            var reported = new ConcurrentDictionary<Diagnostic, bool>();
            start.RegisterOperationBlockAction(block =>
            {
                if (block.OperationBlocks.IsEmpty || !byTree.TryGetValue(block.OperationBlocks[0].Syntax.SyntaxTree, out var diagnostics))
                {
                    return;
                }

                foreach (var diagnostic in diagnostics)
                {
                    foreach (var operation in block.OperationBlocks)
                    {
                        if (operation.Syntax.Span.Contains(diagnostic.Location.SourceSpan) && reported.TryAdd(diagnostic, true))
                        {
                            block.ReportDiagnostic(diagnostic);
                            break;
                        }
                    }
                }
            });
#pragma warning disable RS1013 // the end action reports what no block claimed: it needs the blocks' record, so it is registered here
            start.RegisterCompilationEndAction(end =>
#pragma warning restore RS1013
            {
                foreach (var diagnostic in byTree.Values.SelectMany(d => d))
                {
                    if (reported.TryAdd(diagnostic, true))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }
}
