using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelManagement.Analyzers.CodeFixes.Fixes;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// Every refusal reason of the MM0001 fix (docs/rules/MM0001.md, "Why no fix was offered") produced by a minimal type:
/// the decision names the reason, and no rewrite that the reason rules out is planned.
/// </summary>
public sealed partial class MM0001FixRefusalTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        public interface IStore { Task<string[]> LoadAsync(); }

        """;

    public static IEnumerable<object[]> Cases() => new[]
    {
        Case(MM0001RefusalReason.CannotAnalyze, "public class C { private string[] _m = new string[0]; public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.UnsupportedTypeKind, "public struct C { private int _c; public C(Task<int> t) { _c = t.Result; } public async Task<int> CountAsync() => await Task.FromResult(_c); }"),
        Case(MM0001RefusalReason.UnsupportedTypeKind, "public static class C { private static readonly string[] _m; static C() { _m = Load().Result; } static Task<string[]> Load() => Task.Run(() => new string[0]); public static async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an independent consumer: documented as such since
        Case(MM0001RefusalReason.PrimaryConstructorParameterAlsoInitializes, "public sealed class C(IStore s) { private readonly IStore _s = s; private readonly string[] _m = s.LoadAsync().Result; public async Task<int> CountAsync() => await Task.FromResult(_m.Length + (await _s.LoadAsync()).Length); }"), // CS9124 otherwise: `s` captured by InitializeAsync and read by `_s = s`
        Case(MM0001RefusalReason.UiThreadAffinity, "public sealed class C : System.ComponentModel.INotifyPropertyChanged { public event System.ComponentModel.PropertyChangedEventHandler PropertyChanged; private readonly List<string> _m = new List<string>(); public C(IStore s) { _m.AddRange(s.LoadAsync().Result); } public async Task<int> CountAsync() { await Task.Yield(); return _m.Count; } public static async Task<int> OpenAsync(IStore s) => await new C(s).CountAsync(); }"), // an MM0001 consumer round: a view model's bound collection filled on a pool thread by the initializer
        Case(MM0001RefusalReason.AggregateExceptionHandled, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } namespace Xunit { public static class Assert { public static Task<T> ThrowsAsync<T>(Func<Task> f) where T : Exception => null; } } public static class Tests { public static async Task Offline(IStore s) { await Xunit.Assert.ThrowsAsync<AggregateException>(async () => new C(s)); } }"), // a fix-shapes round: the factory's awaited creation threw the inner exception and the test turned red
        Case(MM0001RefusalReason.CreationStoredLazily, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public sealed class Host { private C _c; public async Task<int> CountAsync(IStore s) { await Task.Yield(); _c ??= new C(s); return _c.Count; } }"), // a fix-shapes round: `_c ??= await C.CreateAsync(s)` raced, and MM0005 reported it
        Case(MM0001RefusalReason.CreationStoredLazily, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public sealed class Host { private C _c; public async Task<int> CountAsync(IStore s) { await Task.Yield(); if (_c == null) { _c = new C(s); } return _c.Count; } }"),
        Case(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, "public sealed class C(IStore s, System.Threading.CancellationToken timeout) { private readonly string[] _m = s.LoadAsync().WaitAsync(timeout).Result; public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }"), // a fix-shapes round: the primary constructor's token, captured, cancelled the load at first use
        Case(MM0001RefusalReason.InputChangedAfterConstruction, "public sealed class C(IStore s) { private readonly string[] _m = s.LoadAsync().Result; public void Use(IStore other) => s = other; public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }"), // a fix-shapes round: the load read the store `Use` had swapped in
        Case(MM0001RefusalReason.MovedCodeCannotMove, "public sealed class C(IStore s, in int limit) { private readonly int _n = s.LoadAsync().Result.Length + limit; public async Task<int> CountAsync() { await Task.Yield(); return _n; } }"), // a fix-shapes round: an `in` parameter cannot be captured (CS9109)
        Case(MM0001RefusalReason.InitializationMethodCalledElsewhere, "public sealed class C { private readonly IStore _s; private string[] _m; public C(IStore s) { _s = s; var startup = Task.Run(InitializeAsync); startup.Wait(); } private async Task InitializeAsync() => _m = await _s.LoadAsync(); public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }"), // a fix-shapes round: the start stayed, the wait moved, and InitializeAsync awaited the initializer that awaited it
        Case(MM0001RefusalReason.CompileErrors, "public sealed class C { private string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; Undefined(); } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.NoInstanceToDeferTo, "public sealed class C { private static string[] _m; static C() { _m = Load().Result; } static Task<string[]> Load() => Task.Run(() => new string[0]); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.ConstructorShape, "public sealed class C { private string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public C(IStore s, int n) { _m = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.NoAwaitEquivalent, "public sealed class C { private bool _done; public C(Task t) { _done = t.Wait(100); } public async Task<bool> DoneAsync() => await Task.FromResult(_done); }"),
        Case(MM0001RefusalReason.NoAwaitEquivalent, "public sealed class C { private static readonly object Sync = new object(); private string[] _m; public C(IStore s) { lock (Sync) { _m = s.LoadAsync().Result; } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a real-code token cache: no await inside a lock (CS1996)
        Case(MM0001RefusalReason.NoAwaitEquivalent, "public sealed class C { private string _s; public C(Task<int> t) { _s = string.Create(System.Globalization.CultureInfo.InvariantCulture, $\"count={t.Result}\"); } public async Task<string> TextAsync() => await Task.FromResult(_s); }"), // a crash hunt: awaited inside a ref-struct string handler (CS4007)
        Case(MM0001RefusalReason.HandlerWouldCatchDifferently, "public sealed class C { private string[] _m; public C(IStore s) { try { _m = s.LoadAsync().Result; } catch (InvalidOperationException) { _m = new string[0]; } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an independent consumer: awaited, the failed load became the fallback instead of failing construction
        Case(MM0001RefusalReason.HandlerWouldCatchDifferently, "public sealed class C { private string[] _m; public C(IStore s) { try { s.LoadAsync().Wait(); _m = new string[0]; } catch (Exception ex) when (!(ex is OperationCanceledException)) { _m = new string[0]; } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.HandlerWouldCatchDifferently, "public sealed class C { private string[] _m; private readonly IStore _s; public C(IStore s) { _s = s; try { Reload(); } catch (InvalidOperationException) { _m = new string[0]; } } private void Reload() => _m = _s.LoadAsync().Result; public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a re-verification: the handler around an own call that blocks below
        Case(MM0001RefusalReason.AggregateExceptionHandled, "public sealed class C { private string[] _m; private readonly IStore _s; public C(IStore s) { _s = s; try { Reload(); } catch (AggregateException) { _m = new string[0]; } } private void Reload() => _m = _s.LoadAsync().Result; public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.UnsupportedInitializer, "public sealed partial class C { private readonly int _a = Count().Result; static Task<int> Count() => Task.Run(() => 1); } public sealed partial class C { private readonly int _b = Count().Result; public async Task<int> SumAsync() => await Task.FromResult(_a + _b); }"),
        Case(MM0001RefusalReason.OwnMethodCannotBecomeAsync, "public sealed class C { private string[] _m; private readonly IStore _s; public C(IStore s) { _s = s; var n = 0; Reload(ref n); } private void Reload(ref int n) => _m = _s.LoadAsync().Result; public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.OwnMethodCannotBecomeAsync, "public sealed class C { private string[] _m; private readonly IStore _s; public C(IStore s) { _s = s; Start().Wait(); } private async Task Start() { _m = _s.LoadAsync().Result; } public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }"), // a fix-shapes round: an async method that awaits nothing, waited by the constructor, blocks inside
        Case(MM0001RefusalReason.OwnMethodUsedElsewhere, "public sealed class C { private string[] _m; private readonly IStore _s; public C(IStore s) { _s = s; Reload(); } private void Reload() => _m = _s.LoadAsync().Result; public void Refresh() => Reload(); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.MovedCodeCannotMove, "public sealed class C { private int _n; public C(IStore s) { var count = 0; count = s.LoadAsync().Result.Length; _n = count; Console.WriteLine(count); } public async Task<int> CountAsync() => await Task.FromResult(_n); }"),
        Case(MM0001RefusalReason.AggregateExceptionHandled, "public sealed class C { private string[] _m; public C(IStore s) { try { _m = s.LoadAsync().Result; } catch (AggregateException ex) when (ex.InnerException is InvalidOperationException) { _m = new[] { \"builtin\" }; } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an independent consumer: the offline fallback stopped matching once awaited
        Case(MM0001RefusalReason.AggregateExceptionHandled, "public sealed class C { private string[] _m; public C(IStore s) { try { s.LoadAsync().Wait(); _m = new string[0]; } catch (Exception ex) { Console.WriteLine(ex.InnerException); _m = new string[0]; } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.EarlyReturn, "public sealed class C { private string[] _m = new string[0]; public C(IStore s, bool skip) { if (skip) return; _m = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.EarlyReturn, "public sealed class C { private string[] _m = new string[0]; public C(IStore s, bool skip) { var a = s.LoadAsync(); a.Wait(); if (skip) return; _m = a.Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a return between the waits (crash hunt: the initialization ran what the return skipped)
        Case(MM0001RefusalReason.LaterCallsWouldRunFirst, "public sealed class C { private readonly IStore _s; public C(IStore s) { _s = s; s.LoadAsync().Wait(); Console.WriteLine(\"opened\"); } public async Task<int> CountAsync() => (await _s.LoadAsync()).Length; }"), // dotnet format on Brighter: `_pump.Start(); <wait>; _pump.Stop();` stopped before the wait
        Case(MM0001RefusalReason.LaterCallsWouldRunFirst, "public sealed class C { private readonly List<string> _bus = new List<string>(); public C(IStore s) { var names = s.LoadAsync().Result; _bus.AddRange(names); Console.WriteLine(_bus.Count); } public async Task<int> CountAsync() { await Task.Yield(); return _bus.Count; } }"), // re-verification on Brighter: `_bus.Enqueue(message)` moved with its local, `_dispatcher.Receive()` stayed and ran first
        Case(MM0001RefusalReason.LaterCallsWouldRunFirst, "public sealed class C { private readonly IStore _s; public C(IStore s) { _s = s; s.LoadAsync().Wait(); System.Threading.Thread.Sleep(s.GetHashCode()); } public async Task<int> CountAsync() => (await _s.LoadAsync()).Length; }"), // a sleep whose length calls into another object is work like any other (a plain sleep is not: Lazy_ASleepLeftBehind_IsNoLaterWork)
        Case(MM0001RefusalReason.ThisEscapesBeforeInitializer, "public sealed class C { public static readonly List<object> All = new List<object>(); private string[] _m; public C(IStore s) { var prefix = \"a\"; All.Add(this); _m = Get(s, prefix).Result; } static async Task<string[]> Get(IStore s, string p) => await s.LoadAsync(); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.StateNotPrivateInstanceMember, "public sealed class C { public string[] Models; public C(IStore s) { Models = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(Models.Length); }"),
        Case(MM0001RefusalReason.StateNotPrivateInstanceMember, "public class C { protected IStore Store { get; } protected string[] Models { get; private set; } public C(IStore s) { Store = s; Models = Store.LoadAsync().Result; } public async Task<int> CountAsync() { await Task.Yield(); return Models.Length; } }"), // a triage of unseen repositories: a protected property a derived type reads
        Case(MM0001RefusalReason.StateReadThroughAnotherInstance, "public sealed class C { private readonly string[] _m; public C(Task<string[]> load) { _m = load.Result; } public async Task<bool> SameAsync(C other) { await Task.Yield(); return other._m.Length == _m.Length; } }"),
        Case(MM0001RefusalReason.InitializationMethodCalledElsewhere, "public sealed class C { private string[] _m; public C() { RefreshAsync().Wait(); } public async Task RefreshAsync() { _m = await Task.FromResult(new[] { \"large\" }); } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.AsyncReaderCannotAwait, "public interface ICounter { Task<int> CountAsync(); } public sealed class C : ICounter { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } async Task<int> ICounter.CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.AsyncVoidReader, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async void OnTick(object sender, EventArgs e) { try { await Task.Yield(); Console.WriteLine(_m.Length); } catch (Exception ex) { Console.WriteLine(ex.Message); } } }"), // an independent consumer: the load's failure escaped the timer handler and ended the process
        Case(MM0001RefusalReason.AsyncVoidReader, "public interface IWatch { event EventHandler Changed; } public sealed class C { private readonly IStore _s; private string[] _m; public C(IStore s, IWatch w) { _s = s; _m = s.LoadAsync().Result; w.Changed += async (o, e) => await ReloadAsync(); } private async Task ReloadAsync() => _m = await _s.LoadAsync(); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a real-code check: a config reloading on a change event; the failed first load ended the process in the handler instead of failing construction
        Case(MM0001RefusalReason.AsyncVoidReader, "public sealed class C { private readonly IStore _s; private string[] _m; public C(IStore s) { _s = s; _m = s.LoadAsync().Result; } private async Task ReloadAsync() => _m = await _s.LoadAsync(); private async Task RefreshAsync() => await ReloadAsync(); public async void OnTick(object sender, EventArgs e) => await RefreshAsync(); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an async void member reaching a member that awaits the initialization through another
        Case(MM0001RefusalReason.InputChangedAfterConstruction, "public sealed class C { private readonly int _count; public C(Func<List<string>, Task<int>> load) { var filters = new List<string> { \"prod\" }; _count = load(filters).Result; filters.Add(\"staging\"); } public async Task<int> CountAsync() { await Task.Yield(); return _count; } }"), // an independent consumer: deferred, the load saw both filters
        Case(MM0001RefusalReason.InputChangedAfterConstruction, "public sealed class Options { public string Prefix { get; set; } } public sealed class C { private readonly string[] _m; public C(Func<Options, Task<string[]>> load, Options options) { _m = load(options).Result; options.Prefix = \"v2\"; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a member of an argument set after the wait
        Case(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, "public sealed class C { private readonly string[] _m; public C(IStore s, System.Threading.CancellationToken token) { var load = s.LoadAsync(); load.Wait(token); _m = load.Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an independent consumer: cancelled after construction, every first use threw
        Case(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, "public sealed class C { private readonly string[] _m; private readonly System.Threading.CancellationToken _token; public C(IStore s, System.Threading.CancellationToken token) { _token = token; var load = s.LoadAsync(); load.Wait(_token); _m = load.Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a re-verification: the same token through a field
        Case(MM0001RefusalReason.AmbientStateWouldBeReadLater, "public static class Tenant { public static readonly System.Threading.AsyncLocal<string> Current = new System.Threading.AsyncLocal<string>(); } public sealed class C { private readonly string[] _m; public C(IStore s) { _m = LoadAsync(s, Tenant.Current.Value ?? \"none\").GetAwaiter().GetResult(); } private static async Task<string[]> LoadAsync(IStore s, string tenant) => await s.LoadAsync(); public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // an independent consumer: the catalogue loaded for tenant "none" instead of "acme"
        Case(MM0001RefusalReason.AmbientStateWouldBeReadLater, "public static class TenantContext { private static readonly System.Threading.AsyncLocal<string> s_name = new System.Threading.AsyncLocal<string>(); public static string Name => s_name.Value; } public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result.Where(m => m.StartsWith(TenantContext.Name, StringComparison.Ordinal)).ToArray(); } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // through a source property
        Case(MM0001RefusalReason.AmbientStateWouldBeReadLater, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = Load(s).Result; } private static async Task<string[]> Load(IStore s) { var culture = System.Globalization.CultureInfo.CurrentCulture.Name; return (await s.LoadAsync()).Select(m => m + culture).ToArray(); } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // in an own method the moved code calls
        Case(MM0001RefusalReason.StopwatchStartedBeforeTheWait, "public sealed class C { private string[] _m; public C(IStore s) { var sw = System.Diagnostics.Stopwatch.StartNew(); try { _m = s.LoadAsync().Result; } finally { Console.WriteLine(sw.ElapsedMilliseconds); } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"), // a real-code check: the logged load time included the idle time before the first use
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } public static class Make { public static object Create(IStore s) { try { return new C(s); } catch (System.IO.IOException) { return null; } } }"), // an independent consumer: the offline fallback never ran, FirstAsync threw instead
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } public sealed class Holder { private C _c; public async Task Start(IStore s) { try { var c = new C(s); _c = c; } catch (Exception) { _c = null; } await Task.Yield(); } }"), // stored through a local of the try block
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } public static class Make { public static C[] Create(IStore s) { try { C[] all = [new(s)]; return all; } catch (System.IO.IOException) { return []; } } }"), // a target-typed creation in a collection expression, which Roslyn 4.8's reference search does not find
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } namespace Xunit { public static class Assert { public static T Throws<T>(Func<object> f) where T : Exception => null; } } public static class Tests { public static void Offline(IStore s) { Xunit.Assert.Throws<InvalidOperationException>(() => new C(s)); } }"), // an independent consumer: a test asserting that construction throws failed once the failure moved to the first use
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } namespace FluentAssertions.Specs { public static class Tests { public static void Offline(IStore s) { FluentActions.Invoking(() => { _ = new C(s); }).Should().Throw<InvalidOperationException>(); } } }"), // FluentAssertions' shape (the harness references FluentAssertions 7)
        Case(MM0001RefusalReason.ConstructionFailureHandledByCreator, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } namespace NUnit.Framework { public static class Throws { public static object Exception => null; public static object Nothing => null; } public static class Assert { public static void That(Func<object> f, object constraint) { } } } public static class Tests { public static void Offline(IStore s) { NUnit.Framework.Assert.That(() => new C(s), NUnit.Framework.Throws.Exception); } }"), // NUnit's constraint shape
        Case(MM0001RefusalReason.AggregateExceptionHandled, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public static class Use { public static async Task<int> CountAsync(IStore s) { await Task.Yield(); try { return new C(s).Count; } catch (AggregateException ex) when (ex.InnerException is System.IO.IOException) { return -1; } } }"), // an independent consumer: the factory's await unwrapped the exception the creator's handler expected
        Case(MM0001RefusalReason.HandlerWouldCatchDifferently, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public static class Use { public static async Task<int> CountAsync(IStore s) { await Task.Yield(); try { return new C(s).Count; } catch (System.IO.IOException) { return -1; } } }"), // the creator's narrow handler never saw the AggregateException
        Case(MM0001RefusalReason.ConstructorTokenWouldOutliveConstruction, "public sealed class C { private readonly string[] _m; public C(IStore s) { var timeout = new System.Threading.CancellationTokenSource(5000); var load = s.LoadAsync(); load.Wait(timeout.Token); _m = load.Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.TeardownReadsState, "public sealed class C : IAsyncDisposable { private readonly IAsyncDisposable _connection; public C(Task<IAsyncDisposable> open) { _connection = open.Result; } public async ValueTask DisposeAsync() => await _connection.DisposeAsync(); }"), // an independent consumer: disposing an unused session opened its connection first
        Case(MM0001RefusalReason.LambdaInConstructorReadsState, "public sealed class C { private readonly string[] _m; private readonly Action _report; public C(Task<string[]> load) { _report = () => Console.WriteLine(_m.Length); _m = load.Result; } public async Task ReportAsync() { await Task.Yield(); _report(); } }"),
        Case(MM0001RefusalReason.SynchronousReader, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"),
        Case(MM0001RefusalReason.SynchronousReader, "public sealed class Store { public int Saved; public Task SaveAsync(int v) { Saved = v; return Task.CompletedTask; } } public sealed class Session { private readonly Store _store; public Session(Store store) { _store = store; } public async Task CommitAsync(int v) { await Task.Yield(); await _store.SaveAsync(v); } } public sealed class C { private readonly Store _store; private readonly Session _session; public C() { _store = new Store(); _session = new Session(_store); Task.Run(async () => { for (var i = 1; i <= 100; i++) await _session.CommitAsync(i); }).Wait(); } public int Saved() => _store.Saved; public async Task<int> SavedAsync() { await Task.Yield(); return _store.Saved; } }"), // a triage's real build (CQRSlite): the deferred work on the session showed through the store it was built from, read synchronously
        Case(MM0001RefusalReason.SynchronousReader, "public sealed class Store { public int Saved; public Task SaveAsync(int v) { Saved = v; return Task.CompletedTask; } } public sealed class Repository { private readonly Store _store; public Repository(Store store) { _store = store; } public Task SaveAsync(int v) => _store.SaveAsync(v); } public sealed class Session { private readonly Repository _repository; public Session(Repository repository) { _repository = repository; } public async Task CommitAsync(int v) { await Task.Yield(); await _repository.SaveAsync(v); } } public sealed class C { private readonly Store _store; private readonly Session _session; public C() { _store = new Store(); var repository = new Repository(_store); _session = new Session(repository); Task.Run(async () => { for (var i = 1; i <= 100; i++) await _session.CommitAsync(i); }).Wait(); } public int Saved() => _store.Saved; public async Task<int> SavedAsync() { await Task.Yield(); return _store.Saved; } }"), // CQRSlite's own shape: through a local repository
        Case(MM0001RefusalReason.SynchronousReader, "public sealed class Store { public int Saved; public Task SaveAsync(int v) { Saved = v; return Task.CompletedTask; } } public sealed class Session { private readonly Store _store; public Session(Store store) { _store = store; } public async Task CommitAsync(int v) { await Task.Yield(); await _store.SaveAsync(v); } } public sealed class C { private readonly Store _store; public C() { _store = new Store(); var session = new Session(_store); Task.Run(async () => { for (var i = 1; i <= 100; i++) await session.CommitAsync(i); }).Wait(); } public int Saved() => _store.Saved; public async Task<int> SavedAsync() { await Task.Yield(); return _store.Saved; } }"), // the session a local the work captures
        Case(MM0001RefusalReason.InputChangedAfterConstruction, "public sealed class C { private IStore _s; private readonly string[] _m; public C(IStore s) { _s = s; _m = _s.LoadAsync().Result; } public void Use(IStore s) => _s = s; public async Task<string> FirstAsync() => await Task.FromResult(_m[0]); }"),
        Case(MM0001RefusalReason.NoAsyncMember, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public override string ToString() => \"C\"; }"),
        Case(MM0001RefusalReason.TypeIsInherited, "public abstract class C { private readonly string[] _m; protected C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; }"),
        Case(MM0001RefusalReason.FactoryConstructorShape, "public sealed class C { private readonly string[] _m; public C(IStore s, params int[] extra) { _m = s.LoadAsync().Result; } public int Count => _m.Length; }"),
        Case(MM0001RefusalReason.CreationCannotBeReplaced, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public static class Registry { public static readonly Type Kind = typeof(C); }"),
        Case(MM0001RefusalReason.FactoryConstructorShape, "public class C { public required List<string> Models { get; set; } public C(IStore s) { Models = new List<string>(s.LoadAsync().Result); } public string First() => Models[0]; }"), // required members: CS9035 in the factory (crash hunt)
        Case(MM0001RefusalReason.TestClass, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } [Xunit.Fact] public void Loaded() => Console.WriteLine(_m.Length); } namespace Xunit { public sealed class FactAttribute : Attribute { } }"), // dotnet format on Brighter's tests: xunit needs the public constructor
        Case(MM0001RefusalReason.StateInInactiveCode, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length);\n#if NEVER_DEFINED\n public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; }\n#endif\n }"), // applied to real code: a reader in another configuration's #if got no await, and threw there
        Case(MM0001RefusalReason.StateInInactiveCode, "public sealed class C { private readonly IStore _s; public C(IStore s) { _s = s; s.LoadAsync().Wait(); } public async Task<int> CountAsync() => (await _s.LoadAsync()).Length;\n#if NEVER_DEFINED\n public async Task PingAsync() => await Task.Yield();\n#endif\n }"), // run for its side effect: every async member must await it
        Case(MM0001RefusalReason.TypeInInactiveCode, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public static class Use { public static async Task<int> CountAsync(IStore s) { await Task.Yield(); return new C(s).Count; }\n#if NEVER_DEFINED\n public static int Count(IStore s) => new C(s).Count;\n#endif\n }"),
        Case(MM0001RefusalReason.CreationInSynchronousCode, "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; } public static class Use { public static int Count(IStore s) => new C(s).Count; }"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Shape_IsRefusedWithItsReason(string expected, string declaration)
    {
        var refusals = await RefusalsAsync(Prelude + declaration, withPatterns: true);

        Assert.Contains(System.Enum.Parse<MM0001RefusalReason>(expected), refusals);
    }

    [Theory]
    [InlineData("try { var c = new C(s); Console.WriteLine(await c.FirstAsync()); } catch (System.IO.IOException) { Console.WriteLine(\"offline\"); }")] // its first use fails inside the same try
    [InlineData("var c = new C(s); try { Console.WriteLine(await c.FirstAsync()); } catch (System.IO.IOException) { }")] // created outside the try
    [InlineData("try { await Task.Yield(); } catch (System.IO.IOException) { } Console.WriteLine(await new C(s).FirstAsync());")]
    [InlineData("Func<C> make = () => new C(s); Console.WriteLine(await make().FirstAsync());")] // a lambda that is no throw assertion
    [InlineData("Console.WriteLine(await Task.Run(() => new C(s).FirstAsync()));")] // a lambda that does more than create it
    [InlineData("NUnit.Framework.Assert.That(() => new C(s), NUnit.Framework.Throws.Nothing); } } namespace NUnit.Framework { public static class Throws { public static object Nothing => null; } public static class Assert { public static void That(Func<object> f, object constraint) { } ")] // asserting that nothing is thrown holds after the rewrite too
    [InlineData("Other.Assert.Throws<InvalidOperationException>(() => new C(s)); } } namespace Other { public static class Assert { public static T Throws<T>(Func<object> f) where T : Exception => null; ")] // an `Assert` of no test framework
    public async Task CreationWhoseFailureStaysWithItsHandler_LazyRewriteIsStillOffered(string body)
    {
        var source = Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().GetAwaiter().GetResult(); } public async Task<string> FirstAsync() { await Task.Yield(); return _m[0]; } } public static class Use { public static async Task RunAsync(IStore s) { " + body + " } }";

        var refusals = await RefusalsAsync(source, withPatterns: true);

        Assert.Empty(refusals);
    }

    [Theory]
    [InlineData("public sealed class C { private readonly int _count; public C(Func<List<string>, Task<int>> load) { var filters = new List<string> { \"prod\" }; _count = load(filters).Result; Console.WriteLine(filters.Count); } public async Task<int> CountAsync() { await Task.Yield(); return _count; } }")] // read after the wait, not changed
    [InlineData("public sealed class C { private readonly IStore _s; private string[] _m; private readonly Func<Task> _reload; public C(IStore s) { _s = s; _m = s.LoadAsync().Result; _reload = async () => await ReloadAsync(); } private async Task ReloadAsync() => _m = await _s.LoadAsync(); public async Task<int> CountAsync() { await _reload(); return _m.Length; } }")] // an async lambda that returns a task: its caller sees the failure
    [InlineData("public sealed class C { private string[] _m; public C(IStore s) { try { _m = s.LoadAsync().Result; } finally { Console.WriteLine(\"loaded\"); } } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }")] // no stopwatch handed over
    public async Task NoChangeAfterTheWaitAndNoAsyncVoidCaller_LazyRewriteIsStillOffered(string declaration)
    {
        var refusals = await RefusalsAsync(Prelude + declaration, withPatterns: true);

        Assert.Empty(refusals);
    }

    [Fact]
    public async Task TypeAskedAboutInAProjectThatDoesNotHoldIt_IsCannotAnalyze_NotAnException()
    {
        // Robustness (a decision must never throw: Fix All and `dotnet format` would lose every other type's fix — the
        // pipeline also turns an unexpected exception into CannotAnalyze): the type is asked about in a project whose
        // compilation does not hold its syntax trees, as a two-project solution's referenced code is.
        using var workspace = new AdhocWorkspace();
        var references = await RobustnessHarness.GetReferencesAsync();
        var a = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "A", "A", LanguageNames.CSharp)
            .WithMetadataReferences(references).WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        var document = workspace.AddDocument(a.Id, "C.cs", Microsoft.CodeAnalysis.Text.SourceText.From(Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }"));
        var b = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "B", "B", LanguageNames.CSharp)
            .WithMetadataReferences(references).WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        var type = (await document.Project.GetCompilationAsync())!.GetTypeByMetadataName("C")!;

        var decision = await MM0001Pipeline.DecideAsync(workspace.CurrentSolution, workspace.CurrentSolution.GetProject(b.Id)!, type, planFactory: true, CancellationToken.None);

        Assert.Null(decision.Plan);
        Assert.Equal(MM0001RefusalReason.CannotAnalyze, decision.Refusal?.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DecisionThatThrows_IsCannotAnalyze_NotAnException_ButACancellationPropagates(bool cancelled)
    {
        // The pipeline's safety net itself: a type symbol whose every member but its name throws stands for any unexpected
        // failure inside one type's decision. Fix All (and `dotnet format`) must lose that type's fix only; a cancellation
        // is not such a failure and reaches the caller.
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("A", LanguageNames.CSharp);
        var hostile = System.Reflection.DispatchProxy.Create<INamedTypeSymbol, HostileSymbol>();
        HostileSymbol.Throw = cancelled ? () => new System.OperationCanceledException() : null;
        try
        {
            if (cancelled)
            {
                await Assert.ThrowsAnyAsync<System.OperationCanceledException>(
                    () => MM0001Pipeline.DecideAsync(workspace.CurrentSolution, project, hostile, planFactory: true, CancellationToken.None));
                return;
            }

            var decision = await MM0001Pipeline.DecideAsync(workspace.CurrentSolution, project, hostile, planFactory: true, CancellationToken.None);

            Assert.Null(decision.Plan);
            Assert.Equal(MM0001RefusalReason.CannotAnalyze, decision.Refusal?.Reason);
        }
        finally
        {
            HostileSymbol.Throw = null;
        }
    }

    [Fact]
    public async Task ProjectWithoutPatterns_RefusesLazyWithPatternsNotReferenced()
    {
        var refusals = await RefusalsAsync(Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }", withPatterns: false);

        Assert.Contains(MM0001RefusalReason.PatternsNotReferenced, refusals);
    }

    [Fact]
    public async Task CancellableWaitOnATargetWithoutTaskWaitAsync_IsRefusedWithNoAwaitEquivalent_ButOnNet8IsNot()
    {
        // `t.Wait(token)` cancels the wait, not the task: only `await t.WaitAsync(token)` (.NET 6+) does the same. On
        // netstandard2.0 (an independent consumer's multi-targeted library) there is none, so nothing is rewritten.
        const string Source = Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s, System.Threading.CancellationToken token) { var load = s.LoadAsync(); load.Wait(token); _m = load.Result; } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }";
        var netStandard = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

        var refused = await RefusalsAsync(Source, withPatterns: false, netStandard);
        var offered = await RefusalsAsync(Source, withPatterns: true);

        Assert.Contains(MM0001RefusalReason.NoAwaitEquivalent, refused);
        Assert.DoesNotContain(MM0001RefusalReason.NoAwaitEquivalent, offered);
    }

    [Theory]
    [InlineData("#nullable enable\nC\nC.C(IStore! s) -> void\nC.Count.get -> int", true)]
    [InlineData("~C.C(IStore s) -> void", true)]
    [InlineData("C\nC.Count.get -> int", false)] // the constructor is not shipped (yet): the factory may change it
    public async Task ConstructorListedInPublicApiShipped_FactoryIsRefused(string shipped, bool refused)
    {
        // An independent consumer: the factory made a packable library's public constructor private, breaking callers
        // outside the solution. A constructor the project declares shipped (PublicApiAnalyzers) is left alone.
        const string Source = Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new C(s).Count; } }";

        var refusals = await RefusalsAsync(Source, withPatterns: true, shippedPublicApi: shipped);

        Assert.Equal(refused, refusals.Contains(MM0001RefusalReason.ConstructorIsShippedPublicApi));
    }

    [Theory]
    [InlineData("public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new C(s).Count; } }", "/src/P/P.csproj", true)]
    [InlineData("public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new C(s).Count; } }", null, false)] // an IDE or a solution: every caller is loaded
    [InlineData("internal sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new C(s).Count; } }", "/src/P/P.csproj", false)] // no other assembly can call it
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"P.Tests\")]\ninternal sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new C(s).Count; } }", "/src/P/P.csproj", true)] // a friend assembly can
    public async Task LibraryOpenedAlone_ConstructorOtherAssembliesCanCall_FactoryIsRefused(string declaration, string? projectFilePath, bool refused)
    {
        // dotnet format on LlmTornado's ChromaDB project alone made a public constructor private; the samples project
        // that creates it was not loaded and stopped compiling (CS1729).
        var source = declaration.StartsWith("[assembly:", System.StringComparison.Ordinal)
            ? Prelude.Replace("public interface IStore", declaration.Substring(0, declaration.IndexOf('\n')) + "\npublic interface IStore", System.StringComparison.Ordinal) + declaration.Substring(declaration.IndexOf('\n') + 1)
            : Prelude + declaration;
        var refusals = await RefusalsAsync(source, withPatterns: true, projectFilePath: projectFilePath);

        Assert.True(refused == refusals.Contains(MM0001RefusalReason.ConstructorUsedByProjectsNotLoaded), string.Join(", ", refusals));
    }

    [Theory]
    [InlineData("try { _m = s.LoadAsync().Result; } catch (Exception) { _m = new string[0]; }")]
    [InlineData("try { _m = s.LoadAsync().Result; } catch { _m = new string[0]; }")]
    [InlineData("try { _m = s.LoadAsync().Result; } catch (System.Exception ex) when (_retry) { Console.WriteLine(ex.Message); _m = new string[0]; }")]
    [InlineData("try { _m = s.LoadAsync().GetAwaiter().GetResult(); } catch (InvalidOperationException) { _m = new string[0]; }")] // already unwrapped
    [InlineData("_m = s.LoadAsync().Result; try { Console.WriteLine(\"loaded\"); } catch (InvalidOperationException) { }")] // the wait is not in the try
    [InlineData("try { try { _m = s.LoadAsync().Result; } catch (Exception) { _m = new string[0]; } } catch (InvalidOperationException) { _m = new string[1]; }")] // a re-verification: the inner catch-all ends every exception
    public async Task HandlerThatCatchesTheWaitAndTheAwaitAlike_IsNotRefused(string body)
    {
        var refusals = await RefusalsAsync(Prelude + "public sealed class C { private string[] _m; private readonly bool _retry = true; public C(IStore s) { " + body + " } public async Task<int> CountAsync() => await Task.FromResult(_m.Length); }", withPatterns: true);

        Assert.DoesNotContain(MM0001RefusalReason.HandlerWouldCatchDifferently, refusals);
        Assert.DoesNotContain(MM0001RefusalReason.AggregateExceptionHandled, refusals);
        Assert.Empty(refusals);
    }

    [Fact]
    public void TraceLine_ReasonAboutTheWholeType_IsPlacedAtTheDiagnostic_ANodeReasonAtItsNode()
    {
        // An independent consumer: `no fix for 'WithStatic': NoInstanceToDeferTo` said neither where nor what, unlike the
        // documented `<Reason> (<symbol>) at <file>(<line>,<column>)`.
        var tree = CSharpSyntaxTree.ParseText("public struct C\n{\n    public C(int n) { }\n}\n", path: "/src/C.cs");
        var diagnosticLocation = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(tree.ToString().IndexOf("public C", System.StringComparison.Ordinal), 8));
        var node = tree.GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>().Single();

        var wholeType = new MM0001Refusal(MM0001RefusalReason.UnsupportedTypeKind).Describe(diagnosticLocation);
        var atNode = new MM0001Refusal(MM0001RefusalReason.MovedCodeCannotMove, node: node.Body).Describe(diagnosticLocation);

        Assert.Equal("UnsupportedTypeKind at C.cs(3,5)", wholeType);
        Assert.Equal("MovedCodeCannotMove at C.cs(3,21)", atNode);
    }

    [Fact]
    public async Task TraceLines_SayWhyTheLazyRewriteWasNotOffered_WhenTheFactoryIs()
    {
        // Independent consumers: a public constructor became private for the factory "with no reason printed", and when
        // both rewrites were refused only the factory's reason was traced.
        const string Source = Prelude + "public sealed class TracedFactoryCatalog { private readonly string[] _m; public TracedFactoryCatalog(IStore s) { _m = s.LoadAsync().Result; } public int Count => _m.Length; public static async Task<int> UseAsync(IStore s) { await Task.Yield(); return new TracedFactoryCatalog(s).Count; } }";
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "P", "P", LanguageNames.CSharp))
            .WithMetadataReferences(await RobustnessHarness.GetReferencesAsync())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Traced.cs", Source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "MM0001");
        var lines = new List<string>();
        using var listener = new CollectingListener(lines, "TracedFactoryCatalog");
        Trace.Listeners.Add(listener);
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        try
        {
            var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new MM0001BlockingWaitInConstructorCodeFixProvider().RegisterCodeFixesAsync(context);
        }
        finally
        {
            Trace.Listeners.Remove(listener);
        }

        Assert.Equal(MM0001BlockingWaitInConstructorCodeFixProvider.IntroduceFactoryTitle, Assert.Single(actions).Title);
        lock (lines)
        {
            var line = Assert.Single(lines);
            Assert.Matches(@"^MM0001: no lazy rewrite for 'TracedFactoryCatalog': \w+ (\(\w+\) )?at Traced\.cs\(\d+,\d+\)$", line);
        }
    }

    private sealed class CollectingListener : TraceListener
    {
        private readonly List<string> _lines;
        private readonly string _filter;

        public CollectingListener(List<string> lines, string filter)
        {
            _lines = lines;
            _filter = filter;
        }

        public override void Write(string? message)
        {
        }

        public override void WriteLine(string? message)
        {
            if (message is not null && message.Contains(_filter, System.StringComparison.Ordinal))
            {
                lock (_lines)
                {
                    _lines.Add(message);
                }
            }
        }
    }

    [Fact]
    public async Task MethodNamedClosestNotTeardown_IsNotRefused()
    {
        // A re-verification: `ClosestModelAsync` counted as a `Close…` teardown.
        var refusals = await RefusalsAsync(Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async Task<string> ClosestModelAsync(string n) { await Task.Yield(); return _m[0] + n; } }", withPatterns: true);

        Assert.Empty(refusals);
    }

    [Fact]
    public async Task OwnInitMethodShape_IsNotRefused()
    {
        var refusals = await RefusalsAsync(Prelude + "public sealed class C { private readonly IStore _s; private string[] _m = new string[0]; public C(IStore s) { _s = s; LoadAsync().Wait(); } private async Task LoadAsync() => _m = await _s.LoadAsync(); public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }", withPatterns: true);

        Assert.Empty(refusals);
    }

    [Fact]
    public void EveryReason_HasARowInTheRulePage()
    {
        var page = File.ReadAllText(Path.Combine(Verifiers.TestEnvironment.RepositoryRoot, "docs", "rules", "MM0001.md"));
        foreach (var reason in System.Enum.GetValues<MM0001RefusalReason>().Where(r => r != MM0001RefusalReason.None))
        {
            Assert.Contains("| `" + reason + "` |", page);
        }
    }

    [Fact]
    public async Task SynchronousReaderCalledOnAnotherInstance_TheRefusalNamesTheReader_NotTheAsyncCaller()
    {
        // A fix-shapes round: `Main` (static, async) only created the instance and awaited its `ViaLocalAsync`, a
        // synchronous method whose async local function reads the state; the trace said `AsyncReaderCannotAwait (Main)`.
        // A call on another instance does not make the caller a reader of this instance's state: the reader is named.
        var decision = await DecideAsync(Prelude + "public sealed class C { private readonly string[] _m; public C(IStore s) { _m = s.LoadAsync().Result; } public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } public Task<string> ViaLocalAsync() { return Inner(); async Task<string> Inner() { await Task.Yield(); return _m[0]; } } public static async Task Main() { var c = new C(null); Console.WriteLine(await c.ViaLocalAsync()); } }", withPatterns: true);

        Assert.Equal(MM0001RefusalReason.SynchronousReader, decision.LazyRefusal?.Reason);
        Assert.Equal("ViaLocalAsync", decision.LazyRefusal?.Symbol?.Name);
    }

    [Fact]
    public async Task ALaterConstructorStatementReadingTheLoadedField_IsASynchronousReader_AtThatStatement()
    {
        // A fix-shapes round: `_best = _m[0];` after the wait reads the loaded field in the constructor, which stays
        // synchronous (only statements using a local the moved code declares move along): the lazy rewrite is refused at
        // that read, and the factory is planned.
        var decision = await DecideAsync(Prelude + "public sealed class C { private readonly string[] _m; private readonly string _best; public C(IStore s) { _m = s.LoadAsync().Result; _best = _m[0]; } public async Task<string> BestAsync() { await Task.Yield(); return _best + _m.Length; } public static async Task<C> MakeAsync(IStore s) { await Task.Yield(); return new C(s); } }", withPatterns: true);

        Assert.Equal(MM0001RefusalReason.SynchronousReader, decision.LazyRefusal?.Reason);
        Assert.NotNull(decision.Plan?.Factory);
    }

    [Fact]
    public void Refusal_TracesReasonSymbolAndPosition()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int Count => 0; }", path: "/src/C.cs");
        var compilation = CSharpCompilation.Create("T", new[] { tree });
        var property = compilation.GetTypeByMetadataName("C")!.GetMembers("Count")[0];

        Assert.Equal("SynchronousReader (Count) at C.cs(1,15)", new MM0001Refusal(MM0001RefusalReason.SynchronousReader, property).ToString());
    }

    [Fact]
    public async Task AWarningTheProjectTreatsAsAnError_IsNoCompileError_ARealErrorIs()
    {
        // A consumer round (`TreatWarningsAsErrors`): a CS0219 (here) or CS8602 in the type refused the rewrite with
        // CompileErrors, and since MM0003's fix removes the CS8602, `dotnet format` applied MM0001 only in the runs where
        // MM0003 came first.
        var warning = Prelude + "public sealed class C { private string[] _m; public C(IStore s) { var unused = 1; _m = s.LoadAsync().Result; } public async Task<int> CountAsync() { await Task.Yield(); return _m.Length; } }";

        Assert.DoesNotContain(MM0001RefusalReason.CompileErrors, await RefusalsAsync(warning, withPatterns: true, warningsAsErrors: true));
        Assert.Empty(await RefusalsAsync(warning, withPatterns: true, warningsAsErrors: true));
        Assert.Contains(MM0001RefusalReason.CompileErrors, await RefusalsAsync(warning.Replace("var unused = 1;", "Undefined();"), withPatterns: true, warningsAsErrors: true));
    }

    private static object[] Case(MM0001RefusalReason reason, string declaration) => new object[] { reason.ToString(), declaration };

    /// <summary>The reasons the planner gives for the type named C: for both rewrites, or for the shape as a whole.</summary>
    private static async Task<List<MM0001RefusalReason>> RefusalsAsync(
        string source, bool withPatterns, ImmutableArray<MetadataReference>? frameworkReferences = null, string? shippedPublicApi = null, string? projectFilePath = null, bool warningsAsErrors = false)
    {
        var decision = await DecideAsync(source, withPatterns, frameworkReferences, shippedPublicApi, projectFilePath, warningsAsErrors);
        var reasons = new List<MM0001RefusalReason>();
        foreach (var refusal in new[] { decision.Refusal, decision.LazyRefusal, decision.FactoryRefusal })
        {
            if (refusal is not null)
            {
                reasons.Add(refusal.Reason);
            }
        }

        if (decision.Plan is { Lazy: null })
        {
            reasons.Add(decision.LazyRefusal?.Reason ?? MM0001RefusalReason.None);
        }

        return reasons;
    }

    /// <summary>The planner's decision for the type named C.</summary>
    private static async Task<MM0001Decision> DecideAsync(
        string source, bool withPatterns, ImmutableArray<MetadataReference>? frameworkReferences = null, string? shippedPublicApi = null, string? projectFilePath = null, bool warningsAsErrors = false)
    {
        using var workspace = new AdhocWorkspace();
        var references = frameworkReferences ?? await RobustnessHarness.GetReferencesAsync();
        if (!withPatterns && frameworkReferences is null)
        {
            references = references.Remove(Verifiers.TestEnvironment.PatternsReference);
        }

        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "P", "P", LanguageNames.CSharp, filePath: projectFilePath))
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        if (shippedPublicApi is not null)
        {
            project = project.AddAdditionalDocument("PublicAPI.Shipped.txt", shippedPublicApi, filePath: "/src/P/PublicAPI.Shipped.txt").Project;
        }

        var document = project.AddDocument("Test0.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var type = compilation.GetTypeByMetadataName("C")!;

        return await MM0001Pipeline.DecideAsync(document.Project.Solution, document.Project, type, planFactory: true, CancellationToken.None);
    }
}

/// <summary>A symbol proxy whose every member but <c>Name</c> throws (by default an <see cref="System.InvalidOperationException"/>).</summary>
public class HostileSymbol : System.Reflection.DispatchProxy
{
    private static readonly System.Threading.AsyncLocal<System.Func<System.Exception>?> s_throw = new();

    internal static System.Func<System.Exception>? Throw { get => s_throw.Value; set => s_throw.Value = value; }

    /// <inheritdoc/>
    protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        => targetMethod?.Name == "get_Name" ? "Hostile" : throw (s_throw.Value?.Invoke() ?? new System.InvalidOperationException("hostile symbol: " + targetMethod?.Name));
}
