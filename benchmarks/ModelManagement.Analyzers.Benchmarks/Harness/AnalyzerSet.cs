using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Benchmarks.Harness;

/// <summary>What one measurement runs on top of the compiler: nothing, the floor, ours, or a peer package.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Group">ours, our rule, over floor (ours next to the floor), floor, peer or compile.</param>
/// <param name="Analyzers">The analyzers; empty for compile-only.</param>
internal sealed record AnalyzerSet(string Name, string Group, ImmutableArray<DiagnosticAnalyzer> Analyzers)
{
    public const string CompileGroup = "compile";
    public const string FloorGroup = "floor";
    public const string OursGroup = "ours";
    public const string OurRuleGroup = "our rule";
    public const string MarginalGroup = "over floor";
    public const string PeerGroup = "peer";

    public bool IsCompileOnly => Analyzers.IsDefaultOrEmpty;
}
