using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the packed analyzer assemblies ship (read through <see cref="PackedComponents"/>, against Roslyn 4.8): the rule
/// IDs the exported analyzers support and the exported code fixes. The consumer tests expect diagnostics only for rules
/// shipped here; PackageLayoutTests require every analyzer and fix in the sources to be shipped, so a rule lost on the
/// way into the package never passes unasserted.
/// </summary>
internal sealed class PackagedRules
{
    private PackagedRules(IReadOnlyCollection<string> analyzerIds, IReadOnlyList<PackagedFix> fixes)
    {
        AnalyzerIds = analyzerIds;
        Fixes = fixes;
    }

    /// <summary>IDs supported by exported C# analyzers.</summary>
    public IReadOnlyCollection<string> AnalyzerIds { get; }

    /// <summary>Exported code fix providers.</summary>
    public IReadOnlyList<PackagedFix> Fixes { get; }

    public static PackagedRules Inspect(NuGetPackage package)
    {
        using var components = PackedComponents.Load(package);
        var analyzerIds = new SortedSet<string>(
            components.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id),
            StringComparer.Ordinal);
        var fixes = components.Fixes
            .Select(f => new PackagedFix(f.GetType().Name, f.FixableDiagnosticIds.ToArray(), f.GetFixAllProvider() is not null))
            .ToList();
        return new PackagedRules(analyzerIds, fixes);
    }
}
