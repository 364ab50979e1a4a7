using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelManagement.Analyzers.Infrastructure;

/// <summary>
/// How the rules that report inside the code they are given treat generated code (MM0001–MM0006). Without
/// <see cref="GeneratedCodeAnalysisFlags.Analyze"/> the driver never gives them generated code: it skips generated files
/// (an <c>&lt;auto-generated&gt;</c> header, <c>*.g.cs</c>/<c>*.designer.cs</c> names, <c>generated_code = true</c>), symbols
/// marked <c>[GeneratedCode]</c>, and members with <c>#line hidden</c> code. Every diagnostic these rules report lies inside
/// the operation, block or node they were given, so the driver's second line of defence — dropping each reported
/// diagnostic that lies in generated code — has nothing to drop, and only costs time: for the first diagnostic of every
/// file it walks all of that file's tokens looking for a <c>GeneratedCode</c> attribute (a tenth of the rules' time on a
/// violation-dense corpus, the whole cost of a file's first report elsewhere). <see cref="Flags"/> keeps the analysis off
/// generated code and that filter off; <c>GeneratedCodeTests</c> pins both halves (files, types and members marked
/// generated, hidden regions). MM0007 (reported on a type's first declaration, which may be a generated part) and MM0008
/// (additional files) keep <see cref="GeneratedCodeAnalysisFlags.None"/>.
/// </summary>
internal static class GeneratedCodeReports
{
    /// <summary>Generated code is not analyzed; the driver does not filter the diagnostics (they never lie in generated code).</summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
