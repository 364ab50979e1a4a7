using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Robustness;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 skips the control-flow graph of a body whose every use of an optional member is visibly checked and which
/// writes none (<c>NullStateGuardedUses</c>). That shortcut must never change a diagnostic: checked here against the
/// analyzer without it, on the generated corpus and on a file of guard shapes that look checked but are not.
/// </summary>
public sealed class MM0003GuardedUsesFastPathTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Shapes
        {
            public interface IRegistry { string Name { get; } string[] Models { get; } void Register(string s); Task<string> FindAsync(string s); }

            public sealed class Service
            {
                private readonly IRegistry? _registry;
                private IRegistry? _mutable;
                private static IRegistry? s_shared;
                private readonly int? _limit;
                private readonly Service? _other;

                public Service(IRegistry? registry = null, IRegistry? mutable = null, int? limit = null, Service? other = null)
                {
                    _registry = registry;
                    _mutable = mutable;
                    _limit = limit;
                    _other = other;
                    _registry.Register("ctor");
                }

                public static void Configure(IRegistry? shared = null) => s_shared = shared;

                public string Guarded(bool flag, IEnumerable<string> items)
                {
                    if (_registry != null) { _registry.Register("a"); }
                    if (_registry is not null && _registry.Name.Length > 0) { }
                    if (!(_registry is null)) _registry.Register("b");
                    if (_registry is { Name.Length: > 0 }) _registry.Register("c");
                    if (_registry is IRegistry typed) typed.Register(_registry.Name);
                    var name = _registry != null ? _registry.Name : "none";
                    var other = _registry == null ? "none" : _registry.Name;
                    if (_registry == null) { } else { _registry.Register("d"); }
                    if (null != this._registry) this._registry.Register("e");
                    if (_limit != null) Console.WriteLine(_limit.Value);
                    foreach (var item in items)
                    {
                        if (_registry == null) continue;
                        _registry.Register(item);
                    }

                    if (_registry == null || flag) return name + other;
                    _registry.Register("f");
                    return _registry.Models[0];
                }

                public async Task<string> EarlyThrowAsync()
                {
                    if (_registry is null)
                    {
                        throw new InvalidOperationException("no registry");
                    }

                    return await _registry.FindAsync("x");
                }

                public void LooksCheckedButIsNot(bool flag)
                {
                    if (flag && _registry == null) return;
                    _registry.Register("g");
                }

                public void CheckAfterUse()
                {
                    _registry.Register("h");
                    if (_registry == null) return;
                }

                public void CheckWithoutExit()
                {
                    if (_registry == null) { Console.WriteLine("missing"); }
                    _registry.Register("i");
                }

                public void WrongBranch()
                {
                    if (_registry != null) { } else { _registry.Register("j"); }
                    var value = _registry == null ? _registry.Name : "";
                }

                public void WrittenAfterCheck()
                {
                    if (_mutable != null)
                    {
                        _mutable = null;
                        _mutable.Register("k");
                    }
                }

                public void WrittenInLambda(Action<IRegistry?> set)
                {
                    Action reset = () => _mutable = null;
                    if (_mutable != null)
                    {
                        reset();
                        _mutable.Register("l");
                    }
                }

                public void JumpOverTheCheck(bool flag)
                {
                    if (flag) goto Use;
                    if (_registry == null) return;
                    Use:
                    _registry.Register("m");
                }

                public void UseInCatch()
                {
                    try
                    {
                        if (_registry == null) return;
                        _registry.Register("n");
                    }
                    catch (Exception)
                    {
                        _registry.Register("o");
                    }
                }

                public Action InLambda()
                {
                    if (_registry != null) return () => _registry.Register("p");
                    return () => _mutable.Register("q");
                }

                public void OtherInstance()
                {
                    if (_registry != null && _other != null) _other._registry.Register("r");
                }

                public void Loops()
                {
                    while (_registry != null) { _registry.Register("s"); break; }
                    do { _registry.Register("t"); } while (_registry != null);
                }

                public void SwitchCase(int x)
                {
                    switch (x)
                    {
                        case 1 when _registry != null: _registry.Register("u"); break;
                        case 2: _registry.Register("v"); break;
                    }
                }

                public static void Static()
                {
                    if (s_shared != null) s_shared.Register("w");
                    s_shared.Register("x");
                }

                public void CopyAndUse()
                {
                    var copy = _registry;
                    if (_registry != null) copy.Register("y");
                    lock (_registry) { }
                }

                public IEnumerable<string> YieldReturnGoesOn()
                {
                    if (_registry == null) yield return "none";
                    yield return _registry.Name;
                }

                public IEnumerable<string> YieldBreakExits()
                {
                    if (_registry == null) yield break;
                    yield return _registry.Name;
                }

                public string PlainUses(IEnumerable<string> items, bool flag)
                {
                    foreach (var item in items) { _registry.Register(item); }
                    using (var scope = (IDisposable?)null) { _registry.Register("u"); }
                    lock (items) { _registry.Register("l"); }
                    checked { _registry.Register("c"); }
                    var name = flag ? _registry.Name : "";
                    if (_mutable != null) _mutable.Register("guarded other");
                    switch (name) { case "a": _registry.Register("case"); break; default: break; }
                    return _registry.Models[0] + name;
                }

                public async Task<string> PlainAwait() => await _registry.FindAsync("x");

                public string PlainAfterBothBranchesReturn(bool flag)
                {
                    if (flag) { return "x"; } else { return "y"; }
                    return _registry.Name;
                }

                public string PlainAfterDoesNotReturn()
                {
                    Fail();
                    return _registry.Name;
                }

                [System.Diagnostics.CodeAnalysis.DoesNotReturn]
                private static void Fail() => throw new InvalidOperationException();

                public string PlainAfterEnsure()
                {
                    EnsureMutable();
                    return _mutable.Name;
                }

                [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_mutable))]
                private void EnsureMutable() => _mutable = _registry ?? throw new InvalidOperationException();

                [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_registry))]
                private bool HasRegistry => _registry != null;

                public string PlainAfterMemberNotNullWhen() => HasRegistry ? _registry.Name : "";

                private bool HasGuard => _registry != null;

                public string PlainAfterGuardProperty() => HasGuard ? _registry.Name : "";

                public string PlainAfterAssertFalse()
                {
                    System.Diagnostics.Debug.Assert(false);
                    return _registry.Name;
                }

                public string PlainUnderConstant()
                {
                    if (false) { return _registry.Name; }
                    return true || _registry.Name.Length > 0 ? "" : _registry.Name;
                }

                public string PlainInInfiniteLoop()
                {
                    while (true) { _registry.Register("w"); }
                }

                public string PlainAfterInfiniteLoop(bool flag)
                {
                    for (;;) { if (flag) break; }
                    return _registry.Name;
                }

                public string PlainSuppressed() => _registry!.Name + _registry.Name;

                public string PlainNameof() => nameof(_registry.Name) + _registry.Name;

                public bool PlainNullableValue() => _limit.HasValue && _limit.Value > 0;

                public string PlainGoto(bool flag)
                {
                    if (flag) goto End;
                    _registry.Register("g");
                    End:
                    return _registry.Name;
                }

                public string PlainAfterSwitchThatReturns(int x)
                {
                    switch (x) { case 1: return "a"; default: return "b"; }
                    return _registry.Name;
                }

                public string PlainAfterTryThatReturns()
                {
                    try { return "a"; } finally { Console.WriteLine(); }
                    return _registry.Name;
                }

                public string PlainMentionedOtherwise()
                {
                    var first = _registry.Name;
                    if (_registry == null) return first;
                    return _registry.Name;
                }

                public string PlainPassedOn()
                {
                    Consume(_registry);
                    return _registry.Name;
                }

                private static void Consume([System.Diagnostics.CodeAnalysis.NotNull] IRegistry? registry) => registry = registry ?? throw new ArgumentNullException(nameof(registry));

                public string PlainInLocalFunction()
                {
                    return Local();
                    string Local() => _registry.Name;
                }

                public IEnumerable<string> PlainAfterYieldBreak()
                {
                    yield break;
                    yield return _registry.Name;
                }

                public string PlainWithConstantCoalesce() => (string?)"x" ?? _registry.Name;

                public static string PlainStatic() => s_shared.Name;

                public void ElseIfChain(int x)
                {
                    if (x == 0) { }
                    else if (_registry == null) { return; }
                    else { _registry.Register("z"); }
                    _registry.Register("aa");
                }
            }

            public sealed class Ensuring
            {
                private IRegistry? _log;
                private IRegistry? _other;

                public Ensuring(IRegistry? log = null, IRegistry? other = null)
                {
                    _log = log;
                    _other = other;
                }

                public void AfterEnsure() { Prepare(); _log.Register("a"); _other.Register("b"); }

                public void BeforeEnsure() { _log.Register("c"); Prepare(); }

                private void Prepare() { if (_log == null) { _log = new Fallback(); } }
            }

            public sealed class Fallback : IRegistry
            {
                public string Name => "fallback";
                public string[] Models => Array.Empty<string>();
                public void Register(string s) { }
                public Task<string> FindAsync(string s) => Task.FromResult(s);
            }

            public sealed class Primary(IRegistry? registry = null)
            {
                public string Name() => registry.Name;

                public string Checked() => registry != null ? registry.Name : "";

                public string Mixed() => registry.Name + (registry?.Name ?? "");
            }
        }
        """;

    [Fact]
    public async Task FastPath_ReportsExactlyWhatTheGraphReports()
    {
        var trees = RobustnessHarness.CorpusSample(20_000)
            .Select(file => RobustnessHarness.Parse(file.Text, file.Path))
            .Append(RobustnessHarness.Parse(Shapes, "Shapes.cs"));
        var compilation = await RobustnessHarness.CompileAsync(trees);

        var withFastPath = await DiagnosticsAsync(compilation, new MM0003OptionalDependencyWithoutNullCheckAnalyzer());
        var graphOnly = await DiagnosticsAsync(compilation, new MM0003OptionalDependencyWithoutNullCheckAnalyzer(guardedUsesFastPath: false));

        Assert.True(graphOnly.SequenceEqual(withFastPath), "only with the graph:\n" + string.Join("\n", graphOnly.Except(withFastPath)) + "\nonly with the fast path:\n" + string.Join("\n", withFastPath.Except(graphOnly)));
        Assert.Contains(graphOnly, d => d.StartsWith("Shapes.cs", System.StringComparison.Ordinal));
        Assert.True(graphOnly.Length > 50, $"the corpus should report many MM0003 sites, got {graphOnly.Length}");
    }

    private static async Task<string[]> DiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var diagnostics = await compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001");
        return diagnostics
            .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan} {d.Id} {d.GetMessage()} +[{string.Join(",", d.AdditionalLocations.Select(l => l.SourceSpan.ToString()))}] {string.Join(";", d.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToArray();
    }
}
