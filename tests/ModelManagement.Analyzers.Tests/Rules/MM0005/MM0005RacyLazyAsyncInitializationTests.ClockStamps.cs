using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// A time the check compares with the clock is a throttle or an expiry, not a value loaded once (the 2026-12-06 third
/// triage: HASS.Agent's sensors publish at most once per interval — <c>if (LastUpdated.HasValue &amp;&amp;
/// LastUpdated.Value.AddSeconds(UpdateIntervalSeconds) &gt; DateTime.Now) return;</c> … <c>LastUpdated = DateTime.Now;</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task TimeComparedWithTheClock_DoesNotReport_ATimeOnlyTestedForAValueDoes()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            public interface IBroker { Task<bool> PublishAsync(string message); Task<string> FetchAsync(); }

            public abstract class Sensor
            {
                private readonly IBroker _broker;
                private readonly TimeProvider _time = TimeProvider.System;
                private DateTime? _loadedAt;
                private DateTimeOffset? _lastSent;
                private DateTime? _lastPoll;
                private long? _lastStamp;
                private string _token;
                private DateTimeOffset _expires;

                protected Sensor(IBroker broker) => _broker = broker;

                public DateTime? LastUpdated { get; protected set; }

                public int UpdateIntervalSeconds { get; set; } = 10;

                public async Task PublishStateAsync(bool respectChecks = true)
                {
                    if (respectChecks)
                    {
                        if (LastUpdated.HasValue && LastUpdated.Value.AddSeconds(UpdateIntervalSeconds) > DateTime.Now)
                            return;
                    }

                    var published = await _broker.PublishAsync("state");
                    if (!published) return;
                    LastUpdated = DateTime.Now;
                }

                public async Task SendAsync()
                {
                    var now = _time.GetUtcNow();
                    if (_lastSent.HasValue && now - _lastSent.Value < TimeSpan.FromSeconds(5)) return;
                    await _broker.PublishAsync("sent");
                    _lastSent = now;
                }

                public async Task PollAsync()
                {
                    if (_lastPoll == null || DateTime.UtcNow - _lastPoll.Value > TimeSpan.FromMinutes(1))
                    {
                        await _broker.PublishAsync("poll");
                        _lastPoll = DateTime.UtcNow;
                    }
                }

                public async Task StampAsync()
                {
                    if (!_lastStamp.HasValue || Stopwatch.GetTimestamp() - _lastStamp.Value > Stopwatch.Frequency)
                    {
                        await _broker.PublishAsync("stamp");
                        _lastStamp = Stopwatch.GetTimestamp();
                    }
                }

                public async Task LoadAsync()
                {
                    if ({|#0:!_loadedAt.HasValue|})
                    {
                        await _broker.FetchAsync();
                        _loadedAt = DateTime.Now;
                    }
                }

                public async Task<string> TokenAsync()
                {
                    if (_token == null || _expires < DateTimeOffset.UtcNow)
                    {
                        _token = await _broker.FetchAsync();
                        _expires = DateTimeOffset.UtcNow.AddMinutes(5);
                    }

                    return _token;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_loadedAt"));
    }

    [Fact]
    public async Task ValueBesideAClockStampTheFunctionRenews_DoesNotReport_OtherwiseItDoes()
    {
        // The s33 triage (Papercut's ServiceCommunicator): a URL cached for five minutes, returned early while fresh, then
        // fetched again and stamped — a cache that expires, like the token above. Controls: a stamp this function does not
        // renew, another instance's stamp, and the value tested alone.
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface IBroker { Task<string> FetchAsync(); }

            public sealed class ServiceCommunicator
            {
                private readonly IBroker _broker;
                private readonly TimeSpan _urlCacheExpiration = TimeSpan.FromMinutes(5);
                private string _cachedWebUrl;
                private DateTime _lastUrlCheck = DateTime.MinValue;
                private string _fixed;
                private DateTime _deadline;
                private string _peerValue;
                private string _plain;

                public ServiceCommunicator(IBroker broker, ServiceCommunicator peer = null)
                {
                    _broker = broker;
                    Peer = peer ?? this;
                }

                public ServiceCommunicator Peer { get; }

                public DateTime Stamp;

                public async Task<string> GetWebUrlAsync()
                {
                    if (_cachedWebUrl != null && DateTime.Now - _lastUrlCheck < _urlCacheExpiration)
                    {
                        return _cachedWebUrl;
                    }

                    _cachedWebUrl = await _broker.FetchAsync();
                    this._lastUrlCheck = DateTime.Now;
                    return _cachedWebUrl;
                }

                public async Task<string> GetFixedAsync()
                {
                    if ({|#0:_fixed == null || _deadline < DateTime.UtcNow|})
                    {
                        _fixed = await _broker.FetchAsync();
                    }

                    return _fixed;
                }

                public async Task<string> GetPeerValueAsync()
                {
                    if ({|#1:_peerValue == null || Peer.Stamp < DateTime.UtcNow|})
                    {
                        _peerValue = await _broker.FetchAsync();
                        Peer.Stamp = DateTime.UtcNow.AddMinutes(1);
                    }

                    return _peerValue;
                }

                public async Task<string> GetPlainAsync()
                {
                    if ({|#2:_plain == null|})
                    {
                        _plain = await _broker.FetchAsync();
                        _lastUrlCheck = DateTime.Now;
                    }

                    return _plain;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_fixed"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_peerValue"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_plain"));
    }

    [Fact]
    public async Task ValueTestedBesideItsOwnExpiry_DoesNotReport_AnotherMemberOfItDoes()
    {
        // A consumer round (SpotifyAPI-NET's ClientCredentialsAuthenticator): `if (Token == null || Token.IsExpired) { Token =
        // await …; }` renews the token whenever it expires — AsyncLazy<T> could not. The expiry is the value's own: a bool
        // named for it, its time compared with the clock, or a getter reading the clock. Controls: another bool of the value,
        // and its time tested without the clock.
        var source = /* lang=c#-test */ """
            #nullable enable
            using System;
            using System.Threading.Tasks;

            public sealed class AccessToken
            {
                public string Value { get; set; } = "";
                public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
                public int ExpiresIn { get; set; }
                public DateTimeOffset ExpiresAt { get; set; }
                public bool IsExpired => CreatedAt.AddSeconds(ExpiresIn) <= DateTime.UtcNow;
                public bool NeedsRefresh { get { return DateTime.UtcNow > CreatedAt.AddSeconds(ExpiresIn / 2); } }
                public bool IsReady { get; set; }
            }

            public interface ITokenClient { Task<AccessToken> RequestAsync(); }

            public sealed class Authenticator
            {
                private readonly ITokenClient _client;
                private AccessToken? _byClock;
                private AccessToken? _byGetter;
                private AccessToken? _notExpiry;
                private AccessToken? _noClock;

                public Authenticator(ITokenClient client) => _client = client;

                public AccessToken? Token { get; private set; }

                public async Task<string> ByNameAsync()
                {
                    if (Token == null || Token.IsExpired)
                    {
                        Token = await _client.RequestAsync();
                    }

                    return Token.Value;
                }

                public async Task<string> ByClockAsync()
                {
                    if (_byClock == null || this._byClock.ExpiresAt <= DateTimeOffset.UtcNow)
                    {
                        _byClock = await _client.RequestAsync();
                    }

                    return _byClock.Value;
                }

                public async Task<string> ByGetterAsync()
                {
                    if (_byGetter == null || _byGetter.NeedsRefresh)
                    {
                        _byGetter = await _client.RequestAsync();
                    }

                    return _byGetter.Value;
                }

                public async Task<string> NotExpiryAsync()
                {
                    if ({|#0:_notExpiry == null || !_notExpiry.IsReady|})
                    {
                        _notExpiry = await _client.RequestAsync();
                    }

                    return _notExpiry.Value;
                }

                public async Task<string> NoClockAsync()
                {
                    if ({|#1:_noClock == null || _noClock.ExpiresAt == default|})
                    {
                        _noClock = await _client.RequestAsync();
                    }

                    return _noClock.Value;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_notExpiry"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_noClock"));
    }

    [Fact]
    public async Task ValueBesideAVersionStampTheFunctionRenews_DoesNotReport_OtherwiseItDoes()
    {
        // A fix-shapes round: a catalogue reloaded whenever the registry's version moves on, and a value reloaded for another
        // generation passed in — caches that follow their source, which AsyncLazy<T> (never run again) could not replace.
        // Controls: a stamp the function does not renew, a stamp compared with a constant, and the value tested alone.
        var source = /* lang=c#-test */ """
            using System.Threading.Tasks;

            public interface IStore { Task<string> LoadAsync(string name); }
            public sealed class Registry { public int Version { get; set; } }

            public sealed class VersionedCatalog
            {
                private readonly Registry _registry;
                private readonly IStore _store;
                private string _models;
                private int _version;
                private string _value;
                private int _generation;
                private string _stale;
                private int _seen;
                private string _constant;
                private int _state;
                private string _plain;

                public VersionedCatalog(Registry registry, IStore store)
                {
                    _registry = registry;
                    _store = store;
                }

                public async Task<string> GetAsync()
                {
                    if (_models == null || _version != _registry.Version)
                    {
                        _models = await _store.LoadAsync("models").ConfigureAwait(false);
                        _version = _registry.Version;
                    }

                    return _models;
                }

                public async Task<string> GetGenerationAsync(int generation)
                {
                    if (_value is null || generation != this._generation)
                    {
                        _value = await _store.LoadAsync("gen");
                        _generation = generation;
                    }

                    return _value;
                }

                public async Task<string> GetStaleAsync()
                {
                    if ({|#0:_stale == null || _seen != _registry.Version|})
                    {
                        _stale = await _store.LoadAsync("stale");
                    }

                    return _stale;
                }

                public async Task<string> GetConstantAsync()
                {
                    if ({|#1:_constant == null || _state != 2|})
                    {
                        _constant = await _store.LoadAsync("constant");
                        _state = 2;
                    }

                    return _constant;
                }

                public async Task<string> GetPlainAsync()
                {
                    if ({|#2:_plain == null|})
                    {
                        _plain = await _store.LoadAsync("plain");
                    }

                    return _plain;
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_stale"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_constant"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_plain"));
    }
}
