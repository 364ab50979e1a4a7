using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.CSharp;
using ModelManagement.Analyzers.Rules;
using ModelManagement.Analyzers.Tests.Verifiers;
using Verify = ModelManagement.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelManagement.Analyzers.Rules.MM0003OptionalDependencyWithoutNullCheckAnalyzer>;

namespace ModelManagement.Analyzers.Tests.Rules.MM0003;

/// <summary>
/// MM0003 and null-check helpers that come from another assembly (metadata): MassTransit's
/// <c>IsNotEmpty&lt;T&gt;(this IPipe&lt;T&gt;? pipe)</c> lives in MassTransit.Abstractions, the code that calls it in MassTransit.
/// </summary>
public sealed partial class MM0003OptionalDependencyWithoutNullCheckTests
{
    [Fact]
    public async Task UnannotatedNullCheckHelperFromMetadata_ProvesLikeASourceOne()
    {
        var library = await TestCompilations.EmitAsync(
            """
            #nullable enable
            namespace Pipes
            {
                public interface IPipeContext { }
                public interface IPipe<T> where T : class, IPipeContext { System.Threading.Tasks.Task Send(T context); void Probe(object context); }
                public static class PipeExtensions
                {
                    public static bool IsNotEmpty<T>(this IPipe<T>? pipe) where T : class, IPipeContext => pipe != null;
                    public static bool IsEmpty<T>(this IPipe<T>? pipe) where T : class, IPipeContext => pipe == null;
                    public static bool IsUsable<T>(this IPipe<T> pipe) where T : class, IPipeContext => true;
                }
            }
            """,
            ImmutableArray<MetadataReference>.Empty);
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Threading.Tasks;
                using Pipes;

                public class ForwardPipe<T> where T : class, IPipeContext
                {
                    private readonly IPipe<T> _pipe;

                    public ForwardPipe(IPipe<T> pipe = default)
                    {
                        _pipe = pipe;
                    }

                    public async Task Send(T context)
                    {
                        if (_pipe.IsNotEmpty())
                            await _pipe.Send(context);
                    }

                    public void Probe(object context)
                    {
                        if (_pipe.IsEmpty())
                            return;

                        _pipe.Probe(context);
                    }

                    public void Unproven(object context)
                    {
                        if ({|#0:_pipe|}.IsUsable())
                            {|#1:_pipe|}.Probe(context);
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("_pipe")); // a non-nullable `this` is a use
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HalfTypedMember_ShapeIsSyntaxErrors_SoNoFixIsOffered()
    {
        // An independent consumer check: `dotnet format` guarded `_registry.Register(` in a method with an unfinished call and
        // took the method's closing brace into the new `if`. A member with syntax errors gets the SyntaxErrors shape, which
        // the fix never guards; the complete member next to it keeps its own shape.
        var source = """
            public sealed class Narrator
            {
                private readonly IModelRegistry _registry;

                public Narrator(IModelRegistry registry = null) => _registry = registry;

                public void HalfTyped()
                {
                    _registry.Register("a");
                    _registry.Register(
                }

                public void Complete()
                {
                    _registry.Register("b");
                }
            }
            """ + Domain;
        var run = await ModelManagement.Analyzers.Tests.Robustness.RobustnessHarness.AnalyzeAsync(
            new[] { ModelManagement.Analyzers.Tests.Robustness.RobustnessHarness.Parse(source) },
            nullable: NullableContextOptions.Disable);

        var shapes = new System.Collections.Generic.List<string?>();
        foreach (var diagnostic in run.Diagnostics)
        {
            if (diagnostic.Id == "MM0003")
            {
                diagnostic.Properties.TryGetValue(MM0003DiagnosticProperties.ShapeKey, out var shape);
                shapes.Add(diagnostic.Location.GetLineSpan().StartLinePosition.Line + ":" + shape);
            }
        }

        Assert.Equal(new[] { "8:" + MM0003DiagnosticProperties.SyntaxErrors, "14:" + MM0003DiagnosticProperties.DiscardedExpression }, shapes);
    }
}
