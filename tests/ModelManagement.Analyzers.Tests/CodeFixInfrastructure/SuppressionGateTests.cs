using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>
/// The gate that lets a fix skip the analyzer driver: it must see every form that could suppress the rule in the type
/// (else the fix would move a silenced site), and nothing else (else the fix would be slow for no reason).
/// </summary>
public sealed class SuppressionGateTests
{
    private const string Plain = """
        using System.Threading.Tasks;
        public class C
        {
            private readonly int _n;
            public C(Task<int> t) { _n = t.Result; }
            public int N => _n;
        }
        """;

    [Theory]
    [InlineData(Plain)]
    [InlineData("#pragma warning disable CS0168\n" + Plain)]
    [InlineData("#pragma warning restore MM0001\n" + Plain)]
    [InlineData("#nullable enable\n" + Plain)]
    public async Task NothingThatCouldSuppressTheRule_IsNotASuppression(string source)
        => Assert.False(await MayBeSuppressedAsync(source));

    [Theory]
    [InlineData("#pragma warning disable MM0001\n" + Plain)]
    [InlineData("#pragma warning disable\n" + Plain)]
    [InlineData("#pragma warning disable CS0168, mm0001 // later\n" + Plain)]
    public async Task FileOrAssemblyLevelSuppression_IsSeen(string source)
        => Assert.True(await MayBeSuppressedAsync(source));

    [Theory]
    [InlineData("\"Reliability\", \"MM0001:Do not block\", Target = \"~M:C.#ctor\"", true)]
    [InlineData("\"Usage\", \"VSTHRD002\"", false)]
    public async Task GlobalSuppression_CountsOnlyWhenItNamesTheRule(string arguments, bool expected)
        => Assert.Equal(expected, await MayBeSuppressedAsync(Plain, extraFile: "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(" + arguments + ")]"));

    [Theory]
    [InlineData("[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Reliability\", \"MM0001\")]\n    public C(Task<int> t)")]
    [InlineData("[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(\"Reliability\", \"MM0001\")]\n    public C(Task<int> t)")]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\n    public C(Task<int> t)")]
    [InlineData("[NotYetDeclared]\n    public C(Task<int> t)")]
    public async Task AttributeOnAMember_IsSeen(string constructor)
        => Assert.True(await MayBeSuppressedAsync(Plain.Replace("public C(Task<int> t)", constructor), allowErrors: true));

    [Fact]
    public async Task GeneratedCodeOnAContainingType_IsSeen()
    {
        var source = "using System.Threading.Tasks;\n[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\npublic partial class Outer\n{\n"
            + Plain.Replace("using System.Threading.Tasks;", string.Empty) + "\n}";

        Assert.True(await MayBeSuppressedAsync(source, typeName: "C"));
    }

    [Fact]
    public async Task PartialTypeInTwoFiles_IsSeen()
    {
        var source = Plain.Replace("public class C", "public partial class C");

        Assert.True(await MayBeSuppressedAsync(source, extraFile: "public partial class C { }"));
    }

    [Theory]
    [InlineData("root = true\n\n[*.cs]\ndotnet_diagnostic.MM0001.severity = none\n", "/.editorconfig")]
    [InlineData("is_global = true\ndotnet_diagnostic.MM0001.severity = none\n", "/.globalconfig")]
    [InlineData("root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-Reliability.severity = none\n", "/.editorconfig")]
    [InlineData("root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.severity = none\n", "/.editorconfig")]
    public async Task SeverityConfiguration_IsSeen(string config, string path)
        => Assert.True(await MayBeSuppressedAsync(Plain, config: (config, path)));

    [Fact]
    public async Task UnrelatedConfiguration_IsNotASuppression()
        => Assert.False(await MayBeSuppressedAsync(Plain, config: ("root = true\n\n[*.cs]\ndotnet_diagnostic.CA1000.severity = none\nindent_size = 4\n", "/.editorconfig")));

    [Theory]
    [InlineData(ReportDiagnostic.Suppress, null)]
    [InlineData(ReportDiagnostic.Default, "MM0001")]
    public async Task CompilationOptions_AreSeen(ReportDiagnostic general, string? noWarn)
        => Assert.True(await MayBeSuppressedAsync(Plain, options: o => o
            .WithGeneralDiagnosticOption(general)
            .WithSpecificDiagnosticOptions(noWarn is null ? new Dictionary<string, ReportDiagnostic>() : new Dictionary<string, ReportDiagnostic> { [noWarn] = ReportDiagnostic.Suppress })));

    private static async Task<bool> MayBeSuppressedAsync(
        string source,
        bool allowErrors = false,
        string typeName = "C",
        string? extraFile = null,
        (string Text, string Path)? config = null,
        System.Func<CSharpCompilationOptions, CSharpCompilationOptions>? options = null)
    {
        using var workspace = new AdhocWorkspace();
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var project = workspace.AddProject("P", LanguageNames.CSharp)
            .WithMetadataReferences(await RobustnessHarness.GetReferencesAsync())
            .WithCompilationOptions(options is null ? compilationOptions : options(compilationOptions));
        var document = project.AddDocument("Test0.cs", source, filePath: "/Test0.cs");
        project = document.Project;
        if (extraFile is not null)
        {
            project = project.AddDocument("Test1.cs", extraFile, filePath: "/Test1.cs").Project;
        }

        if (config is { } c)
        {
            project = project.AddAnalyzerConfigDocument(System.IO.Path.GetFileName(c.Path), SourceText.From(c.Text), filePath: c.Path).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var type = compilation.GetSymbolsWithName(typeName, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
        var declarations = new List<(TypeDeclarationSyntax, SemanticModel)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var syntax = (TypeDeclarationSyntax)await reference.GetSyntaxAsync();
            declarations.Add((syntax, compilation.GetSemanticModel(syntax.SyntaxTree)));
        }

        return SuppressionGate.MayBeSuppressed(Descriptors.MM0001_BlockingWaitInConstructor, project, compilation, type, declarations, CancellationToken.None);
    }
}
