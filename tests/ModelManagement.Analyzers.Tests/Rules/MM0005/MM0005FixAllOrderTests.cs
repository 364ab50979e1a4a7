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
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// Fix All gives one text whatever order the driver reports the diagnostics in (an independent consumer's repeated
/// <c>dotnet format</c> runs swapped the two constructor lines below; DiagnosticOrder).
/// </summary>
public sealed class MM0005FixAllOrderTests
{
    private const string Source = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public interface IModelStore { Task<IReadOnlyList<string>> LoadModelsAsync(); Task<string> LoadDefaultAsync(); }

        public sealed class ModelCatalogCache
        {
            private readonly IModelStore _store;
            private IReadOnlyList<string> _models;
            private string _defaultModel;
            private bool _initialized;

            public ModelCatalogCache(IModelStore store)
            {
                _store = store;
            }

            public async Task<IReadOnlyList<string>> GetModelsAsync()
            {
                if (_models == null)
                {
                    _models = await _store.LoadModelsAsync().ConfigureAwait(false);
                }

                return _models;
            }

            public async Task<string> GetDefaultAsync(CancellationToken cancellationToken)
            {
                if (!_initialized)
                {
                    _defaultModel = await _store.LoadDefaultAsync().ConfigureAwait(false);
                    _initialized = true;
                }

                return _defaultModel;
            }
        }
        """;

    [Fact]
    public async Task FixAll_TwoConversionsInOneType_SameTextInEitherDiagnosticOrder()
    {
        var references = (await TestEnvironment.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestEnvironment.PatternsReference);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: references))
            .AddDocument(documentId, "Cache.cs", SourceText.From(Source), filePath: "/P/Cache.cs");
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MM0005RacyLazyAsyncInitializationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.Equal(2, diagnostics.Length);

        var forward = await FixAllAsync(document, diagnostics);
        var backward = await FixAllAsync(document, diagnostics.Reverse().ToImmutableArray());

        Assert.Contains("new AsyncInitializer(", forward, System.StringComparison.Ordinal); // both conversions applied
        Assert.Contains("new AsyncLazy<", forward, System.StringComparison.Ordinal);
        Assert.Equal(forward, backward);
    }

    private static async Task<string> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var fixer = new MM0005RacyLazyAsyncInitializationCodeFixProvider();
        var context = new FixAllContext(document, fixer, FixAllScope.Document, MM0005RacyLazyAsyncInitializationCodeFixProvider.ConvertToSingleFlightKey,
            fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
