using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// MM0005's per-block gate (<see cref="LazyInitMembers.MayBeTrackedCheck"/>): a condition passes it when an operand is a
/// member the flow analysis tracks, and only then is the member's control-flow graph built.
/// </summary>
public sealed class LazyInitMembersTests
{
    private const string Source = """
        using System;

        public sealed class Options { public bool Enabled { get; set; } public object? Catalog; }

        public sealed class Loader
        {
            private static object? s_shared;
            private object? _catalog;
            private int? _count;
            private bool _loaded;
            private const int Limit = 3;
            private readonly Options _options = new();
            private bool Loaded { get; set; }
            private bool Computed => _loaded;
            public object? Exposed { get; set; }

            public void Own(Loader other, Options options, Uri uri)
            {
                if (_catalog == null) { }
                if (this._catalog is null) { }
                if (!_loaded) { }
                if (!Loaded) { }
                if (s_shared != null) { }
                if (_count.HasValue) { }
                if (uri.IsAbsoluteUri && _catalog is { }) { }
                if ((object?)_catalog == null) { }
            }

            public void NotOwn(Loader other, Options options, Uri uri)
            {
                if (options.Enabled) { }
                if (_options.Enabled) { }
                if (other._catalog == null) { }
                if (uri.IsAbsoluteUri) { }
                if (Limit > 2) { }
                if (Computed) { }
                if (Exposed == null) { }
                if (_options.Catalog == null && options.Enabled) { }
            }

            public object Coalesce(Options options) => (_catalog ?? options.Catalog) ?? (other() ?? new object());

            private static object? other() => null;
        }
        """;

    [Fact]
    public async Task OwnFieldStaticFieldAndPrivateAutoProperty_PassTheGate()
    {
        var conditions = await ConditionsAsync("Own");
        Assert.Equal(8, conditions.Length);
        Assert.All(conditions, condition => Assert.True(LazyInitMembers.MayBeTrackedCheck(condition), condition.Syntax.ToString()));
    }

    [Fact]
    public async Task AnotherObjectsStateConstantComputedOrPublicSettableProperty_DoesNotPassTheGate()
    {
        var conditions = await ConditionsAsync("NotOwn");
        Assert.Equal(8, conditions.Length);
        foreach (var condition in conditions)
        {
            Assert.False(LazyInitMembers.MayBeTrackedCheck(condition), condition.Syntax.ToString());
            if (condition.Syntax.ToString() is "options.Enabled" or "_options.Enabled" or "other._catalog == null" or "Exposed == null")
            {
                Assert.True(LazyInitMembers.MayBeCheck(condition), condition.Syntax.ToString()); // the graph's looser test still sees a member
            }
        }
    }

    [Fact]
    public async Task CoalesceOnOwnField_IsTrackedAndOnAnotherValue_IsNot()
    {
        var (compilation, tree) = await CompileAsync();
        var model = compilation.GetSemanticModel(tree);
        var coalesces = tree.GetRoot().DescendantNodes().OfType<BinaryExpressionSyntax>()
            .Where(b => b.OperatorToken.Text == "??")
            .Select(b => (ICoalesceOperation)model.GetOperation(b)!)
            .ToDictionary(c => c.Value.Syntax.ToString(), c => c.Value);
        Assert.True(LazyInitMembers.IsTrackedMemberReference(coalesces["_catalog"]));
        Assert.False(LazyInitMembers.IsTrackedMemberReference(coalesces["_catalog ?? options.Catalog"]));
        Assert.False(LazyInitMembers.IsTrackedMemberReference(coalesces["other()"]));
    }

    private static async Task<ImmutableArray<IOperation>> ConditionsAsync(string method)
    {
        var (compilation, tree) = await CompileAsync();
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
        return body.DescendantNodes().OfType<IfStatementSyntax>()
            .Select(statement => ((IConditionalOperation)model.GetOperation(statement)!).Condition)
            .ToImmutableArray();
    }

    private static async Task<(Compilation Compilation, SyntaxTree Tree)> CompileAsync()
    {
        var compilation = await TestCompilations.CompileAsync("#nullable enable\n" + Source, ImmutableArray<MetadataReference>.Empty);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation, compilation.SyntaxTrees.Single());
    }
}
