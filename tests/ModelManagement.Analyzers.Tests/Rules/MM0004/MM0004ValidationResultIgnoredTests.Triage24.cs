using System.Threading.Tasks;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Rules.MM0004;

/// <summary>False positives the 2026-12-06 triage of unseen repositories found (dd-trace-dotnet).</summary>
public sealed partial class MM0004ValidationResultIgnoredTests
{
    [Fact]
    public async Task StaticFactoryOfTheVerdictTypeItself_SeedingALookup_DoesNotReport()
    {
        // dd-trace-dotnet's CompositeConfigurationSource seeds each lookup with `ConfigurationResult<T>.NotFound()` and
        // replaces it in the loop: a factory of the verdict type, judged a validator only by its result type's IsValid.
        // Also the non-generic twin's factory (`Result.Fail<T>(…)` for `Result<T>`). Controls: a static judge on another
        // type, an instance check, and a Validate-named static of the verdict type itself still report.
        var source = """
            #nullable enable
            using System.Collections.Generic;

            public enum LoadResult { Valid, NotFound }

            public readonly record struct ConfigurationResult<T>(T? Result, LoadResult Load)
            {
                public bool IsValid => Load == LoadResult.Valid;
                public static ConfigurationResult<T> NotFound() => new(default, LoadResult.NotFound);
                public static ConfigurationResult<T> Found(T value) => new(value, LoadResult.Valid);
                public static ConfigurationResult<T> Validate(T? value) => value is null ? NotFound() : Found(value);
            }

            public sealed class Result<T>
            {
                public Result(T? value, string? error) { Value = value; Error = error; }
                public T? Value { get; }
                public string? Error { get; }
                public bool IsValid => Error is null;
            }

            public static class Result
            {
                public static Result<T> Fail<T>(string error) => new Result<T>(default, error);
            }

            public static class Guard
            {
                public static ConfigurationResult<string> Inspect(string? text) => text is null ? ConfigurationResult<string>.NotFound() : ConfigurationResult<string>.Found(text);
            }

            public interface ISource { ConfigurationResult<string> Get(string key); }

            public sealed class CompositeSource
            {
                private readonly List<ISource> _sources = new();
                private readonly ISource _primary;

                public CompositeSource(ISource primary) => _primary = primary;

                public ConfigurationResult<string> Get(string key)
                {
                    var result = ConfigurationResult<string>.NotFound();
                    foreach (var source in _sources)
                    {
                        var value = source.Get(key);
                        if (value.IsValid)
                        {
                            result = value;
                        }
                    }

                    return result;
                }

                public Result<int> Count(string key)
                {
                    var outcome = Result.Fail<int>("none");
                    ConfigurationResult<string>.Found(key);
                    Result.Fail<string>(key);
                    if (key.Length > 0)
                    {
                        outcome = new Result<int>(key.Length, null);
                    }

                    return outcome;
                }

                public string Controls(string key, string? text)
                {
                    [|Guard.Inspect(text)|];
                    [|_primary.Get(key)|];
                    [|ConfigurationResult<string>.Validate(text)|];
                    return key;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task CmdletValidatorWritingEachErrorBeforeReturningFalse_CalledFromAMemberReturningNothing_DoesNotReport()
    {
        // PowerShell's Get-WinEvent (the 2026-12-06 triage): `ValidateLogName` delivers each failure with the cmdlet's
        // `WriteError(record); return false;`, and its private void callers drop the bool by design. Controls: a failure
        // only logged before `return false;`, and the validator dropped where a value is handed on.
        var source = """
            using System;

            public class ErrorRecord { public ErrorRecord(Exception e) { } }

            public abstract class Cmdlet
            {
                protected void WriteError(ErrorRecord record) { }
                protected void WriteVerbose(string text) { }
            }

            public sealed class GetEventCommand : Cmdlet
            {
                private bool ValidateLogName(string logName)
                {
                    if (logName.Length == 0)
                    {
                        WriteError(new ErrorRecord(new ArgumentException(logName)));
                        return false;
                    }

                    return true;
                }

                private bool ValidateQuietly(string logName)
                {
                    if (logName.Length == 0)
                    {
                        WriteVerbose("empty log name");
                        return false;
                    }

                    return true;
                }

                private void AddLogs(string logName)
                {
                    ValidateLogName(logName);
                    [|ValidateQuietly(logName)|];
                }

                private string Describe(string logName)
                {
                    [|ValidateLogName(logName)|];
                    return logName;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task VerdictUnreadOnlyOnPathsReturningARejection_DoesNotReport_ButOnesReturningContentOrSuccessDo()
    {
        // Duende's WebAuthn ceremonies (the 2026-12-06 triage) store the origin verdict, return a `…Failure` on the
        // earlier checks, and read the verdict before every success; its TOTP check runs a dummy validation for timing
        // and returns false. Rejections hand nothing on, like `throw`. Controls: a path returning the content, `true`, or
        // a success object without reading the verdict still reports.
        var source = """
            using System.Threading.Tasks;

            public sealed class Verdict { public bool IsValid { get; set; } }
            public interface IOriginValidator { Task<Verdict> ValidateAsync(string origin); }
            public static class Totp { public static bool Validate(byte[] key, string code) => code.Length == 6; }

            public abstract class CompleteResult { }
            public sealed class CompleteFailure : CompleteResult { public CompleteFailure(string reason) { } }
            public sealed class CompleteSuccess : CompleteResult { }

            public sealed class Ceremony
            {
                private readonly IOriginValidator _origins;
                public Ceremony(IOriginValidator origins) => _origins = origins;

                public async Task<CompleteResult> CompleteAsync(string origin, string type)
                {
                    var verdict = await _origins.ValidateAsync(origin);
                    if (type != "public-key")
                    {
                        return new CompleteFailure("type");
                    }

                    if (!verdict.IsValid)
                    {
                        return new CompleteFailure("origin");
                    }

                    return new CompleteSuccess();
                }

                public async Task<string> DescribeAsync(string origin)
                {
                    var verdict = await _origins.ValidateAsync(origin);
                    if (origin.Length == 0)
                    {
                        return null;
                    }

                    return verdict.IsValid ? origin : "";
                }

                public bool TryAuthenticate(string user, string code)
                {
                    if (user == null)
                    {
                        _ = Totp.Validate(new byte[20], code);
                        return false;
                    }

                    return Totp.Validate(new byte[20], code);
                }

                public async Task<CompleteResult> LeakyAsync(string origin, string type)
                {
                    var verdict = await [|_origins.ValidateAsync(origin)|];
                    if (type != "public-key")
                    {
                        return new CompleteSuccess();
                    }

                    return verdict.IsValid ? new CompleteSuccess() : new CompleteFailure("origin");
                }

                public async Task<string> HandOnAsync(string origin)
                {
                    var verdict = await [|_origins.ValidateAsync(origin)|];
                    if (origin.Length > 10)
                    {
                        return origin;
                    }

                    return verdict.IsValid ? origin : null;
                }

                public bool CheckTwice(string code)
                {
                    _ = [|Totp.Validate(new byte[20], code)|];
                    return true;
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValidationEndingACallbackLambdaReturningATask_DoesNotReport_ButOneReturningAValueOrHandingContentOnDoes()
    {
        // bitwarden's Event Grid handlers (the 2026-12-06 triage): `{ "BlobCreated", async e => { …; await
        // _validateCommand.ValidateAsync(report, id); } }` in a Dictionary<string, Func<EventGridEvent, Task>> — the raiser
        // reads nothing back. Controls: a callback whose delegate returns a value, a lambda stored in a local (no raiser
        // seen), a named Task member, and a validation followed by more work.
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public sealed class Verdict { public bool IsValid { get; set; } }
            public interface IValidateCommand { Task<Verdict> ValidateAsync(string report); }

            public static class Events
            {
                public static Task HandleAsync(IDictionary<string, Func<string, Task>> handlers) => Task.CompletedTask;
                public static Task OnEachAsync(Func<string, Task> handler) => Task.CompletedTask;
                public static Task<bool> OnEachCheckedAsync(Func<string, Task<bool>> handler) => Task.FromResult(true);
            }

            public sealed class ReportsController
            {
                private readonly IValidateCommand _validate;
                public ReportsController(IValidateCommand validate) => _validate = validate;

                public Task PostAsync()
                    => Events.HandleAsync(new Dictionary<string, Func<string, Task>>
                    {
                        {
                            "BlobCreated", async report =>
                            {
                                try
                                {
                                    if (report == null)
                                    {
                                        return;
                                    }

                                    await _validate.ValidateAsync(report);
                                }
                                catch (Exception)
                                {
                                }
                            }
                        },
                    });

                public Task EachAsync() => Events.OnEachAsync(async report => await _validate.ValidateAsync(report));

                public Task<bool> CheckedAsync()
                    => Events.OnEachCheckedAsync(async report =>
                    {
                        await [|_validate.ValidateAsync(report)|];
                        return true;
                    });

                public async Task StoredAsync()
                {
                    Func<string, Task> handler = async report => { await [|_validate.ValidateAsync(report)|]; };
                    await handler("r");
                }

                public async Task NamedAsync(string report)
                {
                    await [|_validate.ValidateAsync(report)|];
                }

                public Task MoreWorkAsync(List<string> sent)
                    => Events.OnEachAsync(async report =>
                    {
                        await [|_validate.ValidateAsync(report)|];
                        sent.Add(report);
                    });
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task OwnValidatorStoringTheValueItReturnsInAnyOwnMember_CalledFromAMemberReturningNothing_DoesNotReport()
    {
        // devhome's setup page (the 2026-12-06 triage): `return EnablePackageInstallerItem = await _winget.IsAvailableAsync();`
        // keeps the verdict in the bound property, whatever its name. Controls: an own validator that stores something
        // else, and the same validator dropped where a value is handed on.
        var source = """
            using System.Threading.Tasks;

            public interface IWinget { Task<bool> IsAvailableAsync(); }

            public sealed class MainPageViewModel
            {
                private readonly IWinget _winget;
                private int _checks;

                public MainPageViewModel(IWinget winget) => _winget = winget;

                public bool EnablePackageInstallerItem { get; set; }

                public bool Ready { get; private set; }

                private async Task<bool> ValidateAppInstallerAsync()
                {
                    return EnablePackageInstallerItem = await _winget.IsAvailableAsync();
                }

                private async Task<bool> ValidateReadyAsync()
                {
                    var ok = await _winget.IsAvailableAsync();
                    Ready = ok;
                    return ok;
                }

                private async Task<bool> ValidateElsewhereAsync()
                {
                    _checks = 1;
                    return await _winget.IsAvailableAsync();
                }

                public async Task OnNavigateToAsync()
                {
                    await ValidateAppInstallerAsync();
                    await ValidateReadyAsync();
                    await [|ValidateElsewhereAsync()|];
                }

                public async Task<string> DescribeAsync()
                {
                    await [|ValidateAppInstallerAsync()|];
                    return "installer";
                }
            }
            """;
        await VerifyAsync(source);
    }

    [Fact]
    public async Task ValidatorReturningFalseOnlyWhenOptedIn_DroppedWithoutTheOptIn_DoesNotReport_ButWithItDoes()
    {
        // dotnet-diagnostics' DiagnosticsClient (the 2026-12-06 triage, 22 calls): `ValidateResponseMessage(response, name)`
        // returns true or throws unless the caller passes ValidateResponseOptions.UnknownCommandReturnsFalse. Controls:
        // the opt-in passed (a flag or `true`), a non-constant options value, and a validator with an unguarded false.
        var source = """
            using System;

            [Flags]
            public enum ValidateResponseOptions { None = 0, UnknownCommandReturnsFalse = 1, ErrorMessageReturned = 2 }

            public sealed class Message { public int Code { get; set; } }

            public static class Client
            {
                internal static bool ValidateResponseMessage(Message response, string operation, ValidateResponseOptions options = ValidateResponseOptions.None)
                {
                    if (response.Code == 0)
                    {
                        return true;
                    }

                    if (response.Code == 1)
                    {
                        if (options.HasFlag(ValidateResponseOptions.UnknownCommandReturnsFalse))
                        {
                            return false;
                        }

                        throw new NotSupportedException(operation);
                    }

                    if (response.Code == 2 && (options & ValidateResponseOptions.UnknownCommandReturnsFalse) != 0)
                    {
                        return false;
                    }

                    throw new InvalidOperationException(operation);
                }

                internal static bool ValidateQuietly(Message response, bool quiet = false)
                {
                    if (response.Code == 0)
                    {
                        return true;
                    }

                    if (quiet)
                        return false;

                    throw new InvalidOperationException();
                }

                internal static bool ValidateLoosely(Message response)
                {
                    if (response.Code == 0)
                    {
                        return true;
                    }

                    if (response.Code == 1)
                    {
                        return false;
                    }

                    throw new InvalidOperationException();
                }

                public static void ResumeRuntime(Message response, ValidateResponseOptions chosen)
                {
                    ValidateResponseMessage(response, nameof(ResumeRuntime));
                    ValidateResponseMessage(response, nameof(ResumeRuntime), ValidateResponseOptions.ErrorMessageReturned);
                    ValidateQuietly(response);
                    ValidateQuietly(response, quiet: false);
                    [|ValidateResponseMessage(response, "dump", ValidateResponseOptions.UnknownCommandReturnsFalse)|];
                    [|ValidateResponseMessage(response, "dump", chosen)|];
                    [|ValidateQuietly(response, true)|];
                    [|ValidateLoosely(response)|];
                }
            }
            """;
        await VerifyAsync(source);
    }
}
