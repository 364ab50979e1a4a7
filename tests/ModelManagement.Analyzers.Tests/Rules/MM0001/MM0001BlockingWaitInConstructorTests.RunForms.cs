using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0001BlockingWaitInConstructorAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0001;

/// <summary>
/// MM0001: the blocking forms constructors really use besides Result/Wait/GetResult (issue #14) —
/// <c>JoinableTaskFactory.Run</c> and <c>JoinableTask.Join</c> (vs-threading), <c>AsyncContext.Run</c> (Nito.AsyncEx), and
/// <c>Task.Run(...)</c> chains — reported only where they run during construction. The packages are not referenced:
/// minimal stand-ins in their namespaces (matched by type name and namespace).
/// </summary>
public sealed partial class MM0001BlockingWaitInConstructorTests
{
    private const string RunFormsLibraries = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        namespace Microsoft.VisualStudio.Threading
        {
            public class JoinableTaskFactory
            {
                public void Run(Func<Task> asyncMethod) { }
                public T Run<T>(Func<Task<T>> asyncMethod) => default(T);
                public JoinableTask RunAsync(Func<Task> asyncMethod) => new JoinableTask();
            }

            public class ReentrantTaskFactory : JoinableTaskFactory { }

            public class JoinableTask
            {
                public void Join() { }
                public Task JoinAsync() => Task.Run(() => { });
            }
        }

        namespace Nito.AsyncEx
        {
            public sealed class AsyncContext
            {
                public static void Run(Func<Task> action) { }
                public static T Run<T>(Func<Task<T>> action) => default(T);
                public void Execute() { }
            }
        }

        namespace LookAlikes
        {
            public class JoinableTaskFactory { public void Run(Func<Task> asyncMethod) { } }
            public static class AsyncContext { public static void Run(Func<Task> action) { } }
        }
        """;

    private static async Task VerifyRunFormsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("/0/Libraries.cs", RunFormsLibraries));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task JoinableTaskFactoryRunInConstructor_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.Threading;

            public sealed class SolutionIndex
            {
                private readonly string[] _projects;
                private readonly int _count;

                public SolutionIndex(JoinableTaskFactory jtf, ReentrantTaskFactory derived)
                {
                    _projects = {|#0:jtf.Run(() => LoadProjectsAsync())|};
                    {|#1:jtf.Run(async () => await WarmUpAsync())|};
                    _count = {|#2:derived.Run(async () => { await Task.Yield(); return 3; })|};
                    {|#3:jtf.RunAsync(WarmUpAsync).Join()|};
                    {|#4:jtf.Run(WarmUpAsync)|};
                }

                private static Task<string[]> LoadProjectsAsync() => Task.Run(() => new string[0]);
                private static Task WarmUpAsync() => Task.Run(() => { });
            }
            """;
        await VerifyRunFormsAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("SolutionIndex", "LoadProjectsAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SolutionIndex", "WarmUpAsync()"),
            Verify.Diagnostic().WithLocation(2).WithArguments("SolutionIndex", "JoinableTaskFactory.Run(...)"),
            Verify.Diagnostic().WithLocation(3).WithArguments("SolutionIndex", "RunAsync()"),
            Verify.Diagnostic().WithLocation(4).WithArguments("SolutionIndex", "WarmUpAsync()"));
    }

    [Fact]
    public async Task AsyncContextRunInConstructorAndInitializers_Reports()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Nito.AsyncEx;

            public sealed class Settings
            {
                private static readonly string Region = {|#0:AsyncContext.Run(() => ReadRegionAsync())|};
                private readonly int _port;

                public Settings()
                {
                    _port = {|#1:AsyncContext.Run(async () => await ReadPortAsync().ConfigureAwait(false))|};
                }

                private static Task<string> ReadRegionAsync() => Task.Run(() => "eu");
                private static Task<int> ReadPortAsync() => Task.Run(() => 80);
            }
            """;
        await VerifyRunFormsAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Settings", "ReadRegionAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Settings", "ReadPortAsync()"));
    }

    [Fact]
    public async Task TaskRunChainsInConstructor_ReportAndNameTheStartedWork()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Catalogue
            {
                private readonly string[] _models;
                private readonly int _size;

                public Catalogue()
                {
                    _models = {|#0:Task.Run(() => LoadAsync()).Result|};
                    {|#1:Task.Run(async () => await RefreshAsync()).Wait()|};
                    _size = {|#2:Task.Run(() => SizeAsync()).GetAwaiter().GetResult()|};
                    {|#3:Task.Run(RefreshAsync).ConfigureAwait(false).GetAwaiter().GetResult()|};
                    var started = {|#4:Task.Factory.StartNew(async () => 1).Result|};
                }

                private static Task<string[]> LoadAsync() => Task.Run(() => new string[0]);
                private static Task RefreshAsync() => Task.Run(() => { });
                private static Task<int> SizeAsync() => Task.Run(() => 1);
            }
            """;
        await VerifyRunFormsAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Catalogue", "LoadAsync()"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Catalogue", "RefreshAsync()"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Catalogue", "SizeAsync()"),
            Verify.Diagnostic().WithLocation(3).WithArguments("Catalogue", "RefreshAsync()"),
            Verify.Diagnostic().WithLocation(4).WithArguments("Catalogue", "Task.Factory.StartNew(...)"));
    }

    [Fact]
    public async Task RunFormsThroughOwnMethod_ReportAtTheConstructorsCall()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.Threading;

            public sealed class Toolbox
            {
                private readonly JoinableTaskFactory _jtf;
                private string[] _tools;

                public Toolbox(JoinableTaskFactory jtf)
                {
                    _jtf = jtf;
                    {|#0:Reload()|};
                }

                private void Reload() => _tools = _jtf.Run(() => ListAsync());

                private static Task<string[]> ListAsync() => Task.Run(() => new string[0]);
            }
            """;
        await VerifyRunFormsAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Toolbox", "ListAsync()"));
    }

    [Fact]
    public async Task RunFormsInCallbacksSetUpByTheConstructor_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.Threading;
            using Nito.AsyncEx;

            public static class ChangeToken
            {
                public static IDisposable OnChange(Func<object> producer, Action consumer) => null;
            }

            public sealed class Watcher : IDisposable
            {
                private readonly Timer _timer;
                private readonly IDisposable _subscription;
                private readonly Func<string[]> _read;
                private readonly Lazy<int> _count;

                public Watcher(JoinableTaskFactory jtf)
                {
                    _timer = new Timer(_ => jtf.Run(() => RefreshAsync()), null, 1000, 1000);
                    _subscription = ChangeToken.OnChange(() => new object(), () => AsyncContext.Run(() => RefreshAsync()));
                    _read = () => Task.Run(() => LoadAsync()).Result;
                    _count = new Lazy<int>(() => Task.Run(() => 1).GetAwaiter().GetResult());
                    jtf.RunAsync(() => RefreshAsync());
                    _ = Task.Run(() => RefreshAsync());
                }

                public void Dispose()
                {
                    _timer.Dispose();
                    _subscription?.Dispose();
                }

                private static Task RefreshAsync() => Task.Run(() => { });
                private static Task<string[]> LoadAsync() => Task.Run(() => new string[0]);
            }
            """;
        await VerifyRunFormsAsync(source);
    }

    [Fact]
    public async Task RunFormsOutsideConstructionOrOnLookAlikes_DoNotReport()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.Threading;

            public sealed class Worker
            {
                private readonly JoinableTaskFactory _jtf;

                public Worker(JoinableTaskFactory jtf, LookAlikes.JoinableTaskFactory other)
                {
                    _jtf = jtf;
                    other.Run(() => Task.CompletedTask);
                    LookAlikes.AsyncContext.Run(() => Task.CompletedTask);
                    jtf.RunAsync(() => Task.CompletedTask).JoinAsync();
                }

                public void Refresh() => _jtf.Run(() => Task.CompletedTask);

                public async Task RefreshAsync() => await _jtf.RunAsync(() => Task.CompletedTask).JoinAsync();
            }
            """;
        await VerifyRunFormsAsync(source);
    }
}
