using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// MM0005 summarises an own callee only when its declaration names a member the caller tests
/// (<see cref="LazyInitWriteSummaries.GetForCall"/>): a callee naming none of them is not bound. The gate must keep every
/// member the bound summary holds — checked on every own call of the generated corpus and of a file of write shapes.
/// </summary>
public sealed class WriteSummaryNameGateTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System;
        using System.Threading.Tasks;

        public sealed class Loader
        {
            private bool _loaded, _other, @checked, _counted, _pair, _viaLambda, _escaped;
            private int _count;
            private string _name;
            public bool Ready { get; private set; }

            public async Task RunAsync()
            {
                if (!_loaded) { await LoadAsync(); }
                if (!_other) { SetOther(); }
                if (!@checked) { await MarkAsync(); }
                if (_count == 0) { Count(); }
                if (!_pair) { await PairAsync(); }
                if (!Ready) { await ReadyAsync(); }
                if (!_escaped) { Escaped(); }
                if (!_viaLambda) { Nothing(); }
            }

            private async Task LoadAsync() { await Task.Yield(); this._loaded = true; }
            private void SetOther() { _other = true; _name = "x"; }
            private async Task MarkAsync() { await Task.Yield(); @checked = true; }
            private void Count() { _count++; _counted = true; }
            private async Task PairAsync() { await Task.Yield(); (_pair, _name) = (true, "y"); }
            private async Task ReadyAsync() { await Task.Yield(); Local(); void Local() => Ready = true; }
            private void Escaped() { _\u0065scaped = true; }
            private void Nothing() { Action a = () => Console.WriteLine(_name); a(); }
        }
        """;

    [Fact]
    public async Task EveryMemberABoundSummaryHolds_PassesTheNameGate_AndACalleeNamingNoneIsNotSummarised()
    {
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(Shapes, lines: 8_000);

        var kept = 0;
        var gated = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol { ContainingType: { } type } || model.GetOperation(declaration) is not { } body)
                {
                    continue;
                }

                var members = type.GetMembers().Where(member => member is IFieldSymbol or IPropertySymbol && !member.IsImplicitlyDeclared).ToArray();
                foreach (var invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    // Ungated: every member of the type is tested, so any callee that names one is bound.
                    var full = new LazyInitWriteSummaries(compilation).GetForCall(invocation, type, model, members, members.Length, CancellationToken.None);
                    if (full is null)
                    {
                        continue;
                    }

                    var written = full.WritesBeforeAwait.Concat(full.WritesAfterAwait).Concat(full.AlwaysWrites).Distinct(SymbolEqualityComparer.Default).ToList();
                    foreach (var member in written)
                    {
                        var alone = new LazyInitWriteSummaries(compilation).GetForCall(invocation, type, model, new[] { member! }, 1, CancellationToken.None);
                        Assert.NotNull(alone);
                        Assert.Contains(member, alone!.WritesBeforeAwait.Concat(alone.WritesAfterAwait).Concat(alone.AlwaysWrites), SymbolEqualityComparer.Default);
                        kept++;
                    }

                    // A member the callee's declaration does not name gets the empty summary, unbound.
                    var unnamed = members.FirstOrDefault(member => !written.Contains(member, SymbolEqualityComparer.Default) && !Names(invocation.TargetMethod, member.Name));
                    if (unnamed is not null && written.Count != 0)
                    {
                        var summary = new LazyInitWriteSummaries(compilation).GetForCall(invocation, type, model, new[] { unnamed }, 1, CancellationToken.None);
                        Assert.Same(LazyInitWriteSummary.Empty, summary);
                        gated++;
                    }
                }
            }
        }

        // Both kinds must occur, or the test proves nothing.
        Assert.True(kept >= 10, $"only {kept} written members");
        Assert.True(gated >= 5, $"only {gated} callees gated");
    }

    private static bool Names(IMethodSymbol method, string name)
        => method.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax().DescendantTokens().Any(token => token.ValueText == name));
}
