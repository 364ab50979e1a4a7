using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 on a flag written after awaiting an own helper that is single-flight itself (triage FP1, CacheTower's
/// <c>FileCacheLayer.IsAvailableAsync</c>: <c>TryLoadManifestAsync</c> re-checks the manifest after taking its semaphore).
/// Awaiting it is like awaiting an <c>AsyncLazy</c>: the work runs once, and the flag records that it finished.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string SingleFlightHelperCaller = /* lang=c#-test */ """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class FileCache
        {
            private readonly SemaphoreSlim _manifestLock = new SemaphoreSlim(1, 1);
            private readonly object _gate = new object();
            private readonly ICatalogStore _store;
            private Catalog _manifest;
            private Catalog _other;
            private int _loads;
            private bool? _isManifestAvailable;

            public FileCache(ICatalogStore store) => _store = store;

            public async ValueTask<bool> IsAvailableAsync()
            {
                if (MARK_isManifestAvailable is nullEND)
                {
                    try
                    {
                        await TryLoadManifestAsync().ConfigureAwait(false);
                        _isManifestAvailable = true;
                    }
                    catch
                    {
                        _isManifestAvailable = false;
                    }
                }

                return _isManifestAvailable.Value;
            }

            private async Task TryLoadManifestAsync()
            {
                HELPER
            }

            private void Count() => _loads++;

            private Task SaveAsync(Catalog catalog) => Task.CompletedTask;
        }
        """;

    [Theory]
    [InlineData("""
        if (_manifest is null)
        {
            await _manifestLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_manifest is null)
                {
                    _manifest = await _store.LoadAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _manifestLock.Release();
            }
        }
        """)]
    [InlineData("""
        await _manifestLock.WaitAsync();
        try
        {
            if (_manifest == null && _other == null)
            {
                var loaded = await _store.LoadAsync();
                _manifest = loaded;
                await SaveAsync(loaded); // an own call that writes nothing
            }
        }
        finally
        {
            _manifestLock.Release();
        }
        """)]
    public async Task FlagAfterAwaitingAnOwnDoubleCheckedHelper_DoesNotReport(string helper)
    {
        await VerifyAsync(SingleFlightHelperCaller.Replace("MARK", string.Empty).Replace("END", string.Empty).Replace("HELPER", helper));
    }

    [Theory]
    [InlineData("""
        await _manifestLock.WaitAsync();
        try
        {
            _manifest = await _store.LoadAsync(); // no re-check: the second caller loads again
        }
        finally
        {
            _manifestLock.Release();
        }
        """)]
    [InlineData("""
        if ({|MM0005:_manifest is null|}) // re-checked, but no guard holds it (reported here too)
        {
            _manifest = await _store.LoadAsync();
        }
        """)]
    [InlineData("""
        await _manifestLock.WaitAsync();
        try
        {
            if (_manifest is null)
            {
                _manifest = await _store.LoadAsync();
            }

            _other = _manifest; // another member written without its own check
        }
        finally
        {
            _manifestLock.Release();
        }
        """)]
    [InlineData("""
        await _manifestLock.WaitAsync();
        try
        {
            if (_manifest is null)
            {
                _manifest = await _store.LoadAsync();
                Count(); // writes through an own call
            }
        }
        finally
        {
            _manifestLock.Release();
        }
        """)]
    [InlineData("""
        await _store.WarmUpAsync(); // writes nothing: no work it guards
        """)]
    public async Task FlagAfterAwaitingAnOwnHelperThatIsNotSingleFlight_Reports(string helper)
    {
        await VerifyAsync(SingleFlightHelperCaller.Replace("MARK", "{|MM0005:").Replace("END", "|}").Replace("HELPER", helper));
    }

    private const string FastPathCaller = /* lang=c#-test */ """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public interface IIndexStore { Task<string[]> LoadAsync(); }

        public sealed class AuthIndex
        {
            private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);
            private readonly IIndexStore _store;
            private volatile bool _loaded;
            private string[] _index = Array.Empty<string>();

            public AuthIndex(IIndexStore store) => _store = store;

            public async Task<int> CountAsync()
            {
                if (MARK!_loadedEND)
                {
                    await LoadCoreAsync();
                }

                return _index.Length;
            }

            private async Task<bool> LoadCoreAsync()
            {
                HELPER
            }
        }
        """;

    /// <summary>
    /// A fast path in front of an own helper that checks the same member again under its semaphore (a real repository's
    /// MQTT service, <c>EnsureMqttAuthIndexLoadedAsync</c>): two callers that arrive together both call the helper, and its
    /// re-check lets one of them load. The helper writes the member the caller checked; it is single-flight all the same.
    /// </summary>
    [Theory]
    [InlineData("""
        await Gate.WaitAsync();
        try
        {
            if (!_loaded)
            {
                _index = await _store.LoadAsync();
                _loaded = true;
            }

            return true;
        }
        finally
        {
            Gate.Release();
        }
        """)]
    [InlineData("""
        await Gate.WaitAsync();
        try
        {
            if (_loaded) return true; // the early-exit form of the re-check
            _index = await _store.LoadAsync();
            _loaded = true;
            return true;
        }
        finally
        {
            Gate.Release();
        }
        """)]
    public async Task FastPathInFrontOfAnOwnDoubleCheckedHelperWritingTheSameMember_DoesNotReport(string helper)
    {
        await VerifyAsync(FastPathCaller.Replace("MARK", string.Empty).Replace("END", string.Empty).Replace("HELPER", helper));
    }

    [Theory]
    [InlineData("""
        await Gate.WaitAsync();
        try
        {
            _index = await _store.LoadAsync(); // no re-check: the second caller loads again
            _loaded = true;
            return true;
        }
        finally
        {
            Gate.Release();
        }
        """)]
    public async Task FastPathInFrontOfAnOwnHelperWithoutAGuardedRecheck_Reports(string helper)
    {
        await VerifyAsync(FastPathCaller.Replace("MARK", "{|MM0005:").Replace("END", "|}").Replace("HELPER", helper));
    }
}

public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    private const string CoalescingFastPathCaller = /* lang=c#-test */ """
        #nullable enable
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class PromptTemplateCache
        {
            private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
            private readonly Func<CancellationToken, Task<string>> _load;
            private string? _template;

            public PromptTemplateCache(Func<CancellationToken, Task<string>> load) => _load = load;

            public async Task<string> GetAsync(CancellationToken ct) => MARK_templateEND ?? await LoadOnceAsync(ct);

            private async Task<string> LoadOnceAsync(CancellationToken ct)
            {
                await _gate.WaitAsync(ct);
                try
                {
                    HELPER
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        """;

    /// <summary>
    /// The coalescing forms of the re-check in an own double-checked helper (a scenario round's chat-bot prompt cache:
    /// <c>_template ?? await LoadOnceAsync(ct)</c> in front of <c>return _template ??= await _load(ct);</c> under the
    /// semaphore): <c>??=</c> and <c>x ?? (x = …)</c> check the member they write, like <c>if (x == null) x = …</c>.
    /// </summary>
    [Theory]
    [InlineData("return _template ??= await _load(ct);")]
    [InlineData("_template ??= await _load(ct); return _template;")]
    [InlineData("return _template ?? (_template = await _load(ct));")]
    [InlineData("return _template != null ? _template : (_template = await _load(ct));")]
    [InlineData("if (_template == null) _template = await _load(ct); return _template;")]
    public async Task FastPathInFrontOfAnOwnHelperRecheckingByCoalescing_DoesNotReport(string helper)
    {
        await VerifyAsync(CoalescingFastPathCaller.Replace("MARK", string.Empty).Replace("END", string.Empty).Replace("HELPER", helper));
    }

    [Theory]
    [InlineData("return _template = await _load(ct); // no re-check: the second caller loads again")]
    public async Task FastPathInFrontOfAnOwnHelperWithoutACoalescingRecheck_Reports(string helper)
    {
        await VerifyAsync(CoalescingFastPathCaller.Replace("MARK", "{|MM0005:").Replace("END", "|}").Replace("HELPER", helper));
    }
}
