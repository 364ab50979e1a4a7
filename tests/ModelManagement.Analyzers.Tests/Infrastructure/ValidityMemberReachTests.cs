using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// <see cref="ValidityMemberReach"/> closes MM0004's name gate only where no verdict type can reach a call's result: the
/// framework's own members of those names (<c>CLSCompliantAttribute.IsCompliant</c>, <c>DataflowMessageHeader.IsValid</c>),
/// methods and reads of the names do not open it; a declaration a verdict may have, a library that hands a verdict out,
/// a second library or the source naming a library's verdict, do.
/// </summary>
public sealed class ValidityMemberReachTests
{
    private const string OnlyMethodsAndReads = /* lang=c#-test */ """
        using System.Collections.Generic;

        public abstract class Block
        {
            public abstract bool IsValid(out string error); // a method of that name declares no member
        }

        public sealed class Tokenizer
        {
            // IsValid in a comment, "IsSafe" in a string
            public string Note = "IsSafe";

            public bool Check(Block block) => block.IsValid(out _);

            public bool Read(dynamic results) => results.IsValid; // a read: the member is declared elsewhere

            public void Local()
            {
                var IsSafe = true;
                System.Console.WriteLine(IsSafe);
            }
        }

        public struct Point { public bool IsValid; }

        public sealed class Widget { public bool IsCompliant { get; } }

        public static class Flags { public static bool Compliant; }

        public interface IShape { bool IsSafe { get; } }

        public readonly record struct Span(bool IsValid);
        """;

    private const string HiddenVerdictLibrary = /* lang=c#-test */ """
        namespace Vendor.Screening
        {
            public sealed class ScreeningResult
            {
                public bool IsSafe { get; init; }
            }

            public sealed class Sink
            {
                public void Take(ScreeningResult result) { }
            }
        }
        """;

    [Fact]
    public async Task OnlyMethodsReadsAndTheFrameworksOwnMembers_NoVerdictMayExist()
    {
        // The .NET 8 reference assemblies hold CLSCompliantAttribute.IsCompliant (sealed, not named like a verdict) and
        // DataflowMessageHeader.IsValid (named like one, but no dataflow member returns a header).
        Assert.False(await MayExistAsync(OnlyMethodsAndReads));
    }

    [Theory]
    [InlineData("public sealed class StoryVerdict { public bool IsSafe { get; init; } }")]
    [InlineData("public class Checked { public bool IsValid { get; set; } }")] // a base a verdict may derive from
    [InlineData("public sealed class Outcome { public bool Compliant; }")]
    [InlineData("public sealed record CheckResult(bool IsCompliant);")]
    [InlineData("namespace Inner { public class Holder { public record Entry(bool IsValid); } }")] // nested, unsealed: a verdict may derive from it
    [InlineData("namespace Inner; public readonly record struct ScanResult(bool IsSafe);")]
    [InlineData("public sealed class GateOutcome { public bool IsV\\u0061lid => true; }")] // names are read as the compiler reads them
    [InlineData("public sealed class Relay { public System.Threading.Tasks.Dataflow.DataflowMessageHeader Last; }")] // names a library's verdict
    public async Task ADeclarationAVerdictMayHave_OrALibraryVerdictNamed_Opens(string declaration)
    {
        Assert.True(await MayExistAsync(OnlyMethodsAndReads + declaration));
    }

    [Theory]
    [InlineData("public sealed class Scan { public bool IsValid { get; } }")]
    [InlineData("public sealed class Scan { public static bool IsValid => true; }")]
    [InlineData("public sealed class Gadget { public bool IsV\\u0061lid => true; }")]
    [InlineData("namespace Inner { public static class Holder { public sealed record Point(bool IsValid); } }")]
    [InlineData("public record Entry(bool IsValidated);")]
    public async Task AMemberNoVerdictCanHave_StaysClosed(string declaration)
    {
        Assert.False(await MayExistAsync(OnlyMethodsAndReads + declaration));
    }

    [Theory]
    [InlineData("public ModerationOutcome Check(string text) => new ModerationOutcome();")]
    [InlineData("public System.Threading.Tasks.Task<ModerationOutcome> CheckAsync(string text) => System.Threading.Tasks.Task.FromResult(new ModerationOutcome());")]
    [InlineData("public bool TryCheck(string text, out ModerationOutcome outcome) { outcome = new ModerationOutcome(); return true; }")]
    [InlineData("public ModerationOutcome Last { get; } = new ModerationOutcome();")]
    public async Task ALibraryHandingOutItsVerdict_Opens(string member)
    {
        var library = await TestCompilations.EmitAsync(
            "namespace Vendor { public sealed class ModerationOutcome { public bool IsSafe { get; init; } } public sealed class Moderator { " + member + " } }",
            ImmutableArray<MetadataReference>.Empty,
            "Vendor.Moderation");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, library));
    }

    [Fact]
    public async Task ALibraryVerdictOnlyTakenByItsLibrary_StaysClosed_UntilTheSourceOrAnotherLibraryNamesIt()
    {
        var library = await TestCompilations.EmitAsync(HiddenVerdictLibrary, ImmutableArray<MetadataReference>.Empty, "Vendor.Screening");
        Assert.False(await MayExistAsync(OnlyMethodsAndReads, library));
        Assert.True(await MayExistAsync(OnlyMethodsAndReads + "public static class Use { public static object Make() => new Vendor.Screening.ScreeningResult(); }", library));

        var second = await TestCompilations.EmitAsync(
            "namespace Vendor.Gate { public sealed class Screener { public Vendor.Screening.ScreeningResult Screen(string s) => new Vendor.Screening.ScreeningResult(); } }",
            ImmutableArray.Create(library),
            "Vendor.Gate");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, library, second));
    }

    [Fact]
    public async Task ConfiguredValidityMembers_AreTheNamesLookedFor()
    {
        var compilation = await TestCompilations.CompileAsync(
            OnlyMethodsAndReads + "public sealed class HealthReport { public bool Healthy { get; } }",
            ImmutableArray<MetadataReference>.Empty,
            "App");
        var reach = new ValidityMemberReach(compilation);
        Assert.False(reach.AnyMayExist(ValidationAnalyzerOptions.DefaultValidityMembers, CancellationToken.None));
        Assert.True(reach.AnyMayExist(ImmutableArray.Create("Healthy"), CancellationToken.None));
        Assert.False(reach.AnyMayExist(ImmutableArray<string>.Empty, CancellationToken.None));
    }

    private static async Task<bool> MayExistAsync(string source, params MetadataReference[] libraries)
    {
        var compilation = await TestCompilations.CompileAsync(source, libraries.ToImmutableArray(), "App");
        return new ValidityMemberReach(compilation).AnyMayExist(ValidationAnalyzerOptions.DefaultValidityMembers, CancellationToken.None);
    }
}
