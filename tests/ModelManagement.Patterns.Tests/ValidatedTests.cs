using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelManagement.Patterns.Tests;

/// <summary>Validated.GenerateAsync: every path (pass, violation, validator failure, timeout), cancellation, concurrency, counters, hooks.</summary>
public sealed class ValidatedTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Exception> _handled = new();
    private readonly string _name = "test." + Guid.NewGuid().ToString("N");

    public ValidatedTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SideEffect.MeterName && instrument.Name == Validated.FallbackCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (Equals(copy.GetValueOrDefault("validation.name"), _name))
            {
                _measurements.Enqueue((value, copy));
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private ValidationOptions Options(TimeSpan? timeout = null)
        => new() { Name = _name, Timeout = timeout, OnFailure = _handled.Enqueue };

    private sealed record Verdict(bool IsCompliant);

    private static Func<CancellationToken, Task<string>> Content(string text) => _ => Task.FromResult(text);

    private string[] Reasons() => _measurements.Select(m => (string)m.Tags["reason"]!).ToArray();

    [Fact]
    public async Task PassingVerdict_ReturnsTheContent_AndCountsNothing()
    {
        var result = await Validated.GenerateAsync(
            Content("story"), (s, _) => Task.FromResult(new Verdict(true)), v => !v.IsCompliant, Content("fallback"), Options());

        Assert.Equal("story", result);
        Assert.Empty(_measurements);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Violation_ReturnsTheFallback_AndCountsViolation()
    {
        var result = await Validated.GenerateAsync(
            Content("bad story"), (s, _) => Task.FromResult(new Verdict(false)), v => !v.IsCompliant, Content("fallback"), Options());

        Assert.Equal("fallback", result);
        Assert.Equal(new[] { "violation" }, Reasons());
        Assert.Equal(1, _measurements.Single().Value);
        Assert.Empty(_handled); // a violation is a verdict, not a failure
    }

    [Fact]
    public async Task ThrowingValidator_FailsClosed_HandsTheExceptionToBothHooks()
    {
        var global = new ConcurrentQueue<Exception>();
        Validated.FailureHandler = global.Enqueue;
        try
        {
            var boom = new InvalidOperationException("guardrail down");
            var result = await Validated.GenerateAsync<string, Verdict>(
                Content("story"), (s, _) => throw boom, v => !v.IsCompliant, Content("fallback"), Options());

            Assert.Equal("fallback", result);
            Assert.Equal(new[] { "validator_failed" }, Reasons());
            Assert.Same(boom, Assert.Single(_handled));
            Assert.Contains(boom, global);
        }
        finally
        {
            Validated.FailureHandler = null;
        }
    }

    [Fact]
    public async Task FaultedValidationTask_FailsClosed()
    {
        var result = await Validated.GenerateAsync(
            Content("story"), async (s, _) => { await Task.Yield(); throw new FormatException("bad verdict json"); return new Verdict(true); },
            v => !v.IsCompliant, Content("fallback"), Options());

        Assert.Equal("fallback", result);
        Assert.IsType<FormatException>(Assert.Single(_handled));
    }

    [Fact]
    public async Task ThrowingViolationTest_FailsClosed_UnlikePollysPredicate()
    {
        var result = await Validated.GenerateAsync(
            Content("story"), (s, _) => Task.FromResult<Verdict?>(null), v => !v!.IsCompliant, Content("fallback"), Options());

        Assert.Equal("fallback", result);
        Assert.Equal(new[] { "validator_failed" }, Reasons());
        Assert.IsType<NullReferenceException>(Assert.Single(_handled));
    }

    [Fact]
    public async Task SlowValidator_TimesOut_ReturnsTheFallback_AndCancelsTheValidatorToken()
    {
        var validatorToken = new TaskCompletionSource<CancellationToken>();
        var never = new TaskCompletionSource<Verdict>();
        var result = await Validated.GenerateAsync(
            Content("story"),
            (s, token) => { validatorToken.SetResult(token); return never.Task; },
            v => !v.IsCompliant,
            Content("fallback"),
            Options(TimeSpan.FromMilliseconds(50)));

        Assert.Equal("fallback", result);
        Assert.Equal(new[] { "timeout" }, Reasons());
        Assert.IsType<TimeoutException>(Assert.Single(_handled));
        Assert.True((await validatorToken.Task).IsCancellationRequested);
        never.SetException(new InvalidOperationException("late failure is observed, not rethrown"));
    }

    [Fact]
    public async Task ValidatorCancellingOnItsOwn_IsAFailure_NotTheCallersCancellation()
    {
        var result = await Validated.GenerateAsync<string, Verdict>(
            Content("story"), (s, _) => Task.FromCanceled<Verdict>(new CancellationToken(canceled: true)), v => !v.IsCompliant, Content("fallback"), Options());

        Assert.Equal("fallback", result);
        Assert.Equal(new[] { "validator_failed" }, Reasons());
    }

    [Fact]
    public async Task CallerCancellationDuringValidation_Propagates_AndNeverFallsBack()
    {
        using var cts = new CancellationTokenSource();
        var fallbackCalls = 0;
        var started = new TaskCompletionSource();
        var task = Validated.GenerateAsync(
            Content("story"),
            async (s, token) => { started.SetResult(); await Task.Delay(Timeout.Infinite, token); return new Verdict(true); },
            v => !v.IsCompliant,
            _ => { fallbackCalls++; return Task.FromResult("fallback"); },
            Options(TimeSpan.FromSeconds(30)),
            cts.Token).AsTask();
        await started.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(0, fallbackCalls);
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task CallerCancellation_WithValidatorIgnoringTheToken_StillPropagates()
    {
        using var cts = new CancellationTokenSource();
        var never = new TaskCompletionSource<Verdict>();
        var task = Validated.GenerateAsync(Content("story"), (s, _) => never.Task, v => !v.IsCompliant, Content("fallback"), Options(), cts.Token).AsTask();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task CancelledBeforeTheCall_NeverGenerates()
    {
        var generated = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Validated.GenerateAsync(
            _ => { generated = true; return Task.FromResult("story"); }, (s, _) => Task.FromResult(true), Content("fallback"),
            cancellationToken: new CancellationToken(canceled: true)).AsTask());
        Assert.False(generated);
    }

    [Fact]
    public async Task ThrowingFallback_Propagates()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Validated.GenerateAsync<string, Verdict>(
            Content("story"), (s, _) => Task.FromResult(new Verdict(false)), v => !v.IsCompliant,
            _ => throw new InvalidOperationException("no fallback either"), Options()).AsTask());
        Assert.Equal("no fallback either", error.Message);
    }

    [Fact]
    public async Task ThrowingGenerator_Propagates_WithoutValidating()
    {
        var validated = false;
        await Assert.ThrowsAsync<TimeoutException>(() => Validated.GenerateAsync<string, Verdict>(
            _ => throw new TimeoutException("llm"), (s, _) => { validated = true; return Task.FromResult(new Verdict(true)); },
            v => !v.IsCompliant, Content("fallback"), Options()).AsTask());
        Assert.False(validated);
    }

    [Fact]
    public async Task ThrowingFailureHandler_IsContained()
    {
        var options = Options();
        options.OnFailure = _ => throw new InvalidOperationException("handler bug");
        var result = await Validated.GenerateAsync<string, Verdict>(
            Content("story"), (s, _) => throw new FormatException(), v => !v.IsCompliant, Content("fallback"), options);
        Assert.Equal("fallback", result);
    }

    [Fact]
    public async Task BoolOverload_FalseSelectsTheFallback()
    {
        Assert.Equal("story", await Validated.GenerateAsync(Content("story"), (s, _) => Task.FromResult(true), Content("fallback"), Options()));
        Assert.Equal("fallback", await Validated.GenerateAsync(Content("story"), (s, _) => Task.FromResult(false), Content("fallback"), Options()));
        Assert.Equal(new[] { "violation" }, Reasons());
    }

    [Fact]
    public async Task ManyConcurrentCallers_EachGetTheirOwnVerdict()
    {
        var tasks = Enumerable.Range(0, 200).Select(i => Validated.GenerateAsync(
            async _ => { await Task.Yield(); return i; },
            async (value, _) => { await Task.Yield(); return new Verdict(value % 2 == 0); },
            v => !v.IsCompliant,
            _ => Task.FromResult(-1),
            Options()).AsTask()).ToArray();
        var results = await Task.WhenAll(tasks);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? i : -1, results[i]);
        }

        Assert.Equal(100, _measurements.Count);
        Assert.All(Reasons(), reason => Assert.Equal("violation", reason));
    }

    [Fact]
    public async Task NullDelegates_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Validated.GenerateAsync<string, bool>(null!, (s, _) => Task.FromResult(true), v => !v, Content("f")).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Validated.GenerateAsync<string, bool>(Content("s"), null!, v => !v, Content("f")).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Validated.GenerateAsync<string, bool>(Content("s"), (s, _) => Task.FromResult(true), null!, Content("f")).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => Validated.GenerateAsync<string, bool>(Content("s"), (s, _) => Task.FromResult(true), v => !v, null!).AsTask());
    }

    [Fact]
    public void Timeout_MustBePositive()
    {
        var options = new ValidationOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.FromSeconds(-1));
        options.Timeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
    }

    [Fact]
    public async Task HappyPath_AllocatesNothingBeyondTheDelegates()
    {
        var content = Task.FromResult("story");
        var verdict = Task.FromResult(true);
        Func<CancellationToken, Task<string>> generate = _ => content;
        Func<string, CancellationToken, Task<bool>> validate = (_, _) => verdict;
        Func<bool, bool> isViolation = v => !v;
        Func<CancellationToken, Task<string>> fallback = _ => content;
        for (var i = 0; i < 10; i++)
        {
            await Validated.GenerateAsync(generate, validate, isViolation, fallback); // warm up (JIT, statics)
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            var task = Validated.GenerateAsync(generate, validate, isViolation, fallback);
            Assert.True(task.IsCompletedSuccessfully);
            _ = task.Result;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ValidatorAttribute_TargetsMethods_AndIsInherited()
    {
        var usage = (AttributeUsageAttribute?)Attribute.GetCustomAttribute(typeof(ValidatorAttribute), typeof(AttributeUsageAttribute));
        Assert.NotNull(usage);
        Assert.Equal(AttributeTargets.Method, usage!.ValidOn);
        Assert.True(usage.Inherited);
        Assert.True(typeof(ValidatorAttribute).IsSealed);
    }
}
