using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// MM0005 on real-code shapes whose check reads state the function itself set: a value written on every path into the
/// check, awaits in between or not (npgsql's <c>NpgsqlDataReader.NextResultSchemaOnly</c>, grandnode's
/// <c>AmazonPictureService.CheckBucketExists</c>), and a claim flag tested in its own early return (Exceptionless'
/// <c>MaxMindGeoIpService.GetDatabaseAsync</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task CheckOfAValueWrittenOnEveryPathBefore_DoesNotReport_ButACheckSomePathReachesUnwrittenDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ResultReader
            {
                private readonly ICatalogStore _store;
                private Catalog _current;
                private Catalog _cached;
                private int _index;

                public ResultReader(ICatalogStore store) => _store = store;

                public async Task<bool> NextAsync(bool prepared)
                {
                    for (; _index < 10; _index++)
                    {
                        if (prepared) _current = new Catalog();
                        else _current = await _store.LoadAsync();
                        if (_current != null) return true;
                    }

                    return false;
                }

                public async Task<bool> NextAfterAwaitAsync(bool prepared)
                {
                    for (; _index < 10; _index++)
                    {
                        if (prepared) _current = new Catalog();
                        else _current = await _store.LoadAsync();
                        await _store.WarmUpAsync();
                        if (_current == null) _current = await _store.LoadAsync();
                    }

                    return false;
                }

                public async Task<Catalog> GetAsync(bool prepared)
                {
                    if (prepared) _cached = new Catalog();
                    if ({|#0:_cached == null|})
                    {
                        _cached = await _store.LoadAsync();
                    }

                    return _cached;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_cached"));
    }

    [Fact]
    public async Task CheckOfAValueAnOwnSynchronousMethodAlwaysWrote_DoesNotReport_ButOneItMayNotHaveWrittenDoes()
    {
        // MailKit's ImapEngine.QuerySpecialFoldersAsync: `ProcessListInboxResponse(…)` assigns Inbox on every path, so the
        // `if (Inbox == null)` after it reads what this call produced, as the inline `Inbox = …;` form does. A method that
        // writes only on some path (or only after an early return) leaves the check a lazy one.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class Folder { }

            public sealed class Engine
            {
                private Folder _sent;
                private Folder _drafts;

                public Folder Inbox { get; private set; }

                private Task<Folder> ListAsync() => Task.FromResult<Folder>(null);

                private void ProcessListResponse(Folder folder)
                {
                    System.Console.WriteLine("listed");
                    Inbox = folder;
                }

                private void ProcessSent(Folder folder) => _sent = folder;

                private void MaybeProcessDrafts(Folder folder)
                {
                    if (folder == null) return;
                    _drafts = folder;
                }

                public async Task QuerySpecialFoldersAsync()
                {
                    ProcessListResponse(await ListAsync());
                    if (Inbox == null)
                    {
                        ProcessListResponse(await ListAsync());
                        if (Inbox == null) Inbox = new Folder();
                    }

                    ProcessSent(await ListAsync());
                    if (_sent == null) _sent = await ListAsync();
                }

                public async Task<Folder> DraftsAsync()
                {
                    MaybeProcessDrafts(await ListAsync());
                    if ({|#0:_drafts == null|})
                    {
                        _drafts = await ListAsync();
                    }

                    return _drafts;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_drafts"));
    }

    [Fact]
    public async Task LoopReCheckingTheValueJustWritten_ReportsOnlyTheFirstCheck()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class BucketStore
            {
                private bool _bucketExists;

                public async Task EnsureBucketAsync()
                {
                    if ({|#0:!_bucketExists|})
                    {
                        _bucketExists = await ExistsAsync();
                        while (_bucketExists == false)
                        {
                            await CreateAsync();
                            _bucketExists = await ExistsAsync();
                        }
                    }
                }

                private static Task<bool> ExistsAsync() => Task.FromResult(true);

                private static Task CreateAsync() => Task.CompletedTask;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_bucketExists"));
    }

    [Fact]
    public async Task ReCheckUnderAClaimThisCallTook_DoesNotReport_WithoutTheClaimItDoes()
    {
        // MudBlazor's PopoverService: `if (IsInitialized) return; if (_isInitializing) return; try { _isInitializing =
        // true; if (IsInitialized) return; await …; IsInitialized = true; } finally { _isInitializing = false; }` — the
        // first check was silent, the re-check under the claim was reported.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class PopoverService
            {
                private readonly ICatalogStore _store;
                private bool _isInitializing;
                private bool _isOpening;
                public bool IsInitialized { get; private set; }
                public bool IsOpen { get; private set; }

                public PopoverService(ICatalogStore store) => _store = store;

                public async Task EnsureAsync()
                {
                    if (IsInitialized) return;
                    if (_isInitializing) return;
                    try
                    {
                        _isInitializing = true;
                        if (IsInitialized) return;
                        await _store.LoadAsync();
                        IsInitialized = true;
                    }
                    finally
                    {
                        _isInitializing = false;
                    }
                }

                public async Task OpenAsync()
                {
                    if (_isOpening) return;
                    _isOpening = false;
                    if ([|IsOpen|]) return;
                    await _store.LoadAsync();
                    IsOpen = true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ClaimFlagTestedInItsOwnEarlyReturn_DoesNotReport_ButAFlagSetAfterTheAwaitDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class GeoIpService
            {
                private readonly ICatalogStore _store;
                private Catalog _database;
                private Catalog _other;
                private bool _loading;
                private bool _otherLoading;

                public GeoIpService(ICatalogStore store) => _store = store;

                public async Task<Catalog> GetAsync()
                {
                    if (_database != null)
                        return _database;
                    if (_loading)
                        return null;

                    _loading = true;
                    _database = await _store.LoadAsync();
                    return _database;
                }

                public async Task<Catalog> GetFlagFirstAsync()
                {
                    if (_loading)
                        return null;
                    if (_database != null)
                        return _database;

                    _loading = true;
                    _database = await _store.LoadAsync();
                    return _database;
                }

                public async Task<Catalog> GetOtherAsync()
                {
                    if ({|#0:_other != null|})
                        return _other;
                    if ({|#1:_otherLoading|})
                        return null;

                    _other = await _store.LoadAsync();
                    _otherLoading = true;
                    return _other;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_other"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_otherLoading"));
    }

    [Fact]
    public async Task PropertyOthersMaySet_IsInput_DoesNotReport_APrivatelySetOneDoes()
    {
        // Real-code hunt: Duende's logout page (`[BindProperty] public string? LogoutId { get; set; }`, 53 copies) gives a
        // missing input a default with `LogoutId ??= await CreateLogoutContextAsync();` — input, not state loaded once.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class LogoutPage
            {
                private readonly ICatalogStore _store;

                public LogoutPage(ICatalogStore store) => _store = store;

                public Catalog Requested { get; set; }

                internal Catalog Shared { get; set; }

                public Catalog Cached { get; private set; }

                public async Task OnPostAsync()
                {
                    Requested ??= await _store.LoadAsync();
                    {|#1:Shared|} ??= await _store.LoadAsync();
                    {|#0:Cached|} ??= await _store.LoadAsync();
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Cached"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Shared")); // an internal setter is the assembly's own state
    }

    [Fact]
    public async Task PropertyPassingItsValueThroughOneBackingField_IsTrackedLikeAnAutoProperty()
    {
        // A fix-shapes round: `{ get => _models; set => _models = value; }` (and C# 14's `{ get => field; set => field =
        // value; }`) loads twice under two callers like `{ get; set; }`, and was not reported. A setter that does more
        // (`OnChanged()`), or a getter reading something else, is no plain store.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IRegistry { Task<string[]> ListAsync(); }

            public sealed class Catalogs
            {
                private readonly IRegistry _registry;
                private string[] _models;
                private string[] _names;
                private string[] _tags;

                public Catalogs(IRegistry registry) => _registry = registry;

                private string[] Models { get => _models; set => _models = value; }

                private string[] Names { get => this._names; set { _names = value; OnChanged(); } }

                private string[] Tags { get => _tags ?? Array.Empty<string>(); set => _tags = value; }

                private void OnChanged() { }

                public async Task<int> CountModelsAsync()
                {
                    if ({|#0:Models == null|})
                    {
                        Models = await _registry.ListAsync();
                    }

                    return Models.Length;
                }

                public async Task<int> CountNamesAsync()
                {
                    if (Names == null)
                    {
                        Names = await _registry.ListAsync();
                    }

                    return Names.Length;
                }

                public async Task<int> CountTagsAsync()
                {
                    if (Tags.Length == 0)
                    {
                        Tags = await _registry.ListAsync();
                    }

                    return Tags.Length;
                }
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Models"));
    }
}
