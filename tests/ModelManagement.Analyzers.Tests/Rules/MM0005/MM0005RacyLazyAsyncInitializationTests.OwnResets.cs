using System.Threading.Tasks;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0005RacyLazyAsyncInitializationAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0005;

/// <summary>
/// An own call that only puts a member back to <c>null</c> or <c>false</c> is a reset, not the racy write (the second
/// 2026-12-06 triage: dotnetcore/Util's Dapr state manager calls <c>Clear()</c>, which sets <c>IsTransaction = false</c>,
/// after saving outside a transaction; FreeSql's one-shot builder calls <c>ClearData()</c>, which sets <c>_sourceSql =
/// null</c>, in a <c>finally</c>).
/// </summary>
public sealed partial class MM0005RacyLazyAsyncInitializationTests
{
    [Fact]
    public async Task OwnCallThatResetsTheCheckedMember_DoesNotReport_OneThatSetsItDoes()
    {
        var source = /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IStateClient { Task SaveAsync(string key, CancellationToken cancellationToken); }

            public class StateManager
            {
                private readonly IStateClient _client;
                private readonly List<string> _requests = new();
                private string _sourceSql;
                private bool _loaded;
                protected bool IsTransaction;

                public StateManager(IStateClient client) => _client = client;

                public StateManager BeginTransaction() { IsTransaction = true; return this; }

                public StateManager SetSource(string sql) { _sourceSql = sql; return this; }

                public virtual async Task AddAsync(string key, CancellationToken cancellationToken = default)
                {
                    if (IsTransaction == false)
                    {
                        await _client.SaveAsync(key, cancellationToken);
                        Clear();
                        return;
                    }

                    _requests.Add(key);
                }

                public async Task<int> ExecuteAsync(CancellationToken cancellationToken = default)
                {
                    if (_sourceSql != null) return 1;
                    try
                    {
                        await _client.SaveAsync("all", cancellationToken);
                    }
                    finally
                    {
                        ClearData();
                    }

                    return 0;
                }

                public async Task LoadAsync(CancellationToken cancellationToken = default)
                {
                    if ({|#0:!_loaded|})
                    {
                        await _client.SaveAsync("load", cancellationToken);
                        MarkLoaded();
                    }
                }

                private StateManager Clear()
                {
                    _requests.Clear();
                    IsTransaction = false;
                    return this;
                }

                private void ClearData()
                {
                    _requests.Clear();
                    _sourceSql = null;
                }

                private void MarkLoaded() => _loaded = true;
            }
            """;
        await VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("_loaded"));
    }
}
