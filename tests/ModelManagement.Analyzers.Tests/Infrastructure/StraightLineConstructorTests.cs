using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// MM0003 answers a constructor of plain assignments from its syntax (<see cref="StraightLineConstructor"/>) instead of
/// binding it and running the null-state analysis over its graph. Both must find the same optional members: checked for
/// every type of the generated corpus and of a file of constructor shapes, with the syntactic answer on and off.
/// </summary>
public sealed class StraightLineConstructorTests
{
    private const string Shapes = /* lang=c#-test */ """
        using System;

        public interface IRegistry { string Name { get; } IRegistry Next(); }
        public interface ILoggerFactory { object Create(string name); }
        public sealed class NullRegistry : IRegistry { public static readonly NullRegistry Instance = new NullRegistry(); public string Name => ""; public IRegistry Next() => this; }
        public class Holder { protected IRegistry Inherited; }

        public sealed class Plain
        {
            private readonly IRegistry _a;
            public Plain(IRegistry a = null) { _a = a; }
            public string Name => _a.Name;
        }

        public sealed class Defaulted
        {
            private readonly IRegistry _a;
            private readonly object _logger;
            public Defaulted(IRegistry a = null, ILoggerFactory loggerFactory = null)
            {
                this._a = a ?? NullRegistry.Instance;
                this._logger = loggerFactory?.Create("x") ?? new object();
            }
            public string Name => _a.Name + _logger;
        }

        public sealed class Overwritten
        {
            private IRegistry _a, _b;
            public Overwritten(IRegistry a = null, IRegistry b = null) { _a = a; _a = NullRegistry.Instance; _b = NullRegistry.Instance; _b = b; }
            public string Name => _a.Name + _b.Name;
        }

        public sealed class ExpressionBodied
        {
            private IRegistry Registry { get; }
            public ExpressionBodied(IRegistry registry = null) => Registry = registry;
            public string Name => Registry.Name;
        }

        public sealed class Inheriting : Holder
        {
            public Inheriting(IRegistry registry = null) { this.Inherited = registry; }
            public string Name => Inherited.Name;
        }

        public sealed class Dereferenced
        {
            private readonly IRegistry _a;
            private readonly string _name;
            public Dereferenced(IRegistry a = null) { _a = a; _name = _a.Name; }
            public string Name => _a.Name + _name;
        }

        public sealed class Thrown
        {
            private readonly IRegistry _a, _b;
            public Thrown(IRegistry a = null, IRegistry b = null) { _b = a ?? throw new ArgumentNullException(nameof(a)); _a = a; _b = b; }
            public string Name => _a.Name + _b.Name;
        }

        public sealed class Asserted
        {
            private readonly IRegistry _a;
            public Asserted(IRegistry a = null) { _a = a!; }
            public string Name => _a.Name;
        }

        public sealed class Called
        {
            private IRegistry _a;
            public Called(IRegistry a = null) { _a = a; _a = Ensure(); }
            private IRegistry Ensure() => _a ?? NullRegistry.Instance;
            public string Name => _a.Name;
        }

        public sealed class Branching
        {
            private readonly IRegistry _a;
            public Branching(IRegistry a = null) { if (a != null) { _a = a; } else { _a = NullRegistry.Instance; } }
            public string Name => _a.Name;
        }

        public sealed class Chained
        {
            private readonly IRegistry _a;
            public Chained(IRegistry a = null) { _a = a; }
            public Chained() : this(NullRegistry.Instance) { }
            public string Name => _a.Name;
        }

        public sealed class NullStored
        {
            private IRegistry _a;
            public NullStored(IRegistry a = null) { _a = a; _a = null; }
            public string Name => _a?.Name;
        }

        public sealed class RequiredAsserted
        {
            private readonly IRegistry _store, _a;
            public RequiredAsserted(IRegistry store, IRegistry a = null) { _store = store ?? throw new ArgumentNullException(nameof(store)); _a = a; }
            public string Name => _store.Name + _a.Name;
        }

        public static class Verify { public static void NotNull(object value) { if (value is null) throw new ArgumentNullException(); } }
        public class WithOptions { protected WithOptions(object options) { } }

        public sealed class Guarded
        {
            private readonly IRegistry _kernel, _a;
            public Guarded(IRegistry kernel, IRegistry a = null) { Verify.NotNull(kernel); ArgumentNullException.ThrowIfNull(kernel); _kernel = kernel; _a = a; }
            public string Name => _kernel.Name + _a.Name;
        }

        public sealed class GuardedTracked
        {
            private readonly IRegistry _a;
            public GuardedTracked(IRegistry a = null) { Verify.NotNull(a); _a = a; }
            public string Name => _a.Name;
        }

        public sealed class BaseInitialized : WithOptions
        {
            private readonly IRegistry _a, _b;
            public BaseInitialized(IRegistry a = null, IRegistry b = null) : base(a) { _a = a; _b = b; }
            public string Name => _a.Name + _b.Name;
        }

        public sealed class OwnStaticGuard
        {
            private static IRegistry s_a;
            public OwnStaticGuard(IRegistry a = null) { s_a = a; OwnStaticGuard.Reset(); }
            private static void Reset() => s_a = NullRegistry.Instance;
            public string Name => s_a.Name;
        }

        public sealed class SelfCreated
        {
            private static IRegistry s_a;
            private readonly object _marker;
            public SelfCreated(IRegistry a = null) { s_a = a; _marker = SelfCreated.Reset(); }
            private static object Reset() { s_a = NullRegistry.Instance; return new object(); }
            public string Name => s_a.Name + _marker;
        }

        public sealed class Receiver
        {
            private readonly IRegistry _a, _b;
            public Receiver(IRegistry a = null, IRegistry b = null) { _b = a?.Next(); _a = a; _b = b; }
            public string Name => _a.Name + _b.Name;
        }
        """;

    [Fact]
    public async Task SyntacticAnswer_EqualsTheBoundAnalysis_OnEveryType()
    {
        var compilation = await RobustnessHarness.CompileCorpusWithAsync(Shapes, lines: 30_000);
        Assert.True(NullStateKnownSymbols.TryCreate(compilation, CancellationToken.None, out var symbols));

        var compared = 0;
        var straight = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type
                    || OptionalDependencies.TryCreate(type, symbols, CancellationToken.None) is not { } syntactic
                    || OptionalDependencies.TryCreate(type, symbols, CancellationToken.None, readStraightLineConstructors: false) is not { } bound)
                {
                    continue;
                }

                var expected = bound.GetMembers(model, compilation, CancellationToken.None).Select(member => member.ToDisplayString()).OrderBy(name => name);
                var actual = syntactic.GetMembers(model, compilation, CancellationToken.None).Select(member => member.ToDisplayString()).OrderBy(name => name);
                Assert.Equal(string.Join(", ", expected), string.Join(", ", actual));
                compared++;
                straight += type.InstanceConstructors.Count(constructor => StraightLineConstructor.TryRead(constructor, type, compilation, CancellationToken.None) is not null) > 0 ? 1 : 0;
            }
        }

        // Both kinds must occur, or the test proves nothing.
        Assert.True(compared >= 15, $"only {compared} types compared");
        Assert.True(straight >= 8, $"only {straight} types with a straight-line constructor of {compared}");
    }

    [Theory]
    [InlineData("Plain", "_a")]
    [InlineData("Defaulted", "")]
    [InlineData("Overwritten", "_b")]
    [InlineData("ExpressionBodied", "Registry")]
    [InlineData("Inheriting", "Inherited")]
    [InlineData("Receiver", "_a, _b")]
    [InlineData("RequiredAsserted", "_a")]
    [InlineData("Guarded", "_a")]
    [InlineData("BaseInitialized", "_a, _b")]
    public async Task StraightLineShapes_AreReadFromSyntax(string typeName, string expectedMembers)
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(Shapes, "Shapes.cs") });
        var type = compilation.GetTypeByMetadataName(typeName)!;
        var constructor = type.InstanceConstructors.Single(c => !c.IsImplicitlyDeclared);
        var lines = StraightLineConstructor.TryRead(constructor, type, compilation, CancellationToken.None);
        Assert.NotNull(lines);
        var optional = type.GetMembers().Concat(type.BaseType!.GetMembers())
            .Where(member => member is IFieldSymbol or IPropertySymbol && lines!.MayBeNullAtExit(member, ordinal => constructor.Parameters[ordinal].HasExplicitDefaultValue))
            .Select(member => member.Name)
            .OrderBy(name => name);
        Assert.Equal(expectedMembers, string.Join(", ", optional));
    }

    [Fact]
    public async Task AParameterAssertedWithThrow_IsRecorded_SoATrackedOneHandsTheConstructorBack()
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(Shapes, "Shapes.cs") });
        var thrown = compilation.GetTypeByMetadataName("Thrown")!;
        var lines = StraightLineConstructor.TryRead(thrown.InstanceConstructors.Single(), thrown, compilation, CancellationToken.None);
        Assert.NotNull(lines);
        Assert.True(lines!.AssertsAny(ordinal => ordinal == 0));   // `a ?? throw …`: a tracked `a` is asserted
        Assert.False(lines.AssertsAny(ordinal => ordinal == 1));   // `b` is not

        var guarded = compilation.GetTypeByMetadataName("GuardedTracked")!;
        Assert.True(StraightLineConstructor.TryRead(guarded.InstanceConstructors.Single(), guarded, compilation, CancellationToken.None)!.AssertsAny(ordinal => ordinal == 0));
        var based = compilation.GetTypeByMetadataName("BaseInitialized")!;
        var basedLines = StraightLineConstructor.TryRead(based.InstanceConstructors.Single(), based, compilation, CancellationToken.None)!;
        Assert.True(basedLines.AssertsAny(ordinal => ordinal == 0));  // `: base(a)`
        Assert.False(basedLines.AssertsAny(ordinal => ordinal == 1));

        var required = compilation.GetTypeByMetadataName("RequiredAsserted")!;
        var requiredLines = StraightLineConstructor.TryRead(required.InstanceConstructors.Single(), required, compilation, CancellationToken.None);
        Assert.False(requiredLines!.AssertsAny(ordinal => ordinal == 1)); // only `store` (ordinal 0) is asserted
    }

    [Theory]
    [InlineData("Dereferenced")]
    [InlineData("Asserted")]
    [InlineData("Called")]
    [InlineData("Branching")]
    [InlineData("NullStored")]
    [InlineData("OwnStaticGuard")]
    [InlineData("SelfCreated")]
    public async Task OtherShapes_AreLeftToTheBoundAnalysis(string typeName)
    {
        var compilation = await RobustnessHarness.CompileAsync(new[] { RobustnessHarness.Parse(Shapes, "Shapes.cs") });
        var type = compilation.GetTypeByMetadataName(typeName)!;
        Assert.All(
            type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared),
            constructor => Assert.Null(StraightLineConstructor.TryRead(constructor, type, compilation, CancellationToken.None)));
    }
}
