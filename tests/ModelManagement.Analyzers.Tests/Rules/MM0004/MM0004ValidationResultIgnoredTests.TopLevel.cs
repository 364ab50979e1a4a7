using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0004ValidationResultIgnoredCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>
/// A top-level program (the default template of workers and minimal APIs): the statement holding the call is a top-level
/// statement, and the fix writes top-level statements again. A shapes round found it reported with no fix and no reason.
/// </summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task Throw_TopLevelStatement_WritesTopLevelStatements_KeepingTheComment()
    {
        var source = /* lang=c#-test */ """
            using System;
            using Domain;

            var checker = new Checker();
            var story = args.Length > 0 ? args[0] : "a story";
            [|checker.Validator.Validate(story)|]; // the headline goes out
            Console.WriteLine(story);

            sealed class Checker
            {
                public IStoryValidator Validator { get; } = null!;
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System;
            using Domain;

            var checker = new Checker();
            var story = args.Length > 0 ? args[0] : "a story";
            var validation = checker.Validator.Validate(story); // the headline goes out
            if (!validation.IsValid)
            {
                throw new InvalidOperationException("Validation failed: Validate rejected the content.");
            }

            Console.WriteLine(story);

            sealed class Checker
            {
                public IStoryValidator Validator { get; } = null!;
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Fallback, // no fallback fits a program: the throw carries the fallback's key
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Domain.cs", Domain));
        test.FixedState.Sources.Add(("/0/Domain.cs", Domain));
        await test.RunAsync(CancellationToken.None);
    }
}
