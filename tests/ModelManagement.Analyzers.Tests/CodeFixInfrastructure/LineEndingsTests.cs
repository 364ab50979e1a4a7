using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>
/// A fixed file keeps its line endings when <c>.editorconfig</c> does not choose them (LineEndings): an independent
/// consumer's CRLF files came out of <c>dotnet format</c> on Linux with the fixes' new and re-indented lines in LF. The
/// workspace here formats with the host's newline, as <c>dotnet format</c> does.
/// </summary>
public sealed class LineEndingsTests
{
    private const string SideEffectSource = """
        using System.Threading.Tasks;

        public interface IAuditLogger { Task LogEventAsync(string text); }

        public sealed class Moderator
        {
            private readonly IAuditLogger _audit;

            public Moderator(IAuditLogger audit) => _audit = audit;

            public async Task<string> ModerateAsync(string text)
            {
                // the audit must not fail the call
                await _audit.LogEventAsync(text);
                return text;
            }
        }
        """;

    private const string LazySource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); }

        public sealed class ModelCatalogCache
        {
            private readonly IModelStore _store;
            private IReadOnlyList<string> _models;

            public ModelCatalogCache(IModelStore store)
            {
                _store = store;
            }

            public async Task<IReadOnlyList<string>> GetModelsAsync()
            {
                if (_models == null)
                {
                    _models = await _store.LoadModelsAsync();
                }

                return _models;
            }
        }
        """;

    public static IEnumerable<object[]> Fixers()
    {
        yield return new object[] { "MM0002", SideEffectSource };
        yield return new object[] { "MM0005", LazySource };
    }

    [Theory]
    [MemberData(nameof(Fixers))]
    public async Task CrlfFile_KeepsCrlfEverywhere_InTheFixAndInFixAll(string rule, string source)
    {
        var crlf = source.ReplaceLineEndings("\r\n");

        var single = await FixAsync(rule, crlf, editorConfig: null, fixAll: false);
        var all = await FixAsync(rule, crlf, editorConfig: null, fixAll: true);

        Assert.NotEqual(crlf, single); // the fix did change the file
        Assert.Equal("\r\n", LineEndings.SingleNewLine(SourceText.From(single)));
        Assert.Equal("\r\n", LineEndings.SingleNewLine(SourceText.From(all)));
    }

    [Theory]
    [MemberData(nameof(Fixers))]
    public async Task LfFile_StaysLf(string rule, string source)
    {
        var lf = source.ReplaceLineEndings("\n");

        var single = await FixAsync(rule, lf, editorConfig: null, fixAll: false);

        Assert.NotEqual(lf, single);
        Assert.Equal("\n", LineEndings.SingleNewLine(SourceText.From(single)));
    }

    [Theory]
    [InlineData("\r\n", "lf")]
    [InlineData("\n", "crlf")]
    [InlineData("\r\n", "crlf")]
    public async Task EndOfLineSetInEditorConfig_AFileOfOneKindStaysOfThatKind(string fileNewLine, string editorConfigValue)
    {
        // A real repository (oqtane) under `end_of_line = crlf` with LF files: the formatter wrote the try's lines in CRLF,
        // the lines built from the file's own trivia stayed LF — a mixed file. A fix keeps a file's one kind.
        var source = SideEffectSource.ReplaceLineEndings(fileNewLine);

        var single = await FixAsync("MM0002", source, editorConfig: "root = true\n\n[*.cs]\nend_of_line = " + editorConfigValue + "\n", fixAll: false);

        Assert.NotEqual(source, single);
        Assert.Equal(fileNewLine, LineEndings.SingleNewLine(SourceText.From(single)));
    }

    [Theory]
    [InlineData("a\r\nb\r\n", "\r\n")]
    [InlineData("a\nb\n", "\n")]
    [InlineData("a\r\nb\n", null)]
    [InlineData("one line", null)]
    [InlineData("a\rb", null)]
    public void SingleNewLine_NamesTheOnlyKind(string text, string? expected)
        => Assert.Equal(expected, LineEndings.SingleNewLine(SourceText.From(text)));

    [Fact]
    public void Normalize_RewritesEveryBreak_AndReturnsTheSameStringWhenNothingChanges()
    {
        Assert.Equal("a\r\nb\r\nc", LineEndings.Normalize("a\nb\r\nc", "\r\n"));
        Assert.Equal("a\nb\nc", LineEndings.Normalize("a\r\nb\nc", "\n"));
        var same = "a\r\nb";
        Assert.Same(same, LineEndings.Normalize(same, "\r\n"));
    }

    private static async Task<string> FixAsync(string rule, string source, string? editorConfig, bool fixAll)
    {
        var references = (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestEnvironment.PatternsReference);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp, filePath: "/P/P.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: references))
            .AddDocument(documentId, "Code.cs", SourceText.From(source), filePath: "/P/Code.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/P/.editorconfig");
        }

        var document = solution.GetDocument(documentId)!;
        (DiagnosticAnalyzer analyzer, CodeFixProvider fixer) = rule switch
        {
            "MM0002" => ((DiagnosticAnalyzer)new MM0002SideEffectAwaitNotGuardedAnalyzer(), (CodeFixProvider)new MM0002SideEffectAwaitNotGuardedCodeFixProvider()),
            _ => (new MM0005RacyLazyAsyncInitializationAnalyzer(), new MM0005RacyLazyAsyncInitializationCodeFixProvider()),
        };
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None))
            .ToImmutableArray();
        Assert.NotEmpty(diagnostics);

        CodeAction? action;
        if (fixAll)
        {
            var context = new FixAllContext(document, fixer, FixAllScope.Document, null, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
            var provider = fixer.GetFixAllProvider();
            Assert.NotNull(provider);
            action = await provider.GetFixAsync(context);
        }
        else
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (registered, _) => actions.Add(registered), CancellationToken.None));
            action = actions.FirstOrDefault();
        }

        Assert.NotNull(action);
        var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
    }
}
