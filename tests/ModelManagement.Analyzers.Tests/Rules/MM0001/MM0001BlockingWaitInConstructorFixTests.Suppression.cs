using System.Threading;
using System.Threading.Tasks;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// Fidelity: the fix moves exactly the waits MM0001 reports. A wait silenced by any suppression form the build honours
/// stays where it is (it blocks as before, and the user chose so); the reported wait next to it moves.
/// </summary>
public sealed class MM0001BlockingWaitInConstructorFixSuppressionTests
{
    private const string Before = /* lang=c#-test */ """
        using System.Threading.Tasks;

        public interface IModelStore { Task<string[]> LoadAsync(); }

        public sealed partial class ModelCatalogue
        {
            private string[] _models;

            public ModelCatalogue(IModelStore store)
            {
                _models = [|store.LoadAsync().Result|];
            }

            public async Task<int> CountAsync()
            {
                await Task.Yield();
                return _models.Length + _limit;
            }
        }
        """;

    private const string After = /* lang=c#-test */ """
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public interface IModelStore { Task<string[]> LoadAsync(); }

        public sealed partial class ModelCatalogue
        {
            private string[] _models;
            private readonly AsyncInitializer _initializer;

            public ModelCatalogue(IModelStore store)
            {
                _initializer = new AsyncInitializer(() => InitializeAsync(store));
            }

            private async Task InitializeAsync(IModelStore store)
            {
                _models = await store.LoadAsync().ConfigureAwait(false);
            }

            public async Task<int> CountAsync()
            {
                await _initializer.EnsureInitializedAsync();
                await Task.Yield();
                return _models.Length + _limit;
            }
        }
        """;

    [Theory]
    [InlineData("#pragma warning disable MM0001\n    private readonly int _limit = LimitAsync().Result;\n#pragma warning restore MM0001")]
    [InlineData("[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Reliability\", \"MM0001\", Justification = \"measured\")]\n    private readonly int _limit = LimitAsync().Result;")]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\n    private readonly int _limit = LimitAsync().Result;")]
    public async Task WaitSilencedInTheSameFile_StaysWhileTheReportedOneMoves(string silencedField)
    {
        var other = Part(silencedField);
        await VerifyAsync(Before, After, other, editorConfig: null);
    }

    [Theory]
    [InlineData("root = true\n\n[/0/Test1.cs]\ndotnet_diagnostic.MM0001.severity = none\n", "/.editorconfig")]
    [InlineData("is_global = true\n\n[/0/Test1.cs]\ndotnet_diagnostic.MM0001.severity = none\n", "/.globalconfig")]
    public async Task WaitInFileWithSeverityNone_StaysWhileTheReportedOneMoves(string config, string path)
    {
        var other = Part("private readonly int _limit = LimitAsync().Result;");
        await VerifyAsync(Before, After, other, (path, config));
    }

    private static string Part(string field) => $$"""
        using System.Threading.Tasks;

        public sealed partial class ModelCatalogue
        {
            {{field.Replace("\n", "\n    ").Replace("    #pragma", "#pragma")}}

            private static Task<int> LimitAsync() => Task.Run(() => 3);
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, string other, (string Path, string Text)? editorConfig)
    {
        var test = new Verify.Test { CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/Test1.cs", other));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.FixedState.Sources.Add(("/0/Test1.cs", other));
        if (editorConfig is { } config)
        {
            test.TestState.AnalyzerConfigFiles.Add(config);
        }

        return test.RunAsync(CancellationToken.None);
    }
}
