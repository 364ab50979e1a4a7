using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0001BlockingWaitInConstructorCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// The lazy rewrite for the common real shape: a constructor blocking on the type's own private async initialization
/// method (any depth, called only from construction) — and the refusals that keep behaviour, pinned next to it.
/// </summary>
public sealed class MM0001BlockingWaitInConstructorFixCoverageTests
{
    private const string Lazy = MM0001BlockingWaitInConstructorCodeFixProvider.InitializeLazilyKey;

    [Theory]
    [InlineData("LoadAsync().GetAwaiter().GetResult()")]
    [InlineData("LoadAsync().Wait()")]
    [InlineData("LoadAsync().ConfigureAwait(false).GetAwaiter().GetResult()")]
    public async Task OwnPrivateInitMethod_InitializesLazily(string wait)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            public interface IRuleSource { Task<RuleDocument> ReadAsync(); }
            public sealed class RuleDocument { public string[] Words { get; set; } = new string[0]; public int Limit { get; set; } }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private HashSet<string> _banned = new();
                private int _limit;

                public ModerationRules(IRuleSource source) { _source = source; [|{{wait}}|]; }

                private async Task LoadAsync()
                {
                    var doc = await _source.ReadAsync();
                    _banned = doc.Words.ToHashSet();
                    _limit = doc.Limit;
                }

                public async Task<bool> AcceptsAsync(string text)
                {
                    await Task.Yield();
                    return text.Length <= _limit && !_banned.Any(w => text.Contains(w));
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IRuleSource { Task<RuleDocument> ReadAsync(); }
            public sealed class RuleDocument { public string[] Words { get; set; } = new string[0]; public int Limit { get; set; } }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private HashSet<string> _banned = new();
                private int _limit;
                private readonly AsyncInitializer _initializer;

                public ModerationRules(IRuleSource source) { _source = source; _initializer = new AsyncInitializer(LoadAsync); }

                private async Task LoadAsync()
                {
                    var doc = await _source.ReadAsync();
                    _banned = doc.Words.ToHashSet();
                    _limit = doc.Limit;
                }

                public async Task<bool> AcceptsAsync(string text)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return text.Length <= _limit && !_banned.Any(w => text.Contains(w));
                }
            }
            """;
        await VerifyAsync(source, fixedSource, nullable: NullableContextOptions.Enable);
    }

    [Fact]
    public async Task MemberAwaitingOnlyTaskYield_InATypeWhoseOtherAwaitsAreConfigured_GetsAConfiguredEnsure()
    {
        // A consumer round (NGitLab's mock clients, Meziantou's MA0004 on, warnings as errors in Release): the reader's only
        // await is Task.Yield(), which cannot be configured, so the type's other awaits decide.
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface INameSource { Task<string[]> ReadAsync(); }

            public sealed class NameCatalog
            {
                private readonly INameSource _source;
                private HashSet<string> _names = new();

                public NameCatalog(INameSource source) { _source = source; [|LoadAsync().GetAwaiter().GetResult()|]; }

                private async Task LoadAsync()
                {
                    // library code: never back on the caller's context
                    _names = new HashSet<string>(await _source.ReadAsync().ConfigureAwait(false));
                }

                public async Task<bool> ExistsAsync(string name)
                {
                    await Task.Yield();
                    return _names.Contains(name);
                }
            }
            """;
        var fixedSource = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface INameSource { Task<string[]> ReadAsync(); }

            public sealed class NameCatalog
            {
                private readonly INameSource _source;
                private HashSet<string> _names = new();
                private readonly AsyncInitializer _initializer;

                public NameCatalog(INameSource source) { _source = source; _initializer = new AsyncInitializer(LoadAsync); }

                private async Task LoadAsync()
                {
                    // library code: never back on the caller's context
                    _names = new HashSet<string>(await _source.ReadAsync().ConfigureAwait(false));
                }

                public async Task<bool> ExistsAsync(string name)
                {
                    await _initializer.EnsureInitializedAsync().ConfigureAwait(false);
                    await Task.Yield();
                    return _names.Contains(name);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, nullable: NullableContextOptions.Enable);
    }

    [Fact]
    public async Task OwnInitMethodTwoLevelsDeepReturningValue_InitializesLazilyInCSharp73()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IRuleSource { Task<string[]> ReadAsync(); }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private HashSet<string> _banned = new HashSet<string>();
                private int _count;

                public ModerationRules(IRuleSource source)
                {
                    _source = source;
                    _count = [|LoadAsync().Result|];
                }

                private async Task<int> LoadAsync()
                {
                    foreach (var word in await ReadWordsAsync())
                    {
                        _banned.Add(word);
                    }

                    return _banned.Count;
                }

                private async Task<string[]> ReadWordsAsync() => await _source.ReadAsync();

                public async Task<bool> AcceptsAsync(string text)
                {
                    await Task.Yield();
                    return _count == 0 || !_banned.Contains(text);
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IRuleSource { Task<string[]> ReadAsync(); }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private HashSet<string> _banned = new HashSet<string>();
                private int _count;
                private readonly AsyncInitializer _initializer;

                public ModerationRules(IRuleSource source)
                {
                    _source = source;
                    _initializer = new AsyncInitializer(InitializeAsync);
                }

                private async Task InitializeAsync()
                {
                    _count = await LoadAsync().ConfigureAwait(false);
                }

                private async Task<int> LoadAsync()
                {
                    foreach (var word in await ReadWordsAsync())
                    {
                        _banned.Add(word);
                    }

                    return _banned.Count;
                }

                private async Task<string[]> ReadWordsAsync() => await _source.ReadAsync();

                public async Task<bool> AcceptsAsync(string text)
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _count == 0 || !_banned.Contains(text);
                }
            }
            """;
        await VerifyAsync(source, fixedSource, LanguageVersion.CSharp7_3);
    }

    [Theory]
    [InlineData("Task.Run(LoadAsync).Wait()", "Task.Run(LoadAsync)")]
    [InlineData("Task.Run(LoadAsync).GetAwaiter().GetResult()", "Task.Run(LoadAsync)")]
    [InlineData("Task.Run(this.LoadAsync).Wait()", "Task.Run(this.LoadAsync)")]
    [InlineData("Task.Factory.StartNew(LoadAsync).Unwrap().Wait()", "Task.Factory.StartNew(LoadAsync).Unwrap()")]
    [InlineData("Retry.ExecuteAsync(LoadAsync).Wait()", "Retry.ExecuteAsync(LoadAsync)")]
    [InlineData("Retry.ExecuteAsync(this.LoadAsync).GetAwaiter().GetResult()", "Retry.ExecuteAsync(this.LoadAsync)")]
    public async Task OwnInitMethodStartedAsAMethodGroup_IsPartOfTheInitialization_NotAReaderThatAwaitsItself(string wait, string awaited)
    {
        // The s34 shapes round: `Task.Run(InitializeAsync).Wait()` — the method group runs where the task starts, like
        // `Task.Run(() => InitializeAsync())`. The lazy fix used to give it the initializer's await as a reader of the state,
        // so it waited for itself and the first async use never finished. The s35 triage: the same with a retry helper whose
        // task the constructor waits on (pitstop's `Policy…ExecuteAsync(InitializeDBAsync).Wait()`).
        var source = $$"""
            using System.Threading.Tasks;

            public static class Retry
            {
                public static async Task ExecuteAsync(System.Func<Task> action) => await action();
            }

            public sealed class ModelCatalog
            {
                private bool _isInitialized;
                private string[] _models = new string[0];

                public ModelCatalog()
                {
                    [|{{wait}}|];
                }

                private async Task LoadAsync()
                {
                    if (_isInitialized) return;
                    await Task.Delay(5);
                    _models = new[] { "narrative-v2" };
                    _isInitialized = true;
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _models.Length;
                }
            }
            """;
        var fixedSource = $$"""
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public static class Retry
            {
                public static async Task ExecuteAsync(System.Func<Task> action) => await action();
            }

            public sealed class ModelCatalog
            {
                private bool _isInitialized;
                private string[] _models = new string[0];
                private readonly AsyncInitializer _initializer;

                public ModelCatalog()
                {
                    _initializer = new AsyncInitializer(INITIALIZE);
                }
            WRAPPER
                private async Task LoadAsync()
                {
                    if (_isInitialized) return;
                    await Task.Delay(5);
                    _models = new[] { "narrative-v2" };
                    _isInitialized = true;
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _models.Length;
                }
            }
            """;

        // `Task.Run` of the method itself runs it directly (an MM0001 consumer round: no `InitializeAsync` wrapper around it).
        var direct = awaited.StartsWith("Task.Run(", System.StringComparison.Ordinal) || awaited.StartsWith("Task.Factory.StartNew(", System.StringComparison.Ordinal);
        fixedSource = fixedSource
            .Replace("INITIALIZE", direct ? "LoadAsync" : "InitializeAsync", System.StringComparison.Ordinal)
            .Replace("WRAPPER\n", direct ? "\n" : "\n    private async Task InitializeAsync()\n    {\n        await " + awaited + ".ConfigureAwait(false);\n    }\n\n", System.StringComparison.Ordinal);
        await VerifyAsync(source, fixedSource);
    }

    [Theory]
    [InlineData("public async Task ReloadAsync() => await LoadAsync();")]
    [InlineData("public System.Func<Task> Reloader => LoadAsync;")]
    [InlineData("public async Task ReloadAsync(ModerationRules other) => await other.LoadAsync();")]
    public async Task OwnInitMethodAlsoReachableAfterConstruction_OffersNoLazyFix(string member)
    {
        // Awaiting the initializer inside LoadAsync would wait for itself; leaving it unguarded would let a caller see half-loaded state.
        var source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IRuleSource { Task<string[]> ReadAsync(); }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private string[] _banned;

                public ModerationRules(IRuleSource source)
                {
                    _source = source;
                    [|LoadAsync().Wait()|];
                }

                private async Task LoadAsync() => _banned = await _source.ReadAsync();

                {{member}}

                public async Task<bool> AcceptsAsync(string text)
                {
                    await Task.Yield();
                    return System.Array.IndexOf(_banned, text) < 0;
                }
            }
            """;
        await VerifyNoFixAsync(source);
    }

    [Fact]
    public async Task OwnInitMethodWithSynchronousReader_FactoryAwaitsTheExistingMethodWithoutWrapper()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IRuleSource { Task<int> ReadLimitAsync(); }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private int _limit;

                public ModerationRules(IRuleSource source) { _source = source; [|InitializeAsync().Wait()|]; }

                private async Task InitializeAsync() => _limit = await _source.ReadLimitAsync();

                public int Limit => _limit;
            }

            public static class Startup
            {
                public static async Task<int> LimitAsync(IRuleSource source)
                {
                    var rules = new ModerationRules(source);
                    await Task.Yield();
                    return rules.Limit;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Threading;
            using System.Threading.Tasks;

            public interface IRuleSource { Task<int> ReadLimitAsync(); }

            public sealed class ModerationRules
            {
                private readonly IRuleSource _source;
                private int _limit;

                private ModerationRules(IRuleSource source) { _source = source; }

                /// <summary>Creates a new instance and completes its asynchronous initialization.</summary>
                public static async Task<ModerationRules> CreateAsync(IRuleSource source, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var instance = new ModerationRules(source);
                    await instance.InitializeAsync().ConfigureAwait(false);
                    return instance;
                }

                private async Task InitializeAsync() => _limit = await _source.ReadLimitAsync();

                public int Limit => _limit;
            }

            public static class Startup
            {
                public static async Task<int> LimitAsync(IRuleSource source)
                {
                    var rules = await ModerationRules.CreateAsync(source);
                    await Task.Yield();
                    return rules.Limit;
                }
            }
            """;
        await new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryKey,
        }.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Lazy_MemberOfAReadonlyStructFieldAssigned_FieldLosesReadonly()
    {
        // A crash hunt: `_slot.Value = …` moved into InitializeAsync while `_slot` kept `readonly` (CS1648); a tuple field's
        // element alike.
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IStore { Task<List<string>> LoadAsync(); }
            public struct Slot { public List<string> Value; }

            public class Holder
            {
                private readonly Slot _slot;
                private readonly (List<string> Names, int Count) _pair;

                public Holder(IStore s)
                {
                    _slot.Value = [|s.LoadAsync().Result|];
                    _pair.Names = [|s.LoadAsync().Result|];
                }

                public async Task<int> CountAsync()
                {
                    await Task.Yield();
                    return _slot.Value.Count + _pair.Names.Count;
                }
            }
            """;
        var fixedSource = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ModelManagement.Patterns;

            public interface IStore { Task<List<string>> LoadAsync(); }
            public struct Slot { public List<string> Value; }

            public class Holder
            {
                private Slot _slot;
                private (List<string> Names, int Count) _pair;
                private readonly AsyncInitializer _initializer;

                public Holder(IStore s)
                {
                    _initializer = new AsyncInitializer(() => InitializeAsync(s));
                }

                private async Task InitializeAsync(IStore s)
                {
                    _slot.Value = await s.LoadAsync().ConfigureAwait(false);
                    _pair.Names = await s.LoadAsync().ConfigureAwait(false);
                }

                public async Task<int> CountAsync()
                {
                    await _initializer.EnsureInitializedAsync();
                    await Task.Yield();
                    return _slot.Value.Count + _pair.Names.Count;
                }
            }
            """;
        await VerifyAsync(source, fixedSource);
    }

    private static Task VerifyAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable)
        => new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Lazy,
            LanguageVersion = languageVersion,
            NullableContextOptions = nullable,
        }.RunAsync(CancellationToken.None);

    private static Task VerifyNoFixAsync(string source, LanguageVersion languageVersion = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Disable)
        => VerifyAsync(source, source, languageVersion, nullable);
}
