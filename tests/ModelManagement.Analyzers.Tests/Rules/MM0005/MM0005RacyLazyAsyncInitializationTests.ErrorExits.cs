using System.Threading.Tasks;
using Xunit;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// The run-once guard that reports an error and returns instead of throwing: seqcli's option-conflict checks (a triage of
/// unseen repositories, 3 reports, in a project that builds with TreatWarningsAsErrors), `if (_password != null) {
/// Log.Error("… mutually exclusive"); return 1; } _password = await Console.In.ReadLineAsync();`.
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task ErrorReportedAndReturnWithoutTheState_RejectsLikeAThrow_DoesNotReport_ButServingOrUsingTheStateOrAnInfoLogDoes()
    {
        var source = /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;

            public interface ILog { void Error(string message); void Information(string message); void LogError(string message); }

            public sealed class CreateFeedCommand
            {
                private readonly ILog _log;
                private string _password;
                private string _token;
                private string _secret;
                private string _key;
                private string _name;
                private string _label;

                public CreateFeedCommand(ILog log) => _log = log;

                public async Task<int> RunAsync()
                {
                    if (_password != null)
                    {
                        Console.Error.WriteLine("The `password` and `password-stdin` options are mutually exclusive");
                        return 1;
                    }

                    _password = await Console.In.ReadLineAsync();
                    return 0;
                }

                public async Task<string> ConnectAsync()
                {
                    if (_token != null)
                    {
                        _log.Error("already connected");
                        return null;
                    }

                    _token = await Console.In.ReadLineAsync();
                    return "connected";
                }

                public async Task StartAsync()
                {
                    if (_secret != null)
                    {
                        _log.LogError("already started");
                        return;
                    }

                    _secret = await Console.In.ReadLineAsync();
                }

                public async Task<string> KeyAsync()
                {
                    if ({|#0:_key != null|})
                    {
                        _log.Error("cached, but served");
                        return _key;
                    }

                    _key = await Console.In.ReadLineAsync();
                    return _key;
                }

                public async Task<int> NameAsync()
                {
                    if ({|#1:_name != null|})
                    {
                        _log.Information("already named");
                        return 1;
                    }

                    _name = await Console.In.ReadLineAsync();
                    return 0;
                }

                public async Task LabelAsync()
                {
                    if ({|#2:_label != null|})
                    {
                        _log.Error("relabelling");
                        Console.WriteLine(_label);
                        return;
                    }

                    _label = await Console.In.ReadLineAsync();
                }
            }
            """;
        await VerifyAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("_key"),
            Verify.Diagnostic().WithLocation(1).WithArguments("_name"),
            Verify.Diagnostic().WithLocation(2).WithArguments("_label"));
    }
}
