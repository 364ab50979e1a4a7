using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Patterns;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0006CentralizedConcernBypassedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0006;

/// <summary>
/// MM0006's compilation-start gate: with ModelManagement.Patterns referenced (as for every consumer) the rule registers
/// nothing unless some symbol can carry <c>[CentralizedBy]</c>: the source writes the name, or a referenced assembly can.
/// </summary>
public sealed partial class MM0006CentralizedConcernBypassedTests
{
    private static readonly ImmutableArray<CentralizedSymbolsFile> NoFiles = ImmutableArray<CentralizedSymbolsFile>.Empty;

    private static async Task<CSharpCompilation> CompileAsync(string assemblyName, string[] sources, params MetadataReference[] extra)
    {
        var references = await Verifiers.TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            assemblyName,
            sources.Select(source => CSharpSyntaxTree.ParseText(source)),
            references.Add(Verifiers.TestEnvironment.PatternsReference).AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Theory]
    [InlineData("using ModelManagement.Patterns; [CentralizedBy(typeof(P))] class Db { } class P { }")]
    [InlineData("[ModelManagement.Patterns.CentralizedByAttribute(typeof(P))] class Db { } class P { }")]
    [InlineData("using Owned = ModelManagement.Patterns.CentralizedByAttribute; [Owned(typeof(P))] class Db { } class P { }")]
    [InlineData("using ModelManagement.Patterns; [Centr\\u0061lizedBy(typeof(P))] class Db { } class P { }")]
    [InlineData("using ModelManagement.Patterns; [CentralizedB\\u0079Attribute(typeof(P))] class Db { } class P { }")]
    public async Task Gate_SourceThatCanApplyTheAttribute_Indexes(string source)
    {
        var compilation = await CompileAsync("Applies", new[] { "class Other { }", source });
        Assert.True(AttributeMentions.CentralizedBy.AnyIn(compilation, CancellationToken.None));
        Assert.NotNull(CentralizedSymbolIndex.TryCreate(compilation, NoFiles, CancellationToken.None));
    }

    [Fact]
    public async Task Gate_EscapesOutsideIdentifiersAndLookalikeNames_RegisterNothing()
    {
        var source = """
            // caf\u00e9 \U0001F600
            class Text
            {
                const string Accent = "caf\u00e9";
                const char Letter = '\u0041';
                int Caf\u00e9 = 1;
                /// <summary>See \u0041.</summary>
                void Centralized() { }
                int Centralize\u0064 => 0;
                int OwnCentralizedB\u0079 => 0;
            }

            class ModelCentralizedBy { }
            """;
        var compilation = await CompileAsync("Plain", new[] { source });
        Assert.False(AttributeMentions.CentralizedBy.AnyIn(compilation, CancellationToken.None));
        Assert.Null(CentralizedSymbolIndex.TryCreate(compilation, NoFiles, CancellationToken.None));
    }

    [Fact]
    public async Task Gate_ReferencedAssemblyThatReferencesPatterns_Indexes_AndItsCentralizedMemberIsEnforced()
    {
        // A library built against ModelManagement.Patterns can carry the attribute; its consumer writes no
        // "CentralizedBy" and still gets the rule.
        var library = await CompileAsync(
            "HistoryLibrary",
            new[]
            {
                """
                using ModelManagement.Patterns;
                namespace Lib
                {
                    [CentralizedBy(typeof(HistoryProcessor))]
                    public sealed class HistoryDb { public void Insert(string row) { } }
                    public sealed class HistoryProcessor { }
                }
                """,
            });
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        var libraryReference = MetadataReference.CreateFromImage(image.ToArray());

        var consumer = await CompileAsync("Consumer", new[] { "class Narrator { void Tell(Lib.HistoryDb db) => db.Insert(\"a\"); }" }, libraryReference);
        Assert.False(AttributeMentions.CentralizedBy.AnyIn(consumer, CancellationToken.None));
        Assert.NotNull(CentralizedSymbolIndex.TryCreate(consumer, NoFiles, CancellationToken.None));

        var test = new Verify.Test
        {
            TestCode = "public sealed class Narrator { public void Tell(Lib.HistoryDb db) => db.{|#0:Insert|}(\"a\"); }",
        };
        test.TestState.AdditionalReferences.Add(libraryReference);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("HistoryDb.Insert(string)", "'HistoryProcessor'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Gate_AttributeWrittenWithAnEscape_StillEnforced()
    {
        var source = /* lang=c#-test */ """
            using ModelManagement.Patterns;

            [Centr\u0061lizedBy(typeof(DbProcessor))]
            public sealed class Db { public void Insert(string row) { } }
            public sealed class DbProcessor { }
            public sealed class Narrator { public void Tell(Db db) => db.{|#0:Insert|}("a"); }
            """;
        var test = new Verify.Test { TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Db.Insert(string)", "'DbProcessor'"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void Gate_PatternsAssembly_AppliesTheAttributeToNothingOfItsOwn()
    {
        // The gate treats ModelManagement.Patterns as carrying no [CentralizedBy]; this keeps that true.
        var assembly = typeof(CentralizedByAttribute).Assembly;
        Assert.Equal(AttributeReach.PatternsAssemblyName, assembly.GetName().Name);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var carriers = assembly.GetTypes()
            .SelectMany(type => new MemberInfo[] { type }.Concat(type.GetMembers(All)))
            .Where(member => member.GetCustomAttributes(typeof(CentralizedByAttribute), inherit: false).Length > 0)
            .Select(member => member.ToString())
            .ToList();
        Assert.Empty(carriers);
        Assert.NotEmpty(assembly.GetTypes()); // the scan saw the assembly
    }
}
