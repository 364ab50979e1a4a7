using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Xunit;
using MM0001Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;
using MM0002Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;
using MM0003Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0003OptionalDependencyWithoutNullCheckCodeFixProvider>;
using MM0004Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0004ValidationResultIgnoredAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0004ValidationResultIgnoredCodeFixProvider>;
using MM0005Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0005RacyLazyAsyncInitializationCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>
/// A fixed file keeps its own indentation (FileIndentation): two independent consumers' 2-space and tab files, fixed by
/// `dotnet format` without an <c>.editorconfig</c> that says so, came out with the new lines four spaces a level and the
/// untouched lines around them re-indented too (a constructor's signature, the statement after the edit, a closing
/// brace). The test workspace formats with the default options (four spaces), as <c>dotnet format</c> does there.
/// Each test checks the single fix and, through the verifier, Fix All.
/// </summary>
public sealed class FileIndentationTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); Task RegisterAsync(string n); }
          public interface IAuditLogger { Task LogEventAsync(string text); }
          public sealed class Verdict { public bool IsValid { get; set; } }
          public interface IGuard { Verdict Validate(string s); }

          public sealed class Svc
          {
            private readonly IRegistry? _registry;
            private readonly IGuard _guard;
            private readonly IAuditLogger _audit;
            private readonly IRegistry _lister;
            private IReadOnlyList<string>? _names;

            public Svc(IGuard guard, IAuditLogger audit, IRegistry lister, IRegistry? registry = null)
            {
              _guard = guard;
              _audit = audit;
              _lister = lister;
              _registry = registry;
            }

            public string Fallback => "fallback";

            public async Task<string> RunAsync(string story)
            {
              _guard.Validate(story);
              await _registry.RegisterAsync(story);
              await _audit.LogEventAsync(story);
              var n = story.Length;
              return story + n;
            }

            public async Task<IReadOnlyList<string>> NamesAsync()
            {
              if (_names == null)
              {
                _names = await _lister.ListAsync();
              }

              return _names;
            }
          }
        }
        """;

    private const string ConstructorSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); }

          public sealed class Catalog
          {
            private readonly IReadOnlyList<string> _names;

            public Catalog(IRegistry registry)
            {
              // everything is loaded up front
              _names = {|MM0001:registry.ListAsync().Result|};
            }

            public async Task<int> CountAsync()
            {
              await Task.Yield();
              return _names.Count;
            }
          }
        }
        """;

    private const string TwoSpaceGuarded = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); Task RegisterAsync(string n); }
          public interface IAuditLogger { Task LogEventAsync(string text); }
          public sealed class Verdict { public bool IsValid { get; set; } }
          public interface IGuard { Verdict Validate(string s); }

          public sealed class Svc
          {
            private readonly IRegistry? _registry;
            private readonly IGuard _guard;
            private readonly IAuditLogger _audit;
            private readonly IRegistry _lister;
            private IReadOnlyList<string>? _names;

            public Svc(IGuard guard, IAuditLogger audit, IRegistry lister, IRegistry? registry = null)
            {
              _guard = guard;
              _audit = audit;
              _lister = lister;
              _registry = registry;
            }

            public string Fallback => "fallback";

            public async Task<string> RunAsync(string story)
            {
              _guard.Validate(story);
              if (_registry is not null)
              {
                await _registry.RegisterAsync(story);
              }

              await _audit.LogEventAsync(story);
              var n = story.Length;
              return story + n;
            }

            public async Task<IReadOnlyList<string>> NamesAsync()
            {
              if (_names == null)
              {
                _names = await _lister.ListAsync();
              }

              return _names;
            }
          }
        }
        """;

    // No blank line after the try: the file's only block is the racy `if (_names == null) { … }` MM0005 converts, which
    // does not count (determ: it is gone in the runs where MM0005's fix came first).
    private const string TwoSpaceWrapped = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); Task RegisterAsync(string n); }
          public interface IAuditLogger { Task LogEventAsync(string text); }
          public sealed class Verdict { public bool IsValid { get; set; } }
          public interface IGuard { Verdict Validate(string s); }

          public sealed class Svc
          {
            private readonly IRegistry? _registry;
            private readonly IGuard _guard;
            private readonly IAuditLogger _audit;
            private readonly IRegistry _lister;
            private IReadOnlyList<string>? _names;

            public Svc(IGuard guard, IAuditLogger audit, IRegistry lister, IRegistry? registry = null)
            {
              _guard = guard;
              _audit = audit;
              _lister = lister;
              _registry = registry;
            }

            public string Fallback => "fallback";

            public async Task<string> RunAsync(string story)
            {
              _guard.Validate(story);
              await _registry.RegisterAsync(story);
              try
              {
                await _audit.LogEventAsync(story);
              }
              catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
              {
              }
              var n = story.Length;
              return story + n;
            }

            public async Task<IReadOnlyList<string>> NamesAsync()
            {
              if (_names == null)
              {
                _names = await _lister.ListAsync();
              }

              return _names;
            }
          }
        }
        """;

    [Fact]
    public async Task TwoSpaceFile_MM0001LazyRewrite_IndentsTwoSpacesALevel()
    {
        var fixedSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); }

          public sealed class Catalog
          {
            private IReadOnlyList<string> _names;
            private readonly AsyncInitializer _initializer;

            public Catalog(IRegistry registry)
            {
              _initializer = new AsyncInitializer(() => InitializeAsync(registry));
            }

            private async Task InitializeAsync(IRegistry registry)
            {
              // everything is loaded up front
              _names = await registry.ListAsync().ConfigureAwait(false);
            }

            public async Task<int> CountAsync()
            {
              await _initializer.EnsureInitializedAsync();
              await Task.Yield();
              return _names.Count;
            }
          }
        }
        """;
        await new MM0001Verify.Test { TestCode = ConstructorSource, FixedCode = fixedSource, CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_MM0002Wrap_IndentsTwoSpacesALevel_AndLeavesTheLinesAroundIt()
    {
        await new MM0002Verify.Test { TestCode = Source.Replace("await _audit.LogEventAsync(story);", "await {|MM0002:_audit.LogEventAsync(story)|};"), FixedCode = TwoSpaceWrapped }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TabFile_MM0002Wrap_IndentsWithTabs()
    {
        await new MM0002Verify.Test
        {
            TestCode = Source.Replace("  ", "\t").Replace("await _audit.LogEventAsync(story);", "await {|MM0002:_audit.LogEventAsync(story)|};"),
            FixedCode = TwoSpaceWrapped.Replace("  ", "\t"),
        }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_MM0003Guard_IndentsTwoSpacesALevel()
    {
        await new MM0003Verify.Test { TestCode = Source.Replace("await _registry.RegisterAsync", "await {|MM0003:_registry|}.RegisterAsync"), FixedCode = TwoSpaceGuarded }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_MM0004Branch_KeepsTheDeclarationsIndentation()
    {
        // The statement that declares the verdict was left elastic, formatted by the clean-up's elastic pass (at twelve
        // spaces), outside the nodes the fix marks for formatting: the whole changed lines are formatted again.
        var fixedSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); Task RegisterAsync(string n); }
          public interface IAuditLogger { Task LogEventAsync(string text); }
          public sealed class Verdict { public bool IsValid { get; set; } }
          public interface IGuard { Verdict Validate(string s); }

          public sealed class Svc
          {
            private readonly IRegistry? _registry;
            private readonly IGuard _guard;
            private readonly IAuditLogger _audit;
            private readonly IRegistry _lister;
            private IReadOnlyList<string>? _names;

            public Svc(IGuard guard, IAuditLogger audit, IRegistry lister, IRegistry? registry = null)
            {
              _guard = guard;
              _audit = audit;
              _lister = lister;
              _registry = registry;
            }

            public string Fallback => "fallback";

            public async Task<string> RunAsync(string story)
            {
              var validation = _guard.Validate(story);
              if (!validation.IsValid)
              {
                throw new System.InvalidOperationException("Validation failed: Validate rejected the content.");
              }

              await _registry.RegisterAsync(story);
              await _audit.LogEventAsync(story);
              var n = story.Length;
              return story + n;
            }

            public async Task<IReadOnlyList<string>> NamesAsync()
            {
              if (_names == null)
              {
                _names = await _lister.ListAsync();
              }

              return _names;
            }
          }
        }
        """;
        await new MM0004Verify.Test
        {
            TestCode = Source.Replace("_guard.Validate(story);", "{|MM0004:_guard.Validate(story)|};"),
            FixedCode = fixedSource,
        }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_MM0005Lazy_IndentsTwoSpacesALevel()
    {
        var fixedSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        namespace R1b
        {
          public interface IRegistry { Task<IReadOnlyList<string>> ListAsync(); Task RegisterAsync(string n); }
          public interface IAuditLogger { Task LogEventAsync(string text); }
          public sealed class Verdict { public bool IsValid { get; set; } }
          public interface IGuard { Verdict Validate(string s); }

          public sealed class Svc
          {
            private readonly IRegistry? _registry;
            private readonly IGuard _guard;
            private readonly IAuditLogger _audit;
            private readonly IRegistry _lister;
            private readonly AsyncLazy<IReadOnlyList<string>> _names;

            public Svc(IGuard guard, IAuditLogger audit, IRegistry lister, IRegistry? registry = null)
            {
              _names = new AsyncLazy<IReadOnlyList<string>>(LoadNamesAsync);
              _guard = guard;
              _audit = audit;
              _lister = lister;
              _registry = registry;
            }

            public string Fallback => "fallback";

            public async Task<string> RunAsync(string story)
            {
              _guard.Validate(story);
              await _registry.RegisterAsync(story);
              await _audit.LogEventAsync(story);
              var n = story.Length;
              return story + n;
            }

            public async Task<IReadOnlyList<string>> NamesAsync()
            {
              return await _names;
            }

            private async Task<IReadOnlyList<string>> LoadNamesAsync()
            {
              return await _lister.ListAsync();
            }
          }
        }
        """;
        await new MM0005Verify.Test { TestCode = Source.Replace("if (_names == null)", "if ({|MM0005:_names == null|})"), FixedCode = fixedSource }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_UnderEditorConfigSayingTwo_IsFormattedByTheOptionsAlone()
    {
        var test = new MM0003Verify.Test { TestCode = Source.Replace("await _registry.RegisterAsync", "await {|MM0003:_registry|}.RegisterAsync"), FixedCode = TwoSpaceGuarded };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nindent_size = 2\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoSpaceFile_MM0002Wrap_ShiftsAMultiLineStatementsContinuationLinesByOneStep()
    {
        // The common multi-line shape: a call whose arguments continue on further lines moves in by the file's step,
        // every line of it (a one-pass rework, formatting with the file's step before the clean-up, shifted them by two
        // steps and was reverted: a helper's real 2-space file and this test).
        var source = """
            using System.Threading.Tasks;

            namespace R2
            {
              public interface ITelemetry { Task TrackEventAsync(string m); }
              public sealed class Svc
              {
                private readonly ITelemetry _telemetry;
                public Svc(ITelemetry telemetry) { _telemetry = telemetry; }

                public async Task ReportAsync(System.Exception exception)
                {
                  await {|MM0002:_telemetry.TrackEventAsync(
                    exception == null
                      ? "none"
                      : exception.GetType().Name)|};
                }
              }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            namespace R2
            {
              public interface ITelemetry { Task TrackEventAsync(string m); }
              public sealed class Svc
              {
                private readonly ITelemetry _telemetry;
                public Svc(ITelemetry telemetry) { _telemetry = telemetry; }

                public async Task ReportAsync(System.Exception exception)
                {
                  try
                  {
                    await _telemetry.TrackEventAsync(
                      exception == null
                        ? "none"
                        : exception.GetType().Name);
                  }
                  catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                  {
                  }
                }
              }
            }
            """;
        await new MM0002Verify.Test { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CaseSectionBracesAtTheLabelsColumn_MM0002Wrap_KeepsTheSectionsLayout()
    {
        // A braced case section whose braces sit at the label's column (csharp_indent_case_contents_when_block = false's
        // layout) in a file without an .editorconfig saying so: the clean-up's default (contents one level in from the
        // braces' own level one in) put the new try and the untouched `break;` two levels below the braces (a helper's
        // real-file check). The file's layout is read from its sections and kept.
        var source = """
            using System.Threading.Tasks;

            namespace R3
            {
                public interface ITelemetry { Task TrackEventAsync(string m); }
                public sealed class Svc
                {
                    private readonly ITelemetry _telemetry;
                    public Svc(ITelemetry telemetry) { _telemetry = telemetry; }

                    public async Task<int> ReportAsync(int code)
                    {
                        switch (code)
                        {
                            case 1:
                            {
                                return 1;
                            }
                            case 4:
                            {
                                // reported before the answer
                                await {|MM0002:_telemetry.TrackEventAsync("four")|};
                                break;
                            }
                        }

                        return code;
                    }
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            namespace R3
            {
                public interface ITelemetry { Task TrackEventAsync(string m); }
                public sealed class Svc
                {
                    private readonly ITelemetry _telemetry;
                    public Svc(ITelemetry telemetry) { _telemetry = telemetry; }

                    public async Task<int> ReportAsync(int code)
                    {
                        switch (code)
                        {
                            case 1:
                            {
                                return 1;
                            }
                            case 4:
                            {
                                // reported before the answer
                                try
                                {
                                    await _telemetry.TrackEventAsync("four");
                                }
                                catch (System.Exception ex) when (SideEffect.ReportAndSwallow(ex))
                                {
                                }

                                break;
                            }
                        }

                        return code;
                    }
                }
            }
            """;
        await new MM0002Verify.Test { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("class A\n{\n    void M(int i)\n    {\n        switch (i)\n        {\n            case 1:\n            {\n                break;\n            }\n        }\n    }\n}\n", false)]
    [InlineData("class A\n{\n    void M(int i)\n    {\n        switch (i)\n        {\n            case 1:\n                {\n                    break;\n                }\n        }\n    }\n}\n", true)]
    public void LayoutOf_ReadsWhereTheFilesCaseSectionBracesSit(string text, bool indented)
    {
        Assert.Equal(indented, FileIndentation.LayoutOf(CSharpSyntaxTree.ParseText(text), CancellationToken.None).IndentsCaseBlocks);
    }

    [Theory]
    [InlineData("class A\n{\n    void M(int i)\n    {\n        switch (i)\n        {\n            case 1:\n                break;\n        }\n    }\n}\n")] // no braced section
    [InlineData("class A\n{\n    void M(int i)\n    {\n        switch (i)\n        {\n            case 1: {\n                break;\n            }\n        }\n    }\n}\n")] // brace on the label's line
    public void LayoutOf_HasNoCaseLayoutWhereNoSectionShowsOne(string text)
    {
        Assert.Null(FileIndentation.LayoutOf(CSharpSyntaxTree.ParseText(text), CancellationToken.None).IndentsCaseBlocks);
    }

    [Theory]
    [InlineData("namespace N\n{\n  class A\n  {\n    void M()\n    {\n      M();\n    }\n  }\n}\n", false, 2)]
    [InlineData("namespace N\n{\n\tclass A\n\t{\n\t\tvoid M()\n\t\t{\n\t\t\tM();\n\t\t}\n\t}\n}\n", true, 0)]
    [InlineData("namespace N\n{\n    class A\n    {\n        void M() {\n            M();\n        }\n    }\n}\n", false, 4)]
    public void Of_ReadsTheStepOfTheFilesBlocks(string text, bool useTabs, int spaces)
    {
        Assert.Equal(new FileIndentation.Style(useTabs, spaces), FileIndentation.Of(CSharpSyntaxTree.ParseText(text), CancellationToken.None));
    }

    [Theory]
    [InlineData("namespace N\n{\n  class A\n  {\n        void M()\n        {\n\t\t\tM();\n        }\n  }\n}\n")] // no clear step: 2, 6 and a tab
    [InlineData("class A { void M() { M(); } }")] // no block on lines of its own
    public void Of_IsNullWhereTheFileShowsNoClearStep(string text)
    {
        Assert.Null(FileIndentation.Of(CSharpSyntaxTree.ParseText(text), CancellationToken.None));
    }
}
