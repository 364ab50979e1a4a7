using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// Checks whose null-state annotations older frameworks lack: netstandard2.0 and .NET Framework declare
/// <c>string.IsNullOrEmpty</c> without <c>[NotNullWhen(false)]</c> (a consumer round: NGitLab's
/// <c>if (!string.IsNullOrEmpty(options?.Sudo)) Headers.Add("Sudo", options.Sudo);</c> was reported on net472 and
/// netstandard2.0, not on net10.0).
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task StringEmptinessCheckOfANullConditional_OnNetStandard20_GuardsTheUse_AnUncheckedUseIsReported()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Collections.Generic;

                public interface IImpersonation
                {
                    string Sudo { get; }
                }

                public sealed class Requestor
                {
                    private readonly IImpersonation _options;
                    private readonly Dictionary<string, string> _headers = new Dictionary<string, string>();

                    public Requestor(IImpersonation options = null) => _options = options;

                    public void Prepare()
                    {
                        if (!string.IsNullOrEmpty(_options?.Sudo))
                        {
                            _headers.Add("Sudo", _options.Sudo);
                        }

                        if (!string.IsNullOrWhiteSpace(_options?.Sudo))
                        {
                            _headers["Sudo"] = _options.Sudo.Trim();
                        }

                        if (string.IsNullOrEmpty(_options?.Sudo))
                        {
                            _headers.Remove({|#0:_options|}.Sudo ?? "");
                        }
                    }
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("_options"));
        await test.RunAsync(CancellationToken.None);
    }
}
