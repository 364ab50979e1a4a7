using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using ModelManagement.Analyzers.CodeFixes.Infrastructure;
using ModelManagement.Analyzers.Tests.Robustness;
using Xunit;

namespace ModelManagement.Analyzers.Tests.CodeFixInfrastructure;

/// <summary>
/// The using directives a fix's <c>global::</c>-qualified names need, found from the original document's model and added
/// to the file's using section as the file writes it — or left to Roslyn's import adder where that cannot be done faithfully.
/// </summary>
public sealed class UsingDirectivesTests
{
    [Theory]
    [InlineData("", "global::System.Text.StringBuilder", "System.Text")]
    [InlineData("using System.Text;", "global::System.Text.StringBuilder", "")]
    [InlineData("using System.Text; using System.Collections.Generic;", "global::System.Collections.Generic.List<global::System.Text.StringBuilder>", "")]
    [InlineData("", "global::System.Collections.Generic.List<global::System.Text.StringBuilder>", "System.Collections.Generic,System.Text")]
    [InlineData("", "global::System.Environment.SpecialFolder", "System")]
    [InlineData("", "global::System.String", "")]
    [InlineData("", "global::System.Nullable<int>", "")]
    [InlineData("", "global::System.ValueTuple<int, int>", "")]
    public async Task MissingImports_AreTheNamespacesNotInScopeYet(string usings, string name, string expected)
    {
        var missing = await MissingAsync(usings + "\nnamespace N { public class C { private " + name + " _f; } }");

        Assert.Equal(expected, string.Join(",", missing!.Select(r => r.Namespace.ToDisplayString())));
    }

    [Fact]
    public async Task NameInAMemberAccess_NeedsItsTypesNamespace()
    {
        var missing = await MissingAsync("namespace N { public class C { private object _f = global::System.Text.Encoding.UTF8; } }", annotate: "global::System.Text.Encoding.UTF8");

        Assert.Equal("System.Text", Assert.Single(missing!).Namespace.ToDisplayString());
    }

    [Fact]
    public async Task EnclosingNamespaceOrItsUsings_PutTheNameInScope()
    {
        Assert.Empty((await MissingAsync("namespace System.Text.Custom { public class C { private global::System.Text.StringBuilder _f; } }"))!);
        Assert.Empty((await MissingAsync("namespace N { using System.Text; public class C { private global::System.Text.StringBuilder _f; } }"))!);
    }

    [Fact]
    public async Task GlobalUsingOfAnotherFile_PutsTheNameInScope()
        => Assert.Empty((await MissingAsync("namespace N { public class C { private global::System.Text.StringBuilder _f; } }", otherFile: "global using System.Text;"))!);

    [Fact]
    public async Task NameThatDoesNotResolve_IsLeftToRoslyn()
        => Assert.Null(await MissingAsync("namespace N { public class C { private global::Nowhere.Thing _f; } }", allowErrors: true));

    [Theory]
    [InlineData("using System;\nusing Contoso.B;\n\nclass C { }\n", "Contoso.A", "using System;\nusing Contoso.A;\nusing Contoso.B;\n\nclass C { }\n")]
    [InlineData("using Contoso.B;\n\nclass C { }\n", "System.Text", "using System.Text;\nusing Contoso.B;\n\nclass C { }\n")]
    [InlineData("using Zeta;\nusing Alpha;\n\nclass C { }\n", "Beta", "using Zeta;\nusing Alpha;\nusing Beta;\n\nclass C { }\n")]
    [InlineData("using Contoso;\nusing System;\n\nclass C { }\n", "Microsoft.Extensions", "using Contoso;\nusing Microsoft.Extensions;\nusing System;\n\nclass C { }\n")]
    [InlineData("using System;\nusing Json = System.Text.Json;\n\nclass C { }\n", "System.Text", "using System;\nusing System.Text;\nusing Json = System.Text.Json;\n\nclass C { }\n")]
    [InlineData("global using Zeta;\nusing Beta;\n", "Alpha", "global using Zeta;\nusing Alpha;\nusing Beta;\n")]
    [InlineData("namespace N\n{\n    using System;\n\n    class C { }\n}\n", "System.Text", "namespace N\n{\n    using System;\n    using System.Text;\n\n    class C { }\n}\n")]
    [InlineData("namespace N;\n\nusing System;\n\nclass C { }\n", "System.Text", "namespace N;\n\nusing System;\nusing System.Text;\n\nclass C { }\n")]
    [InlineData("namespace N\n{\n}\n", "System.Text", "using System.Text;\n\nnamespace N\n{\n}\n")]
    [InlineData("// Copyright (c) Contoso\nusing Zeta;\n", "Alpha", "// Copyright (c) Contoso\nusing Alpha;\nusing Zeta;\n")]
    [InlineData("#nullable enable\nusing Zeta;\n", "Alpha", "#nullable enable\nusing Alpha;\nusing Zeta;\n")]
    [InlineData("using System;\r\n\r\nclass C { }\r\n", "System.Text", "using System;\r\nusing System.Text;\r\n\r\nclass C { }\r\n")]
    public void TryAdd_PlacesTheUsingAsTheFileDoes(string source, string ns, string expected)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();

        Assert.Equal(expected, UsingDirectives.TryAdd(root, new[] { ns })!.ToFullString());
    }

    [Theory]
    // Found by `dotnet format` on confluent-kafka-dotnet: Roslyn's import adder, the fallback, left a blank line above the #if.
    [InlineData("using System.Threading.Tasks;\n#if NET8_0_OR_GREATER\nusing System.Buffers;\n#endif\n\nnamespace N { }\n", "ModelManagement.Patterns",
        "using System.Threading.Tasks;\nusing ModelManagement.Patterns;\n#if NET8_0_OR_GREATER\nusing System.Buffers;\n#endif\n\nnamespace N { }\n")]
    // Sorted: the new using's place is inside the region, so it goes just above it.
    [InlineData("using Alpha;\n#if DEBUG\nusing Beta;\n#endif\nusing Gamma;\n", "Delta", "using Alpha;\nusing Delta;\n#if DEBUG\nusing Beta;\n#endif\nusing Gamma;\n")]
    [InlineData("using Alpha;\n#if DEBUG\nusing Beta;\n#else\nusing Gamma;\n#endif\n", "Aardvark", "using Aardvark;\nusing Alpha;\n#if DEBUG\nusing Beta;\n#else\nusing Gamma;\n#endif\n")]
    // A #if after the usings (around the first member) stays below them.
    [InlineData("using Alpha;\n\n#if DEBUG\nclass C { }\n#endif\n", "Beta", "using Alpha;\nusing Beta;\n\n#if DEBUG\nclass C { }\n#endif\n")]
    public void TryAdd_UsingsWithAConditionalRegion_TheNewOneGoesAboveTheRegion(string source, string ns, string expected)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();

        Assert.Equal(expected, UsingDirectives.TryAdd(root, new[] { ns })!.ToFullString());
    }

    [Fact]
    public void TryAdd_SeveralNamespaces_EachInItsPlace()
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText("using System;\nusing Contoso;\n").GetRoot();

        Assert.Equal("using System;\nusing System.Text;\nusing Beta;\nusing Contoso;\n", UsingDirectives.TryAdd(root, new[] { "Beta", "System.Text" })!.ToFullString());
    }

    [Theory]
    [InlineData("// Copyright (c) Contoso\nnamespace N { }\n")]
    [InlineData("#nullable enable\nnamespace N { }\n")]
    [InlineData("#if DEBUG\nusing A;\n#endif\nclass C { }\n")]
    [InlineData("#if DEBUG\nusing A;\n#endif\nusing B;\nclass C { }\n")]
    public void TryAdd_WhereTheNewUsingsPlaceIsNotClear_LeavesItToRoslyn(string source)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();

        Assert.Null(UsingDirectives.TryAdd(root, new[] { "System.Text" }));
    }

    private static async Task<System.Collections.Generic.List<UsingDirectives.Request>?> MissingAsync(string source, string? annotate = null, string? otherFile = null, bool allowErrors = false)
    {
        var tree = RobustnessHarness.Parse(source);
        var trees = otherFile is null ? new[] { tree } : new[] { tree, RobustnessHarness.Parse(otherFile, "Test1.cs") };
        var compilation = await RobustnessHarness.CompileAsync(trees);
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var root = (CompilationUnitSyntax)tree.GetRoot();
        SyntaxNode target = annotate is null
            ? root.DescendantNodes().OfType<FieldDeclarationSyntax>().Single().Declaration.Type
            : root.DescendantNodes().OfType<ExpressionSyntax>().First(e => e.ToString() == annotate);
        var annotated = root.ReplaceNode(target, target.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation));
        return UsingDirectives.MissingImports(annotated, compilation.GetSemanticModel(tree), CancellationToken.None);
    }
}
