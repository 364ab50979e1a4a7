using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Robustness;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// MM0004 decides from syntax and symbols before it asks for an operation. Those pre-filters must never drop a call the
/// operation-based judgement would look at: checked here on every invocation of the generated corpus and of a file of
/// unusual shapes, against <c>GetUsage</c>, <c>Classify</c> and <c>FindOutVerdict</c>.
/// </summary>
public sealed class MM0004PreFilterTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Shapes
        {
            public sealed class Report { public bool IsValid { get; init; } }

            public sealed class Checker
            {
                public Report Validate(string s) => new Report();
                public Task<Report> ValidateAsync(string s) => Task.FromResult(new Report());
                public bool TryValidate(string s, out Report report) { report = new Report(); return true; }
                public bool TryValidateName(string s, out string error) { error = ""; return true; }
                public void Screen(string s, out Report report) => report = new Report();
                public Report Build(string s) => new Report();

                public async Task<string> RunAsync(string s)
                {
                    Validate(s);
                    _ = Validate(s);
                    var a = (Validate(s));
                    Report b;
                    b = (Report)Validate(s)!;
                    var c = await ValidateAsync(s).ConfigureAwait(false);
                    if (Validate(s) is { IsValid: false } bad) return s;
                    switch (Validate(s)) { case { IsValid: true }: break; }
                    var d = Validate(s) switch { { IsValid: true } => 1, _ => 0 };
                    for (Validate(s); s.Length > 3; Validate(s)) { s = s.Substring(1); }
                    TryValidate(s, out var e);
                    if (!TryValidateName(s, out var nameError)) return nameError;
                    if (TryValidate(s, out var report) && report.IsValid) return s;
                    Screen(s, out _);
                    Func<string, Report> f = x => Validate(x);
                    Action<string> g = x => Validate(x);
                    Console.WriteLine(Validate(s).IsValid && Build(s).IsValid);
                    return Validate(s).IsValid ? s : Build(s).ToString();
                }

                public Report Arrow(string s) => Validate(s);

                public void VoidArrow(string s) => Validate(s);
            }
        }
        """;

    [Fact]
    public async Task EveryCallTheOperationJudgementWouldLookAt_PassesThePreFilters()
    {
        var trees = RobustnessHarness.CorpusSample(8_000)
            .Select(file => RobustnessHarness.Parse(file.Text, file.Path))
            .Append(RobustnessHarness.Parse(Shapes, "Shapes.cs"));
        var compilation = await RobustnessHarness.CompileAsync(trees);
        var classifier = new ValidationCallClassifier(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty).AnalyzerConfigOptionsProvider);

        var candidates = 0;
        var validations = 0;
        var outOnlyStopped = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var options = classifier.GetOptions(tree);
            foreach (var syntax in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(syntax) is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                var hasOut = ValidationCallClassifier.HasOutParameter(method);
                var resultMayBeIgnored = MM0004ValidationResultIgnoredAnalyzer.MayBeIgnoredResult(syntax);
                var usage = MM0004ValidationResultIgnoredAnalyzer.GetUsage(invocation, out _, out _);
                if (usage != MM0004ValidationResultIgnoredAnalyzer.Usage.Used)
                {
                    candidates++;
                    Assert.True(resultMayBeIgnored, "usage filter dropped: " + syntax + " in " + tree.FilePath);
                }

                if (hasOut)
                {
                    Assert.True(MM0004ValidationResultIgnoredAnalyzer.HasOutArgument(syntax), "out filter dropped: " + syntax + " in " + tree.FilePath);
                }

                // What AnalyzeInvocation looks past its first returns: a validation call whose value may be unread, or any
                // call with an out verdict (read or not). The symbol filter, told what the syntax says of the value, keeps both.
                var outVerdict = hasOut && classifier.FindOutVerdict(invocation, options, CancellationToken.None).Exists;
                if ((usage != MM0004ValidationResultIgnoredAnalyzer.Usage.Used && classifier.Classify(invocation, options, CancellationToken.None).IsValidation)
                    || outVerdict)
                {
                    validations++;
                    Assert.True(classifier.MayBeValidation(method, options, resultMayBeIgnored, CancellationToken.None), "symbol filter dropped: " + syntax + " in " + tree.FilePath);
                    Assert.True(
                        classifier.MayBeValidationByName(MM0004ValidationResultIgnoredAnalyzer.CalleeName(syntax), options, CancellationToken.None),
                        "name gate dropped: " + syntax + " in " + tree.FilePath);
                    Assert.Equal(method, model.GetSymbolInfo(syntax).Symbol, SymbolEqualityComparer.Default);
                }
                else if (!resultMayBeIgnored && hasOut && classifier.Classify(invocation, options, CancellationToken.None).IsValidation)
                {
                    // `if (TryValidate(s, out var e))`: the value is read and the out type is no verdict, so nothing can be
                    // ignored, and the filter stops the call before its operation is asked for.
                    outOnlyStopped++;
                    Assert.False(classifier.MayBeValidation(method, options, resultMayBeIgnored, CancellationToken.None), "out-only call kept: " + syntax);
                }
            }
        }

        // The corpus and the shapes file hold both kinds; a generator change that removed them would make this vacuous.
        Assert.True(candidates >= 20, $"only {candidates} candidate calls");
        Assert.True(validations >= 20, $"only {validations} validation calls");
        Assert.True(outOnlyStopped >= 1, "no read call with a non-verdict out argument");
    }
}
