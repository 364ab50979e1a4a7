using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelManagement.Analyzers.Infrastructure;
using ModelManagement.Analyzers.Tests.Verifiers;

namespace ModelManagement.Analyzers.Tests.Infrastructure;

/// <summary>
/// MM0003 reads members' and parameters' attributes only when <c>[OptionalDependency]</c> can be on something the
/// compilation uses: with ModelManagement.Patterns referenced (as by every consumer of the package), the source must
/// write the name, or a library built against it must be referenced.
/// </summary>
public sealed class NullStateKnownSymbolsTests
{
    [Theory]
    [InlineData("public sealed class Narrator { public Narrator(object? registry = null) { } }", false)]
    [InlineData("public sealed class ModelOptionalDependencyList { } // another type's name", false)]
    [InlineData("using ModelManagement.Patterns; public sealed class Narrator { [OptionalDependency] private readonly object? _registry; }", true)]
    [InlineData("public sealed class Narrator { public Narrator([ModelManagement.Patterns.OptionalDependencyAttribute] object? registry) { } }", true)]
    [InlineData("using Maybe = ModelManagement.Patterns.OptionalDependencyAttribute; public sealed class Narrator { [Maybe] public object? Registry { get; set; } }", true)]
    public async Task MarkerAttribute_WithPatternsReferenced_OnlyWhereTheSourceCanApplyIt(string source, bool expected)
    {
        var compilation = await TestCompilations.CompileAsync("#nullable enable\n" + source, ImmutableArray.Create(TestEnvironment.PatternsReference));
        Assert.True(NullStateKnownSymbols.TryCreate(compilation, CancellationToken.None, out var symbols));
        Assert.Equal(expected, symbols.HasMarkerAttribute);
    }

    [Fact]
    public async Task MarkerAttribute_DeclaredInSource_CanBeApplied()
    {
        var compilation = await TestCompilations.CompileAsync(
            "namespace Company.Shared { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class OptionalDependencyAttribute : System.Attribute { } }",
            ImmutableArray<MetadataReference>.Empty);
        Assert.True(NullStateKnownSymbols.TryCreate(compilation, CancellationToken.None, out var symbols));
        Assert.True(symbols.HasMarkerAttribute);
    }

    [Fact]
    public async Task MarkerAttribute_AppliedByAReferencedLibrary_CanBeApplied()
    {
        var library = await TestCompilations.EmitAsync(
            "using ModelManagement.Patterns; namespace Lib { public class Base { [OptionalDependency] protected object? Registry; } }",
            ImmutableArray.Create(TestEnvironment.PatternsReference),
            "Lib");
        var compilation = await TestCompilations.CompileAsync(
            "public sealed class Narrator : Lib.Base { }",
            ImmutableArray.Create(TestEnvironment.PatternsReference, library));
        Assert.True(NullStateKnownSymbols.TryCreate(compilation, CancellationToken.None, out var symbols));
        Assert.True(symbols.HasMarkerAttribute);
    }
}
