using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Patterns;
using VerifyFix = ModelManagement.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer,
    ModelManagement.Analyzers.CodeFixes.Fixes.MM0002SideEffectAwaitNotGuardedCodeFixProvider>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// The fixes' output as a user gets it, with and without a CancellationToken in scope: it is what the fixes produce
/// (verified), it trips none of CA1031, CA2007 (.NET analyzers) or RCS1075 (Roslynator), and, compiled and run, it
/// swallows and reports a failing side effect while the caller's own cancellation still propagates.
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private const string ScenarioTemplate = /* lang=c#-test */ """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelManagement.Patterns;

        public interface IHistoricalLogStore
        {
            Task LogResultAsync(string entry, CancellationToken cancellationToken);
        }

        public sealed class NarrativeGenerator
        {
            private readonly IHistoricalLogStore _history;

            public NarrativeGenerator(IHistoricalLogStore history)
            {
                _history = history;
            }

            public async Task<string> GenerateAsync(string prompt, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                var result = "Once upon a time: " + prompt;
        $$
                return result;
            }

            public async Task ArchiveAsync(string entry)
            {
        %%
            }
        }

        public sealed class SynchronouslyThrowingStore : IHistoricalLogStore
        {
            public Task LogResultAsync(string entry, CancellationToken cancellationToken) => throw new InvalidOperationException("sync");
        }

        public sealed class FaultingStore : IHistoricalLogStore
        {
            public Task LogResultAsync(string entry, CancellationToken cancellationToken)
                => Task.FromException(new InvalidOperationException("history database unavailable"));
        }

        public sealed class OwnTimeoutStore : IHistoricalLogStore
        {
            public Task LogResultAsync(string entry, CancellationToken cancellationToken) => throw new TaskCanceledException("own timeout");
        }

        public sealed class HangingStore : IHistoricalLogStore
        {
            public Task LogResultAsync(string entry, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
        }
        """;

    private static readonly string ScenarioSource = ScenarioTemplate.Replace("$$", """
                await [|_history.LogResultAsync(result, cancellationToken)|].ConfigureAwait(false);
        """).Replace("%%", """
                await [|_history.LogResultAsync(entry, CancellationToken.None)|].ConfigureAwait(false);
        """);

    private static readonly string ScenarioTryCatchFixed = ScenarioTemplate.Replace("$$", """
                try
                {
                    await _history.LogResultAsync(result, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    SideEffect.ReportFailure(ex);
                }
        """).Replace("%%", """
                try
                {
                    await _history.LogResultAsync(entry, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (SideEffect.ReportAndSwallow(ex))
                {
                }
        """);

    private static readonly string ScenarioHelperFixed = ScenarioTemplate.Replace("$$", """
                await SideEffect.TryAsync(() => _history.LogResultAsync(result, cancellationToken), cancellationToken).ConfigureAwait(false);
        """).Replace("%%", """
                await SideEffect.TryAsync(() => _history.LogResultAsync(entry, CancellationToken.None)).ConfigureAwait(false);
        """);

    [Fact]
    public async Task EndToEndScenario_FixesProduceTheCheckedCode()
    {
        foreach (var (key, fixedSource) in new[] { (Wrap, ScenarioTryCatchFixed), (Helper, ScenarioHelperFixed) })
        {
            var test = new VerifyFix.Test { TestCode = ScenarioSource, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
            await test.RunAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("try")]
    [InlineData("helper")]
    public async Task FixedCode_Runs_SwallowsAndReportsFailures_PropagatesCallerCancellation(string fix)
    {
        var assembly = CompileAndLoad(fix == "try" ? ScenarioTryCatchFixed : ScenarioHelperFixed);
        var reported = new List<Exception>();
        var previous = SideEffect.FailureHandler;
        SideEffect.FailureHandler = e =>
        {
            lock (reported)
            {
                reported.Add(e);
            }
        };
        try
        {
            foreach (var store in new[] { "SynchronouslyThrowingStore", "FaultingStore", "OwnTimeoutStore" })
            {
                var result = await GenerateAsync(assembly, store, CancellationToken.None);
                Assert.Equal("Once upon a time: dragons", result);
                await ArchiveAsync(assembly, store);
            }

            // Each store failed twice: with the caller's token in scope (filter lets only its cancellation through)
            // and without one (everything swallowed and reported).
            lock (reported)
            {
                Assert.Equal(6, reported.Count(e => e.Message is "sync" or "history database unavailable" or "own timeout"));
            }

            using var cts = new CancellationTokenSource();
            var pending = GenerateAsync(assembly, "HangingStore", cts.Token);
            cts.CancelAfter(100);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        }
        finally
        {
            SideEffect.FailureHandler = previous;
        }
    }

    [Fact]
    public async Task FixedCode_TripsNoneOfTheGeneralCatchAndConfigureAwaitRules()
    {
        foreach (var fixedSource in new[] { ScenarioTryCatchFixed, ScenarioHelperFixed })
        {
            var output = await RunPeerAnalyzersAsync(fixedSource);
            Assert.DoesNotContain("CA1031", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CA2007", output, StringComparison.Ordinal);
            Assert.DoesNotContain("RCS1075", output, StringComparison.Ordinal);
            Assert.DoesNotContain(": error ", output, StringComparison.Ordinal);
        }

        // The same analyzers do report the unguarded shapes they exist for (so they really ran).
        var control = await RunPeerAnalyzersAsync("""
            using System;
            using System.Threading.Tasks;

            public static class Control
            {
                public static async Task RunAsync(Func<Task> work)
                {
                    try
                    {
                        await work();
                    }
                    catch (Exception)
                    {
                    }
                }
            }
            """);
        Assert.Contains("CA1031", control, StringComparison.Ordinal);
        Assert.Contains("CA2007", control, StringComparison.Ordinal);
        Assert.Contains("RCS1075", control, StringComparison.Ordinal);
    }

    private static async Task<string> GenerateAsync(Assembly assembly, string storeName, CancellationToken cancellationToken)
    {
        var store = Activator.CreateInstance(assembly.GetType(storeName, throwOnError: true)!)!;
        var generator = Activator.CreateInstance(assembly.GetType("NarrativeGenerator", throwOnError: true)!, store)!;
        var method = generator.GetType().GetMethod("GenerateAsync")!;
        return await (Task<string>)method.Invoke(generator, new object[] { "dragons", cancellationToken })!;
    }

    private static async Task ArchiveAsync(Assembly assembly, string storeName)
    {
        var store = Activator.CreateInstance(assembly.GetType(storeName, throwOnError: true)!)!;
        var generator = Activator.CreateInstance(assembly.GetType("NarrativeGenerator", throwOnError: true)!, store)!;
        await (Task)generator.GetType().GetMethod("ArchiveAsync")!.Invoke(generator, new object[] { "dragons" })!;
    }

    private static Assembly CompileAndLoad(string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "MM0002Scenario" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source) },
            platform.Append(MetadataReference.CreateFromFile(typeof(SideEffect).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>Compiles the code with the SDK's compiler and the peer analyzers; returns the compiler's output.</summary>
    private static async Task<string> RunPeerAnalyzersAsync(string source)
    {
        var packages = typeof(MM0002SideEffectAwaitNotGuardedTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var csc = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"))
            .Where(File.Exists)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Last();
        var dotnet = Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        var references = Directory.GetFiles(Path.Combine(packages, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0"), "*.dll")
            .Append(typeof(SideEffect).Assembly.Location);
        var analyzers = Directory.GetFiles(Path.Combine(packages, "microsoft.codeanalysis.netanalyzers", "10.0.401", "analyzers", "dotnet", "cs"), "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(packages, "roslynator.analyzers", "5.0.1", "analyzers", "dotnet", "roslyn4.7", "cs"), "*.dll")
                .Where(p => !p.Contains("CodeFixes", StringComparison.Ordinal) && !p.Contains("Workspaces", StringComparison.Ordinal)));

        var folder = Directory.CreateTempSubdirectory("mm0002-peers-").FullName;
        try
        {
            var file = Path.Combine(folder, "Fixed.cs");
            await File.WriteAllTextAsync(file, source);
            var config = Path.Combine(folder, ".globalconfig");
            await File.WriteAllTextAsync(config, "is_global = true\ndotnet_diagnostic.CA1031.severity = warning\ndotnet_diagnostic.CA2007.severity = warning\ndotnet_diagnostic.RCS1075.severity = warning\n");
            var arguments = new List<string> { "exec", csc, "-nologo", "-noconfig", "-nostdlib+", "-target:library", "-langversion:latest", "-out:" + Path.Combine(folder, "Fixed.dll"), "-analyzerconfig:" + config };
            arguments.AddRange(references.Select(r => "-reference:" + r));
            arguments.AddRange(analyzers.Select(a => "-analyzer:" + a));
            arguments.Add(file);

            var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            return await output + await error;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
