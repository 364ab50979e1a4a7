using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0002SideEffectAwaitNotGuardedAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0002;

/// <summary>
/// MM0002 on the shapes real code showed (issue #14): prefixes whose receiver is something else, own helpers that
/// guard themselves, and side effects awaited through <c>Task.WhenAll</c>. Minimal reproductions written for the tests.
/// </summary>
public sealed partial class MM0002SideEffectAwaitNotGuardedTests
{
    private const string ShapesDomain = /* lang=c#-test */ """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Shapes
        {
            public sealed class User { }
            public sealed class TestFixtures { public Task Record(User user) => Task.CompletedTask; }
            public interface IDeviceActivityCache { Task RecordUpdateAsync(Guid id); Task LogAsync(Guid id); }
            public interface IShipments { Task TrackAsync(string parcel); Task TraceRouteAsync(string parcel); }
            public interface IEventService { Task RecordAsync(string name); Task LogUserEventAsync(string name); }
            public interface IPlainSink { Task TrackAsync(string name); Task RecordMetricAsync(string name); }
            public interface ITracer { Task TraceAsync(string name); }
            public interface ISession { Task LogInAsync(); Task LogOutAsync(); Task LogOnAsync(); Task LogOff(); Task LogIn_Async(); Task LogUserIn(string provider); Task LogCurrentAccountOutAsync(); Task LogUserInfoAsync(); Task LogUserInput(); Task LogEveryOtherUserOff(); }
            public interface IRepository { Task<User> GetAsync(Guid id); Task SaveAsync(User user); }
        }
        """;

    private static string InShapes(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Shapes;

        public class Commands
        {
            private readonly TestFixtures _fixtures = new TestFixtures();
            private readonly IDeviceActivityCache _cache;
            private readonly IShipments _shipments;
            private readonly IEventService _eventService;
            private readonly IPlainSink _events;
            private readonly IPlainSink _sink;
            private readonly ITracer _tracer;
            private readonly ISession _session;
            private readonly IRepository _repository;

            public Commands(IDeviceActivityCache cache, IShipments shipments, IEventService eventService, IPlainSink events, IPlainSink sink,
                ITracer tracer, ISession session, IRepository repository)
            {
                _cache = cache; _shipments = shipments; _eventService = eventService; _events = events; _sink = sink;
                _tracer = tracer; _session = session; _repository = repository;
            }

            public async Task RunAsync(User user, Guid id, string name, IEnumerable<string> names)
            {
        {{body}}
            }
        {{members}}
        }
        """;

    private static Task VerifyShapesAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        => VerifyAsync(source, editorConfig, LanguageVersion.Latest, NullableContextOptions.Disable, extraSource: ShapesDomain, expected);

    private static Task VerifyShapesAsync(string source, params DiagnosticResult[] expected)
        => VerifyShapesAsync(source, editorConfig: null, expected);

    // ---------------------------------------------------------------- Record / Track / Trace need a side-effect word

    [Fact]
    public async Task ReceiverCheckedPrefixOnUnrelatedReceiver_DoesNotReport()
    {
        var source = InShapes("""
                    await _fixtures.Record(user);
                    await _cache.RecordUpdateAsync(id);
                    await _shipments.TrackAsync(name);
                    await _shipments.TraceRouteAsync(name);
                    await _sink.TrackAsync(name);
                    await RecordVisitAsync(user);
            """, """
                private Task RecordVisitAsync(User user) => _repository.SaveAsync(user);
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task ReceiverCheckedPrefixWithSideEffectWord_Reports()
    {
        var source = InShapes("""
                    await {|#0:_eventService.RecordAsync(name)|};
                    await {|#1:_events.TrackAsync(name)|};
                    await {|#2:_sink.RecordMetricAsync(name)|};
                    await {|#3:_tracer.TraceAsync(name)|};
                    await {|#4:RecordEventAsync(name)|};
            """, """
                private Task RecordEventAsync(string text) => _eventService.RecordAsync(text);
            """);
        await VerifyShapesAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_eventService.RecordAsync"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_events.TrackAsync"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_sink.RecordMetricAsync"),
            Verify.Diagnostic().WithLocation(3).WithArguments("_tracer.TraceAsync"),
            Verify.Diagnostic().WithLocation(4).WithArguments("RecordEventAsync"));
    }

    [Fact]
    public async Task LogPrefixOnUnrelatedReceiver_StillReports()
    {
        var source = InShapes("""
                    await [|_cache.LogAsync(id)|];
                    await [|_eventService.LogUserEventAsync(name)|];
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task LifecycleOfALoggerOrTelemetryClient_DoesNotReport_ButItsRecordingsDo()
    {
        // azure-webjobs-sdk's LogWriter: `await _instanceLogger.StopAsync();` stops a background poller; it records
        // nothing. The receiver suffix alone no longer makes Start/Stop/Open/Close/Dispose/Initialize… a side effect.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public sealed class ContainerActiveLogger
            {
                public Task StartAsync() => Task.CompletedTask;
                public Task StopAsync() => Task.CompletedTask;
                public ValueTask DisposeAsync() => default;
                public Task InitializeAsync() => Task.CompletedTask;
                public Task FlushAsync() => Task.CompletedTask;
                public Task WriteAsync(string entry) => Task.CompletedTask;
                public Task ClearAllActivitiesAsync() => Task.CompletedTask;
                public Task<int> GetEntryCountAsync() => Task.FromResult(0);
                public Task DeleteOlderThanAsync(int days) => Task.CompletedTask;
            }

            public sealed class LogWriter
            {
                private readonly ContainerActiveLogger _instanceLogger = new ContainerActiveLogger();

                public async Task FlushCoreAsync()
                {
                    await _instanceLogger.StartAsync();
                    await _instanceLogger.InitializeAsync();
                    await _instanceLogger.StopAsync();
                    await _instanceLogger.DisposeAsync();
                    await [|_instanceLogger.FlushAsync()|];
                    await [|_instanceLogger.WriteAsync("done")|];
                }

                // Smartstore's admin action whose whole job is clearing the activity log (the triage of unseen
                // repositories): maintaining or querying the log records nothing, and its failure must fail the action.
                public async Task<int> MaintainAsync()
                {
                    await _instanceLogger.ClearAllActivitiesAsync();
                    await _instanceLogger.DeleteOlderThanAsync(30);
                    return await _instanceLogger.GetEntryCountAsync();
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task SignInVerbs_DoNotReport()
    {
        var source = InShapes("""
                    await _session.LogInAsync();
                    await _session.LogOutAsync();
                    await _session.LogOnAsync();
                    await _session.LogOff();
                    await _session.LogIn_Async();
                    await _session.LogUserIn("github");
                    await _session.LogCurrentAccountOutAsync();
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task LogWithAWordEndingLikeAParticle_OrThreeWordsBeforeIt_Reports()
    {
        // devhome's `LogUserIn` (the 2026-12-06 triage) signs in; `LogUserInfo`/`LogUserInput` log, and a particle three
        // words away is too far to be the phrasal verb's.
        var source = InShapes("""
                    await [|_session.LogUserInfoAsync()|];
                    await [|_session.LogUserInput()|];
                    await [|_session.LogEveryOtherUserOff()|];
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task PrefixJoinedToAnotherVerb_DoesNotReport_ButAPrefixedNounDoes()
    {
        // openmod's `LogAndInstallPackage`: log, then install; the install is the awaited work. `LogOrder…` is a noun.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class Installer
            {
                public async Task RunAsync()
                {
                    await LogAndInstallPackage("p");
                    await AuditThenSaveAsync("p");
                    await LogOrThrowAsync("p");
                    await [|LogOrderAsync("p")|];
                }

                private async Task LogAndInstallPackage(string package) => await Task.Delay(1);
                private async Task AuditThenSaveAsync(string package) => await Task.Delay(1);
                private async Task LogOrThrowAsync(string package) => await Task.Delay(1);
                private async Task LogOrderAsync(string order) => await Task.Delay(1);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnTrackMethod_ConfirmedOnlyByTheVerbsOwnNounInTheTypeName_DoesNotReport_AnotherWordStillConfirms()
    {
        // MODiX's `ChannelTrackingBehavior.TrackChannelAsync` upserts the channel into the datastore: "Tracking" is the
        // verb's own noun, not evidence of telemetry. "Telemetry" in the type's name still is.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public class ChannelTrackingBehavior
            {
                public async Task HandleAsync(string channel) => await TrackChannelAsync(channel);

                private async Task TrackChannelAsync(string channel) => await Task.Delay(1);
            }

            public class ChannelTelemetryBehavior
            {
                public async Task HandleAsync(string channel) => await [|TrackChannelAsync(channel)|];

                private async Task TrackChannelAsync(string channel) => await Task.Delay(1);
            }

            public class RouteTracingBehavior
            {
                public async Task HandleAsync(string route) => await TraceRouteAsync(route);

                private async Task TraceRouteAsync(string route) => await Task.Delay(1);
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task RecordOnAUnitOfWork_DoesNotReport_ItsDomainWordsAreWhatItStores()
    {
        // A triage of ServiceControl: the audit ingestion stores audit messages and saga snapshots through
        // `IAuditIngestionUnitOfWork.RecordSagaSnapshot`, the error ingestion known endpoints through
        // `unitOfWork.Monitoring.RecordKnownEndpoint`; a failure must fail the batch (the real code logs and rethrows), and
        // the fix acknowledged unsaved messages. The same verb on an audit log still reports.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IAuditIngestionUnitOfWork { Task RecordSagaSnapshot(string snapshot); }
            public interface IMonitoringIngestionUnitOfWork { Task RecordKnownEndpoint(string endpoint); }
            public interface IIngestionUnitOfWork { IMonitoringIngestionUnitOfWork Monitoring { get; } IMetricsStore Metrics { get; } }
            public interface IMetricsStore { Task RecordAsync(string name); }
            public sealed class AuditBatch : IAuditIngestionUnitOfWork { public Task RecordSagaSnapshot(string snapshot) => Task.CompletedTask; }
            public interface IAuditLog { Task RecordAsync(string entry); }

            public sealed class Ingestion
            {
                private readonly IAuditLog _auditLog;

                public Ingestion(IAuditLog auditLog) => _auditLog = auditLog;

                public async Task PersistAsync(IAuditIngestionUnitOfWork audit, IIngestionUnitOfWork unitOfWork, AuditBatch batch, string item)
                {
                    await audit.RecordSagaSnapshot(item);
                    await unitOfWork.Monitoring.RecordKnownEndpoint(item);
                    await unitOfWork.Metrics.RecordAsync(item);
                    await batch.RecordSagaSnapshot(item);
                    await [|_auditLog.RecordAsync(item)|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task TrackOnAReceiverNamedForTheVerbsOwnNoun_DoesNotReport_AnotherWordOrATracerStillConfirms()
    {
        // An independent consumer: `IShipmentTracker.TrackAsync(parcel)` tracks a parcel — the domain's work — and the fix
        // swallowed its failures. "Tracker"/"Tracking" in the receiver's type, constraints or name are Track's own nouns; a
        // tracker tracks parcels, progress or changes as much as usage. Another word still confirms, and a tracer only traces.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IShipmentTracker { Task TrackAsync(string parcel); Task TrackEventAsync(string name); }
            public interface IUsageTracking { Task TrackAsync(string feature); }
            public interface ITelemetryTracker { Task TrackAsync(string name); }
            public interface ITracer { Task TraceAsync(string message); }
            public interface IParcels { Task TrackAsync(string parcel); }

            public sealed class Dispatcher
            {
                private readonly IShipmentTracker _shipmentTracker;
                private readonly IUsageTracking _usage;
                private readonly ITelemetryTracker _telemetry;
                private readonly ITracer _tracer;
                private readonly IParcels _tracking;

                public Dispatcher(IShipmentTracker shipmentTracker, IUsageTracking usage, ITelemetryTracker telemetry, ITracer tracer, IParcels tracking)
                {
                    _shipmentTracker = shipmentTracker;
                    _usage = usage;
                    _telemetry = telemetry;
                    _tracer = tracer;
                    _tracking = tracking;
                }

                public async Task DispatchAsync<T>(string parcel, T generic) where T : IShipmentTracker
                {
                    await _shipmentTracker.TrackAsync(parcel);
                    await _usage.TrackAsync("dispatch");
                    await _tracking.TrackAsync(parcel);
                    await generic.TrackAsync(parcel);
                    await [|_shipmentTracker.TrackEventAsync("dispatched")|];
                    await [|_telemetry.TrackAsync("dispatch")|];
                    await [|_tracer.TraceAsync(parcel)|];
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ReceiverCheckedPrefixesNone_PrefixAloneCountsAgain()
    {
        var source = InShapes("""
                    await [|_fixtures.Record(user)|];
                    await [|_cache.RecordUpdateAsync(id)|];
            """);
        await VerifyShapesAsync(source, "mm0002.receiver_checked_method_prefixes = none");
    }

    [Fact]
    public async Task ReceiverCheckedPrefixesReplaced_OnlyTheListedNeedEvidence()
    {
        var source = InShapes("""
                    await [|_fixtures.Record(user)|];
                    await _shipments.TrackAsync(name);
            """);
        await VerifyShapesAsync(source, "mm0002.receiver_checked_method_prefixes = Track");
    }

    [Fact]
    public async Task AdditionalSideEffectWords_AddEvidence()
    {
        var source = InShapes("""
                    await [|_fixtures.Record(user)|];
                    await _cache.RecordUpdateAsync(id);
            """);
        await VerifyShapesAsync(source, "mm0002.additional_side_effect_words = Fixtures");
    }

    [Fact]
    public async Task SideEffectWordsReplaced_DefaultWordsNoLongerCount()
    {
        var source = InShapes("""
                    await _eventService.RecordAsync(name);
                    await [|_shipments.TrackAsync(name)|];
            """);
        await VerifyShapesAsync(source, "mm0002.side_effect_words = Shipments");
    }

    // ---------------------------------------------------------------- own helpers that guard themselves

    [Fact]
    public async Task OwnHelperWhoseBodyIsTryCatch_DoesNotReport()
    {
        var source = InShapes("""
                    await _repository.SaveAsync(user);
                    await LogConfirmedEventsAsync(name);
                    await EventLogging.LogQuietlyAsync(_eventService, name);
                    await LogBothAsync(name);
            """, """
                private async Task LogConfirmedEventsAsync(string text)
                {
                    try
                    {
                        await _eventService.LogUserEventAsync(text);
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex);
                    }
                }

                private async Task LogBothAsync(string text)
                {
                    await LogConfirmedEventsAsync(text);
                    await EventLogging.LogQuietlyAsync(_eventService, text).ConfigureAwait(false);
                }
            }

            internal static class EventLogging
            {
                public static async Task LogQuietlyAsync(IEventService events, string text)
                {
                    if (text.Length == 0)
                    {
                        return;
                    }

                    try
                    {
                        await events.LogUserEventAsync(text);
                    }
                    catch
                    {
                    }
                }
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task GuardedLocalFunction_DoesNotReport()
    {
        var source = InShapes("""
                    await LogSafelyAsync();

                    async Task LogSafelyAsync()
                    {
                        try { await _eventService.LogUserEventAsync(name); } catch (Exception) { }
                    }
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task ForwarderToAGuardedOwnMethod_DoesNotReport_ForwarderToAnUnguardedOneDoes()
    {
        // Discord.Net (74 reports when compiled together): `Logger.WarningAsync(m) => _manager.WarningAsync(Name, m)`, a
        // non-async forwarder to LogManager's self-guarding LogAsync. Its task is the guarded call's.
        var source = InShapes("""
                    await _logger.DebugAsync(name);
                    await _logger.WarningAsync(name).ConfigureAwait(false);
                    await [|_logger.RawAsync(name)|];
            """, """
                private readonly Logger _logger = new Logger(new LogManager());
            }

            internal sealed class LogManager
            {
                public async Task LogAsync(string message)
                {
                    try { await Console.Out.WriteLineAsync(message); } catch { }
                }

                public Task WarningAsync(string message) => LogAsync("warn: " + message);

                public Task RawLogAsync(string message) => Console.Out.WriteLineAsync(message);
            }

            internal sealed class Logger
            {
                private readonly LogManager _manager;
                public Logger(LogManager manager) => _manager = manager;
                public Task WarningAsync(string message) => _manager.WarningAsync(message);
                public Task DebugAsync(string message) { return _manager.LogAsync(message); }
                public Task RawAsync(string message) => _manager.RawLogAsync(message);
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task OwnAsyncHelperThatAwaitsNothing_DoesNotReport_AnAwaitForeachOrAwaitUsingStillDoes()
    {
        // A triage of certify: `async Task AuditWarning(…) { _log?.Warning(…); }` (CS1998) runs synchronously to its end;
        // what it can throw is synchronous code, not judged when written in the caller either — 21 reports in one file. An
        // `await foreach` or `await using` in the helper awaits what it calls, so the helper is not guarded.
        var source = /* lang=c#-test */ """
            #pragma warning disable CS1998
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface ILog { void Warning(string template, params object[] values); }
            public interface IAuditStream { IAsyncEnumerable<string> WriteAllAsync(string entry); IAsyncDisposable Open(); }

            public sealed class AccessControl
            {
                private readonly ILog _log;
                private readonly IAuditStream _stream;

                public AccessControl(ILog log, IAuditStream stream) { _log = log; _stream = stream; }

                public async Task AuditWarning(string template, params object[] values)
                {
                    _log?.Warning(template, values);
                }

                private async Task AuditStreamedAsync(string entry)
                {
                    await foreach (var _ in _stream.WriteAllAsync(entry)) { }
                }

                private async Task AuditOpenedAsync(string entry)
                {
                    await using var session = _stream.Open();
                }

                public async Task<bool> AddPrincipleAsync(string userId, bool isAdmin)
                {
                    if (!isAdmin)
                    {
                        await AuditWarning("User {userId} attempted to add a principle.", userId);
                        await [|AuditStreamedAsync(userId)|];
                        await [|AuditOpenedAsync(userId)|];
                        return false;
                    }

                    return true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnHelperWhoseAwaitUsingOrAwaitForeachSitsInItsCatchAllTry_DoesNotReport_OneOutsideTheTryDoes()
    {
        // A triage of DittoSharp: `LogGiftTransactionAsync` opens its connection with `await using` inside the try of its
        // swallow-all catch, so the disposal's await is swallowed too — 4 reports in one file.
        var source = /* lang=c#-test */ """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public interface IDb : IAsyncDisposable { Task InsertAsync(object row); }
            public interface IDbProvider { Task<IDb> GetConnectionAsync(); IDb Open(); IAsyncEnumerable<IDb> ShardsAsync(); }

            public sealed class GiftService
            {
                private readonly IDbProvider _dbProvider;

                public GiftService(IDbProvider dbProvider) => _dbProvider = dbProvider;

                public async Task<bool> GiftAsync(ulong from, ulong to)
                {
                    await LogGiftTransactionAsync(from, to);
                    await LogToEveryShardAsync(from, to);
                    await [|LogOpenedOutsideTheTryAsync(from, to)|];
                    return true;
                }

                private async Task LogGiftTransactionAsync(ulong from, ulong to)
                {
                    try
                    {
                        await using var db = await _dbProvider.GetConnectionAsync(); // disposed inside the try
                        await db.InsertAsync(new { from, to });
                    }
                    catch
                    {
                    }
                }

                private async Task LogToEveryShardAsync(ulong from, ulong to)
                {
                    try
                    {
                        await foreach (var shard in _dbProvider.ShardsAsync())
                        {
                            await using (shard)
                            {
                                await shard.InsertAsync(new { from, to });
                            }
                        }
                    }
                    catch (Exception)
                    {
                    }
                }

                private async Task LogOpenedOutsideTheTryAsync(ulong from, ulong to)
                {
                    await using var db = _dbProvider.Open(); // its disposal's await is outside the try
                    try
                    {
                        await db.InsertAsync(new { from, to });
                    }
                    catch
                    {
                    }
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnHelpersThatDoNotGuardEverything_Report()
    {
        var source = InShapes("""
                    await [|LogAfterReadAsync(id)|];
                    await [|LogRethrowingAsync(name)|];
                    await [|LogWithoutAwaitAsync(name)|];
                    await [|LogFromCatchAsync(name)|];
                    await [|LogVirtualAsync(name)|];
                    await [|PublicLogging.LogQuietlyAsync(_eventService, name)|];
            """, """
                private async Task LogAfterReadAsync(Guid key)
                {
                    var found = await _repository.GetAsync(key);
                    try { await _eventService.LogUserEventAsync(found.ToString()); } catch (Exception) { }
                }

                private async Task LogRethrowingAsync(string text)
                {
                    try { await _eventService.LogUserEventAsync(text); } catch (Exception) { throw; }
                }

                private Task LogWithoutAwaitAsync(string text)
                {
                    try { return _eventService.LogUserEventAsync(text); } catch (Exception) { return Task.CompletedTask; }
                }

                private async Task LogFromCatchAsync(string text)
                {
                    try { await _repository.SaveAsync(null); } catch (Exception) { await _eventService.LogUserEventAsync(text); }
                }

                protected virtual async Task LogVirtualAsync(string text)
                {
                    try { await _eventService.LogUserEventAsync(text); } catch (Exception) { }
                }
            }

            public static class PublicLogging
            {
                public static async Task LogQuietlyAsync(IEventService events, string text)
                {
                    try { await events.LogUserEventAsync(text); } catch (Exception) { }
                }
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task OwnHelpersCallingEachOtherInACycle_ReportAndDoNotHang()
    {
        var source = InShapes("""
                    await [|LogPingAsync(3)|];
            """, """
                private async Task LogPingAsync(int n)
                {
                    try { await _eventService.LogUserEventAsync("ping"); } catch (Exception) { }
                    await LogPongAsync(n - 1);
                }

                private async Task LogPongAsync(int n)
                {
                    try { await _eventService.LogUserEventAsync("pong"); } catch (Exception) { }
                    await LogPingAsync(n - 1);
                }
            """);
        await VerifyShapesAsync(source);
    }

    // ---------------------------------------------------------------- Task.WhenAll

    [Fact]
    public async Task SideEffectAmongWhenAllArguments_Reports()
    {
        var source = InShapes("""
                    await {|#1:Task.WhenAll({|#0:_eventService.LogUserEventAsync(name)|}, _repository.SaveAsync(user))|};
                    await {|#3:Task.WhenAll(new[] { _repository.SaveAsync(user), {|#2:_eventService.RecordAsync(name)|} })|}.ConfigureAwait(false);
            """);
        await VerifyShapesAsync(
            source,
            WhenAll(0, 1, "_eventService.LogUserEventAsync"),
            WhenAll(2, 3, "_eventService.RecordAsync"));
    }

    [Fact]
    public async Task SideEffectInListOfLambdasAwaitedThroughWhenAll_Reports()
    {
        var source = InShapes("""
                    var actions = new List<Func<Task>>();
                    actions.Add(() => {|#1:_eventService.LogUserEventAsync(name)|});
                    actions.Add(() => _repository.SaveAsync(user));
                    await {|#0:Task.WhenAll(actions.Select(a => a()))|};
            """);
        await VerifyShapesAsync(source, WhenAll(0, 1, "_eventService.LogUserEventAsync"));
    }

    [Fact]
    public async Task SideEffectInListOfLambdasBuiltByOwnMethod_Reports()
    {
        var source = InShapes("""
                    var actions = CreateLoggingActions(name);
                    if (actions.Any())
                    {
                        await {|#0:Task.WhenAll(actions.Select(action => action()))|};
                    }
            """, """
                private List<Func<Task>> CreateLoggingActions(string text)
                {
                    var actions = new List<Func<Task>>();
                    if (text.Length > 0)
                    {
                        actions.Add(() => {|#1:_eventService.LogUserEventAsync(text)|});
                    }

                    actions.Add(() => _repository.SaveAsync(null));
                    return actions;
                }
            """);
        await VerifyShapesAsync(source, WhenAll(0, 1, "_eventService.LogUserEventAsync"));
    }

    [Fact]
    public async Task SideEffectInListOfTasksOrSelector_Reports()
    {
        var source = InShapes("""
                    var tasks = new List<Task> { _repository.SaveAsync(user) };
                    foreach (var n in names)
                    {
                        tasks.Add({|#1:_eventService.LogUserEventAsync(n)|});
                    }

                    await {|#0:Task.WhenAll(tasks)|};
                    await {|#3:Task.WhenAll(names.Select(n => {|#2:_eventService.LogUserEventAsync(n)|}))|};
            """);
        await VerifyShapesAsync(
            source,
            WhenAll(0, 1, "_eventService.LogUserEventAsync"),
            WhenAll(2, 3, "_eventService.LogUserEventAsync"));
    }

    [Fact]
    public async Task SideEffectInListOfTasksAwaitedThroughAView_Reports()
    {
        // A crash hunt on C# 13: `Task.WhenAll(all.AsSpan())` and `Task.WhenAll((ReadOnlySpan<Task>)all)` (the .NET 9 span
        // overload) went unreported while `Task.WhenAll(all)` was; `ToArray()`/`ToList()` and a cast are the same tasks.
        var source = InShapes("""
                    var tasks = new List<Task> { _repository.SaveAsync(user) };
                    tasks.Add({|#1:_eventService.LogUserEventAsync(name)|});
                    await {|#0:Task.WhenAll(tasks.ToArray())|};
                    await {|#2:Task.WhenAll((IEnumerable<Task>)tasks)|};
            """);
        await VerifyShapesAsync(
            source,
            WhenAll(0, 1, "_eventService.LogUserEventAsync"),
            WhenAll(2, 1, "_eventService.LogUserEventAsync"));
    }

    [Fact]
    public async Task WhenAllGuardedOrWithoutSideEffects_DoesNotReport()
    {
        var source = InShapes("""
                    try
                    {
                        await Task.WhenAll(_eventService.LogUserEventAsync(name), _repository.SaveAsync(user));
                    }
                    catch (Exception)
                    {
                    }

                    await Task.WhenAll(_repository.SaveAsync(user), _repository.SaveAsync(user));
                    await Task.WhenAll(LogConfirmedAsync(name), _repository.SaveAsync(user));
                    await Task.WhenAll(_fixtures.Record(user), _cache.RecordUpdateAsync(id));
                    var users = await Task.WhenAll(_repository.GetAsync(id), _repository.GetAsync(id));
                    var actions = new List<Func<Task>> { async () => { try { await _eventService.LogUserEventAsync(name); } catch (Exception) { } } };
                    await Task.WhenAll(actions.Select(a => a()));
            """, """
                private async Task LogConfirmedAsync(string text)
                {
                    try { await _eventService.LogUserEventAsync(text); } catch (Exception) { }
                }
            """);
        await VerifyShapesAsync(source);
    }

    [Fact]
    public async Task WhenAllOfAsyncLambda_ReportsTheAwaitInsideTheLambdaOnly()
    {
        var source = InShapes("""
                    var actions = new List<Func<Task>> { async () => await {|#0:_eventService.LogUserEventAsync(name)|} };
                    await Task.WhenAll(actions.Select(a => a()));
            """);
        await VerifyShapesAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_eventService.LogUserEventAsync"));
    }

    private static DiagnosticResult WhenAll(int sideEffect, int whenAll, string name)
        => Verify.Diagnostic().WithLocation(sideEffect).WithLocation(whenAll).WithArguments(name);

    [Fact]
    public async Task InstrumentationThatRunsTheOperationItTakes_DoesNotReport_ButItsOwnRecordingDoes()
    {
        // quartz's JobStoreActivityTracer.Trace(name, () => ExecuteInLock(…)) and a metrics helper timing the call it is
        // given: the awaited call is the operation (its failure must surface), not logging after it. A delegate that
        // builds a value (not an awaitable) is still a side effect's argument; [SideEffect] still wins; an operation that is
        // itself a side effect by name (bitwarden's `processor.LogOrganizationEventsForProcessedRequests(LogOrganizationEvents)`)
        // keeps the report.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public sealed class SideEffectAttribute : Attribute { }

            public sealed class JobStoreActivityTracer
            {
                public ValueTask Trace(string operation, Func<ValueTask> run) => run();
                public Task TraceAsync(string operation, Func<string> describe) => Task.CompletedTask;
                [SideEffect] public Task TraceMarkedAsync(string operation, Func<Task> run) => run();
            }

            public interface IRequestMetrics
            {
                Task MeasureAsync(string name, Func<Task> operation);
                Task MeasureAsync(string name, Func<ValueTask> operation);
                Task<int> MeasureAsync(string name, Func<System.Threading.CancellationToken, Task<int>> operation);
                Task FlushAsync();
            }

            public sealed class JobStore
            {
                private readonly JobStoreActivityTracer _tracer = new JobStoreActivityTracer();
                private readonly IRequestMetrics _metrics;

                public JobStore(IRequestMetrics metrics) => _metrics = metrics;

                public async Task ScheduleAsync(string job)
                {
                    await _tracer.Trace("schedule", () => InsertAsync(job)).ConfigureAwait(false);
                    await _metrics.MeasureAsync("save", () => SaveAsync(job));
                    await _metrics.MeasureAsync("count", token => CountAsync());
                    await [|_tracer.TraceAsync("schedule", () => job)|];
                    await [|_tracer.TraceMarkedAsync("schedule", () => SaveAsync(job))|];
                    await [|_metrics.FlushAsync()|];
                    await [|_tracer.Trace("events", LogEventsAsync)|];
                    await [|_metrics.MeasureAsync("events", () => LogEventsAsync())|];
                }

                private static ValueTask LogEventsAsync() => default;

                private static ValueTask InsertAsync(string job) => default;
                private static Task SaveAsync(string job) => Task.CompletedTask;
                private static Task<int> CountAsync() => Task.FromResult(1);
            }
            """;
        await VerifyAsync(source);
    }
}
