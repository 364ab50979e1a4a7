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
    public async Task TimeComparedWithTheClock_DoesNotReport_ATimeOnlyTestedForAValueOrAValueBesideItDoes()
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
                    if ({|#1:_token == null || _expires < DateTimeOffset.UtcNow|})
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
            Verify.Diagnostic().WithLocation(0).WithArguments("_loadedAt"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_token"));
    }
}
