using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
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
    [InlineData("public class Holder { private class Trace { public bool IsValid { get; set; } } private sealed class Derived : Trace { } }")] // private, but derived inside
    [InlineData("public partial class Holder { private class Trace { public bool IsValid { get; set; } } }")] // another part may derive from it
    [InlineData("public class Holder { private protected class Trace { public bool IsValid { get; set; } } }")] // derived types of Holder see it
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
    [InlineData("public class Holder { private class PropertyValidatorTrace { public bool IsValid { get; private set; } } }")] // RepoDB's tests: never derived
    [InlineData("public class Holder { class Trace { public bool IsValid { get; set; } } class Other : System.Exception { } }")] // private by default
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

        // A library that only takes it (a parameter, as ASP.NET Core MVC names IAntiforgeryValidationFeature) hands none out.
        var taker = await TestCompilations.EmitAsync(
            "namespace Vendor.Audit { public sealed class Recorder { public void Record(Vendor.Screening.ScreeningResult result) { } } }",
            ImmutableArray.Create(library),
            "Vendor.Audit");
        Assert.False(await MayExistAsync(OnlyMethodsAndReads, library, taker));
    }

    [Fact]
    public async Task ALibraryBaseClassNotNamedLikeAVerdict_StaysClosed_UntilAVerdictDerivesFromItOrTheSourceNamesIt()
    {
        // ASP.NET Core's ModelStateDictionary.IsValid (a class others may derive from, named for no verdict) opened the gate
        // in every ASP.NET Core project, and MM0004 bound every member body there (a triage's timings). It counts only once
        // a type deriving from it — directly or through another such class — is named like a verdict, or the source names it.
        var library = await TestCompilations.EmitAsync(
            "namespace Vendor.Binding { public class StateDictionary { public bool IsValid => true; } public class Holder { public StateDictionary State { get; } = new StateDictionary(); } public class ExtendedState : StateDictionary { } public sealed class Snapshot : ExtendedState { } }",
            ImmutableArray<MetadataReference>.Empty,
            "Vendor.Binding");
        Assert.False(await MayExistAsync(OnlyMethodsAndReads, library));
        Assert.True(await MayExistAsync(OnlyMethodsAndReads + "public sealed class Mine : Vendor.Binding.StateDictionary { }", library));

        var derived = await TestCompilations.EmitAsync(
            "namespace Vendor.Rules { public sealed class RuleValidationResult : Vendor.Binding.ExtendedState { } }",
            ImmutableArray.Create(library),
            "Vendor.Rules");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, library, derived));

        var generic = await TestCompilations.EmitAsync(
            "namespace Vendor.Generic { public class Bag<T> { public bool IsValid => true; } }",
            ImmutableArray<MetadataReference>.Empty,
            "Vendor.Generic");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, generic)); // a generic base: derived types name it through a specification
    }

    [Fact]
    public async Task ALibraryVerdictNoOtherAssemblyCanSee_StaysClosed_APublicOneHandedOutOpens()
    {
        // ASP.NET Core's reference assembly keeps RazorComponentEndpointInvoker's private nested RequestValidationState struct
        // (for its layout), and a member of its own type hands it out: its IsValid opened the gate of every ASP.NET Core project.
        const string Library = "namespace Vendor.Endpoints { public sealed class Invoker { private struct RequestValidationState { public bool IsValid; } internal sealed class InternalResult { public bool IsValid => true; } private RequestValidationState Validate() => default; internal InternalResult Check() => null; } }";
        var hidden = await TestCompilations.EmitAsync(Library, ImmutableArray<MetadataReference>.Empty, "Vendor.Endpoints");
        Assert.False(await MayExistAsync(OnlyMethodsAndReads, hidden));

        var visible = await TestCompilations.EmitAsync(Library.Replace("private struct RequestValidationState", "public struct RequestValidationState").Replace("private RequestValidationState Validate", "public RequestValidationState Validate"), ImmutableArray<MetadataReference>.Empty, "Vendor.Endpoints2");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, visible));
    }

    [Fact]
    public async Task AVerdictHandedOutOnlyByMembersNoOtherAssemblyReaches_StaysClosed()
    {
        // ASP.NET Core's IAntiforgeryValidationFeature (a public verdict interface): the only member of the shared framework
        // typed with it is the internal AntiforgeryValidationFeature.Valid, and MVC names it only where it takes one. That
        // kept the gate open in every ASP.NET Core project. A public member returning it still opens it.
        const string Gate = "namespace Vendor.Gate { public interface IGateValidationFeature { bool IsValid { get; } } internal sealed class GateValidationFeature : IGateValidationFeature { public static readonly IGateValidationFeature Valid = new GateValidationFeature(); public bool IsValid => true; } public sealed class Pipeline { internal IGateValidationFeature Last => GateValidationFeature.Valid; private IGateValidationFeature Check() => null; public void Take(IGateValidationFeature feature) { } } }";
        var hidden = await TestCompilations.EmitAsync(Gate, ImmutableArray<MetadataReference>.Empty, "Vendor.Gate");
        Assert.False(await MayExistAsync(OnlyMethodsAndReads, hidden));

        var visible = await TestCompilations.EmitAsync(Gate.Replace("internal IGateValidationFeature Last", "public IGateValidationFeature Last"), ImmutableArray<MetadataReference>.Empty, "Vendor.Gate2");
        Assert.True(await MayExistAsync(OnlyMethodsAndReads, visible));
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

    private const string DeclarationShapes = /* lang=c#-test */ """
        using System;

        public class Open { public bool IsValid; public bool Other, IsSafe; }
        public sealed class Closed { public bool IsValid { get; } }
        public static class Statics { public static bool IsValid; public const bool IsSafe = true; }
        public class OnlyStatic { public static bool IsValid => true; public const bool IsCompliant = false; }
        public struct Plain { public bool IsValid; }
        public struct PlainVerdict { public bool IsValid; }
        public readonly record struct ScanResult(bool IsSafe);
        public record struct Pair(bool IsSafe);
        public record Entry(bool IsValid);
        public sealed record SealedEntry(bool IsValid);
        public sealed record SealedResult(bool IsValid);
        public abstract class Base { public abstract bool IsValid { get; } }
        public interface IShape { bool IsSafe { get; } }
        public interface IShapeResult { bool IsSafe { get; } }
        public interface IStaticResult { static abstract bool IsValid { get; } }
        public class Explicit : IShapeResult { bool IShapeResult.IsSafe => true; } // its name is IShapeResult.IsSafe
        public class Events { public event EventHandler IsValid; public bool this[int i] => true; public bool IsValidNow() => true; }
        public enum Verdicts { IsValid, IsSafe }
        public class V\u0061lidity { public bool IsV\u0061lid => true; }
        public class Outer { public sealed class InnerResult { public bool IsValid; } private class Hidden { bool IsSafe; } }
        public partial class Split { public bool IsValid { get; } }
        public sealed partial class Split { }
        public partial class SplitResult { }
        public static partial class SplitStatic { }
        public static partial class SplitStatic { public static bool IsValid; }
        """;

    [Fact]
    public async Task SyntacticDeclarationAnswer_EqualsTheSymbols_ForEveryTypeAndName()
    {
        // The source is read from its syntax (no symbol is built); the symbols' answer — an instance property or field of
        // that name declared in this part of a type named like a verdict, or of a class neither sealed nor static — must be
        // the same for every part of every type, and only ever smaller for a partial type another part may seal.
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(DeclarationShapes, lines: 8_000);
        var names = ValidationAnalyzerOptions.DefaultValidityMembers
            .AddRange(compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).Where(m => m is IPropertySymbol or IFieldSymbol && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(m.Name)).Select(m => m.Name).Distinct().OrderBy(n => n).Take(60));

        var compared = 0;
        var declared = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var type = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                foreach (var name in names)
                {
                    var one = ImmutableArray.Create(name);
                    var expected = SymbolsDeclare(type, declaration, name);
                    var actual = ValidityMemberReach.DeclaresValidityMember(declaration, one, members: true);
                    if (declaration.Modifiers.Any(m => m.ValueText == "partial"))
                    {
                        Assert.True(actual || !expected, $"{type.Name}.{name}: a partial part found nothing the symbols found");
                    }
                    else
                    {
                        Assert.True(expected == actual, $"{type.Name}.{name}: symbols {expected}, syntax {actual}");
                    }

                    // Without a declared member of the names only positional parameters count.
                    Assert.True(!ValidityMemberReach.DeclaresValidityMember(declaration, one, members: false) || declaration is RecordDeclarationSyntax);
                    compared++;
                    declared += expected ? 1 : 0;
                }
            }
        }

        Assert.True(compared > 2_000, $"only {compared} comparisons");
        Assert.True(declared >= 15, $"only {declared} declarations found");
    }

    [Theory]
    [InlineData("Split", true)] // sealed by its other part: the syntax cannot know, and stays on the safe side
    [InlineData("SplitResult", false)]
    [InlineData("Closed", false)]
    [InlineData("Open", true)]
    [InlineData("Outer", false)] // nested types are their own declarations
    [InlineData("InnerResult", true)]
    [InlineData("Hidden", false)] // private and never derived: no verdict can derive from it
    [InlineData("Validity", true)]
    [InlineData("IStaticResult", false)]
    [InlineData("Explicit", false)]
    [InlineData("Events", false)]
    [InlineData("SealedResult", true)]
    [InlineData("SealedEntry", false)]
    [InlineData("Pair", false)]
    [InlineData("ScanResult", true)]
    public async Task SyntacticDeclarationAnswer_ForEachShape(string typeName, bool expected)
    {
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(DeclarationShapes, lines: 0);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Shapes.cs");
        var declaration = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().First(t => t.Identifier.ValueText == typeName);
        Assert.Equal(expected, ValidityMemberReach.DeclaresValidityMember(declaration, ValidationAnalyzerOptions.DefaultValidityMembers, members: true));
    }

    private static bool SymbolsDeclare(INamedTypeSymbol type, TypeDeclarationSyntax part, string name)
        => (VerdictTypes.HasVerdictWord(type.Name) || (type.TypeKind == TypeKind.Class && !type.IsSealed && !type.IsStatic && !PrivateNestedNeverDerived(type)))
            && type.GetMembers(name).Any(member => member is IPropertySymbol or IFieldSymbol
                && !member.IsStatic
                && (!member.IsImplicitlyDeclared || member.Name != "EqualityContract") // a record's own, never a validity member
                && member.Locations.Any(location => location.SourceTree == part.SyntaxTree && part.Span.Contains(location.SourceSpan)
                    && !part.Members.OfType<BaseTypeDeclarationSyntax>().Any(nested => nested.Span.Contains(location.SourceSpan))));

    /// <summary>The symbols' side of a private nested class nothing inside a non-partial outer type names as a base.</summary>
    private static bool PrivateNestedNeverDerived(INamedTypeSymbol type)
    {
        if (type.DeclaredAccessibility != Accessibility.Private || type.ContainingType is not { } outer
            || outer.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(m => m.ValueText == "partial")))
        {
            return false;
        }

        var pending = new System.Collections.Generic.Stack<INamedTypeSymbol>(outer.GetTypeMembers());
        while (pending.Count > 0)
        {
            var nested = pending.Pop();
            if (nested.BaseType?.Name == type.Name || nested.Interfaces.Any(i => i.Name == type.Name))
            {
                return false;
            }

            foreach (var inner in nested.GetTypeMembers())
            {
                pending.Push(inner);
            }
        }

        return true;
    }

    [Fact]
    public async Task TheSourceNamingALibraryVerdict_IsFound_BehindEscapesInLiteralsAndComments()
    {
        // The scan for the source naming a library's verdict reads a string literal or a comment full of `\u` escapes once
        // (lucenenet's Unicode tables took it about a second); a name spelled with an escape after them still counts.
        var library = await TestCompilations.EmitAsync(HiddenVerdictLibrary, ImmutableArray<MetadataReference>.Empty, "Vendor.Screening");
        const string Escapes = "public static class Table { /* \\u0041 \\u0042 */ public const string Letters = \"\\u0041\\u0042\\u0043\"; public const char Z = '\\u005A'; }\n";
        Assert.False(await MayExistAsync(OnlyMethodsAndReads + Escapes, library));
        Assert.True(await MayExistAsync(
            OnlyMethodsAndReads + Escapes + "public static class Use { public static object Make() => new Vendor.Screening.Screening\\u0052esult(); }", library));
    }

    [Fact]
    public async Task TheSameNamesInAnotherArray_AreAnsweredFromTheCache()
    {
        // Configured names are read per file into new arrays: the per-compilation answer must not be computed per file.
        var compilation = await TestCompilations.CompileAsync(OnlyMethodsAndReads, ImmutableArray<MetadataReference>.Empty, "App");
        var reach = new ValidityMemberReach(compilation);
        var first = reach.AnyMayExist(ImmutableArray.Create("IsCompliant", "IsValid"), CancellationToken.None);
        var second = reach.AnyMayExist(ImmutableArray.Create("IsCompliant", "IsValid"), CancellationToken.None);
        Assert.Equal(first, second);
        Assert.Equal(1, reach.AnsweredNameLists);
        reach.AnyMayExist(ImmutableArray.Create("IsValid", "IsCompliant"), CancellationToken.None);
        Assert.Equal(2, reach.AnsweredNameLists); // another order is another list
    }

    private static async Task<bool> MayExistAsync(string source, params MetadataReference[] libraries)
    {
        var compilation = await TestCompilations.CompileAsync(source, libraries.ToImmutableArray(), "App");
        return new ValidityMemberReach(compilation).AnyMayExist(ValidationAnalyzerOptions.DefaultValidityMembers, CancellationToken.None);
    }
}
