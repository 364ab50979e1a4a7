using System.Collections.Generic;

namespace ModelManagement.Analyzers.EndToEnd.Tests.Infrastructure;

/// <summary>An exported code fix provider found in the package.</summary>
/// <param name="TypeName">The provider's class name.</param>
/// <param name="FixableIds">Its FixableDiagnosticIds.</param>
/// <param name="HasFixAll">Whether it returns a Fix All provider; <c>dotnet format</c> silently skips fixers without one.</param>
internal sealed record PackagedFix(string TypeName, IReadOnlyList<string> FixableIds, bool HasFixAll);
