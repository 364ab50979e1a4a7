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
}
